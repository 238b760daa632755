// Series.quantile, Series.describe and DataFrame.describe as pandas computes them (pandas/core/methods/
// describe.py): numbers give count, mean, std, min, the percentiles and max as float64; datetimes the
// same without std, as Timestamps in an object Series; bools, strings, categoricals and objects give
// count, unique, top and freq. A frame's describe joins its columns' descriptions, the shortest list
// of statistics first (so with a datetime column `std` comes last, as in pandas).
import Glibc
import MFSInterpreter
import Pickle

extension SeriesHost {
    /// `quantile(q=0.5, interpolation='linear')`: np.quantile of the values that are not missing, with
    /// q as a float64 array (not a weak Python number); datetimes through their integer counts.
    func quantile(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("quantile", args, kwargs, ["q", "interpolation"])
        if let method = a["interpolation"], case .str(let m) = method, m != "linear" {
            throw PyException.valueError("Series.quantile(interpolation='\(m)') is not supported by mfsh (only 'linear')")
        }
        let qValue = a["q"] ?? .float(0.5)
        let single: Double?
        switch qValue {
        case .int(let i): single = Double(i)
        case .float(let x): single = x
        default: single = nil
        }
        let qs: [Double]
        if let single { qs = [single] } else {
            guard let o = NumericOperand(array: try env.toArray(qValue)) else { throw PyException.typeError("quantile(): q must be numbers") }
            qs = o.doubles
        }
        let values = try quantileValues(qs)
        // With missing values pandas gathers the quantiles back into the column's float type (float32 stays).
        var floatType = NDDType.float64
        if let a = valuesArray, a.dtype.kind == "f", a.dtype.itemSize == 4, env.missingMask(series.values).contains(true) {
            floatType = a.dtype.nativeOrder
        }
        if single != nil {
            if case .float(let x) = values[0] { return NumPyMath.result(.make(dtype: floatType, doubles: [x], shape: []), env: env) }
            return try env.python(values[0])
        }
        let index = PandasIndex.make(className: "Index", labels: .ndarray(.float64(qs, shape: [qs.count])), name: .none, dtypeName: "float64")
        if let a = valuesArray, a.dtype.kind == "M" {
            var unit = PandasTimeUnit(rawValue: a.dtype.unit ?? "") ?? .s
            let counts = values.map { v -> Int in
                guard case .reconstructed(let t as PandasTimestamp) = v, let c = t.count else { return Int(notATime) }
                unit = t.unit
                return Int(c)
            }
            let type = NDDType(kind: "M", itemSize: 8, byteOrder: "<", unit: unit.rawValue)
            let array = NDArray.make(dtype: type, ints: counts, shape: [counts.count])
            return env.wrap(SeriesHost(.make(values: .ndarray(array), index: index, name: series.name, dtypeName: "datetime64[\(unit.rawValue)]"), env: env))
        }
        let doubles = values.map { v -> Double in if case .float(let x) = v { return x }; return .nan }
        return env.wrap(SeriesHost(.make(values: .ndarray(.make(dtype: floatType, doubles: doubles, shape: [doubles.count])), index: index,
                                         name: series.name, dtypeName: floatType.name), env: env))
    }

    /// The quantiles `qs` (each in [0, 1]) of the values that are not missing: floats, or Timestamps for
    /// a datetime column; NaN (NaT) for each when nothing is left.
    func quantileValues(_ qs: [Double]) throws -> [PickleValue] {
        guard qs.allSatisfy({ 0 <= $0 && $0 <= 1 }) else { throw PyException.valueError("percentiles should all be in the interval [0, 1]") }
        guard let a = valuesArray, "iufbM".contains(a.dtype.kind), series.dtypeName != "category" else {
            if series.dtypeName == "str" { throw PyException.typeError("unsupported operand type(s) for -: 'str' and 'str'") }
            throw PyException.typeError("quantile() of a \(series.dtypeName) Series is not supported by mfsh")
        }
        if a.dtype.kind == "b" {
            throw PyException.typeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
        }
        let missing = env.missingMask(series.values)
        let kept = (0..<a.count).filter { !missing[$0] }
        let isTime = a.dtype.kind == "M"
        guard !kept.isEmpty else {
            return qs.map { _ in isTime ? .reconstructed(PandasTimestamp(count: nil, unit: .ns)) : .float(.nan) }
        }
        var present: NDArray = kept.count == a.count ? a : a.gathering(kept, shape: [kept.count])
        var unit = PandasTimeUnit.ns
        if isTime {
            var counts: [Int] = []
            for i in 0..<present.count {
                guard let raw = present.timeCount(atFlat: i), let (c, u) = pandasTimeCount(raw, present.dtype) else { continue }
                counts.append(Int(c))
                unit = u
            }
            present = .int64(counts, shape: [counts.count])
        }
        let call = try CallArguments("quantile", [env.wrap(NDArrayHost(present, env: env)), env.wrap(NDArrayHost(.float64(qs, shape: [qs.count]), env: env))], [],
                                     ["a", "q", "axis", "out", "overwrite_input", "method", "keepdims", "weights", "interpolation"], required: 2)
        guard let result = NumericOperand(array: try env.toArray(try NumPyStats.quantile(call, percent: false, env: env))) else {
            throw PyException.typeError("quantile() of a \(series.dtypeName) Series is not supported by mfsh")
        }
        if isTime {
            // astype(datetime64) of the float64 quantiles truncates toward zero.
            return result.doubles.map { .reconstructed(PandasTimestamp(count: Int64(exactly: $0.rounded(.towardZero)), unit: unit)) }
        }
        return result.doubles.map { .float($0) }
    }

    /// What `describe(percentiles=...)` reports for this Series: the statistics' names and values, and
    /// whether the values are all float64 (numbers) or objects.
    func description(percentiles: [Double]) throws -> (labels: [String], values: [PickleValue], numeric: Bool) {
        let labels = try formatPercentiles(percentiles)
        let kind = valuesArray?.dtype.kind ?? "O"
        let missing = env.missingMask(series.values)
        let count = missing.lazy.filter { !$0 }.count
        func stat(_ name: String) throws -> PickleValue {
            let v = try reduce(name, [], [])
            if let t = NumericHosts.object(v) as? TimestampHost { return .reconstructed(t.stamp) }
            guard let x = NumericOperand(v)?.doubles.first else { return .float(.nan) }
            return .float(x)
        }
        if "iuf".contains(kind), series.dtypeName != "category" {
            let empty = count == 0
            let values: [PickleValue] = [.float(Double(count)), empty ? .float(.nan) : try stat("mean"), empty ? .float(.nan) : try stat("std"),
                                         empty ? .float(.nan) : try stat("min")] + (try quantileValues(percentiles)) + [empty ? .float(.nan) : try stat("max")]
            return (["count", "mean", "std", "min"] + labels + ["max"], values, true)
        }
        if kind == "M" {
            let values: [PickleValue] = [.int(count), try stat("mean"), try stat("min")] + (try quantileValues(percentiles)) + [try stat("max")]
            return (["count", "mean", "min"] + labels + ["max"], values, false)
        }
        if kind == "m" { throw PyException.typeError("describe() of a timedelta64 Series is not supported by mfsh") }
        // Categorical data: the most frequent value and its count (ties: the first to appear).
        guard case .instance(let counted) = try distinct("value_counts", [], []),
              let tallies = NumericHosts.object(.instance(counted)) as? SeriesHost,
              let countArray = tallies.valuesArray, let counts = NumericOperand(array: countArray)?.ints else {
            throw PyException.typeError("describe() of a \(series.dtypeName) Series is not supported by mfsh")
        }
        let nonZero = counts.filter { $0 != 0 }.count
        let top: PickleValue = nonZero > 0 ? topLabel(tallies) : .float(.nan)
        let freq: PickleValue = nonZero > 0 ? .int(counts[0]) : .float(.nan)
        return (["count", "unique", "top", "freq"], [.int(count), .int(nonZero), top, freq], false)
    }

    /// The first label of a value_counts() result, as an element of an object Series holds it.
    private func topLabel(_ tallies: SeriesHost) -> PickleValue {
        let label = tallies.series.index.label(at: 0)
        if case .values(.reconstructed(let a as NDArray)) = tallies.series.index.values, a.dtype.kind == "b", let s = a.scalar(atFlat: 0) {
            return .numpyScalar(s)
        }
        return label
    }

    /// `describe(percentiles=None, include=None, exclude=None)`; include and exclude have no effect on a Series.
    func describe(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("describe", args, kwargs, ["percentiles", "include", "exclude"])
        let d = try description(percentiles: try describePercentiles(a["percentiles"], env: env))
        let index = try env.pandasIndex(labels: d.labels.map { .str($0) })
        let values: NDArray = d.numeric ? .float64(d.values.map { if case .float(let x) = $0 { return x }; return .nan }, shape: [d.values.count])
            : .objects(d.values, shape: [d.values.count])
        return env.wrap(SeriesHost(.make(values: .ndarray(values), index: index, name: series.name, dtypeName: d.numeric ? "float64" : "object"), env: env))
    }
}

extension DataFrameHost {
    /// `describe(percentiles=None, include=None, exclude=None)`: by default the numeric and datetime
    /// columns (all columns when there are none); `include='all'` every column.
    func describe(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("describe", args, kwargs, ["percentiles", "include", "exclude"])
        guard columnCount > 0 else { throw PyException.valueError("Cannot describe a DataFrame without columns") }
        var picked = Array(0..<columnCount)
        if case .str("all")? = a["include"] {
            if a["exclude"] != nil { throw PyException.valueError("exclude must be None when include is 'all'") }
        } else if a["include"] != nil || a["exclude"] != nil {
            picked = try selectDTypes(include: a["include"], exclude: a["exclude"])
            guard !picked.isEmpty else { throw PyException.valueError("No columns match the specified include or exclude data types") }
        } else {
            let numeric = picked.filter { c in
                guard let array = frame.columnValues[c].ndarray, frame.columnDTypeNames[c] != "category" else { return false }
                return "iufcmM".contains(array.dtype.kind)
            }
            if !numeric.isEmpty { picked = numeric }
        }
        let percentiles = try describePercentiles(a["percentiles"], env: env)
        let descriptions = try picked.map { try column($0).description(percentiles: percentiles) }
        // pandas' reorder_columns: the statistics of the shortest description first, then the others' new ones.
        var rows: [String] = []
        for d in descriptions.enumerated().sorted(by: { ($0.element.labels.count, $0.offset) < ($1.element.labels.count, $1.offset) }) {
            for label in d.element.labels where !rows.contains(label) { rows.append(label) }
        }
        var columnValues: [PickleValue] = []
        var dtypes: [String] = []
        for d in descriptions {
            let byLabel = Dictionary(zip(d.labels, d.values), uniquingKeysWith: { x, _ in x })
            if d.numeric {
                columnValues.append(.ndarray(.float64(rows.map { if case .float(let x)? = byLabel[$0] { return x }; return .nan }, shape: [rows.count])))
                dtypes.append("float64")
            } else {
                columnValues.append(.ndarray(.objects(rows.map { byLabel[$0] ?? .float(.nan) }, shape: [rows.count])))
                dtypes.append("object")
            }
        }
        let selected = selectColumns(picked).frame
        let index = try env.pandasIndex(labels: rows.map { .str($0) })
        return env.wrap(DataFrameHost(.make(columns: selected.columns, index: index, columnValues: columnValues, columnDTypeNames: dtypes), env: env))
    }
}

extension DataFrameHost {
    /// The columns `select_dtypes(include=, exclude=)` keeps. Selectors: 'number' (np.number), 'object'
    /// and 'str' (both select object and str columns, as in pandas 3), 'category', 'bool', 'datetime',
    /// 'timedelta', 'int' and 'float' (any width), or a dtype name ('float32', np.int64, ...).
    func selectDTypes(include: Value?, exclude: Value?) throws -> [Int] {
        func selectors(_ v: Value?) throws -> [String]? {
            guard let v else { return nil }
            return try (env.listItems(v) ?? [v]).map { s in
                switch s {
                case .str(let name): return name
                case .type(let t): return t.name
                case .builtin(let b): return b.name  // numpy's scalar types (np.float32, np.number)
                default:
                    if let d = NumericHosts.object(s) as? NDDTypeHost { return d.dtype.name }
                    throw PyException.typeError("data type '\(try env.converter.interpreter.str(s))' not understood")
                }
            }
        }
        func matches(_ c: Int, _ selector: String) throws -> Bool {
            let name = c < frame.columnDTypeNames.count ? frame.columnDTypeNames[c] : "object"
            let kind = frame.columnValues[c].ndarray?.dtype.kind ?? "O"
            switch selector {
            case "number": return name != "category" && "iufc".contains(kind)
            case "object", "O", "str", "string": return name == "object" || name == "str"
            case "category": return name == "category"
            case "bool", "bool_": return kind == "b" && name != "category"
            case "datetime", "datetime64", "M": return kind == "M"
            case "timedelta", "timedelta64", "m": return kind == "m"
            case "int", "signedinteger": return kind == "i" && name != "category"
            case "integer": return "iu".contains(kind) && name != "category"
            case "unsignedinteger": return kind == "u" && name != "category"
            case "float", "floating": return kind == "f" && name != "category"
            default:
                guard (try? NDArrayHost.targetType(.str(selector))) != nil || selector.hasPrefix("datetime64") else {
                    throw PyException.typeError("data type '\(selector)' not understood")
                }
                return name == selector
            }
        }
        let wanted = try selectors(include), unwanted = try selectors(exclude) ?? []
        return try (0..<columnCount).filter { c in
            if let wanted, try !wanted.contains(where: { try matches(c, $0) }) { return false }
            return try !unwanted.contains(where: { try matches(c, $0) })
        }
    }
}

/// `percentiles=`: sorted and unique, each in [0, 1]; [0.25, 0.5, 0.75] when not given.
func describePercentiles(_ v: Value?, env: NumericEnvironment) throws -> [Double] {
    guard let v else { return [0.25, 0.5, 0.75] }
    guard let o = NumericOperand(array: try env.toArray(v)) else { throw PyException.typeError("percentiles must be numbers") }
    let given = o.doubles
    guard given.allSatisfy({ 0 <= $0 && $0 <= 1 }) else { throw PyException.valueError("percentiles should all be in the interval [0, 1]") }
    let unique = Array(Set(given)).sorted()
    guard unique.count == given.count else { throw PyException.valueError("percentiles cannot contain duplicates") }
    return unique
}

/// pandas' format_percentiles: `25%`, or as many decimals as keep neighbours apart (`33.3%`), never
/// rounding a value to 0% or 100%.
func formatPercentiles(_ percentiles: [Double]) throws -> [String] {
    guard !percentiles.isEmpty else { return [] }
    let pcts = percentiles.map { 100 * $0 }
    func precision(_ values: [Double]) -> Int {
        guard let first = values.first, let last = values.last else { return 1 }
        var diffs = zip(values.dropFirst(), values).map { Swift.abs($0 - $1) }
        if first > 0 { diffs.append(first) }
        if last < 100 { diffs.append(100 - last) }
        guard let smallest = diffs.min(), smallest > 0 else { return 1 }
        let p = -Int(log10(smallest).rounded(.down))
        return Swift.max(1, p)
    }
    func rounded(_ x: Double, _ decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (x * scale).rounded(.toNearestOrEven) / scale
    }
    func isClose(_ a: Double, _ b: Double) -> Bool { Swift.abs(a - b) <= 1e-8 + 1e-5 * Swift.abs(b) }
    let prec = precision(pcts)
    let asInts = pcts.map { rounded($0, prec).rounded(.towardZero) }
    let integral = zip(asInts, pcts).map { isClose($0, $1) }
    if integral.allSatisfy({ $0 }) { return asInts.map { "\(Int($0))%" } }
    let uniquePrec = precision(Array(Set(pcts)).sorted())
    return pcts.enumerated().map { i, p in
        integral[i] ? "\(Int(p.rounded(.toNearestOrEven)))%" : "\(pythonFloatRepr(rounded(p, uniquePrec)))%"
    }
}
