// prod and cumsum (methods and np.* functions, `axis=`, prod's `keepdims=`) and their nan* forms,
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
