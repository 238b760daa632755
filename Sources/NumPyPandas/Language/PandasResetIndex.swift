// `DataFrame.reset_index()` and `Series.reset_index()`: the index (each level of a MultiIndex) becomes
// ordinary columns in front and a RangeIndex replaces it, with pandas' column names for unnamed levels;
// and `Series.to_frame()`.
import MFSInterpreter
import Pickle

extension DataFrameHost {
    /// `reset_index(drop=False)`: the index becomes the first column (`index`, or its name; each level
    /// of a MultiIndex its own column, `level_<i>` when unnamed) and a RangeIndex replaces it.
    func resetIndex(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("reset_index", args, kwargs, ["level", "drop", "inplace", "col_level", "col_fill", "allow_duplicates", "names"])
        if case .bool(true)? = a["inplace"] { throw PyException.typeError("DataFrame.reset_index(inplace=True) is not supported by mfsh: use the returned DataFrame") }
        for refused in ["level", "names"] where a[refused] != nil { throw PyException.typeError("reset_index(\(refused)=...) is not supported by mfsh") }
        let range = env.defaultIndex(rowCount)
        if try a.bool("drop", default: false) {
            return env.wrap(DataFrameHost(.make(columns: frame.columns, index: range, columnValues: frame.columnValues,
                                                columnDTypeNames: frame.columnDTypeNames, columnCategoricals: frame.columnCategoricals), env: env))
        }
        let allowDuplicates = try a.bool("allow_duplicates", default: false)
        let levels = frame.index.levels ?? [frame.index]
        var names: [PickleValue]
        if frame.index.levels == nil {
            // An unnamed index becomes `index`, or `level_0` when `index` is already a column (pandas' rule).
            var name = frame.index.name
            if case .none = name {
                name = env.position(of: .str("index"), in: frame.columns) == nil ? .string("index") : .string("level_0")
            }
            names = [name]
        } else {
            names = levels.enumerated().map { k, level in if case .none = level.name { return .string("level_\(k)") }; return level.name }
        }
        if !allowDuplicates {
            // pandas inserts the last level first, so that is the one a clash names.
            for name in names.reversed() where env.position(of: try env.python(name), in: frame.columns) != nil {
                throw PyException.valueError("cannot insert \(plainText(name)), already exists")
            }
        }
        let levelValues = levels.map { level -> PickleValue in
            switch level.values {
            case .range(let start, _, let step): return .ndarray(.int64((0..<rowCount).map { start &+ $0 &* step }, shape: [rowCount]))
            case .values(let v): return v
            }
        }
        let labels = try names.map { try env.python($0) } + (try (0..<columnCount).map { try env.python(frame.columns.label(at: $0)) })
        return env.wrap(DataFrameHost(.make(columns: try env.pandasIndex(labels: labels, name: frame.columns.name), index: range,
                                            columnValues: levelValues + frame.columnValues.prefix(columnCount),
                                            columnDTypeNames: levels.map(\.dtypeName) + frame.columnDTypeNames.prefix(columnCount),
                                            columnCategoricals: levels.map { _ in nil } + (0..<columnCount).map { frame.categorical(ofColumn: $0) }),
                                      env: env))
    }
}

extension SeriesHost {
    /// `reset_index(drop=False, name=...)`: a frame of the index column(s) and the values (named after
    /// the Series, `0` when it has no name), or with drop=True the Series under a RangeIndex.
    func resetIndex(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("reset_index", args, kwargs, ["level", "drop", "name", "inplace", "allow_duplicates"])
        if case .bool(true)? = a["inplace"] { throw PyException.typeError("Series.reset_index(inplace=True) is not supported by mfsh: use the returned value") }
        if a["level"] != nil { throw PyException.typeError("reset_index(level=...) is not supported by mfsh") }
        if try a.bool("drop", default: false) {
            return env.wrap(SeriesHost(.make(values: series.values, index: env.defaultIndex(count), name: series.name, dtypeName: series.dtypeName,
                                             categorical: series.categorical), env: env))
        }
        if a.given("name")?.isNone == true { throw PyException.typeError("Series.reset_index(name=None) is not supported by mfsh") }
        var forwarded: [(String, Value)] = []
        if let allow = a["allow_duplicates"] { forwarded.append(("allow_duplicates", allow)) }
        return try DataFrameHost(try frame(named: a.given("name")), env: env).resetIndex([], forwarded)
    }

    /// `to_frame(name=<no default>)`: the Series as the one column of a frame, labelled `name` when
    /// given (None too), else the Series' name, else 0.
    func toFrame(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("to_frame", args, kwargs, ["name"])
        return env.wrap(DataFrameHost(try frame(named: a.given("name")), env: env))
    }

    private func frame(named name: Value?) throws -> DataFrame {
        let label = try name ?? env.python(series.name)
        let columns = name == nil && label.isNone ? PandasIndex.range(start: 0, stop: 1, step: 1, name: .none) : try env.pandasIndex(labels: [label])
        return DataFrame.make(columns: columns, index: series.index, columnValues: [series.values], columnDTypeNames: [series.dtypeName],
                              columnCategoricals: [series.categorical])
    }
}
