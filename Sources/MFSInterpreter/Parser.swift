// Recursive-descent parser producing executable nodes, with scope bookkeeping for the resolver.
import BigInt

struct Parser {
    var tokens: [Token]
    var pos = 0
    let filename: String
    var scope: Scope
    let module: Scope
    /// Loops enclosing the current statement within the current function (for break/continue checks).
    var loopDepth = 0

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

    // MARK: module

    mutating func parseModule() throws -> [Stmt] {
        var body: [Stmt] = []
        while tok.kind != .endmarker {
            if tok.kind == .newline { pos += 1; continue }
            if tok.kind == .indent { throw invalid() }
            body.append(contentsOf: try parseStatement())
        }
        return body
    }

    mutating func parseStatement() throws -> [Stmt] {
        let t = tok
        if t.kind == .name {
            switch t.text {
            case "if": return [try parseIf()]
            case "while": return [try parseWhile()]
            case "for": return [try parseFor()]
            case "try": return [try parseTry()]
            case "with": return [try parseWith()]
            case "def": return [try parseDef([])]
            case "class": return [try parseClass([])]
            default: break
            }
        }
        if t.isOp("@") { return [try parseDecorated()] }
        return try parseSimpleStatements()
    }

    mutating func parseSimpleStatements() throws -> [Stmt] {
        var out: [Stmt] = []
        while true {
            out.append(try parseSmallStatement())
            if accept(";") {
                if tok.kind == .newline { break }
                continue
            }
            break
        }
        if tok.kind == .newline { pos += 1 } else if tok.kind != .endmarker { throw invalid() }
        return out
    }

    mutating func parseBlock(_ header: String, _ headerTok: Token) throws -> [Stmt] {
        try expect(":")
        if tok.kind == .newline {
            pos += 1
            guard tok.kind == .indent else {
                throw SyntaxErrorInfo(kind: "IndentationError",
                                      message: "expected an indented block after \(header) on line \(headerTok.line)",
                                      line: tok.line, col: tok.col, incomplete: tok.kind == .endmarker)
            }
            pos += 1
            var body: [Stmt] = []
            while tok.kind != .dedent && tok.kind != .endmarker {
                if tok.kind == .newline { pos += 1; continue }
                if tok.kind == .indent { throw invalid() }
                body.append(contentsOf: try parseStatement())
            }
            _ = accept("")
            if tok.kind == .dedent { pos += 1 }
            return body
        }
        return try parseSimpleStatements()
    }

    mutating func parseIf() throws -> Stmt {
        let start = advance()
        var branches: [(Expr, [Stmt])] = []
        let cond = try parseNamedExpression()
        let hr = range(from: start)
        branches.append((cond, try parseBlock("'if' statement", start)))
        var orelse: [Stmt] = []
        while atKw("elif") {
            let et = advance()
            let c = try parseNamedExpression()
            branches.append((c, try parseBlock("'elif' statement", et)))
        }
        if atKw("else") {
            let et = advance()
            orelse = try parseBlock("'else' statement", et)
        }
        return IfStmt(branches, orelse, hr)
    }

    mutating func parseWhile() throws -> Stmt {
        let start = advance()
        let cond = try parseNamedExpression()
        let hr = range(from: start)
        loopDepth += 1
        let body = try parseBlock("'while' statement", start)
        loopDepth -= 1
        var orelse: [Stmt] = []
        if atKw("else") { let et = advance(); orelse = try parseBlock("'else' statement", et) }
        return WhileStmt(cond, body, orelse, hr)
    }

    mutating func parseFor() throws -> Stmt {
        let start = advance()
        let target = try parseTargetList()
        try bindTarget(target)
        guard acceptKw("in") else { throw invalid() }
        let iter = try parseStarExpressions()
        let hr = range(from: start)
        loopDepth += 1
        let body = try parseBlock("'for' statement", start)
        loopDepth -= 1
        var orelse: [Stmt] = []
        if atKw("else") { let et = advance(); orelse = try parseBlock("'else' statement", et) }
        return ForStmt(target, iter, body, orelse, hr)
    }

    /// Targets of `for` and comprehensions: a comma list of or-expressions (no `in` comparison).
    mutating func parseTargetList() throws -> Expr {
        let start = tok
        var items: [Expr] = []
        var trailingComma = false
        repeat {
            if at("*") {
                let st = advance()
                let e = try parseBitOr()
                items.append(StarredExpr(e, range(from: st)))
            } else {
                items.append(try parseBitOr())
            }
            trailingComma = false
            if !accept(",") { break }
            trailingComma = true
        } while !atKw("in") && !at("=")
        if items.count == 1 && !trailingComma { return items[0] }
        return TupleExpr(items, range(from: start))
    }

    mutating func parseTry() throws -> Stmt {
        let start = advance()
        let hr = range(from: start)
        let body = try parseBlock("'try' statement", start)
        var handlers: [ExceptHandler] = []
        var orelse: [Stmt] = []
        var fin: [Stmt]?
        while atKw("except") {
            let et = advance()
            var type: Expr?
            var name: NameExpr?
            if !at(":") {
                type = try parseExpression()
                if at(",") {
                    var items = [type].compactMap { $0 }
                    while accept(",") { if at(":") { break }; items.append(try parseExpression()) }
                    type = TupleExpr(items, range(from: et))
                }
                if acceptKw("as") {
                    let nt = advance()
                    guard nt.kind == .name else { throw invalid(nt) }
                    name = nameNode(nt.text, nt.range)
                    scope.bind(nt.text)
                }
            }
            let hr2 = range(from: et)
            handlers.append(ExceptHandler(type: type, name: name, body: try parseBlock("'except' statement", et), r: hr2))
        }
        if atKw("else") { let et = advance(); orelse = try parseBlock("'else' statement", et) }
        if atKw("finally") { let ft = advance(); fin = try parseBlock("'finally' statement", ft) }
        if handlers.isEmpty && fin == nil { throw error("expected 'except' or 'finally' block") }
        return TryStmt(body, handlers, orelse, fin, hr)
    }

    mutating func parseWith() throws -> Stmt {
        let start = advance()
        var items: [(Expr, Expr?)] = []
        let parenthesized = at("(") && looksLikeParenthesizedWith()
        if parenthesized { pos += 1 }
        repeat {
            if parenthesized && at(")") { break }
            let e = try parseExpression()
            var target: Expr?
            if acceptKw("as") {
                let t = try parseTargetAtom()
                try bindTarget(t)
                target = t
            }
            items.append((e, target))
        } while accept(",")
        if parenthesized { try expect(")") }
        let hr = range(from: start)
        return WithStmt(items, try parseBlock("'with' statement", start), hr)
    }

    func looksLikeParenthesizedWith() -> Bool {
        var depth = 0
        var i = pos
        while i < tokens.count {
            let t = tokens[i]
            if t.kind == .op && ["(", "[", "{"].contains(t.text) { depth += 1 }
            if t.kind == .op && [")", "]", "}"].contains(t.text) {
                depth -= 1
                if depth == 0 { return i + 1 < tokens.count && tokens[i + 1].isOp(":") && tokens[pos + 1..<i].contains { $0.isKeyword("as") } }
            }
            if t.kind == .newline { return false }
            i += 1
        }
        return false
    }

    mutating func parseTargetAtom() throws -> Expr {
        if at("(") || at("[") {
            let e = try parsePrimary()
            return e
        }
        return try parsePrimary()
    }

    mutating func parseDecorated() throws -> Stmt {
        var decorators: [Expr] = []
        while accept("@") {
            decorators.append(try parseNamedExpression())
            guard tok.kind == .newline else { throw invalid() }
            pos += 1
        }
        if atKw("def") { return try parseDef(decorators) }
        if atKw("class") { return try parseClass(decorators) }
        throw invalid()
    }

    mutating func parseDef(_ decorators: [Expr]) throws -> Stmt {
        let start = advance()
        let nt = advance()
        guard nt.kind == .name, !keywords.contains(nt.text) else { throw invalid(nt) }
        let target = nameNode(nt.text, nt.range)
        scope.bind(nt.text)
        let code = FunctionCode(name: nt.text, qualname: qualname(nt.text), filename: filename, range: start.range)
        try expect("(")
        let (defaults, kwDefaults, params) = try parseParams(closing: ")")
        try expect(")")
        if accept("->") { _ = try parseExpression() }
        let hr = range(from: start)
        let s = pushScope(.function, code)
        s.params = params.map { $0.name }
        code.params = params
        let savedLoops = loopDepth
        loopDepth = 0
        let body = try parseBlock("function definition", start)
        loopDepth = savedLoops
        popScope()
        code.body = body
        code.doc = docstring(body)
        return DefStmt(code, defaults, kwDefaults, decorators, target, hr)
    }

    func docstring(_ body: [Stmt]) -> String? {
        if let e = body.first as? ExprStmt, let c = e.expr as? ConstExpr, case .str(let s) = c.value { return s }
        return nil
    }

    /// Parameters of def (closing ")") or lambda (closing ":"); defaults are parsed in the enclosing scope.
    mutating func parseParams(closing: String) throws -> ([Expr], [(String, Expr)], [FunctionCode.Param]) {
        var defaults: [Expr] = []
        var kwDefaults: [(String, Expr)] = []
        var params: [FunctionCode.Param] = []
        var kwOnly = false
        var seen: Set<String> = []
        while !at(closing) {
            if accept("/") { if !accept(",") { break }; continue }
            if at("**") {
                pos += 1
                let n = advance()
                guard n.kind == .name else { throw invalid(n) }
                if closing == ")" && accept(":") { _ = try parseExpression() }
                params.append(.init(name: n.text, kind: .varkw))
                _ = accept(",")
                break
            }
            if accept("*") {
                kwOnly = true
                if at(",") { pos += 1; continue }
                let n = advance()
                guard n.kind == .name else { throw invalid(n) }
                if closing == ")" && accept(":") { _ = try parseExpression() }
                params.append(.init(name: n.text, kind: .varargs))
                if !accept(",") { break }
                continue
            }
            let n = advance()
            guard n.kind == .name, !keywords.contains(n.text) else { throw invalid(n) }
            if !seen.insert(n.text).inserted {
                throw SyntaxErrorInfo(message: "duplicate argument '\(n.text)' in function definition", line: n.line, col: n.col)
            }
            if closing == ")" && accept(":") { _ = try parseExpression() }
            if accept("=") {
                let d = try parseExpression()
                if kwOnly { kwDefaults.append((n.text, d)) } else { defaults.append(d) }
            } else if !kwOnly && !defaults.isEmpty {
                throw SyntaxErrorInfo(message: "non-default argument follows default argument", line: n.line, col: n.col)
            }
            params.append(.init(name: n.text, kind: kwOnly ? .kwonly : .positional))
            if !accept(",") { break }
        }
        // Order: positional, varargs, kwonly, varkw (the binder relies on it).
        let order: [FunctionCode.ParamKind] = [.positional, .varargs, .kwonly, .varkw]
        let sorted = order.flatMap { k in params.filter { $0.kind == k } }
        return (defaults, kwDefaults, sorted)
    }

    mutating func parseClass(_ decorators: [Expr]) throws -> Stmt {
        let start = advance()
        let nt = advance()
        guard nt.kind == .name, !keywords.contains(nt.text) else { throw invalid(nt) }
        let target = nameNode(nt.text, nt.range)
        scope.bind(nt.text)
        var bases: [Expr] = []
        var kws: [(String, Expr)] = []
        if accept("(") {
            while !at(")") {
                if tok.kind == .name && peekTok(1).isOp("=") {
                    let k = advance(); pos += 1
                    kws.append((k.text, try parseExpression()))
                } else {
                    bases.append(try parseExpression())
                }
                if !accept(",") { break }
            }
            try expect(")")
        }
        let hr = range(from: start)
        let code = FunctionCode(name: nt.text, qualname: qualname(nt.text), filename: filename, range: start.range)
        _ = pushScope(.classBody, code)
        let savedLoops = loopDepth
        loopDepth = 0
        let body = try parseBlock("class definition", start)
        loopDepth = savedLoops
        popScope()
        code.doc = docstring(body)
        return ClassStmt(name: nt.text, bases: bases, keywords: kws, body: body, code: code, decorators: decorators, target: target, hr)
    }

    // MARK: simple statements

    mutating func parseSmallStatement() throws -> Stmt {
        let start = tok
        if start.kind == .name {
            switch start.text {
            case "pass": pos += 1; return PassStmt(start.range)
            case "break":
                pos += 1
                if loopDepth == 0 { throw SyntaxErrorInfo(message: "'break' outside loop", line: start.line, col: start.col, endCol: start.endCol) }
                return BreakStmt(start.range)
            case "continue":
                pos += 1
                if loopDepth == 0 { throw SyntaxErrorInfo(message: "'continue' not properly in loop", line: start.line, col: start.col, endCol: start.endCol) }
                return ContinueStmt(start.range)
            case "return":
                pos += 1
                var v: Expr?
                if !atEndOfSimple() { v = try parseStarExpressions() }
                if scope.kind != .function {
                    throw SyntaxErrorInfo(message: "'return' outside function", line: start.line, col: start.col, endCol: prevEnd.1)
                }
                return ReturnStmt(v, range(from: start))
            case "raise":
                pos += 1
                var e: Expr?, c: Expr?
                if !atEndOfSimple() {
                    e = try parseExpression()
                    if acceptKw("from") { c = try parseExpression() }
                }
                return RaiseStmt(e, c, range(from: start))
            case "global", "nonlocal":
                pos += 1
                repeat {
                    let n = advance()
                    guard n.kind == .name else { throw invalid(n) }
                    if start.text == "global" { scope.globalDecl.insert(n.text) } else {
                        if scope.kind == .module {
                            throw SyntaxErrorInfo(message: "nonlocal declaration not allowed at module level", line: start.line, col: start.col)
                        }
                        scope.nonlocalDecl.insert(n.text)
                    }
                } while accept(",")
                return DeclStmt(range(from: start))
            case "del":
                pos += 1
                var targets: [Expr] = []
                repeat {
                    if atEndOfSimple() { break }
                    let t = try parseBitOr()
                    try bindTarget(t)
                    targets.append(t)
                } while accept(",")
                return DelStmt(targets, range(from: start))
            case "assert":
                pos += 1
                let t = try parseExpression()
                var m: Expr?
                if accept(",") { m = try parseExpression() }
                return AssertStmt(t, m, range(from: start))
            case "import": return try parseImport()
            case "from": return try parseFromImport()
            default: break
            }
        }
        let first = try parseStarExpressions(allowYield: true)
        if at("=") {
            var targets: [Expr] = [first]
            var value: Expr = first
            while accept("=") {
                value = try parseStarExpressions(allowYield: true)
                targets.append(value)
            }
            targets.removeLast()
            for t in targets {
                do { try bindTarget(t) } catch var e as SyntaxErrorInfo {
                    if t is ConstExpr || t is CallExpr || t is CompareExpr || t is BinOpExpr {
                        if !(t is CompareExpr) && !(t is BinOpExpr) { e.message += " here. Maybe you meant '==' instead of '='?" }
                        if t.r.endLine == t.r.line { e.endCol = Int(t.r.endCol) }
                    }
                    throw e
                }
            }
            return AssignStmt(targets, value, range(from: start))
        }
        if tok.kind == .op, let op = augOps[tok.text] {
            pos += 1
            switch first {
            case is NameExpr, is AttributeExpr, is SubscriptExpr: break
            default:
                throw SyntaxErrorInfo(message: "'\(describe(first))' is an illegal expression for augmented assignment", line: Int(first.r.line), col: Int(first.r.col))
            }
            try bindTarget(first)
            let v = try parseStarExpressions(allowYield: true)
            return AugAssignStmt(first, op, v, range(from: start))
        }
        if accept(":") {
            _ = try parseExpression()
            if accept("=") {
                let v = try parseStarExpressions()
                try bindTarget(first)
                return AssignStmt([first], v, range(from: start))
            }
            if let n = first as? NameExpr { scope.bind(n.name) }
            return PassStmt(range(from: start))
        }
        if !atEndOfSimple() {
            if tok.kind == .name || tok.kind == .number || tok.kind == .string {
                if let n = first as? NameExpr, n.name == "print" {
                    throw SyntaxErrorInfo(message: "Missing parentheses in call to 'print'. Did you mean print(...)?",
                                          line: Int(first.r.line), col: Int(first.r.col), endCol: tok.endCol)
                }
            }
            throw invalid()
        }
        return ExprStmt(first, range(from: start))
    }

    let augOps: [String: BinOp] = [
        "+=": .add, "-=": .sub, "*=": .mul, "/=": .truediv, "//=": .floordiv, "%=": .mod, "**=": .pow,
        "<<=": .lshift, ">>=": .rshift, "|=": .bitor, "^=": .bitxor, "&=": .bitand, "@=": .matmul,
    ]

    func atEndOfSimple() -> Bool { tok.kind == .newline || tok.kind == .endmarker || at(";") }

    mutating func dottedName() throws -> String {
        var parts: [String] = []
        repeat {
            let n = advance()
            guard n.kind == .name else { throw invalid(n) }
            parts.append(n.text)
        } while accept(".")
        return parts.joined(separator: ".")
    }

    mutating func parseImport() throws -> Stmt {
        let start = advance()
        var names: [(String, NameExpr, Bool)] = []
        repeat {
            let nt = tok
            let mod = try dottedName()
            if acceptKw("as") {
                let a = advance()
                guard a.kind == .name else { throw invalid(a) }
                names.append((mod, nameNode(a.text, a.range), true))
                scope.bind(a.text)
            } else {
                let top = String(mod.split(separator: ".").first ?? Substring(mod))
                names.append((mod, nameNode(top, nt.range), false))
                scope.bind(top)
            }
        } while accept(",")
        return ImportStmt(names, range(from: start))
    }

    mutating func parseFromImport() throws -> Stmt {
        let start = advance()
        var dots = ""
        while at(".") || at("...") { dots += advance().text }
        let mod = atKw("import") ? "" : try dottedName()
        guard acceptKw("import") else { throw invalid() }
        if accept("*") { return ImportFromStmt(dots + mod, [], star: true, range(from: start)) }
        let paren = accept("(")
        var names: [(String, NameExpr)] = []
        repeat {
            if paren && at(")") { break }
            let n = advance()
            guard n.kind == .name else { throw invalid(n) }
            var bindName = n.text
            var r = n.range
            if acceptKw("as") {
                let a = advance()
                guard a.kind == .name else { throw invalid(a) }
                bindName = a.text
                r = a.range
            }
            names.append((n.text, nameNode(bindName, r)))
            scope.bind(bindName)
        } while accept(",")
        if paren { try expect(")") }
        return ImportFromStmt(dots + mod, names, star: false, range(from: start))
    }

    // MARK: expressions

    /// `a, *b, c` without brackets: a tuple when there is a comma.
    mutating func parseStarExpressions(allowYield: Bool = false) throws -> Expr {
        if atKw("yield") {
            throw SyntaxErrorInfo(message: "generators (yield) are not supported by mfs", line: tok.line, col: tok.col)
        }
        let start = tok
        let first = try parseStarOrNamed()
        if !at(",") { return first }
        var items = [first]
        while accept(",") {
            if atEndOfSimple() || at("=") || at(")") || at(":") || (tok.kind == .op && augOps[tok.text] != nil) { break }
            items.append(try parseStarOrNamed())
        }
        return TupleExpr(items, range(from: start))
    }

    mutating func parseStarOrNamed() throws -> Expr {
        if at("*") {
            let st = advance()
            let e = try parseBitOr()
            return StarredExpr(e, range(from: st))
        }
        return try parseNamedExpression()
    }

    mutating func parseNamedExpression() throws -> Expr {
        if tok.kind == .name && peekTok(1).isOp(":=") {
            let nt = advance()
            pos += 1
            let v = try parseExpression()
            var target: NameExpr
            if scope.kind == .comprehension {
                var s: Scope = scope
                while s.kind == .comprehension, let p = s.parent { s = p }
                s.bind(nt.text)
                target = nameNode(nt.text, nt.range)
            } else {
                target = nameNode(nt.text, nt.range)
                scope.bind(nt.text)
            }
            return NamedExpr(target, v, range(from: nt))
        }
        return try parseExpression()
    }

    mutating func parseExpression() throws -> Expr {
        if atKw("lambda") { return try parseLambda() }
        let start = tok
        let e = try parseOr()
        if atKw("if") {
            pos += 1
            let cond = try parseOr()
            guard acceptKw("else") else { throw error("expected 'else' after 'if' expression") }
            let other = try parseExpression()
            return IfExpr(cond, e, other, range(from: start))
        }
        return e
    }

    mutating func parseExpressionNoCond() throws -> Expr {
        if atKw("lambda") { return try parseLambda() }
        return try parseOr()
    }

    mutating func parseLambda() throws -> Expr {
        let start = advance()
        let code = FunctionCode(name: "<lambda>", qualname: qualname("<lambda>"), filename: filename, range: start.range)
        let (defaults, kwDefaults, params) = try parseParams(closing: ":")
        try expect(":")
        let s = pushScope(.function, code)
        s.params = params.map { $0.name }
        code.params = params
        let body = try parseExpression()
        popScope()
        code.body = [ReturnStmt(body, body.r)]
        return LambdaExpr(code, defaults, kwDefaults, range(from: start))
    }

    mutating func parseOr() throws -> Expr {
        let start = tok
        let first = try parseAnd()
        guard atKw("or") else { return first }
        var vals = [first]
        while acceptKw("or") { vals.append(try parseAnd()) }
        return BoolOpExpr(isAnd: false, vals, range(from: start))
    }

    mutating func parseAnd() throws -> Expr {
        let start = tok
        let first = try parseNot()
        guard atKw("and") else { return first }
        var vals = [first]
        while acceptKw("and") { vals.append(try parseNot()) }
        return BoolOpExpr(isAnd: true, vals, range(from: start))
    }

    mutating func parseNot() throws -> Expr {
        if atKw("not") {
            let st = advance()
            let e = try parseNot()
            return UnaryExpr(.not, e, range(from: st))
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws -> Expr {
        let start = tok
        let first = try parseBitOr()
        var ops: [CmpOp] = []
        var rest: [Expr] = []
        while true {
            var op: CmpOp?
            if tok.kind == .op {
                switch tok.text {
                case "<": op = .lt
                case ">": op = .gt
                case "==": op = .eq
                case "!=": op = .ne
                case "<=": op = .le
                case ">=": op = .ge
                default: break
                }
                if op != nil { pos += 1 }
            } else if atKw("in") {
                pos += 1; op = .isIn
            } else if atKw("not") && peekTok(1).isKeyword("in") {
                pos += 2; op = .notIn
            } else if atKw("is") {
                pos += 1
                op = acceptKw("not") ? .isNot : .isOp
            }
            guard let o = op else { break }
            ops.append(o)
            rest.append(try parseBitOr())
        }
        if ops.isEmpty { return first }
        return CompareExpr(first, ops, rest, range(from: start))
    }

    mutating func binaryLevel(_ ops: [String: BinOp], _ next: (inout Parser) throws -> Expr) throws -> Expr {
        let start = tok
        var e = try next(&self)
        while tok.kind == .op, let op = ops[tok.text] {
            pos += 1
            let rhs = try next(&self)
            e = BinOpExpr(op, e, rhs, range(from: start))
        }
        return e
    }

    mutating func parseBitOr() throws -> Expr { try binaryLevel(["|": .bitor]) { try $0.parseBitXor() } }
    mutating func parseBitXor() throws -> Expr { try binaryLevel(["^": .bitxor]) { try $0.parseBitAnd() } }
    mutating func parseBitAnd() throws -> Expr { try binaryLevel(["&": .bitand]) { try $0.parseShift() } }
    mutating func parseShift() throws -> Expr { try binaryLevel(["<<": .lshift, ">>": .rshift]) { try $0.parseArith() } }
    mutating func parseArith() throws -> Expr { try binaryLevel(["+": .add, "-": .sub]) { try $0.parseTerm() } }
    mutating func parseTerm() throws -> Expr {
        try binaryLevel(["*": .mul, "/": .truediv, "//": .floordiv, "%": .mod, "@": .matmul]) { try $0.parseFactor() }
    }

    mutating func parseFactor() throws -> Expr {
        if tok.kind == .op, tok.text == "-" || tok.text == "+" || tok.text == "~" {
            let st = advance()
            let e = try parseFactor()
            if st.text == "-", let c = e as? ConstExpr {
                switch c.value {
                case .int(let i) where i != Int.min: return ConstExpr(.int(-i), range(from: st))
                case .float(let d): return ConstExpr(.float(-d), range(from: st))
                default: break
                }
            }
            return UnaryExpr(st.text == "-" ? .neg : st.text == "+" ? .pos : .invert, e, range(from: st))
        }
        return try parsePower()
    }

    mutating func parsePower() throws -> Expr {
        let start = tok
        let base = try parsePrimary()
        if accept("**") {
            let exp = try parseFactor()
            return BinOpExpr(.pow, base, exp, range(from: start))
        }
        return base
    }

    mutating func parsePrimary() throws -> Expr {
        let start = tok
        var e = try parseAtom()
        while true {
            if accept(".") {
                let n = advance()
                guard n.kind == .name else { throw invalid(n) }
                e = AttributeExpr(e, n.text, range(from: start))
            } else if at("(") {
                pos += 1
                let args = try parseCallArgs()
                try expect(")")
                if args.isEmpty, let n = e as? NameExpr, n.name == "super", scope.kind == .function,
                   let cls = scope.parent, cls.kind == .classBody, let clsCode = cls.code, let first = scope.params.first {
                    e = SuperExpr(clsCode, nameNode(first, n.r), range(from: start))
                } else {
                    e = CallExpr(e, args, range(from: start))
                }
            } else if at("[") {
                pos += 1
                let idx = try parseSubscript()
                try expect("]")
                e = SubscriptExpr(e, idx, range(from: start))
            } else {
                break
            }
        }
        return e
    }

    mutating func parseSubscript() throws -> Expr {
        let start = tok
        var items: [Expr] = []
        var comma = false
        repeat {
            if at("]") { break }
            items.append(try parseSliceItem())
            comma = false
            if at(",") { comma = true }
        } while accept(",")
        if items.count == 1 && !comma { return items[0] }
        return TupleExpr(items, range(from: start))
    }

    mutating func parseSliceItem() throws -> Expr {
        let start = tok
        var lower: Expr?
        if !at(":") {
            let e = try parseStarOrNamed()
            if !at(":") { return e }
            lower = e
        }
        try expect(":")
        var upper: Expr?, step: Expr?
        if !at(":") && !at("]") && !at(",") { upper = try parseExpression() }
        if accept(":") {
            if !at("]") && !at(",") { step = try parseExpression() }
        }
        return SliceExpr(lower, upper, step, range(from: start))
    }

    mutating func parseCallArgs() throws -> [CallArg] {
        var args: [CallArg] = []
        let mark = (scope.names.count, scope.children.count)
        var sawKeyword = false
        while !at(")") {
            if accept("*") {
                args.append(.star(try parseExpression()))
            } else if accept("**") {
                args.append(.doubleStar(try parseExpression()))
                sawKeyword = true
            } else if tok.kind == .name && peekTok(1).isOp("=") {
                let k = advance(); pos += 1
                args.append(.keyword(k.text, try parseExpression()))
                sawKeyword = true
            } else {
                let argStart = tok
                let e = try parseNamedExpression()
                if atKw("for") {
                    let g = try parseComprehension(.generator, e, nil, mark: mark, start: argStart, closing: ")")
                    args.append(.positional(g))
                } else {
                    if sawKeyword {
                        throw SyntaxErrorInfo(message: "positional argument follows keyword argument", line: tok.line, col: tok.col)
                    }
                    args.append(.positional(e))
                }
            }
            if !accept(",") { break }
        }
        return args
    }

    /// Parses `for ... in ... if ...` clauses after `elt`, moving names parsed in elt into the new scope.
    mutating func parseComprehension(_ kind: ComprehensionExpr.Kind, _ elt: Expr, _ value: Expr?, mark: (Int, Int),
                                     start: Token, closing: String) throws -> Expr {
        let name: String
        switch kind {
        case .list: name = "<listcomp>"
        case .set: name = "<setcomp>"
        case .dict: name = "<dictcomp>"
        case .generator: name = "<genexpr>"
        }
        let code = FunctionCode(name: name, qualname: qualname(name), filename: filename, range: start.range)
        let outer = scope
        let comp = Scope(.comprehension, parent: outer, code: code)
        // Move names and child scopes created while parsing elt/value into the comprehension scope.
        comp.names = Array(outer.names[mark.0...])
        outer.names.removeSubrange(mark.0...)
        let movedChildren = Array(outer.children[mark.1...])
        outer.children.removeSubrange(mark.1...)
        outer.children.append(comp)
        for c in movedChildren { comp.children.append(c.reparented(to: comp)) }
        var gens: [CompFor] = []
        var first = true
        while atKw("for") {
            pos += 1
            scope = comp
            let target = try parseTargetList()
            try bindTarget(target)
            guard acceptKw("in") else { throw invalid() }
            if first { scope = outer }
            let iter = try parseOr()
            scope = comp
            first = false
            var conds: [Expr] = []
            while atKw("if") {
                pos += 1
                conds.append(try parseExpressionNoCond())
            }
            gens.append(CompFor(target: target, iter: iter, conds: conds))
        }
        scope = outer
        let (el, ec) = prevEnd
        var r = SrcRange(line: start.line, col: start.col, endLine: el, endCol: ec)
        if at(closing) { r.endCol = Int32(truncatingIfNeeded: tok.endCol); r.endLine = Int32(truncatingIfNeeded: tok.endLine) }
        return ComprehensionExpr(kind, elt, value, gens, code, r)
    }

    mutating func parseAtom() throws -> Expr {
        let t = tok
        switch t.kind {
        case .name:
            switch t.text {
            case "True": pos += 1; return ConstExpr(.bool(true), t.range)
            case "False": pos += 1; return ConstExpr(.bool(false), t.range)
            case "None": pos += 1; return ConstExpr(.none, t.range)
            default:
                if keywords.contains(t.text) { throw invalid() }
                pos += 1
                return nameNode(t.text, t.range)
            }
        case .number:
            pos += 1
            return ConstExpr(try parseNumber(t), t.range)
        case .string:
            return try parseStrings()
        case .op:
            switch t.text {
            case "(": return try parseParen()
            case "[": return try parseListDisplay()
            case "{": return try parseBraceDisplay()
            case "...": pos += 1; return ConstExpr(.none, t.range)
            default: throw invalid()
            }
        default:
            throw invalid()
        }
    }

    mutating func parseParen() throws -> Expr {
        let start = advance()
        if accept(")") { return TupleExpr([], range(from: start)) }
        if atKw("yield") { throw SyntaxErrorInfo(message: "generators (yield) are not supported by mfs", line: tok.line, col: tok.col) }
        let mark = (scope.names.count, scope.children.count)
        let first = try parseStarOrNamed()
        if atKw("for") {
            let g = try parseComprehension(.generator, first, nil, mark: mark, start: start, closing: ")")
            try expect(")")
            return g
        }
        if accept(")") {
            if first is StarredExpr { throw SyntaxErrorInfo(message: "cannot use starred expression here", line: Int(first.r.line), col: Int(first.r.col)) }
            return first
        }
        var items = [first]
        while accept(",") {
            if at(")") { break }
            items.append(try parseStarOrNamed())
        }
        guard accept(")") else {
            if tok.kind == .name || tok.kind == .number || tok.kind == .string {
                let prev = items.last ?? first
                throw SyntaxErrorInfo(message: "invalid syntax. Perhaps you forgot a comma?", line: Int(start.line), col: Int(prev.r.col), endCol: tok.endCol)
            }
            throw invalid()
        }
        return TupleExpr(items, range(from: start))
    }

    mutating func parseListDisplay() throws -> Expr {
        let start = advance()
        if accept("]") { return ListExpr([], range(from: start)) }
        let mark = (scope.names.count, scope.children.count)
        let first = try parseStarOrNamed()
        if atKw("for") {
            let c = try parseComprehension(.list, first, nil, mark: mark, start: start, closing: "]")
            try expect("]")
            return c
        }
        var items = [first]
        while accept(",") {
            if at("]") { break }
            items.append(try parseStarOrNamed())
        }
        guard accept("]") else {
            if tok.kind == .name || tok.kind == .number || tok.kind == .string {
                let prev = items.last ?? first
                throw SyntaxErrorInfo(message: "invalid syntax. Perhaps you forgot a comma?", line: Int(prev.r.line), col: Int(prev.r.col), endCol: tok.endCol)
            }
            throw invalid()
        }
        return ListExpr(items, range(from: start))
    }

    mutating func parseBraceDisplay() throws -> Expr {
        let start = advance()
        if accept("}") { return DictExpr([], [], range(from: start)) }
        let mark = (scope.names.count, scope.children.count)
        if accept("**") {
            let v = try parseBitOr()
            return try parseDictRest(start, [nil], [v])
        }
        let first = try parseStarOrNamed()
        if accept(":") {
            let v = try parseExpression()
            if atKw("for") {
                let c = try parseComprehension(.dict, first, v, mark: mark, start: start, closing: "}")
                try expect("}")
                return c
            }
            return try parseDictRest(start, [first], [v])
        }
        if atKw("for") {
            let c = try parseComprehension(.set, first, nil, mark: mark, start: start, closing: "}")
            try expect("}")
            return c
        }
        var items = [first]
        while accept(",") {
            if at("}") { break }
            items.append(try parseStarOrNamed())
        }
        guard accept("}") else { throw invalid() }
        return SetExpr(items, range(from: start))
    }

    mutating func parseDictRest(_ start: Token, _ keys: [Expr?], _ values: [Expr]) throws -> Expr {
        var keys = keys, values = values
        while accept(",") {
            if at("}") { break }
            if accept("**") {
                keys.append(nil); values.append(try parseBitOr())
            } else {
                keys.append(try parseExpression())
                try expect(":")
                values.append(try parseExpression())
            }
        }
        guard accept("}") else { throw invalid() }
        return DictExpr(keys, values, range(from: start))
    }

    // MARK: literals

    func parseNumber(_ t: Token) throws -> Value {
        let text = t.text.replacingOccurrences("_", "")
        let lower = text.lowercased()
        if lower.hasSuffix("j") {
            throw SyntaxErrorInfo(message: "complex numbers are not supported by mfs", line: t.line, col: t.col)
        }
        var radix = 10
        var digits = Substring(lower)
        if lower.hasPrefix("0x") { radix = 16; digits = digits.dropFirst(2) }
        else if lower.hasPrefix("0o") { radix = 8; digits = digits.dropFirst(2) }
        else if lower.hasPrefix("0b") { radix = 2; digits = digits.dropFirst(2) }
        if radix != 10 || (!lower.contains(".") && !lower.contains("e")) {
            if radix == 10 && digits.count > 1 && digits.hasPrefix("0") && digits.contains(where: { $0 != "0" }) {
                throw SyntaxErrorInfo(message: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                                      line: t.line, col: t.col)
            }
            if let i = Int(digits, radix: radix) { return .int(i) }
            if let b = BigInt(digits, radix: radix) { return .integer(b) }
            throw SyntaxErrorInfo(message: "invalid decimal literal", line: t.line, col: t.col)
        }
        var s = lower
        if s.hasSuffix(".") { s += "0" }
        s = s.replacingOccurrences(".e", ".0e")
        if s.hasPrefix(".") { s = "0" + s }
        guard let d = Double(s) else { throw SyntaxErrorInfo(message: "invalid decimal literal", line: t.line, col: t.col) }
        return .float(d)
    }

    mutating func parseStrings() throws -> Expr {
        let start = tok
        var parts: [FStringPart] = []
        var isBytes: Bool?
        var bytes: [UInt8] = []
        var hasF = false
        while tok.kind == .string {
            let t = advance()
            let b = t.prefix.contains("b")
            if let ib = isBytes, ib != b {
                throw SyntaxErrorInfo(message: "cannot mix bytes and nonbytes literals", line: start.line, col: start.col)
            }
            isBytes = b
            if b {
                bytes += try decodeBytes(t)
            } else if t.prefix.contains("f") {
                hasF = true
                parts += try parseFString(t)
            } else {
                parts.append(.literal(try decodeString(t.text, raw: t.prefix.contains("r"), t)))
            }
        }
        let r = range(from: start)
        if isBytes == true { return ConstExpr(.bytes(bytes), r) }
        if !hasF {
            var s = ""
            for p in parts { if case .literal(let l) = p { s += l } }
            return ConstExpr(.str(s), r)
        }
        return FStringExpr(parts, r)
    }

    func quoteLength(_ t: Token) -> Int {
        // Triple-quoted when the token is wider than prefix + body + 2 quotes.
        let bodyLen = t.text.unicodeScalars.count
        if t.line == t.endLine && t.endCol - t.col >= t.prefix.count + bodyLen + 6 { return 3 }
        if t.line != t.endLine { return 3 }
        return 1
    }

    func decodeString(_ body: String, raw: Bool, _ t: Token) throws -> String {
        if raw || !body.contains("\\") { return body }
        var out = String.UnicodeScalarView()
        let cs = Array(body.unicodeScalars)
        var i = 0
        while i < cs.count {
            let c = cs[i]
            if c != "\\" || i + 1 >= cs.count { out.append(c); i += 1; continue }
            let n = cs[i + 1]
            i += 2
            switch n {
            case "\n": break
            case "\\": out.append("\\")
            case "'": out.append("'")
            case "\"": out.append("\"")
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "v": out.append("\u{0B}")
            case "0"..."7":
                var v = Int(n.value - 48)
                var k = 0
                while k < 2, i < cs.count, cs[i] >= "0", cs[i] <= "7" { v = v * 8 + Int(cs[i].value - 48); i += 1; k += 1 }
                if let u = Unicode.Scalar(v) { out.append(u) }
            case "x", "u", "U":
                let len = n == "x" ? 2 : n == "u" ? 4 : 8
                guard i + len <= cs.count, let v = UInt32(String(String.UnicodeScalarView(cs[i..<(i + len)])), radix: 16),
                      let u = Unicode.Scalar(v) else {
                    let kind = n == "x" ? "\\xXX" : n == "u" ? "\\uXXXX" : "\\UXXXXXXXX"
                    throw SyntaxErrorInfo(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(i - 2)-\(min(i + len - 1, cs.count - 1)): truncated \(kind) escape",
                                          line: t.line, col: t.col)
                }
                out.append(u)
                i += len
            case "N":
                let startPos = i - 2
                guard i < cs.count, cs[i] == "{", let close = cs[i...].firstIndex(of: "}"),
                      let u = unicodeScalar(named: String(String.UnicodeScalarView(cs[(i + 1)..<close]))) else {
                    throw SyntaxErrorInfo(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(startPos)-\(startPos + 1): malformed \\N character escape",
                                          line: t.line, col: t.col)
                }
                out.append(u)
                i = close + 1
            default:
                out.append("\\"); out.append(n)
            }
        }
        return String(out)
    }

    func decodeBytes(_ t: Token) throws -> [UInt8] {
        var out: [UInt8] = []
        let raw = t.prefix.contains("r")
        let cs = Array(t.text.unicodeScalars)
        var i = 0
        while i < cs.count {
            let c = cs[i]
            if c.value > 127 {
                throw SyntaxErrorInfo(message: "bytes can only contain ASCII literal characters", line: t.line, col: t.col)
            }
            if raw || c != "\\" || i + 1 >= cs.count { out.append(UInt8(c.value)); i += 1; continue }
            let n = cs[i + 1]
            i += 2
            switch n {
            case "\n": break
            case "\\": out.append(92)
            case "'": out.append(39)
            case "\"": out.append(34)
            case "a": out.append(7)
            case "b": out.append(8)
            case "f": out.append(12)
            case "n": out.append(10)
            case "r": out.append(13)
            case "t": out.append(9)
            case "v": out.append(11)
            case "x":
                guard i + 2 <= cs.count, let v = UInt8(String(String.UnicodeScalarView(cs[i..<(i + 2)])), radix: 16) else {
                    throw SyntaxErrorInfo(message: "(value error) invalid \\x escape at position \(i - 2)", line: t.line, col: t.col)
                }
                out.append(v); i += 2
            case "0"..."7":
                var v = Int(n.value - 48)
                var k = 0
                while k < 2, i < cs.count, cs[i] >= "0", cs[i] <= "7" { v = v * 8 + Int(cs[i].value - 48); i += 1; k += 1 }
                out.append(UInt8(truncatingIfNeeded: v))
            default:
                out.append(92); out.append(UInt8(truncatingIfNeeded: n.value))
            }
        }
        return out
    }

    /// Splits an f-string body into literal text and `{expr!c:spec}` fields.
    mutating func parseFString(_ t: Token) throws -> [FStringPart] {
        let cs = Array(t.text.unicodeScalars)
        let raw = t.prefix.contains("r")
        let bodyCol = t.col + t.prefix.count + quoteLength(t)
        var i = 0
        return try fstringParts(cs, &i, raw: raw, t: t, bodyCol: bodyCol, inSpec: false)
    }

    func position(of offset: Int, in cs: [Unicode.Scalar], t: Token, bodyCol: Int) -> (Int, Int) {
        var line = t.line, col = bodyCol
        for k in 0..<offset {
            if cs[k] == "\n" { line += 1; col = 0 } else { col += 1 }
        }
        return (line, col)
    }

    mutating func fstringParts(_ cs: [Unicode.Scalar], _ i: inout Int, raw: Bool, t: Token, bodyCol: Int, inSpec: Bool) throws -> [FStringPart] {
        var parts: [FStringPart] = []
        var lit = String.UnicodeScalarView()
        func flush() throws {
            if !lit.isEmpty { parts.append(.literal(try decodeString(String(lit), raw: raw, t))); lit = String.UnicodeScalarView() }
        }
        while i < cs.count {
            let c = cs[i]
            if c == "{" {
                if !inSpec && i + 1 < cs.count && cs[i + 1] == "{" { lit.append("{"); i += 2; continue }
                try flush()
                i += 1
                parts.append(try fstringField(cs, &i, raw: raw, t: t, bodyCol: bodyCol))
                continue
            }
            if c == "}" {
                if inSpec { break }
                if i + 1 < cs.count && cs[i + 1] == "}" { lit.append("}"); i += 2; continue }
                throw SyntaxErrorInfo(message: "f-string: single '}' is not allowed", line: t.line, col: t.col)
            }
            if c == "\\" && !raw && i + 1 < cs.count { lit.append(c); lit.append(cs[i + 1]); i += 2; continue }
            lit.append(c)
            i += 1
        }
        try flush()
        return parts
    }

    mutating func fstringField(_ cs: [Unicode.Scalar], _ i: inout Int, raw: Bool, t: Token, bodyCol: Int) throws -> FStringPart {
        let exprStart = i
        var depth = 0
        var quote: Unicode.Scalar?
        while i < cs.count {
            let c = cs[i]
            if let q = quote { if c == q { quote = nil }; i += 1; continue }
            if c == "'" || c == "\"" { quote = c; i += 1; continue }
            if c == "(" || c == "[" || c == "{" { depth += 1 }
            else if c == ")" || c == "]" || (c == "}" && depth > 0) { depth -= 1 }
            else if depth == 0 {
                if c == "}" || c == ":" { break }
                if c == "!" && !(i + 1 < cs.count && cs[i + 1] == "=") { break }
                if c == "=" && i > exprStart && !"=!<>".unicodeScalars.contains(cs[i - 1]) && !(i + 1 < cs.count && cs[i + 1] == "=") {
                    var k = i + 1
                    while k < cs.count && cs[k] == " " { k += 1 }
                    if k < cs.count && (cs[k] == "}" || cs[k] == "!" || cs[k] == ":") { break }
                }
            }
            i += 1
        }
        guard i < cs.count else { throw SyntaxErrorInfo(message: "f-string: expecting '}'", line: t.line, col: t.col) }
        var exprEnd = i
        var debugText: String?
        if cs[i] == "=" {
            i += 1
            while i < cs.count && cs[i] == " " { i += 1 }
            debugText = String(String.UnicodeScalarView(cs[exprStart..<i]))
        }
        let exprText = String(String.UnicodeScalarView(cs[exprStart..<exprEnd]))
        if exprText.contains("\\") {
            throw SyntaxErrorInfo(message: "f-string expression part cannot include a backslash", line: t.endLine, col: t.endCol)
        }
        if exprText.trimmedChars(" \t\n").isEmpty {
            throw SyntaxErrorInfo(message: "f-string: empty expression not allowed", line: t.line, col: t.col)
        }
        exprEnd = i
        var conversion: Character?
        if i < cs.count && cs[i] == "!" {
            guard i + 1 < cs.count, "rsa".unicodeScalars.contains(cs[i + 1]) else {
                throw SyntaxErrorInfo(message: "f-string: invalid conversion character: expected 's', 'r', or 'a'", line: t.line, col: t.col)
            }
            conversion = Character(cs[i + 1])
            i += 2
        }
        var spec: [FStringPart]?
        if i < cs.count && cs[i] == ":" {
            i += 1
            spec = try fstringParts(cs, &i, raw: raw, t: t, bodyCol: bodyCol, inSpec: true)
        }
        guard i < cs.count, cs[i] == "}" else { throw SyntaxErrorInfo(message: "f-string: expecting '}'", line: t.line, col: t.col) }
        i += 1
        let (line, col) = position(of: exprStart, in: cs, t: t, bodyCol: bodyCol)
        let expr = try parseSubExpression(exprText, line: line, col: col)
        return .field(expr, conversion: conversion, spec: spec, debugText: debugText)
    }

    mutating func parseSubExpression(_ text: String, line: Int, col: Int) throws -> Expr {
        var lx = Lexer(text, line: line, colOffset: col)
        let toks = try lx.tokenize()
        let savedTokens = tokens, savedPos = pos
        tokens = toks.filter { $0.kind != .indent && $0.kind != .dedent }
        pos = 0
        defer { tokens = savedTokens; pos = savedPos }
        let e = try parseStarExpressions()
        while tok.kind == .newline { pos += 1 }
        guard tok.kind == .endmarker else { throw SyntaxErrorInfo(message: "f-string: invalid syntax", line: tok.line, col: tok.col) }
        return e
    }
}

/// Looks up a Unicode character by name (for `\\N{...}` escapes); slow, but only used when such an escape appears.
func unicodeScalar(named name: String) -> Unicode.Scalar? {
    let upper = name.uppercased()
    for v in 0..<0x110000 {
        guard let u = Unicode.Scalar(UInt32(v)) else { continue }
        if u.properties.name == upper || u.properties.nameAlias == upper { return u }
    }
    return nil
}

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
