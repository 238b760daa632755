// The statement half of the recursive-descent parser: blocks, compound statements, definitions,
// simple statements and imports.
import BigInt

extension Parser {
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
                // At the end of the file CPython points at the header line, without a caret.
                let atEnd = tok.kind == .endmarker
                throw SyntaxErrorInfo(kind: "IndentationError",
                                      message: "expected an indented block after \(header) on line \(headerTok.line)",
                                      line: atEnd ? headerTok.line : tok.line, col: atEnd ? -1 : tok.col, incomplete: atEnd)
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
        guard nt.kind == .name, !pythonKeywords.contains(nt.text) else { throw invalid(nt) }
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
            guard n.kind == .name, !pythonKeywords.contains(n.text) else { throw invalid(n) }
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
        guard nt.kind == .name, !pythonKeywords.contains(nt.text) else { throw invalid(nt) }
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
                        let namedConstant = e.message.hasSuffix("None") || e.message.hasSuffix("True") || e.message.hasSuffix("False")
                        if !(t is CompareExpr) && !(t is BinOpExpr) && !namedConstant { e.message += " here. Maybe you meant '==' instead of '='?" }
                        if t.r.endLine == t.r.line { e.endCol = Int(t.r.endCol) }
                    }
                    throw e
                }
            }
            return AssignStmt(targets, value, range(from: start))
        }
        if tok.kind == .op, let op = Self.augOps[tok.text] {
            pos += 1
            switch first {
            case is NameExpr, is AttributeExpr, is SubscriptExpr: break
            default:
                var e = SyntaxErrorInfo(message: "'\(describe(first))' is an illegal expression for augmented assignment", line: Int(first.r.line), col: Int(first.r.col))
                if first.r.endLine == first.r.line { e.endCol = Int(first.r.endCol) }
                throw e
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
        if displaysExpressions && scope === module { return DisplayedExprStmt(first, range(from: start)) }
        return ExprStmt(first, range(from: start))
    }

    static let augOps: [String: BinOp] = [
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

}
