// Element-wise arithmetic, comparisons and reductions of numpy values, with numpy's result types for the
// common cases: int64/bool operands stay int64 (wrapping like numpy), anything with a float is float64,
// true division is float64 and comparisons give bool. Broadcasting covers equal shapes and scalars.
import Glibc
import MFSInterpreter
import Pickle

/// Numbers taking part in an operation, flattened in C order.
struct NumericOperand {
    enum Kind: Int, Comparable {
        case bool, int, float
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }
    var kind: Kind
    var shape: [Int]
    /// Set for bool and int operands.
    var ints: [Int]?
    var doubles: [Double]
    /// The numpy dtype; nil for a Python number (numpy's "weak" scalars, which take the other side's type).
    var dtype: NDDType?

    var count: Int { doubles.count }

    init(kind: Kind, shape: [Int], ints: [Int]?, doubles: [Double], dtype: NDDType?) {
        self.kind = kind; self.shape = shape; self.ints = ints; self.doubles = doubles; self.dtype = dtype
    }

    /// A plain number, a numpy scalar or a numeric array; nil for anything else.
    init?(_ v: Value) {
        switch v {
        case .bool(let b): self.init(kind: .bool, shape: [], ints: [b ? 1 : 0], doubles: [b ? 1 : 0], dtype: nil)
        case .int(let i): self.init(kind: .int, shape: [], ints: [i], doubles: [Double(i)], dtype: nil)
        case .float(let d): self.init(kind: .float, shape: [], ints: nil, doubles: [d], dtype: nil)
        default:
            if let s = NumericHosts.object(v) as? NDScalarHost {
                guard let o = NumericOperand(array: s.asArray) else { return nil }
                self = o
            } else if let a = NumericHosts.object(v) as? NDArrayHost {
                guard let o = NumericOperand(array: a.array) else { return nil }
                self = o
            } else {
                return nil
            }
        }
    }

    init?(array a: NDArray) {
        guard "biuf".contains(a.dtype.kind), let doubles = a.doubleValues() else { return nil }
        var kind: Kind = a.dtype.kind == "f" ? .float : a.dtype.kind == "b" ? .bool : .int
        var ints: [Int]?
        if kind != .float {
            var values: [Int] = []
            values.reserveCapacity(a.count)
            for i in 0..<a.count {
                switch a.element(at: i) {
                case .int(let x)?: values.append(x)
                case .bool(let b)?: values.append(b ? 1 : 0)
                default: kind = .float
                }
                if kind == .float { break }
            }
            if kind != .float { ints = values }
        }
        self.init(kind: kind, shape: a.shape, ints: ints, doubles: doubles, dtype: a.dtype)
    }
}

enum NumPyMath {
    /// The element count of `shape`, or a ValueError when it overflows (shapes with a 0 dimension can
    /// hold absurd other dimensions).
    static func count(_ shape: some Collection<Int>) throws -> Int {
        var n = 1
        for d in shape {
            let (p, overflow) = n.multipliedReportingOverflow(by: d)
            guard !overflow else { throw PyException.valueError("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.") }
            n = p
        }
        return n
    }

    /// The element count of a new array's shape: valid as a shape (see `count`) and small enough to build.
    static func resultCount(_ shape: [Int]) throws -> Int {
        let n = try count(shape)
        guard n <= 1 << 28 else {
            throw PyException.builtin("MemoryError", "Unable to allocate an array with shape (\(shape.map(String.init).joined(separator: ", "))) in mfsh")
        }
        return n
    }

    static func dtype(_ kind: Character, _ size: Int) -> NDDType {
        NDDType(kind: kind, itemSize: size, byteOrder: size == 1 ? "|" : "<")
    }

    /// numpy's result type of `a op b` (NEP 50: Python numbers adapt to the numpy side).
    static func resultType(_ op: NumericOp, _ a: NumericOperand, _ b: NumericOperand) throws -> NDDType {
        try resultType(op, (a.dtype, a.kind), (b.dtype, b.kind))
    }

    /// The same for operands given by their dtype (nil for a Python number) and kind.
    static func resultType(_ op: NumericOp, _ a: (dtype: NDDType?, kind: NumericOperand.Kind),
                           _ b: (dtype: NDDType?, kind: NumericOperand.Kind)) throws -> NDDType {
        if op.isComparison { return .bool }
        var t: NDDType
        switch (a.dtype, b.dtype) {
        case (let x?, let y?): t = promote(x, y)
        case (let x?, nil): t = weak(x, b.kind)
        case (nil, let y?): t = weak(y, a.kind)
        case (nil, nil): t = a.kind == .float || b.kind == .float ? .float64 : .int64
        }
        let isFloat = t.kindCode == UInt8(ascii: "f")
        if op == .truediv && !isFloat { return .float64 }
        if isFloat && (op == .bitand || op == .bitor || op == .bitxor) {
            throw PyException.typeError("ufunc 'bitwise_\(op == .bitand ? "and" : op == .bitor ? "or" : "xor")' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
        }
        if t.kindCode == UInt8(ascii: "b") {
            switch op {
            case .add, .mul, .bitand, .bitor, .bitxor: return t
            case .sub: throw PyException.typeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
            default: return dtype("i", 1)
            }
        }
        return t
    }

    private static func weak(_ d: NDDType, _ python: NumericOperand.Kind) -> NDDType {
        switch python {
        case .bool: return d
        case .int: return d.kindCode == UInt8(ascii: "b") ? .int64 : d
        case .float: return d.kindCode == UInt8(ascii: "f") ? d : .float64
        }
    }

    static func promote(_ x: NDDType, _ y: NDDType) -> NDDType {
        if x.kindCode == y.kindCode && x.itemSize == y.itemSize { return x.nativeOrder }
        if x.kind == "b" { return y.nativeOrder }
        if y.kind == "b" { return x.nativeOrder }
        if x.kind == "f" || y.kind == "f" {
            func need(_ d: NDDType) -> Int { d.kind == "f" ? d.itemSize : min(8, 2 * d.itemSize) }
            return dtype("f", min(8, max(need(x), need(y))))
        }
        if x.kind == y.kind { return dtype(x.kind, max(x.itemSize, y.itemSize)) }
        let (signed, unsigned) = x.kind == "i" ? (x, y) : (y, x)
        if signed.itemSize > unsigned.itemSize { return signed.nativeOrder }
        return unsigned.itemSize < 8 ? dtype("i", 2 * unsigned.itemSize) : .float64
    }

    /// `a op b` element-wise, with numpy's result type.
    static func apply(_ op: NumericOp, _ a: NumericOperand, _ b: NumericOperand, env: NumericEnvironment) throws -> Value {
        let (shape, ia, ib) = try broadcast(a.shape, b.shape)
        _ = try resultCount(shape)
        let type = try resultType(op, a, b)
        if !op.isComparison { try checkPythonInteger(a, b); try checkPythonInteger(b, a) }
        let n = try count(shape)
        func at(_ o: NumericOperand, _ map: [Int]?, _ i: Int) -> Int { map?[i] ?? (o.count == 1 ? 0 : i) }
        let a = a, b = b
        if op.isComparison {
            var out: [Bool] = []
            out.reserveCapacity(n)
            for i in 0..<n {
                if let ai = a.ints, let bi = b.ints {
                    out.append(compare(op, ai[at(a, ia, i)], bi[at(b, ib, i)]))
                } else {
                    out.append(compare(op, a.doubles[at(a, ia, i)], b.doubles[at(b, ib, i)]))
                }
            }
            return result(.bool(out, shape: shape), env: env)
        }
        if type.kind != "f", let ai = a.ints, let bi = b.ints {
            var out: [Int] = []
            out.reserveCapacity(n)
            for i in 0..<n {
                let x = ai[at(a, ia, i)], y = bi[at(b, ib, i)]
                if type.kind == "b" {
                    let p = x != 0, q = y != 0
                    let r = op == .add || op == .bitor ? p || q : op == .bitxor ? p != q : p && q
                    out.append(r ? 1 : 0)
                }
                else { out.append(try integerOp(op, x, y)) }
            }
            return result(.make(dtype: type, ints: out, shape: shape), env: env)
        }
        var out: [Double] = []
        out.reserveCapacity(n)
        for i in 0..<n { out.append(floatOp(op, a.doubles[at(a, ia, i)], b.doubles[at(b, ib, i)])) }
        return result(.make(dtype: type.kind == "f" ? type : .float64, doubles: out, shape: shape), env: env)
    }

    /// NEP 50: a Python int taking an integer array's type must fit in it (`uint8_array + 300` raises).
    private static func checkPythonInteger(_ python: NumericOperand, _ array: NumericOperand) throws {
        guard python.dtype == nil, python.kind == .int, let value = python.ints?.first,
              let d = array.dtype, "iu".contains(d.kind), d.itemSize < 8 || d.kind == "u" else { return }
        let bits = d.itemSize * 8
        let fits = d.kind == "u" ? value >= 0 && (bits == 64 || value < 1 << bits) : value >= -(1 << (bits - 1)) && value < 1 << (bits - 1)
        guard fits else { throw PyException.overflow("Python integer \(value) out of bounds for \(d.name)") }
    }

    /// numpy broadcasting: the result shape and, for each operand whose shape differs from it, the source
    /// position of every result element (nil when the operand already has the result shape).
    static func broadcast(_ x: [Int], _ y: [Int]) throws -> ([Int], [Int]?, [Int]?) {
        if x == y { return (x, nil, nil) }
        let ndim = max(x.count, y.count)
        let px = Array(repeating: 1, count: ndim - x.count) + x, py = Array(repeating: 1, count: ndim - y.count) + y
        var shape: [Int] = []
        for (p, q) in zip(px, py) {
            guard p == q || p == 1 || q == 1 else {
                func text(_ s: [Int]) -> String { "(" + s.map(String.init).joined(separator: ",") + (s.count == 1 ? ",)" : ")") }
                throw PyException.valueError("operands could not be broadcast together with shapes \(text(x)) \(text(y)) ")
            }
            shape.append(p == 1 ? q : p)
        }
        let n = try resultCount(shape)
        func positions(_ source: [Int]) -> [Int]? {
            if source == shape { return nil }
            var out: [Int] = []
            out.reserveCapacity(n)
            var index = Array(repeating: 0, count: ndim)
            for _ in 0..<n {
                var flat = 0
                for axis in 0..<ndim { flat = flat * source[axis] + (source[axis] == 1 ? 0 : index[axis]) }
                out.append(flat)
                var axis = ndim - 1
                while axis >= 0 {
                    index[axis] += 1
                    if index[axis] < shape[axis] { break }
                    index[axis] = 0
                    axis -= 1
                }
            }
            return out
        }
        return (shape, positions(px), positions(py))
    }

    /// `-a`, keeping the dtype (unsigned values wrap, `-0.0` stays signed).
    static func negate(_ a: NumericOperand, env: NumericEnvironment) throws -> Value {
        guard let type = a.dtype else { throw PyException.typeError("bad operand type for unary -") }
        if type.kind == "b" {
            throw PyException.typeError("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.")
        }
        if type.kind != "f", let ints = a.ints { return result(.make(dtype: type, ints: ints.map { 0 &- $0 }, shape: a.shape), env: env) }
        return result(.make(dtype: type, doubles: a.doubles.map { -$0 }, shape: a.shape), env: env)
    }

    /// An array result, or a numpy scalar for shape ().
    static func result(_ a: NDArray, env: NumericEnvironment) -> Value {
        if a.shape.isEmpty, let s = a.scalar(atFlat: 0) { return env.wrap(NDScalarHost(s, env: env)) }
        return env.wrap(NDArrayHost(a, env: env))
    }

    static func compare<T: Comparable>(_ op: NumericOp, _ x: T, _ y: T) -> Bool {
        switch op {
        case .lt: return x < y
        case .le: return x <= y
        case .gt: return x > y
        case .ge: return x >= y
        case .eq: return x == y
        default: return x != y
        }
    }

    static func integerOp(_ op: NumericOp, _ x: Int, _ y: Int) throws -> Int {
        switch op {
        case .add: return x &+ y
        case .sub: return x &- y
        case .mul: return x &* y
        case .floordiv:
            guard y != 0 else { return 0 }
            if x == Int.min && y == -1 { return Int.min }
            let q = x / y
            return (x % y != 0 && (x < 0) != (y < 0)) ? q - 1 : q
        case .mod:
            guard y != 0, !(x == Int.min && y == -1) else { return 0 }
            let r = x % y
            return (r != 0 && (r < 0) != (y < 0)) ? r + y : r
        case .bitand: return x & y
        case .bitor: return x | y
        case .bitxor: return x ^ y
        case .pow:
            guard y >= 0 else { throw PyException.valueError("Integers to negative integer powers are not allowed.") }
            var result = 1, base = x, e = y
            while e > 0 {
                if e & 1 == 1 { result = result &* base }
                base = base &* base
                e >>= 1
            }
            return result
        default: return 0
        }
    }

    static func floatOp(_ op: NumericOp, _ x: Double, _ y: Double) -> Double {
        switch op {
        case .add: return x + y
        case .sub: return x - y
        case .mul: return x * y
        case .truediv: return x / y
        case .floordiv:
            guard y != 0 else { return x / y }
            return floatMod(x, y).div
        case .mod:
            guard y != 0 else { return .nan }
            return floatMod(x, y).mod
        case .pow: return Glibc.pow(x, y)
        default: return .nan
        }
    }

    /// numpy's `npy_divmod`.
    private static func floatMod(_ a: Double, _ b: Double) -> (div: Double, mod: Double) {
        var mod = fmod(a, b)
        var div = (a - mod) / b
        if mod != 0 {
            if (b < 0) != (mod < 0) { mod += b; div -= 1 }
        } else {
            mod = Double(sign: b.sign, exponent: 0, significand: 0)
        }
        var floordiv: Double
        if div != 0 {
            floordiv = div.rounded(.down)
            if div - floordiv > 0.5 { floordiv += 1 }
        } else {
            floordiv = Double(sign: (a / b).sign, exponent: 0, significand: 0)
        }
        return (floordiv, mod)
    }

    /// numpy's pairwise summation (`np.add.reduce` of a contiguous array) in the precision `T`.
    static func sum<T: BinaryFloatingPoint>(_ values: ArraySlice<T>) -> T {
        if values.count == 1, let only = values.first { return only }
        return values.withUnsafeBufferPointer { p in pairwiseSum(p.count) { p[$0] } }
    }

    /// numpy's sum of values cast to float64 on the way (`sum(dtype=float64)` of integers, bools or
    /// float32): the cast goes through numpy's 8192-element buffer, so each buffer is summed pairwise
    /// and the buffers one after another.
    /// Like numpy, each buffer is filled first: summing through `at` directly cost a closure call per
    /// element inside the pairwise recursion (ints.mean() took twice numpy's time).
    @inline(__always)
    static func castingSum(_ n: Int, _ at: (Int) -> Double) -> Double {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, min(n, 8192))) { buffer in
            var total = 0.0
            var start = 0
            while start < n {
                let length = min(8192, n - start)
                for i in 0..<length { buffer[i] = at(start + i) }
                total += length == 1 ? buffer[0] : pairwiseSum(length) { buffer[$0] }
                start += length
            }
            return total
        }
    }

    static func castingSum(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { p in castingSum(p.count) { p[$0] } }
    }
}
