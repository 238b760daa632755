// numpy's FloatingFormat (floatmode 'maxprec', precision 8, sign '-' or '+'), with Dragon4's
// positional and scientific output: shortest digits, cut at the precision with correct rounding.
import Glibc
import Pickle

private let precisionDefault = 8

struct FloatFormat {
    let width: Int
    let sign: Bool
    var exponential = false
    var precision = precisionDefault
    var minDigits = 0
    var trimKeepZeros = false  // numpy trim 'k' (else '.')
    var padLeft = 0
    var padRight = 0
    var expSize = -1

    init(_ data: [Double], width: Int, sign: Bool) {
        self.width = width
        self.sign = sign
        let finite = data.filter { $0.isFinite }
        let absNonZero = finite.filter { $0 != 0 }.map { abs($0) }
        if let maxValue = absNonZero.max(), let minValue = absNonZero.min() {
            if maxValue >= 1e8 || minValue < 0.0001 || maxValue / minValue > 1000 { exponential = true }
        }
        if finite.isEmpty {
            padLeft = 0; padRight = 0; expSize = -1
        } else if exponential {
            let strings = finite.map { scientific($0, precision: precisionDefault, minDigits: 0, trimKeepZeros: false,
                                                  padLeft: 0, expDigits: -1) }
            var intLength = 0, fracLength = 0, expLength = 0
            for s in strings {
                let (mantissa, exponent) = splitOnce(s, "e")
                let (intPart, fracPart) = splitOnce(mantissa, ".")
                intLength = max(intLength, intPart.count)
                fracLength = max(fracLength, fracPart.count)
                expLength = max(expLength, exponent.count + 1)
            }
            expSize = expLength - 2  // len of "e-05" minus the "e" and the sign, as numpy's len(exp_str) - 1
            trimKeepZeros = true
            precision = fracLength
            minDigits = fracLength
            padLeft = intLength
            padRight = expSize + 2 + precision
        } else {
            let strings = finite.map { positional($0, precision: precisionDefault, minDigits: 0, trimKeepZeros: false,
                                                  padLeft: 0, padRight: 0) }
            var intLength = 0, fracLength = 0
            for s in strings {
                let (intPart, fracPart) = splitOnce(s, ".")
                intLength = max(intLength, intPart.count)
                fracLength = max(fracLength, fracPart.count)
            }
            padLeft = intLength
            padRight = fracLength
            trimKeepZeros = false
            minDigits = 0
        }
        if finite.count != data.count {
            let negativeInfinity = sign || data.contains { $0.isInfinite && $0 < 0 }
            let offset = padRight + 1
            padLeft = max(padLeft, 3 - offset, 3 + (negativeInfinity ? 1 : 0) - offset)
        }
    }

    func format(_ x: Double) -> String {
        if !x.isFinite {
            let text: String
            if x.isNaN { text = (sign ? "+" : "") + "nan" } else { text = (x < 0 ? "-" : sign ? "+" : "") + "inf" }
            return String(repeating: " ", count: max(0, padLeft + padRight + 1 - text.count)) + text
        }
        if exponential {
            return scientific(x, precision: precision, minDigits: minDigits, trimKeepZeros: trimKeepZeros,
                              padLeft: padLeft, expDigits: expSize)
        }
        return positional(x, precision: precision, minDigits: minDigits, trimKeepZeros: trimKeepZeros,
                          padLeft: padLeft, padRight: padRight)
    }

    /// Dragon4 positional, unique digits, at most `precision` fractional digits.
    func positional(_ x: Double, precision: Int, minDigits: Int, trimKeepZeros: Bool, padLeft: Int, padRight: Int) -> String {
        var intPart: String, fracPart: String
        if x == 0 {
            intPart = "0"; fracPart = ""
        } else {
            let d = shortestDigits(x, width: width)
            let digits = String(decoding: d.digits, as: UTF8.self)
            if digits.count - d.pointPosition > precision {
                (intPart, fracPart) = splitOnce(cFormat(abs(x), "%.\(precision)f"), ".")
                while fracPart.hasSuffix("0") { fracPart.removeLast() }
            } else if d.pointPosition <= 0 {
                intPart = "0"; fracPart = String(repeating: "0", count: -d.pointPosition) + digits
            } else if d.pointPosition >= digits.count {
                intPart = digits + String(repeating: "0", count: d.pointPosition - digits.count); fracPart = ""
            } else {
                intPart = String(digits.prefix(d.pointPosition)); fracPart = String(digits.dropFirst(d.pointPosition))
            }
        }
        if fracPart.count < minDigits { fracPart += String(repeating: "0", count: minDigits - fracPart.count) }
        _ = trimKeepZeros
        if x.sign == .minus { intPart = "-" + intPart } else if sign { intPart = "+" + intPart }
        let left = String(repeating: " ", count: max(0, padLeft - intPart.count))
        let right = String(repeating: " ", count: max(0, padRight - fracPart.count))
        return left + intPart + "." + fracPart + right
    }

    /// Dragon4 scientific, unique digits, at most `precision` digits after the point.
    func scientific(_ x: Double, precision: Int, minDigits: Int, trimKeepZeros: Bool, padLeft: Int, expDigits: Int) -> String {
        var lead: String, fracPart: String, exponent: Int
        if x == 0 {
            lead = "0"; fracPart = ""; exponent = 0
        } else {
            let d = shortestDigits(x, width: width)
            var digits = String(decoding: d.digits, as: UTF8.self)
            exponent = d.pointPosition - 1
            if digits.count - 1 > precision {
                let (mantissa, exp) = splitOnce(cFormat(abs(x), "%.\(precision)e"), "e")
                exponent = Int(exp) ?? exponent
                digits = mantissa.filter { $0 != "." }
                while digits.count > 1, digits.hasSuffix("0") { digits.removeLast() }
            }
            lead = String(digits.prefix(1)); fracPart = String(digits.dropFirst())
            // Digits past the unique ones are the exact value's (Dragon4's min_digits), not zeros:
            // a float32 1e-05 among 8-digit mantissas is 9.9999997e-06.
            if fracPart.count < minDigits {
                let (mantissa, exp) = splitOnce(cFormat(abs(x), "%.\(minDigits)e"), "e")
                exponent = Int(exp) ?? exponent
                let (first, rest) = splitOnce(mantissa, ".")
                lead = first; fracPart = rest
            }
        }
        if fracPart.count < minDigits { fracPart += String(repeating: "0", count: minDigits - fracPart.count) }
        _ = trimKeepZeros
        if x.sign == .minus { lead = "-" + lead } else if sign { lead = "+" + lead }
        let expText = String(abs(exponent))
        let expWidth = max(expDigits, 2)
        let exp = "e" + (exponent < 0 ? "-" : "+") + String(repeating: "0", count: max(0, expWidth - expText.count)) + expText
        return String(repeating: " ", count: max(0, padLeft - lead.count)) + lead + "." + fracPart + exp
    }
}

private func splitOnce(_ s: String, _ separator: Character) -> (String, String) {
    guard let i = s.firstIndex(of: separator) else { return (s, "") }
    return (String(s[..<i]), String(s[s.index(after: i)...]))
}

/// C printf formatting of one double (correctly rounded by glibc).
func cFormat(_ x: Double, _ format: String) -> String {
    var buffer = [CChar](repeating: 0, count: 512)
    let written = withVaList([x]) { args in
        buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, 512, format, args) }
    }
    guard written > 0 else { return "" }
    return String(decoding: buffer.prefix(Int(min(written, 511))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
