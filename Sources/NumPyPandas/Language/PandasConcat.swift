// `pd.concat` of Series or of DataFrames with the same columns, one after the other (axis=0).
import MFSInterpreter
import Pickle

extension NumericEnvironment {
    func concat(_ objs: Value, ignoreIndex: Bool) throws -> Value {
        var items: [Value]
        if let list = listItems(objs) {
            items = list
        } else if case .dict = objs {
            throw PyException.typeError("concat of a dict (keys) is not supported by mfsh")
        } else {
            throw PyException.typeError("first argument must be an iterable of pandas objects, you passed an object of type \"\(objs.typeName)\"")
        }
        items = items.filter { !$0.isNone }
        guard !items.isEmpty else { throw PyException.valueError("No objects to concatenate") }
        let series = items.compactMap { (NumericHosts.object($0) as? SeriesHost)?.series }
        let frames = items.compactMap { (NumericHosts.object($0) as? DataFrameHost)?.frame }
        if series.count == items.count {
            let column = try concatColumns(series.map { PandasColumn(values: $0.values, dtypeName: $0.dtypeName, categorical: $0.categorical) })
            let name = series.dropFirst().allSatisfy { pythonRepr($0.name) == pythonRepr(series[0].name) } ? series[0].name : .none
            let index = ignoreIndex ? defaultIndex(column.count) : try concatIndexes(series.map(\.index))
            return wrap(SeriesHost(.make(values: column.values, index: index, name: name, dtypeName: column.dtypeName,
                                         categorical: column.categorical), env: self))
        }
        guard frames.count == items.count else {
            let bad = items.first { NumericHosts.object($0) as? SeriesHost == nil && NumericHosts.object($0) as? DataFrameHost == nil } ?? items[0]
            if series.isEmpty || frames.isEmpty {
                throw PyException.typeError("cannot concatenate object of type '<class '\(bad.typeName)'>'; only Series and DataFrame objs are valid")
            }
            throw PyException.typeError("concat of Series with DataFrames is not supported by mfsh")
        }
        let first = frames[0]
        let width = first.columnValues.count
        for f in frames.dropFirst() where !sameLabels(f.columns, first.columns) {
            throw PyException.valueError("concat of DataFrames with different columns is not supported by mfsh")
        }
        let columns = try (0..<width).map { c in
            try concatColumns(frames.map { PandasColumn(values: $0.columnValues[c], dtypeName: $0.columnDTypeNames[c], categorical: $0.categorical(ofColumn: c)) })
        }
        let rows = columns.first?.count ?? frames.reduce(0) { $0 + $1.index.count }
        let index = ignoreIndex ? defaultIndex(rows) : try concatIndexes(frames.map(\.index))
        return wrap(DataFrameHost(.make(columns: first.columns, index: index, columnValues: columns.map(\.values),
                                        columnDTypeNames: columns.map(\.dtypeName), columnCategoricals: columns.map(\.categorical)), env: self))
    }

    /// Columns one after the other in their common type: numbers promote (int64 + float64 is float64),
    /// strings stay `str`, anything else mixed becomes object.
    func concatColumns(_ parts: [PandasColumn]) throws -> PandasColumn {
        let arrays = parts.compactMap(\.values.ndarray)
        guard arrays.count == parts.count, let first = arrays.first else { throw PyException.typeError("concat of these columns is not supported by mfsh") }
        let total = arrays.reduce(0) { $0 + $1.count }
        let names = Set(parts.map(\.dtypeName))
        if names == ["category"] {
            throw PyException.typeError("concat of categorical columns is not supported by mfsh")
        }
        let numeric = arrays.allSatisfy { "iuf".contains($0.dtype.kind) } || arrays.allSatisfy { $0.dtype.kind == "b" }
        if numeric {
            let type = arrays.dropFirst().reduce(first.dtype.nativeOrder) { NumPyMath.promote($0, $1.dtype) }
            let operands = arrays.compactMap { NumericOperand(array: $0) }
            guard operands.count == arrays.count else { throw PyException.typeError("concat of these columns is not supported by mfsh") }
            let values: NDArray
            if type.kind == "f" {
                values = .make(dtype: type, doubles: operands.flatMap(\.doubles), shape: [total])
            } else if type.kind == "b" {
                values = .bool(operands.flatMap { $0.doubles.map { $0 != 0 } }, shape: [total])
            } else {
                values = .make(dtype: type, ints: operands.flatMap { $0.ints ?? [] }, shape: [total])
            }
            return PandasColumn(values: .ndarray(values), dtypeName: values.dtype.name)
        }
        if arrays.contains(where: { "Mm".contains($0.dtype.kind) }) {
            throw PyException.typeError("concat of datetime64/timedelta64 columns is not supported by mfsh")
        }
        let cells = arrays.flatMap { a in (0..<a.count).map { a.element(at: $0) ?? .none } }
        return PandasColumn(values: .ndarray(.objects(cells, shape: [total])), dtypeName: names == ["str"] ? "str" : "object")
    }

    /// The labels of indexes one after the other; consecutive RangeIndexes stay a RangeIndex, as pandas'.
    func concatIndexes(_ indexes: [PandasIndex]) throws -> PandasIndex {
        for index in indexes { try refuseMultiIndex(index, "concat") }
        var ranges: [(Int, Int, Int)] = []
        for index in indexes { if case .range(let start, let stop, let step) = index.values { ranges.append((start, stop, step)) } }
        if ranges.count == indexes.count, let first = ranges.first {
            let nonEmpty = ranges.filter { $0.0 != $0.1 }
            let step = nonEmpty.first?.2 ?? first.2
            var next = nonEmpty.first?.0 ?? first.0
            var consecutive = true
            for (start, stop, s) in nonEmpty {
                if start != next || (s != step && (stop - start) / s > 1) { consecutive = false; break }
                next = start + ((stop - start + s - (s > 0 ? 1 : -1)) / s) * s
            }
            if consecutive {
                let start = nonEmpty.first?.0 ?? first.0
                return .range(start: start, stop: next, step: step, name: indexes[0].name)
            }
        }
        let column = try concatColumns(indexes.map { PandasColumn(values: PandasModule.indexLabels($0, env: self), dtypeName: $0.dtypeName) })
        let name = indexes.dropFirst().allSatisfy { pythonRepr($0.name) == pythonRepr(indexes[0].name) } ? indexes[0].name : .none
        return .make(className: "Index", labels: column.values, name: name, dtypeName: column.dtypeName)
    }
}
