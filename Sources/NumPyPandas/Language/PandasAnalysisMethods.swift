// The pandas methods of analysis beyond selection and reductions, and their dispatch for the Series and
// DataFrame hosts: describe, quantile, missing values (PandasMissing.swift), Series.iloc/loc,
// DataFrame.round, itertuples, info (PandasInfo.swift), shift/diff (PandasShift.swift), T and duplicates
// (PandasRows.swift) and export (to_csv in PandasExport.swift, to_json in PandasJSON.swift).
import MFSInterpreter
import Pickle

extension SeriesHost {
    static let analysisMethodNames = ["describe", "dropna", "fillna", "ffill", "bfill", "info", "isna", "isnull", "notna", "notnull", "quantile", "shift", "diff", "pct_change", "duplicated", "drop_duplicates", "memory_usage", "to_csv", "to_json", "to_string", "reset_index", "unstack", "to_frame"]
        + elementwiseMethodNames + DataFrameHost.anyAllMethodNames + correlationMethodNames + cumulativeMethodNames

    /// The attribute `name` when it is one of the analysis methods or indexers, nil otherwise.
    func analysisAttribute(_ name: String) throws -> Value? {
        switch name {
        case "iloc", "loc": return env.wrap(SeriesIndexerHost(self, byLabel: name == "loc"))
        case "ffill", "bfill": return .newBuiltin(name) { [self] args, kwargs in try filledFromNeighbours(name, args, kwargs) }
        case "describe": return .newBuiltin(name) { [self] args, kwargs in try describe(args, kwargs) }
        case "quantile": return .newBuiltin(name) { [self] args, kwargs in try quantile(args, kwargs) }
        case "fillna": return .newBuiltin(name) { [self] args, kwargs in try fillna(args, kwargs) }
        case "dropna": return .newBuiltin(name) { [self] args, kwargs in try dropna(args, kwargs) }
        case "to_csv": return .newBuiltin(name) { [self] args, kwargs in try toCSV(args, kwargs) }
        case "to_json": return .newBuiltin(name) { [self] args, kwargs in try toJSON(args, kwargs) }
        case "to_string":
            return .newBuiltin(name) { [self] args, kwargs in
                try refuseToStringArguments(args, kwargs)
                return .str(seriesText(series, whole: true))
            }
        case "info": return .newBuiltin(name) { [self] args, kwargs in try info(args, kwargs) }
        case "memory_usage": return .newBuiltin(name) { [self] args, kwargs in try memoryUsage(args, kwargs) }
        case "shift", "diff", "pct_change": return .newBuiltin(name) { [self] args, kwargs in try shiftOrDiff(name, args, kwargs) }
        case "duplicated": return .newBuiltin(name) { [self] args, kwargs in try duplicated(args, kwargs) }
        case "drop_duplicates": return .newBuiltin(name) { [self] args, kwargs in try dropDuplicates(args, kwargs) }
        case "reset_index": return .newBuiltin(name) { [self] args, kwargs in try resetIndex(args, kwargs) }
        case "unstack": return .newBuiltin(name) { [self] args, kwargs in try unstack(args, kwargs) }
        case "to_frame": return .newBuiltin(name) { [self] args, kwargs in try toFrame(args, kwargs) }
        case _ where Self.elementwiseMethodNames.contains(name): return elementwiseAttribute(name)
        case "corr", "cov": return .newBuiltin(name) { [self] args, kwargs in try correlation(name, args, kwargs) }
        case "cummax", "cummin": return .newBuiltin(name) { [self] args, kwargs in try runningExtreme(name, args, kwargs) }
        case "isna", "isnull", "notna", "notnull":
            return .newBuiltin(name) { [self] args, kwargs in
                guard args.isEmpty, kwargs.isEmpty else { throw PyException.typeError("Series.\(name)() takes no arguments") }
                return try env.missingness(env.wrap(self), missing: name.hasPrefix("is"))
            }
        default: return nil
        }
    }
}

extension DataFrameHost {
    static let analysisMethodNames = ["describe", "dropna", "fillna", "ffill", "bfill", "info", "isna", "isnull", "itertuples", "merge", "notna", "notnull", "round",
                                      "apply", "astype", "shift", "diff", "pct_change", "duplicated", "drop_duplicates", "transpose", "memory_usage", "to_csv", "to_json", "to_string", "unstack", "abs"]
        + reshapeMethodNames + anyAllMethodNames + correlationMethodNames + cumulativeMethodNames

    func analysisAttribute(_ name: String) throws -> Value? {
        switch name {
        case "describe": return .newBuiltin(name) { [self] args, kwargs in try describe(args, kwargs) }
        case "fillna": return .newBuiltin(name) { [self] args, kwargs in try fillna(args, kwargs) }
        case "dropna": return .newBuiltin(name) { [self] args, kwargs in try dropna(args, kwargs) }
        case "round": return .newBuiltin(name) { [self] args, kwargs in try rounded(args, kwargs) }
        case "abs":
            return .newBuiltin(name) { [self] args, kwargs in
                _ = try CallArguments(name, args, kwargs, [])
                guard let result = try absolute() else { throw PyException.typeError("bad operand type for abs(): 'DataFrame' (a column is not numeric)") }
                return result
            }
        case "apply": return .newBuiltin(name) { [self] args, kwargs in try applied(args, kwargs) }
        case "ffill", "bfill": return .newBuiltin(name) { [self] args, kwargs in try filledFromNeighbours(name, args, kwargs) }
        case "astype": return .newBuiltin(name) { [self] args, kwargs in try astype(args, kwargs) }
        case "itertuples": return .newBuiltin(name) { [self] args, kwargs in try itertuples(args, kwargs) }
        case "to_csv": return .newBuiltin(name) { [self] args, kwargs in try toCSV(args, kwargs) }
        case "to_json": return .newBuiltin(name) { [self] args, kwargs in try toJSON(args, kwargs) }
        case "to_string":
            return .newBuiltin(name) { [self] args, kwargs in
                try refuseToStringArguments(args, kwargs)
                return .str(dataFrameText(frame, whole: true))
            }
        case "info": return .newBuiltin(name) { [self] args, kwargs in try info(args, kwargs) }
        case "memory_usage": return .newBuiltin(name) { [self] args, kwargs in try memoryUsage(args, kwargs) }
        case "shift", "diff", "pct_change": return .newBuiltin(name) { [self] args, kwargs in try shiftOrDiff(name, args, kwargs) }
        case "duplicated": return .newBuiltin(name) { [self] args, kwargs in try duplicated(args, kwargs) }
        case "drop_duplicates": return .newBuiltin(name) { [self] args, kwargs in try dropDuplicates(args, kwargs) }
        case "T": return try transposed()
        case "unstack":
            return .newBuiltin(name) { _, _ in throw PyException.typeError("DataFrame.unstack() (MultiIndex columns) is not supported by mfsh: unstack a column, df[col].unstack()") }
        case "transpose":
            return .newBuiltin(name) { [self] args, kwargs in
                // copy= changes nothing in pandas 3 (copy-on-write); other arguments are numpy-compat ones pandas refuses.
                guard args.isEmpty, kwargs.allSatisfy({ $0.0 == "copy" }) else {
                    throw PyException.typeError("transpose() takes no arguments but copy= in mfsh")
                }
                return try transposed()
            }
        case "merge":
            return .newBuiltin(name) { [self] args, kwargs in
                try env.merge(self, try CallArguments("merge", args, kwargs, NumericEnvironment.mergeParameters, required: 1))
            }
        case _ where Self.reshapeMethodNames.contains(name): return reshapeAttribute(name)
        case "any", "all": return .newBuiltin(name) { [self] args, kwargs in try anyAll(name, args, kwargs) }
        case "corr", "cov": return .newBuiltin(name) { [self] args, kwargs in try correlation(name, args, kwargs) }
        case "cummax", "cummin", "cumsum": return .newBuiltin(name) { [self] args, kwargs in try cumulative(name, args, kwargs) }
        case "nunique": return .newBuiltin(name) { [self] args, kwargs in try nunique(args, kwargs) }
        case "nlargest", "nsmallest": return .newBuiltin(name) { [self] args, kwargs in try extremeRows(name, args, kwargs) }
        case "isna", "isnull", "notna", "notnull":
            return .newBuiltin(name) { [self] args, kwargs in
                guard args.isEmpty, kwargs.isEmpty else { throw PyException.typeError("DataFrame.\(name)() takes no arguments") }
                return try env.missingness(env.wrap(self), missing: name.hasPrefix("is"))
            }
        default: return nil
        }
    }

    /// `round(decimals=0)`: float columns rounded as numpy rounds (half to even, through a scaled
    /// value); a dict rounds only the columns it names; other columns are kept.
    func rounded(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("round", args, kwargs, ["decimals"])
        let decimals = a["decimals"] ?? .int(0)
        var perColumn: [Int: Value] = [:]
        switch decimals {
        case .int:
            for c in 0..<columnCount { perColumn[c] = decimals }
        case .dict(let d):
            for (k, v) in d.items {
                guard case .int = v else { throw PyException.typeError("Values in decimals must be integers") }
                if let c = env.position(of: k, in: frame.columns) { perColumn[c] = v }
            }
        default:
            throw PyException.typeError("decimals must be an integer, a dict-like or a Series")
        }
        var values = frame.columnValues
        var dtypes = frame.columnDTypeNames
        for (c, n) in perColumn {
            guard c < values.count, let array = values[c].ndarray, "iuf".contains(array.dtype.kind), frame.columnDTypeNames[c] != "category",
                  case .builtin(let round)? = try NDArrayHost(array, env: env).getAttribute("round"),
                  let result = (NumericHosts.object(try round.body([n], [])) as? NDArrayHost)?.array else { continue }
            values[c] = .ndarray(result)
            if c < dtypes.count { dtypes[c] = result.dtype.name }
        }
        return env.wrap(DataFrameHost(.make(columns: frame.columns, index: frame.index, columnValues: values, columnDTypeNames: dtypes,
                                            columnCategoricals: frame.columnCategoricals), env: env))
    }

    /// `astype(dtype)`: every column as `Series.astype` makes it; a dict converts only the columns
    /// it names, and naming one that is not there is pandas' KeyError.
    func astype(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("astype", args, kwargs, ["dtype", "copy", "errors"], required: 1)
        if let errors = a["errors"], !{ if case .str("raise") = errors { return true }; return false }() {
            throw PyException.valueError("astype(errors=...) other than 'raise' is not supported by mfsh")
        }
        var targets: [Int: Value] = [:]
        if case .dict(let d)? = a["dtype"] {
            for (k, v) in d.items {
                guard let c = env.position(of: k, in: frame.columns) else {
                    throw PyException.keyError(.str("Only a column name can be used for the key in a dtype mappings argument. '\(try env.converter.interpreter.str(k))' not found in columns."))
                }
                targets[c] = v
            }
        } else if let target = a["dtype"] {
            for c in 0..<columnCount { targets[c] = target }
        }
        var values = frame.columnValues
        var dtypes = frame.columnDTypeNames
        var categoricals = frame.columnCategoricals
        for (c, target) in targets.sorted(by: { $0.key < $1.key }) {
            guard case .builtin(let convert)? = try column(c).getAttribute("astype"),
                  let converted = NumericHosts.object(try convert.body([target], [])) as? SeriesHost else {
                throw PyException.typeError("astype() of column \(c) is not supported by mfsh")
            }
            values[c] = converted.series.values
            while dtypes.count <= c { dtypes.append("object") }
            dtypes[c] = converted.series.dtypeName
            categoricals[c] = converted.series.categorical
        }
        return env.wrap(DataFrameHost(.make(columns: frame.columns, index: frame.index, columnValues: values, columnDTypeNames: dtypes,
                                            columnCategoricals: categoricals), env: env))
    }

    /// `itertuples(index=True, name='Pandas')`: one namedtuple per row (a plain tuple when name is None);
    /// fields that are not identifiers, are keywords, start with `_` or repeat become `_<position>`.
    func itertuples(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("itertuples", args, kwargs, ["index", "name"])
        let withIndex = try a.bool("index", default: true)
        var typeName: String? = "Pandas"
        if let given = a["name"] {
            guard case .str(let s) = given else { throw PyException.typeError("itertuples(name=...) must be a string or None") }
            typeName = s
        } else if kwargs.contains(where: { $0.0 == "name" }) || args.count > 1 {
            typeName = nil
        }
        let interpreter = env.converter.interpreter
        var fields: [String] = withIndex ? ["Index"] : []
        for c in 0..<columnCount { fields.append(try interpreter.str(try env.python(frame.columns.label(at: c)))) }
        var seen: Set<String> = []
        for (i, f) in fields.enumerated() {
            let valid = f.first.map { $0 == "_" || $0.isLetter } == true && f.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
            if !valid || pythonKeywords.contains(f) || f.hasPrefix("_") || seen.contains(f) { fields[i] = "_\(i)" }
            seen.insert(fields[i])
        }
        var make: Value?
        if let typeName {
            let collections = try interpreter.importModule("collections")
            make = try interpreter.call(try interpreter.attribute(of: collections, "namedtuple"), [.str(typeName), .list(PyList(fields.map { .str($0) }))])
        }
        var r = 0
        return .iterator(ClosureIterator("map") { [self] in
            guard r < rowCount else { return nil }
            defer { r += 1 }
            var cells: [Value] = withIndex ? [try env.python(frame.index.label(at: r))] : []
            for c in 0..<columnCount { cells.append(try env.pythonElement(frame.columnValues[c], r)) }
            guard let make else { return .tuple(cells) }
            return try interpreter.call(make, cells)
        })
    }
}

/// `to_string()` with no arguments (buf=None is the same): the text is returned. Its formatting
/// options are refused by name, never ignored.
func refuseToStringArguments(_ args: [Value], _ kwargs: [(String, Value)]) throws {
    guard args.allSatisfy(\.isNone) else { throw PyException.typeError("to_string(buf) is not supported by mfsh (print the returned text)") }
    for (k, v) in kwargs where !(k == "buf" && v.isNone) {
        throw PyException.typeError("to_string(\(k)=...) is not supported by mfsh")
    }
}
