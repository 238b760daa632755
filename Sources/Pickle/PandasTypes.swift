// pandas values reconstructed from block-manager pickles.

/// A pandas Index (RangeIndex, Index, DatetimeIndex, ...).
public final class PandasIndex {
    public enum Values {
        /// RangeIndex: never materialised.
        case range(start: Int, stop: Int, step: Int)
        /// Materialised labels, usually an `.ndarray`.
        case values(PickleValue)
    }
    /// The pandas class name: `RangeIndex`, `Index`, `DatetimeIndex`, `MultiIndex`, ...
    public let className: String
    public let values: Values
    public let name: PickleValue

    init(className: String, values: Values, name: PickleValue) {
        self.className = className; self.values = values; self.name = name
    }
}

/// A pandas Series: values (usually `.ndarray`), index and name.
public final class Series {
    public let values: PickleValue
    public let index: PandasIndex
    public let name: PickleValue

    init(values: PickleValue, index: PandasIndex, name: PickleValue) {
        self.values = values; self.index = index; self.name = name
    }
}

/// A pandas DataFrame: column labels, row index and one value array per column, in column order.
public final class DataFrame {
    public let columns: PandasIndex
    public let index: PandasIndex
    /// One entry per column (usually `.ndarray` of one dimension, or an extension array object).
    public let columnValues: [PickleValue]

    init(columns: PandasIndex, index: PandasIndex, columnValues: [PickleValue]) {
        self.columns = columns; self.index = index; self.columnValues = columnValues
    }
}
