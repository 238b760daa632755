// `series.unstack(level=-1, fill_value=None)` of a Series with a MultiIndex (what `df.groupby([a, b])[col].agg()`
// gives): one level's values become the columns, the other levels the rows, both sorted, missing cells NaN
// (an int result then float64, as pandas upcasts the whole block).
import MFSInterpreter
import Pickle

extension NumericEnvironment {
    /// The position of `level` (a level's name, or its number, negative from the end) among `levels`,
    /// with pandas' errors.
    func levelNumber(_ level: Value, _ levels: [PandasIndex]) throws -> Int {
        if let k = levels.indices.first(where: { labelMatches(levels[$0].name, level) }) { return k }
        guard case .int(let raw) = level else { throw PyException.keyError(.str("Level \(try converter.interpreter.str(level)) not found")) }
        let k = raw < 0 ? raw + levels.count : raw
        guard k >= 0, k < levels.count else {
            if raw < 0 { throw PyException.indexError("Too many levels: Index has only \(levels.count) levels, \(raw) is not a valid level number") }
            throw PyException.indexError("Too many levels: Index has only \(levels.count) levels, not \(raw + 1)")
        }
        return k
    }
}

extension SeriesHost {
    /// Beyond this many cells an unstacked frame is refused rather than built.
    static let unstackCellLimit = 50_000_000

    func unstack(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("unstack", args, kwargs, ["level", "fill_value", "sort"])
        guard let levels = series.index.levels else {
            throw PyException.valueError("index must be a MultiIndex to unstack, <class 'pandas.\(series.index.className)'> was passed")
        }
        guard try a.bool("sort", default: true) else { throw PyException.typeError("unstack(sort=False) is not supported by mfsh") }
        let k = try env.levelNumber(a["level"] ?? .int(-1), levels)
        let arrays = try levels.map { level -> NDArray in
            guard case .values(.reconstructed(let array as NDArray)) = level.values else { throw PyException.typeError("unstack of this index is not supported by mfsh") }
            return array
        }
        guard let values = valuesArray else { throw PyException.typeError("unstack of a \(series.dtypeName) Series is not supported by mfsh") }
        let rest = arrays.indices.filter { $0 != k }
        // A missing label (groupby(dropna=False) makes them) is a row or column of its own, sorted last.
        let columnGroups = try PandasGroups(keys: arrays[k], dropna: false)
        let rowGroups = rest.count == 1 ? try PandasGroups(keys: arrays[rest[0]], dropna: false)
                                        : try PandasGroups(keys: rest.map { arrays[$0] }, dropna: false)
        let (cellCount, overflow) = rowGroups.count.multipliedReportingOverflow(by: columnGroups.count)
        guard !overflow, cellCount <= Self.unstackCellLimit else {
            throw PyException.valueError("unstack to more than \(Self.unstackCellLimit) cells is not supported by mfsh")
        }
        // The source row of each cell, row-major.
        var source = [Int?](repeating: nil, count: cellCount)
        for r in 0..<count {
            let cell = rowGroups.codes[r] * columnGroups.count + columnGroups.codes[r]
            if source[cell] != nil { throw PyException.valueError("Index contains duplicate entries, cannot reshape") }
            source[cell] = r
        }
        let columns = try unstackedColumns(values, source, rows: rowGroups.count, columns: columnGroups.count, fill: a["fill_value"])
        let rowLevels = rest.map { level in
            PandasIndex.make(className: "Index", labels: .ndarray(arrays[level].gathering(rowGroups.firstRows, shape: [rowGroups.count])),
                             name: levels[level].name, dtypeName: levels[level].dtypeName)
        }
        let columnIndex = PandasIndex.make(className: "Index", labels: .ndarray(arrays[k].gathering(columnGroups.firstRows, shape: [columnGroups.count])),
                                           name: levels[k].name, dtypeName: levels[k].dtypeName)
        return env.wrap(DataFrameHost(.make(columns: columnIndex, index: rowLevels.count == 1 ? rowLevels[0] : .multi(levels: rowLevels),
                                            columnValues: columns.map(\.values), columnDTypeNames: columns.map(\.dtypeName)), env: env))
    }

    /// The columns of the unstacked frame: the values as they are when every cell is filled, else
    /// numbers with NaN (float64 for ints) or `fill_value` in the empty cells.
    private func unstackedColumns(_ values: NDArray, _ source: [Int?], rows: Int, columns: Int, fill: Value?) throws -> [PandasColumn] {
        let kind = values.dtype.kind
        func cells(_ c: Int) -> [Int?] { (0..<rows).map { source[$0 * columns + c] } }
        if !source.contains(where: { $0 == nil }) {
            return (0..<columns).map { c in
                PandasColumn(values: .ndarray(values.gathering(cells(c).compactMap { $0 }, shape: [rows])), dtypeName: series.dtypeName)
            }
        }
        var filler: Double? = .nan
        switch fill {
        case nil, .none?: break
        case .int(let f)?:
            filler = Double(f)
            // An int fill keeps int values int.
            if kind == "i", let ints = values.withInt64s({ r in (0..<values.count).map { r[$0] } }) {
                return (0..<columns).map { c in
                    let array = NDArray.make(dtype: values.dtype.nativeOrder, ints: cells(c).map { $0.map { Int(ints[$0]) } ?? f }, shape: [rows])
                    return PandasColumn(values: .ndarray(array), dtypeName: array.dtype.name)
                }
            }
        case .float(let f)?: filler = f
        default: filler = nil
        }
        if let filler, "iuf".contains(kind), let doubles = values.doubleValues() {
            let type: NDDType = kind == "f" ? values.dtype.nativeOrder : .float64
            return (0..<columns).map { c in
                let array = NDArray.make(dtype: type, doubles: cells(c).map { $0.map { doubles[$0] } ?? filler }, shape: [rows])
                return PandasColumn(values: .ndarray(array), dtypeName: array.dtype.name)
            }
        }
        throw PyException.typeError("unstack leaving empty cells in a \(series.dtypeName) Series (with this fill_value) is not supported by mfsh")
    }
}
