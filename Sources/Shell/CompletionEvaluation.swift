// What a Tab may evaluate to list attributes or keys: never anything that can write or run user
// code. Pressing Tab after `Flow("F").latest_run.add_tag("x").` must not add the tag, so the text
// before the cursor is not handed to the interpreter; it must be, token by token, a chain of
//   NAME | CONSTRUCTOR(literal, ..., name=literal)      (Flow, Run, Step, Task, DataArtifact, Metaflow)
// followed by `.NAME` and `[literal]` trailers, where literals are plain strings and integers.
// The chain is then applied one step at a time: a bound name is read without evaluation, a client
// constructor (a read of the datastore) is called, and no step reaches into an instance of a user
// class, whose properties or __getattr__ / __getitem__ could do anything (numpy and pandas values,
// whose classes the host makes, are read like the client's objects).
import MFSInterpreter

struct CompletionChain {
    enum Literal: Equatable { case str(String), int(Int) }
    enum Step: Equatable { case attribute(String), item(Literal) }

    /// A bound name, or a constructor call with literal arguments.
    var name: String
    var call: (positional: [Literal], keywords: [(String, Literal)])?
    var steps: [Step]

    static let constructors: Set<String> = ["Flow", "Run", "Step", "Task", "DataArtifact", "Metaflow"]

    private enum Token: Equatable { case name(String), literal(Literal), punct(Character) }

    /// nil unless `expr` is such a chain.
    static func parse(_ expr: String) -> CompletionChain? {
        guard let tokens = tokenize(expr), case .name(let head)? = tokens.first else { return nil }
        var chain = CompletionChain(name: head, call: nil, steps: [])
        var i = 1
        if i < tokens.count, tokens[i] == .punct("(") {
            guard constructors.contains(head) else { return nil }
            i += 1
            var positional: [Literal] = [], keywords: [(String, Literal)] = []
            while i < tokens.count, tokens[i] != .punct(")") {
                if case .name(let key) = tokens[i], i + 2 < tokens.count, tokens[i + 1] == .punct("="),
                   case .literal(let v) = tokens[i + 2] {
                    keywords.append((key, v)); i += 3
                } else if case .literal(let v) = tokens[i], keywords.isEmpty {
                    positional.append(v); i += 1
                } else { return nil }
                if i < tokens.count, tokens[i] == .punct(",") { i += 1 } else { break }
            }
            guard i < tokens.count, tokens[i] == .punct(")") else { return nil }
            chain.call = (positional, keywords)
            i += 1
        }
        while i < tokens.count {
            switch tokens[i] {
            case .punct("."):
                guard i + 1 < tokens.count, case .name(let n) = tokens[i + 1] else { return nil }
                chain.steps.append(.attribute(n)); i += 2
            case .punct("["):
                guard i + 2 < tokens.count, case .literal(let v) = tokens[i + 1], tokens[i + 2] == .punct("]") else { return nil }
                chain.steps.append(.item(v)); i += 3
            default: return nil
            }
        }
        return chain
    }

    /// Names, plain string literals (no escapes), integers and `.[](),=`; nil on anything else.
    private static func tokenize(_ expr: String) -> [Token]? {
        let s = Array(expr.unicodeScalars)
        var out: [Token] = []
        var i = 0
        func isNameStart(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isXIDStart }
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\t" { i += 1; continue }
            if isNameStart(c) {
                var j = i + 1
                while j < s.count, s[j] == "_" || s[j].properties.isXIDContinue { j += 1 }
                out.append(.name(String(String.UnicodeScalarView(s[i..<j])))); i = j
            } else if c == "\"" || c == "'" {
                var j = i + 1
                while j < s.count, s[j] != c {
                    if s[j] == "\\" || s[j] == "\n" { return nil }
                    j += 1
                }
                guard j < s.count else { return nil }
                out.append(.literal(.str(String(String.UnicodeScalarView(s[(i + 1)..<j]))))); i = j + 1
            } else if c.properties.numericType == .decimal && c.isASCII || (c == "-" && i + 1 < s.count && s[i + 1].isASCII
                                                                          && s[i + 1].properties.numericType == .decimal) {
                var j = i + 1
                while j < s.count, s[j].isASCII, s[j].properties.numericType == .decimal { j += 1 }
                guard let n = Int(String(String.UnicodeScalarView(s[i..<j]))) else { return nil }
                out.append(.literal(.int(n))); i = j
            } else if ".[](),=".unicodeScalars.contains(c) {
                out.append(.punct(Character(c))); i += 1
            } else {
                return nil
            }
        }
        return out
    }

    private static func value(_ l: Literal) -> Value {
        switch l {
        case .str(let s): return .str(s)
        case .int(let n): return .int(n)
        }
    }

    /// The chain's value, or nil when a step is not allowed or fails.
    func evaluate(in interpreter: Interpreter) -> Value? {
        guard var current = interpreter.global(name) else { return nil }
        if let call {
            // The client's own class, not a name the user rebound to something of theirs.
            guard case .type(let cls) = current, cls.module == "metaflow.client.core", cls.name == name else { return nil }
            guard let made = try? interpreter.call(current, call.positional.map(Self.value),
                                                   call.keywords.map { ($0.0, Self.value($0.1)) }) else { return nil }
            current = made
        }
        // Built-in getattr and a subscript, as values: evaluating them defines nothing and runs nothing.
        guard !steps.isEmpty else { return current }
        guard let getattr = try? interpreter.executeInteractive(source: "getattr"),
              let getItem = try? interpreter.executeInteractive(source: "lambda o, k: o[k]") else { return nil }
        for step in steps {
            // User code: properties, __getattr__, __getitem__. An instance made by a host (a numpy
            // or pandas value) runs only the host's own reads, as Metaflow objects do.
            if case .instance(let i) = current, i.host == nil { return nil }
            let next: Value?
            switch step {
            case .attribute(let n): next = try? interpreter.call(getattr, [current, .str(n)])
            case .item(let key): next = try? interpreter.call(getItem, [current, Self.value(key)])
            }
            guard let next else { return nil }
            current = next
        }
        return current
    }
}
