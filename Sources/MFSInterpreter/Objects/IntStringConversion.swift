// int <-> str in a base that is not a power of two is quadratic in the number of digits, so CPython
// 3.11 refuses it past `sys.get_int_max_str_digits()` digits (4300 by default; 0 turns the check off).
// Both directions do the same here, with CPython's messages, and a conversion that is allowed to run
// long (limit off) stops at Ctrl-C: the digit loops below check the interrupt flag as they go.
import BigInt
import Synchronization

public enum IntStringLimit {
    public static let defaultMaxDigits = 4300
    /// The smallest non-zero limit CPython accepts (`sys.int_info.str_digits_check_threshold`).
    public static let threshold = 640
    /// Process-wide, as `sys.set_int_max_str_digits` is for a CPython process's main interpreter.
    static let maxDigits = Atomic<Int>(defaultMaxDigits)

    public static var current: Int { maxDigits.load(ordering: .relaxed) }

    /// `sys.set_int_max_str_digits(n)`.
    public static func set(_ n: Int) throws {
        guard n == 0 || n >= threshold else {
            throw PyException.valueError("maxdigits must be 0 or larger than \(threshold)")
        }
        maxDigits.store(n, ordering: .relaxed)
    }

    static func outputError(_ limit: Int) -> PyException {
        .valueError("Exceeds the limit (\(limit) digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
    }

    static func inputError(_ limit: Int, digits: Int) -> PyException {
        .valueError("Exceeds the limit (\(limit) digits) for integer string conversion: value has \(digits) digits; use sys.set_int_max_str_digits() to increase the limit")
    }
}

/// Raises KeyboardInterrupt when Ctrl-C was pressed (for long loops outside the evaluator's own checks).
func checkPendingInterrupt() throws {
    if mfsInterruptRequested.load(ordering: .relaxed) {
        mfsInterruptRequested.store(false, ordering: .relaxed)
        throw PyException(cls: BuiltinClasses.exc("KeyboardInterrupt"), args: [])
    }
}

/// Below this many words a conversion takes microseconds: the library's own routine, no checks.
private let smallWordCount = 64

/// The decimal digits of `n` (with a leading `-`), under the digit limit.
public func decimalString(_ n: BigInt) throws -> String {
    let mag = n.magnitude
    let sign = n.sign == .minus && !n.isZero ? "-" : ""
    let limit = IntStringLimit.current
    if limit > 0 {
        // Decimal digits of a b-bit number: at least floor((b - 1) * log10 2) + 1.
        let bits = mag.bitWidth
        if bits > 0 && (bits - 1) * 30102 / 100000 + 1 > limit { throw IntStringLimit.outputError(limit) }
    }
    let digits = mag.words.count <= smallWordCount ? String(mag) : try interruptibleDecimal(mag)
    if limit > 0 && digits.utf8.count > limit { throw IntStringLimit.outputError(limit) }
    return sign + digits
}

/// Repeated division by 10^19, one word of digits per pass, checking for Ctrl-C between passes.
private func interruptibleDecimal(_ mag: BigUInt) throws -> String {
    let chunk: UInt = 10_000_000_000_000_000_000
    var words = Array(mag.words)
    var parts: [UInt] = []
    parts.reserveCapacity(words.count * 64 / 63 + 1)
    while let top = words.last {
        if top == 0 { words.removeLast(); continue }
        try checkPendingInterrupt()
        var rem: UInt = 0
        for i in stride(from: words.count - 1, through: 0, by: -1) {
            let (q, r) = chunk.dividingFullWidth((high: rem, low: words[i]))
            words[i] = q
            rem = r
        }
        parts.append(rem)
    }
    var out = ""
    out.reserveCapacity(parts.count * 19)
    for (i, part) in parts.reversed().enumerated() {
        let text = String(part)
        if i > 0 { out += String(repeating: "0", count: 19 - text.utf8.count) }
        out += text
    }
    return out.isEmpty ? "0" : out
}

/// The integer spelled by `digits` (ASCII numerals of `radix`, no sign or underscores), under the digit
/// limit for bases that are not powers of two; nil when a character is not a numeral of `radix`.
func parseDigits(_ digits: Substring, radix: Int) throws -> BigInt? {
    let powerOfTwo = radix & (radix - 1) == 0
    let count = digits.utf8.count
    let limit = IntStringLimit.current
    // CPython counts the numerals before the first bad character and checks the limit first. (The
    // library's parser would take a `+` inside a 19-numeral chunk: it sees only checked text.)
    let valid = digits.utf8.firstIndex(where: { numeralValue($0) >= radix }).map { digits.utf8.distance(from: digits.utf8.startIndex, to: $0) } ?? count
    if !powerOfTwo && limit > 0 && valid > limit { throw IntStringLimit.inputError(limit, digits: valid) }
    if valid < count { return nil }
    // The library's parser stops at base 35.
    if radix < 36 && (powerOfTwo || count <= smallWordCount * 19) { return BigInt(digits, radix: radix) }
    return try interruptibleParse(digits, radix: radix).map { BigInt($0) }
}

private func numeralValue(_ c: UInt8) -> Int {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(c - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(c - UInt8(ascii: "a")) + 10
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(c - UInt8(ascii: "A")) + 10
    default: return 99
    }
}

/// Multiply-and-add one word of numerals at a time, checking for Ctrl-C every few hundred words.
private func interruptibleParse(_ digits: Substring, radix: Int) throws -> BigUInt? {
    var perWord = 0, power: UInt = 1
    while true {
        let (next, overflow) = power.multipliedReportingOverflow(by: UInt(radix))
        if overflow { break }
        power = next; perWord += 1
    }
    let bytes = Array(digits.utf8)
    var words: [UInt] = []
    words.reserveCapacity(bytes.count / perWord + 1)
    var start = 0
    var first = bytes.count % perWord
    if first == 0 { first = perWord }
    var pass = 0
    while start < bytes.count {
        let end = start + (start == 0 ? first : perWord)
        var chunk: UInt = 0, scale: UInt = 1
        for c in bytes[start..<end] {
            let v = numeralValue(c)
            guard v < radix else { return nil }
            chunk = chunk * UInt(radix) + UInt(v)
            scale *= UInt(radix)
        }
        // words = words * scale + chunk
        var carry = chunk
        for i in words.indices {
            let (hi, lo) = words[i].multipliedFullWidth(by: scale)
            let (sum, o) = lo.addingReportingOverflow(carry)
            words[i] = sum
            carry = hi + (o ? 1 : 0)
        }
        if carry != 0 { words.append(carry) }
        start = end
        pass += 1
        if pass & 255 == 0 { try checkPendingInterrupt() }
    }
    return BigUInt(words: words)
}
