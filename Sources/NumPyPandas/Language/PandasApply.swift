// DataFrame.apply(func, axis): the function called on each column (axis=0) or each row (axis=1, the
// row as a Series, as iterrows gives it), its results one Series labelled by the columns or the
// index, dtype inferred as pandas infers a list. A function returning Series (pandas would build a
// frame), raw=, result_type= and an empty frame are refused rather than guessed.
import MFSInterpreter
import Pickle

extension DataFrameHost {
    func applied(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("apply", args, kwargs, ["func", "axis", "raw", "result_type", "args", "by_row", "engine", "engine_kwargs"], required: 1)
        let interpreter = env.converter.interpreter
        for refused in ["result_type", "engine", "engine_kwargs"] where a[refused].map({ !$0.isNone }) ?? false {
            throw PyException.typeError("DataFrame.apply(\(refused)=...) is not supported by mfsh")
        }
        if case .bool(true)? = a["raw"] { throw PyException.typeError("DataFrame.apply(raw=True) is not supported by mfsh") }
        let function = a["func"] ?? .none
        guard function.isCallable else {
            throw PyException.typeError("DataFrame.apply() of a \(function.typeName) (a name or a list of functions) is not supported by mfsh")
        }
        let byRow: Bool
        switch a["axis"] {
        case nil, .int(0)?, .str("index")?: byRow = false
        case .int(1)?, .str("columns")?: byRow = true
        case let other?: throw PyException.valueError("No axis named \(try interpreter.repr(other)) for object type DataFrame")
        }
        let extra = try a["args"].map { try interpreter.iterateAll($0) } ?? []
        let count = byRow ? rowCount : columnCount
        guard count > 0, rowCount > 0 else { throw PyException.typeError("DataFrame.apply() on an empty DataFrame is not supported by mfsh") }
        let rows = FrameIndexerHost(self, byLabel: false)
        var results: [Value] = []
        results.reserveCapacity(count)
        for i in 0..<count {
            let item = byRow ? rows.rowSeries(i) : env.wrap(column(i))
            let r = try interpreter.call(function, [item] + extra)
            if let o = NumericHosts.object(r), o is SeriesHost || o is DataFrameHost {
                throw PyException.typeError("DataFrame.apply() with a function returning a \(o.typeName) (a DataFrame result) is not supported by mfsh")
            }
            results.append(r)
        }
        let column = try env.pandasColumn(items: results)
        let labels = byRow ? frame.index : frame.columns
        return env.wrap(SeriesHost(.make(values: column.values, index: labels, name: .none, dtypeName: column.dtypeName,
                                         categorical: column.categorical), env: env))
    }
}
