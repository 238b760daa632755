// Series methods that work element by element or pick rows by value: map and apply (a dict, a Series
// or a function), isin, between, nlargest/nsmallest, copy and rename.
import MFSInterpreter
import Pickle

extension SeriesHost {
    static let elementwiseMethodNames = ["apply", "between", "copy", "isin", "map", "nlargest", "nsmallest", "rename"]

    func elementwiseAttribute(_ name: String) -> Value? {
        guard Self.elementwiseMethodNames.contains(name) else { return nil }
        return .newBuiltin(name) { [self] args, kwargs in
            switch name {
            case "copy": return env.wrap(SeriesHost(series, env: env))
            case "map", "apply": return try mapped(name, args, kwargs)
            case "isin":
                let a = try CallArguments("isin", args, kwargs, ["values"], required: 1)
                let v = a["values"] ?? .none
                switch v {
                case .str, .none, .int, .float, .bool, .dict:
                    throw PyException.typeError("only list-like objects are allowed to be passed to isin(), you passed a `\(v.typeName)`")
                default: break
                }
                let items = try env.converter.interpreter.iterateAll(v)
                let interpreter = env.converter.interpreter
                // pandas' hash tables match NaN with NaN (== never does); a str column's missing value
                // matches None and NaN alike, other columns' None only None.
                func isNaN(_ v: Value) -> Bool {
                    if case .float(let x) = v { return x.isNaN }
                    if let s = NumericHosts.object(v) as? NDScalarHost, s.dtype.kind == "f", let x = try? s.toDouble() { return x.isNaN }
                    return false
                }
                let text = series.dtypeName == "str"
                let flags = try (0..<count).map { i -> Bool in
                    let x = try env.pythonElement(series.values, i)
                    if text, x.isNone || isNaN(x) { return items.contains { $0.isNone || isNaN($0) } }
                    if isNaN(x) { return items.contains(where: isNaN) }
                    return try items.contains { try interpreter.equal(x, $0) }
                }
                return withValues(.ndarray(.bool(flags, shape: [count])), dtypeName: "bool")
            case "between":
                let a = try CallArguments("between", args, kwargs, ["left", "right", "inclusive"], required: 2)
                var inclusive = "both"
                if let i = a["inclusive"] {
                    guard case .str(let s) = i, ["both", "neither", "left", "right"].contains(s) else {
                        throw PyException.valueError("Inclusive has to be either string of 'both','left', 'right', or 'neither'.")
                    }
                    inclusive = s
                }
                let low = try binary(inclusive == "both" || inclusive == "left" ? .ge : .gt, a["left"] ?? .none, reflected: false)
                let high = try binary(inclusive == "both" || inclusive == "right" ? .le : .lt, a["right"] ?? .none, reflected: false)
                guard let low, let high, let result = try (NumericHosts.object(low) as? SeriesHost)?.binary(.bitand, high, reflected: false) else {
                    throw PyException.typeError("between() is not supported for dtype \(series.dtypeName) in mfsh")
                }
                return result
            case "nlargest", "nsmallest":
                let a = try CallArguments(name, args, kwargs, ["n", "keep"])
                if let keep = a["keep"], !({ if case .str("first") = keep { return true }; return false }()) {
                    throw PyException.typeError("\(name)(keep=...) other than 'first' is not supported by mfsh")
                }
                let rows = try extremeRows(name, n: try a.int("n") ?? 5)
                return withValues(env.take(series.values, rows), rows: rows)
            default:  // rename
                let a = try CallArguments("rename", args, kwargs, ["index", "axis", "copy", "inplace", "level", "errors"])
                if case .bool(true)? = a["inplace"] { throw PyException.typeError("Series.rename(inplace=True) is not supported by mfsh: use the returned Series") }
                let given = a["index"] ?? .none
                if case .dict = given { throw PyException.typeError("Series.rename() with a dict (relabelling the index) is not supported by mfsh") }
                if given.isCallable { throw PyException.typeError("Series.rename() with a function (relabelling the index) is not supported by mfsh") }
                return env.wrap(SeriesHost(.make(values: series.values, index: series.index, name: try env.pandasLabel(given), dtypeName: series.dtypeName,
                                                 categorical: series.categorical), env: env))
            }
        }
    }

    /// The rows `nlargest(n)`/`nsmallest(n)` picks, in order: ties keep their order of appearance,
    /// missing values are never picked.
    func extremeRows(_ name: String, n: Int) throws -> [Int] {
        guard let a = valuesArray, "iufb".contains(a.dtype.kind) else {
            throw PyException.typeError("Cannot use method '\(name)' with dtype \(series.dtypeName)")
        }
        let keys = PandasSort.keys(.ndarray(a), count: count)
        let present = (0..<count).filter { if case .missing = keys[$0] { return false }; return true }
        let order = present.enumerated().sorted { x, y in
            let c = PandasSort.compare(keys[x.element], keys[y.element])
            return c != 0 ? (name == "nlargest" ? c > 0 : c < 0) : x.offset < y.offset
        }.map(\.element)
        return Array(order.prefix(Swift.max(0, n)))
    }

    /// `map(arg, na_action=None)` with a dict (missing keys give NaN), a Series (looked up by label) or a
    /// function; `apply(func)` with a function. The results make a new column, its dtype inferred.
    private func mapped(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments(name, args, kwargs, name == "map" ? ["arg", "na_action"] : ["func", "convert_dtype", "args", "by_row"], required: 1)
        let interpreter = env.converter.interpreter
        let function = a[name == "map" ? "arg" : "func"] ?? .none
        var skipMissing = false
        if let action = a["na_action"] {
            guard case .str("ignore") = action else { throw PyException.valueError("na_action must either be 'ignore' or None, \(try interpreter.repr(action)) was passed") }
            skipMissing = true
        }
        let extra = try a["args"].map { try interpreter.iterateAll($0) } ?? []
        let missing = env.missingMask(series.values)
        var results: [Value] = []
        results.reserveCapacity(count)
        for i in 0..<count {
            let x = try env.pythonElement(series.values, i)
            if skipMissing, i < missing.count, missing[i] { results.append(x); continue }
            if case .dict(let d) = function, name == "map" {
                results.append(try d.items.first { try interpreter.equal($0.0, x) }?.1 ?? .float(.nan))
            } else if let lookup = NumericHosts.object(function) as? SeriesHost, name == "map" {
                results.append(try env.position(of: x, in: lookup.series.index).map { try env.pythonElement(lookup.series.values, $0) } ?? .float(.nan))
            } else if function.isCallable {
                results.append(try interpreter.call(function, [x] + extra))
            } else {
                throw PyException.typeError("'\(function.typeName)' object is not callable")
            }
        }
        var column = try env.pandasColumn(items: results)
        if count == 0 {
            // No value to infer from: pandas keeps the dtype (a function) or takes the mapping's values'.
            if function.isCallable { return withValues(series.values) }
            let mapping: [Value]
            if case .dict(let d) = function { mapping = d.items.map(\.1) } else if let lookup = NumericHosts.object(function) as? SeriesHost {
                mapping = try (0..<lookup.count).map { try env.pythonElement(lookup.series.values, $0) }
            } else { mapping = [] }
            // (a str column's result is str for text values, object for any other.)
            var typed = try env.pandasColumn(items: mapping)
            if series.dtypeName == "str", typed.dtypeName != "str" { typed = PandasColumn(values: .ndarray(.objects([], shape: [0])), dtypeName: "object") }
            column = PandasColumn(values: env.take(typed.values, []), dtypeName: typed.dtypeName, categorical: typed.categorical)
        }
        return env.wrap(SeriesHost(.make(values: column.values, index: series.index, name: series.name, dtypeName: column.dtypeName,
                                         categorical: column.categorical), env: env))
    }
}
