// Missing values in Series and DataFrames: isna/notna as methods, fillna and dropna with pandas'
// arguments and dtype rules (a float column filled with a number stays float64; with a string it becomes
// object; a str column takes only strings; a categorical only one of its categories). Arguments mfsh
// does not implement are refused by name, never ignored.
import MFSInterpreter
import Pickle

extension NumericEnvironment {
    /// A column with its missing values replaced by `fill`: the new values and dtype name.
    func filled(_ values: PickleValue, dtypeName: String, categorical: PandasCategorical?, with fill: Value) throws -> (PickleValue, String) {
        let missing = missingMask(values)
        guard let a = values.ndarray, missing.contains(true) else { return (values, dtypeName) }
        let rows = 0..<a.count
        switch a.dtype.kind {
        case "f":
            if let number = NumericOperand(fill), number.shape.isEmpty, number.kind != .bool, let x = number.doubles.first,
               let o = NumericOperand(array: a) {
                let doubles = rows.map { missing[$0] ? x : o.doubles[$0] }
                return (.ndarray(.make(dtype: a.dtype.nativeOrder, doubles: doubles, shape: [a.count])), dtypeName)
            }
            let cells = try rows.map { missing[$0] ? try fillCell(fill) : (a.element(at: $0) ?? .none) }
            return (.ndarray(.objects(cells, shape: [a.count])), "object")
        case "M", "m":
            if a.dtype.kind == "M", let t = NumericHosts.object(fill) as? TimestampHost, let count = t.stamp.count,
               let unit = PandasTimeUnit(rawValue: a.dtype.unit ?? ""), let c = rescale(count, from: t.stamp.unit, to: unit) {
                let ints = rows.map { i -> Int in missing[i] ? Int(c) : Int(a.timeCount(atFlat: i) ?? notATime) }
                return (.ndarray(.make(dtype: a.dtype.nativeOrder, ints: ints, shape: [a.count])), dtypeName)
            }
            // Anything else makes an object column of Timestamps (Timedeltas) and the fill value.
            let cells = try rows.map { missing[$0] ? try fillCell(fill) : (a.pandasTimeElement(at: $0) ?? .none) }
            return (.ndarray(.objects(cells, shape: [a.count])), "object")
        default:
            if let categorical {
                let cell = try fillCell(fill)
                let known = (0..<categorical.categories.count).contains { pythonRepr(categorical.categories.label(at: $0)) == pythonRepr(cell) }
                guard known else {
                    throw PyException.typeError("Cannot setitem on a Categorical with a new category (\(try converter.interpreter.str(fill))), set the categories first")
                }
                return (.ndarray(.objects(rows.map { missing[$0] ? cell : (a.element(at: $0) ?? .none) }, shape: [a.count])), dtypeName)
            }
            // A str column filled with anything but a string becomes an object column (pandas 3 warns).
            let cell = try fillCell(fill)
            return (.ndarray(.objects(rows.map { missing[$0] ? cell : (a.element(at: $0) ?? .none) }, shape: [a.count])),
                    dtypeName == "str" && !fill.isStr ? "object" : dtypeName)
        }
    }

    /// A fill value as an element of an object column.
    private func fillCell(_ v: Value) throws -> PickleValue {
        if let t = NumericHosts.object(v) as? TimestampHost { return .reconstructed(t.stamp) }
        if let t = NumericHosts.object(v) as? TimedeltaHost { return .reconstructed(t.delta) }
        return try pickleValue(v)
    }
}

extension Value {
    var isStr: Bool { if case .str = self { return true }; return false }
    /// `axis=0` or `axis='index'`.
    var isRowAxis: Bool {
        switch self {
        case .int(0), .str("index"), .str("rows"): return true
        default: return false
        }
    }
}

/// `axis=`: rows (0, 'index') are supported; columns are refused by name; anything else is pandas' error.
private func checkRowAxis(_ axis: Value?, owner: String, method: String, interpreter: Interpreter) throws {
    guard let axis, !axis.isRowAxis else { return }
    switch axis {
    case .int(1), .str("columns"): throw PyException.typeError("\(owner).\(method)(axis=1) is not supported by mfsh")
    default: throw PyException.valueError("No axis named \(try interpreter.str(axis)) for object type \(owner)")
    }
}

/// Checks `fillna`'s arguments and returns the value (pandas 3 has no `method=`; `inplace` would change a
/// decoded artifact, which mfsh never does).
private func fillValue(_ owner: String, _ args: [Value], _ kwargs: [(String, Value)], interpreter: Interpreter) throws -> Value? {
    let a = try CallArguments("fillna", args, kwargs, ["value", "axis", "inplace", "limit"])
    if let inplace = a["inplace"], case .bool(true) = inplace {
        throw PyException.typeError("\(owner).fillna(inplace=True) is not supported by mfsh: use the returned \(owner)")
    }
    if a["limit"] != nil { throw PyException.typeError("\(owner).fillna(limit=...) is not supported by mfsh") }
    try checkRowAxis(a["axis"], owner: owner, method: "fillna", interpreter: interpreter)
    guard let value = a["value"] else {
        // An explicit None fills nothing; no value at all is an error.
        if !args.isEmpty || kwargs.contains(where: { $0.0 == "value" }) { return nil }
        throw PyException.typeError("NDFrame.fillna() missing 1 required positional argument: 'value'")
    }
    return value
}

extension SeriesHost {
    func fillna(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        guard let value = try fillValue("Series", args, kwargs, interpreter: env.converter.interpreter) else { return env.wrap(self) }
        if case .dict = value { throw PyException.typeError("Series.fillna() with a dict is not supported by mfsh") }
        if NumericHosts.object(value) is SeriesHost { throw PyException.typeError("Series.fillna() with a Series is not supported by mfsh") }
        let (values, dtype) = try env.filled(series.values, dtypeName: series.dtypeName, categorical: series.categorical, with: value)
        return env.wrap(SeriesHost(.make(values: values, index: series.index, name: series.name, dtypeName: dtype,
                                         categorical: dtype == series.dtypeName ? series.categorical : nil), env: env))
    }

    func dropna(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("dropna", args, kwargs, ["axis", "inplace", "how", "ignore_index"])
        if let inplace = a["inplace"], case .bool(true) = inplace {
            throw PyException.typeError("Series.dropna(inplace=True) is not supported by mfsh: use the returned Series")
        }
        let rows = env.missingMask(series.values).enumerated().filter { !$0.element }.map(\.offset)
        if try a.bool("ignore_index", default: false) {
            return env.wrap(SeriesHost(.make(values: env.take(series.values, rows), index: env.defaultIndex(rows.count), name: series.name,
                                             dtypeName: series.dtypeName, categorical: series.categorical), env: env))
        }
        return withValues(env.take(series.values, rows), rows: rows)
    }
}

extension DataFrameHost {
    func fillna(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        guard let value = try fillValue("DataFrame", args, kwargs, interpreter: env.converter.interpreter) else { return env.wrap(self) }
        var perColumn: [Int: Value] = [:]
        if case .dict(let d) = value {
            for (k, v) in d.items {
                // pandas ignores dict keys that are not columns.
                if let c = env.position(of: k, in: frame.columns) { perColumn[c] = v }
            }
        } else if NumericHosts.object(value) is SeriesHost || NumericHosts.object(value) is DataFrameHost {
            throw PyException.typeError("DataFrame.fillna() with a Series or DataFrame is not supported by mfsh")
        }
        var values: [PickleValue] = []
        var dtypes: [String] = []
        for c in 0..<columnCount {
            let dtype = c < frame.columnDTypeNames.count ? frame.columnDTypeNames[c] : "object"
            guard let fill = { if case .dict = value { return perColumn[c] }; return value }() else {
                values.append(frame.columnValues[c]); dtypes.append(dtype); continue
            }
            let (v, d) = try env.filled(frame.columnValues[c], dtypeName: dtype, categorical: frame.categorical(ofColumn: c), with: fill)
            values.append(v); dtypes.append(d)
        }
        let categoricals = (0..<columnCount).map { dtypes[$0] == "category" ? frame.categorical(ofColumn: $0) : nil }
        return env.wrap(DataFrameHost(.make(columns: frame.columns, index: frame.index, columnValues: values, columnDTypeNames: dtypes,
                                            columnCategoricals: categoricals), env: env))
    }

    /// `dropna(axis=0, how='any', thresh=None, subset=None, ignore_index=False)`: rows with missing values.
    func dropna(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("dropna", args, kwargs, ["axis", "how", "thresh", "subset", "inplace", "ignore_index"])
        if let inplace = a["inplace"], case .bool(true) = inplace {
            throw PyException.typeError("DataFrame.dropna(inplace=True) is not supported by mfsh: use the returned DataFrame")
        }
        try checkRowAxis(a["axis"], owner: "DataFrame", method: "dropna", interpreter: env.converter.interpreter)
        let thresh = try a.int("thresh")
        var how = "any"
        if let h = a["how"] {
            guard thresh == nil else { throw PyException.typeError("You cannot set both the how and thresh arguments at the same time.") }
            guard case .str(let s) = h, s == "any" || s == "all" else {
                throw PyException.valueError("invalid how option: \(try env.converter.interpreter.str(h))")
            }
            how = s
        }
        var checked = Array(0..<columnCount)
        if let subset = a["subset"] {
            let labels = env.listItems(subset) ?? [subset]
            var missingLabels: [Value] = []
            checked = labels.compactMap { label in
                if let c = env.position(of: label, in: frame.columns) { return c }
                missingLabels.append(label)
                return nil
            }
            if !missingLabels.isEmpty {
                throw PyException.keyError(.list(PyList(missingLabels)))
            }
        }
        let masks = checked.map { env.missingMask(frame.columnValues[$0]) }
        let rows = (0..<rowCount).filter { r in
            let present = masks.reduce(0) { $0 + ((r < $1.count && $1[r]) ? 0 : 1) }
            if let thresh { return present >= thresh }
            return how == "any" ? present == masks.count : present > 0 || masks.isEmpty
        }
        guard let selected = NumericHosts.object(selectRows(rows)) as? DataFrameHost else { return selectRows(rows) }
        if try a.bool("ignore_index", default: false) {
            let f = selected.frame
            return env.wrap(DataFrameHost(.make(columns: f.columns, index: env.defaultIndex(rows.count), columnValues: f.columnValues,
                                                columnDTypeNames: f.columnDTypeNames, columnCategoricals: f.columnCategoricals), env: env))
        }
        return env.wrap(selected)
    }
}

/// `series.iloc` and `series.loc`: an element by position or label, or a Series of the rows a slice, a
/// list or a boolean mask selects (label slices include both ends).
final class SeriesIndexerHost: NumericObject {
    let owner: SeriesHost
    let byLabel: Bool
    init(_ owner: SeriesHost, byLabel: Bool) { self.owner = owner; self.byLabel = byLabel }

    var typeName: String { byLabel ? "_LocIndexer" : "_iLocIndexer" }
    var moduleName: String { "pandas.core.indexing" }
    var env: NumericEnvironment { owner.env }

    private func position(_ key: Value) throws -> Int {
        let count = owner.count
        if byLabel {
            try env.requireWholeLabel(key, of: owner.series.index)
            guard let p = env.position(of: key, in: owner.series.index) else { throw env.missingLabel(key, in: owner.series.index) }
            return p
        }
        let raw: Int
        switch key {
        case .int(let i): raw = i
        default:
            if let s = NumericHosts.object(key) as? NDScalarHost, case .int(let i) = s.value { raw = i; break }
            throw PyException.typeError("Cannot index by location index with a non-integer key")
        }
        let p = raw < 0 ? raw + count : raw
        guard p >= 0, p < count else { throw PyException.indexError("single positional indexer is out-of-bounds") }
        return p
    }

    func getItem(_ key: Value) throws -> Value {
        let series = owner.series
        if let rows = try env.maskRows(key, count: owner.count) { return owner.withValues(env.take(series.values, rows), rows: rows) }
        var rows: [Int]?
        switch key {
        case .slice(let s) where !byLabel: rows = try sliceIndices(s, count: owner.count)
        case .slice(let s): rows = try env.labelSliceRows(s, count: owner.count, position: position)
        case .list(let l):
            rows = try l.items.flatMap { k in try (byLabel ? env.repeatedPositions(of: k, in: series.index) : nil) ?? [try position(k)] }
        default: break
        }
        if let rows { return owner.withValues(env.take(series.values, rows), rows: rows) }
        if byLabel, let repeated = env.repeatedPositions(of: key, in: series.index) {
            return owner.withValues(env.take(series.values, repeated), rows: repeated)
        }
        return try env.numpyElement(series.values, try position(key))
    }
}

extension NumericEnvironment {
    /// The row each row of `ffill`/`bfill` reads: the nearest present row before (after) it, or itself
    /// when there is none (it stays missing).
    func fillSources(_ values: PickleValue, forward: Bool) -> [Int] {
        let missing = missingMask(values)
        var sources = Array(0..<missing.count)
        var last: Int?
        for i in (forward ? Array(0..<missing.count) : Array((0..<missing.count).reversed())) {
            if !missing[i] { last = i } else if let l = last { sources[i] = l }
        }
        return sources
    }

    /// `ffill()`/`bfill()`'s arguments: `limit`, `limit_area` and `inplace=True` are refused by name.
    func checkFillDirection(_ owner: String, _ method: String, _ args: [Value], _ kwargs: [(String, Value)]) throws {
        let a = try CallArguments(method, args, kwargs, ["axis", "inplace", "limit", "limit_area"])
        if case .bool(true)? = a["inplace"] {
            throw PyException.typeError("\(owner).\(method)(inplace=True) is not supported by mfsh: use the returned \(owner)")
        }
        for name in ["limit", "limit_area"] where a[name].map({ !$0.isNone }) ?? false {
            throw PyException.typeError("\(owner).\(method)(\(name)=...) is not supported by mfsh")
        }
        try checkRowAxis(a["axis"], owner: owner, method: method, interpreter: converter.interpreter)
    }
}

extension SeriesHost {
    /// `ffill()` / `bfill()`: each missing value takes the nearest present one before / after it.
    func filledFromNeighbours(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        try env.checkFillDirection("Series", name, args, kwargs)
        return withValues(env.take(series.values, env.fillSources(series.values, forward: name == "ffill")))
    }
}

extension DataFrameHost {
    /// `ffill()` / `bfill()`, column by column.
    func filledFromNeighbours(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        try env.checkFillDirection("DataFrame", name, args, kwargs)
        let values = frame.columnValues.map { env.take($0, env.fillSources($0, forward: name == "ffill")) }
        return env.wrap(DataFrameHost(.make(columns: frame.columns, index: frame.index, columnValues: values, columnDTypeNames: frame.columnDTypeNames,
                                            columnCategoricals: frame.columnCategoricals), env: env))
    }
}
