// Arithmetic and comparisons of one numpy number scalar (bool, integer, float) with a Python
// bool/int/float or another such scalar, computed on the numbers themselves. Loops over arrays
// (`sum(a)`, `sorted(a)`, `[x * 2 for x in a]`) do one such operation per element, so the general
// path's 0-d arrays and operand buffers are not made. The answers are the general path's: the same
// result type (`NumPyMath.resultType`, numpy's NEP 50 rules), the same integer and float operations,
// and anything this does not cover (errors included) is left to it.
import Glibc
import MFSInterpreter
import Pickle

/// The answer of a scalar operation: a truth value (comparisons) or a number of a dtype.
enum ScalarResult {
    case truth(Bool)
    case number(PickleValue, NDDType)
}

/// One side of a scalar operation: its value and, for a numpy scalar, its dtype (nil for a Python
/// number, whose type adapts to the other side).
private struct ScalarOperand {
    let value: PickleValue
    let dtype: NDDType?

    init?(_ v: Value) {
        switch v {
        case .int(let i): value = .int(i); dtype = nil
        case .float(let x): value = .float(x); dtype = nil
        case .bool(let b): value = .bool(b); dtype = nil
        default:
            guard let host = NumericHosts.scalar(v), let n = host.number else { return nil }
            value = n; dtype = host.dtype
        }
    }

    init?(_ host: NDScalarHost) {
        guard let n = host.number else { return nil }
        value = n; dtype = host.dtype
    }

    /// numpy's kind of the operand as the general path sees it (`NumericOperand.kind`).
    var kind: NumericOperand.Kind {
        switch value {
        case .bool: return .bool
        case .int: return .int
        default: return .float
        }
    }

    var int: Int? {
        switch value {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return i
        default: return nil
        }
    }

    var double: Double {
        switch value {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .float(let x): return x
        default: return .nan
        }
    }

    /// A float16 or float32 scalar.
    var isNarrowFloat: Bool { dtype.map { $0.kindCode == UInt8(ascii: "f") && $0.itemSize < 8 } ?? false }

    /// The value cast to a float type (rounded to its precision).
    func double(in type: NDDType) -> Double {
        guard type.kindCode == UInt8(ascii: "f") else { return double }
        switch type.itemSize {
        case 2: return Double(Float16(double))
        case 4: return Double(Float(double))
        default: return double
        }
    }

    /// numpy casts a Python int to the integer type of the other side of an arithmetic operation
    /// (NEP 50), and refuses one out of that type's range (true division excepted: it works in float64).
    func checkFits(_ other: ScalarOperand) throws {
        guard dtype == nil, case .int(let i) = value, let type = other.dtype,
              type.kindCode == UInt8(ascii: "i") || type.kindCode == UInt8(ascii: "u") else { return }
        let bits = 8 * type.itemSize
        let fits = type.kind == "i" ? (bits >= 64 || (i >= -(1 << (bits - 1)) && i < 1 << (bits - 1)))
            : i >= 0 && (bits >= 64 || i < 1 << bits)
        if !fits { throw PyException.overflow("Python integer \(i) out of bounds for \(type.name)") }
    }
}

extension NDScalarHost {
    /// `self op other` (`other op self` when `reflected`) from the numbers; nil when this does not
    /// apply and the general path must answer.
    func scalarResult(_ op: NumericOp, _ other: Value, reflected: Bool) throws -> ScalarResult? {
        guard let mine = ScalarOperand(self), let theirs = ScalarOperand(other) else { return nil }
        let (x, y) = reflected ? (theirs, mine) : (mine, theirs)
        // `reflected` comes with the swapped comparison (`5 < s` is `s > 5`); for the arithmetic
        // operators `swapped` is the operator itself.
        let op = reflected ? op.swapped : op
        if op.isComparison {
            // Integers compare exactly (numpy too, even with a Python int beyond the dtype's range);
            // a float32 compares with a Python number or a small integer in float32, as numpy casts them.
            if let a = x.int, let b = y.int { return .truth(NumPyMath.compare(op, a, b)) }
            guard x.isNarrowFloat || y.isNarrowFloat else { return .truth(NumPyMath.compare(op, x.double, y.double)) }
            let common = try NumPyMath.resultType(.add, (x.dtype, x.kind), (y.dtype, y.kind))
            return .truth(NumPyMath.compare(op, x.double(in: common), y.double(in: common)))
        }
        if op != .truediv {
            try x.checkFits(y)
            try y.checkFits(x)
        }
        guard let type = try? NumPyMath.resultType(op, (x.dtype, x.kind), (y.dtype, y.kind)) else { return nil }
        let resultType = type.byteOrder == ">" ? type.nativeOrder : type
        if type.kindCode != UInt8(ascii: "f"), let a = x.int, let b = y.int {
            if type.kindCode == UInt8(ascii: "b") {
                let p = a != 0, q = b != 0
                return .number(.bool(op == .add || op == .bitor ? p || q : op == .bitxor ? p != q : p && q), resultType)
            }
            guard let r = try? NumPyMath.integerOp(op, a, b), let wrapped = Self.wrapped(r, to: resultType) else { return nil }
            return .number(wrapped, resultType)
        }
        let floatType = type.kindCode == UInt8(ascii: "f") ? resultType : NDDType.float64
        // numpy casts both operands to the result type first (a Python float added to a float32 is a float32).
        let (a, b) = (x.double(in: floatType), y.double(in: floatType))
        // Powers of float16/float32 are computed in float32 (`powf`), not rounded from float64.
        let r = op == .pow && floatType.itemSize < 8 ? Double(powf(Float(a), Float(b))) : NumPyMath.floatOp(op, a, b)
        switch floatType.itemSize {
        case 2: return .number(.float(Double(Float16(r))), floatType)
        case 4: return .number(.float(Double(Float(r))), floatType)
        case 8: return .number(.float(r), floatType)
        default: return nil
        }
    }

    /// The operators of a loop's arithmetic (`[x * 2 for x in a]`, `x > 0.5`) without the special
    /// methods' lookup and call: `binary`'s own answer when the numbers give it, else nil.
    func fastOperation(_ op: HostOperator, _ other: Value, reflected: Bool) throws -> Value? {
        let numericOp = Self.numericOps[op.rawValue]
        if let r = float64Result(numericOp, other, reflected: reflected) { return r.value(env: env) }
        return try scalarResult(numericOp, other, reflected: reflected)?.value(env: env)
    }

    /// The commonest step of a loop, a float64 scalar with a Python int or float or another float64
    /// scalar: numpy's result is float64 (or a truth value), with no type to work out. nil otherwise.
    private func float64Result(_ op: NumericOp, _ other: Value, reflected: Bool) -> ScalarResult? {
        guard case .float(let a)? = number, dtype.kindCode == UInt8(ascii: "f"), dtype.itemSize == 8 else { return nil }
        let b: Double
        switch other {
        case .float(let y): b = y
        case .int(let i): b = Double(i)  // numpy converts a Python int to float64 the same way
        default:
            guard let o = NumericHosts.scalar(other), case .float(let y)? = o.number,
                  o.dtype.kindCode == UInt8(ascii: "f"), o.dtype.itemSize == 8 else { return nil }
            b = y
        }
        // As in scalarResult: a reflected call comes with the swapped comparison.
        let (x, y, op) = reflected ? (b, a, op.swapped) : (a, b, op)
        switch op {
        case .add, .sub, .mul, .truediv: return .number(.float(NumPyMath.floatOp(op, x, y)), .float64)
        case .lt, .le, .gt, .ge, .eq, .ne: return .truth(NumPyMath.compare(op, x, y))
        default: return nil
        }
    }

    /// `HostOperator`'s cases, in its order, as numpy's operators.
    private static let numericOps: [NumericOp] = [.add, .sub, .mul, .truediv, .lt, .le, .gt, .ge, .eq, .ne]

    /// `self < other` as a truth value, for sorting and min/max; nil when the general path must answer.
    func isLess(than other: Value) throws -> Bool? {
        guard case .truth(let b)? = try scalarResult(.lt, other, reflected: false) else { return nil }
        return b
    }

    /// The number `<` compares: integers and bools exactly, float64 as it is. A float32 compares with a
    /// Python float in float32, so a list mixing them does not sort as doubles: it has none.
    var sortKey: SortKey? {
        switch number {
        case .bool(let b)?: return .int(b ? 1 : 0)
        case .int(let i)?: return .int(i)
        case .float(let x)? where dtype.itemSize == 8: return .double(x)
        default: return nil
        }
    }

    /// An integer result as an element of `dtype` holds it: wrapped to the width like numpy's casts
    /// (`NDArray.make`); nil for a uint64 beyond Int, which the general path makes.
    private static func wrapped(_ v: Int, to dtype: NDDType) -> PickleValue? {
        let size = dtype.itemSize
        guard size < 8 else { return dtype.kind == "u" && v < 0 ? nil : .int(v) }
        let shift = 64 - 8 * size
        if dtype.kind == "i" { return .int((v << shift) >> shift) }
        return .int(Int((UInt64(bitPattern: Int64(v)) << UInt64(shift)) >> UInt64(shift)))
    }
}

extension ScalarResult {
    /// The language value: np.bool_ for a truth value, a numpy scalar of the dtype for a number.
    func value(env: NumericEnvironment) -> Value {
        switch self {
        case .truth(let b): return env.wrap(NDScalarHost(dtype: .bool, number: .bool(b), env: env))
        case .number(let v, let dtype): return env.wrap(NDScalarHost(dtype: dtype, number: v, env: env))
        }
    }
}
