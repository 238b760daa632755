// The public surface the shell needs over pandas values: labels, display text, and building the
// derived frames, series and indexes that selection (`df['col']`, `head(n)`) returns.
import Pickle

extension PandasIndex {
    /// Number of labels.
    public var count: Int { indexCount(self) }
    /// The label at position `i` (`i` in `0..<count`).
    public func label(at i: Int) -> PickleValue { indexLabel(self, i) }
    /// `repr(index)`.
    public var reprText: String { indexRepr(self) }

    /// A materialised `Index` (or subclass named `className`) over `labels`.
    public static func make(className: String, labels: PickleValue, name: PickleValue, dtypeName: String,
                            frequency: String? = nil, categorical: PandasCategorical? = nil) -> PandasIndex {
        PandasIndex(className: className, values: .values(labels), name: name, dtypeName: dtypeName, frequency: frequency,
                    categorical: categorical)
    }

    /// The frequency the index keeps when `rows` of it are taken: pandas keeps it, times the step,
    /// when the rows are evenly spaced (a slice, a contiguous mask), and drops it otherwise.
    public func frequency(takingRows rows: [Int]) -> String? {
        guard let frequency else { return nil }
        let step = rows.count >= 2 ? rows[1] - rows[0] : 1
        guard step != 0, zip(rows, rows.dropFirst()).allSatisfy({ $1 - $0 == step }) else { return nil }
        if step == 1 { return frequency }
        let digits = frequency.prefix { $0 == "-" || $0.isNumber }
        let (multiple, overflow) = (Int(digits) ?? 1).multipliedReportingOverflow(by: step)
        guard !overflow else { return nil }
        let code = frequency.dropFirst(digits.count)
        return multiple == 1 ? String(code) : "\(multiple)\(code)"
    }
    /// A `MultiIndex` over `levels` (at least two, all as long as each other): its labels are the rows' tuples.
    public static func multi(levels: [PandasIndex]) -> PandasIndex {
        let count = levels.first?.count ?? 0
        let tuples = (0..<count).map { row in PickleValue.tuple(PickleTuple(levels.map { $0.label(at: row) })) }
        return PandasIndex(className: "MultiIndex", values: .values(.ndarray(.objects(tuples, shape: [count]))), name: .none,
                           dtypeName: "object", levels: levels)
    }

    /// The level names of a MultiIndex (`[name]` for a flat index).
    public var names: [PickleValue] { levels.map { $0.map(\.name) } ?? [name] }

    /// A `RangeIndex`.
    public static func range(start: Int, stop: Int, step: Int, name: PickleValue) -> PandasIndex {
        PandasIndex(className: "RangeIndex", values: .range(start: start, stop: stop, step: step), name: name, dtypeName: "int64")
    }
}

extension Series {
    /// `print(series)`.
    public var displayText: String { seriesText(self) }
    public static func make(values: PickleValue, index: PandasIndex, name: PickleValue, dtypeName: String,
                            categorical: PandasCategorical? = nil) -> Series {
        Series(values: values, index: index, name: name, dtypeName: dtypeName, categorical: categorical)
    }
}

extension DataFrame {
    /// `print(df)`.
    public var displayText: String { dataFrameText(self) }
    /// `columnCategoricals`: the categories of the `category` columns, one entry per column.
    public static func make(columns: PandasIndex, index: PandasIndex, columnValues: [PickleValue], columnDTypeNames: [String],
                            columnCategoricals: [PandasCategorical?]? = nil) -> DataFrame {
        DataFrame(columns: columns, index: index, columnValues: columnValues, columnDTypeNames: columnDTypeNames,
                  columnCategoricals: columnCategoricals)
    }
}
