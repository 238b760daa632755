// The common numpy operations on float64, int64 and bool arrays computed straight on their buffers:
// whole-array reductions and element-wise arithmetic and comparisons with a number or an array of
// the same shape. No element is boxed and nothing is allocated but the result; a decoded artifact's
// bytes are read in place. Anything else (other dtypes, broadcasting, axes) takes the general path,
// which gives the same answers, more slowly.
import Glibc
import MFSInterpreter
import Pickle

extension NDArrayHost {
    /// A whole-array reduction from the buffer; nil when no fast path applies.
    func fastReduce(_ name: String, ddof: Int) -> Value? {
        let n = array.count
        guard n > 0 else { return nil }
        func scalar(_ x: Double) -> Value { NumPyMath.result(.float64([x], shape: []), env: env) }
        func element(_ i: Int) -> Value? { array.scalar(atFlat: i).map { env.wrap(NDScalarHost($0, env: env)) } }
        func boolScalar(_ b: Bool) -> Value { NumPyMath.result(.bool([b], shape: []), env: env) }
        switch array.dtype.kind {
        case "f" where array.dtype.itemSize == 8:
            return array.withDoubles { p -> Value? in
                switch name {
                case "sum": return scalar(n == 1 ? p[0] : pairwiseSum(n) { p[$0] })
                case "mean": return scalar(pairwiseSum(n) { p[$0] } / Double(n))
                case "std", "var":
                    let mean = pairwiseSum(n) { p[$0] } / Double(n)
                    let variance = pairwiseSum(n) { (p[$0] - mean) * (p[$0] - mean) } / Double(max(n - ddof, 0))
                    return scalar(name == "std" ? variance.squareRoot() : variance)
                case "min", "max", "argmin", "argmax":
                    // numpy propagates NaN: the first NaN is the answer.
                    let wantMax = name.hasSuffix("max")
                    var best = 0
                    for i in 0..<n {
                        let x = p[i]
                        if x.isNaN { best = i; break }
                        if wantMax ? x > p[best] : x < p[best] { best = i }
                    }
                    return name.hasPrefix("arg") ? NumPyMath.result(.int64([best], shape: []), env: env) : element(best)
                case "any": return boolScalar(p.contains { $0 != 0 })
                case "all": return boolScalar(p.allSatisfy { $0 != 0 })
                default: return nil
                }
            } ?? nil
        case "b":
            return array.withBools { p -> Value? in
                switch name {
                case "sum": return NumPyMath.result(.int64([p.reduce(0) { $0 + Int($1) }], shape: []), env: env)
                case "mean": return scalar(NumPyMath.castingSum(n) { Double(p[$0]) } / Double(n))
                case "any": return boolScalar(p.contains(1))
                case "all": return boolScalar(!p.contains(0))
                default: return nil
                }
            } ?? nil
        case "i" where array.dtype.itemSize == 8:
            return array.withInt64s { p -> Value? in
                switch name {
                case "sum": return NumPyMath.result(.int64([Int(p.reduce(0, &+))], shape: []), env: env)
                case "mean": return scalar(NumPyMath.castingSum(n) { Double(p[$0]) } / Double(n))
                case "std", "var":
                    let mean = NumPyMath.castingSum(n) { Double(p[$0]) } / Double(n)
                    let variance = pairwiseSum(n) { (Double(p[$0]) - mean) * (Double(p[$0]) - mean) } / Double(max(n - ddof, 0))
                    return scalar(name == "std" ? variance.squareRoot() : variance)
                case "min", "max", "argmin", "argmax":
                    let wantMax = name.hasSuffix("max")
                    var best = 0
                    for i in 1..<n where wantMax ? p[i] > p[best] : p[i] < p[best] { best = i }
                    return name.hasPrefix("arg") ? NumPyMath.result(.int64([best], shape: []), env: env) : element(best)
                case "any": return boolScalar(p.contains { $0 != 0 })
                case "all": return boolScalar(p.allSatisfy { $0 != 0 })
                default: return nil
                }
            } ?? nil
        default:
            return nil
        }
    }

    /// `self op other` from the buffers for float64/int64/bool arrays and a Python number, a numpy
    /// scalar or an array of the same shape and one of those dtypes; nil when no fast path applies.
    func fastBinary(_ op: NumericOp, _ other: Value, reflected: Bool) throws -> Value? {
        guard let mine = FastOperand(array) else { return nil }
        let theirs: FastOperand
        switch other {
        case .int(let i): theirs = FastOperand(kind: .pythonInt, int: Int64(i))
        case .float(let x): theirs = FastOperand(kind: .pythonFloat, double: x)
        case .bool(let b): theirs = FastOperand(kind: .pythonBool, int: b ? 1 : 0)
        default:
            if let h = NumericHosts.object(other) as? NDArrayHost, h.array.shape == array.shape, let o = FastOperand(h.array) { theirs = o }
            else { return nil }
        }
        let (a, b) = reflected ? (theirs, mine) : (mine, theirs)
        let shape = array.shape, n = array.count
        if op.isComparison {
            guard a.isNumber, b.isNumber else { return nil }
            if a.isFloat || b.isFloat {
                return try a.withDoubles(n) { x in try b.withDoubles(n) { y in
                    NumPyMath.result(.bool(shape: shape, count: n) { out in
                        switch op {
                        case .lt: for i in 0..<n { out[i] = x(i) < y(i) ? 1 : 0 }
                        case .le: for i in 0..<n { out[i] = x(i) <= y(i) ? 1 : 0 }
                        case .gt: for i in 0..<n { out[i] = x(i) > y(i) ? 1 : 0 }
                        case .ge: for i in 0..<n { out[i] = x(i) >= y(i) ? 1 : 0 }
                        case .eq: for i in 0..<n { out[i] = x(i) == y(i) ? 1 : 0 }
                        default: for i in 0..<n { out[i] = x(i) != y(i) ? 1 : 0 }
                        }
                    }, env: env)
                } }
            }
            return try a.withInts(n) { x in try b.withInts(n) { y in
                NumPyMath.result(.bool(shape: shape, count: n) { out in
                    for i in 0..<n { out[i] = NumPyMath.compare(op, x(i), y(i)) ? 1 : 0 }
                }, env: env)
            } }
        }
        switch op {
        case .bitand, .bitor, .bitxor:
            // Masks combined: both bool arrays (or a bool array and a Python bool).
            guard a.isBool, b.isBool else { return nil }
            return try a.withInts(n) { x in try b.withInts(n) { y in
                NumPyMath.result(.bool(shape: shape, count: n) { out in
                    switch op {
                    case .bitand: for i in 0..<n { out[i] = UInt8(x(i) & y(i)) }
                    case .bitor: for i in 0..<n { out[i] = UInt8(x(i) | y(i)) }
                    default: for i in 0..<n { out[i] = UInt8(x(i) ^ y(i)) }
                    }
                }, env: env)
            } }
        case .add, .sub, .mul, .truediv:
            guard a.isNumber, b.isNumber, !(a.isBool && b.isBool) else { return nil }
            if a.isFloat || b.isFloat || op == .truediv {
                return try a.withDoubles(n) { x in try b.withDoubles(n) { y in
                    NumPyMath.result(.float64(shape: shape, count: n) { out in
                        switch op {
                        case .add: for i in 0..<n { out[i] = x(i) + y(i) }
                        case .sub: for i in 0..<n { out[i] = x(i) - y(i) }
                        case .mul: for i in 0..<n { out[i] = x(i) * y(i) }
                        default: for i in 0..<n { out[i] = x(i) / y(i) }
                        }
                    }, env: env)
                } }
            }
            return try a.withInts(n) { x in try b.withInts(n) { y in
                NumPyMath.result(.int64(shape: shape, count: n) { out in
                    switch op {
                    case .add: for i in 0..<n { out[i] = x(i) &+ y(i) }
                    case .sub: for i in 0..<n { out[i] = x(i) &- y(i) }
                    default: for i in 0..<n { out[i] = x(i) &* y(i) }
                    }
                }, env: env)
            } }
        default:
            return nil
        }
    }
}

/// One side of a fast element-wise operation: a float64, int64 or bool array, or a Python number
/// (numpy's "weak" scalars take the array's type: int64 + 1 stays int64, bool + 1 becomes int64).
private struct FastOperand {
    enum Kind { case float64, int64, bool, pythonInt, pythonFloat, pythonBool }
    let kind: Kind
    var array: NDArray?
    var int: Int64 = 0
    var double: Double = 0

    init(kind: Kind, int: Int64) { self.kind = kind; self.int = int; self.double = Double(int) }
    init(kind: Kind, double: Double) { self.kind = kind; self.double = double }

    init?(_ a: NDArray) {
        guard a.isNativeContiguous || a.shape.count <= 1 else { return nil }
        switch (a.dtype.kind, a.dtype.itemSize) {
        case ("f", 8): kind = .float64
        case ("i", 8): kind = .int64
        case ("b", 1): kind = .bool
        default: return nil
        }
        array = a
    }

    var isFloat: Bool { kind == .float64 || kind == .pythonFloat }
    var isBool: Bool { kind == .bool || kind == .pythonBool }
    var isNumber: Bool { true }

    /// Calls `body` with an accessor of the elements as Doubles (a scalar repeats).
    func withDoubles<R>(_ n: Int, _ body: ((Int) -> Double) throws -> R) throws -> R {
        guard let array else { let x = double; return try body { _ in x } }
        switch kind {
        case .float64:
            guard let r = try array.withDoubles({ p in try body { p[$0] } }) else { throw PyException.typeError("unreadable array") }
            return r
        case .bool:
            guard let r = try array.withBools({ p in try body { Double(p[$0]) } }) else { throw PyException.typeError("unreadable array") }
            return r
        default:
            guard let r = try array.withInt64s({ p in try body { Double(p[$0]) } }) else { throw PyException.typeError("unreadable array") }
            return r
        }
    }

    /// Calls `body` with an accessor of the elements as Int64 (bools as 0/1; never for floats).
    func withInts<R>(_ n: Int, _ body: ((Int) -> Int64) throws -> R) throws -> R {
        guard let array else { let x = int; return try body { _ in x } }
        if kind == .bool {
            guard let r = try array.withBools({ p in try body { Int64(p[$0]) } }) else { throw PyException.typeError("unreadable array") }
            return r
        }
        guard let r = try array.withInt64s({ p in try body { p[$0] } }) else { throw PyException.typeError("unreadable array") }
        return r
    }
}
