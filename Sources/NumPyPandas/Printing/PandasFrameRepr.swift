// `print(df)` as pandas lays a frame out in a plain CPython process, where `display.max_columns` is 0:
// the whole frame is rendered (rows cut to 5 + 5 beyond 60), then, when it is wider than the
// terminal, columns are taken out of the middle until it fits and a ` ...` column stands for
// them; a cut frame ends with `[R rows x C columns]`.
import Pickle

/// `print(df)` for a terminal `terminalWidth` columns wide; `whole`: `df.to_string()`, every row and
/// column, cells of any width, no footer.
func dataFrameText(_ df: DataFrame, terminalWidth: Int = PandasDisplay.terminalWidth, whole: Bool = false) -> String {
    let rowCount = indexCount(df.index), columnCount = indexCount(df.columns)
    if rowCount == 0 || columnCount == 0 {
        let columnLabels = (0..<columnCount).map { plainText(indexLabel(df.columns, $0)) }
        let columnsText = "[" + columnLabels.joined(separator: ", ") + "]"
        let indexText = "[" + (0..<rowCount).map { plainText(indexLabel(df.index, $0)) }.joined(separator: ", ") + "]"
        return "Empty DataFrame\nColumns: \(columnsText)\nIndex: \(indexText)"
    }
    // With max_columns 0 pandas cuts columns before rendering only when there are more of them than
    // the terminal has characters: it keeps half that many from each end.
    var shownColumns = Array(0..<columnCount)
    var dotsColumnAfter: Int?
    if columnCount > terminalWidth, !whole {
        let half = max(terminalWidth, 0) / 2
        shownColumns = half >= 1 ? Array(0..<half) + Array((columnCount - half)..<columnCount) : []
        dotsColumnAfter = half
    }
    let (rows, cut) = whole ? (Array(0..<rowCount), nil) : shownRows(rowCount)
    let limit = whole ? nil : PandasDisplay.maxColumnWidth
    let showIndexName = df.index.levels.map(hasLevelNames) ?? { if case .none = df.index.name { return false }; return true }()
    let headerRows = 1 + (showIndexName ? 1 : 0)
    var indexCells: [String], indexNames: [String] = []
    if let levels = df.index.levels {
        // The levels (and their names line) are justified together; the line goes above the rows.
        indexCells = multiIndexFrameLines(levels, rows, names: showIndexName)
        if showIndexName { indexNames = [indexCells.removeFirst()] }
    } else {
        indexCells = fixedWidth(indexLabelTexts(df.index, rows), header: showIndexName ? plainText(df.index.name) : "", left: true, limit: limit)
        if showIndexName { indexNames = [plainText(df.index.name)] }
    }
    // A name of the columns shows where the index's header would be.
    let columnsName: String = { if case .none = df.columns.name { return "" }; return plainText(df.columns.name) }()
    let indexHeader = [columnsName] + indexNames
    let indexWidth = (indexHeader + indexCells).map(\.count).max() ?? 0
    var columns = [(indexHeader + indexCells).map { leftJustify($0, indexWidth) }]
    let labels = indexLabelTexts(df.columns, shownColumns)
    for (c, labelText) in zip(shownColumns, labels) {
        let values = df.columnValues[c]
        // pandas gives the headers of numeric columns (bool included) a leading space, like their cells.
        var isNumeric = false
        if let a = values.ndarray, "biufc".contains(a.dtype.kind) { isNumeric = true }
        let label = (isNumeric ? " " : "") + labelText
        let cells = fixedWidth(formatCells(values, rows: rows), header: label, left: false, limit: limit)
        let width = max(cells.map(\.count).max() ?? 0, label.count)
        columns.append([rightJustify(label, width)] + (showIndexName ? [String(repeating: " ", count: width)] : []) + cells)
    }
    if let dotsColumnAfter { columns.insert(Array(repeating: " ...", count: columns[0].count), at: dotsColumnAfter + 1) }
    if let cut {
        // pandas inserts the dots after sizing: `...` where a column is wider than 3, else `..`.
        for c in columns.indices {
            let isDotsColumn = dotsColumnAfter.map { c == $0 + 1 } ?? false
            let width = isDotsColumn ? 4 : columns[c][headerRows].count
            let dots = width > 3 ? "..." : ".."
            columns[c].insert(c == 0 ? leftJustify(dots, width) : rightJustify(dots, width), at: headerRows + cut)
        }
    }
    if whole { return adjoin(1, columns) }
    let (fitted, keptDataColumns) = fitToTerminal(columns, terminalWidth: terminalWidth)
    let cutHorizontally = keptDataColumns.map { columnCount > $0 } ?? (dotsColumnAfter != nil)
    var text = adjoin(1, fitted)
    if cut != nil || cutHorizontally { text += "\n\n[\(rowCount) rows x \(columnCount) columns]" }
    return text
}

/// pandas' `_make_fixed_width`: cells longer than `display.max_colwidth` (and the header) end in `...`,
/// then all are justified to the widest.
func fixedWidth(_ cells: [String], header: String, left: Bool, limit: Int? = PandasDisplay.maxColumnWidth) -> [String] {
    let widest = max(cells.map(\.count).max() ?? 0, header.count)
    let width = limit.map { min(widest, $0) } ?? widest
    return cells.map { cell in
        let shown = cell.count > width ? String(cell.prefix(width - 3)) + "..." : cell
        return left ? leftJustify(shown, width) : rightJustify(shown, width)
    }
}

/// pandas' `_fit_strcols_to_terminal_width`: the rendered columns (index first) as they fit
/// `terminalWidth`, and how many data columns pandas then counts as fitted (nil when it did not cut).
private func fitToTerminal(_ columns: [[String]], terminalWidth: Int) -> ([[String]], Int?) {
    var widths = columns.map { $0.map(\.count).max() ?? 0 }
    var count = widths.count
    var excess = widths.reduce(0, +) + count - 1 - terminalWidth + 1  // '+ 1': never the full width
    guard excess > 0 else { return (columns, nil) }
    excess += 4 + 1  // room for the ` ...` column and its separator
    while excess > 0, count > 1 {
        // Python's round(): halves go to the even neighbour.
        let middle = count % 2 == 0 ? count / 2 : ((count / 2) % 2 == 0 ? count / 2 : count / 2 + 1)
        excess -= widths.remove(at: middle) + 1
        count -= 1
    }
    let fitted = max(count - 1, 2)  // pandas shows at least two data columns
    let dataColumns = columns.count - 1
    guard fitted < dataColumns else { return (columns, fitted) }
    let half = fitted / 2
    var kept = Array(columns[...half]) + Array(columns[(columns.count - half)...])
    kept.insert(Array(repeating: " ...", count: columns[0].count), at: half + 1)
    return (kept, fitted)
}
