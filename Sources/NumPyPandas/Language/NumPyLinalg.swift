// np.dot, np.matmul and `a @ b` for 1-D and 2-D arrays, and np.corrcoef, with numpy's shapes, result
// types and error messages. Float64 products go through NumPyBLAS.swift (OpenBLAS' summation order);
// integer and bool products are summed in order like numpy's own loops (integers wrapping).
import Glibc
import MFSInterpreter
import Pickle

enum NumPyLinalg {
    static func members(_ env: NumericEnvironment) -> [(String, Value)] {
        var m: [(String, Value)] = []
        for (name, isMatmul) in [("dot", false), ("matmul", true)] {
            m.append((name, .newBuiltin(name) { args, kwargs in
                let a = try CallArguments(name, args, kwargs, [isMatmul ? "x1" : "a", isMatmul ? "x2" : "b", "out"], required: 2)
                try NumPyStats.refuse(a, ["out"])
                let x = try env.toArray(a[isMatmul ? "x1" : "a"] ?? .none), y = try env.toArray(a[isMatmul ? "x2" : "b"] ?? .none)
                return try product(x, y, matmul: isMatmul, env: env)
            }))
        }
        m.append(("corrcoef", .newBuiltin("corrcoef") { args, kwargs in
            let a = try CallArguments("corrcoef", args, kwargs, ["x", "y", "rowvar"], required: 1)
            return try corrcoef(try env.toArray(a["x"] ?? .none), try a["y"].map { try env.toArray($0) },
                                rowvar: try a.bool("rowvar", default: true), env: env)
        }))
        return m
    }

    /// `a @ b` (`b @ a` when reflected) with an array or numpy scalar on the left of `reflected`; nil
    /// (NotImplemented) when the other operand is a pandas value or nothing numpy takes as an array.
    static func matmulOperator(_ o: any NumericObject, _ other: Value, reflected: Bool) throws -> Value? {
        let env: NumericEnvironment
        let mine: NDArray
        if let h = o as? NDArrayHost { env = h.env; mine = h.array }
        else if let s = o as? NDScalarHost, let e = s.envIfAny { env = e; mine = s.asArray }
        else { return nil }
        let otherObject = NumericHosts.object(other)
        guard otherObject == nil || otherObject is NDArrayHost || otherObject is NDScalarHost else { return nil }
        switch other {
        case .int, .float, .bool, .list, .tuple, .instance: break
        default: return nil
        }
        let theirs = try env.toArray(other)
        return try reflected ? product(theirs, mine, matmul: true, env: env) : product(mine, theirs, matmul: true, env: env)
    }

    private static func shapeText(_ s: [Int]) -> String {
        "(" + s.map(String.init).joined(separator: ",") + (s.count == 1 ? ",)" : ")")
    }

    /// np.dot / np.matmul of 0-d (dot only), 1-D and 2-D arrays.
    static func product(_ x: NDArray, _ y: NDArray, matmul: Bool, env: NumericEnvironment) throws -> Value {
        let xn = x.shape.count, yn = y.shape.count
        if xn == 0 || yn == 0 {
            guard !matmul else {
                throw PyException.valueError("matmul: Input operand \(xn == 0 ? 0 : 1) does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
            }
            guard let ox = NumericOperand(array: x), let oy = NumericOperand(array: y) else {
                throw PyException.typeError("dot() of arrays of \(x.dtype.name) and \(y.dtype.name) is not supported by mfsh")
            }
            return try NumPyMath.apply(.mul, ox, oy, env: env)
        }
        let name = matmul ? "matmul" : "dot"
        guard xn <= 2, yn <= 2 else { throw PyException.valueError("\(name)() of arrays with more than 2 dimensions is not supported by mfsh") }
        guard let ox = NumericOperand(array: x), let oy = NumericOperand(array: y) else {
            throw PyException.typeError("\(name)() of arrays of \(x.dtype.name) and \(y.dtype.name) is not supported by mfsh")
        }
        let m = xn == 2 ? x.shape[0] : 1, k = x.shape[xn - 1], n = yn == 2 ? y.shape[1] : 1
        guard k == y.shape[0] else {
            if matmul {
                throw PyException.valueError("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size \(y.shape[0]) is different from \(k))")
            }
            throw PyException.valueError("shapes \(shapeText(x.shape)) and \(shapeText(y.shape)) not aligned: \(k) (dim \(xn - 1)) != \(y.shape[0]) (dim 0)")
        }
        let type = NumPyMath.promote(x.dtype, y.dtype)
        let shape = (xn == 2 ? [m] : []) + (yn == 2 ? [n] : [])
        _ = try NumPyMath.resultCount(shape)
        if type.kind == "b" {
            var out: [Bool] = []
            for i in 0..<m { for j in 0..<n { out.append((0..<k).contains { ox.doubles[i * k + $0] != 0 && oy.doubles[$0 * n + j] != 0 }) } }
            return NumPyMath.result(.bool(out, shape: shape), env: env)
        }
        if type.kind != "f", let xi = ox.ints, let yi = oy.ints {
            var out: [Int] = []
            for i in 0..<m { for j in 0..<n { out.append((0..<k).reduce(0) { $0 &+ xi[i * k + $1] &* yi[$1 * n + j] }) } }
            return NumPyMath.result(.make(dtype: type, ints: out, shape: shape), env: env)
        }
        let a = ox.doubles, b = oy.doubles
        if type.itemSize < 8 {
            // float32 (sdot/sgemm): one float32 FMA chain per element.
            var out: [Double] = []
            for i in 0..<m {
                for j in 0..<n {
                    var s: Float = 0
                    for p in 0..<k { s = s.addingProduct(Float(a[i * k + p]), Float(b[p * n + j])) }
                    out.append(Double(s))
                }
            }
            return NumPyMath.result(.make(dtype: type, doubles: out, shape: shape), env: env)
        }
        // numpy's choice of BLAS call (matmul.c.src): a 1x1 result is a ddot; k == 1 its own loop; one column a matrix @ vector; one row a vector @ matrix.
        let out: [Double]
        if m == 1 && n == 1 {
            out = [BLASOrder.dot(k, { a[$0] }, { b[$0] })]
        } else if k == 1 {
            out = (0..<(m * n)).map { 0 + a[$0 / n] * b[$0 % n] }
        } else if n == 1 {
            out = BLASOrder.matrixVector(rows: m, k: k, { a[$0] }, { b[$0] })
        } else if m == 1 {
            out = BLASOrder.vectorMatrix(k: k, n: n, { a[$0] }, { b[$0] })
        } else {
            out = BLASOrder.matrixMatrix(m: m, k: k, n: n, { a[$0] }, { b[$0] })
        }
        return NumPyMath.result(.make(dtype: .float64, doubles: out, shape: shape), env: env)
    }

    /// np.corrcoef as numpy's cov then corrcoef compute it: rows are variables (rowvar), each centred on
    /// its mean, X @ X.T times 1/(N-1), divided by the standard deviations on both sides, clipped to [-1, 1].
    static func corrcoef(_ x: NDArray, _ y: NDArray?, rowvar: Bool, env: NumericEnvironment) throws -> Value {
        func rows(_ a: NDArray) throws -> [[Double]] {
            guard let o = NumericOperand(array: a) else { throw PyException.typeError("corrcoef() of an array of \(a.dtype.name) is not supported by mfsh") }
            guard a.shape.count <= 2 else { throw PyException.valueError("m has more than 2 dimensions") }
            if a.shape.count < 2 { return [o.doubles] }
            let r = a.shape[0], c = a.shape[1]
            let asRows = (0..<r).map { i in Array(o.doubles[(i * c)..<(i * c + c)]) }
            if rowvar { return asRows }
            return (0..<c).map { j in asRows.map { $0[j] } }
        }
        var variables = try rows(x)
        if let y {
            let more = try rows(y)
            guard more.first?.count == variables.first?.count else {
                throw PyException.valueError("all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size \(variables.first?.count ?? 0) and the array at index 1 has size \(more.first?.count ?? 0)")
            }
            variables += more
        }
        let v = variables.count
        var c = Correlation.covarianceMatrix(variables, ddof: 1)
        if v == 1 { return NumPyMath.result(.float64([c[0] / c[0]], shape: []), env: env) }
        let stddev = (0..<v).map { c[$0 * v + $0].squareRoot() }
        for i in 0..<v { for j in 0..<v { c[i * v + j] /= stddev[i] } }
        for i in 0..<v { for j in 0..<v { c[i * v + j] /= stddev[j] } }
        c = c.map { $0.isNaN ? $0 : Swift.min(Swift.max($0, -1), 1) }
        return NumPyMath.result(.float64(c, shape: [v, v]), env: env)
    }
}
