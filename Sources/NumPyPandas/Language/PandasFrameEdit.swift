// Column assignment: `df["col"] = values` replaces or appends a column, as pandas does in place.
// The frame value itself stays immutable; the host takes a new one.
import MFSInterpreter
import Pickle

extension DataFrameHost: NumericItemAssignable {
    func setItem(_ key: Value, _ value: Value) throws {
        if case .list = key { throw PyException.typeError("assigning several columns at once is not supported by mfsh") }
        if (try? env.maskRows(key, count: rowCount)) != nil || { if case .slice = key { return true }; return false }() {
            throw PyException.typeError("assigning rows through df[...] is not supported by mfsh")
        }
        let label = try env.pandasLabel(key)
        var column: PandasColumn
        if var s = NumericHosts.object(value) as? SeriesHost {
            if !env.sameLabels(s.series.index, frame.index) {
                // pandas reindexes the Series on the frame's labels (PandasAlignment.swift).
                guard let moved = s.reindexed(to: frame.index) else {
                    throw PyException.valueError("assigning a Series with a different index (label alignment) is not supported by mfsh")
                }
                s = moved
            }
            column = PandasColumn(values: s.series.values, dtypeName: s.series.dtypeName, categorical: s.series.categorical)
        } else {
            guard let c = try env.pandasColumn(value, length: rowCount) else { throw PyException.typeError("cannot assign \(value.typeName) as a column in mfsh") }
            column = c
        }
        if columnCount == 0 && rowCount == 0 && column.count > 0 {
            frame = .make(columns: frame.columns, index: env.defaultIndex(column.count), columnValues: [], columnDTypeNames: [])
        }
        guard column.count == rowCount else {
            throw PyException.valueError("Length of values (\(column.count)) does not match length of index (\(rowCount))")
        }
        var values = Array(frame.columnValues.prefix(columnCount))
        var dtypes = Array(frame.columnDTypeNames.prefix(columnCount))
        var categoricals = (0..<columnCount).map { frame.categorical(ofColumn: $0) }
        var columns = frame.columns
        if let c = env.position(of: key, in: frame.columns) {
            values[c] = column.values; dtypes[c] = column.dtypeName; categoricals[c] = column.categorical
        } else {
            values.append(column.values); dtypes.append(column.dtypeName); categoricals.append(column.categorical)
            let labels = try (0..<columnCount).map { try env.python(frame.columns.label(at: $0)) } + [try env.python(label)]
            columns = try env.pandasIndex(labels: labels, name: frame.columns.name)
        }
        frame = .make(columns: columns, index: frame.index, columnValues: values, columnDTypeNames: dtypes, columnCategoricals: categoricals)
    }
}

extension FrameIndexerHost: NumericItemAssignable {
    func setItem(_ key: Value, _ value: Value) throws {
        throw PyException.typeError("assignment through .\(byLabel ? "loc" : "iloc")[...] is not supported by mfsh (assign a whole column with df[\"col\"] = ...)")
    }
}
