// `any()` and `all()` of Series and DataFrames as pandas' nanops gives them: with skipna (the default)
// missing values (NaN, None) are left out, so `[NaN, 0.0].any()` is False and `[NaN, 1.0].all()` True
// (numpy's any/all would count NaN as true); with skipna=False each value counts by its Python truth
// (NaN true, None false). The result is a numpy bool; a DataFrame gives one per column.
import MFSInterpreter
import Pickle

extension NumericEnvironment {
    /// Whether any (or every) value of one column is true, pandas' way.
    func anyAll(_ name: String, _ values: PickleValue, dtypeName: String, skipna: Bool) throws -> Bool {
        let wantAny = name == "any"
        guard let a = values.ndarray else { throw PyException.typeError("\(name)() of a \(dtypeName) column is not supported by mfsh") }
        if dtypeName == "category" { throw PyException.typeError("'Categorical' with dtype category does not support operation '\(name)'") }
        switch a.dtype.kind {
        case "M": throw PyException.typeError("'\(name)' with datetime64 dtypes is not supported. Use (obj != pd.Timestamp(0)).\(name)() instead.")
        case "b", "i", "u", "f":
            guard let o = NumericOperand(array: a) else { break }
            // NaN != 0 is true: with skipna=False a NaN counts as true, as numpy counts it.
            let counted = skipna ? o.doubles.filter { !$0.isNaN } : o.doubles
            return wantAny ? counted.contains { $0 != 0 } : counted.allSatisfy { $0 != 0 }
        case "O":
            let interpreter = converter.interpreter
            for i in 0..<a.count {
                let element = a.element(at: i) ?? PickleValue.none
                if skipna && isMissing(element) { continue }
                let truth = try interpreter.truthy(try python(element))
                if truth == wantAny { return wantAny }
            }
            return !wantAny
        default: break
        }
        throw PyException.typeError("\(name)() of a \(dtypeName) column is not supported by mfsh")
    }

    /// The arguments of any/all: axis, bool_only (which a Series ignores) and skipna; anything else is
    /// refused. pandas 3.1 takes them by keyword only for any() (all() still takes them by position).
    func anyAllOptions(_ owner: String, _ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> CallArguments {
        guard args.isEmpty || name == "all" else {
            throw PyException.typeError("\(owner).\(name)() takes 1 positional argument but \(args.count + 1) were given")
        }
        return try CallArguments(name, args, kwargs, ["axis", "bool_only", "skipna"])
    }

    func numpyBool(_ b: Bool) -> Value { NumPyMath.result(.bool([b], shape: []), env: self) }
}

extension SeriesHost {
    func anyAll(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let options = try env.anyAllOptions("Series", name, args, kwargs)
        switch options["axis"] {
        case nil, .int(0)?, .str("index")?, .str("rows")?: break
        case let axis?: throw PyException.valueError("No axis named \(try env.converter.interpreter.str(axis)) for object type Series")
        }
        return env.numpyBool(try env.anyAll(name, series.values, dtypeName: series.dtypeName, skipna: try options.bool("skipna", default: true)))
    }
}

extension DataFrameHost {
    static let anyAllMethodNames = ["all", "any"]

    /// `df.any()` / `df.all()`: a bool Series indexed by the column labels (axis=0), or one numpy bool
    /// over every value (axis=None); bool_only=True looks at the bool columns only. Row-wise (axis=1) is refused.
    func anyAll(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let options = try env.anyAllOptions("DataFrame", name, args, kwargs)
        var overAll = false
        switch options.given("axis") {
        case nil, .int(0)?, .str("index")?, .str("rows")?: break
        case let axis? where axis.isNone: overAll = true
        case .int(1)?, .str("columns")?: throw PyException.typeError("DataFrame.\(name)(axis=1) (row by row) is not supported by mfsh")
        case let axis?: throw PyException.valueError("No axis named \(try env.converter.interpreter.str(axis)) for object type DataFrame")
        }
        let skipna = try options.bool("skipna", default: true)
        let boolOnly = try options.bool("bool_only", default: false)
        var picked: [Int] = [], flags: [Bool] = []
        for c in 0..<columnCount {
            let dtype = c < frame.columnDTypeNames.count ? frame.columnDTypeNames[c] : "object"
            if boolOnly && dtype != "bool" { continue }
            picked.append(c)
            flags.append(try env.anyAll(name, frame.columnValues[c], dtypeName: dtype, skipna: skipna))
        }
        if overAll { return env.numpyBool(name == "any" ? flags.contains(true) : flags.allSatisfy { $0 }) }
        let labels = NDArray.objects(picked.map { frame.columns.label(at: $0) }, shape: [picked.count])
        let index = PandasIndex.make(className: "Index", labels: .ndarray(labels), name: frame.columns.name, dtypeName: frame.columns.dtypeName)
        return env.wrap(SeriesHost(.make(values: .ndarray(.bool(flags, shape: [flags.count])), index: index, name: .none, dtypeName: "bool"), env: env))
    }
}
