// Decoding of the arguments of protocol-0 text opcodes and of pickled string payloads.
import BigInt

/// Python refuses int<->str conversions above this many digits (sys.int_info.default_max_str_digits);
/// the same bound keeps a hostile text integer from costing quadratic time.
let maxIntegerDigits = 4300

/// Two's complement little-endian bytes (LONG1/LONG4) to an int.
func decodeLong(_ bytes: ArraySlice<UInt8>) -> PickleValue {
    if bytes.isEmpty { return .int(0) }
    if bytes.count <= 8 {
        var value: UInt64 = 0
        for (i, b) in bytes.enumerated() { value |= UInt64(b) << (8 * UInt64(i)) }
        let bits = 8 * bytes.count
        if bits < 64, let last = bytes.last, last & 0x80 != 0 {
            value |= ~UInt64(0) << UInt64(bits)  // sign-extend
        }
        return .int(Int(Int64(bitPattern: value)))
    }
    var words: [UInt] = []
    words.reserveCapacity(bytes.count / 8 + 1)
    var word: UInt = 0, shift: UInt = 0
    for b in bytes {
        word |= UInt(b) << shift
        shift += 8
        if shift == 64 { words.append(word); word = 0; shift = 0 }
    }
    if shift > 0 { words.append(word) }
    var value = BigInt(BigUInt(words: words))
    if let last = bytes.last, last & 0x80 != 0 { value -= BigInt(1) << (8 * bytes.count) }
    return normalizedInt(value)
}

func normalizedInt(_ value: BigInt) -> PickleValue {
    if let small = Int(exactly: value) { return .int(small) }
    return .bigInt(value)
}

/// The text of an INT/LONG argument (`-12`, `12L`, `+3`) as an int; nil when it is not one.
func parseIntText(_ text: ArraySlice<UInt8>) -> PickleValue? {
    var s = String(decoding: text, as: UTF8.self)
    while let c = s.last, c == " " || c == "\t" || c == "\r" { s.removeLast() }
    while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
    if s.hasSuffix("L") { s.removeLast() }
    var digits = Substring(s)
    var negative = false
    if let c = digits.first, c == "+" || c == "-" { negative = c == "-"; digits = digits.dropFirst() }
    let cleaned = digits.filter { $0 != "_" }
    guard !cleaned.isEmpty, cleaned.count <= maxIntegerDigits, cleaned.allSatisfy({ $0.isASCII && $0.isNumber }) else {
        return nil
    }
    if let small = Int(cleaned) { return .int(negative ? -small : small) }
    guard let big = BigInt(cleaned) else { return nil }
    return normalizedInt(negative ? -big : big)
}

/// The text of a FLOAT argument, as Python's `float()` reads it.
func parseFloatText(_ text: ArraySlice<UInt8>) -> Double? {
    var s = String(decoding: text, as: UTF8.self)
    while let c = s.last, c == " " || c == "\r" || c == "\t" { s.removeLast() }
    while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
    guard !s.isEmpty, s.count < 1000 else { return nil }
    switch s.lowercased() {
    case "inf", "+inf", "infinity", "+infinity": return .infinity
    case "-inf", "-infinity": return -.infinity
    case "nan", "+nan": return .nan
    case "-nan": return -.nan
    default: break
    }
    guard s.allSatisfy({ "0123456789.eE+-_".contains($0) }) else { return nil }
    return Double(s.filter { $0 != "_" })
}

/// UTF-8 with Python's `surrogatepass`: encoded surrogates are accepted. A Swift String cannot hold a
/// lone surrogate, so a high+low pair becomes its code point and a lone one becomes U+FFFD.
func decodeUTF8SurrogatePass(_ bytes: ArraySlice<UInt8>) -> String? {
    if let s = String(validating: bytes, as: UTF8.self) { return s }
    var scalars = String.UnicodeScalarView()
    var i = bytes.startIndex
    var pendingHigh: UInt32?
    func flushHigh() { if pendingHigh != nil { scalars.append("\u{FFFD}"); pendingHigh = nil } }
    while i < bytes.endIndex {
        let b0 = bytes[i]
        var cp: UInt32, len: Int
        switch b0 {
        case 0x00...0x7F: cp = UInt32(b0); len = 1
        case 0xC2...0xDF: cp = UInt32(b0 & 0x1F); len = 2
        case 0xE0...0xEF: cp = UInt32(b0 & 0x0F); len = 3
        case 0xF0...0xF4: cp = UInt32(b0 & 0x07); len = 4
        default: return nil
        }
        guard bytes.endIndex - i >= len else { return nil }
        for k in 1..<len {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            cp = cp << 6 | UInt32(b & 0x3F)
        }
        // Reject overlong forms and out-of-range values (surrogates are allowed: surrogatepass).
        let minimum: UInt32 = len == 2 ? 0x80 : len == 3 ? 0x800 : len == 4 ? 0x10000 : 0
        guard cp >= minimum, cp <= 0x10FFFF else { return nil }
        i += len
        if (0xD800...0xDBFF).contains(cp) {
            flushHigh(); pendingHigh = cp
        } else if (0xDC00...0xDFFF).contains(cp) {
            if let high = pendingHigh {
                let combined = 0x10000 + ((high - 0xD800) << 10) + (cp - 0xDC00)
                if let scalar = Unicode.Scalar(combined) { scalars.append(scalar) }
                pendingHigh = nil
            } else {
                scalars.append("\u{FFFD}")
            }
        } else {
            flushHigh()
            if let scalar = Unicode.Scalar(cp) { scalars.append(scalar) }
        }
    }
    flushHigh()
    return String(scalars)
}

/// Latin-1: each byte is the code point.
func decodeLatin1(_ bytes: ArraySlice<UInt8>) -> String {
    var scalars = String.UnicodeScalarView()
    for b in bytes { scalars.append(Unicode.Scalar(b)) }
    return String(scalars)
}

/// `raw-unicode-escape` (UNICODE opcode): `\uXXXX` and `\UXXXXXXXX` escapes, every other byte is latin-1.
func decodeRawUnicodeEscape(_ bytes: ArraySlice<UInt8>) -> String? {
    var scalars = String.UnicodeScalarView()
    var i = bytes.startIndex
    var pendingHigh: UInt32?
    func emit(_ cp: UInt32) {
        if (0xDC00...0xDFFF).contains(cp), let high = pendingHigh {
            pendingHigh = nil
            if let s = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (cp - 0xDC00)) { scalars.append(s) }
            return
        }
        if pendingHigh != nil { scalars.append("\u{FFFD}"); pendingHigh = nil }
        if (0xD800...0xDBFF).contains(cp) { pendingHigh = cp; return }
        scalars.append(Unicode.Scalar(cp) ?? "\u{FFFD}")
    }
    while i < bytes.endIndex {
        let b = bytes[i]
        if b == UInt8(ascii: "\\"), i + 1 < bytes.endIndex,
           bytes[i + 1] == UInt8(ascii: "u") || bytes[i + 1] == UInt8(ascii: "U") {
            // An odd number of backslashes before u makes an escape; raw-unicode-escape has no other escapes.
            var run = 0, j = i
            while j > bytes.startIndex, bytes[j - 1] == UInt8(ascii: "\\") { run += 1; j -= 1 }
            if run % 2 == 0 {
                let width = bytes[i + 1] == UInt8(ascii: "u") ? 4 : 8
                guard bytes.endIndex - (i + 2) >= width,
                      let cp = UInt32(String(decoding: bytes[(i + 2)..<(i + 2 + width)], as: UTF8.self), radix: 16),
                      cp <= 0x10FFFF else { return nil }
                emit(cp)
                i += 2 + width
                continue
            }
        }
        emit(UInt32(b))
        i += 1
    }
    if pendingHigh != nil { scalars.append("\u{FFFD}") }
    return String(scalars)
}

/// The argument of a protocol-0 STRING: a Python 2 `repr` of a byte string, quoted with ' or ",
/// unescaped like `codecs.escape_decode`.
func decodeQuotedString(_ line: ArraySlice<UInt8>) -> [UInt8]? {
    guard line.count >= 2, let first = line.first, let last = line.last, first == last,
          first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") else { return nil }
    let body = line.dropFirst().dropLast()
    var out: [UInt8] = []
    out.reserveCapacity(body.count)
    var i = body.startIndex
    func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }
    while i < body.endIndex {
        let c = body[i]
        i += 1
        guard c == UInt8(ascii: "\\") else { out.append(c); continue }
        guard i < body.endIndex else { return nil }  // trailing backslash
        let e = body[i]
        i += 1
        switch e {
        case UInt8(ascii: "\n"): break
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "'"): out.append(0x27)
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "a"): out.append(7)
        case UInt8(ascii: "b"): out.append(8)
        case UInt8(ascii: "f"): out.append(12)
        case UInt8(ascii: "n"): out.append(10)
        case UInt8(ascii: "r"): out.append(13)
        case UInt8(ascii: "t"): out.append(9)
        case UInt8(ascii: "v"): out.append(11)
        case UInt8(ascii: "x"):
            guard i + 1 < body.endIndex, let h = hexValue(body[i]), let l = hexValue(body[i + 1]) else { return nil }
            out.append(h << 4 | l)
            i += 2
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = Int(e - 0x30)
            var n = 1
            while n < 3, i < body.endIndex, (0x30...0x37).contains(body[i]) {
                value = value * 8 + Int(body[i] - 0x30); i += 1; n += 1
            }
            out.append(UInt8(truncatingIfNeeded: value))
        default:
            out.append(0x5C); out.append(e)
        }
    }
    return out
}
