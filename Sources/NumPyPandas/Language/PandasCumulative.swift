// Running extremes and per-column cumulative methods: Series cummax/cummin (NaN kept at its place and
// skipped by the running value; with skipna=False everything from the first NaN on is NaN; ints and
// bools keep their dtype), DataFrame cumsum/cummax/cummin column by column, and DataFrame.nunique.
import MFSInterpreter
import Pickle

extension SeriesHost {
    static let cumulativeMethodNames = ["cummax", "cummin"]

    /// `cummax(axis=None, skipna=True)` / `cummin(...)`.
    func runningExtreme(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let options = try CallArguments(name, args, kwargs, ["axis", "skipna"])
        switch options["axis"] {
        case nil, .int(0)?, .str("index")?: break
        case let axis?: throw PyException.valueError("No axis named \(try env.converter.interpreter.str(axis)) for object type Series")
        }
        let skipna = try options.bool("skipna", default: true)
        guard let a = valuesArray, "biuf".contains(a.dtype.kind), series.dtypeName != "category", let o = NumericOperand(array: a) else {
            throw PyException.typeError("\(name)() of a \(series.dtypeName) Series is not supported by mfsh")
        }
        let largest = name == "cummax"
        if let ints = o.ints {
            var best: Int?
            let running = ints.map { x -> Int in
                let next = best.map { largest ? Swift.max($0, x) : Swift.min($0, x) } ?? x
                best = next
                return next
            }
            let array = NDArray.make(dtype: a.dtype.nativeOrder, ints: running, shape: [running.count])
            return withValues(.ndarray(array), dtypeName: series.dtypeName)
        }
        let running = runningFloats(o.doubles, skipna: skipna) { largest ? Swift.max($0, $1) : Swift.min($0, $1) }
        let array = NDArray.make(dtype: a.dtype.nativeOrder, doubles: running, shape: [running.count])
        return withValues(.ndarray(array), dtypeName: array.dtype.name)
    }
}

/// A running total (or extreme) of float values as pandas' cumulative methods give it: NaN stays at its
/// place and the running value goes on past it; with skipna=False everything from the first NaN on is NaN.
func runningFloats(_ values: [Double], skipna: Bool, _ combine: (Double, Double) -> Double) -> [Double] {
    var running: Double?
    var poisoned = false
    return values.map { x in
        if x.isNaN {
            if !skipna { poisoned = true }
            return .nan
        }
        if poisoned { return .nan }
        let next = running.map { combine($0, x) } ?? x
        running = next
        return next
    }
}

extension DataFrameHost {
    static let cumulativeMethodNames = ["cummax", "cummin", "cumsum", "nlargest", "nsmallest", "nunique"]

    /// `cumsum`/`cummax`/`cummin(axis=None, skipna=True)`: each column's Series method.
    func cumulative(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let options = try CallArguments(name, args, kwargs, ["axis", "skipna"])
        switch options["axis"] {
        case nil, .int(0)?, .str("index")?: break
        case let axis?: throw PyException.typeError("DataFrame.\(name)(axis=\(try env.converter.interpreter.repr(axis))) is not supported by mfsh")
        }
        let skipna = Value.bool(try options.bool("skipna", default: true))
        var values: [PickleValue] = [], dtypes: [String] = []
        for c in 0..<columnCount {
            // Series.cumsum of ints and bools goes through numpy's, which takes no skipna (nothing is missing there).
            let passed: [(String, Value)] = name == "cumsum" && frame.columnValues[c].ndarray?.dtype.kind != "f" ? [] : [("skipna", skipna)]
            guard case .builtin(let method)? = try column(c).getAttribute(name),
                  let result = NumericHosts.object(try method.body([], passed)) as? SeriesHost else {
                throw PyException.typeError("\(name)() of column \(pythonRepr(frame.columns.label(at: c))) is not supported by mfsh")
            }
            values.append(result.series.values)
            dtypes.append(result.series.dtypeName)
        }
        return env.wrap(DataFrameHost(.make(columns: frame.columns, index: frame.index, columnValues: values, columnDTypeNames: dtypes), env: env))
    }

    /// `nunique(axis=0, dropna=True)`: the distinct values of each column, as an int64 Series.
    func nunique(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let options = try CallArguments("DataFrame.nunique", args, kwargs, ["axis", "dropna"])
        switch options["axis"] {
        case nil, .int(0)?, .str("index")?: break
        case let axis?: throw PyException.typeError("DataFrame.nunique(axis=\(try env.converter.interpreter.repr(axis))) is not supported by mfsh")
        }
        let dropna = Value.bool(try options.bool("dropna", default: true))
        let counts = try (0..<columnCount).map { c -> Int in
            guard case .int(let n) = try column(c).distinct("nunique", [], [("dropna", dropna)]) else { return 0 }
            return n
        }
        return env.wrap(SeriesHost(.make(values: .ndarray(.int64(counts, shape: [counts.count])), index: frame.columns, name: .none, dtypeName: "int64"), env: env))
    }

    /// `nlargest(n, columns, keep='first')` / `nsmallest(...)` ordered by one column (several are refused).
    func extremeRows(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let options = try CallArguments("DataFrame.\(name)", args, kwargs, ["n", "columns", "keep"], required: 2)
        if let keep = options["keep"], !({ if case .str("first") = keep { return true }; return false }()) {
            throw PyException.typeError("\(name)(keep=...) other than 'first' is not supported by mfsh")
        }
        var key = options["columns"] ?? .none
        if case .list(let l) = key {
            guard l.items.count == 1, let only = l.items.first else {
                throw PyException.typeError("DataFrame.\(name)() by more than one column is not supported by mfsh")
            }
            key = only
        }
        guard let c = env.position(of: key, in: frame.columns) else { throw PyException.keyError(key) }
        let series = column(c)
        guard let a = series.valuesArray, "iufb".contains(a.dtype.kind) else {
            throw PyException.typeError("Column \(pythonRepr(frame.columns.label(at: c))) has dtype \(series.series.dtypeName), cannot use method '\(name)' with this dtype")
        }
        // Unlike a Series', a frame's nlargest fills up with the rows missing a value, in their order.
        let n = Swift.max(0, try options.int("n") ?? 5)
        let picked = try series.extremeRows(name, n: n)
        let doubles = a.dtype.kind == "f" ? a.doubleValues() ?? [] : []
        let missing = doubles.indices.filter { doubles[$0].isNaN }
        return selectRows(picked + missing.prefix(n - picked.count))
    }
}
