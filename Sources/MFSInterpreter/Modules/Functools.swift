// The functools module: reduce, partial, lru_cache/cache, wraps/update_wrapper, cmp_to_key,
// total_ordering and cached_property, behaving as CPython's.

/// A host callable that, stored in a class, binds to the instance as a function does
/// (lru_cache's wrapper is a descriptor in CPython, so cached methods receive `self`).
protocol BindsAsMethod: HostObject {}

/// `functools.partial(func, *args, **keywords)`.
final class PartialObject: HostObject {
    unowned let interp: Interpreter
    let function: Value
    let args: [Value]
    let keywords: [(String, Value)]

    init(_ interp: Interpreter, _ function: Value, _ args: [Value], _ keywords: [(String, Value)]) {
        // A partial of a partial is flattened, as CPython does.
        if case .host(let inner as PartialObject) = function {
            var merged = inner.keywords
            for (k, v) in keywords { if let i = merged.firstIndex(where: { $0.0 == k }) { merged[i].1 = v } else { merged.append((k, v)) } }
            self.function = inner.function; self.args = inner.args + args; self.keywords = merged
        } else {
            self.function = function; self.args = args; self.keywords = keywords
        }
        self.interp = interp
    }

    var typeName: String { "partial" }
    var attributeNames: [String] { ["args", "func", "keywords"] }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "func": return function
        case "args": return .tuple(args)
        case "keywords": return try .newDict(keywords.map { (.str($0.0), $0.1) })
        default: return nil
        }
    }
    func call(args more: [Value], kwargs: [(String, Value)]) throws -> Value {
        var merged = keywords
        for (k, v) in kwargs { if let i = merged.firstIndex(where: { $0.0 == k }) { merged[i].1 = v } else { merged.append((k, v)) } }
        return try interp.callValue(function, args + more, merged)
    }
    func repr() -> String {
        let parts = [(try? interp.repr(function)) ?? "?"] + args.map { (try? interp.repr($0)) ?? "?" }
            + keywords.map { "\($0.0)=\((try? interp.repr($0.1)) ?? "?")" }
        return "functools.partial(\(parts.joined(separator: ", ")))"
    }
}

/// The callable `lru_cache` and `cache` return.
final class CachedFunction: BindsAsMethod {
    unowned let interp: Interpreter
    let wrapped: Value
    let maxSize: Int?
    let typed: Bool
    let entries = PyDict()
    var hits = 0, misses = 0
    var extraAttributes: [String: Value] = [:]

    init(_ interp: Interpreter, _ wrapped: Value, maxSize: Int?, typed: Bool) {
        self.interp = interp; self.wrapped = wrapped; self.maxSize = maxSize.map { max($0, 0) }; self.typed = typed
    }

    var typeName: String { "functools._lru_cache_wrapper" }
    var attributeNames: [String] { ["cache_clear", "cache_info", "cache_parameters", "__wrapped__"] }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "cache_info":
            return .newBuiltin("cache_info") { [self] _, _ in
                .host(NamedTupleResult("CacheInfo", ["hits", "misses", "maxsize", "currsize"],
                                       [.int(hits), .int(misses), maxSize.map { .int($0) } ?? .none, .int(entries.count)]))
            }
        case "cache_clear":
            return .newBuiltin("cache_clear") { [self] _, _ in entries.removeAll(); hits = 0; misses = 0; return .none }
        case "cache_parameters":
            return .newBuiltin("cache_parameters") { [self] _, _ in
                try .newDict([(.str("maxsize"), maxSize.map { .int($0) } ?? .none), (.str("typed"), .bool(typed))])
            }
        case "__wrapped__": return wrapped
        case "__name__", "__qualname__", "__doc__", "__module__":
            return try extraAttributes[name] ?? interp.getAttr(wrapped, name)
        default: return extraAttributes[name]
        }
    }
    func setAttribute(_ name: String, _ value: Value) throws { extraAttributes[name] = value }

    func call(args: [Value], kwargs: [(String, Value)]) throws -> Value {
        var parts = args
        if typed { parts += args.map { .str($0.typeName) } }
        if !kwargs.isEmpty {
            parts = [.tuple(parts), .str("\u{0}kwd_mark"), .tuple(kwargs.flatMap { [Value.str($0.0), $0.1] + (typed ? [.str($0.1.typeName)] : []) })]
        }
        let key = Value.tuple(parts)
        _ = try pyHash(key)  // unhashable arguments raise before the call, as in CPython
        if maxSize == 0 {
            misses += 1
            return try interp.callValue(wrapped, args, kwargs)
        }
        if let cached = try entries.get(key) {
            hits += 1
            if maxSize != nil { _ = try entries.remove(key); try entries.set(key, cached) }
            return cached
        }
        misses += 1
        let result = try interp.callValue(wrapped, args, kwargs)
        if let maxSize, entries.count >= maxSize, let oldest = entries.items.first?.0 { _ = try entries.remove(oldest) }
        try entries.set(key, result)
        return result
    }
    func repr() -> String { "<functools._lru_cache_wrapper object at \(interp.addressText(of: self))>" }
}

/// A named tuple a library function returns: functools' `CacheInfo(hits=..., ...)`, statistics'
/// `LinearRegression(slope=..., intercept=...)`.
final class NamedTupleResult: HostObject {
    let name: String
    let fields: [String]
    let values: [Value]
    init(_ name: String, _ fields: [String], _ values: [Value]) { self.name = name; self.fields = fields; self.values = values }
    var typeName: String { name }
    var attributeNames: [String] { fields }
    func getAttribute(_ attr: String) throws -> Value? { fields.firstIndex(of: attr).map { values[$0] } }
    func getItem(_ key: Value) throws -> Value {
        guard case .int(let i) = key, (-values.count..<values.count).contains(i) else { throw PyException.indexError("tuple index out of range") }
        return values[i < 0 ? i + values.count : i]
    }
    func makeIterator() throws -> PyIterator { ArrayIterator(values, typeName: "tuple_iterator") }
    func length() throws -> Int { values.count }
    func equals(_ other: any HostObject) -> Bool {
        (other as? NamedTupleResult).map { $0.values.count == values.count && zip($0.values, values).allSatisfy { pyEquals($0, $1) } } ?? false
    }
    func repr() -> String {
        name + "(" + zip(fields, values).map { "\($0)=\(reprForMessage($1))" }.joined(separator: ", ") + ")"
    }
}

/// The key objects `cmp_to_key` makes: ordered by the comparison function.
final class ComparisonKey: HostObject {
    unowned let interp: Interpreter
    let compare: Value, object: Value
    init(_ interp: Interpreter, _ compare: Value, _ object: Value) { self.interp = interp; self.compare = compare; self.object = object }
    var typeName: String { "functools.KeyWrapper" }
    var hashValue: Int { 0 }
    func getAttribute(_ name: String) throws -> Value? {
        let tests: [String: (Int) -> Bool] = ["__lt__": { $0 < 0 }, "__le__": { $0 <= 0 }, "__gt__": { $0 > 0 },
                                              "__ge__": { $0 >= 0 }, "__eq__": { $0 == 0 }, "__ne__": { $0 != 0 }]
        if name == "obj" { return object }
        guard let test = tests[name] else { return nil }
        return .newBuiltin(name) { [self] args, _ in
            guard case .host(let other as ComparisonKey)? = args.first else { throw PyException.typeError("other argument must be K instance") }
            let r = try interp.callValue(compare, [object, other.object], [])
            return .bool(test(try interp.compareValues(r, .int(0), .lt) ?? 0))
        }
    }
}

extension Interpreter {
    func makeFunctoolsModule() -> Value {
        module("functools", [
            fn("reduce") { [unowned self] args, _ in
                try checkArgs("reduce", args, 2, 3)
                let it = try self.makeIterator(args[1])
                var acc: Value
                if args.count > 2 { acc = args[2] } else {
                    guard let f = try it.next() else { throw PyException.typeError("reduce() of empty iterable with no initial value") }
                    acc = f
                }
                while let v = try it.next() { acc = try self.callValue(args[0], [acc, v], []) }
                return acc
            },
            fn("partial") { [unowned self] args, kw in
                guard let function = args.first else { throw PyException.typeError("type 'partial' takes at least one argument") }
                if !self.isCallable(function) { throw PyException.typeError("the first argument must be callable") }
                return .host(PartialObject(self, function, Array(args.dropFirst()), kw))
            },
            fn("lru_cache") { [unowned self] args, kw in
                let a = try PythonSignature("lru_cache", ["maxsize", "typed"], required: 0).bind(args, kw)
                let typed = try self.isTruthy(a[1] ?? .bool(false))
                switch a[0] ?? .int(128) {
                case .none: return self.cacheDecorator(maxSize: nil, typed: typed)
                case .int(let n): return self.cacheDecorator(maxSize: n, typed: typed)
                case .bool(let b): return self.cacheDecorator(maxSize: b ? 1 : 0, typed: typed)
                case let f where self.isCallable(f): return .host(CachedFunction(self, f, maxSize: 128, typed: typed))
                default: throw PyException.typeError("Expected first argument to be an integer, a callable, or None")
                }
            },
            fn("cache") { [unowned self] args, kw in
                let a = try PythonSignature("cache", ["user_function"]).bind(args, kw)
                return .host(CachedFunction(self, a[0] ?? .none, maxSize: nil, typed: false))
            },
            fn("update_wrapper") { [unowned self] args, kw in
                let a = try PythonSignature("update_wrapper", ["wrapper", "wrapped"]).bind(args, kw)
                return try self.updateWrapper(a[0] ?? .none, a[1] ?? .none)
            },
            fn("wraps") { [unowned self] args, kw in
                let a = try PythonSignature("wraps", ["wrapped"]).bind(args, kw)
                let wrapped = a[0] ?? .none
                return .newBuiltin("update_wrapper") { inner, _ in
                    try checkArgs("update_wrapper", inner, 1, 1)
                    return try self.updateWrapper(inner[0], wrapped)
                }
            },
            fn("cmp_to_key") { [unowned self] args, kw in
                let a = try PythonSignature("cmp_to_key", ["mycmp"]).bind(args, kw)
                let compare = a[0] ?? .none
                return .newBuiltin("K") { inner, _ in
                    try checkArgs("K", inner, 1, 1)
                    return .host(ComparisonKey(self, compare, inner[0]))
                }
            },
            fn("total_ordering") { [unowned self] args, _ in
                guard args.count == 1, case .type(let cls) = args[0] else { throw PyException.typeError("total_ordering() expects a class") }
                try self.completeOrdering(cls)
                return args[0]
            },
            fn("cached_property") { [unowned self] args, _ in
                try checkArgs("cached_property", args, 1, 1)
                let function = args[0]
                let name = try self.str(try self.getAttr(function, "__name__"))
                let property = PyInstance(cls: self.wrapperClass("property"))
                property.attrs["fget"] = .newBuiltin(name) { inner, _ in
                    guard case .instance(let target)? = inner.first else { return .none }
                    let value = try self.callValue(function, [.instance(target)], [])
                    target.attrs[name] = value
                    return value
                }
                property.attrs["fset"] = Value.none
                return .instance(property)
            },
        ])
    }

    func isCallable(_ v: Value) -> Bool {
        switch v {
        case .function, .builtin, .boundMethod, .type: return true
        case .instance(let i): return i.cls.lookup("__call__") != nil
        case .host(let h): return h is PartialObject || h is CachedFunction || h is OperatorGetter || (try? h.getAttribute("__call__")) != nil
        default: return false
        }
    }

    private func cacheDecorator(maxSize: Int?, typed: Bool) -> Value {
        .newBuiltin("decorating_function") { [unowned self] args, _ in
            try checkArgs("decorating_function", args, 1, 1)
            return .host(CachedFunction(self, args[0], maxSize: maxSize, typed: typed))
        }
    }

    private func updateWrapper(_ wrapper: Value, _ wrapped: Value) throws -> Value {
        for name in ["__module__", "__name__", "__qualname__", "__doc__"] {
            guard let value = try? getAttr(wrapped, name) else { continue }
            if case .function(let f) = wrapper {
                switch (name, value) {
                case ("__name__", .str(let s)): f.name = s
                case ("__qualname__", .str(let s)): f.qualname = s
                case ("__doc__", _): if case .str(let s) = value { f.doc = s } else { f.doc = nil }
                default: break
                }
            } else if name != "__module__" {
                try setAttr(wrapper, name, value)
            }
        }
        if case .function(let source) = wrapped, case .function(let target) = wrapper {
            for (k, v) in source.attrs { target.attrs[k] = v }
        }
        try setAttr(wrapper, "__wrapped__", wrapped)
        return wrapper
    }

    /// total_ordering: the missing comparisons from the class's highest root (__lt__ before __le__,
    /// __gt__, __ge__) and ==, as Lib/functools.py derives them.
    private func completeOrdering(_ cls: PyClass) throws {
        let defined = ["__lt__", "__le__", "__gt__", "__ge__"].filter { name in cls.mro.contains { $0 !== BuiltinClasses.object && $0.dict[name] != nil } }
        guard let root = defined.max() else { throw PyException.valueError("must define at least one ordering operation: < > <= >=") }
        // For each root: (derived name, negate the root's result?, combine with ==: nil, "or ==", "and !=").
        let table: [String: [(String, Bool, CmpOp?)]] = [
            "__lt__": [("__gt__", true, .ne), ("__le__", false, .eq), ("__ge__", true, nil)],
            "__le__": [("__ge__", true, .eq), ("__lt__", false, .ne), ("__gt__", true, nil)],
            "__gt__": [("__lt__", true, .ne), ("__ge__", false, .eq), ("__le__", true, nil)],
            "__ge__": [("__le__", true, .eq), ("__gt__", false, .ne), ("__lt__", true, nil)],
        ]
        guard let rootMethod = cls.lookup(root) else { return }
        for (name, negate, combine) in table[root] ?? [] where !defined.contains(name) {
            cls.dict[name] = .newBuiltin(name) { [unowned self] args, _ in
                guard args.count == 2 else { throw PyException.typeError("expected 1 argument, got \(args.count - 1)") }
                let r = try self.callValue(rootMethod, args, [])
                if self.isNotImplemented(r) { return r }
                var result = try self.isTruthy(r)
                if negate { result = !result }
                switch combine {
                case .eq?: return result ? (negate ? .bool(true) : r) : try self.compareOp(.eq, args[0], args[1])
                case .ne?: return result ? try self.compareOp(.ne, args[0], args[1]) : (negate ? .bool(false) : r)
                default: return .bool(result)
                }
            }
        }
    }
}
