// pandas' one-line-or-wrapped summaries of label lists: `repr(index)` (pandas' `format_object_summary`
// plus the `dtype=`/`name=`/`length=` attributes wrapped at display.width), a categorical's
// `Categories (5, str): [...]` footer, and `repr(CategoricalDtype)`.
import Pickle

/// `repr(index)`: `RangeIndex(start=0, stop=10, step=2)`, `Index([1, 2, 3], dtype='int64')`, wrapped
/// at 80 columns as pandas wraps it.
func indexRepr(_ i: PandasIndex) -> String {
    if let levels = i.levels { return multiIndexRepr(i, levels) }
    let className = i.className
    var data = ""
    var attributes: [(String, String)] = []
    switch i.values {
    case .range(let start, let stop, let step):
        attributes = [("start", String(start)), ("stop", String(stop)), ("step", String(step))]
    case .values:
        data = labelSummary(i, name: className)
        // A CategoricalIndex lists its categories (pandas' _repr_categories: quoted, at most 8 with
        // `...`) and whether they are ordered before the dtype.
        if let categorical = i.categorical {
            attributes = [("categories", "[" + categoryTexts(categorical).joined(separator: ", ") + "]"),
                          ("ordered", categorical.ordered ? "True" : "False")]
        }
        attributes.append(("dtype", "'\(i.dtypeName)'"))
    }
    if case .none = i.name {} else { attributes.append(("name", quotedLabel(i.name))) }
    let count = indexCount(i)
    if case .values = i.values, count > PandasDisplay.maxSequenceItems { attributes.append(("length", String(count))) }
    if className == "DatetimeIndex" { attributes.append(("freq", i.frequency.map { "'\($0)'" } ?? "None")) }

    // The attributes follow the data on its last line while they fit, else start a new line.
    let indent = className.count + 1
    var lineLength = data.contains("\n") ? (data.split(separator: "\n", omittingEmptySubsequences: false).last?.count ?? 0)
                                         : indent + data.count
    var parts = ""
    for (k, (key, value)) in attributes.enumerated() {
        let attribute = "\(key)=\(value)"
        let comma = k < attributes.count - 1 ? 1 : 0
        let separator = k == 0 ? "" : ", "
        if lineLength + separator.count + attribute.count + comma > PandasDisplay.width {
            parts += (k == 0 ? "\n" : ",\n") + String(repeating: " ", count: indent) + attribute
            lineLength = indent + attribute.count
        } else {
            parts += separator + attribute
            lineLength += separator.count + attribute.count
        }
    }
    if parts.hasPrefix("\n") { data = rstripped(data) }
    return "\(className)(\(data)\(parts))"
}

/// pandas' `format_object_summary` of an index's labels, with the line indent of `name(`.
func labelSummary(_ i: PandasIndex, name: String) -> String {
    let count = indexCount(i)
    let isDates: Bool = { if case .values(.reconstructed(let a as NDArray)) = i.values { return a.dtype.kind == "M" }; return false }()
    // Strings are shown as they are; other labels are right-justified to a common width.
    var isStrings = count > 0
    for k in 0..<count { if case .string = indexLabel(i, k) {} else { isStrings = false; break } }
    let format: (Int) -> String
    if isDates, case .values(.reconstructed(let a as NDArray)) = i.values {
        let cells = pandasDateTimeCells(a, rows: Array(0..<count))  // dates only when every label is a date
        format = { "'" + cells[$0] + "'" }
    } else {
        format = { quotedLabel(indexLabel(i, $0)) }
    }
    return objectSummary(count: count, format: format, justify: !isStrings, name: name)
}

/// `pprint_thing(label, quote_strings=True)` with tab, CR and LF escaped, as pandas shows labels.
func quotedLabel(_ v: PickleValue) -> String {
    if case .float(let x) = v, x.isNaN { return "nan" }  // str(float('nan'))
    if case .string(let s) = v {
        return "'" + s.replacing("\t", with: "\\t").replacing("\r", with: "\\r").replacing("\n", with: "\\n") + "'"
    }
    return plainText(v)
}

/// pandas' `format_object_summary`: `[a, b, c], ` on one line, or wrapped lines of labels indented
/// under `name(` and ending `],` plus a new line; beyond `display.max_seq_items` the first and last
/// 10 with `...` between.
func objectSummary(count: Int, format: (Int) -> String, justify: Bool, name: String) -> String {
    let width = PandasDisplay.width
    let space1 = "\n" + String(repeating: " ", count: name.count + 1)
    let space2 = "\n" + String(repeating: " ", count: name.count + 2)
    if count == 0 { return "[], " }
    if count == 1 { return "[\(format(0))], " }
    let isTruncated = count > PandasDisplay.maxSequenceItems
    var head: [String] = [], tail: [String]
    if isTruncated {
        let edge = min(PandasDisplay.maxSequenceItems / 2, 10)
        head = (0..<edge).map(format)
        tail = ((count - edge)..<count).map(format)
    } else {
        tail = (0..<count).map(format)
    }
    if justify, isTruncated || !(head.joined(separator: ", ").count < width && tail.joined(separator: ", ").count < width) {
        let longest = (head + tail).map(\.count).max() ?? 0
        head = head.map { rightJustify($0, longest) }
        tail = tail.map { rightJustify($0, longest) }
    }
    var summary = wrappedValues(head: head, tail: tail, separator: ", ", isTruncated: isTruncated, lineStart: space2) + "],"
    summary += summary.count > width ? space1 : " "
    return "[" + summary.dropFirst(space2.count)
}

/// The lines of `format_object_summary`: values and `separator` added to a line (each line starting
/// with `lineStart`) while it stays under display.width, `...` between head and tail when truncated.
func wrappedValues(head: [String], tail: [String], separator: String, isTruncated: Bool, lineStart: String) -> String {
    let width = PandasDisplay.width
    var summary = "", line = lineStart
    func extend(_ value: String, _ limit: Int) {
        if rstripped(line).count + rstripped(value).count >= limit {
            summary += rstripped(line)
            line = lineStart
        }
        line += value
    }
    for value in head { extend(value + separator, width) }
    if isTruncated {
        summary += rstripped(line) + lineStart + "..."
        line = lineStart
    }
    for value in tail.dropLast() { extend(value + separator, width) }
    if let last = tail.last { extend(last, width - 2) }  // room for the trailing ','
    return summary + line
}

/// Python's `str.rstrip()`: trailing spaces and line breaks removed.
func rstripped(_ s: String) -> String {
    var t = Substring(s)
    while let last = t.last, last == " " || last == "\n" || last == "\t" || last == "\r" { t = t.dropLast() }
    return String(t)
}

/// The categories of a categorical as pandas lists them: strings quoted, numbers as their column
/// cells (no sign space); the first and last 4 with `...` between beyond `display.max_categories`.
private func categoryTexts(_ categorical: PandasCategorical) -> [String] {
    let categories = categorical.categories
    let count = indexCount(categories)
    func texts(_ rows: [Int]) -> [String] {
        let isStrings = rows.allSatisfy { if case .string = indexLabel(categories, $0) { return true }; return false }
        if !isStrings, case .values(let v) = categories.values, let a = v.ndarray, "fM".contains(a.dtype.kind) {
            return formatCells(v, rows: rows).map { $0.trimmingSpaces() }
        }
        return rows.map { row in
            let label = indexLabel(categories, row)
            if case .string = label { return pythonRepr(label) }
            return plainText(label)
        }
    }
    if count > PandasDisplay.maxCategories {
        let edge = PandasDisplay.maxCategories / 2
        return texts(Array(0..<edge)) + ["..."] + texts(Array((count - edge)..<count))
    }
    return texts(Array(0..<count))
}

/// A categorical Series' last footer line: `Categories (5, str): ['a', 'b', ...]`, wrapped at
/// display.width; ordered categories are joined by ` < `.
func categoriesFooter(_ categorical: PandasCategorical) -> String {
    let header = "Categories (\(indexCount(categorical.categories)), \(categorical.categories.dtypeName)): "
    let separator = categorical.ordered ? " < " : ", "
    let lineSeparator = (categorical.ordered ? " <" : ",") + "\n" + String(repeating: " ", count: header.count + 1)
    var text = "", column = header.count, first = true
    for value in categoryTexts(categorical) {
        if column + separator.count + value.count > PandasDisplay.width {
            text += lineSeparator
            column = header.count + 1
        } else if !first {
            text += separator
            column += separator.count
        }
        text += value
        column += value.count
        first = false
    }
    return header + "[" + text.replacing(" < ... < ", with: " ... ") + "]"
}

/// `repr(series.dtype)` of a categorical:
/// `CategoricalDtype(categories=['a', 'b'], ordered=False, categories_dtype=str)`.
public func categoricalDTypeRepr(_ categorical: PandasCategorical) -> String {
    let categories = categorical.categories
    var data: String
    if case .range(let start, let stop, let step) = categories.values {
        data = step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    } else {
        data = labelSummary(categories, name: "CategoricalDtype")
        while data.hasSuffix(",") || data.hasSuffix(" ") { data.removeLast() }
    }
    return "CategoricalDtype(categories=\(data), ordered=\(categorical.ordered ? "True" : "False"), categories_dtype=\(categories.dtypeName))"
}

extension String {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
