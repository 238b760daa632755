// Exact arithmetic over ints and floats for statistics (CPython sums with Fractions) and math.fsum
// (correctly rounded): every finite float is an integer multiple of 2^-1074, so a sum is kept as one
// big integer of such units and rounded once at the end.
import BigInt

/// Σx and Σx² of a run of numbers, exactly; non-finite floats are carried apart as CPython does.
struct ExactSums {
    static let unitShift = 1074
    /// Σx in units of 2^-1074.
    var sum = BigInt(0)
    /// Σx² in units of 2^-2148.
    var squares = BigInt(0)
    var count = 0
    /// Any float (or non-finite) among the data: the result type is then float, not int.
    var sawFloat = false
    /// The float sum of the non-finite values, when there are any.
    var nonFinite: Double?

    /// `x` as mantissa and base-2 exponent: x = m · 2^e.
    static func parts(_ v: Value) throws -> (m: BigInt, e: Int)? {
        switch v {
        case .int(let i): return (BigInt(i), 0)
        case .bool(let b): return (b ? 1 : 0, 0)
        case .bigint(let b): return (b.value, 0)
        case .float(let d):
            guard d.isFinite else { return nil }
            if d == 0 { return (0, 0) }
            let bits = d.significandBitPattern, biased = Int(d.exponentBitPattern)
            var m = BigInt(biased == 0 ? bits : bits | (1 << 52))
            if d < 0 { m.negate() }
            return (m, (biased == 0 ? 1 : biased) - 1075)
        default:
            throw PyException.typeError("can't convert type '\(v.typeName)' to numerator/denominator")
        }
    }

    mutating func add(_ v: Value) throws {
        count += 1
        if case .float = v { sawFloat = true }
        guard let (m, e) = try Self.parts(v) else {
            if case .float(let d) = v { nonFinite = (nonFinite ?? 0) + d }
            return
        }
        sum += m << (e + Self.unitShift)
        squares += (m * m) << (2 * (e + Self.unitShift))
    }

    /// Σx as the exact fraction (numerator, denominator).
    var total: (BigInt, BigInt) { (sum, BigInt(1) << Self.unitShift) }

    /// Σ(x - mean)², exactly: (count·Σx² - (Σx)²) / count.
    var squaredDeviations: (BigInt, BigInt) {
        (BigInt(count) * squares - sum * sum, (BigInt(1) << (2 * Self.unitShift)) * BigInt(count))
    }
}

extension Interpreter {
    /// n/d as Python's int true division rounds it (correctly), or as an int when `asInt` and it divides.
    func fractionValue(_ n: BigInt, _ d: BigInt, asInt: Bool = false) throws -> Value {
        let g = n.magnitude.greatestCommonDivisor(with: d.magnitude)
        let (num, den) = g > 1 ? (n / BigInt(g), d / BigInt(g)) : (n, d)
        if asInt && den == 1 { return .integer(num) }
        return try binaryOp(.truediv, .integer(num), .integer(den))
    }

    /// statistics' `_float_sqrt_of_frac`: √(n/m) correctly rounded, through round-to-odd integer roots.
    func floatSquareRootOfFraction(_ n: BigInt, _ m: BigInt) throws -> Value {
        let g = n.magnitude.greatestCommonDivisor(with: m.magnitude)
        let (n, m) = g > 1 ? (n / BigInt(g), m / BigInt(g)) : (n, m)
        func rootRoundedToOdd(_ n: BigInt, _ m: BigInt) -> BigInt {
            let a = BigInt((n / m).magnitude.squareRoot())
            return a * a * m != n ? a | 1 : a
        }
        let q = (n.magnitude.bitWidth - m.magnitude.bitWidth - 109) >> 1
        if q >= 0 {
            return try binaryOp(.truediv, .integer(rootRoundedToOdd(n, m << (2 * q)) << q), .int(1))
        }
        return try binaryOp(.truediv, .integer(rootRoundedToOdd(n << (-2 * q), m)), .integer(BigInt(1) << -q))
    }

    /// math.fsum: the correctly rounded sum, with CPython's handling of infinities and NaN.
    func exactFsum(_ iterable: Value) throws -> Double {
        var sums = ExactSums(), positiveInfinity = false, negativeInfinity = false, sawNaN = false
        try forEach(iterable) { v in
            let x = try realNumber(v)
            if x.isNaN { sawNaN = true } else if x == .infinity { positiveInfinity = true } else if x == -.infinity {
                negativeInfinity = true
            } else {
                try sums.add(.float(x))
            }
            return true
        }
        if positiveInfinity && negativeInfinity { throw PyException.valueError("-inf + inf in fsum") }
        if sawNaN { return .nan }
        if positiveInfinity || negativeInfinity { return positiveInfinity ? .infinity : -.infinity }
        let (n, d) = sums.total
        let rounded: Value
        do { rounded = try fractionValue(n, d) } catch let e as PyException where e.isInstance(of: "OverflowError") {
            throw PyException.overflow("intermediate overflow in fsum")
        }
        guard case .float(let r) = rounded else { return 0 }
        return r
    }
}
