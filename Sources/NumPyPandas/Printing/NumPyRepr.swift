// numpy 2.x repr of arrays, dtypes and scalars with default print options (linewidth 75, precision 8,
// threshold 1000, edgeitems 3): the layout of `_formatArray` and the element formatters of arrayprint.
import Pickle

private let lineWidth = 75
let summaryThreshold = 1000
private let edgeItems = 3

/// `repr(ndarray)`.
func ndarrayRepr(_ a: NDArray) -> String {
    let prefix = "array("
    let summarize = a.count > summaryThreshold
    var body: String
    if a.count == 0 {
        body = "[]"
    } else {
        let shown = displayedAxisIndices(a.shape, summarize: summarize)
        let formatter = ElementFormatter(a, flatIndices: flatIndices(shape: a.shape, axisIndices: shown))
        body = formatArray(a, formatter: formatter, shown: shown, summarize: summarize,
                           lineWidth: lineWidth - 1, nextLinePrefix: String(repeating: " ", count: prefix.count + 1))
    }
    var extras: [String] = []
    if (a.count == 0 && a.shape != [0]) || a.count > summaryThreshold {
        extras.append("shape=" + shapeRepr(a.shape))
    }
    let nonNative = a.dtype.byteOrder == ">" && !a.loadsInNativeOrder
    if nonNative || !dtypeIsImplied(a.dtype) || a.count == 0 {
        extras.append("dtype=" + (nonNative ? "'" + a.dtype.str + "'" : dtypeShortRepr(a.dtype)))
    }
    if extras.isEmpty { return prefix + body + ")" }
    let arrayText = prefix + body + ","
    let extraText = extras.joined(separator: ", ") + ")"
    let lastLineLength = arrayText.count - (arrayText.lastIndex(of: "\n").map { arrayText.distance(from: arrayText.startIndex, to: $0) + 1 } ?? 0)
    let spacer = lastLineLength + extraText.count + 1 > lineWidth ? "\n" + String(repeating: " ", count: prefix.count) : " "
    return arrayText + spacer + extraText
}

private func shapeRepr(_ shape: [Int]) -> String {
    "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
}

/// Default-printed dtypes: int64, float64, complex128, bool (numpy unpickles arrays in native byte order).
private func dtypeIsImplied(_ d: NDDType) -> Bool {
    guard d.fieldNames == nil else { return false }
    switch (d.kind, d.itemSize) {
    case ("i", 8), ("f", 8), ("c", 16), ("b", 1): return true
    default: return false
    }
}

/// `dtype=` text in an array repr: `int32`, `'<U2'`, `'|S2'`, `'datetime64[D]'`, `object`.
private func dtypeShortRepr(_ d: NDDType) -> String {
    switch d.kind {
    case "S", "V": return "'" + d.str + "'"
    case "U": return "'<U\(d.itemSize / 4)'"
    default:
        let name = d.name
        return name.allSatisfy({ $0.isLetter || $0.isNumber }) ? name : "'" + name + "'"
    }
}

/// The argument of `dtype(...)`'s repr: `'float64'`, `'>i4'`, `'<U5'`, `'S3'`, `'<M8[ns]'`, `'O'`.
func dtypeReprArgument(_ d: NDDType) -> String {
    switch d.kind {
    case "b": return "'bool'"
    case "O": return "'O'"
    case "S": return "'S\(d.itemSize)'"
    case "V": return "'V\(d.itemSize)'"
    case "U": return "'\(d.byteOrder == "|" ? "<" : d.byteOrder)U\(d.itemSize / 4)'"
    case "M", "m": return "'\(d.byteOrder)\(d.kind)8\(d.unitSuffix)'"
    default:
        if d.byteOrder == ">" { return "'>\(d.kind)\(d.itemSize)'" }
        return "'" + d.name + "'"
    }
}

/// numpy 2 scalar repr: `np.float64(1.5)`, `np.int32(7)`, `np.True_`, `np.str_('a')`.
func numpyScalarRepr(_ s: NDScalar) -> String {
    let value = s.value
    switch (s.dtype.kind, value) {
    case ("b", .bool(let b)): return b ? "np.True_" : "np.False_"
    case ("f", .float(let x)):
        return "np.\(s.dtype.name)(\(scalarFloatText(x, width: s.dtype.itemSize)))"
    case ("c", .complex(let re, let im)):
        var text = pythonComplexRepr(real: re, imag: im)
        if text.hasPrefix("("), text.hasSuffix(")") { text = String(text.dropFirst().dropLast()) }
        return "np.\(s.dtype.name)(\(text))"
    case ("U", _): return "np.str_(\(pythonRepr(value)))"
    case ("S", _): return "np.bytes_(\(pythonRepr(value)))"
    case ("M", _), ("m", _):
        guard case .raw(let bytes) = s.storage else { return pythonRepr(value) }
        let raw = loadSigned(bytes, offset: 0, width: 8, littleEndian: s.dtype.isLittleEndian)
        let text = s.dtype.kind == "M" ? datetime64Text(raw, s.dtype) : (raw == notATime ? "NaT" : String(raw))
        let unit = s.dtype.unit.map { $0 == "generic" ? "" : ",'\($0)'" } ?? ""
        if s.dtype.kind == "M" && raw == notATime { return "np.datetime64('NaT'\(unit))" }
        return s.dtype.kind == "M" ? "np.datetime64('\(text)')" : "np.timedelta64(\(raw == notATime ? "'NaT'" : text)\(unit))"
    case ("O", _): return pythonRepr(value)
    default: return "np.\(s.dtype.name)(\(pythonRepr(value)))"
    }
}

func scalarFloatText(_ x: Double, width: Int) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == 0 { return x.sign == .minus ? "-0.0" : "0.0" }
    let d = shortestDigits(x, width: width)
    // numpy writes a float16 from 1e3 and a float32 from 1e6 in scientific notation (a float64 from
    // 1e16, as Python does), and all of them below 1e-4.
    guard width == 2 || width == 4, d.pointPosition > (width == 2 ? 3 : 6) || x.magnitude < 1e-4 else {
        return formatShortest(d, addDotZero: true)
    }
    let digits = String(decoding: d.digits, as: UTF8.self)
    let exponent = d.pointPosition - 1, exponentText = String(exponent.magnitude)
    return (d.negative ? "-" : "") + digits.prefix(1) + (digits.count > 1 ? "." + digits.dropFirst() : "")
        + "e" + (exponent < 0 ? "-" : "+") + (exponentText.count < 2 ? "0" : "") + exponentText
}

/// Shortest round-trip digits for the element width (a float32 0.1 prints as 0.1).
func shortestDigits(_ x: Double, width: Int) -> ShortestDigits {
    switch width {
    case 2:
        var d = shortestDigits(Double(Float16(x).description) ?? x)
        d.negative = x.sign == .minus
        return d
    case 4:
        var d = shortestDigits(Double(Float(x).description) ?? x)
        d.negative = x.sign == .minus
        return d
    default: return shortestDigits(x)
    }
}

// MARK: layout

/// For each axis, the indices shown (first and last `edgeItems` when summarising).
func displayedAxisIndices(_ shape: [Int], summarize: Bool) -> [[Int]] {
    shape.map { n in
        summarize && n > 2 * edgeItems ? Array(0..<edgeItems) + Array((n - edgeItems)..<n) : Array(0..<n)
    }
}

func flatIndices(shape: [Int], axisIndices: [[Int]]) -> [Int] {
    var result = [0]
    for (axis, indices) in axisIndices.enumerated() {
        var next: [Int] = []
        next.reserveCapacity(result.count * indices.count)
        for base in result { for i in indices { next.append(base * shape[axis] + i) } }
        result = next
    }
    return result
}

/// `_formatArray` of numpy's arrayprint (legacy=False).
func formatArray(_ a: NDArray, formatter: ElementFormatter, shown: [[Int]], summarize: Bool,
                 lineWidth: Int, nextLinePrefix: String, separator: String = ", ") -> String {
    func recurse(_ index: [Int], _ hangingIndent: String, _ currentWidth: Int) -> String {
        let axis = index.count
        if axis == a.shape.count {
            var flat = 0
            for (k, i) in index.enumerated() { flat = flat * a.shape[k] + i }
            return formatter.format(flat)
        }
        let axesLeft = a.shape.count - axis
        let nextHangingIndent = hangingIndent + " "
        let nextWidth = currentWidth - 1
        let length = a.shape[axis]
        let showSummary = summarize && 2 * edgeItems < length
        let leading = showSummary ? edgeItems : 0
        let trailing = showSummary ? edgeItems : length
        var s = ""
        if axesLeft == 1 {
            let elementWidth = currentWidth - 1
            var line = hangingIndent
            for i in 0..<leading {
                let word = recurse(index + [i], nextHangingIndent, nextWidth)
                extendLine(&s, &line, word, elementWidth, hangingIndent)
                line += separator
            }
            if showSummary {
                extendLine(&s, &line, "...", elementWidth, hangingIndent)
                line += separator
            }
            if trailing > 1 {
                for i in stride(from: trailing, to: 1, by: -1) {
                    let word = recurse(index + [length - i], nextHangingIndent, nextWidth)
                    extendLine(&s, &line, word, elementWidth, hangingIndent)
                    line += separator
                }
            }
            let word = recurse(index + [length - 1], nextHangingIndent, nextWidth)
            extendLine(&s, &line, word, elementWidth, hangingIndent)
            s += line
        } else {
            let lineSeparator = separator.trimmingTrailingSpaces() + String(repeating: "\n", count: axesLeft - 1)
            for i in 0..<leading {
                s += hangingIndent + recurse(index + [i], nextHangingIndent, nextWidth) + lineSeparator
            }
            if showSummary { s += hangingIndent + "..." + lineSeparator }
            if trailing > 1 {
                for i in stride(from: trailing, to: 1, by: -1) {
                    s += hangingIndent + recurse(index + [length - i], nextHangingIndent, nextWidth) + lineSeparator
                }
            }
            s += hangingIndent + recurse(index + [length - 1], nextHangingIndent, nextWidth)
        }
        return "[" + s.dropFirst(hangingIndent.count) + "]"
    }
    return recurse([], nextLinePrefix, lineWidth)
}

private func extendLine(_ s: inout String, _ line: inout String, _ word: String, _ width: Int, _ nextLinePrefix: String) {
    var needsWrap = line.count + word.count > width
    if line.count <= nextLinePrefix.count { needsWrap = false }
    if needsWrap {
        s += line.trimmingTrailingSpaces() + "\n"
        line = nextLinePrefix
    }
    line += word
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}

// MARK: element formatters

/// Formats elements of one array with widths computed over the displayed elements, like numpy.
struct ElementFormatter {
    let array: NDArray
    private var integerWidth = 0
    private var real: FloatFormat?
    private var imag: FloatFormat?
    private var timedeltaWidth = 0

    init(_ a: NDArray, flatIndices: [Int]) {
        array = a
        let kind = a.dtype.kind
        switch kind {
        case "i", "u":
            for i in flatIndices {
                integerWidth = max(integerWidth, pythonRepr(a.element(at: i) ?? PickleValue.none).count)
            }
        case "f":
            real = FloatFormat(flatIndices.map { a.floatElement($0).real }, width: a.dtype.itemSize, sign: false)
        case "c":
            let values = flatIndices.map { a.floatElement($0) }
            real = FloatFormat(values.map(\.real), width: a.dtype.itemSize / 2, sign: false)
            imag = FloatFormat(values.map(\.imag), width: a.dtype.itemSize / 2, sign: true)
        case "m":
            for i in flatIndices { timedeltaWidth = max(timedeltaWidth, (a.rawInt64(at: i).map(timedeltaText) ?? "").count) }
        case "M":
            // numpy's _TimelikeFormat: everything right-justified to the widest value, 'NaT' (5) included.
            for i in flatIndices {
                let raw = a.rawInt64(at: i)
                timedeltaWidth = max(timedeltaWidth, raw == notATime ? 5 : (raw.map { datetime64Text($0, a.dtype) } ?? "").count + 2)
            }
        default: break
        }
    }

    func format(_ flat: Int) -> String {
        switch array.dtype.kind {
        case "b":
            // numpy pads True to the width of False, except in a 0-d array.
            if case .bool(let b)? = array.element(at: flat) { return b ? (array.shape.isEmpty ? "True" : " True") : "False" }
            return "?"
        case "i", "u":
            let text = pythonRepr(array.element(at: flat) ?? PickleValue.none)
            return String(repeating: " ", count: max(0, integerWidth - text.count)) + text
        case "f":
            return real?.format(array.floatElement(flat).real) ?? ""
        case "c":
            let value = array.floatElement(flat)
            let r = real?.format(value.real) ?? ""
            var i = imag?.format(value.imag) ?? ""
            let trimmed = i.trimmingTrailingSpaces()
            i = trimmed + "j" + String(repeating: " ", count: i.count - trimmed.count)
            return r + i
        case "M":
            let text = "'" + (array.rawInt64(at: flat).map { datetime64Text($0, array.dtype) } ?? "?") + "'"
            return String(repeating: " ", count: max(0, timedeltaWidth - text.count)) + text
        case "m":
            let text = array.rawInt64(at: flat).map(timedeltaText) ?? "?"
            return String(repeating: " ", count: max(0, timedeltaWidth - text.count)) + text
        default:
            let value = array.element(at: flat) ?? PickleValue.none
            if case .list = value { return "list(" + pythonRepr(value) + ")" }
            return pythonRepr(value)
        }
    }
}

private func timedeltaText(_ raw: Int64) -> String { raw == notATime ? "'NaT'" : String(raw) }

extension NDArray {
    fileprivate func floatElement(_ flat: Int) -> (real: Double, imag: Double) {
        switch element(at: flat) {
        case .float(let x)?: return (x, 0)
        case .complex(let re, let im)?: return (re, im)
        default: return (.nan, 0)
        }
    }

    fileprivate func rawInt64(at flat: Int) -> Int64? {
        guard case .raw(let bytes) = storage, dtype.itemSize == 8 else { return nil }
        return loadSigned(bytes, offset: memoryIndex(ofFlat: flat) * 8, width: 8, littleEndian: dtype.isLittleEndian)
    }
}

/// `numpy.datetime_as_string` for one value in its own unit.
func datetime64Text(_ raw: Int64, _ dtype: NDDType) -> String {
    if raw == notATime { return "NaT" }
    let unit = dtype.unit ?? "generic"
    let n = raw.multipliedReportingOverflow(by: Int64(dtype.unitCount))
    guard !n.overflow else { return String(raw) }
    let value = Int(n.partialValue)
    func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
    func yearText(_ y: Int) -> String {
        let digits = String(abs(y))
        return (y < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
    // Beyond any representable calendar date: show the raw count rather than overflow.
    guard value > -(1 << 52), value < 1 << 52 || !["Y", "M", "W", "D"].contains(unit) else { return String(raw) }
    switch unit {
    case "Y": return yearText(1970 + value)
    case "M":
        let (y, m) = floorDivMod(value, 12)
        return yearText(1970 + y) + "-" + two(m + 1)
    default: break
    }
    let perDay: [String: Int] = ["W": 1, "D": 1, "h": 24, "m": 1440, "s": 86_400, "ms": 86_400_000,
                                 "us": 86_400_000_000, "ns": 86_400_000_000_000]
    guard let unitsPerDay = perDay[unit] else { return String(raw) }
    let days: Int, rem: Int
    if unit == "W" {
        let (product, overflow) = value.multipliedReportingOverflow(by: 7)
        guard !overflow else { return String(raw) }
        (days, rem) = (product, 0)
    } else {
        (days, rem) = floorDivMod(value, unitsPerDay)
    }
    let date = civilDate(daysSinceEpoch: days)
    var text = yearText(date.year) + "-" + two(date.month) + "-" + two(date.day)
    if unit == "D" || unit == "W" { return text }
    let secondsPerUnit: [String: Int] = ["h": 3600, "m": 60]
    if let spu = secondsPerUnit[unit] {
        let seconds = rem * spu
        text += "T" + two(seconds / 3600)
        if unit == "m" { text += ":" + two(seconds / 60 % 60) }
        return text
    }
    let fractionDigits = ["s": 0, "ms": 3, "us": 6, "ns": 9][unit] ?? 0
    var scale = 1
    for _ in 0..<fractionDigits { scale *= 10 }
    let seconds = rem / scale, fraction = rem % scale
    text += "T" + two(seconds / 3600) + ":" + two(seconds / 60 % 60) + ":" + two(seconds % 60)
    if fractionDigits > 0 {
        let f = String(fraction)
        text += "." + String(repeating: "0", count: fractionDigits - f.count) + f
    }
    return text
}

extension NDArray: ReconstructedValue {
    public var pythonTypeName: String { "ndarray" }
    public func pythonRepr() -> String { ndarrayRepr(self) }
}

extension NDDType: ReconstructedValue {
    public var pythonTypeName: String { "dtype" }
    public func pythonRepr() -> String { "dtype(" + dtypeReprArgument(self) + ")" }
}

extension NDScalar: ReconstructedValue {
    public var pythonTypeName: String { dtype.name }
    public func pythonRepr() -> String { numpyScalarRepr(self) }
}
