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
    /// A DatetimeIndex's `freqstr` (`D`, `2h`, ...), nil when it has no frequency.
    public let frequency: String?
    /// A MultiIndex's levels, each a full-length index (the level's label of every row, its name and
    /// dtype); nil for a flat index. `values` then holds the rows' tuples, so code that only reads
    /// labels sees pandas' tuple labels.
    public let levels: [PandasIndex]?
    /// A CategoricalIndex's categories (its repr lists them); nil for other indexes.
    public let categorical: PandasCategorical?

    init(className: String, values: Values, name: PickleValue, dtypeName: String, frequency: String? = nil,
         levels: [PandasIndex]? = nil, categorical: PandasCategorical? = nil) {
        self.className = className; self.values = values; self.name = name; self.dtypeName = dtypeName
        self.frequency = frequency; self.levels = levels; self.categorical = categorical
    }
}

/// What a pandas Categorical holds besides its labels (which `values` keeps as an object array):
/// its categories, for the `Categories (...)` footer and the `CategoricalDtype` repr.
public final class PandasCategorical {
    public let categories: PandasIndex
    public let ordered: Bool

    init(categories: PandasIndex, ordered: Bool) { self.categories = categories; self.ordered = ordered }
}

/// A pandas Series: values (usually `.ndarray`), index and name.
public final class Series {
    public let values: PickleValue
    public let index: PandasIndex
    public let name: PickleValue
    /// pandas dtype name (`int64`, `float64`, `str`, `object`, ...).
    public let dtypeName: String
    /// The categories when the dtype is `category`.
    public let categorical: PandasCategorical?

    init(values: PickleValue, index: PandasIndex, name: PickleValue, dtypeName: String, categorical: PandasCategorical? = nil) {
        self.values = values; self.index = index; self.name = name; self.dtypeName = dtypeName
        self.categorical = dtypeName == "category" ? categorical : nil
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
    /// The categories of each `category` column (nil for the others).
    public let columnCategoricals: [PandasCategorical?]

    init(columns: PandasIndex, index: PandasIndex, columnValues: [PickleValue], columnDTypeNames: [String],
         columnCategoricals: [PandasCategorical?]? = nil) {
        self.columns = columns; self.index = index; self.columnValues = columnValues
        self.columnDTypeNames = columnDTypeNames
        self.columnCategoricals = (0..<columnValues.count).map { c in
            guard let given = columnCategoricals, c < given.count, c < columnDTypeNames.count,
                  columnDTypeNames[c] == "category" else { return nil }
            return given[c]
        }
    }

    /// The categories of column `c`, if it is a `category` column.
    public func categorical(ofColumn c: Int) -> PandasCategorical? { c < columnCategoricals.count ? columnCategoricals[c] : nil }
}

/// A pandas extension dtype (`str`, `category`) held as a value: what `df.dtypes` lists for such a
/// column (numpy dtypes are held as `NDDType`).
public final class PandasExtensionDType: ReconstructedValue {
    public let name: String
    /// pandas' repr: `<StringDtype(storage='python', na_value=nan)>`, `CategoricalDtype(categories=...)`.
    public let reprText: String
    init(name: String, reprText: String) { self.name = name; self.reprText = reprText }
    public var pythonTypeName: String { name == "category" ? "CategoricalDtype" : name == "str" ? "StringDtype" : "dtype" }
    public func pythonRepr() -> String { reprText }
}
