// A MultiIndex as pandas prints it: the row labels of a Series or frame (each level formatted on its
// own, repeated outer labels blanked by `sparsify_labels`, the levels' names as a header line), and
// `repr(multi_index)` (one tuple a line, each part right-justified to its level's width).
import Pickle

/// pandas' `Index._format_flat(include_name=False)` of the `rows` of an index (or MultiIndex level, or
/// the column labels): numbers formatted together like a column's cells and left-justified (`[0, 97]`
/// is `0 `, `97`), then the leading space they all have trimmed (`trim_front`); dates as a datetime
/// column shows them; strings and other objects as `str()` shows them.
func indexLabelTexts(_ index: PandasIndex, _ rows: [Int]) -> [String] {
    var cells: [String]
    switch index.values {
    case .range:
        cells = rows.map { row in
            guard case .int(let n) = indexLabel(index, row) else { return plainText(indexLabel(index, row)) }
            return n < 0 ? String(n) : " " + String(n)
        }
    case .values(.reconstructed(let a as NDArray)) where a.dtype.kind == "M":
        return pandasDateTimeCells(a, rows: rows)
    case .values(.reconstructed(let a as NDArray)) where "biuf".contains(a.dtype.kind):
        cells = formatCells(.ndarray(a), rows: rows).map { $0 == "NaN" ? " NaN" : $0 }
    default:
        return rows.map { escapedText(indexLabel(index, $0)) }
    }
    let width = cells.map(\.count).max() ?? 0
    cells = cells.map { leftJustify($0, width) }
    while !cells.isEmpty, cells.allSatisfy({ $0.hasPrefix(" ") }) { cells = cells.map { String($0.dropFirst()) } }
    return cells
}

/// pandas' `sparsify_labels`: in each row after `start`, the parts equal to the row above (from the
/// outermost level in, the last level always kept) are blanked.
private func sparsified(_ levels: [[String]], start: Int) -> [[String]] {
    guard let height = levels.first?.count, height > start else { return levels }
    var result = levels
    for row in (start + 1)..<height {
        for k in 0..<(levels.count - 1) {
            guard levels[k][row] == levels[k][row - 1] else { break }
            result[k][row] = ""
        }
    }
    return result
}

/// A MultiIndex's formatted levels for the shown `rows`, each headed by its name when `names`
/// (pandas' `MultiIndex._format_multi` with display.multi_sparse on).
private func formattedLevels(_ levels: [PandasIndex], _ rows: [Int], names: Bool) -> [[String]] {
    let texts = levels.map { level -> [String] in
        let header: [String] = names ? [{ if case .none = level.name { return "" }; return escapedText(level.name) }()] : []
        return header + indexLabelTexts(level, rows)
    }
    return sparsified(texts, start: names ? 1 : 0)
}

/// Whether any level of a MultiIndex has a name (pandas then shows the names line).
func hasLevelNames(_ levels: [PandasIndex]) -> Bool {
    levels.contains { if case .none = $0.name { return false }; return true }
}

/// A Series' row labels: the names line, then one line per shown row (levels 2 spaces apart).
func multiIndexSeriesLines(_ levels: [PandasIndex], _ rows: [Int]) -> [String] {
    adjoin(2, formattedLevels(levels, rows, names: true)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

/// A frame's row labels: the names line when `names`, then one line per shown row (each level
/// justified to its width, 1 space apart).
func multiIndexFrameLines(_ levels: [PandasIndex], _ rows: [Int], names: Bool) -> [String] {
    let columns = formattedLevels(levels, rows, names: names).map { fixedWidth($0, header: "", left: true) }
    return adjoin(1, columns).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}

/// `repr(multi_index)`: pandas' `format_object_summary` with a line break after each value.
func multiIndexRepr(_ index: PandasIndex, _ levels: [PandasIndex]) -> String {
    let name = "MultiIndex"
    let width = PandasDisplay.width
    let space1 = "\n" + String(repeating: " ", count: name.count + 1)
    let space2 = "\n" + String(repeating: " ", count: name.count + 2)
    let separator = ",\n " + String(repeating: " ", count: name.count)
    let count = indexCount(index)
    let isTruncated = count > PandasDisplay.maxSequenceItems
    var data: String
    if count == 0 {
        data = "[], "
    } else {
        let edge = min(PandasDisplay.maxSequenceItems / 2, 10)
        let headRows = isTruncated ? Array(0..<edge) : []
        let tailRows = isTruncated ? Array((count - edge)..<count) : Array(0..<count)
        // Each part as its level's formatter gives it, right-justified to the widest of its level.
        func parts(_ row: Int) -> [String] { levels.map { quotedLabel(indexLabel($0, row)) } }
        var head = headRows.map(parts), tail = tailRows.map(parts)
        let widths = (0..<levels.count).map { k in (head + tail).map { $0[k].count }.max() ?? 0 }
        head = head.map { zip($0, widths).map { rightJustify($0, $1) } }
        tail = tail.map { zip($0, widths).map { rightJustify($0, $1) } }
        // As many parts as fit the line (the rest shown as `...`).
        func tupleText(_ parts: [String], _ limit: Int) -> String {
            let shown = parts.prefix(limit).joined(separator: ", ")
            return "(" + shown + (limit < parts.count ? ", ..." : parts.count == 1 ? "," : "") + ")"
        }
        let maxSpace = width - space2.count
        let first = tail[0]
        let limit = (1...max(first.count, 1)).reversed().first { tupleText(first, $0).count < maxSpace } ?? 1
        let headTexts = head.map { tupleText($0, limit) }, tailTexts = tail.map { tupleText($0, limit) }
        let summary = wrappedValues(head: headTexts, tail: tailTexts, separator: separator + " ", isTruncated: isTruncated, lineStart: space2)
            + "]," + space1
        data = "[" + summary.dropFirst(space2.count)
    }
    var attributes: [String] = []
    if hasLevelNames(levels) { attributes.append("names=[" + levels.map { quotedLabel($0.name) }.joined(separator: ", ") + "]") }
    if isTruncated { attributes.append("length=\(count)") }
    return name + "(" + data + attributes.joined(separator: ", ") + ")"
}
