// Building pandas values from the language values a script writes: columns from lists, arrays and
// scalars with pandas' dtype inference (int64, float64 when a number is missing, bool, pandas 3's
// `str` for strings, object for mixtures), indexes from label lists, and the missing-value masks
// `isna` gives.
import MFSInterpreter
import Pickle

/// A column made from script values: its values, pandas dtype name and categories (if any).
struct PandasColumn {
    var values: PickleValue
    var dtypeName: String
    var categorical: PandasCategorical? = nil

    var count: Int { values.ndarray?.count ?? 0 }
}

extension NumericEnvironment {
    /// The column pandas makes of `items` (`pd.Series([...])`).
    func pandasColumn(items: [Value]) throws -> PandasColumn {
        var ints = 0, floats = 0, bools = 0, strs = 0, nones = 0, nans = 0, others = 0
        for v in items {
            switch v {
            case .none: nones += 1
            case .bool: bools += 1
            case .int: ints += 1
            case .float(let d): if d.isNaN { nans += 1 } else { floats += 1 }
            case .str: strs += 1
            default:
                if let s = NumericHosts.object(v) as? NDScalarHost, "biuf".contains(s.dtype.kind) {
                    switch s.dtype.kind {
                    case "b": bools += 1
                    case "f": floats += 1
                    default: ints += 1
                    }
                } else {
                    others += 1
                }
            }
        }
        let n = items.count
        if others > 0, let times = try timestampColumn(items) { return times }
        if others > 0 {
            return PandasColumn(values: .ndarray(.objects(try items.map(pandasObject), shape: [n])), dtypeName: "object")
        }
        if strs > 0 && ints + floats + bools == 0 {
            let cells: [PickleValue] = items.map { if case .str(let s) = $0 { return .string(s) }; return .float(.nan) }
            return PandasColumn(values: .ndarray(.objects(cells, shape: [n])), dtypeName: "str")
        }
        if strs > 0 || (bools > 0 && bools != n) || (n > 0 && nones == n) || n == 0 {
            return PandasColumn(values: .ndarray(.objects(try items.map(pandasObject), shape: [n])), dtypeName: "object")
        }
        if bools == n {
            return PandasColumn(values: .ndarray(.bool(items.map { NumericOperand($0)?.doubles.first == 1 }, shape: [n])), dtypeName: "bool")
        }
        if floats + nans + nones > 0 {
            let doubles = items.map { NumericOperand($0)?.doubles.first ?? .nan }
            return PandasColumn(values: .ndarray(.float64(doubles, shape: [n])), dtypeName: "float64")
        }
        let values = try items.map { v -> Int in
            guard let i = NumericOperand(v)?.ints?.first else { throw PyException.overflow("Python int too large to convert to C long") }
            return i
        }
        return PandasColumn(values: .ndarray(.int64(values, shape: [n])), dtypeName: "int64")
    }

    /// A datetime64 column when every item is a Timestamp, a naive datetime, NaT or None (and one is a
    /// time), in the finest unit among them, as pandas infers it; nil otherwise.
    private func timestampColumn(_ items: [Value]) throws -> PandasColumn? {
        var stamps: [(Int64?, PandasTimeUnit)] = []
        for v in items {
            switch v {
            case .none: stamps.append((nil, .s))
            case .datetime(let d) where d.tz == nil: stamps.append((Int64(d.epochMicros), .us))
            default:
                guard let t = NumericHosts.object(v) as? TimestampHost else { return nil }
                stamps.append((t.stamp.count, t.stamp.unit))
            }
        }
        guard stamps.contains(where: { $0.0 != nil }) else { return nil }
        let unit = stamps.filter { $0.0 != nil }.map(\.1).reduce(PandasTimeUnit.s, PandasTimeUnit.finer)
        let counts = try stamps.map { count, u -> Int in
            guard let count else { return Int(notATime) }
            guard let c = rescale(count, from: u, to: unit) else { throw PyException.overflow("Out of bounds timestamp") }
            return Int(c)
        }
        let type = NDDType(kind: "M", itemSize: 8, byteOrder: "<", unit: unit.rawValue)
        return PandasColumn(values: .ndarray(.make(dtype: type, ints: counts, shape: [counts.count])), dtypeName: "datetime64[\(unit.rawValue)]")
    }

    /// A script value inside an object column (what an object array holds).
    func pandasObject(_ v: Value) throws -> PickleValue { try pickleValue(v) }

    /// The column of an array (1-D): numpy strings become pandas 3's `str`, object arrays of strings too.
    func pandasColumn(array a: NDArray) throws -> PandasColumn {
        guard a.shape.count == 1 else { throw PyException.valueError("Data must be 1-dimensional, got ndarray of shape (\(a.shape.map(String.init).joined(separator: ", "))) instead") }
        if a.dtype.kind == "U" || a.dtype.kind == "O" {
            let cells = (0..<a.count).map { a.element(at: $0) ?? .none }
            let allText = cells.allSatisfy { if case .string = $0 { return true }; return isMissing($0) }
            if a.dtype.kind == "U" || (allText && cells.contains { if case .string = $0 { return true }; return false }) {
                return PandasColumn(values: .ndarray(.objects(cells.map { isMissing($0) ? .float(.nan) : $0 }, shape: [a.count])), dtypeName: "str")
            }
            return PandasColumn(values: .ndarray(a), dtypeName: "object")
        }
        return PandasColumn(values: .ndarray(a), dtypeName: a.dtype.name)
    }

    /// The column of any data argument: a list or tuple, an array, a Series (its values), or a scalar
    /// repeated `length` times (nil when `v` is a scalar and no length is known).
    func pandasColumn(_ v: Value, length: Int?) throws -> PandasColumn? {
        switch v {
        case .list(let l): return try pandasColumn(items: l.items)
        case .tuple(let t): return try pandasColumn(items: t)
        case .range(let r) where r.count <= 1 << 28: return try pandasColumn(items: (0..<r.count).map { .int(r.at($0)) })
        case .dict, .set, .frozenset: throw PyException.typeError("a \(v.typeName) as column values is not supported by mfsh")
        default: break
        }
        if let s = NumericHosts.object(v) as? SeriesHost {
            return PandasColumn(values: s.series.values, dtypeName: s.series.dtypeName, categorical: s.series.categorical)
        }
        if let h = NumericHosts.object(v) as? NDArrayHost {
            if h.array.shape.isEmpty { return try length.map { try repeated(v, $0) } }
            return try pandasColumn(array: h.array)
        }
        if case .iterator = v { throw PyException.typeError("an iterator as column values is not supported by mfsh (use a list)") }
        if NumericHosts.object(v) is DataFrameHost { throw PyException.valueError("a DataFrame as one column is not supported by mfsh") }
        guard let length else { return nil }
        return try repeated(v, length)
    }

    /// A scalar broadcast to `length` rows, typed by the scalar even with no row (`empty["z"] = 1` is int64).
    private func repeated(_ v: Value, _ length: Int) throws -> PandasColumn {
        // A numpy scalar (or 0-d array) keeps its own dtype: np.float32(2) makes a float32 column.
        if let h = NumericHosts.object(v), h is NDScalarHost || h is NDArrayHost {
            let one = try toArray(v)
            return try pandasColumn(array: one.gathering(Array(repeating: 0, count: length), shape: [length]))
        }
        guard length == 0 else { return try pandasColumn(items: Array(repeating: v, count: length)) }
        let one = try pandasColumn(items: [v])
        return PandasColumn(values: take(one.values, []), dtypeName: one.dtypeName, categorical: one.categorical)
    }

    /// An Index of labels (`index=[...]`, dict keys, column names): inferred like a column, `Index` class.
    func pandasIndex(labels: [Value], name: PickleValue = .none) throws -> PandasIndex {
        let column = try pandasColumn(items: labels)
        return .make(className: "Index", labels: column.values, name: name, dtypeName: column.dtypeName)
    }

    /// `index=` as given: an Index, a Series' values, an array or a list of labels.
    func pandasIndex(_ v: Value) throws -> PandasIndex {
        if let h = NumericHosts.object(v) as? PandasIndexHost { return h.index }
        if let h = NumericHosts.object(v) as? SeriesHost {
            return .make(className: "Index", labels: h.series.values, name: h.series.name, dtypeName: h.series.dtypeName)
        }
        if let h = NumericHosts.object(v) as? NDArrayHost {
            let column = try pandasColumn(array: h.array)
            return .make(className: "Index", labels: column.values, name: .none, dtypeName: column.dtypeName)
        }
        switch v {
        case .list(let l): return try pandasIndex(labels: l.items)
        case .tuple(let t): return try pandasIndex(labels: t)
        default:
            throw PyException.typeError("Index(...) must be called with a collection of some kind, \(try converter.interpreter.repr(v)) was passed")
        }
    }

    /// A label or name as a decoded value (str, int, float, bool, None).
    func pandasLabel(_ v: Value) throws -> PickleValue {
        switch v {
        case .none, .bool, .int, .float, .str: return try pandasObject(v)
        default: throw PyException.typeError("a \(v.typeName) as a pandas label is not supported by mfsh")
        }
    }

    /// Which elements of a column are missing (NaN, None, NaT).
    func missingMask(_ values: PickleValue) -> [Bool] {
        guard let a = values.ndarray else { return [] }
        if "Mm".contains(a.dtype.kind) { return (0..<a.count).map { a.timeCount(atFlat: $0) == nil } }
        if a.dtype.kind == "f", let o = NumericOperand(array: a) { return o.doubles.map(\.isNaN) }
        if "biu".contains(a.dtype.kind) { return Array(repeating: false, count: a.count) }
        return (0..<a.count).map { isMissing(a.element(at: $0) ?? .none) }
    }

    /// Whether a scalar is missing as `pd.isna(x)` sees it.
    func isMissingScalar(_ v: Value) -> Bool {
        switch v {
        case .none: return true
        case .float(let d): return d.isNaN
        default:
            if let s = NumericHosts.object(v) as? NDScalarHost, s.dtype.kind == "f", let x = NumericOperand(v)?.doubles.first { return x.isNaN }
            if let t = NumericHosts.object(v) as? TimestampHost { return t.stamp.count == nil }
            if let t = NumericHosts.object(v) as? TimedeltaHost { return t.delta.count == nil }
            return false
        }
    }

    /// A RangeIndex over `count` rows.
    func defaultIndex(_ count: Int) -> PandasIndex { .range(start: 0, stop: count, step: 1, name: .none) }
}
