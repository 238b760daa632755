// Integer and float arithmetic with Python semantics (floor division, arbitrary precision).
import Glibc
import BigInt

enum Num {
    case i(Int)
    case b(BigInt)
    case f(Double)
}

@inline(__always) func toNum(_ v: Value) -> Num? {
    switch v {
    case .int(let i): return .i(i)
    case .bool(let b): return .i(b ? 1 : 0)
    case .bigint(let b): return .b(b.value)
    case .float(let d): return .f(d)
    default: return nil
    }
}

func big(_ n: Num) -> BigInt {
    switch n {
    case .i(let i): return BigInt(i)
    case .b(let b): return b
    case .f(let d): return BigInt(d)
    }
}

func toDouble(_ n: Num) throws -> Double {
    switch n {
    case .i(let i): return Double(i)
    case .b(let b):
        let d = Double(b)
        if !d.isFinite { throw PyException.overflow("int too large to convert to float") }
        return d
    case .f(let d): return d
    }
}

func floorDivBig(_ a: BigInt, _ b: BigInt) -> BigInt {
    let (q, r) = a.quotientAndRemainder(dividingBy: b)
    if !r.isZero && ((r.sign == .minus) != (b.sign == .minus)) { return q - 1 }
    return q
}

func modBig(_ a: BigInt, _ b: BigInt) -> BigInt {
    let r = a % b
    if !r.isZero && ((r.sign == .minus) != (b.sign == .minus)) { return r + b }
    return r
}

func floatMod(_ a: Double, _ b: Double) -> Double {
    var m = fmod(a, b)
    if m != 0 {
        if (b < 0) != (m < 0) { m += b }
    } else {
        m = copysign(0, b)
    }
    return m
}

func floatFloorDiv(_ a: Double, _ b: Double) -> Double {
    let m = fmod(a, b)
    var div = (a - m) / b
    if m != 0 && ((b < 0) != (m < 0)) { div -= 1 }
    if div != 0 {
        let f = div.rounded(.down)
        if div - f > 0.5 { return f + 1 }
        return f
    }
    return copysign(0, a / b)
}

/// Arithmetic on two numbers (ints, bools, floats); nil when the operation does not apply.
func numericOp(_ op: BinOp, _ x: Num, _ y: Num) throws -> Value? {
    if case .f = x { return try floatOp(op, try toDouble(x), try toDouble(y)) }
    if case .f = y { return try floatOp(op, try toDouble(x), try toDouble(y)) }
    if case .i(let a) = x, case .i(let b) = y {
        switch op {
        case .add: let (r, o) = a.addingReportingOverflow(b); if !o { return .int(r) }
        case .sub: let (r, o) = a.subtractingReportingOverflow(b); if !o { return .int(r) }
        case .mul: let (r, o) = a.multipliedReportingOverflow(by: b); if !o { return .int(r) }
        case .floordiv:
            if b == 0 { throw PyException.zeroDivision("integer division or modulo by zero") }
            if !(a == Int.min && b == -1) {
                let q = a / b, r = a % b
                return .int((r != 0 && ((r < 0) != (b < 0))) ? q - 1 : q)
            }
        case .mod:
            if b == 0 { throw PyException.zeroDivision("integer modulo by zero") }
            if b == -1 { return .int(0) }
            let r = a % b
            return .int((r != 0 && ((r < 0) != (b < 0))) ? r + b : r)
        case .truediv:
            if b == 0 { throw PyException.zeroDivision("division by zero") }
            if abs(a) < (1 << 53) && abs(b) < (1 << 53) { return .float(Double(a) / Double(b)) }
        case .bitand: return .int(a & b)
        case .bitor: return .int(a | b)
        case .bitxor: return .int(a ^ b)
        case .lshift:
            if b < 0 { throw PyException.valueError("negative shift count") }
            if b < 63 && a == (a << b) >> b { return .int(a << b) }
        case .rshift:
            if b < 0 { throw PyException.valueError("negative shift count") }
            return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
        case .pow:
            if b < 0 {
                if a == 0 { throw PyException.zeroDivision("0.0 cannot be raised to a negative power") }
                return .float(pow(Double(a), Double(b)))
            }
            var result = 1, base = a, e = b, overflow = false
            while e > 0 {
                if e & 1 == 1 { let (r, o) = result.multipliedReportingOverflow(by: base); result = r; overflow = overflow || o }
                e >>= 1
                if e > 0 { let (r, o) = base.multipliedReportingOverflow(by: base); base = r; overflow = overflow || o }
                if overflow { break }
            }
            if !overflow { return .int(result) }
        case .matmul: return nil
        }
    }
    let a = big(x), b = big(y)
    switch op {
    case .add: return .integer(a + b)
    case .sub: return .integer(a - b)
    case .mul: return .integer(a * b)
    case .floordiv:
        if b.isZero { throw PyException.zeroDivision("integer division or modulo by zero") }
        return .integer(floorDivBig(a, b))
    case .mod:
        if b.isZero { throw PyException.zeroDivision("integer modulo by zero") }
        return .integer(modBig(a, b))
    case .truediv:
        if b.isZero { throw PyException.zeroDivision("division by zero") }
        return .float(try bigTrueDiv(a, b))
    case .bitand: return .integer(a & b)
    case .bitor: return .integer(a | b)
    case .bitxor: return .integer(a ^ b)
    case .lshift:
        if b.sign == .minus { throw PyException.valueError("negative shift count") }
        guard let s = Int(exactly: b), s < 1 << 24 else { throw PyException.overflow("too many digits in integer") }
        return .integer(a << s)
    case .rshift:
        if b.sign == .minus { throw PyException.valueError("negative shift count") }
        guard let s = Int(exactly: b) else { return .int(a.sign == .minus ? -1 : 0) }
        return .integer(a >> s)
    case .pow:
        if b.sign == .minus { return .float(pow(try toDouble(.b(a)), try toDouble(.b(b)))) }
        guard let e = Int(exactly: b), e < 1 << 24 else { throw PyException.overflow("exponent too large") }
        return .integer(a.power(e))
    case .matmul: return nil
    }
}

/// `a / b` for ints, correctly rounded as CPython's long_true_divide: a quotient with two guard bits
/// and a sticky bit, rounded half-to-even once at the precision of the result (subnormals included).
func bigTrueDiv(_ a: BigInt, _ b: BigInt) throws -> Double {
    let da = Double(a), db = Double(b)
    if abs(da) < 9.0e15 && abs(db) < 9.0e15 { return da / db }
    if a.isZero { return (b.sign == .minus) ? -0.0 : 0.0 }
    let negative = (a.sign == .minus) != (b.sign == .minus)
    let x = BigUInt(a.magnitude), y = BigUInt(b.magnitude)
    let shift = max(x.bitWidth - y.bitWidth - 55, -1076)
    var (q, r) = shift >= 0 ? x.quotientAndRemainder(dividingBy: y << shift) : (x << -shift).quotientAndRemainder(dividingBy: y)
    if !r.isZero { q |= 1 }
    let exponent = q.bitWidth - 1 + shift
    let precision = exponent >= -1022 ? 53 : 53 - (-1022 - exponent)
    let drop = max(q.bitWidth - precision, 0)
    var m = q >> drop
    if drop > 0 {
        let rest = q - (m << drop), half = BigUInt(1) << (drop - 1)
        if rest > half || (rest == half && m[bitAt: 0]) { m += 1 }
    }
    let magnitude = scalbn(Double(m), Int32(shift + drop))
    if magnitude.isInfinite { throw PyException.overflow("integer division result too large for a float") }
    return negative ? -magnitude : magnitude
}

func floatOp(_ op: BinOp, _ a: Double, _ b: Double) throws -> Value? {
    switch op {
    case .add: return .float(a + b)
    case .sub: return .float(a - b)
    case .mul: return .float(a * b)
    case .truediv:
        if b == 0 { throw PyException.zeroDivision("float division by zero") }
        return .float(a / b)
    case .floordiv:
        if b == 0 { throw PyException.zeroDivision("float floor division by zero") }
        return .float(floatFloorDiv(a, b))
    case .mod:
        if b == 0 { throw PyException.zeroDivision("float modulo") }
        return .float(floatMod(a, b))
    case .pow:
        if a == 0 && b < 0 { throw PyException.zeroDivision("0.0 cannot be raised to a negative power") }
        if a < 0 && b != b.rounded() && b.isFinite { return complexValue(try complexPow((a, 0), (b, 0))) }
        let r = pow(a, b)
        if r.isInfinite && a.isFinite && b.isFinite { throw PyException.overflow("(34, 'Numerical result out of range')") }
        return .float(r)
    default: return nil
    }
}

/// Compares two numbers exactly (int vs float compares mathematically).
func compareNums(_ x: Num, _ y: Num) -> Int? {
    switch (x, y) {
    case (.i(let a), .i(let b)): return a < b ? -1 : a > b ? 1 : 0
    case (.f(let a), .f(let b)):
        if a.isNaN || b.isNaN { return nil }
        return a < b ? -1 : a > b ? 1 : 0
    case (.f(let a), _):
        if a.isNaN { return nil }
        if a.isInfinite { return a < 0 ? -1 : 1 }
        return compareFloatInt(a, big(y))
    case (_, .f(let b)):
        if b.isNaN { return nil }
        if b.isInfinite { return b < 0 ? 1 : -1 }
        return -compareFloatInt(b, big(x))
    default:
        let a = big(x), b = big(y)
        return a < b ? -1 : a > b ? 1 : 0
    }
}

private func compareFloatInt(_ a: Double, _ b: BigInt) -> Int {
    let fl = a.rounded(.down)
    let ai = BigInt(fl)
    if ai < b { return -1 }
    if ai > b { return 1 }
    return a > fl ? 1 : 0
}

/// round(x, n) for floats, correctly rounded like CPython (via the shortest decimal string).
func roundFloat(_ x: Double, _ n: Int) -> Double {
    if !x.isFinite { return x }
    if n > 22 { return x }
    if n < -22 { return copysign(0, x) }
    let s = cFormat(x, "f", precision: max(n, 0) + 0)
    if n >= 0 {
        // printf rounds half-to-even on the exact binary value, which is what CPython does.
        return Double(s) ?? x
    }
    let p = pow(10.0, Double(-n))
    let y = x / p
    var r = y.rounded(.toNearestOrEven)
    if abs(y - y.rounded(.towardZero)) == 0.5 { r = y.rounded(.toNearestOrEven) }
    return r * p
}
