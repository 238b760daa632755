// pandas values reconstructed from block-manager pickles.
import Pickle

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
    /// pandas dtype name of the labels (`int64`, `str`, `object`, `datetime64[ns]`, ...).
    public let dtypeName: String

    init(className: String, values: Values, name: PickleValue, dtypeName: String) {
        self.className = className; self.values = values; self.name = name; self.dtypeName = dtypeName
    }
}

/// A pandas Series: values (usually `.ndarray`), index and name.
public final class Series {
    public let values: PickleValue
    public let index: PandasIndex
    public let name: PickleValue
    /// pandas dtype name (`int64`, `float64`, `str`, `object`, ...).
    public let dtypeName: String

    init(values: PickleValue, index: PandasIndex, name: PickleValue, dtypeName: String) {
        self.values = values; self.index = index; self.name = name; self.dtypeName = dtypeName
    }
}

/// A pandas DataFrame: column labels, row index and one value array per column, in column order.
public final class DataFrame {
    public let columns: PandasIndex
    public let index: PandasIndex
    /// One entry per column (usually `.ndarray` of one dimension, or an extension array object).
    public let columnValues: [PickleValue]
    /// pandas dtype name of each column (`int64`, `float64`, `str`, `object`, ...).
    public let columnDTypeNames: [String]

    init(columns: PandasIndex, index: PandasIndex, columnValues: [PickleValue], columnDTypeNames: [String]) {
        self.columns = columns; self.index = index; self.columnValues = columnValues
        self.columnDTypeNames = columnDTypeNames
    }
}
