// np.median, np.percentile, np.quantile and the nan* reductions, each following numpy's own code step by
// step so the last digit agrees: median is the mean of the middle one or two values (a sum from 0, then
// a division, in the array's float precision); quantiles use numpy's default 'linear' method with its
// `_lerp` (a + (b-a)*t, or b - (b-a)*(1-t) from t = 0.5 on); the nan* forms replace NaN by 0 in place,
// so the pairwise sums group the values exactly as numpy's do.
import MFSInterpreter
import Pickle

enum NumPyStats {
    static func members(_ env: NumericEnvironment) -> [(String, Value)] {
        var m: [(String, Value)] = []
        func def(_ name: String, _ params: [String], required: Int = 1, _ body: @escaping (CallArguments) throws -> Value) {
            m.append((name, .newBuiltin(name) { args, kwargs in try body(try CallArguments(name, args, kwargs, params, required: required)) }))
        }
        for (name, skipsNaN) in [("median", false), ("nanmedian", true)] {
            def(name, ["a", "axis", "out", "overwrite_input", "keepdims"]) { a in
                try refuse(a, ["out"])
                let x = try env.toArray(a["a"] ?? .none)
                return try median(x, try NDLanes(x, axis: a["axis"], env: env), skippingNaN: skipsNaN, keepdims: try a.keepdims(), env: env)
            }
        }
        for (name, percent, skipsNaN) in [("percentile", true, false), ("quantile", false, false),
                                          ("nanpercentile", true, true), ("nanquantile", false, true)] {
            def(name, ["a", "q", "axis", "out", "overwrite_input", "method", "keepdims", "weights", "interpolation"], required: 2) { a in
                try quantile(a, percent: percent, skippingNaN: skipsNaN, env: env)
            }
        }
        for name in ["nanprod", "nancumsum"] {
            m.append((name, .newBuiltin(name) { args, kwargs in
                guard let first = args.first ?? kwargs.first(where: { $0.0 == "a" })?.1 else {
                    throw PyException.typeError("\(name)() missing required argument 'a'")
                }
                return try NDArrayHost(try env.toArray(first), env: env)
                    .productOrCumsum(name, Array(args.dropFirst()), kwargs.filter { $0.0 != "a" }, skippingNaN: true)
            }))
        }
        def("nansum", ["a", "axis", "dtype", "out", "keepdims"]) { a in
            try refuse(a, ["dtype", "out"])
            let x = try env.toArray(a["a"] ?? .none)
            let lanes = try NDLanes(x, axis: a["axis"], env: env)
            if let ints = lanes.ints {
                let sums = (0..<lanes.count).map { k in lanes.positions(k).reduce(0) { $0 &+ ints[$1] } }
                let type: NDDType = x.dtype.kind == "u" ? NumPyMath.dtype("u", 8) : .int64
                return NumPyMath.result(.make(dtype: type, ints: sums, shape: try a.keepdims() ? lanes.keptShape : lanes.reducedShape), env: env)
            }
            let single = isSingle(x)
            let sums = (0..<lanes.count).map { k -> Double in
                let lane = lanes.lane(k).map { $0.isNaN ? 0 : $0 }
                return single ? Double(lanes.sum(lane.map { Float($0) })) : lanes.sum(lane)
            }
            return lanes.result(sums, dtype: x.dtype, keepdims: try a.keepdims(), env: env)
        }
        def("nanmean", ["a", "axis", "dtype", "out", "keepdims"]) { a in
            try refuse(a, ["dtype", "out"])
            return try nanMoment(a, nil, env: env)
        }
        for name in ["nanvar", "nanstd"] {
            def(name, ["a", "axis", "dtype", "out", "ddof", "keepdims"]) { a in
                try refuse(a, ["dtype", "out"])
                return try nanMoment(a, (ddof: try a.int("ddof") ?? 0, std: name == "nanstd"), env: env)
            }
        }
        for (name, wantMax) in [("nanmin", false), ("nanmax", true)] {
            def(name, ["a", "axis", "out", "keepdims"]) { a in
                try refuse(a, ["out"])
                let x = try env.toArray(a["a"] ?? .none)
                let lanes = try NDLanes(x, axis: a["axis"], env: env)
                var picked: [Int] = []
                for k in 0..<lanes.count {
                    let positions = lanes.positions(k)
                    guard let first = positions.first else {
                        throw PyException.valueError("zero-size array to reduction operation \(wantMax ? "fmax" : "fmin") which has no identity")
                    }
                    // fmin/fmax: NaN loses to any number; a lane of NaN only gives NaN.
                    picked.append(extreme(lanes, positions, wantMax: wantMax, skippingNaN: true) ?? first)
                }
                return NumPyMath.result(x.gathering(picked, shape: try a.keepdims() ? lanes.keptShape : lanes.reducedShape), env: env)
            }
        }
        for (name, wantMax) in [("nanargmin", false), ("nanargmax", true)] {
            def(name, ["a", "axis", "out", "keepdims"]) { a in
                try refuse(a, ["out"])
                let x = try env.toArray(a["a"] ?? .none)
                let lanes = try NDLanes(x, axis: a["axis"], env: env)
                var found: [Int] = []
                for k in 0..<lanes.count {
                    let lane = lanes.lane(k)
                    guard !lane.isEmpty else { throw PyException.valueError("attempt to get \(wantMax ? "argmax" : "argmin") of an empty sequence") }
                    if lane.allSatisfy(\.isNaN) { throw PyException.valueError("All-NaN slice encountered") }
                    // numpy replaces NaN by -inf/+inf and takes the first extreme, which may be such a NaN.
                    let filled = lane.map { $0.isNaN ? (wantMax ? -Double.infinity : .infinity) : $0 }
                    var best = 0
                    for i in 1..<filled.count where wantMax ? filled[i] > filled[best] : filled[i] < filled[best] { best = i }
                    if let ints = lanes.ints {
                        let values = lanes.positions(k).map { ints[$0] }
                        best = 0
                        for i in 1..<values.count where wantMax ? values[i] > values[best] : values[i] < values[best] { best = i }
                    }
                    found.append(best)
                }
                return NumPyMath.result(.int64(found, shape: try a.keepdims() ? lanes.keptShape : lanes.reducedShape), env: env)
            }
        }
        return m
    }

    /// Arguments mfsh does not implement raise rather than being ignored.
    static func refuse(_ a: CallArguments, _ names: [String]) throws {
        for name in names where a[name] != nil {
            throw PyException.typeError("\(a.function)(\(name)=...) is not supported by mfsh")
        }
    }

    static func isSingle(_ x: NDArray) -> Bool { x.dtype.kind == "f" && x.dtype.itemSize == 4 }

    /// The position of a lane's smallest (largest) value, the first of equal ones; NaN skipped or winning.
    static func extreme(_ lanes: NDLanes, _ positions: [Int], wantMax: Bool, skippingNaN: Bool) -> Int? {
        var best: Int?
        for p in positions {
            if let ints = lanes.ints {
                if best.map({ wantMax ? ints[p] > ints[$0] : ints[p] < ints[$0] }) ?? true { best = p }
                continue
            }
            let v = lanes.values[p]
            if v.isNaN {
                if skippingNaN { continue }
                return p
            }
            if best.map({ wantMax ? v > lanes.values[$0] : v < lanes.values[$0] }) ?? true { best = p }
        }
        return best
    }

    /// numpy's `_median`: the mean of the middle value(s) of each sorted lane; NaN in a lane gives NaN
    /// (nanmedian drops NaN first, and a lane of NaN only gives NaN).
    static func median(_ x: NDArray, _ lanes: NDLanes, skippingNaN: Bool, keepdims: Bool, env: NumericEnvironment) throws -> Value {
        let single = isSingle(x)
        var out: [Double] = []
        out.reserveCapacity(lanes.count)
        for k in 0..<lanes.count {
            var lane = lanes.lane(k)
            if skippingNaN { lane.removeAll { $0.isNaN } } else if lane.contains(where: \.isNaN) { out.append(.nan); continue }
            guard !lane.isEmpty else { out.append(.nan); continue }
            lane.sort()
            let n = lane.count
            let middle = n % 2 == 1 ? [lane[n / 2]] : [lane[n / 2 - 1], lane[n / 2]]
            if single {
                out.append(Double(middle.map { Float($0) }.reduce(0, +) / Float(middle.count)))
            } else {
                out.append(middle.reduce(0, +) / Double(middle.count))
            }
        }
        return lanes.result(out, dtype: x.dtype.kind == "f" ? x.dtype.nativeOrder : .float64, keepdims: keepdims, env: env)
    }

    /// np.percentile / np.quantile with method='linear'.
    /// `skippingNaN`: nanpercentile/nanquantile, each lane without its NaN (all NaN: nan).
    static func quantile(_ a: CallArguments, percent: Bool, skippingNaN: Bool = false, env: NumericEnvironment) throws -> Value {
        try refuse(a, ["out", "weights", "interpolation"])
        if let method = a["method"] {
            guard case .str(let name) = method, name == "linear" else {
                throw PyException.valueError("\(a.function)(method=...) other than 'linear' is not supported by mfsh")
            }
        }
        let x = try env.toArray(a["a"] ?? .none)
        let qValue = a["q"] ?? .none
        // A Python number is a "weak" q: a float32 array's result stays float32.
        let weak: Bool
        switch qValue { case .int, .float: weak = true; default: weak = false }
        let qArray = try env.toArray(qValue)
        guard qArray.shape.count <= 1 else { throw PyException.valueError("\(a.function)() of a \(qArray.shape.count)-d q is not supported by mfsh") }
        guard let qOperand = NumericOperand(array: qArray) else { throw PyException.typeError("\(a.function)(): q must be numbers") }
        let qs = percent ? qOperand.doubles.map { $0 / 100 } : qOperand.doubles
        guard qs.allSatisfy({ 0 <= $0 && $0 <= 1 }) else {
            throw PyException.valueError(percent ? "Percentiles must be in the range [0, 100]" : "Quantiles must be in the range [0, 1]")
        }
        // Integer quantiles (0 or 1) index the sorted lane directly and keep the array's dtype.
        let takes = !percent && qOperand.kind != .float
        guard takes || x.dtype.kind != "b" else {
            throw PyException.typeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
        }
        let lanes = try NDLanes(x, axis: a["axis"], env: env)
        let single = isSingle(x)
        var perQuantile: [[Double]] = qs.map { _ in [] }
        var takenPositions: [[Int]] = qs.map { _ in [] }
        for k in 0..<lanes.count {
            var positions = lanes.positions(k)
            if skippingNaN, lanes.ints == nil {
                positions.removeAll { lanes.values[$0].isNaN }
                if positions.isEmpty {
                    for j in qs.indices { perQuantile[j].append(.nan); takenPositions[j].append(0) }
                    continue
                }
            }
            let n = positions.count
            guard n > 0 else { throw PyException.indexError("index -1 is out of bounds for axis 0 with size 0") }
            let hasNaN = lanes.ints == nil && positions.contains { lanes.values[$0].isNaN }
            let sorted = hasNaN ? positions : positions.sorted { p, q in
                if let ints = lanes.ints { return ints[p] < ints[q] }
                return lanes.values[p] < lanes.values[q]
            }
            for (j, q) in qs.enumerated() {
                if takes {
                    takenPositions[j].append(sorted[(n - 1) * Int(q)])
                    perQuantile[j].append(hasNaN ? .nan : lanes.values[sorted[(n - 1) * Int(q)]])
                    continue
                }
                guard !hasNaN else { perQuantile[j].append(.nan); continue }
                // numpy's _get_indexes and _get_gamma: past the last index both neighbours are the last value.
                let virtual = Double(n - 1) * q
                let previous = virtual >= Double(n - 1) ? -1 : Int(virtual.rounded(.down))
                let next = previous == -1 ? -1 : previous + 1
                let t = virtual - Double(previous)
                let lo = sorted[previous < 0 ? n - 1 : previous], hi = sorted[next < 0 ? n - 1 : next]
                perQuantile[j].append(lerp(lanes, lo, hi, t, single: single, weak: weak))
            }
        }
        let shape = qArray.shape + (try a.keepdims() ? lanes.keptShape : lanes.reducedShape)
        if takes {
            if lanes.ints == nil, perQuantile.joined().contains(where: \.isNaN) {
                return NumPyMath.result(.make(dtype: x.dtype, doubles: Array(perQuantile.joined()), shape: shape), env: env)
            }
            return NumPyMath.result(x.gathering(Array(takenPositions.joined()), shape: shape), env: env)
        }
        let type: NDDType = single && weak ? x.dtype.nativeOrder : .float64
        return NumPyMath.result(.make(dtype: type, doubles: Array(perQuantile.joined()), shape: shape), env: env)
    }

    /// numpy's `_lerp(a, b, t)` in the precision its operands meet in: b - a in the array's type, then
    /// the product with t in float64 (a float32 array with a Python-number q stays float32).
    private static func lerp(_ lanes: NDLanes, _ lo: Int, _ hi: Int, _ t: Double, single: Bool, weak: Bool) -> Double {
        if let ints = lanes.ints {
            let a = ints[lo], b = ints[hi]
            let diff = Double(b &- a)
            return t >= 0.5 ? Double(b) - diff * (1 - t) : Double(a) + diff * t
        }
        let a = lanes.values[lo], b = lanes.values[hi]
        if single {
            let fa = Float(a), fb = Float(b), diff = fb - fa
            if weak { return Double(t >= 0.5 ? fb - diff * Float(1 - t) : fa + diff * Float(t)) }
            return t >= 0.5 ? b - Double(diff) * (1 - t) : a + Double(diff) * t
        }
        let diff = b - a
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t
    }

    /// nanmean (`moment` nil) and nanvar/nanstd as numpy's nanfunctions compute them: NaN replaced by 0
    /// in place, the count of the others, sums in the array's precision and divisions through float64.
    /// Integer arrays have no NaN: numpy hands them to mean/var/std.
    static func nanMoment(_ a: CallArguments, _ moment: (ddof: Int, std: Bool)?, env: NumericEnvironment) throws -> Value {
        let x = try env.toArray(a["a"] ?? .none)
        let keepdims = try a.keepdims()
        let lanes = try NDLanes(x, axis: a["axis"], env: env)
        guard x.dtype.kind == "f" else {
            let name = moment.map { $0.std ? "std" : "var" } ?? "mean"
            guard case .builtin(let f)? = try NDArrayHost(x, env: env).getAttribute(name) else {
                throw PyException.typeError("\(a.function)() is not supported for dtype \(x.dtype.name) in mfsh")
            }
            var kwargs: [(String, Value)] = [("axis", a["axis"] ?? .none)]
            if let moment { kwargs.append(("ddof", .int(moment.ddof))) }
            let reduced = try f.body([], kwargs)
            guard keepdims else { return reduced }
            let array = try env.toArray(reduced)
            return NumPyMath.result(array.gathering(Array(0..<array.count), shape: lanes.keptShape), env: env)
        }
        let single = isSingle(x)
        func compute<T: BinaryFloatingPoint>(_ lane: [T]) -> Double {
            let count = lane.reduce(0) { $1.isNaN ? $0 : $0 + 1 }
            let zeroed = lane.map { $0.isNaN ? 0 : $0 }
            let mean = T(Double(lanes.sum(zeroed)) / Double(count))
            guard let moment else { return Double(mean) }
            let squares = lane.map { v -> T in
                guard !v.isNaN else { return 0 }
                let d = v - mean
                return d * d
            }
            let dof = count - moment.ddof
            guard dof > 0 else { return .nan }
            let variance = T(Double(lanes.sum(squares)) / Double(dof))
            return Double(moment.std ? variance.squareRoot() : variance)
        }
        let out = (0..<lanes.count).map { k -> Double in
            let lane = lanes.lane(k)
            return single ? compute(lane.map { Float($0) }) : compute(lane)
        }
        return lanes.result(out, dtype: x.dtype, keepdims: keepdims, env: env)
    }
}
