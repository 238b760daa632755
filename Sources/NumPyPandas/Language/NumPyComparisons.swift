// np.array_equal, np.isclose/np.allclose (broadcast) and np.count_nonzero (numpy's definitions: |a - b| <=
// atol + rtol * |b|, equal infinities close, NaN close to NaN only with equal_nan), and np.eye /
// np.identity.
import MFSInterpreter
import Pickle

enum NumPyComparisons {
    static func members(_ env: NumericEnvironment) -> [(String, Value)] {
        func wrap(_ a: NDArray) -> Value { env.wrap(NDArrayHost(a, env: env)) }
        return [
            ("array_equal", .newBuiltin("array_equal") { args, kwargs in
                let a = try CallArguments("array_equal", args, kwargs, ["a1", "a2", "equal_nan"], required: 2)
                let x = try env.toArray(a["a1"] ?? .none), y = try env.toArray(a["a2"] ?? .none)
                guard x.shape == y.shape else { return .bool(false) }
                let equalNaN = try a.bool("equal_nan", default: false)
                guard let ox = NumericOperand(array: x), let oy = NumericOperand(array: y) else {
                    // Other kinds compare by their Python values.
                    return .bool((0..<x.count).allSatisfy { pythonRepr(x.element(at: $0) ?? .none) == pythonRepr(y.element(at: $0) ?? .none) })
                }
                if let ix = ox.ints, let iy = oy.ints { return .bool(ix == iy) }
                return .bool(zip(ox.doubles, oy.doubles).allSatisfy { $0 == $1 || (equalNaN && $0.isNaN && $1.isNaN) })
            }),
            ("isclose", .newBuiltin("isclose") { args, kwargs in
                let (close, shape) = try closeness("isclose", args, kwargs, env: env)
                return shape.isEmpty ? NumPyMath.result(.bool(close, shape: []), env: env) : wrap(.bool(close, shape: shape))
            }),
            ("allclose", .newBuiltin("allclose") { args, kwargs in
                .bool(try closeness("allclose", args, kwargs, env: env).0.allSatisfy { $0 })
            }),
            ("count_nonzero", .newBuiltin("count_nonzero") { args, kwargs in
                let a = try CallArguments("count_nonzero", args, kwargs, ["a", "axis", "keepdims"], required: 1)
                try NumPyStats.refuse(a, ["axis", "keepdims"])
                let x = try env.toArray(a["a"] ?? .none)
                let n: Int
                if let o = NumericOperand(array: x) {
                    n = o.ints.map { $0.filter { $0 != 0 }.count } ?? o.doubles.filter { $0 != 0 }.count
                } else {
                    n = try (0..<x.count).filter { try env.converter.interpreter.truthy(try env.pythonElement(.reconstructed(x), $0)) }.count
                }
                return NumPyMath.result(.int64([n], shape: []), env: env)
            }),
            ("eye", .newBuiltin("eye") { args, kwargs in
                let a = try CallArguments("eye", args, kwargs, ["N", "M", "k", "dtype"], required: 1)
                let rows = try a.int("N") ?? 0, columns = try a.int("M") ?? rows, k = try a.int("k") ?? 0
                return wrap(try identityLike(rows: rows, columns: columns, k: k, dtype: try env.dtype(a["dtype"]), env: env))
            }),
            ("identity", .newBuiltin("identity") { args, kwargs in
                let a = try CallArguments("identity", args, kwargs, ["n", "dtype"], required: 1)
                let n = try a.int("n") ?? 0
                return wrap(try identityLike(rows: n, columns: n, k: 0, dtype: try env.dtype(a["dtype"]), env: env))
            }),
        ]
    }

    /// Element-wise closeness of `a` and `b` (equal shapes, or one side a single value) and the shape.
    private static func closeness(_ name: String, _ args: [Value], _ kwargs: [(String, Value)],
                                  env: NumericEnvironment) throws -> ([Bool], [Int]) {
        let a = try CallArguments(name, args, kwargs, ["a", "b", "rtol", "atol", "equal_nan"], required: 2)
        let x = try env.toArray(a["a"] ?? .none), y = try env.toArray(a["b"] ?? .none)
        guard let ox = NumericOperand(array: x), let oy = NumericOperand(array: y) else {
            throw PyException.typeError("\(name)() of arrays of \(x.dtype.name) and \(y.dtype.name) is not supported by mfsh")
        }
        let rtol = try a["rtol"].map { try env.toArray($0) }.flatMap { NumericOperand(array: $0)?.doubles.first } ?? 1e-05
        let atol = try a["atol"].map { try env.toArray($0) }.flatMap { NumericOperand(array: $0)?.doubles.first } ?? 1e-08
        let equalNaN = try a.bool("equal_nan", default: false)
        // numpy broadcasting: isclose(array([1.0]), 1.0) is array([True]), not a scalar.
        let (shape, px, py) = try NumPyMath.broadcast(x.shape, y.shape)
        let n = try NumPyMath.resultCount(shape)
        let xs = ox.doubles, ys = oy.doubles
        let close = (0..<n).map { i -> Bool in
            let p = xs[px?[i] ?? i], q = ys[py?[i] ?? i]
            if p.isNaN || q.isNaN { return equalNaN && p.isNaN && q.isNaN }
            if p.isInfinite || q.isInfinite { return p == q }
            return Swift.abs(p - q) <= atol + rtol * Swift.abs(q)
        }
        return (close, shape)
    }

    /// `np.eye(N, M, k)`: ones on the k-th diagonal of an N x M array (float64 unless `dtype`).
    private static func identityLike(rows: Int, columns: Int, k: Int, dtype: NDDType?, env: NumericEnvironment) throws -> NDArray {
        guard rows >= 0, columns >= 0 else { throw PyException.valueError("negative dimensions are not allowed") }
        let count = try NumPyMath.resultCount([rows, columns])
        var ones = [Double](repeating: 0, count: count)
        for r in 0..<rows {
            let (c, overflow) = r.addingReportingOverflow(k)
            if !overflow, c >= 0, c < columns { ones[r * columns + c] = 1 }
        }
        return try env.cast(.float64(ones, shape: [rows, columns]), to: dtype)
    }
}
