// The operator module: the operators as functions, and itemgetter / attrgetter / methodcaller.

/// `operator.itemgetter`, `attrgetter` and `methodcaller` objects.
final class OperatorGetter: HostObject {
    enum Kind { case item, attribute, method }
    unowned let interp: Interpreter
    let kind: Kind
    let items: [Value]
    let keywords: [(String, Value)]

    init(_ interp: Interpreter, _ kind: Kind, _ items: [Value], _ keywords: [(String, Value)] = []) {
        self.interp = interp; self.kind = kind; self.items = items; self.keywords = keywords
    }

    var typeName: String {
        switch kind { case .item: return "itemgetter"; case .attribute: return "attrgetter"; case .method: return "methodcaller" }
    }

    func call(args: [Value], kwargs: [(String, Value)]) throws -> Value {
        if !kwargs.isEmpty { throw PyException.typeError("\(typeName)() takes no keyword arguments") }
        guard args.count == 1 else { throw PyException.typeError("\(typeName) expected 1 argument, got \(args.count)") }
        let target = args[0]
        switch kind {
        case .item:
            if items.count == 1 { return try interp.getItem(target, items[0]) }
            return .tuple(try items.map { try interp.getItem(target, $0) })
        case .attribute:
            let values = try items.map { item -> Value in
                var v = target
                for part in try expectStr(item, "attribute name").split(separator: ".", omittingEmptySubsequences: false) {
                    v = try interp.getAttr(v, String(part))
                }
                return v
            }
            return values.count == 1 ? values[0] : .tuple(values)
        case .method:
            let method = try interp.getAttr(target, try expectStr(items[0], "method name"))
            return try interp.callValue(method, Array(items.dropFirst()), keywords)
        }
    }

    func repr() -> String {
        let parts = items.map { reprForMessage($0) } + keywords.map { "\($0.0)=\(reprForMessage($0.1))" }
        return "operator.\(typeName)(\(parts.joined(separator: ", ")))"
    }
}

extension Interpreter {
    func makeOperatorModule() -> Value {
        func binary(_ name: String, _ body: @escaping (Value, Value) throws -> Value) -> [(String, Value)] {
            let f = fn(name) { args, kw in
                try self.noKeywords("_operator." + name, kw)
                try checkArgs(name, args, 2, 2)
                return try body(args[0], args[1])
            }
            return [f, ("__\(name.hasSuffix("_") ? String(name.dropLast()) : name)__", f.1)]
        }
        func unary(_ name: String, _ body: @escaping (Value) throws -> Value) -> [(String, Value)] {
            let f = fn(name) { args, kw in
                try self.noKeywords("_operator." + name, kw)
                try checkArgs("_operator." + name, args, 1, 1)
                return try body(args[0])
            }
            return [f, ("__\(name.hasSuffix("_") ? String(name.dropLast()) : name)__", f.1)]
        }
        let arithmetic: [(String, BinOp)] = [("add", .add), ("sub", .sub), ("mul", .mul), ("truediv", .truediv),
                                             ("floordiv", .floordiv), ("mod", .mod), ("pow", .pow), ("lshift", .lshift),
                                             ("rshift", .rshift), ("and_", .bitand), ("or_", .bitor), ("xor", .bitxor),
                                             ("matmul", .matmul)]
        var members: [(String, Value)] = []
        for (name, op) in arithmetic {
            members += binary(name) { [unowned self] a, b in try self.binaryOp(op, a, b) }
            members += binary("i" + name.replacingOccurrences("_", "")) { [unowned self] a, b in try self.inplaceOp(op, a, b) }
        }
        let comparisons: [(String, CmpOp)] = [("lt", .lt), ("le", .le), ("eq", .eq), ("ne", .ne), ("gt", .gt), ("ge", .ge)]
        for (name, op) in comparisons { members += binary(name) { [unowned self] a, b in try self.compareOp(op, a, b) } }
        members += binary("is_") { [unowned self] a, b in .bool(self.isSame(a, b)) }
        members += binary("is_not") { [unowned self] a, b in .bool(!self.isSame(a, b)) }
        members += binary("contains") { [unowned self] a, b in .bool(try self.contains(a, b)) }
        members += binary("concat") { [unowned self] a, b in try self.binaryOp(.add, try self.concatenable(a), b) }
        members += binary("iconcat") { [unowned self] a, b in try self.inplaceOp(.add, try self.concatenable(a), b) }
        members += binary("getitem") { [unowned self] a, b in try self.getItem(a, b) }
        members += binary("delitem") { [unowned self] a, b in try self.delItem(a, b); return .none }
        members += binary("countOf") { [unowned self] a, b in
            var n = 0
            try self.forEach(a) { if try self.isSame($0, b) || self.valuesEqual($0, b) { n += 1 }; return true }
            return .int(n)
        }
        members += binary("indexOf") { [unowned self] a, b in
            var i = 0, found: Int?
            try self.forEach(a) { if try self.isSame($0, b) || self.valuesEqual($0, b) { found = i; return false }; i += 1; return true }
            guard let found else { throw PyException.valueError("sequence.index(x): x not in sequence") }
            return .int(found)
        }
        members.append(fn("setitem") { [unowned self] args, _ in
            try checkArgs("setitem", args, 3, 3)
            try self.setItem(args[0], args[1], args[2])
            return .none
        })
        members += unary("neg") { [unowned self] v in try self.unaryOp(.neg, v) }
        members += unary("pos") { [unowned self] v in try self.unaryOp(.pos, v) }
        members += unary("invert") { [unowned self] v in try self.unaryOp(.invert, v) }
        members += unary("inv") { [unowned self] v in try self.unaryOp(.invert, v) }
        members += unary("not_") { [unowned self] v in .bool(try !self.isTruthy(v)) }
        members += unary("truth") { [unowned self] v in .bool(try self.isTruthy(v)) }
        members += unary("abs") { [unowned self] v in try self.callValue(self.builtins["abs"] ?? .none, [v], []) }
        members += unary("index") { v in
            switch v {
            case .int, .bigint: return v
            case .bool(let b): return .int(b ? 1 : 0)
            default: throw PyException.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
            }
        }
        members.append(fn("length_hint") { [unowned self] args, _ in
            try checkArgs("length_hint", args, 1, 2)
            if let n = try? self.length(args[0]) { return .int(n) }
            return args.count > 1 ? args[1] : .int(0)
        })
        members.append(fn("itemgetter") { [unowned self] args, kw in
            try self.noKeywords("itemgetter", kw)
            if args.isEmpty { throw PyException.typeError("itemgetter expected 1 argument, got 0") }
            return .host(OperatorGetter(self, .item, args))
        })
        members.append(fn("attrgetter") { [unowned self] args, kw in
            try self.noKeywords("attrgetter", kw)
            if args.isEmpty { throw PyException.typeError("attrgetter expected 1 argument, got 0") }
            for a in args { guard case .str = a else { throw PyException.typeError("attribute name must be a string") } }
            return .host(OperatorGetter(self, .attribute, args))
        })
        members.append(fn("methodcaller") { [unowned self] args, kw in
            guard let name = args.first else { throw PyException.typeError("methodcaller needs at least one argument, the method name") }
            guard case .str = name else { throw PyException.typeError("method name must be a string") }
            return .host(OperatorGetter(self, .method, args, kw))
        })
        return module("operator", members)
    }

    /// concat's operand check: only sequences concatenate.
    private func concatenable(_ v: Value) throws -> Value {
        switch v {
        case .list, .tuple, .str, .bytes: return v
        case .instance(let i) where i.cls.lookup("__getitem__") != nil: return v
        default: throw PyException.typeError("'\(v.typeName)' object can't be concatenated")
        }
    }
}
