// prod and cumsum (methods and np.* functions, `axis=`, prod's `keepdims=`), their nan* forms and
// np.diff (`n=`, `axis=`; differences in the array's type, bools by `!=`),
// computed as numpy does: multiply.reduce and add.accumulate go along each lane one element after
// another (no pairwise grouping, unlike sum), each step rounded to the array's float type (a float32
// product is a float32 at every step); integers and bools wrap in int64 (uint64 for unsigned);
// nanprod counts NaN as 1 and nancumsum as 0.
import MFSInterpreter
import Pickle

extension NDArrayHost {
    /// `a.prod(axis=None, dtype=None, out=None, keepdims=False)` and `a.cumsum(axis=None, dtype=None, out=None)`,
    /// or their nan* forms.
    func productOrCumsum(_ name: String, _ args: [Value], _ kwargs: [(String, Value)], skippingNaN: Bool = false) throws -> Value {
        let cumulative = name.hasSuffix("cumsum")
        let a = try CallArguments(name, args, kwargs, cumulative ? ["axis", "dtype", "out"] : ["axis", "dtype", "out", "keepdims"])
        try NumPyStats.refuse(a, ["dtype", "out"])
        guard NumericOperand(array: array) != nil else {
            throw PyException.typeError("\(name)() is not supported for dtype \(array.dtype.name) in mfsh")
        }
        let lanes = try NDLanes(array, axis: a["axis"], env: env)
        let integerType: NDDType = array.dtype.kind == "u" ? NumPyMath.dtype("u", 8) : .int64
        // A cumsum over the whole array is over the flattened array.
        let cumulativeShape = a["axis"] == nil ? [array.count] : array.shape
        if let ints = lanes.ints {
            if cumulative {
                var out = [Int](repeating: 0, count: array.count)
                for k in 0..<lanes.count {
                    var total = 0
                    for p in lanes.positions(k) { total = total &+ ints[p]; out[p] = total }
                }
                return env.wrap(NDArrayHost(.make(dtype: integerType, ints: out, shape: cumulativeShape), env: env))
            }
            let products = (0..<lanes.count).map { k in lanes.positions(k).reduce(1) { $0 &* ints[$1] } }
            return NumPyMath.result(.make(dtype: integerType, ints: products, shape: try a.keepdims() ? lanes.keptShape : lanes.reducedShape), env: env)
        }
        let dtype = array.dtype.nativeOrder
        let neutral: Double = cumulative ? 0 : 1
        func element(_ p: Int) -> Double {
            let x = lanes.values[p]
            return skippingNaN && x.isNaN ? neutral : x
        }
        // Each step in the array's precision.
        let rounded: (Double) -> Double
        switch dtype.itemSize {
        case 2: rounded = { Double(Float16($0)) }
        case 4: rounded = { Double(Float($0)) }
        default: rounded = { $0 }
        }
        if cumulative {
            var out = [Double](repeating: 0, count: array.count)
            for k in 0..<lanes.count {
                // The running sum starts from the first element (a leading -0.0 stays -0.0).
                var total: Double?
                for p in lanes.positions(k) {
                    let next = total.map { rounded($0 + element(p)) } ?? element(p)
                    total = next
                    out[p] = next
                }
            }
            return env.wrap(NDArrayHost(.make(dtype: dtype, doubles: out, shape: cumulativeShape), env: env))
        }
        let products = (0..<lanes.count).map { k in lanes.positions(k).reduce(1.0) { rounded($0 * element($1)) } }
        return lanes.result(products, dtype: dtype, keepdims: try a.keepdims(), env: env)
    }
}

enum NumPyDifferences {
    static func members(_ env: NumericEnvironment) -> [(String, Value)] {
        [("diff", .newBuiltin("diff") { args, kwargs in
            let a = try CallArguments("diff", args, kwargs, ["a", "n", "axis", "prepend", "append"], required: 1)
            try NumPyStats.refuse(a, ["prepend", "append"])
            var x = try env.toArray(a["a"] ?? .none)
            let times = try a.int("n") ?? 1
            guard times >= 0 else { throw PyException.valueError("order must be non-negative but got \(times)") }
            guard !x.shape.isEmpty else { throw PyException.valueError("diff requires input that is at least one dimensional") }
            let ndim = x.shape.count
            let raw = try a.int("axis") ?? -1
            let axis = raw < 0 ? raw + ndim : raw
            guard axis >= 0, axis < ndim else { throw PyException(env.axisError, "axis \(raw) is out of bounds for array of dimension \(ndim)") }
            for _ in 0..<times { x = try difference(x, axis: axis) }
            return NumPyMath.result(x, env: env)
        })]
    }

    /// One difference along `axis`: `a[1:] - a[:-1]` there.
    private static func difference(_ x: NDArray, axis: Int) throws -> NDArray {
        guard let o = NumericOperand(array: x) else { throw PyException.typeError("diff() of an array of \(x.dtype.name) is not supported by mfsh") }
        var shape = x.shape
        let length = shape[axis]
        shape[axis] = max(length - 1, 0)
        let inner = try NumPyMath.count(x.shape[(axis + 1)...])
        let outer = try NumPyMath.count(x.shape[..<axis])
        let n = outer * shape[axis] * inner
        // Calls `body(later, earlier)` with the flat positions of each pair, in the result's order.
        func eachPair(_ body: (Int, Int) -> Void) {
            for block in 0..<outer {
                for i in 0..<shape[axis] {
                    for j in 0..<inner { body((block * length + i + 1) * inner + j, (block * length + i) * inner + j) }
                }
            }
        }
        if x.dtype.kind == "b", let ints = o.ints {
            var out: [Bool] = []
            out.reserveCapacity(n)
            eachPair { out.append(ints[$0] != ints[$1]) }
            return .bool(out, shape: shape)
        }
        if let ints = o.ints {
            let type: NDDType = x.dtype.kind == "u" ? NumPyMath.dtype("u", 8) : .int64
            var out: [Int] = []
            out.reserveCapacity(n)
            eachPair { out.append(ints[$0] &- ints[$1]) }
            return .make(dtype: x.dtype.itemSize == 8 ? type : x.dtype.nativeOrder, ints: out, shape: shape)
        }
        let single = NumPyStats.isSingle(x)
        var out: [Double] = []
        out.reserveCapacity(n)
        eachPair { out.append(single ? Double(Float(o.doubles[$0]) - Float(o.doubles[$1])) : o.doubles[$0] - o.doubles[$1]) }
        return .make(dtype: x.dtype.nativeOrder, doubles: out, shape: shape)
    }
}
