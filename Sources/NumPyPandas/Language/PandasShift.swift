// shift(), diff() and pct_change() of Series and DataFrame columns as pandas 3 gives them. shift: integer columns
// become float64 so that the vacated rows hold NaN, float columns keep their width, bool columns become
// object (NaN and the bools), str and category columns get NaN (categories kept), object columns None,
// datetime columns NaT. diff: float columns in their own width, int64 as float64 of the wrapped int64
// difference. pct_change: `x / x.shift(periods) - 1` (pandas 3 fills nothing first), float64 for
// integers, float32 kept. A fill value, a frequency, or diff of narrow integers and non-numbers is refused rather
// than guessed.
import MFSInterpreter
import Pickle

extension NumericEnvironment {
    /// The row each result row `i` reads (`i - periods`), nil when it falls outside the column.
    private func sourceRow(_ i: Int, _ periods: Int, count: Int) -> Int? {
        let (j, overflow) = i.subtractingReportingOverflow(periods)
        return !overflow && j >= 0 && j < count ? j : nil
    }

    /// One column shifted down by `periods` rows (up when negative): its values and dtype name.
    func shifted(_ values: PickleValue, dtypeName: String, count: Int, periods: Int) throws -> (PickleValue, String) {
        guard let a = values.ndarray else { throw PyException.typeError("shift() of a \(dtypeName) column is not supported by mfsh") }
        if periods == 0 { return (values, dtypeName) }
        let n = min(count, a.count)
        let rows = (0..<n).map { sourceRow($0, periods, count: n) }
        switch a.dtype.kind {
        case "i", "u", "f":
            guard let doubles = a.doubleValues() else { throw PyException.typeError("shift() of a \(dtypeName) column is not supported by mfsh") }
            let result = NDArray.make(dtype: a.dtype.kind == "f" ? a.dtype : .float64, doubles: rows.map { $0.map { doubles[$0] } ?? .nan }, shape: [n])
            return (.ndarray(result), result.dtype.name)
        case "b":
            let cells = rows.map { r in r.flatMap { a.element(at: $0) } ?? .float(.nan) }
            return (.ndarray(.objects(cells, shape: [n])), "object")
        case "M", "m":
            let counts = rows.map { r in Int(r.flatMap { a.timeCount(atFlat: $0) } ?? notATime) }
            return (.ndarray(.make(dtype: a.dtype, ints: counts, shape: [n])), dtypeName)
        case "O":
            // pandas fills an object column with None, a str or category column (labels kept as objects) with NaN.
            let fill: PickleValue = dtypeName == "object" ? .none : .float(.nan)
            let cells = rows.map { r in r.flatMap { a.element(at: $0) } ?? fill }
            return (.ndarray(.objects(cells, shape: [n])), dtypeName)
        default:
            throw PyException.typeError("shift() of a \(dtypeName) column is not supported by mfsh")
        }
    }

    /// One column minus itself shifted by `periods` rows.
    func differenced(_ values: PickleValue, dtypeName: String, count: Int, periods: Int) throws -> (PickleValue, String) {
        guard let a = values.ndarray, dtypeName != "category" else {
            throw PyException.typeError("diff() of a \(dtypeName) column is not supported by mfsh")
        }
        let n = min(count, a.count)
        let rows = (0..<n).map { sourceRow($0, periods, count: n) }
        switch a.dtype.kind {
        case "f":
            guard let x = a.doubleValues() else { break }
            let result = NDArray.make(dtype: a.dtype, doubles: (0..<n).map { i in rows[i].map { x[i] - x[$0] } ?? .nan }, shape: [n])
            return (.ndarray(result), result.dtype.name)
        case "i" where a.dtype.itemSize == 8:
            let x = (0..<n).map { i -> Int in if case .int(let v)? = a.element(at: i) { return v }; return 0 }
            let result = NDArray.make(dtype: .float64, doubles: (0..<n).map { i in rows[i].map { Double(x[i] &- x[$0]) } ?? .nan }, shape: [n])
            return (.ndarray(result), "float64")
        default: break
        }
        throw PyException.typeError("diff() of a \(dtypeName) column is not supported by mfsh")
    }

    /// One column's change over `periods` rows, `x / x.shift(periods) - 1`, with IEEE division as numpy's
    /// (a change from 0 is inf, from 0 to 0 NaN).
    func percentChanged(_ values: PickleValue, dtypeName: String, count: Int, periods: Int) throws -> (PickleValue, String) {
        guard let a = values.ndarray, dtypeName != "category", "iuf".contains(a.dtype.kind),
              a.dtype.kind != "f" || a.dtype.itemSize == 8 || a.dtype.itemSize == 4, let x = a.doubleValues() else {
            throw PyException.typeError("pct_change() of a \(dtypeName) column is not supported by mfsh")
        }
        let n = min(count, a.count)
        let float32 = a.dtype.kind == "f" && a.dtype.itemSize == 4
        let changes = (0..<n).map { i -> Double in
            guard let j = sourceRow(i, periods, count: n) else { return .nan }
            return float32 ? Double(Float(x[i]) / Float(x[j]) - 1) : x[i] / x[j] - 1
        }
        let dtype: NDDType = a.dtype.kind == "f" ? a.dtype : .float64
        return (.ndarray(.make(dtype: dtype, doubles: changes, shape: [n])), dtype.name)
    }

    /// One column as `name` (shift, diff or pct_change) makes it.
    func shiftedColumn(_ name: String, _ values: PickleValue, dtypeName: String, count: Int, periods: Int) throws -> (PickleValue, String) {
        switch name {
        case "shift": return try shifted(values, dtypeName: dtypeName, count: count, periods: periods)
        case "diff": return try differenced(values, dtypeName: dtypeName, count: count, periods: periods)
        default: return try percentChanged(values, dtypeName: dtypeName, count: count, periods: periods)
        }
    }

    /// The parameters of shift/diff/pct_change.
    static func shiftParameters(_ name: String, frame: Bool) -> [String] {
        switch name {
        case "shift": return ["periods", "freq", "axis", "fill_value", "suffix"]
        case "diff": return frame ? ["periods", "axis"] : ["periods"]
        default: return ["periods", "fill_method", "freq", "axis"]
        }
    }

    /// `periods` of shift/diff: an int (pandas' list of periods and the other arguments are refused).
    func shiftPeriods(_ name: String, _ a: CallArguments, refusing refused: [String]) throws -> Int {
        if let fill = a["fill_method"], !fill.isNone {
            throw PyException.valueError("fill_method must be None; got fill_method=\(try converter.interpreter.repr(fill)).")
        }
        for r in refused where a[r] != nil { throw PyException.typeError("\(name)(\(r)=...) is not supported by mfsh") }
        switch a["axis"] {
        case nil, .int(0)?, .str("index")?: break
        default: throw PyException.typeError("\(name)(axis=...) other than 0 is not supported by mfsh")
        }
        guard let v = a["periods"] else { return 1 }
        // diff() takes a float that is a whole number; anything else is pandas' ValueError.
        if name == "diff" {
            if case .float(let x) = v, x.rounded() == x, let p = Int(exactly: x) { return p }
            guard case .int(let p) = v else { throw PyException.valueError("periods must be an integer") }
            return p
        }
        guard case .int(let p) = v else {
            throw PyException.typeError("Periods must be integer, but \(try converter.interpreter.repr(v)) is \(v.typeName).")
        }
        return p
    }
}

extension SeriesHost {
    /// `shift(periods=1)`, `diff(periods=1)` and `pct_change(periods=1)`.
    func shiftOrDiff(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments(name, args, kwargs, NumericEnvironment.shiftParameters(name, frame: false))
        let periods = try env.shiftPeriods(name, a, refusing: ["freq", "fill_value", "suffix"])
        let (values, dtype) = try env.shiftedColumn(name, series.values, dtypeName: series.dtypeName, count: count, periods: periods)
        // A category Series keeps its categories (withValues drops them when given a dtype).
        return dtype == series.dtypeName ? withValues(values) : withValues(values, dtypeName: dtype)
    }
}

extension DataFrameHost {
    /// `shift(periods=1)`, `diff(periods=1)` and `pct_change(periods=1)`, column by column.
    func shiftOrDiff(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments(name, args, kwargs, NumericEnvironment.shiftParameters(name, frame: true))
        let periods = try env.shiftPeriods(name, a, refusing: ["freq", "fill_value", "suffix"])
        var values: [PickleValue] = [], dtypes: [String] = []
        for c in 0..<columnCount {
            let dtype = c < frame.columnDTypeNames.count ? frame.columnDTypeNames[c] : "object"
            let (v, d) = try env.shiftedColumn(name, frame.columnValues[c], dtypeName: dtype, count: rowCount, periods: periods)
            values.append(v); dtypes.append(d)
        }
        return env.wrap(DataFrameHost(.make(columns: frame.columns, index: frame.index, columnValues: values, columnDTypeNames: dtypes,
                                            columnCategoricals: frame.columnCategoricals), env: env))
    }
}
