// Tab completion that knows where the cursor is: pathspecs inside `Flow("`…, keys inside
// `obj["`, attributes after `expr.`, names elsewhere. Datastore listings are cached for the
// session (CompletionListings) so a Tab on a datastore of 10,000 runs stays fast.
import MFSInterpreter
import MetaflowBindings
import MetaflowClient
import NumPyPandas
#if canImport(Glibc)
import Glibc
#endif

final class Completion {
    unowned let context: ClientContext
    let listings = CompletionListings()
    /// Listings of remote providers, made on a thread of their own (see CompletionBackground).
    var backgrounds: [ObjectIdentifier: BackgroundListings] = [:]
    /// Run before anything that reads globals (the shell runs a waiting Prelude here).
    var prepare: (() -> Void)?

    init(context: ClientContext, prepare: (() -> Void)? = nil) {
        self.context = context
        self.prepare = prepare
    }

    static let keywords = ["False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def",
                           "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
                           "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
                           "while", "with"]
    static let constructors = ["Flow", "Run", "Step", "Task", "DataArtifact", "namespace"]

    /// (byte offset where the completed word starts, candidates for the whole word).
    func complete(_ before: String) -> (Int, [String]) {
        withRemoteTimeBudget { completeNow(before) }
    }

    private func completeNow(_ before: String) -> (Int, [String]) {
        let bytes = Array(before.utf8)
        // Inside a string literal?
        if let (quoteAt, callee) = openString(bytes) {
            let word = String(decoding: bytes[(quoteAt + 1)...], as: UTF8.self)
            let start = quoteAt + 1
            let quote = String(UnicodeScalar(bytes[quoteAt]))
            if let callee, Self.constructors.contains(callee) {
                let level = lastSlash(word)
                let typed = String(decoding: Array(word.utf8).dropFirst(level), as: UTF8.self)
                let names = pathspecCandidates(word, callee: callee).filter { !$0.contains(quote) && !$0.contains("\\") }
                return (start + level, Self.closing(names, typed: typed, with: quote + ")"))
            }
            if let target = subscriptTarget(bytes, quoteAt: quoteAt) {
                let keys = keyCandidates(target).filter { !$0.contains(quote) && !$0.contains("\\") && !$0.contains("\n") }
                return (start, Self.closing(keys, typed: word, with: quote + "]"))
            }
            return (start, [])
        }
        if let (start, word) = importedModuleWord(bytes) {
            return (start, moduleCandidates(word))
        }
        // The identifier (or dotted chain) before the cursor.
        var i = bytes.count
        while i > 0, isIdent(bytes[i - 1]) { i -= 1 }
        let word = String(decoding: bytes[i...], as: UTF8.self)
        if i > 0, bytes[i - 1] == UInt8(ascii: ".") {
            let exprEnd = i - 1
            let exprStart = expressionStart(bytes, end: exprEnd)
            let expr = String(decoding: bytes[exprStart..<exprEnd], as: UTF8.self)
            if let artifacts = remoteArtifactNames(dataOf: expr) {
                return (i, artifacts.filter { !$0.hasPrefix("_") || word.hasPrefix("_") })
            }
            guard let v = safeEvaluate(expr) else { return (i, []) }
            let names = context.interpreter.attributeNames(of: v).filter { !$0.hasPrefix("_") || word.hasPrefix("_") }
            return (i, names.sorted())
        }
        prepare?()
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

    /// The value of a chain that is safe to evaluate for a Tab (see CompletionChain), or nil.
    func safeEvaluate(_ expr: String) -> Value? {
        guard let chain = CompletionChain.parse(expr) else { return nil }
        prepare?()
        return chain.evaluate(in: context.interpreter)
    }

    /// The pathspec components of `Flow("X")`, `Run('X/1')`, `Step(...)`, `Task(...)` written with
    /// a plain string literal; nil for anything else.
    static func constructorPathspec(_ expr: String) -> [String]? {
        let depth = ["Flow": 1, "Run": 2, "Step": 3, "Task": 4]
        guard let open = expr.firstIndex(of: "("), let n = depth[String(expr[..<open])], expr.hasSuffix(")") else { return nil }
        let inner = String(expr[expr.index(after: open)..<expr.index(before: expr.endIndex)]).trimmedBlanks()
        guard inner.count >= 2, let q = inner.first, q == "\"" || q == "'", inner.last == q else { return nil }
        let body = inner.dropFirst().dropLast()
        guard !body.contains(where: { $0 == "\\" || $0 == q }) else { return nil }
        let parts = body.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == n, !parts.contains(where: \.isEmpty) else { return nil }
        return parts
    }

    /// A listing of the datastore, cached for the session (see CompletionListings).
    /// `suffix` is appended to every name (pathspec levels end in "/").
    func listing(_ parents: [String], suffix: String = "", inNamespaceOnly: Bool = true) -> [String] {
        let session = context.session
        let namespace: String?
        do { namespace = try session.getNamespace() } catch { return [] }  // no user: Flow(...) would raise
        var names: [String]
        if let remote = remoteListing(parents, namespace: namespace, inNamespaceOnly: inNamespaceOnly) {
            names = remote
        } else {
            let lister = PathspecLister(provider: session.provider, namespace: namespace)
            let key = "\(ObjectIdentifier(session.provider))|\(namespace ?? "*")|" + parents.joined(separator: "/")
            names = listings.names(key, folder: lister.folder(parents)) { try lister.children(parents) }
            // A flow is in the namespace when one of its runs is, as Metaflow().flows says.
            if parents.isEmpty, namespace != nil, inNamespaceOnly { names = names.filter { !listing([$0]).isEmpty } }
        }
        return suffix.isEmpty ? names : names.map { $0 + suffix }
    }

    /// How many pathspec components each constructor takes.
    static let pathspecDepth = ["Flow": 1, "Run": 2, "Step": 3, "Task": 4, "DataArtifact": 5]

    /// One pathspec level at a time: flows, then `Flow/` runs newest first, steps, tasks, artifacts.
    /// A level inside the pathspec ends in "/"; the constructor's last level is a bare name (the
    /// call is closed when it is the only match), and nothing is offered beyond it: `Run("F/1/`
    /// would not run.
    func pathspecCandidates(_ typed: String, callee: String) -> [String] {
        if callee == "namespace" { return namespaceCandidates() }
        let parts = typed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let parents = Array(parts.dropLast())
        guard let depth = Self.pathspecDepth[callee], parents.count < depth else { return [] }
        let names = listing(parents, suffix: parents.count + 1 < depth ? "/" : "")
        // `_parameters` is a step Python's client does not list; offered once `_` is typed.
        guard parents.count == 2, parts.last?.hasPrefix("_") != true else { return names }
        return names.filter { !$0.hasPrefix("_") }
    }

    /// The candidates, with `closer` after the only one that extends `typed` (a complete name:
    /// not a pathspec level ending in "/"), so that Tab writes code that runs: `Flow("TrainFlow")`.
    static func closing(_ candidates: [String], typed: String, with closer: String) -> [String] {
        let matches = candidates.filter { $0.hasPrefix(typed) }
        guard matches.count == 1, let only = matches.first, !only.hasSuffix("/") else { return candidates }
        return [only + closer]
    }

    /// After `import ` (also `import a, ` and `from `) at the start of a statement: where the
    /// module name being typed starts, and what is typed of it.
    private func importedModuleWord(_ b: [UInt8]) -> (Int, String)? {
        var i = b.count
        while i > 0, isIdent(b[i - 1]) || b[i - 1] == UInt8(ascii: ".") { i -= 1 }
        let word = String(decoding: b[i...], as: UTF8.self)
        var statementStart = i
        while statementStart > 0, b[statementStart - 1] != UInt8(ascii: ";") { statementStart -= 1 }
        let head = String(decoding: b[statementStart..<i], as: UTF8.self).trimmingCharacters(in: " \t")
        let importOK = head == "import" || (head.hasPrefix("import ") && head.hasSuffix(","))
        guard importOK || head == "from", b[i - 1] == 0x20 || b[i - 1] == UInt8(ascii: ",") else { return nil }
        return (i, word)
    }

    /// Modules `import` finds whose names start with `typed`.
    private func moduleCandidates(_ typed: String) -> [String] {
        let interpreter = context.interpreter
        let names = Set(["metaflow"] + BuiltinDocs.standardModules + interpreter.knownModuleNames)
        return names.filter { $0.hasPrefix(typed) && !$0.hasPrefix("_") && interpreter.canImport($0) }.sorted()
    }

    /// `namespace("`: the tags that make namespaces, as found on the runs of every flow:
    /// user:NAME tags first, then the others (production tokens, user tags).
    private func namespaceCandidates() -> [String] {
        var seen = Set<String>()
        var users: [String] = [], others: [String] = []
        let flows = listing([], inNamespaceOnly: false)
        let tags: [String]
        if let remote = remoteNamespaceTags(flows) {
            tags = remote
        } else {
            let lister = PathspecLister(provider: context.session.provider, namespace: nil)
            tags = flows.flatMap { flow in
                let key = "ns|\(ObjectIdentifier(context.session.provider))|" + flow
                return listings.names(key, folder: lister.folder([flow])) { try lister.namespaceTags(flow) }
            }
        }
        for t in tags where seen.insert(t).inserted {
            if t.hasPrefix("user:") { users.append(t) } else { others.append(t) }
        }
        return users.sorted() + others.sorted()
    }

    /// Keys of `obj["`: child ids of client objects (artifact names of a task), keys of dicts.
    private func keyCandidates(_ target: String) -> [String] {
        // `Flow("X")["`: the pathspec says what to list; building the object could read every run.
        if let parents = Self.constructorPathspec(target) { return parents.count <= 4 ? listing(parents) : [] }
        guard let v = safeEvaluate(target) else { return [] }
        if case .host(let h) = v, ClientHosts.isMetaflowRoot(h) { return listing([]) }
        if case .host(let h) = v, let object = ClientHosts.object(of: h) {
            let parents = object.pathspec.split(separator: "/").map(String.init)
            return parents.count <= 4 ? listing(parents) : []
        }
        if case .dict(let d) = v { return d.keys.compactMap { if case .str(let s) = $0 { return s }; return nil } }
        if let columns = PandasCompletion.columnLabels(of: v) { return columns }
        return []
    }

    /// Candidates in columns, at most `rows` lines: 10,000 run ids show the newest that fit and a
    /// count of the rest, rather than scrolling the screen away.
    static func listing(_ items: [String], width: Int, rows: Int) -> String {
        let w = (items.map { $0.count }.max() ?? 0) + 2
        let perLine = max(1, width / max(w, 1))
        guard items.count > perLine * rows else { return columns(items, width: width) }
        let shown = perLine * (rows - 1)
        return columns(Array(items.prefix(shown)), width: width) + "\n… and \(items.count - shown) more; type more of the name to narrow them"
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
