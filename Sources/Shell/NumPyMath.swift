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
    /// True for numpy values (a result of shape () is then a numpy scalar, not a Python number).
    var isNumpy: Bool

    var count: Int { doubles.count }

    init(kind: Kind, shape: [Int], ints: [Int]?, doubles: [Double], isNumpy: Bool) {
        self.kind = kind; self.shape = shape; self.ints = ints; self.doubles = doubles; self.isNumpy = isNumpy
    }

    /// A plain number, a numpy scalar or a numeric array; nil for anything else.
    init?(_ v: Value) {
        switch v {
        case .bool(let b): self.init(kind: .bool, shape: [], ints: [b ? 1 : 0], doubles: [b ? 1 : 0], isNumpy: false)
        case .int(let i): self.init(kind: .int, shape: [], ints: [i], doubles: [Double(i)], isNumpy: false)
        case .float(let d): self.init(kind: .float, shape: [], ints: nil, doubles: [d], isNumpy: false)
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
        self.init(kind: kind, shape: a.shape, ints: ints, doubles: doubles, isNumpy: true)
    }
}

enum NumPyMath {
    /// `a op b` element-wise; nil when the operands are not numeric.
    static func apply(_ op: NumericOp, _ a: NumericOperand, _ b: NumericOperand, env: NumericEnvironment) throws -> Value {
        let shape: [Int]
        if a.shape == b.shape { shape = a.shape }
        else if b.shape.isEmpty { shape = a.shape }
        else if a.shape.isEmpty { shape = b.shape }
        else {
            func text(_ s: [Int]) -> String { "(" + s.map(String.init).joined(separator: ",") + (s.count == 1 ? ",)" : ")") }
            throw PyException.valueError("operands could not be broadcast together with shapes \(text(a.shape)) \(text(b.shape)) ")
        }
        let n = shape.reduce(1, *)
        func at(_ o: NumericOperand, _ i: Int) -> Int { o.count == 1 ? 0 : i }
        let isNumpy = a.isNumpy || b.isNumpy
        if op.isComparison {
            var out: [Bool] = []
            out.reserveCapacity(n)
            for i in 0..<n {
                let x = a.doubles[at(a, i)], y = b.doubles[at(b, i)]
                if let xi = a.ints?[at(a, i)], let yi = b.ints?[at(b, i)] {
                    out.append(compare(op, xi, yi))
                } else {
                    out.append(compare(op, x, y))
                }
            }
            return result(.bool(out, shape: shape), isNumpy: isNumpy, env: env)
        }
        if let ai = a.ints, let bi = b.ints, op != .truediv {
            var out: [Int] = []
            out.reserveCapacity(n)
            for i in 0..<n { out.append(try integerOp(op, ai[at(a, i)], bi[at(b, i)])) }
            return result(.int64(out, shape: shape), isNumpy: isNumpy, env: env)
        }
        var out: [Double] = []
        out.reserveCapacity(n)
        for i in 0..<n { out.append(floatOp(op, a.doubles[at(a, i)], b.doubles[at(b, i)])) }
        return result(.float64(out, shape: shape), isNumpy: isNumpy, env: env)
    }

    /// An array result, or a numpy scalar for shape ().
    static func result(_ a: NDArray, isNumpy: Bool, env: NumericEnvironment) -> Value {
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

    /// numpy's pairwise summation of doubles (`np.add.reduce`: first element, then the rest pairwise).
    static func sum(_ values: ArraySlice<Double>) -> Double {
        guard let first = values.first else { return 0 }
        return first + pairwise(values.dropFirst())
    }

    private static func pairwise(_ a: ArraySlice<Double>) -> Double {
        let n = a.count, s = a.startIndex
        if n < 8 {
            var res = 0.0
            for x in a { res += x }
            return res
        }
        if n <= 128 {
            var r = Array(a[s..<(s + 8)])
            var i = 8
            while i < n - n % 8 {
                for j in 0..<8 { r[j] += a[s + i + j] }
                i += 8
            }
            var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n { res += a[s + i]; i += 1 }
            return res
        }
        var half = n / 2
        half -= half % 8
        return pairwise(a[s..<(s + half)]) + pairwise(a[(s + half)...])
    }
}
