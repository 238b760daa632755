// Deciding whether the Prelude can run later, at the first input that could see it, instead of at
// start-up (parsing it costs more than the rest of `mfsh -c 1`).
//
// Running it late is only allowed when that cannot be observed: every top-level statement must be
// a `def` whose defaults are literals, a `class` without bases (or with a builtin one) whose body
// only defines methods and a docstring (a convention the Prelude keeps: the scanner sees headers
// only), an assignment of a literal, an import, or a docstring. Then
// running the Prelude binds names and does nothing else, so it is enough to run it before the first
// code that mentions one of those names (or could look at globals at all: dir(), globals(), help…).
// Names imported `from metaflow` are already the shell's globals with the same values; they do not
// trigger a load, and the load puts back whatever the user has rebound them to meanwhile.

struct PreludePlan {
    /// False: some statement has effects or reads globals at load time; run everything at start-up.
    var canDefer = true
    /// Names the Prelude binds; code mentioning any of them must see the Prelude first.
    var triggers: Set<String> = []
    /// Names bound by `from metaflow import ...` (already globals of the shell).
    var metaflowImports: [String] = []

    /// Bases a deferred class may name: builtins, which the Prelude cannot have rebound.
    static let builtinBases: Set<String> = ["object", "Exception", "ValueError", "KeyError", "dict", "list"]

    /// Names through which code can see every global, whatever it is called.
    static let reflective: Set<String> = ["dir", "globals", "vars", "locals", "help", "eval", "exec", "compile",
                                          "__import__", "__main__", "__builtins__", "sys", "importlib"]

    /// `isShellGlobal(name)`: whether the shell already binds `name` (so `from metaflow import name` is a no-op).
    mutating func add(source: String, isShellGlobal: (String) -> Bool) {
        for statement in TopLevelScanner.statements(source) where canDefer {
            classify(statement, isShellGlobal: isShellGlobal)
        }
    }

    private mutating func classify(_ s: String, isShellGlobal: (String) -> Bool) {
        let words = s.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = words.first else { return }
        if Self.isStringLiteral(s) { return }   // a docstring
        switch first {
        case "def":
            guard words.count > 1, let name = words[1].split(separator: "(").first.map(String.init),
                  Self.isIdentifier(name), Self.literalDefaults(s) else { canDefer = false; return }
            triggers.insert(name)
        case "class":
            // class NAME:   or   class NAME(object|Exception):
            guard words.count >= 2, s.hasSuffix(":") else { canDefer = false; return }
            var header = String(s.dropFirst("class".count).dropLast()).trimmedBlanks()
            if let open = header.firstIndex(of: "("), header.hasSuffix(")") {
                let base = String(header[header.index(after: open)..<header.index(before: header.endIndex)]).trimmedBlanks()
                guard base.isEmpty || Self.builtinBases.contains(base) else { canDefer = false; return }
                header = String(header[..<open]).trimmedBlanks()
            }
            guard Self.isIdentifier(header) else { canDefer = false; return }
            triggers.insert(header)
        case "from":
            // from MODULE import a, b as c   (parentheses allowed)
            guard words.count >= 4, words[2] == "import" else { canDefer = false; return }
            let names = Self.importedNames(words.dropFirst(3).joined(separator: " "))
            guard let names else { canDefer = false; return }
            for n in names {
                if words[1] == "metaflow" && isShellGlobal(n) { metaflowImports.append(n) } else { triggers.insert(n) }
            }
        case "import":
            guard let names = Self.importedNames(words.dropFirst().joined(separator: " ")) else { canDefer = false; return }
            for n in names { triggers.insert(String(n.split(separator: ".").first ?? Substring(n))) }
        default:
            // NAME = literal
            guard let eq = s.firstIndex(of: "=") else { canDefer = false; return }
            let target = String(s[..<eq]).trimmedBlanks()
            let value = String(s[s.index(after: eq)...]).trimmedBlanks()
            guard Self.isIdentifier(target), !value.hasPrefix("="), Self.isLiteral(value) else { canDefer = false; return }
            triggers.insert(target)
        }
    }

    /// The names an import statement binds (`a.b as c, d` → c, d.b), nil for `*` or odd syntax.
    static func importedNames(_ list: String) -> [String]? {
        var text = list.trimmedBlanks()
        if text.hasPrefix("(") && text.hasSuffix(")") { text = String(text.dropFirst().dropLast()) }
        var out: [String] = []
        for part in text.split(separator: ",") {
            let w = part.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
            if w.isEmpty { continue }   // trailing comma
            if w.count == 1, w[0].split(separator: ".").allSatisfy({ isIdentifier(String($0)) }) { out.append(w[0]) }
            else if w.count == 3, w[1] == "as", isIdentifier(w[2]) { out.append(w[2]) }
            else { return nil }
        }
        return out.isEmpty ? nil : out
    }

    /// A `def` header whose parameters are plain names, `*args`, `**kw` or `name=literal`.
    static func literalDefaults(_ header: String) -> Bool {
        guard let open = header.firstIndex(of: "("), let close = header.lastIndex(of: ")"), open < close else { return false }
        let after = String(header[header.index(after: close)...]).trimmedBlanks()
        guard after == ":" else { return false }    // no return annotation
        let params = String(header[header.index(after: open)..<close])
        for p in TopLevelScanner.splitTopLevel(params, on: ",") {
            let t = p.trimmedBlanks()
            if t.isEmpty || t == "*" || t == "/" { continue }
            if let eq = t.firstIndex(of: "=") {
                let name = String(t[..<eq]).trimmedBlanks()
                let value = String(t[t.index(after: eq)...]).trimmedBlanks()
                guard isIdentifier(name), isLiteral(value) else { return false }
            } else {
                var name = Substring(t)
                while name.first == "*" { name = name.dropFirst() }
                guard isIdentifier(String(name)) else { return false }
            }
        }
        return true
    }

    /// A literal that reads nothing: None/True/False, a number, a plain (non-f) string.
    static func isLiteral(_ s: String) -> Bool {
        if ["None", "True", "False"].contains(s) { return true }
        var t = Substring(s)
        if t.first == "-" || t.first == "+" { t = t.dropFirst() }
        if let f = t.first, f.isASCII, f.isNumber || f == ".",
           t.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_") }) { return true }
        return isStringLiteral(s)
    }

    /// One string literal without an f prefix (concatenated pieces are not considered).
    static func isStringLiteral(_ s: String) -> Bool {
        var t = Substring(s)
        while let c = t.first, "rRbBuU".contains(c) { t = t.dropFirst() }
        guard let q = t.first, q == "\"" || q == "'" else { return false }
        let strings = TopLevelScanner.stringSpans(String(t))
        return strings.count == 1 && strings[0] == 0..<t.utf8.count
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, f == "_" || f.properties.isXIDStart else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
    }

    /// Whether `source` mentions a trigger name (anywhere, strings included: a false alarm only costs time).
    func isMentioned(in source: String) -> Bool {
        var word: [UInt8] = []
        func check() -> Bool {
            defer { word.removeAll(keepingCapacity: true) }
            guard let f = word.first, !(f >= 0x30 && f <= 0x39) else { return false }
            let w = String(decoding: word, as: UTF8.self)
            return triggers.contains(w) || Self.reflective.contains(w)
        }
        for b in source.utf8 {
            if b == UInt8(ascii: "_") || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b >= 0x80 {
                word.append(b)
            } else if !word.isEmpty, check() {
                return true
            }
        }
        return !word.isEmpty && check()
    }
}

/// Splits source into its top-level logical statements (those starting in column 0), following
/// brackets, strings (triple-quoted too), comments and backslash continuations. Indented lines are
/// bodies of the statement before them and are left out.
enum TopLevelScanner {
    static func statements(_ source: String) -> [String] {
        let u = Array(source.utf8)
        var out: [String] = []
        var current: [UInt8] = []
        var atLineStart = true
        var topLevel = false
        var depth = 0
        var i = 0
        func finish() {
            if topLevel {
                let s = String(decoding: current, as: UTF8.self).trimmedBlanks()
                if !s.isEmpty { out.append(s) }
            }
            current.removeAll(keepingCapacity: true)
        }
        while i < u.count {
            let c = u[i]
            if atLineStart {
                atLineStart = false
                if depth == 0 {
                    finish()
                    topLevel = !(c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == UInt8(ascii: "#"))
                }
            }
            switch c {
            case UInt8(ascii: "#"):
                while i < u.count, u[i] != 0x0A { i += 1 }
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let end = stringEnd(u, from: i)
                current.append(contentsOf: u[i..<end])
                i = end
                continue
            case UInt8(ascii: "\\") where i + 1 < u.count && u[i + 1] == 0x0A:
                current.append(0x20)
                i += 2
                continue
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            case 0x0A: atLineStart = true
            default: break
            }
            current.append(c)
            i += 1
        }
        finish()
        return out
    }

    /// The index just past the string literal starting at `from` (a quote character).
    static func stringEnd(_ u: [UInt8], from: Int) -> Int {
        let q = u[from]
        let triple = from + 2 < u.count && u[from + 1] == q && u[from + 2] == q
        var i = from + (triple ? 3 : 1)
        while i < u.count {
            if u[i] == UInt8(ascii: "\\") { i += 2; continue }
            if !triple && u[i] == 0x0A { return i }
            if u[i] == q {
                if !triple { return i + 1 }
                if i + 2 < u.count && u[i + 1] == q && u[i + 2] == q { return i + 3 }
            }
            i += 1
        }
        return u.count
    }

    /// Byte ranges of the string literals of `s` (which starts at a quote).
    static func stringSpans(_ s: String) -> [Range<Int>] {
        let u = Array(s.utf8)
        var spans: [Range<Int>] = []
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "\"") || u[i] == UInt8(ascii: "'") {
                let e = stringEnd(u, from: i)
                spans.append(i..<e)
                i = e
            } else { i += 1 }
        }
        return spans
    }

    /// `s` split on `separator` outside brackets and strings.
    static func splitTopLevel(_ s: String, on separator: Character) -> [String] {
        let u = Array(s.utf8)
        let sep = separator.asciiValue ?? 0
        var parts: [String] = []
        var start = 0, depth = 0, i = 0
        while i < u.count {
            let c = u[i]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { i = stringEnd(u, from: i); continue }
            if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") || c == UInt8(ascii: "{") { depth += 1 }
            else if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") || c == UInt8(ascii: "}") { depth -= 1 }
            else if c == sep && depth == 0 {
                parts.append(String(decoding: u[start..<i], as: UTF8.self))
                start = i + 1
            }
            i += 1
        }
        parts.append(String(decoding: u[start..<u.count], as: UTF8.self))
        return parts
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line ends (scalar-wise: "\r\n" is one Character).
    func trimmedBlanks() -> String {
        let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        var scalars = Substring(self).unicodeScalars
        while let f = scalars.first, blank(f) { scalars.removeFirst() }
        while let l = scalars.last, blank(l) { scalars.removeLast() }
        return String(scalars)
    }
}
