// DataFrame.to_json and Series.to_json as pandas' bundled ujson writes them: the orients split, records,
// index, columns and values; floats with `double_precision` decimals (ujson's own rounding, `%g` past
// 1e16 or under 1e-15, NaN and infinities as null); datetimes as epoch counts of `date_unit` (floored)
// or ISO text; strings with `/` escaped and, by default, everything beyond ASCII as \u escapes.
// orient='table' (a schema of pandas' own) is refused rather than approximated.
import MFSInterpreter
import Pickle

/// A JSON value before layout: a finished scalar token, an array, or an object with unescaped keys.
indirect enum JSONNode {
    case token(String)
    case array([JSONNode])
    case object([(String, JSONNode)])
}

struct JSONOptions {
    var orient: String
    var iso = false
    var unit = PandasTimeUnit.ms
    var precision = 10
    var ascii = true
    var index = true
    var indent = 0
    var path: Value?

    static let parameters = ["path_or_buf", "orient", "date_format", "double_precision", "force_ascii", "date_unit", "default_handler",
                             "lines", "compression", "index", "indent", "storage_options", "mode"]

    init(_ a: CallArguments, defaultOrient: String, kind: String) throws {
        for refused in ["default_handler", "compression", "storage_options", "mode"] where a[refused] != nil {
            throw PyException.typeError("to_json(\(refused)=...) is not supported by mfsh")
        }
        if try a.bool("lines", default: false) { throw PyException.typeError("to_json(lines=True) is not supported by mfsh") }
        if let v = a["orient"] {
            guard case .str(let s) = v else { throw PyException.valueError("Invalid value for option 'orient'") }
            orient = s
        } else {
            orient = defaultOrient
        }
        if a["index"] != nil {
            // pandas checks the orient as given: a default orient takes any index= (records and values ignore it).
            index = try a.bool("index", default: true)
            let given = a["orient"] == nil ? nil : orient
            if index, let given, ["records", "values"].contains(given) {
                throw PyException.valueError("'index=True' is only valid when 'orient' is 'split', 'table', 'index', or 'columns'.")
            }
            if !index, let given, ["index", "columns"].contains(given) {
                throw PyException.valueError("'index=False' is only valid when 'orient' is 'split', 'table', 'records', or 'values'.")
            }
        }
        if let v = a["date_format"] {
            guard case .str(let s) = v, s == "epoch" || s == "iso" else {
                throw PyException.valueError("to_json(date_format=...) must be 'epoch' or 'iso' in mfsh")
            }
            iso = s == "iso"
        }
        if let v = a["date_unit"] {
            guard case .str(let s) = v, let u = PandasTimeUnit(rawValue: s) else {
                throw PyException.valueError("Invalid value '\(a["date_unit"].map { if case .str(let s) = $0 { return s }; return "?" } ?? "")' for option 'date_unit'")
            }
            unit = u
        }
        if let p = try a.int("double_precision") {
            guard p >= 0, p <= 15 else { throw PyException.valueError("Invalid value '\(p)' for option 'double_precision', max is '15'") }
            precision = p
        }
        ascii = try a.bool("force_ascii", default: true)
        if let v = a["indent"] {
            guard case .int(let i) = v, i >= 0 else { throw PyException.valueError("Value must be a nonnegative integer or None") }
            indent = i
        }
        guard ["split", "records", "index", "columns", "values", "table"].contains(orient) else {
            throw PyException.valueError("Invalid value '\(orient)' for option 'orient'")
        }
        if orient == "table" { throw PyException.typeError("\(kind).to_json(orient='table') is not supported by mfsh") }
        path = a["path_or_buf"]
    }
}

/// The JSON text of `node`; `indent` > 0 puts each member on its own line (ujson's layout: no space
/// after `:`, and an empty container still opens a blank line).
func jsonText(_ node: JSONNode, indent: Int, quoted: (String) -> String) -> String {
    var out = ""
    func container<T>(_ open: String, _ close: String, _ items: [T], depth: Int, _ each: (T) -> Void) {
        out += open
        if indent > 0 { out += "\n" }
        for (k, item) in items.enumerated() {
            if k > 0 { out += indent > 0 ? ",\n" : "," }
            out += String(repeating: " ", count: indent * (depth + 1))
            each(item)
        }
        if indent > 0 { out += "\n" + String(repeating: " ", count: indent * depth) }
        out += close
    }
    func write(_ node: JSONNode, depth: Int) {
        switch node {
        case .token(let t): out += t
        case .array(let items): container("[", "]", items, depth: depth) { write($0, depth: depth + 1) }
        case .object(let members):
            container("{", "}", members, depth: depth) { member in
                out += quoted(member.0) + ":"
                write(member.1, depth: depth + 1)
            }
        }
    }
    write(node, depth: 0)
    return out
}

extension NumericEnvironment {
    /// ujson's string escaping: quotes, backslash, `/`, control characters; non-ASCII as \u (UTF-16) when `ascii`.
    func jsonQuoted(_ s: String, ascii: Bool) -> String {
        converter.interpreter.jsonString(s, ascii: ascii, escapingSlash: true, escapingDelete: false)
    }

    /// ujson's `Buffer_AppendDoubleUnchecked`: `precision` decimals rounded its way (half to odd-or-zero),
    /// trailing zeros dropped; `%.<precision>g` beyond 1e16-1 or below 1e-15.
    func ujsonDouble(_ value: Double, precision: Int) throws -> String {
        guard value.isFinite else { return "null" }
        let negative = value < 0
        let v = negative ? -value : value
        let thresholdMax = 1e16 - 1.0, thresholdMin = 1e-15
        if v > thresholdMax || (v != 0 && v < thresholdMin) {
            return try converter.interpreter.format(.float(value), spec: ".\(max(precision, 0))g")
        }
        var pow10 = 1.0
        for _ in 0..<precision { pow10 *= 10 }
        var whole = UInt64(v)
        let scaled = (v - Double(whole)) * pow10
        var fraction = UInt64(scaled)
        let diff = scaled - Double(fraction)
        if diff > 0.5 || (diff == 0.5 && (fraction == 0 || fraction & 1 == 1)) { fraction += 1 }
        if Double(fraction) >= pow10 { fraction = 0; whole += 1 }
        var text: String
        if precision == 0 {
            let rest = v - Double(whole)
            if rest > 0.5 || (rest == 0.5 && whole & 1 == 1) { whole += 1 }
            text = String(whole)
        } else if fraction != 0 {
            var places = precision
            while fraction % 10 == 0 { places -= 1; fraction /= 10 }
            let digits = String(fraction)
            text = String(whole) + "." + String(repeating: "0", count: max(0, places - digits.count)) + digits
        } else {
            text = String(whole) + ".0"
        }
        return negative ? "-" + text : text
    }

    /// A datetime (`datetime`) or timedelta count of `unit` as to_json writes it.
    private func jsonTime(_ count: Int64, _ unit: PandasTimeUnit, isDate: Bool, _ options: JSONOptions) throws -> JSONNode {
        let ratioUp = options.unit.ticksPerSecond / max(unit.ticksPerSecond, 1)
        let target: Int64
        if options.unit.ticksPerSecond <= unit.ticksPerSecond {
            target = Int64(floorDivMod(Int(count), Int(unit.ticksPerSecond / options.unit.ticksPerSecond)).0)
        } else {
            let (v, overflow) = count.multipliedReportingOverflow(by: ratioUp)
            guard !overflow else { throw PyException.builtin("OverflowError", "to_json(): a time does not fit in \(options.unit.rawValue)") }
            target = v
        }
        guard options.iso else { return .token(String(target)) }
        guard isDate, let f = PandasTimestamp(count: target, unit: options.unit).fields else {
            throw PyException.typeError("to_json(date_format='iso') of timedeltas is not supported by mfsh")
        }
        func pad(_ v: Int, _ width: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, width - s.count)) + s }
        var s = "\(f.year < 0 ? "-" : "")\(pad(abs(f.year), 4))-\(pad(f.month, 2))-\(pad(f.day, 2))T\(pad(f.hour, 2)):\(pad(f.minute, 2)):\(pad(f.second, 2))"
        switch options.unit {
        case .s: break
        case .ms: s += "." + pad(f.nanosecond / 1_000_000, 3)
        case .us: s += "." + pad(f.nanosecond / 1_000, 6)
        case .ns: s += "." + pad(f.nanosecond, 9)
        }
        return .token(jsonQuoted(s, ascii: true))
    }

    /// One decoded value (a cell of an object column, a label, a series name) as JSON.
    func jsonValue(_ v: PickleValue, _ options: JSONOptions) throws -> JSONNode {
        switch v {
        case .none: return .token("null")
        case .bool(let b): return .token(b ? "true" : "false")
        case .int(let i): return .token(String(i))
        case .bigInt(let b): return .token(String(describing: b))
        case .float(let x): return .token(try ujsonDouble(x, precision: options.precision))
        case .string(let s): return .token(jsonQuoted(s, ascii: options.ascii))
        case .reconstructed(let t as PandasTimestamp):
            guard let c = t.count else { return .token("null") }
            return try jsonTime(c, t.unit, isDate: true, options)
        case .reconstructed(let t as PandasTimedelta):
            guard let c = t.count else { return .token("null") }
            return try jsonTime(c, t.unit, isDate: false, options)
        case .reconstructed(let s as NDScalar):
            switch s.value {
            case .float(let x): return .token(try ujsonDouble(x, precision: options.precision))
            case .bool, .int, .bigInt: return try jsonValue(s.value, options)
            default: break
            }
        default:
            if let items = sequenceItems(v) { return .array(try items.map { try jsonValue($0, options) }) }
        }
        throw PyException.typeError("to_json() of a \(pythonRepr(v)) value is not supported by mfsh")
    }

    /// The cells of a column as JSON values.
    func jsonCells(_ values: PickleValue, count: Int, _ options: JSONOptions) throws -> [JSONNode] {
        guard let a = values.ndarray else { throw PyException.typeError("to_json() of this column is not supported by mfsh") }
        return try (0..<min(count, a.count)).map { i in
            switch a.dtype.kind {
            case "i", "u": return .token(a.scalar(atFlat: i).map(numpyScalarStr) ?? "null")
            case "M", "m":
                guard let raw = a.timeCount(atFlat: i), let (c, unit) = pandasTimeCount(raw, a.dtype) else { return .token("null") }
                return try jsonTime(c, unit, isDate: a.dtype.kind == "M", options)
            default: return try jsonValue(a.element(at: i) ?? .none, options)
            }
        }
    }

    /// A label as an object key: str() of it, datetimes as their epoch count or ISO text.
    func jsonKey(_ label: PickleValue, _ options: JSONOptions) throws -> String {
        switch label {
        case .string(let s): return s
        case .float(let x): return pythonFloatRepr(x)
        case .reconstructed(is PandasTimestamp), .reconstructed(is PandasTimedelta):
            guard case .token(let t) = try jsonValue(label, options) else { return "" }
            return t.hasPrefix("\"") ? String(t.dropFirst().dropLast()) : t
        default: return try converter.interpreter.str(try python(label))
        }
    }

    /// The labels of an index as object keys (a datetime index's as its epoch counts or ISO texts).
    func jsonKeys(_ index: PandasIndex, _ options: JSONOptions) throws -> [String] {
        if case .values(let v) = index.values, let a = v.ndarray, "Mm".contains(a.dtype.kind) {
            return try jsonCells(v, count: index.count, options).map { node in
                guard case .token(let t) = node else { return "" }
                return t.hasPrefix("\"") ? String(t.dropFirst().dropLast()) : t
            }
        }
        return try (0..<index.count).map { try jsonKey(index.label(at: $0), options) }
    }

    func jsonLabels(_ index: PandasIndex, _ options: JSONOptions) throws -> [JSONNode] {
        if case .values(let v) = index.values, let a = v.ndarray, "Mm".contains(a.dtype.kind) {
            return try jsonCells(v, count: index.count, options)
        }
        return try (0..<index.count).map { try jsonValue(index.label(at: $0), options) }
    }

    func labelsAreUnique(_ index: PandasIndex) -> Bool {
        var seen: Set<String> = []
        for i in 0..<index.count where !seen.insert(pythonRepr(index.label(at: i))).inserted { return false }
        return true
    }

    func deliverJSON(_ node: JSONNode, _ options: JSONOptions) throws -> Value {
        try deliverCSV(jsonText(node, indent: options.indent) { jsonQuoted($0, ascii: options.ascii) }, to: options.path)
    }
}

extension DataFrameHost {
    /// `to_json(path_or_buf=None, *, orient='columns', date_format=None, double_precision=10, force_ascii=True,
    /// date_unit='ms', index=None, indent=None)`.
    func toJSON(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        guard args.count <= 1 else { throw PyException.typeError("to_json() takes from 1 to 2 positional arguments but \(args.count + 1) were given") }
        let options = try JSONOptions(try CallArguments("to_json", args, kwargs, JSONOptions.parameters), defaultOrient: "columns", kind: "DataFrame")
        try env.refuseMultiIndex(frame.index, "to_json")
        let o = options.orient
        if ["columns", "index"].contains(o), !env.labelsAreUnique(frame.index) {
            throw PyException.valueError("DataFrame index must be unique for orient='\(o)'.")
        }
        if ["columns", "records", "index"].contains(o), !env.labelsAreUnique(frame.columns) {
            throw PyException.valueError("DataFrame columns must be unique for orient='\(o)'.")
        }
        let cells = try (0..<columnCount).map { try env.jsonCells(frame.columnValues[$0], count: rowCount, options) }
        func cell(_ r: Int, _ c: Int) -> JSONNode { r < cells[c].count ? cells[c][r] : .token("null") }
        let columnKeys = try env.jsonKeys(frame.columns, options)
        let rowKeys = try env.jsonKeys(frame.index, options)
        let rows = 0..<rowCount
        let node: JSONNode
        switch o {
        case "columns":
            node = .object((0..<columnCount).map { c in (columnKeys[c], .object(rows.map { (rowKeys[$0], cell($0, c)) })) })
        case "index":
            node = .object(rows.map { r in (rowKeys[r], .object((0..<columnCount).map { (columnKeys[$0], cell(r, $0)) })) })
        case "records": node = .array(rows.map { r in .object((0..<columnCount).map { (columnKeys[$0], cell(r, $0)) }) })
        case "values": node = .array(rows.map { r in .array((0..<columnCount).map { cell(r, $0) }) })
        default:
            var members: [(String, JSONNode)] = [("columns", .array(try env.jsonLabels(frame.columns, options)))]
            if options.index { members.append(("index", .array(try env.jsonLabels(frame.index, options)))) }
            members.append(("data", .array(rows.map { r in .array((0..<columnCount).map { cell(r, $0) }) })))
            node = .object(members)
        }
        return try env.deliverJSON(node, options)
    }
}

extension SeriesHost {
    /// `to_json(...)`, orient='index' by default.
    func toJSON(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        guard args.count <= 1 else { throw PyException.typeError("to_json() takes from 1 to 2 positional arguments but \(args.count + 1) were given") }
        let options = try JSONOptions(try CallArguments("to_json", args, kwargs, JSONOptions.parameters), defaultOrient: "index", kind: "Series")
        try env.refuseMultiIndex(series.index, "to_json")
        let cells = try env.jsonCells(series.values, count: count, options)
        let node: JSONNode
        switch options.orient {
        case "index", "columns":
            if options.orient == "index", !env.labelsAreUnique(series.index) {
                throw PyException.valueError("Series index must be unique for orient='index'")
            }
            let keys = try env.jsonKeys(series.index, options)
            node = .object(cells.indices.map { ($0 < keys.count ? keys[$0] : "", cells[$0]) })
        case "records", "values": node = .array(cells)
        default:
            var members: [(String, JSONNode)] = [("name", try env.jsonValue(series.name, options))]
            if options.index { members.append(("index", .array(try env.jsonLabels(series.index, options)))) }
            members.append(("data", .array(cells)))
            node = .object(members)
        }
        return try env.deliverJSON(node, options)
    }
}
