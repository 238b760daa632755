// The itertools module: lazy iterators consuming their inputs exactly as CPython's C versions do
// (islice stops without reading past its stop, groupby's groups share the one underlying iterator).

extension Interpreter {
    func makeItertoolsModule() -> Value {
        let chain = PyClass(name: "chain", module: "itertools", bases: [BuiltinClasses.object])
        chain.constructor = { [unowned self] args, kw in
            if !kw.isEmpty { throw PyException.typeError("chain() takes no keyword arguments") }
            return .iterator(self.chained(ArrayIterator(args)))
        }
        chain.dict["from_iterable"] = .newBuiltin("from_iterable") { [unowned self] args, _ in
            try checkArgs("from_iterable", args, 1, 1)
            return .iterator(self.chained(try self.makeIterator(args[0])))
        }
        return module("itertools", [
            ("chain", .type(chain)),
            fn("count") { args, kw in
                let a = try PythonSignature("count", ["start", "step"], required: 0).bind(args, kw)
                var current = a[0] ?? .int(0)
                let step = a[1] ?? .int(1)
                if toNum(current) == nil || toNum(step) == nil { throw PyException.typeError("a number is required") }
                return .iterator(ClosureIterator("count") { [unowned self] in
                    defer { current = (try? self.binaryOp(.add, current, step)) ?? current }
                    return current
                })
            },
            fn("cycle") { [unowned self] args, kw in
                try self.noKeywords("cycle", kw)
                try checkArgs("cycle", args, 1, 1)
                let source = try self.makeIterator(args[0])
                var saved: [Value] = [], index = 0, exhausted = false
                return .iterator(ClosureIterator("cycle") {
                    if !exhausted {
                        if let v = try source.next() { saved.append(v); return v }
                        exhausted = true
                    }
                    if saved.isEmpty { return nil }
                    defer { index = (index + 1) % saved.count }
                    return saved[index]
                })
            },
            fn("repeat") { args, kw in
                guard let object = argAt(args, 0, kw, "object") else { throw PyException.typeError("repeat() missing required argument 'object' (pos 1)") }
                var remaining = try argAt(args, 1, kw, "times").map { try expectInt($0) }
                return .iterator(ClosureIterator("repeat") {
                    if let r = remaining { if r <= 0 { return nil }; remaining = r - 1 }
                    return object
                })
            },
            fn("accumulate") { [unowned self] args, kw in
                let a = try PythonSignature("accumulate", ["iterable", "func"], required: 1, keywordOnly: ["initial"]).bind(args, kw)
                let source = try self.makeIterator(a[0] ?? .none)
                let function = a[1].flatMap { $0.isNone ? nil : $0 }
                var total: Value? = nil
                var pendingInitial = a[2].flatMap { $0.isNone ? nil : $0 }
                return .iterator(ClosureIterator("accumulate") {
                    if let initial = pendingInitial { pendingInitial = nil; total = initial; return initial }
                    guard let v = try source.next() else { return nil }
                    if let t = total {
                        total = try function.map { try self.callValue($0, [t, v], []) } ?? self.binaryOp(.add, t, v)
                    } else {
                        total = v
                    }
                    return total
                })
            },
            fn("compress") { [unowned self] args, kw in
                let a = try PythonSignature("compress", ["data", "selectors"]).bind(args, kw)
                let data = try self.makeIterator(a[0] ?? .none), selectors = try self.makeIterator(a[1] ?? .none)
                return .iterator(ClosureIterator("compress") {
                    while let v = try data.next() {
                        guard let s = try selectors.next() else { return nil }
                        if try self.isTruthy(s) { return v }
                    }
                    return nil
                })
            },
            fn("dropwhile") { [unowned self] args, kw in
                try self.noKeywords("dropwhile", kw)
                try checkArgs("dropwhile", args, 2, 2)
                let predicate = args[0], source = try self.makeIterator(args[1])
                var dropping = true
                return .iterator(ClosureIterator("dropwhile") {
                    while let v = try source.next() {
                        if dropping, try self.isTruthy(try self.callValue(predicate, [v], [])) { continue }
                        dropping = false
                        return v
                    }
                    return nil
                })
            },
            fn("takewhile") { [unowned self] args, kw in
                try self.noKeywords("takewhile", kw)
                try checkArgs("takewhile", args, 2, 2)
                let predicate = args[0], source = try self.makeIterator(args[1])
                var done = false
                return .iterator(ClosureIterator("takewhile") {
                    if done { return nil }
                    guard let v = try source.next() else { return nil }
                    if try self.isTruthy(try self.callValue(predicate, [v], [])) { return v }
                    done = true
                    return nil
                })
            },
            fn("filterfalse") { [unowned self] args, kw in
                try self.noKeywords("filterfalse", kw)
                try checkArgs("filterfalse", args, 2, 2)
                let predicate = args[0], source = try self.makeIterator(args[1])
                return .iterator(ClosureIterator("filterfalse") {
                    while let v = try source.next() {
                        let keep = predicate.isNone ? v : try self.callValue(predicate, [v], [])
                        if try !self.isTruthy(keep) { return v }
                    }
                    return nil
                })
            },
            fn("starmap") { [unowned self] args, kw in
                try self.noKeywords("starmap", kw)
                try checkArgs("starmap", args, 2, 2)
                let function = args[0], source = try self.makeIterator(args[1])
                return .iterator(ClosureIterator("starmap") {
                    guard let v = try source.next() else { return nil }
                    return try self.callValue(function, try self.toArray(v), [])
                })
            },
            fn("pairwise") { [unowned self] args, kw in
                try self.noKeywords("pairwise", kw)
                try checkArgs("pairwise", args, 1, 1)
                let source = try self.makeIterator(args[0])
                var previous: Value?
                return .iterator(ClosureIterator("pairwise") {
                    if previous == nil { previous = try source.next() }
                    guard let a = previous, let b = try source.next() else { return nil }
                    previous = b
                    return .tuple([a, b])
                })
            },
            fn("zip_longest") { [unowned self] args, kw in
                var fill = Value.none
                for (k, v) in kw {
                    guard k == "fillvalue" else { throw PyException.typeError("zip_longest() got an unexpected keyword argument") }
                    fill = v
                }
                var sources: [PyIterator?] = try args.map { try self.makeIterator($0) }
                var active = sources.count
                return .iterator(ClosureIterator("zip_longest") {
                    if active == 0 { return nil }
                    var row: [Value] = []
                    for i in sources.indices {
                        if let v = try sources[i]?.next() { row.append(v); continue }
                        if sources[i] != nil { sources[i] = nil; active -= 1 }
                        if active == 0 { return nil }
                        row.append(fill)
                    }
                    return .tuple(row)
                })
            },
            fn("islice") { [unowned self] args, kw in try self.islice(args, kw) },
            fn("groupby") { [unowned self] args, kw in
                let a = try PythonSignature("groupby", ["iterable", "key"], required: 1).bind(args, kw)
                let grouping = GroupBy(self, try self.makeIterator(a[0] ?? .none), key: a[1].flatMap { $0.isNone ? nil : $0 })
                return .iterator(ClosureIterator("groupby") { try grouping.nextGroup() })
            },
            fn("tee") { [unowned self] args, kw in
                try self.noKeywords("tee", kw)
                try checkArgs("tee", args, 1, 2)
                let n = args.count > 1 ? try expectInt(args[1]) : 2
                if n < 0 { throw PyException.valueError("n must be >= 0") }
                let shared = TeeBuffer(try self.makeIterator(args[0]))
                return .tuple((0..<n).map { _ in
                    var position = 0
                    return .iterator(ClosureIterator("_tee") {
                        guard let v = try shared.item(at: position) else { return nil }
                        position += 1
                        return v
                    })
                })
            },
            fn("product") { [unowned self] args, kw in
                var repeatCount = 1
                for (k, v) in kw {
                    guard k == "repeat" else { throw PyException.typeError("product() got an unexpected keyword argument '\(k)'") }
                    repeatCount = try expectInt(v)
                }
                if repeatCount < 0 { throw PyException.valueError("repeat argument cannot be negative") }
                let pools = try args.map { try self.toArray($0) }
                let all = Array((0..<repeatCount).map { _ in pools }.joined())
                return .iterator(cartesianProduct(all))
            },
            fn("permutations") { [unowned self] args, kw in
                let a = try PythonSignature("permutations", ["iterable", "r"], required: 1).bind(args, kw)
                let pool = try self.toArray(a[0] ?? .none)
                let r = try a[1].flatMap { $0.isNone ? nil : try expectInt($0) } ?? pool.count
                if r < 0 { throw PyException.valueError("r must be non-negative") }
                return .iterator(permutationRows(pool, r))
            },
            fn("combinations") { [unowned self] args, kw in
                let a = try PythonSignature("combinations", ["iterable", "r"]).bind(args, kw)
                let pool = try self.toArray(a[0] ?? .none)
                let r = try expectInt(a[1] ?? .none)
                if r < 0 { throw PyException.valueError("r must be non-negative") }
                return .iterator(combinationRows(pool, r, withReplacement: false))
            },
            fn("combinations_with_replacement") { [unowned self] args, kw in
                let a = try PythonSignature("combinations_with_replacement", ["iterable", "r"]).bind(args, kw)
                let pool = try self.toArray(a[0] ?? .none)
                let r = try expectInt(a[1] ?? .none)
                if r < 0 { throw PyException.valueError("r must be non-negative") }
                return .iterator(combinationRows(pool, r, withReplacement: true))
            },
        ])
    }

    /// chain: each iterable is iterated only when reached.
    private func chained(_ iterables: PyIterator) -> PyIterator {
        var current: PyIterator?
        return ClosureIterator("chain") { [unowned self] in
            while true {
                if let c = current, let v = try c.next() { return v }
                guard let next = try iterables.next() else { return nil }
                current = try self.makeIterator(next)
            }
        }
    }

    private func islice(_ args: [Value], _ kw: [(String, Value)]) throws -> Value {
        try noKeywords("islice", kw)
        if args.count < 2 { throw PyException.typeError("islice expected at least 2 arguments, got \(args.count)") }
        if args.count > 4 { throw PyException.typeError("islice expected at most 4 arguments, got \(args.count)") }
        func bound(_ v: Value, _ message: String) throws -> Int? {
            if v.isNone { return nil }
            guard case .int(let i) = v, i >= 0 else {
                if case .bool(let b) = v { return b ? 1 : 0 }
                throw PyException.valueError(message)
            }
            return i
        }
        let indices = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
        var start = 0, step = 1
        let stop: Int?
        if args.count == 2 {
            stop = try bound(args[1], "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
        } else {
            start = try bound(args[1], indices) ?? 0
            stop = try bound(args[2], indices)
            if args.count == 4 {
                guard let s = try bound(args[3], "Step for islice() must be a positive integer or None."), s != 0 else {
                    if args[3].isNone { step = 1 } else { throw PyException.valueError("Step for islice() must be a positive integer or None.") }
                    return try islice(Array(args.prefix(3)), kw)
                }
                step = s
            }
        }
        var source: PyIterator? = try makeIterator(args[0])
        var count = 0, nextIndex = start
        return .iterator(ClosureIterator("islice") {
            guard let it = source else { return nil }
            while count < nextIndex {
                guard try it.next() != nil else { source = nil; return nil }
                count += 1
            }
            if let stop, count >= stop { source = nil; return nil }
            guard let item = try it.next() else { source = nil; return nil }
            count += 1
            let (advanced, overflow) = nextIndex.addingReportingOverflow(step)
            nextIndex = advanced
            if let stop, overflow || nextIndex > stop { nextIndex = stop }
            return item
        })
    }
}

/// groupby's state: the current key and value are shared between the groupby iterator and the
/// group it last handed out, which stops once the groupby moves on.
private final class GroupBy {
    unowned let interp: Interpreter
    let source: PyIterator
    let key: Value?
    var currentKey: Value?, currentValue: Value?, targetKey: Value?
    var generation = 0

    init(_ interp: Interpreter, _ source: PyIterator, key: Value?) { self.interp = interp; self.source = source; self.key = key }

    private func advance() throws -> Bool {
        guard let v = try source.next() else { return false }
        currentValue = v
        currentKey = try key.map { try interp.callValue($0, [v], []) } ?? v
        return true
    }

    private func sameKey(_ a: Value?, _ b: Value?) throws -> Bool {
        guard let a, let b else { return false }
        return try interp.valuesEqual(a, b)
    }

    func nextGroup() throws -> Value? {
        generation += 1
        while try currentKey == nil || sameKey(currentKey, targetKey) {
            if try !advance() { return nil }
        }
        targetKey = currentKey
        let mine = generation, groupKey = currentKey ?? .none
        var first = true
        let group = ClosureIterator("_grouper") { [self] in
            guard generation == mine else { return nil }
            if !first { if try !advance() { return nil } }
            first = false
            guard try sameKey(currentKey, groupKey) else { return nil }
            return currentValue
        }
        return .tuple([groupKey, .iterator(group)])
    }
}

/// The items tee's iterators have in common, read from the source once.
private final class TeeBuffer {
    let source: PyIterator
    var items: [Value] = []
    var exhausted = false
    init(_ source: PyIterator) { self.source = source }
    func item(at i: Int) throws -> Value? {
        while i >= items.count {
            if exhausted { return nil }
            guard let v = try source.next() else { exhausted = true; return nil }
            items.append(v)
        }
        return items[i]
    }
}

/// product as an odometer over the pools, the rightmost advancing first.
private func cartesianProduct(_ pools: [[Value]]) -> PyIterator {
    var indices: [Int]? = pools.contains(where: { $0.isEmpty }) ? nil : [Int](repeating: 0, count: pools.count)
    return ClosureIterator("product") {
        guard let current = indices else { return nil }
        let row = Value.tuple(current.enumerated().map { pools[$0.offset][$0.element] })
        var next = current, i = pools.count - 1
        while i >= 0 {
            next[i] += 1
            if next[i] < pools[i].count { break }
            next[i] = 0
            i -= 1
        }
        indices = i < 0 ? nil : next
        return row
    }
}

/// permutations by CPython's cycles algorithm (lexicographic in pool positions).
private func permutationRows(_ pool: [Value], _ r: Int) -> PyIterator {
    let n = pool.count
    var indices = Array(0..<n), cycles = Array(stride(from: n, to: n - r, by: -1))
    var first = r <= n, done = r > n
    return ClosureIterator("permutations") {
        if done { return nil }
        if first { first = false; return .tuple(indices.prefix(r).map { pool[$0] }) }
        for i in stride(from: r - 1, through: 0, by: -1) {
            cycles[i] -= 1
            if cycles[i] == 0 {
                let moved = indices[i]
                indices.remove(at: i)
                indices.append(moved)
                cycles[i] = n - i
            } else {
                indices.swapAt(i, n - cycles[i])
                return .tuple(indices.prefix(r).map { pool[$0] })
            }
        }
        done = true
        return nil
    }
}

/// combinations (strictly increasing positions) or combinations_with_replacement (non-decreasing).
private func combinationRows(_ pool: [Value], _ r: Int, withReplacement: Bool) -> PyIterator {
    let n = pool.count
    var indices: [Int]? = withReplacement ? (n == 0 && r > 0 ? nil : [Int](repeating: 0, count: r)) : (r > n ? nil : Array(0..<r))
    return ClosureIterator(withReplacement ? "combinations_with_replacement" : "combinations") {
        guard var current = indices else { return nil }
        let row = Value.tuple(current.map { pool[$0] })
        var i = r - 1
        while i >= 0 && current[i] == (withReplacement ? n - 1 : i + n - r) { i -= 1 }
        if i < 0 {
            indices = nil
        } else {
            current[i] += 1
            for j in (i + 1)..<max(r, i + 1) { current[j] = withReplacement ? current[i] : current[j - 1] + 1 }
            indices = current
        }
        return row
    }
}
