// CPython's float repr: the shortest digits that round-trip, positional for 1e-4 <= |x| < 1e16 and
// scientific (`1e-05`, `1.5e+16`) outside, always with a `.0` when positional and integral.

/// Shortest round-trip decimal digits of a finite, non-zero double and its exponent:
/// value = 0.d1d2d3... * 10^pointPosition.
package struct ShortestDigits {
    package var negative: Bool
    package var digits: [UInt8]   // ASCII digits, no leading/trailing zeros
    package var pointPosition: Int
}

package func shortestDigits(_ x: Double) -> ShortestDigits {
    // Swift's description is the shortest round-trip form; only its layout differs from Python's.
    let text = Array(x.magnitude.description.utf8)
    var mantissa = text[...]
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
        mantissa = text[..<e]
        exponent = Int(String(decoding: text[(e + 1)...], as: UTF8.self)) ?? 0
    }
    var digits: [UInt8] = []
    var intDigits = 0
    var seenPoint = false
    for c in mantissa {
        if c == UInt8(ascii: ".") { seenPoint = true; continue }
        digits.append(c)
        if !seenPoint { intDigits += 1 }
    }
    var point = intDigits + exponent
    while let first = digits.first, first == UInt8(ascii: "0"), digits.count > 1 { digits.removeFirst(); point -= 1 }
    while let last = digits.last, last == UInt8(ascii: "0"), digits.count > 1 { digits.removeLast() }
    return ShortestDigits(negative: x.sign == .minus, digits: digits, pointPosition: point)
}

/// `repr(float)` exactly as CPython prints it.
public func pythonFloatRepr(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == 0 { return x.sign == .minus ? "-0.0" : "0.0" }
    return formatShortest(shortestDigits(x), addDotZero: true)
}

/// CPython's `format_float_short` for mode 'r' (repr) and for complex parts (`addDotZero: false`).
package func formatShortest(_ d: ShortestDigits, addDotZero: Bool) -> String {
    let digits = String(decoding: d.digits, as: UTF8.self)
    let sign = d.negative ? "-" : ""
    let decpt = d.pointPosition
    if decpt <= -4 || decpt > 16 {
        var mantissa = String(digits.prefix(1))
        if digits.count > 1 { mantissa += "." + digits.dropFirst() }
        let exp = decpt - 1
        let expDigits = String(abs(exp))
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (expDigits.count < 2 ? "0" + expDigits : expDigits)
    }
    if decpt <= 0 {
        return sign + "0." + String(repeating: "0", count: -decpt) + digits
    }
    if decpt >= digits.count {
        return sign + digits + String(repeating: "0", count: decpt - digits.count) + (addDotZero ? ".0" : "")
    }
    return sign + digits.prefix(decpt) + "." + digits.dropFirst(decpt)
}

/// `repr(complex)`: `1j`, `(1+2j)`, `(-0-1.5j)`, `(nan+infj)`.
public func pythonComplexRepr(real: Double, imag: Double) -> String {
    func part(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == 0 { return x.sign == .minus ? "-0" : "0" }
        return formatShortest(shortestDigits(x), addDotZero: false)
    }
    let imagText = part(imag)
    if real == 0 && real.sign == .plus { return imagText + "j" }
    let signedImag = imagText.hasPrefix("-") ? imagText : "+" + imagText
    return "(" + part(real) + signedImag + "j)"
}
