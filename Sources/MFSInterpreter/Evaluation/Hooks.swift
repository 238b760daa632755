// Special methods consulted on user instances and host objects: __index__, __format__, __abs__ and the
// rich comparisons, whose results are returned as they are (a host may answer `<` with an array of bools).

private let richNames: [CmpOp: (String, String)] = [
    .lt: ("__lt__", "__gt__"), .gt: ("__gt__", "__lt__"), .le: ("__le__", "__ge__"), .ge: ("__ge__", "__le__"),
    .eq: ("__eq__", "__eq__"), .ne: ("__ne__", "__ne__"),
]

extension Value {
    var complexValue: PyComplex? {
        if case .host(let h) = self { return h as? PyComplex }
        return nil
    }
}

extension Interpreter {
    /// A bound special method of an instance (found on its class, not the shared `object` defaults) or a
    /// host object (through `getAttribute`); nil when the value has none.
    func specialMethod(_ v: Value, _ name: String) throws -> Value? {
        switch v {
        case .instance(let i):
            guard let m = i.cls.lookup(name) else { return nil }
            if case .builtin(let b) = m, case .builtin(let o)? = BuiltinClasses.object.dict[name], b === o { return nil }
            return .boundMethod(PyBoundMethod(receiver: v, function: m))
        case .host(let h):
            return try h.getAttribute(name)
        default:
            return nil
        }
    }

    /// The plain value an instance of a host class deriving from builtin `base` stands for (numpy's
    /// str_ as its str, float64 as its float), where a builtin takes "a str"; nil for anything else.
    func builtinBaseValue(_ v: Value, _ base: String) -> Value? {
        guard case .instance(let i) = v, let host = i.host, host.builtinBaseName == base else { return nil }
        return host.keyValue
    }

    /// `operator.index(v)` for instances and hosts with `__index__`; nil for other values.
    func indexHook(_ v: Value) throws -> Value? {
        switch v {
        case .instance, .host:
            guard let m = try specialMethod(v, "__index__") else { return nil }
            let r = try callValue(m, [], [])
            switch r {
            case .int, .bigint: return r
            case .bool(let b): return .int(b ? 1 : 0)
            default: throw PyException.typeError("__index__ returned non-int (type \(r.typeName))")
            }
        default:
            return nil
        }
    }

    /// A copy of `s` with `__index__` applied to its bounds, or nil when none needs it.
    func sliceWithIndexHooks(_ s: PySlice) throws -> PySlice? {
        func plain(_ v: Value) -> Bool {
            switch v {
            case .instance, .host: return false
            default: return true
            }
        }
        if plain(s.start) && plain(s.stop) && plain(s.step) { return nil }
        let parts = [s.start, s.stop, s.step]
        var changed = false
        var out: [Value] = []
        for p in parts {
            if let i = try indexHook(p) { out.append(i); changed = true } else { out.append(p) }
        }
        return changed ? PySlice(out[0], out[1], out[2]) : nil
    }

    /// `a <op> b` through `__lt__`/`__eq__`/... of an instance or host, reflected if the left side
    /// declines; the method's result is returned unchanged. nil when neither side answers.
    func richCompare(_ op: CmpOp, _ a: Value, _ b: Value) throws -> Value? {
        guard let (fwd, rev) = richNames[op] else { return nil }
        if let m = try specialMethod(a, fwd) {
            let r = try callValue(m, [b], [])
            if !isNotImplemented(r) { return r }
        }
        if let m = try specialMethod(b, rev) {
            let r = try callValue(m, [a], [])
            if !isNotImplemented(r) { return r }
        }
        return nil
    }
}
