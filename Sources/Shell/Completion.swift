// Tab completion that knows where the cursor is: pathspecs inside `Flow("`…, keys inside
// `obj["`, attributes after `expr.`, names elsewhere. Listings are cached briefly so a Tab on a
// datastore of 10,000 runs stays fast.
import MFSInterpreter
import MetaflowClient
#if canImport(Glibc)
import Glibc
#endif

final class Completion {
    unowned let context: ClientContext
    private var cache: [String: (time: Double, names: [String])] = [:]
    static let cacheSeconds = 5.0

    init(context: ClientContext) { self.context = context }

    static let keywords = ["False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def",
                           "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
                           "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
                           "while", "with"]
    static let constructors = ["Flow", "Run", "Step", "Task", "DataArtifact", "namespace"]

    /// (byte offset where the completed word starts, candidates for the whole word).
    func complete(_ before: String) -> (Int, [String]) {
        let bytes = Array(before.utf8)
        // Inside a string literal?
        if let (quoteAt, callee) = openString(bytes) {
            let word = String(decoding: bytes[(quoteAt + 1)...], as: UTF8.self)
            let start = quoteAt + 1
            if let callee, Self.constructors.contains(callee) {
                return (start + lastSlash(word), pathspecCandidates(word, namespaceArg: callee == "namespace"))
            }
            if let target = subscriptTarget(bytes, quoteAt: quoteAt) {
                return (start, keyCandidates(target))
            }
            return (start, [])
        }
        // The identifier (or dotted chain) before the cursor.
        var i = bytes.count
        while i > 0, isIdent(bytes[i - 1]) { i -= 1 }
        let word = String(decoding: bytes[i...], as: UTF8.self)
        if i > 0, bytes[i - 1] == UInt8(ascii: ".") {
            let exprEnd = i - 1
            let exprStart = expressionStart(bytes, end: exprEnd)
            let expr = String(decoding: bytes[exprStart..<exprEnd], as: UTF8.self)
            guard let v = safeEvaluate(expr) else { return (i, []) }
            let names = context.interpreter.attributeNames(of: v).filter { !$0.hasPrefix("_") || word.hasPrefix("_") }
            return (i, names.sorted())
        }
        var names = Set(context.interpreter.globalNames())
        names.formUnion(Self.keywords)
        return (i, names.filter { $0.hasPrefix(word) }.sorted())
    }

    private func isIdent(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "_") || (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b >= 0x80
    }

    private func lastSlash(_ w: String) -> Int {
        let u = Array(w.utf8)
        guard let i = u.lastIndex(of: UInt8(ascii: "/")) else { return 0 }
        return i + 1
    }

    /// The position of an unclosed quote before the cursor, and the name of the function whose
    /// call it opens (`Flow` in `Flow("`), if any.
    private func openString(_ b: [UInt8]) -> (Int, String?)? {
        var quote: UInt8? = nil
        var at = 0
        var i = 0
        while i < b.count {
            let c = b[i]
            if let q = quote {
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == q { quote = nil }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c; at = i
            } else if c == UInt8(ascii: "#") {
                return nil
            }
            i += 1
        }
        guard quote != nil else { return nil }
        var j = at
        while j > 0, b[j - 1] == 0x20 { j -= 1 }
        guard j > 0, b[j - 1] == UInt8(ascii: "(") else { return (at, nil) }
        var k = j - 1
        while k > 0, isIdent(b[k - 1]) { k -= 1 }
        return (at, String(decoding: b[k..<(j - 1)], as: UTF8.self))
    }

    /// For `expr["` returns expr.
    private func subscriptTarget(_ b: [UInt8], quoteAt: Int) -> String? {
        guard quoteAt > 0, b[quoteAt - 1] == UInt8(ascii: "[") else { return nil }
        let end = quoteAt - 1
        let start = expressionStart(b, end: end)
        guard start < end else { return nil }
        return String(decoding: b[start..<end], as: UTF8.self)
    }

    /// Start of the primary expression ending at `end`: names, dots, balanced () and [].
    private func expressionStart(_ b: [UInt8], end: Int) -> Int {
        var i = end
        var depth = 0
        while i > 0 {
            let c = b[i - 1]
            if c == UInt8(ascii: ")") || c == UInt8(ascii: "]") { depth += 1 }
            else if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") {
                if depth == 0 { break }
                depth -= 1
            } else if depth == 0 && !(isIdent(c) || c == UInt8(ascii: ".")) { break }
            i -= 1
        }
        return i
    }

    /// Evaluates names, attribute chains, string subscripts and client constructor calls;
    /// anything else (arbitrary calls) is not run for a Tab.
    func safeEvaluate(_ expr: String) -> Value? {
        guard !expr.isEmpty else { return nil }
        var depth = 0
        var calleeOK = true
        let u = Array(expr.utf8)
        for (i, c) in u.enumerated() where c == UInt8(ascii: "(") {
            if depth == 0 {
                var k = i
                while k > 0, isIdent(u[k - 1]) { k -= 1 }
                let name = String(decoding: u[k..<i], as: UTF8.self)
                if !["Flow", "Run", "Step", "Task", "DataArtifact", "Metaflow"].contains(name) { calleeOK = false }
            }
            depth += 1
        }
        guard calleeOK else { return nil }
        return try? context.interpreter.executeInteractive(source: expr)
    }

    private func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    private func cached(_ key: String, _ list: () throws -> [String]) -> [String] {
        let t = now()
        if let c = cache[key], t - c.time < Self.cacheSeconds { return c.names }
        let names = (try? list()) ?? []
        cache[key] = (t, names)
        return names
    }

    /// One pathspec level at a time: flows, then `Flow/` runs newest first, steps, tasks, artifacts.
    func pathspecCandidates(_ typed: String, namespaceArg: Bool) -> [String] {
        if namespaceArg { return [] }
        let parts = typed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let parents = Array(parts.dropLast())
        let key = parents.joined(separator: "/")
        let provider = context.session.provider
        let names = cached("p:" + key) { () throws -> [String] in
            switch parents.count {
            case 0: return try provider.children(of: .root, [], anyTag: nil).compactMap { $0["flow_id"]?.stringValue }.sorted()
            case 1: return try newestFirst(provider.children(of: .flow, parents, anyTag: nil), "run_number")
            case 2: return try newestFirst(provider.children(of: .run, parents, anyTag: nil), "step_name")
            case 3: return try provider.children(of: .step, parents, anyTag: nil).compactMap { $0["task_id"].map(textOf) }
            case 4: return try provider.artifacts(parents, attempt: nil, name: nil).compactMap { $0["name"]?.stringValue }.sorted()
            default: return []
            }
        }
        let suffix = parents.count < 4 ? "/" : ""
        return names.map { $0 + (parents.count < 4 ? suffix : "") }
    }

    private func textOf(_ v: JSONValue) -> String { v.stringValue ?? v.intValue.map(String.init) ?? "" }

    private func newestFirst(_ recs: [JSONValue], _ field: String) -> [String] {
        recs.enumerated().sorted {
            let a = $0.element["ts_epoch"]?.intValue ?? 0, b = $1.element["ts_epoch"]?.intValue ?? 0
            return a != b ? a > b : $0.offset < $1.offset
        }.compactMap { $0.element[field].map(textOf) }
    }

    /// Keys of `obj["`: child ids of client objects, keys of dicts.
    private func keyCandidates(_ target: String) -> [String] {
        guard let v = safeEvaluate(target) else { return [] }
        if case .host(let h) = v, let c = h as? ClientObjectHost {
            return cached("k:" + c.object.pathspec) {
                if let task = c.object as? Task { return try task.allArtifacts().map { $0.id } }
                return try c.object.children().map { $0.id }
            }
        }
        if case .dict(let d) = v { return d.keys.compactMap { if case .str(let s) = $0 { return s }; return nil } }
        return []
    }

    /// Candidates laid out in columns like a shell.
    static func columns(_ items: [String], width: Int) -> String {
        let w = (items.map { $0.count }.max() ?? 0) + 2
        let perLine = max(1, width / max(w, 1))
        var lines: [String] = []
        var i = 0
        while i < items.count {
            let row = items[i..<min(i + perLine, items.count)]
            lines.append(row.map { $0.padding(w) }.joined().trimmingCharacters(in: " "))
            i += perLine
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
