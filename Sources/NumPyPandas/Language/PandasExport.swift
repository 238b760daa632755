// DataFrame.to_csv and Series.to_csv as pandas writes them: cells as numpy's astype(str) gives them
// (shortest round-trip floats, float32 at its own precision), datetimes in one format for the column
// (dates only when all are midnight, else as many fraction digits as the values need), missing values
// as `na_rep`, and the csv module's minimal quoting. Without a path the text is returned; with one it
// is written through the language's own `open()`, so the host's rules for writing files apply.
import MFSInterpreter
import Pickle

struct CSVOptions {
    var separator = ","
    var naRep = ""
    var header = true
    var index = true
    var indexLabel: String?
    var lineTerminator = "\n"
    var path: Value?

    init(_ a: CallArguments, interpreter: Interpreter) throws {
        if let v = a["sep"] {
            guard case .str(let s) = v, s.count == 1 else { throw PyException.typeError("\"delimiter\" must be a 1-character string") }
            separator = s
        }
        if let v = a["na_rep"] { naRep = try interpreter.str(v) }
        header = try a.bool("header", default: true)
        index = try a.bool("index", default: true)
        if let v = a["index_label"] { indexLabel = try interpreter.str(v) }
        if let v = a["lineterminator"] { lineTerminator = try interpreter.str(v) }
        for refused in ["float_format", "quoting", "quotechar", "date_format", "decimal", "encoding", "mode", "compression", "chunksize",
                        "doublequote", "escapechar", "errors", "storage_options"] where a[refused] != nil {
            throw PyException.typeError("to_csv(\(refused)=...) is not supported by mfsh")
        }
        path = a["path_or_buf"]
    }

    static let parameters = ["path_or_buf", "sep", "na_rep", "float_format", "columns", "header", "index", "index_label", "mode",
                             "encoding", "compression", "quoting", "quotechar", "lineterminator", "chunksize", "date_format",
                             "doublequote", "escapechar", "decimal", "errors", "storage_options"]

    /// A field as the csv module writes it with QUOTE_MINIMAL.
    func quoted(_ field: String) -> String {
        guard field.contains(where: { String($0) == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    func line(_ fields: [String]) -> String {
        // The csv module quotes a row made of one empty field, so that it is not read as no field at all.
        if fields.count == 1, fields[0].isEmpty { return "\"\"" + lineTerminator }
        return fields.map(quoted).joined(separator: separator) + lineTerminator
    }
}

extension NumericEnvironment {
    /// The cells of one column (or index) as to_csv writes them.
    func csvCells(_ values: PickleValue, count: Int, naRep: String) throws -> [String] {
        guard let a = values.ndarray else { return Array(repeating: naRep, count: count) }
        let rows = Array(0..<min(count, a.count))
        switch a.dtype.kind {
        case "M":
            let missing = missingMask(values)
            return zip(pandasDateTimeCells(a, rows: rows), missing).map { $1 ? naRep : $0 }
        case "f":
            return rows.map { i in
                guard let s = a.scalar(atFlat: i) else { return naRep }
                if case .float(let x) = s.value, x.isNaN { return naRep }
                return a.dtype.itemSize == 8 ? { if case .float(let x) = s.value { return pythonFloatRepr(x) }; return numpyScalarStr(s) }()
                    : numpyScalarStr(s)
            }
        case "b", "i", "u":
            return rows.map { i in a.scalar(atFlat: i).map(numpyScalarStr) ?? naRep }
        default:
            let interpreter = converter.interpreter
            return try rows.map { i in
                let element = a.pandasTimeElement(at: i) ?? a.element(at: i) ?? .none
                if isMissing(element) { return naRep }
                return try interpreter.str(try python(element))
            }
        }
    }

    func csvIndexCells(_ index: PandasIndex, naRep: String) throws -> [String] {
        switch index.values {
        case .range: return (0..<index.count).map { plainText(index.label(at: $0)) }
        case .values(let v): return try csvCells(v, count: index.count, naRep: naRep)
        }
    }

    /// Returns the text, or writes it to `path` with the language's `open()` and returns None.
    func deliverCSV(_ text: String, to path: Value?) throws -> Value {
        guard let path else { return .str(text) }
        let interpreter = converter.interpreter
        guard let open = interpreter.builtinFunction("open") else { throw PyException.runtimeError("open() is not available") }
        let file = try interpreter.call(open, [path, .str("w")])
        _ = try interpreter.call(try interpreter.attribute(of: file, "write"), [.str(text)])
        _ = try interpreter.call(try interpreter.attribute(of: file, "close"), [])
        return .none
    }
}

extension DataFrameHost {
    /// `to_csv(path_or_buf=None, sep=',', na_rep='', columns=None, header=True, index=True, index_label=None, lineterminator=None)`.
    func toCSV(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("to_csv", args, kwargs, CSVOptions.parameters)
        let options = try CSVOptions(a, interpreter: env.converter.interpreter)
        var picked = Array(0..<columnCount)
        if let columns = a["columns"] {
            picked = try (env.listItems(columns) ?? [columns]).map { label in
                guard let c = env.position(of: label, in: frame.columns) else { throw PyException.keyError(label) }
                return c
            }
        }
        let cells = try picked.map { try env.csvCells(frame.columnValues[$0], count: rowCount, naRep: options.naRep) }
        let (indexHeader, indexCells) = try env.csvIndexColumns(frame.index, options)
        var text = ""
        if options.header {
            var fields = indexHeader
            fields += picked.map { plainText(frame.columns.label(at: $0)) }
            text += options.line(fields)
        }
        for r in 0..<rowCount {
            var fields = indexCells.map { $0[r] }
            for column in cells { fields.append(r < column.count ? column[r] : options.naRep) }
            text += options.line(fields)
        }
        return try env.deliverCSV(text, to: options.path)
    }
}

extension SeriesHost {
    /// `to_csv(...)`: the Series as a one-column frame (its name, or `0`, as the header).
    func toCSV(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("to_csv", args, kwargs, CSVOptions.parameters)
        if a["columns"] != nil { throw PyException.typeError("Series.to_csv(columns=...) is not supported by mfsh") }
        let options = try CSVOptions(a, interpreter: env.converter.interpreter)
        let cells = try env.csvCells(series.values, count: count, naRep: options.naRep)
        let (indexHeader, indexCells) = try env.csvIndexColumns(series.index, options)
        var text = ""
        if options.header { text += options.line(indexHeader + [series.name.isNone ? "0" : plainText(series.name)]) }
        for r in 0..<count { text += options.line(indexCells.map { $0[r] } + [cells[r]]) }
        return try env.deliverCSV(text, to: options.path)
    }
}

extension NumericEnvironment {
    /// The index's header fields and columns of cells as to_csv writes them (none with index=False): one
    /// per level of a MultiIndex, headed by the level names.
    fileprivate func csvIndexColumns(_ index: PandasIndex, _ options: CSVOptions) throws -> (header: [String], cells: [[String]]) {
        guard options.index else { return ([], []) }
        guard let levels = index.levels else {
            return ([options.indexLabel ?? (index.name.isNone ? "" : plainText(index.name))], [try csvIndexCells(index, naRep: options.naRep)])
        }
        if options.indexLabel != nil { throw PyException.typeError("to_csv(index_label=...) of a MultiIndex is not supported by mfsh") }
        return (levels.map { $0.name.isNone ? "" : plainText($0.name) }, try levels.map { try csvIndexCells($0, naRep: options.naRep) })
    }
}

private extension PickleValue {
    var isNone: Bool { if case .none = self { return true }; return false }
}

extension NumericEnvironment {
    /// `to_numpy(dtype=None, copy=False, na_value=...)` of a frame or Series, given its array: `dtype`
    /// casts it as `astype` does; `na_value` is refused by name rather than ignored.
    func toNumpy(_ array: Value, _ owner: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("to_numpy", args, kwargs, ["dtype", "copy", "na_value"])
        if a["na_value"] != nil { throw PyException.typeError("\(owner).to_numpy(na_value=...) is not supported by mfsh") }
        guard let dtype = a["dtype"], !dtype.isNone, let host = NumericHosts.object(array) as? NDArrayHost else { return array }
        return try host.astype(dtype)
    }
}
