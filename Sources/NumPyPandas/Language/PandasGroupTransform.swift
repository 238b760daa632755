// `df.groupby(...)[col].transform("sum")`: each row gets its group's aggregate, under the frame's index
// (NaN for a row in no group: a missing key), as pandas broadcasts it back.
import MFSInterpreter
import Pickle

extension GroupByHost {
    func transform(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("transform", args, kwargs, ["func"], required: 1)
        guard case .str(let name)? = a["func"] else { throw PyException.typeError("transform() with a function is not supported by mfsh (use its name)") }
        guard Self.aggregations.contains(name) else { throw PyException.attributeError("'\(typeName)' object has no attribute '\(name)'") }
        let g = try groups()
        let columns = try selected.map { try broadcast(try aggregateColumn($0, name, g), g) }
        let host = DataFrameHost(frame, env: env)
        if asSeries, let c = selected.first, let column = columns.first {
            return env.wrap(SeriesHost(.make(values: column.values, index: frame.index, name: frame.columns.label(at: c), dtypeName: column.dtypeName), env: env))
        }
        let picked = host.selectColumns(selected).frame
        return env.wrap(DataFrameHost(.make(columns: picked.columns, index: frame.index, columnValues: columns.map(\.values),
                                            columnDTypeNames: columns.map(\.dtypeName)), env: env))
    }

    /// A group's value on each of its rows; NaN on rows in no group (ints become float64 then).
    private func broadcast(_ column: PandasColumn, _ g: PandasGroups) throws -> PandasColumn {
        guard let values = column.values.ndarray else { throw PyException.typeError("transform of this column is not supported by mfsh") }
        if !g.codes.contains(-1) {
            return PandasColumn(values: .ndarray(values.gathering(g.codes, shape: [g.codes.count])), dtypeName: column.dtypeName)
        }
        switch values.dtype.kind {
        case "i", "u", "f":
            guard let x = values.doubleValues() else { break }
            let type: NDDType = values.dtype.kind == "f" ? values.dtype.nativeOrder : .float64
            let array = NDArray.make(dtype: type, doubles: g.codes.map { $0 < 0 ? .nan : x[$0] }, shape: [g.codes.count])
            return PandasColumn(values: .ndarray(array), dtypeName: array.dtype.name)
        case "O" where column.dtypeName == "str":
            let cells = g.codes.map { $0 < 0 ? PickleValue.float(.nan) : values.element(at: $0) ?? .float(.nan) }
            return PandasColumn(values: .ndarray(.objects(cells, shape: [cells.count])), dtypeName: "str")
        default: break
        }
        throw PyException.typeError("transform of a \(column.dtypeName) result with rows missing a key is not supported by mfsh")
    }
}
