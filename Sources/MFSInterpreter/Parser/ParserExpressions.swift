// The expression half of the recursive-descent parser: precedence levels from `or` down to atoms,
// calls, subscripts, comprehensions and displays.
import BigInt

extension Parser {
    // MARK: expressions

    /// `a, *b, c` without brackets: a tuple when there is a comma.
    mutating func parseStarExpressions(allowYield: Bool = false) throws -> Expr {
        if atKw("yield") {
            if allowYield { return try parseYield() }
            throw invalid()
        }
        let start = tok
        let first = try parseStarOrNamed()
        if !at(",") { return first }
        var items = [first]
        while accept(",") {
            if atEndOfSimple() || at("=") || at(")") || at(":") || (tok.kind == .op && Self.augOps[tok.text] != nil) { break }
            items.append(try parseStarOrNamed())
        }
        return TupleExpr(items, range(from: start))
    }

    /// `yield`, `yield a, b`, `yield from it`; marks the enclosing function as a generator.
    mutating func parseYield() throws -> Expr {
        let start = tok
        let y = try parseYieldBody()
        switch scope.kind {
        case .function:
            scope.code?.isGenerator = true
        case .comprehension:
            let what = (scope.code?.name ?? "").dropFirst().dropLast()
            var e = SyntaxErrorInfo(message: "'yield' inside \(what == "genexpr" ? "generator expression" : what + " comprehension")",
                                    line: start.line, col: start.col)
            if y.r.endLine == y.r.line { e.endCol = Int(y.r.endCol) }
            throw e
        default:
            var e = SyntaxErrorInfo(message: "'yield' outside function", line: start.line, col: start.col)
            if y.r.endLine == y.r.line { e.endCol = Int(y.r.endCol) }
            throw e
        }
        return y
    }

    private mutating func parseYieldBody() throws -> Expr {
        let start = advance()
        if acceptKw("from") {
            let src = try parseExpression()
            return YieldFromExpr(src, range(from: start))
        }
        if atEndOfSimple() || at(")") || at("]") || at("}") || at("=") || at(":") {
            return YieldExpr(nil, range(from: start))
        }
        let v = try parseStarExpressions()
        return YieldExpr(v, range(from: start))
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
        try enterNesting()
        defer { nesting -= 1 }
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
            try enterNesting()
            defer { nesting -= 1 }
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
        try enterNesting()
        defer { nesting -= 1 }
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
                if pythonKeywords.contains(t.text) { throw invalid() }
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
            case "...": pos += 1; return ConstExpr(PyEllipsis.value, t.range)
            default: throw invalid()
            }
        default:
            throw invalid()
        }
    }

    mutating func parseParen() throws -> Expr {
        let start = advance()
        if accept(")") { return TupleExpr([], range(from: start)) }
        if atKw("yield") {
            let y = try parseYield()
            try expect(")")
            return y
        }
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

}
