// `print(series)` as pandas prints it with its default options (display.precision 6, max_rows 60
// shown as min_rows 10: 5 head + 5 tail rows), and the cell formatting frames share
// (PandasFrameRepr.swift lays out frames, PandasSummaryRepr.swift indexes and categoricals).
import Pickle

/// Labels of an index as Python values (a RangeIndex is only materialised for the rows shown).
func indexLabel(_ index: PandasIndex, _ i: Int) -> PickleValue {
    switch index.values {
    case .range(let start, _, let step): return .int(start &+ i &* step)  // i < len: no real overflow
    case .values(let v):
        if let a = v.ndarray { return a.element(at: i) ?? PickleValue.none }
        if let items = sequenceItems(v), i < items.count { return items[i] }
        return PickleValue.none
    }
}

func indexCount(_ index: PandasIndex) -> Int {
    switch index.values {
    case .range(let start, let stop, let step): return rangeLength(start: start, stop: stop, step: step)
    case .values(let v):
        if let a = v.ndarray { return a.count }
        return sequenceItems(v)?.count ?? 0
    }
}

/// `str()` of a label or cell, as pandas' `pprint_thing` shows it.
func plainText(_ v: PickleValue) -> String {
    switch v {
    case .string(let s): return s
    case .none: return "None"
    case .float(let d) where d.isNaN: return "NaN"
    case .dateTime(let dt):
        var s = "\(four(dt.year))-\(two(dt.month))-\(two(dt.day)) \(two(dt.hour)):\(two(dt.minute)):\(two(dt.second))"
        if dt.microsecond != 0 { s += "." + six(dt.microsecond) }
        return s
    case .date(let d): return "\(four(d.year))-\(two(d.month))-\(two(d.day))"
    case .time(let t) where t.tzinfo == nil:
        return "\(two(t.hour)):\(two(t.minute)):\(two(t.second))" + (t.microsecond != 0 ? "." + six(t.microsecond) : "")
    case .reconstructed(let t as PandasTimestamp): return t.text
    case .reconstructed(let t as PandasTimedelta): return t.text
    case .reconstructed(let d as NDDType): return d.strText
    case .reconstructed(let d as PandasExtensionDType): return d.name
    case .tuple(let t):  // a MultiIndex label: its parts as str() shows them
        return "(" + t.items.map(plainText).joined(separator: ", ") + (t.count == 1 ? ",)" : ")")
    case .reconstructed(let scalar as NDScalar):
        if case .float(let d) = scalar.value, d.isNaN { return "NaN" }
        return numpyScalarStr(scalar)
    default: return pythonRepr(v)
    }
}

/// `pprint_thing(v, escape_chars=("\t", "\r", "\n"))`: how pandas shows a cell, label or name.
func escapedText(_ v: PickleValue) -> String {
    plainText(v).replacing("\t", with: "\\t").replacing("\r", with: "\\r").replacing("\n", with: "\\n")
}

private func two(_ v: Int) -> String { v < 10 ? "0\(v)" : String(v) }
private func four(_ v: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, 4 - s.count)) + s }
private func six(_ v: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, 6 - s.count)) + s }

/// Rows shown: all, or the first and last `min_rows / 2` when there are more than `max_rows`.
func shownRows(_ count: Int) -> (rows: [Int], truncatedAfter: Int?) {
    if count <= PandasDisplay.maxRows { return (Array(0..<count), nil) }
    let edge = PandasDisplay.minRows / 2
    return (Array(0..<edge) + Array((count - edge)..<count), edge)
}

/// pandas' `format_array` for one column (with the leading space pandas reserves for a sign).
func formatCells(_ values: PickleValue, rows: [Int]) -> [String] {
    guard let a = values.ndarray else {
        let items = sequenceItems(values) ?? []
        return rows.map { " " + ($0 < items.count ? escapedText(items[$0]) : "?") }
    }
    switch a.dtype.kind {
    case "f":
        return pandasFloatCells(rows.map { i -> Double in
            if case .float(let d)? = a.element(at: i) { return d }
            return .nan
        })
    case "M":
        return pandasDateTimeCells(a, rows: rows)
    case "i":
        // `{: d}`: the sign takes the reserved space.
        return rows.map { i in
            let v = a.element(at: i) ?? PickleValue.none
            if case .int(let n) = v, n < 0 { return plainText(v) }
            return " " + plainText(v)
        }
    case "O":
        // GenericArrayFormatter: floats (not NaN) as `{x: .6f}` with their own zeros trimmed, the rest as str.
        return rows.map { i in
            let v = a.element(at: i) ?? PickleValue.none
            var x: Double?
            if case .float(let d) = v { x = d }
            if case .reconstructed(let s as NDScalar) = v, s.dtype.kind == "f", case .float(let d) = s.value { x = d }
            guard let x, !x.isNaN else { return " " + escapedText(v) }
            var text = cFormat(x, "% .6f").replacingInf()
            while text.hasSuffix("0") { text.removeLast() }
            return text.hasSuffix(".") ? text + "0" : text
        }
    default:
        return rows.map { " " + escapedText(a.element(at: $0) ?? PickleValue.none) }
    }
}

/// FloatArrayFormatter: `{: .6f}`, trailing zeros trimmed equally; scientific for tiny or huge values.
func pandasFloatCells(_ values: [Double]) -> [String] {
    func render(_ format: String) -> [String] {
        values.map { $0.isNaN ? "NaN" : cFormat($0, format).replacingInf() }
    }
    var cells = trimFloatZeros(render("% .6f"))
    let tooLong = (cells.map(\.count).max() ?? 0) > 12
    let finite = values.filter { $0.isFinite }.map { abs($0) }
    let hasLarge = finite.contains { $0 > 1e6 }
    let hasSmall = finite.contains { $0 < 1e-6 && $0 > 0 }
    if hasSmall || (tooLong && hasLarge) { cells = trimFloatZeros(render("% .6e")) }
    return cells
}

extension String {
    fileprivate func replacingInf() -> String {
        if self == " inf" { return " inf" }
        if self == "-inf" { return "-inf" }
        return self
    }
}

private func isNumberWithDecimal(_ s: String) -> Bool {
    var chars = Substring(s)
    while chars.first == " " { chars = chars.dropFirst() }
    if let c = chars.first, c == "+" || c == "-" { chars = chars.dropFirst() }
    guard let dot = chars.firstIndex(of: ".") else { return false }
    let intPart = chars[..<dot], fracPart = chars[chars.index(after: dot)...]
    return !intPart.isEmpty && intPart.allSatisfy(\.isNumber) && fracPart.allSatisfy(\.isNumber)
}

private func trimFloatZeros(_ cells: [String]) -> [String] {
    var trimmed = cells
    while true {
        let numbers = trimmed.filter(isNumberWithDecimal)
        guard !numbers.isEmpty, numbers.allSatisfy({ $0.hasSuffix("0") }) else { break }
        trimmed = trimmed.map { isNumberWithDecimal($0) ? String($0.dropLast()) : $0 }
    }
    return trimmed.map { isNumberWithDecimal($0) && $0.hasSuffix(".") ? $0 + "0" : $0 }
}

func rightJustify(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
func leftJustify(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }

/// pandas' `adjoin`: every column but the last left-justified to its width plus `space`.
func adjoin(_ space: Int, _ columns: [[String]]) -> String {
    let height = columns.map(\.count).max() ?? 0
    var widths = columns.map { ($0.map(\.count).max() ?? 0) + space }
    if !widths.isEmpty { widths[widths.count - 1] -= space }
    var lines: [String] = []
    for row in 0..<height {
        var line = ""
        for (c, column) in columns.enumerated() {
            let offset = height - column.count
            line += leftJustify(row >= offset ? column[row - offset] : "", widths[c])
        }
        lines.append(line)
    }
    return lines.joined(separator: "\n")
}

/// Python's `str.center`.
private func pythonCenter(_ s: String, _ width: Int) -> String {
    let margin = width - s.count
    guard margin > 0 else { return s }
    let left = margin / 2 + (margin & width & 1)
    return String(repeating: " ", count: left) + s + String(repeating: " ", count: margin - left)
}

/// `print(series)`; `whole`: `series.to_string()`, every row and no footer.
func seriesText(_ s: Series, whole: Bool = false) -> String {
    let count = indexCount(s.index)
    let (rows, cut) = whole ? (Array(0..<count), nil) : shownRows(count)
    // A MultiIndex gives its names line too (shown when a level has a name).
    var labels = s.index.levels.map { multiIndexSeriesLines($0, rows) } ?? [plainText(s.index.name)] + indexLabelTexts(s.index, rows)
    let header = labels.removeFirst()
    let hasHeader = s.index.levels.map(hasLevelNames) ?? { if case .none = s.index.name { return false }; return true }()
    let labelWidth = labels.map(\.count).max() ?? 0
    var cells = fixedWidth(formatCells(s.values, rows: rows), header: "", left: false)
    var cellWidth = cells.map(\.count).max() ?? 0
    cells = cells.map { rightJustify($0, cellWidth) }
    if let cut {
        labels.insert("", at: cut)
        cells.insert(pythonCenter(cellWidth > 3 ? "..." : "..", cellWidth), at: cut)
        cellWidth = max(cellWidth, cells[cut].count)
    }
    var footer: [String] = []
    if let frequency = s.index.frequency { footer.append("Freq: " + frequency) }
    if case .none = s.name {} else { footer.append("Name: " + plainText(s.name)) }
    if cut != nil { footer.append("Length: \(count)") }
    footer.append("dtype: " + s.dtypeName)
    var footerText = footer.joined(separator: ", ")
    if let categorical = s.categorical { footerText += "\n" + categoriesFooter(categorical) }
    if count == 0 { return "Series([], " + (whole ? "" : footerText) + ")" }
    var text = ""
    if hasHeader { text = header + "\n" }
    text += adjoin(3, [labels.map { leftJustify($0, labelWidth) }, cells])
    return whole ? text : text + "\n" + footerText
}

/// Datetime64 cells as pandas prints them: dates only when every value is at midnight, else
/// `YYYY-MM-DD HH:MM:SS` with as many fraction digits (0, 3, 6, 9) as the values need; NaT for missing.
func pandasDateTimeCells(_ a: NDArray, rows: [Int]) -> [String] {
    guard case .raw(let bytes) = a.storage, a.dtype.itemSize == 8 else { return rows.map { _ in "?" } }
    let texts: [String?] = rows.map { i in
        let raw = loadSigned(bytes, offset: a.memoryIndex(ofFlat: i) * 8, width: 8, littleEndian: a.dtype.isLittleEndian)
        return raw == notATime ? nil : datetime64Text(raw, a.dtype)
    }
    // numpy's ISO text: YYYY-MM-DD[THH[:MM[:SS[.fff...]]]]
    var parts: [(date: String, time: String, fraction: String)?] = []
    for text in texts {
        guard let text else { parts.append(nil); continue }
        let pieces = text.split(separator: "T", maxSplits: 1).map(String.init)
        var time = pieces.count > 1 ? pieces[1] : ""
        var fraction = ""
        if let dot = time.firstIndex(of: ".") {
            fraction = String(time[time.index(after: dot)...])
            time = String(time[..<dot])
        }
        while time.count < 8 { time += time.count == 2 || time.count == 5 ? ":" : "0" }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        parts.append((pieces[0], time, fraction))
    }
    let datesOnly = parts.allSatisfy { $0 == nil || ($0?.time == "00:00:00" && $0?.fraction == "") }
    let fractionDigits = parts.compactMap { $0?.fraction.count }.max().map { $0 == 0 ? 0 : ($0 <= 3 ? 3 : $0 <= 6 ? 6 : 9) } ?? 0
    return parts.map { part in
        guard let part else { return "NaT" }
        if datesOnly { return part.date }
        var text = part.date + " " + part.time
        if fractionDigits > 0 { text += "." + part.fraction + String(repeating: "0", count: fractionDigits - part.fraction.count) }
        return text
    }
}

/// `len(range(start, stop, step))` without overflow (saturating at Int.max).
func rangeLength(start: Int, stop: Int, step: Int) -> Int {
    guard step != 0 else { return 0 }
    let (span, overflow) = step > 0 ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
    if overflow { return Int.max }
    guard span > 0 else { return 0 }
    let magnitude = step == Int.min ? Int.max : abs(step)
    return span / magnitude + (span % magnitude == 0 ? 0 : 1)
}

extension DataFrame: ReconstructedValue {
    public var pythonTypeName: String { "DataFrame" }
    public func pythonRepr() -> String { dataFrameText(self) }
}

extension Series: ReconstructedValue {
    public var pythonTypeName: String { "Series" }
    public func pythonRepr() -> String { seriesText(self) }
}

extension PandasIndex: ReconstructedValue {
    public var pythonTypeName: String { className }
    public func pythonRepr() -> String { indexRepr(self) }
}
