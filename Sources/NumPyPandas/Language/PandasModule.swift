// `import pandas as pd`: Series and DataFrame made from dicts, lists, arrays and scalars, isna/notna,
// NaT and concat. Values made here are the same values decoded artifacts are (same printing, same
// methods), so the two mix freely. What pandas has and mfsh does not is an AttributeError naming it.
import MFSInterpreter
import Pickle

enum PandasModule {
    static func members(_ env: NumericEnvironment) -> [(String, Value)] {
        var m: [(String, Value)] = []
        func def(_ name: String, _ body: @escaping ([Value], [(String, Value)]) throws -> Value) {
            m.append((name, .newBuiltin(name, body)))
        }
        m += [("__version__", .str("3.1.1 (mfsh)")),
              ("NaT", env.wrap(TimestampHost(PandasTimestamp(count: nil, unit: .ns), env: env)))]

        def("Series") { args, kwargs in
            let a = try CallArguments("Series", args, kwargs, ["data", "index", "dtype", "name", "copy"])
            return env.wrap(SeriesHost(try env.makeSeries(a), env: env))
        }
        def("Timestamp") { args, kwargs in try env.makeTimestamp(args, kwargs) }
        def("merge") { args, kwargs in
            let a = try CallArguments("merge", args, kwargs, ["left"] + NumericEnvironment.mergeParameters, required: 2)
            guard let left = a["left"].flatMap({ NumericHosts.object($0) as? DataFrameHost }) else {
                throw PyException.typeError("Can only merge Series or DataFrame objects, a \(a["left"]?.typeName ?? "NoneType") was passed")
            }
            return try env.merge(left, a)
        }
        def("DataFrame") { args, kwargs in
            let a = try CallArguments("DataFrame", args, kwargs, ["data", "index", "columns", "dtype", "copy"])
            if a["dtype"] != nil { throw PyException.typeError("DataFrame(dtype=...) is not supported by mfsh") }
            return env.wrap(DataFrameHost(try env.makeFrame(a), env: env))
        }
        def("Index") { args, kwargs in
            let a = try CallArguments("Index", args, kwargs, ["data", "dtype", "copy", "name"], required: 1)
            if a["dtype"] != nil { throw PyException.typeError("Index(dtype=...) is not supported by mfsh") }
            let index = try env.pandasIndex(a["data"] ?? .none)
            try env.refuseMultiIndex(index, "pd.Index")
            let name = try env.pandasLabel(a["name"] ?? .none)
            return env.wrap(PandasIndexHost(.make(className: "Index", labels: indexLabels(index, env: env), name: name, dtypeName: index.dtypeName), env: env))
        }
        for (name, missing) in [("isna", true), ("isnull", true), ("notna", false), ("notnull", false)] {
            def(name) { args, kwargs in
                let a = try CallArguments(name, args, kwargs, ["obj"], required: 1)
                return try env.missingness(a["obj"] ?? .none, missing: missing)
            }
        }
        def("concat") { args, kwargs in
            let a = try CallArguments("concat", args, kwargs, ["objs", "axis", "join", "ignore_index", "keys"], required: 1)
            if a["keys"] != nil { throw PyException.typeError("concat(keys=...) is not supported by mfsh") }
            if let join = a["join"], case .str(let how) = join, how == "outer" {} else if a["join"] != nil { throw PyException.typeError("concat(join=...) is not supported by mfsh") }
            switch a["axis"] {
            case nil, .int(0)?, .str("index")?, .str("rows")?: break
            default: throw PyException.typeError("concat(axis=1) is not supported by mfsh")
            }
            return try env.concat(a["objs"] ?? .none, ignoreIndex: try a.bool("ignore_index", default: false))
        }
        return m
    }

    /// The labels of an index as a value array (a RangeIndex materialised).
    static func indexLabels(_ index: PandasIndex, env: NumericEnvironment) -> PickleValue {
        switch index.values {
        case .values(let v): return v
        case .range(let start, _, let step): return .ndarray(.int64((0..<index.count).map { start + $0 * step }, shape: [index.count]))
        }
    }
}

extension NumericEnvironment {
    /// `pd.Series(data, index, dtype, name)`.
    func makeSeries(_ a: CallArguments) throws -> Series {
        let name = try pandasLabel(a["name"] ?? .none)
        var index = try a["index"].map(pandasIndex)
        var column: PandasColumn
        if case .dict(let d)? = a["data"] {
            guard index == nil else { throw PyException.typeError("Series(dict, index=...) (reindexing) is not supported by mfsh") }
            index = try pandasIndex(labels: d.keys)
            column = try pandasColumn(items: d.items.map(\.1))
        } else if let data = a["data"] {
            if let s = NumericHosts.object(data) as? SeriesHost {
                guard index == nil else { throw PyException.typeError("Series(series, index=...) (reindexing) is not supported by mfsh") }
                index = s.series.index
            }
            guard let c = try pandasColumn(data, length: index?.count ?? 1) else { throw PyException.typeError("Series data not understood by mfsh") }
            column = c
        } else {
            column = try pandasColumn(items: Array(repeating: .float(.nan), count: index?.count ?? 0))
            if index == nil { column = PandasColumn(values: .ndarray(.objects([], shape: [0])), dtypeName: "object") }
        }
        let rows = index ?? defaultIndex(column.count)
        guard rows.count == column.count else {
            throw PyException.valueError("Length of values (\(column.count)) does not match length of index (\(rows.count))")
        }
        if let dtype = a["dtype"] {
            // Inferring first would turn None into NaN in [nan, None]; pandas keeps object items as given.
            if isObjectDtype(dtype), let items = a["data"].flatMap(listItems) {
                column = PandasColumn(values: .ndarray(.objects(try items.map(pandasObject), shape: [items.count])), dtypeName: "object")
            } else {
                column = try castColumn(column, to: dtype)
            }
        }
        return .make(values: column.values, index: rows, name: name, dtypeName: column.dtypeName, categorical: column.categorical)
    }

    /// `object`, `"object"` or `"O"` as a dtype argument.
    func isObjectDtype(_ dtype: Value) -> Bool {
        if case .type(let t) = dtype, t.name == "object" { return true }
        if case .str(let name) = dtype, name == "object" || name == "O" { return true }
        return false
    }

    /// `dtype=`: numpy's numeric types, `str`/`"str"` and `object`.
    func castColumn(_ column: PandasColumn, to dtype: Value) throws -> PandasColumn {
        if case .str("category") = dtype { throw PyException.typeError("dtype='category' is not supported by mfsh") }
        if case .str("str") = dtype { return try stringColumn(column) }
        if case .type(let t) = dtype, t.name == "str" { return try stringColumn(column) }
        let isObject = isObjectDtype(dtype)
        guard let a = column.values.ndarray, let target = isObject ? NDDType(kind: "O", itemSize: 8, byteOrder: "|") : try self.dtype(dtype) else {
            return column
        }
        if target.kind == "O" {
            return PandasColumn(values: .ndarray(.objects((0..<a.count).map { a.element(at: $0) ?? .none }, shape: [a.count])), dtypeName: "object")
        }
        if a.dtype.kind == "O", column.dtypeName != "category", (target.kind == "f" && target.itemSize >= 4) || (target.kind == "i" && target.itemSize == 8) {
            return try parsedObjectColumn(a, as: target)
        }
        if a.count == 0, "biuf".contains(target.kind) {
            return PandasColumn(values: .ndarray(.make(dtype: target, ints: [], shape: [0])), dtypeName: target.nativeOrder.name)
        }
        guard "biuf".contains(a.dtype.kind), "biuf".contains(target.kind) else {
            throw PyException.typeError("converting \(column.dtypeName) to \(target.name) is not supported by mfsh")
        }
        if target.kind != "f", a.dtype.kind == "f", let o = NumericOperand(array: a) {
            if o.doubles.contains(where: { !$0.isFinite }) { throw PyException.valueError("cannot convert float NaN to integer") }
            if o.doubles.contains(where: { $0 != $0.rounded(.towardZero) }) { throw PyException.valueError("Trying to coerce float values to integers") }
        }
        let cast = try self.cast(a, to: target)
        return PandasColumn(values: .ndarray(cast), dtypeName: cast.dtype.name)
    }

    /// A str or object column as numbers (`s.astype(float)` after reading text): each cell through
    /// Python's float()/int() as pandas does, a missing one NaN (an error for int, as pandas').
    private func parsedObjectColumn(_ a: NDArray, as target: NDDType) throws -> PandasColumn {
        let interpreter = converter.interpreter
        let isFloat = target.kind == "f"
        guard let convert = interpreter.builtinFunction(isFloat ? "float" : "int") else {
            throw PyException.typeError("converting object to \(target.name) is not supported by mfsh")
        }
        var doubles: [Double] = [], ints: [Int] = []
        for i in 0..<a.count {
            let cell = a.element(at: i) ?? .none
            if isMissing(cell) {
                guard isFloat else { throw PyException.valueError("cannot convert float NaN to integer") }
                doubles.append(.nan)
                continue
            }
            switch try interpreter.call(convert, [try python(cell)]) {
            case .float(let x): doubles.append(x)
            case .int(let n): ints.append(n)
            default: throw PyException.overflow("Python int too large to convert to C long")
            }
        }
        let values: NDArray = isFloat ? .make(dtype: target, doubles: doubles, shape: [a.count]) : .make(dtype: target, ints: ints, shape: [a.count])
        return PandasColumn(values: .ndarray(values), dtypeName: values.dtype.name)
    }

    private func stringColumn(_ column: PandasColumn) throws -> PandasColumn {
        guard let a = column.values.ndarray else { return column }
        let cells = try (0..<a.count).map { i -> PickleValue in
            let v = a.element(at: i) ?? .none
            if isMissing(v) { return .float(.nan) }
            if case .string = v { return v }
            return .string(try converter.interpreter.str(try pythonElement(column.values, i)))
        }
        return PandasColumn(values: .ndarray(.objects(cells, shape: [a.count])), dtypeName: "str")
    }

    /// `pd.DataFrame(data, index, columns)` from a dict of columns, a list of dicts (records), a list of
    /// rows, a 2-D array or another DataFrame.
    func makeFrame(_ a: CallArguments) throws -> DataFrame {
        var index = try a["index"].map(pandasIndex)
        let columnsArgument = try a["columns"].map { v -> [Value] in
            if let h = NumericHosts.object(v) as? PandasIndexHost { return try h.labels() }
            guard let items = listItems(v) else { throw PyException.typeError("columns must be a list-like in mfsh") }
            return items
        }
        var labels: [Value] = []
        var columns: [PandasColumn] = []
        let data = a["data"] ?? .none
        if case .dict(let d) = data {
            // Series set the index (all must share it); lists and scalars follow it.
            let seriesIndexes = d.items.compactMap { (NumericHosts.object($0.1) as? SeriesHost)?.series.index }
            if index == nil, let first = seriesIndexes.first {
                guard seriesIndexes.allSatisfy({ sameLabels($0, first) }) else {
                    throw PyException.valueError("a DataFrame of Series with different indexes (label alignment) is not supported by mfsh")
                }
                index = first
            } else if let index, seriesIndexes.contains(where: { !sameLabels($0, index) }) {
                throw PyException.valueError("DataFrame(index=...) realigning Series is not supported by mfsh")
            }
            let lengths = try d.items.compactMap { try pandasColumn($0.1, length: nil)?.count }
            if index == nil, lengths.isEmpty, !d.items.isEmpty { throw PyException.valueError("If using all scalar values, you must pass an index") }
            if let first = lengths.first, lengths.contains(where: { $0 != first }) { throw PyException.valueError("All arrays must be of the same length") }
            let length = index?.count ?? lengths.first ?? 0
            for (key, value) in d.items {
                if let wanted = columnsArgument, !wanted.contains(where: { sameLabel($0, key) }) { continue }
                guard var c = try pandasColumn(value, length: length) else { continue }
                // An empty list is np.array([]) here, float64 (pd.Series([]) alone is object).
                if c.count == 0, c.dtypeName == "object", listItems(value)?.isEmpty == true { c = PandasColumn(values: .ndarray(.float64([], shape: [0])), dtypeName: "float64") }
                labels.append(key)
                columns.append(c)
            }
            if let wanted = columnsArgument {
                guard wanted.count == labels.count else { throw PyException.keyError(.str("DataFrame(columns=...) naming absent keys is not supported by mfsh")) }
                let order = wanted.compactMap { w in labels.firstIndex { sameLabel($0, w) } }
                labels = order.map { labels[$0] }
                columns = order.map { columns[$0] }
            }
        } else if let f = NumericHosts.object(data) as? DataFrameHost {
            guard index == nil, columnsArgument == nil else { throw PyException.typeError("DataFrame(frame, index=/columns=) is not supported by mfsh") }
            return f.frame
        } else if let h = NumericHosts.object(data) as? NDArrayHost, h.array.shape.count == 2 {
            let (rows, width) = (h.array.shape[0], h.array.shape[1])
            labels = columnsArgument ?? (0..<width).map { .int($0) }
            guard labels.count == width else { throw PyException.valueError("Shape of passed values is (\(rows), \(width)), indices imply (\(rows), \(labels.count))") }
            for c in 0..<width {
                columns.append(try pandasColumn(array: h.array.gathering((0..<rows).map { $0 * width + c }, shape: [rows])))
            }
            if rows == 0 { index = index ?? defaultIndex(0) }
        } else if let rows = listItems(data) {
            if rows.allSatisfy({ if case .dict = $0 { return true }; return false }) {
                (labels, columns) = try recordColumns(rows, wanted: columnsArgument)
            } else {
                let cells = try rows.map { r -> [Value] in
                    guard let items = listItems(r) else { throw PyException.typeError("DataFrame rows of \(r.typeName) are not supported by mfsh") }
                    return items
                }
                let width = cells.first?.count ?? 0
                guard cells.allSatisfy({ $0.count == width }) else { throw PyException.valueError("rows of different lengths are not supported by mfsh") }
                labels = columnsArgument ?? (0..<width).map { .int($0) }
                guard labels.count == width else {
                    throw PyException.valueError("\(labels.count) columns passed, passed data had \(width) columns")
                }
                columns = try (0..<width).map { c in try pandasColumn(items: cells.map { $0[c] }) }
            }
        } else if !data.isNone {
            throw PyException.valueError("DataFrame constructor not properly called!")
        } else if let wanted = columnsArgument {
            labels = wanted
            columns = try wanted.map { _ in try pandasColumn(items: Array(repeating: .float(.nan), count: index?.count ?? 0)) }
            if index == nil { columns = columns.map { _ in PandasColumn(values: .ndarray(.objects([], shape: [0])), dtypeName: "object") } }
        }
        let rows = index ?? defaultIndex(columns.first?.count ?? 0)
        if let bad = columns.first(where: { $0.count != rows.count }) {
            throw PyException.valueError("Length of values (\(bad.count)) does not match length of index (\(rows.count))")
        }
        let columnIndex: PandasIndex = labels.isEmpty ? .range(start: 0, stop: 0, step: 1, name: .none) : try pandasIndex(labels: labels)
        return .make(columns: columnIndex, index: rows, columnValues: columns.map(\.values),
                     columnDTypeNames: columns.map(\.dtypeName), columnCategoricals: columns.map(\.categorical))
    }

    /// Columns of a list of dicts: keys in order of first appearance, absent cells missing.
    private func recordColumns(_ rows: [Value], wanted: [Value]?) throws -> ([Value], [PandasColumn]) {
        var labels: [Value] = []
        for case .dict(let d) in rows {
            for k in d.keys where !labels.contains(where: { sameLabel($0, k) }) { labels.append(k) }
        }
        if let wanted { labels = wanted }
        let columns = try labels.map { key in
            try pandasColumn(items: rows.map { r in
                guard case .dict(let d) = r else { return .float(.nan) }
                return d.items.first { sameLabel($0.0, key) }?.1 ?? .float(.nan)
            })
        }
        return (labels, columns)
    }

    /// Whether two labels are the same (as dict keys would be: 1 and 1.0 are).
    func sameLabel(_ x: Value, _ y: Value) -> Bool {
        guard let p = try? pandasLabel(x) else { return false }
        return labelMatches(p, y)
    }

    func listItems(_ v: Value) -> [Value]? {
        switch v {
        case .list(let l): return l.items
        case .tuple(let t): return t
        default: return nil
        }
    }

    /// Whether two indexes have the same labels in the same order.
    func sameLabels(_ x: PandasIndex, _ y: PandasIndex) -> Bool {
        if x === y { return true }
        return x.count == y.count && (0..<x.count).allSatisfy { pythonRepr(x.label(at: $0)) == pythonRepr(y.label(at: $0)) }
    }

    /// `pd.isna(obj)` / `pd.notna(obj)`.
    func missingness(_ v: Value, missing: Bool) throws -> Value {
        func mask(_ values: PickleValue) -> PickleValue {
            let m = missingMask(values)
            return .ndarray(.bool(missing ? m : m.map { !$0 }, shape: [m.count]))
        }
        if let s = NumericHosts.object(v) as? SeriesHost { return s.withValues(mask(s.series.values), dtypeName: "bool") }
        if let f = NumericHosts.object(v) as? DataFrameHost {
            let frame = f.frame
            return wrap(DataFrameHost(.make(columns: frame.columns, index: frame.index, columnValues: frame.columnValues.map(mask),
                                            columnDTypeNames: frame.columnValues.map { _ in "bool" }), env: self))
        }
        if let h = NumericHosts.object(v) as? NDArrayHost {
            let flat = h.array.shape.count == 1 ? h.array : h.array.gathering(Array(0..<h.array.count), shape: [h.array.count])
            let m = missingMask(.ndarray(flat))
            return wrap(NDArrayHost(.bool(missing ? m : m.map { !$0 }, shape: h.array.shape), env: self))
        }
        if let items = listItems(v) {
            return wrap(NDArrayHost(.bool(items.map { isMissingScalar($0) == missing }, shape: [items.count]), env: self))
        }
        return .bool(isMissingScalar(v) == missing)
    }
}
