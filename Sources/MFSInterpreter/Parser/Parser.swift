// Recursive-descent parser producing executable nodes, with scope bookkeeping for the resolver.
import BigInt
import Synchronization

struct Parser {
    var tokens: [Token]
    var pos = 0
    let filename: String
    var scope: Scope
    let module: Scope
    /// Loops enclosing the current statement within the current function (for break/continue checks).
    var loopDepth = 0
    /// 'single' mode: expression statements outside functions and classes display their value.
    var displaysExpressions = false
    /// Current depth of recursive expression parsing (unary chains, `not`, lambdas, conditionals);
    /// bounded so hostile input cannot exhaust the native stack.
    var nesting = 0
    static let maxNesting = 500

    mutating func enterNesting() throws {
        nesting += 1
        if nesting > Self.maxNesting {
            throw SyntaxErrorInfo(kind: "RecursionError", message: "maximum recursion depth exceeded during compilation", line: tok.line, col: tok.col)
        }
    }

    init(tokens: [Token], filename: String) {
        self.tokens = tokens
        self.filename = filename
        let m = Scope(.module, parent: nil, code: nil)
        self.scope = m
        self.module = m
    }

    // MARK: token helpers

    var tok: Token { tokens[min(pos, tokens.count - 1)] }
    func peekTok(_ o: Int) -> Token { tokens[min(pos + o, tokens.count - 1)] }
    var prevEnd: (Int, Int) {
        let p = tokens[max(0, min(pos - 1, tokens.count - 1))]
        return (p.endLine, p.endCol)
    }
    mutating func advance() -> Token { let t = tok; if pos < tokens.count - 1 { pos += 1 }; return t }
    func at(_ op: String) -> Bool { tok.kind == .op && tok.text == op }
    func atKw(_ k: String) -> Bool { tok.kind == .name && tok.text == k }
    mutating func accept(_ op: String) -> Bool { if at(op) { pos += 1; return true }; return false }
    mutating func acceptKw(_ k: String) -> Bool { if atKw(k) { pos += 1; return true }; return false }

    func error(_ msg: String, _ t: Token? = nil) -> SyntaxErrorInfo {
        let t = t ?? tok
        return SyntaxErrorInfo(message: msg, line: t.line, col: t.col, incomplete: t.kind == .endmarker)
    }
    func invalid(_ t: Token? = nil) -> SyntaxErrorInfo {
        let t = t ?? tok
        if t.kind == .endmarker || (t.kind == .newline && t.text.isEmpty) {
            return SyntaxErrorInfo(message: "invalid syntax", line: t.line, col: t.col, incomplete: true)
        }
        if t.kind == .indent { return SyntaxErrorInfo(kind: "IndentationError", message: "unexpected indent", line: t.line, col: -1) }
        var e = error("invalid syntax", t)
        if t.endLine == t.line && t.endCol > t.col + 1 { e.endCol = t.endCol }
        return e
    }
    mutating func expect(_ op: String) throws {
        if !accept(op) {
            if op == ":" { throw error("expected ':'") }
            throw invalid()
        }
    }
    func range(from t: Token) -> SrcRange {
        let (el, ec) = prevEnd
        return SrcRange(line: t.line, col: t.col, endLine: el, endCol: ec)
    }
    func range(from r: SrcRange) -> SrcRange {
        let (el, ec) = prevEnd
        return SrcRange(line: Int(r.line), col: Int(r.col), endLine: el, endCol: ec)
    }

    // MARK: names and scopes

    mutating func nameNode(_ name: String, _ r: SrcRange) -> NameExpr {
        let n = NameExpr(name, r)
        scope.names.append(n)
        return n
    }

    mutating func bindTarget(_ e: Expr) throws {
        switch e {
        case let n as NameExpr: scope.bind(n.name)
        case let t as TupleExpr: for i in t.items { try bindTarget(i) }
        case let l as ListExpr: for i in l.items { try bindTarget(i) }
        case let s as StarredExpr: try bindTarget(s.value)
        case is AttributeExpr, is SubscriptExpr: break
        default:
            throw SyntaxErrorInfo(message: "cannot assign to \(describe(e))", line: Int(e.r.line), col: Int(e.r.col))
        }
    }

    func describe(_ e: Expr) -> String {
        switch e {
        case let c as ConstExpr:
            if case .none = c.value { return "None" }
            if case .bool(let b) = c.value { return b ? "True" : "False" }
            return "literal"
        case is CallExpr: return "function call"
        case is BinOpExpr, is UnaryExpr: return "expression"
        case is CompareExpr: return "comparison"
        case is LambdaExpr: return "lambda"
        case is FStringExpr: return "f-string expression"
        case is DictExpr: return "dict literal"
        case is SetExpr: return "set display"
        case is ComprehensionExpr: return "comprehension"
        case is IfExpr: return "conditional expression"
        case is BoolOpExpr: return "expression"
        default: return "expression"
        }
    }

    mutating func pushScope(_ kind: Scope.Kind, _ code: FunctionCode?) -> Scope {
        let s = Scope(kind, parent: scope, code: code)
        scope.children.append(s)
        scope = s
        return s
    }
    mutating func popScope() { if let p = scope.parent { scope = p } }

    func qualname(_ name: String) -> String {
        var parts: [String] = [name]
        var s: Scope? = scope
        while let c = s, c.kind != .module {
            if let code = c.code {
                parts.insert(c.kind == .classBody ? code.name : code.name + ".<locals>", at: 0)
            }
            s = c.parent
        }
        return parts.joined(separator: ".")
    }

}

/// Looks up a Unicode character by name (for `\\N{...}` escapes). The first lookup of a name scans the
/// planes that have named characters; answers, including misses, are remembered.
func unicodeScalar(named name: String) -> Unicode.Scalar? {
    let upper = name.uppercased()
    if let known = unicodeNameCache.withLock({ $0[upper] }) { return known.flatMap { Unicode.Scalar($0) } }
    var found: Unicode.Scalar?
    search: for range in [0..<0xD800, 0xF900..<0x32400, 0xE0000..<0xE01F0] {
        for v in range {
            guard let u = Unicode.Scalar(UInt32(v)) else { continue }
            if u.properties.name == upper || u.properties.nameAlias == upper { found = u; break search }
        }
    }
    unicodeNameCache.withLock { $0[upper] = .some(found?.value) }
    return found
}

private let unicodeNameCache = Mutex<[String: UInt32?]>([:])

extension Scope {
    /// Re-parents a scope subtree created before its enclosing comprehension was recognised.
    func reparented(to newParent: Scope) -> Scope {
        let s = Scope(kind, parent: newParent, code: code)
        s.bound = bound; s.boundSet = boundSet; s.globalDecl = globalDecl; s.nonlocalDecl = nonlocalDecl
        s.names = names; s.params = params
        s.children = children.map { $0.reparented(to: s) }
        return s
    }
}

extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return self.replacing(target, with: replacement)
    }
    func trimmedChars(_ set: String) -> String {
        let chars = Set(set)
        var s = Substring(self)
        while let f = s.first, chars.contains(f) { s = s.dropFirst() }
        while let l = s.last, chars.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
