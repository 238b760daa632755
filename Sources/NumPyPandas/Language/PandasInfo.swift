// DataFrame.info() and Series.info() as pandas 3 prints them (pandas/io/formats/info.py): the class
// line, the index summary, the verbose table (#, Column, Non-Null Count, Dtype) or the short
// `Columns:` line, the dtype counts sorted by name, and `memory usage:` with pandas' shallow byte
// count (index + values; `+` when an object column or an object/str index hides the objects' sizes).
// `memory_usage='deep'` needs CPython's object sizes and is refused rather than guessed. memory_usage()
// gives the same counts per column.
import MFSInterpreter
import Pickle

/// The arguments `info()` takes, checked; `buf` other than None and `memory_usage='deep'` are refused.
struct InfoOptions {
    var verbose: Bool?
    var showCounts: Bool?
    var maxColumns = 100  // display.max_info_columns
    var memoryUsage = true

    init(_ function: String, _ args: [Value], _ kwargs: [(String, Value)]) throws {
        let a = try CallArguments(function, args, kwargs, ["verbose", "buf", "max_cols", "memory_usage", "show_counts"])
        if a["buf"] != nil { throw PyException.typeError("\(function)(buf=...) is not supported by mfsh (it prints to stdout)") }
        if a["verbose"] != nil { verbose = try a.bool("verbose", default: true) }
        if a["show_counts"] != nil { showCounts = try a.bool("show_counts", default: true) }
        if let m = try a.int("max_cols") { maxColumns = m }
        if let m = a["memory_usage"] {
            if case .str = m { throw PyException.valueError("\(function)(memory_usage=...) with a string (such as 'deep') is not supported by mfsh: only True or False") }
            memoryUsage = try a.bool("memory_usage", default: true)
        }
    }
}

/// The verbose table: columns left-justified to the wider of header and cells, two spaces apart.
private func infoTable(headers: [String], rows: [[String]]) -> [String] {
    func width(_ s: String) -> Int { s.unicodeScalars.count }
    func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - width(s))) }
    let widths = headers.indices.map { c in rows.reduce(width(headers[c])) { max($0, width($1[c])) } }
    var lines = [zip(headers, widths).map { pad($0, $1) }.joined(separator: "  ")]
    lines.append(zip(headers, widths).map { pad(String(repeating: "-", count: width($0)), $1) }.joined(separator: "  "))
    lines += rows.map { zip($0, widths).map { pad($0, $1) }.joined(separator: "  ") }
    return lines
}

extension NumericEnvironment {
    /// `sys.getsizeof(n)` of a Python int: 24 bytes plus 4 per 30-bit digit (at least one).
    private func pythonIntSize(_ n: Int) -> Int {
        var magnitude = n.magnitude
        var digits = 0
        repeat { digits += 1; magnitude >>= 30 } while magnitude > 0
        return 24 + 4 * digits
    }

    /// Bytes per element of a materialised column or index array (object arrays hold 8-byte pointers).
    private func elementBytes(_ values: PickleValue, what: String) throws -> Int {
        guard let a = values.ndarray else { throw PyException.typeError("info(): the memory of this \(what) is not known to mfsh") }
        return a.dtype.kind == "O" ? 8 : a.dtype.itemSize
    }

    /// `index.memory_usage()`: a RangeIndex counts its range object and three ints.
    func indexMemory(_ index: PandasIndex) throws -> Int {
        switch index.values {
        case .range(let start, let stop, let step):
            return 48 + pythonIntSize(start) + pythonIntSize(stop) + pythonIntSize(step)
        case .values(let v):
            guard index.className != "MultiIndex" else { throw PyException.typeError("info() of a MultiIndex is not supported by mfsh") }
            return index.count * (try elementBytes(v, what: "index"))
        }
    }

    /// The shallow memory of one column: a category column counts its codes (int8 up to 126
    /// categories, then int16, int32, int64) and its categories index.
    func columnMemory(_ values: PickleValue, count: Int, categorical: PandasCategorical?) throws -> Int {
        if let categorical {
            let n = categorical.categories.count
            let codeBytes = n < 127 ? 1 : n < 32_767 ? 2 : n < 2_147_483_647 ? 4 : 8
            return count * codeBytes + (try indexMemory(categorical.categories))
        }
        return count * (try elementBytes(values, what: "column"))
    }

    /// `Index._summary(name)`: `RangeIndex: 3 entries, 0 to 2` (plus `Freq: D` for a DatetimeIndex with one).
    func indexSummary(_ index: PandasIndex, name: String? = nil) -> String {
        let count = index.count
        var className = index.className
        // An index of Timestamps made with pd.Index(...) is a DatetimeIndex in pandas, whatever it was built as.
        if className == "Index", case .values(.reconstructed(let a as NDArray)) = index.values, a.dtype.kind == "M" { className = "DatetimeIndex" }
        var text = "\(name ?? className): \(count) entries"
        if count > 0 {
            var head = infoLabel(index.label(at: 0)), tail = infoLabel(index.label(at: count - 1))
            if case .values(.reconstructed(let a as NDArray)) = index.values, a.dtype.kind == "M" {
                // Dates alone when every label is midnight, else each Timestamp as str() shows it.
                let cells = pandasDateTimeCells(a, rows: Array(0..<count))
                let datesOnly = cells.allSatisfy { !$0.contains(" ") }
                func stamp(_ i: Int) -> String {
                    if datesOnly { return cells[i] }
                    return a.pandasTimeElement(at: i).map(plainText) ?? cells[i]
                }
                head = stamp(0); tail = stamp(count - 1)
            }
            text += ", \(head) to \(tail)"
        }
        if name == nil, className == "DatetimeIndex", let frequency = index.frequency { text += "\nFreq: \(frequency)" }
        return text
    }

    private func infoLabel(_ label: PickleValue) -> String {
        if case .float(let x) = label { return pythonFloatRepr(x) }
        return plainText(label)
    }

    /// pandas' `_sizeof_fmt`: `274.0+ bytes`, `2.1 KB`.
    func sizeText(_ bytes: Int, qualifier: String) throws -> String {
        var number = Double(bytes)
        for unit in ["bytes", "KB", "MB", "GB", "TB"] {
            if number < 1024 { return try converter.interpreter.format(.float(number), spec: "3.1f") + "\(qualifier) \(unit)" }
            number /= 1024
        }
        return try converter.interpreter.format(.float(number), spec: "3.1f") + "\(qualifier) PB"
    }

    /// `dtypes: bool(1), float64(2)`: the counts of each dtype name, sorted by name.
    func dtypeCountsLine(_ names: [String]) -> String {
        var counts: [String: Int] = [:]
        for n in names { counts[n, default: 0] += 1 }
        return "dtypes: " + counts.keys.sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
            .map { "\($0)(\(counts[$0] ?? 0))" }.joined(separator: ", ")
    }

    /// Whether the index makes the shallow memory a lower bound (object or python-backed str labels).
    func indexHidesObjects(_ index: PandasIndex) -> Bool { index.dtypeName == "object" || index.dtypeName == "str" }

    /// Writes `text` with the language's print (so redirected stdout gets it), without a newline of its own.
    func printRaw(_ text: String) throws {
        let interpreter = converter.interpreter
        guard let print = interpreter.builtinFunction("print") else { throw PyException.runtimeError("print() is not available") }
        _ = try interpreter.call(print, [.str(text)], [("end", .str(""))])
    }
}

extension DataFrameHost {
    /// `info(verbose=None, buf=None, max_cols=None, memory_usage=None, show_counts=None)`.
    func info(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let options = try InfoOptions("info", args, kwargs)
        let dtypes = (0..<columnCount).map { $0 < frame.columnDTypeNames.count ? frame.columnDTypeNames[$0] : "object" }
        var lines = ["<class 'pandas.DataFrame'>", env.indexSummary(frame.index)]
        guard columnCount > 0 else {
            lines.append("Empty DataFrame\n")
            try env.printRaw(lines.joined(separator: "\n"))
            return .none
        }
        let tooWide = columnCount > options.maxColumns
        let withCounts = options.showCounts ?? (!tooWide && rowCount <= 1_690_785)  // display.max_info_rows
        if options.verbose ?? !tooWide {
            lines.append("Data columns (total \(columnCount) columns):")
            let headers = withCounts ? [" # ", "Column", "Non-Null Count", "Dtype"] : [" # ", "Column", "Dtype"]
            let rows = (0..<columnCount).map { c -> [String] in
                let name = plainText(frame.columns.label(at: c))
                guard withCounts else { return [" \(c)", name, dtypes[c]] }
                let present = env.missingMask(frame.columnValues[c]).prefix(rowCount).filter { !$0 }.count
                return [" \(c)", name, "\(present) non-null", dtypes[c]]
            }
            lines += infoTable(headers: headers, rows: rows)
        } else {
            lines.append(env.indexSummary(frame.columns, name: "Columns"))
        }
        lines.append(env.dtypeCountsLine(dtypes))
        if options.memoryUsage {
            var bytes = try env.indexMemory(frame.index)
            for c in 0..<columnCount {
                bytes += try env.columnMemory(frame.columnValues[c], count: rowCount, categorical: frame.categorical(ofColumn: c))
            }
            let qualifier = dtypes.contains("object") || env.indexHidesObjects(frame.index) ? "+" : ""
            lines.append("memory usage: \(try env.sizeText(bytes, qualifier: qualifier))\n")
        }
        try env.printRaw(lines.joined(separator: "\n"))
        return .none
    }
}

extension DataFrameHost {
    /// `memory_usage(index=True, deep=False)`: the bytes of the index (labelled `Index`) and of each column.
    func memoryUsage(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("memory_usage", args, kwargs, ["index", "deep"])
        if try a.bool("deep", default: false) { throw PyException.valueError("memory_usage(deep=True) is not supported by mfsh") }
        let withIndex = try a.bool("index", default: true)
        var labels: [PickleValue] = withIndex ? [.string("Index")] : []
        var bytes: [Int] = withIndex ? [try env.indexMemory(frame.index)] : []
        for c in 0..<columnCount {
            labels.append(frame.columns.label(at: c))
            bytes.append(try env.columnMemory(frame.columnValues[c], count: rowCount, categorical: frame.categorical(ofColumn: c)))
        }
        let allStrings = labels.allSatisfy { if case .string = $0 { return true }; return false }
        let index = PandasIndex.make(className: "Index", labels: .ndarray(.objects(labels, shape: [labels.count])), name: .none,
                                     dtypeName: allStrings ? "str" : "object")
        return env.wrap(SeriesHost(.make(values: .ndarray(.int64(bytes, shape: [bytes.count])), index: index, name: .none, dtypeName: "int64"), env: env))
    }
}

extension SeriesHost {
    /// `memory_usage(index=True, deep=False)`.
    func memoryUsage(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("memory_usage", args, kwargs, ["index", "deep"])
        if try a.bool("deep", default: false) { throw PyException.valueError("memory_usage(deep=True) is not supported by mfsh") }
        let values = try env.columnMemory(series.values, count: count, categorical: series.categorical)
        return .int(values + (try a.bool("index", default: true) ? try env.indexMemory(series.index) : 0))
    }

    /// `info(verbose=None, buf=None, max_cols=None, memory_usage=None, show_counts=True)`.
    func info(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let options = try InfoOptions("info", args, kwargs)
        var lines = ["<class 'pandas.Series'>", env.indexSummary(series.index)]
        if options.verbose ?? true {
            lines.append("Series name: \(try env.converter.interpreter.str(try env.python(series.name)))")
            if options.showCounts ?? true {
                let present = env.missingMask(series.values).prefix(count).filter { !$0 }.count
                lines += infoTable(headers: ["Non-Null Count", "Dtype"], rows: [["\(present) non-null", series.dtypeName]])
            } else {
                lines += infoTable(headers: ["Dtype"], rows: [[series.dtypeName]])
            }
        }
        lines.append(env.dtypeCountsLine([series.dtypeName]))
        if options.memoryUsage {
            let bytes = try env.indexMemory(series.index) + (try env.columnMemory(series.values, count: count, categorical: series.categorical))
            let qualifier = series.dtypeName == "object" || env.indexHidesObjects(series.index) ? "+" : ""
            lines.append("memory usage: \(try env.sizeText(bytes, qualifier: qualifier))\n")
        }
        try env.printRaw(lines.joined(separator: "\n"))
        return .none
    }
}
