// np.histogram and np.bincount as numpy computes them. For a number of equal bins, numpy's fast path:
// the edges from linspace in the edges' dtype, each value's bin from ((x - first) / (last - first)) * n
// truncated, then corrected by one against the edges it lies between (values within an ulp of an edge),
// the last bin closed on the right; for explicit edges, the counts between consecutive edges with the
// last edge included. Values outside the range (and NaN) are not counted.
import MFSInterpreter
import Pickle

enum NumPyHistogram {
    static func members(_ env: NumericEnvironment) -> [(String, Value)] {
        [("histogram", .newBuiltin("histogram") { args, kwargs in
            let a = try CallArguments("histogram", args, kwargs, ["a", "bins", "range", "density", "weights"], required: 1)
            try NumPyStats.refuse(a, ["weights"])
            let (counts, edges) = try histogram(try env.toArray(a["a"] ?? .none), bins: a["bins"] ?? .int(10), range: a["range"], env: env)
            let first: NDArray
            if try a.bool("density", default: false) {
                // numpy: n / db / n.sum(), db = np.diff(bin_edges) in the edges' type, then as float64.
                let e = NumericOperand(array: edges)?.doubles ?? []
                let single = NumPyStats.isSingle(edges)
                let total = Double(counts.reduce(0, +))
                let density = counts.indices.map { i -> Double in
                    let width = single ? Double(Float(e[i + 1]) - Float(e[i])) : e[i + 1] - e[i]
                    return Double(counts[i]) / width / total
                }
                first = .float64(density, shape: [density.count])
            } else {
                first = .int64(counts, shape: [counts.count])
            }
            return .tuple([env.wrap(NDArrayHost(first, env: env)), env.wrap(NDArrayHost(edges, env: env))])
         }),
         ("bincount", .newBuiltin("bincount") { args, kwargs in
            let a = try CallArguments("bincount", args, kwargs, ["x", "weights", "minlength"], required: 1)
            let x = try env.toArray(a["x"] ?? .none)
            if x.shape.count > 1, NumericHosts.object(a["x"] ?? .none) == nil {
                // numpy converts a nested list with at most one dimension allowed.
                throw PyException.valueError("setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.")
            }
            return try bincount(x, weights: try a["weights"].map { try env.toArray($0) },
                                minlength: try a.int("minlength") ?? 0, env: env)
         })]
    }

    /// The counts per bin and the bin edges.
    static func histogram(_ x: NDArray, bins: Value, range: Value?, env: NumericEnvironment) throws -> (counts: [Int], edges: NDArray) {
        guard let o = NumericOperand(array: x) else { throw PyException.typeError("histogram() of an array of \(x.dtype.name) is not supported by mfsh") }
        let values = o.doubles
        if case .str = bins { throw PyException.valueError("histogram() with a bin estimator name is not supported by mfsh") }
        let binsArray = try env.toArray(bins)
        if binsArray.shape.count == 1 {
            guard let edges = NumericOperand(array: binsArray)?.doubles else { throw PyException.typeError("`bins` must be an integer, a string, or an array") }
            for i in 0..<max(edges.count - 1, 0) where edges[i] > edges[i + 1] {
                throw PyException.valueError("`bins` must increase monotonically, when an array")
            }
            // The cumulative counts (searchsorted left, the last edge right) differenced.
            let sorted = values.filter { !$0.isNaN }.sorted()
            func below(_ e: Double, inclusive: Bool) -> Int {
                var lo = 0, hi = sorted.count
                while lo < hi { let mid = (lo + hi) / 2; if inclusive ? sorted[mid] <= e : sorted[mid] < e { lo = mid + 1 } else { hi = mid } }
                return lo
            }
            let cumulative = edges.enumerated().map { below($1, inclusive: $0 == edges.count - 1) }
            let counts = (0..<max(edges.count - 1, 0)).map { cumulative[$0 + 1] - cumulative[$0] }
            return (counts, binsArray)
        }
        guard binsArray.shape.isEmpty else { throw PyException.valueError("`bins` must be 1d, when an array") }
        guard let binCount = NumericOperand(array: binsArray)?.ints?.first, binsArray.dtype.kind != "b" else {
            throw PyException.typeError("`bins` must be an integer, a string, or an array")
        }
        guard binCount >= 1 else { throw PyException.valueError("`bins` must be positive, when an integer") }
        _ = try NumPyMath.resultCount([binCount + 1])
        // The edges' dtype: float32 data keeps float32, anything else is float64.
        let single = NumPyStats.isSingle(x)
        func rounded(_ v: Double) -> Double { single ? Double(Float(v)) : v }
        var first: Double, last: Double
        var edgesFromData = false
        if let range {
            let bounds = try NumPyModule.sequence(range)
            guard bounds.count == 2, let lo = NumericOperand(bounds[0])?.doubles.first, let hi = NumericOperand(bounds[1])?.doubles.first else {
                throw PyException.valueError("too many values to unpack (expected 2)")
            }
            guard lo <= hi else { throw PyException.valueError("max must be larger than min in range parameter.") }
            guard lo.isFinite, hi.isFinite else { throw PyException.valueError("supplied range of [\(pythonFloat(lo)), \(pythonFloat(hi))] is not finite") }
            (first, last) = (lo, hi)
        } else if values.isEmpty {
            (first, last) = (0, 1)
        } else {
            let lo = values.contains(where: \.isNaN) ? Double.nan : values.min() ?? 0
            let hi = values.contains(where: \.isNaN) ? Double.nan : values.max() ?? 0
            guard lo.isFinite, hi.isFinite else {
                throw PyException.valueError("autodetected range of [\(pythonFloat(lo)), \(pythonFloat(hi))] is not finite")
            }
            (first, last) = (lo, hi)
            edgesFromData = true
        }
        if first == last {
            // numpy: a float32 bound from the data stays float32; a Python float from range= stays a double.
            first -= 0.5; last += 0.5
            if single && edgesFromData { first = rounded(first); last = rounded(last) }
        }
        // np.linspace(first, last, n + 1) in float32 when the bounds are float32 values, else float64 then cast.
        let div = Double(binCount), delta = last - first
        var edges: [Double]
        if single && edgesFromData {
            let f = Float(first), d = Float(last) - Float(first), step = d / Float(binCount)
            edges = (0...binCount).map { i in Double(step == 0 ? Float(i) / Float(binCount) * d + f : Float(i) * step + f) }
        } else {
            let step = delta / div
            edges = (0...binCount).map { i in rounded((step == 0 ? Double(i) / div * delta : Double(i) * step) + first) }
        }
        edges[binCount] = rounded(last)
        for i in 0..<binCount where edges[i] >= edges[i + 1] {
            throw PyException.valueError("Too many bins for data range. Cannot create \(binCount) finite-sized bins.")
        }
        var counts = [Int](repeating: 0, count: binCount)
        // float32 data meets the bounds in float32; a range= denominator is a float64 scalar, which makes
        // the division float64.
        for v in values where v >= rounded(first) && v <= rounded(last) {
            let value = rounded(v)
            let fraction: Double
            if single && edgesFromData {
                fraction = Double(((Float(value) - Float(first)) / (Float(last) - Float(first))) * Float(binCount))
            } else if single {
                fraction = (Double(Float(value) - Float(first)) / (last - first)) * div
            } else {
                fraction = ((value - first) / (last - first)) * div
            }
            var index = Int(fraction)
            if index == binCount { index -= 1 }
            if value < edges[index] { index -= 1 }
            if index != binCount - 1 && value >= edges[index + 1] { index += 1 }
            counts[index] += 1
        }
        let edgeArray: NDArray = .make(dtype: single ? NumPyMath.dtype("f", 4) : .float64, doubles: edges, shape: [edges.count])
        return (counts, edgeArray)
    }

    static func bincount(_ x: NDArray, weights: NDArray?, minlength: Int, env: NumericEnvironment) throws -> Value {
        guard x.shape.count <= 1 else { throw PyException.valueError("object too deep for desired array") }
        guard "biu".contains(x.dtype.kind) || x.count == 0, let o = NumericOperand(array: x) else {
            throw PyException.typeError("Cannot cast array data from \(x.dtype.reprText) to dtype('int64') according to the rule 'safe'")
        }
        guard minlength >= 0 else { throw PyException.valueError("'minlength' must not be negative") }
        let indices = o.ints ?? []
        if indices.contains(where: { $0 < 0 }) { throw PyException.valueError("'list' argument must have no negative elements") }
        let length = max((indices.max() ?? -1) + 1, minlength)
        _ = try NumPyMath.resultCount([length])
        guard let weights else {
            var counts = [Int](repeating: 0, count: length)
            for i in indices { counts[i] += 1 }
            return env.wrap(NDArrayHost(.int64(counts, shape: [length]), env: env))
        }
        guard let w = NumericOperand(array: weights) else { throw PyException.typeError("bincount() weights must be numbers") }
        guard w.count == indices.count else { throw PyException.valueError("The weights and list don't have the same length.") }
        var sums = [Double](repeating: 0, count: length)
        for (k, i) in indices.enumerated() { sums[i] += w.doubles[k] }
        return env.wrap(NDArrayHost(.float64(sums, shape: [length]), env: env))
    }

    /// A float as Python's str() writes it (for numpy's messages).
    private static func pythonFloat(_ v: Double) -> String { pythonRepr(.float(v)) }
}
