// Frames made from frames: copy, drop, rename, select_dtypes, assign, set_index and reset_index
// (PandasResetIndex.swift), with
// pandas' arguments and errors. Each returns a new frame; the one it came from never changes.
import MFSInterpreter
import Pickle

extension DataFrameHost {
    static let reshapeMethodNames = ["assign", "copy", "drop", "rename", "reset_index", "select_dtypes", "set_index"]

    func reshapeAttribute(_ name: String) -> Value? {
        guard Self.reshapeMethodNames.contains(name) else { return nil }
        return .newBuiltin(name) { [self] args, kwargs in
            switch name {
            case "copy": return env.wrap(DataFrameHost(frame, env: env))
            case "drop": return try drop(args, kwargs)
            case "rename": return try rename(args, kwargs)
            case "assign":
                guard args.isEmpty else { throw PyException.typeError("DataFrame.assign() takes 1 positional argument but \(args.count + 1) were given") }
                let result = DataFrameHost(frame, env: env)
                for (k, v) in kwargs {
                    // A callable is called with the frame as built so far, as in pandas.
                    let column = v.isCallable ? try env.converter.interpreter.call(v, [env.wrap(result)]) : v
                    try result.setItem(.str(k), column)
                }
                return env.wrap(result)
            case "select_dtypes":
                let a = try CallArguments("select_dtypes", args, kwargs, ["include", "exclude"])
                guard a["include"] != nil || a["exclude"] != nil else { throw PyException.valueError("at least one of include or exclude must be nonempty") }
                return env.wrap(selectColumns(try selectDTypes(include: a["include"], exclude: a["exclude"])))
            case "set_index": return try setIndex(args, kwargs)
            default: return try resetIndex(args, kwargs)
            }
        }
    }

    /// `drop(labels=None, axis=0, index=None, columns=None, errors='raise')`.
    private func drop(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("drop", args, kwargs, ["labels", "axis", "index", "columns", "level", "inplace", "errors"])
        if a["level"] != nil { throw PyException.typeError("drop(level=...) is not supported by mfsh") }
        if case .bool(true)? = a["inplace"] { throw PyException.typeError("DataFrame.drop(inplace=True) is not supported by mfsh: use the returned DataFrame") }
        var ignore = false
        if let e = a["errors"] {
            guard case .str(let s) = e, s == "raise" || s == "ignore" else { throw PyException.valueError("errors must be 'raise' or 'ignore'") }
            ignore = s == "ignore"
        }
        var rowLabels = a["index"], columnLabels = a["columns"]
        if let labels = a["labels"] {
            guard rowLabels == nil, columnLabels == nil else { throw PyException.valueError("Cannot specify both 'labels' and 'index'/'columns'") }
            switch a["axis"] ?? .int(0) {
            case .int(1), .str("columns"): columnLabels = labels
            case let axis where axis.isRowAxis: rowLabels = labels
            case let axis: throw PyException.valueError("No axis named \(try env.converter.interpreter.str(axis)) for object type DataFrame")
            }
        } else if rowLabels == nil, columnLabels == nil {
            throw PyException.valueError("Need to specify at least one of 'labels', 'index' or 'columns'")
        }
        func positions(_ v: Value?, in index: PandasIndex) throws -> Set<Int> {
            guard let v else { return [] }
            var found: Set<Int> = [], missing: [Value] = []
            for label in env.listItems(v) ?? [v] {
                try env.requireWholeLabel(label, of: index)
                let matches = (0..<index.count).filter { env.labelMatches(index.label(at: $0), label) }
                if matches.isEmpty { missing.append(label) }
                found.formUnion(matches)
            }
            if !missing.isEmpty, !ignore {
                let shown = try missing.map { try env.converter.interpreter.repr($0) }.joined(separator: ", ")
                throw PyException.keyError(.str("[\(shown)] not found in axis"))
            }
            return found
        }
        let droppedColumns = try positions(columnLabels, in: frame.columns)
        let droppedRows = try positions(rowLabels, in: frame.index)
        let kept = selectColumns((0..<columnCount).filter { !droppedColumns.contains($0) })
        guard !droppedRows.isEmpty else { return env.wrap(kept) }
        return kept.selectRows((0..<rowCount).filter { !droppedRows.contains($0) })
    }

    /// `rename(columns={old: new})` (or `mapper` with `axis='columns'`), `index={old: new}`; a function maps every label.
    private func rename(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("rename", args, kwargs, ["mapper", "index", "columns", "axis", "copy", "inplace", "level", "errors"])
        if case .bool(true)? = a["inplace"] { throw PyException.typeError("DataFrame.rename(inplace=True) is not supported by mfsh: use the returned DataFrame") }
        if a["level"] != nil { throw PyException.typeError("rename(level=...) is not supported by mfsh") }
        var columnMap = a["columns"], rowMap = a["index"]
        if let mapper = a["mapper"] {
            switch a["axis"] ?? .int(0) {
            case .int(1), .str("columns"): columnMap = mapper
            default: rowMap = mapper
            }
        }
        let raise: Bool = { if case .str("raise")? = a["errors"] { return true }; return false }()
        func renamed(_ index: PandasIndex, _ map: Value?) throws -> PandasIndex {
            guard let map else { return index }
            try env.refuseMultiIndex(index, "rename")
            let interpreter = env.converter.interpreter
            var labels = try (0..<index.count).map { try env.python(index.label(at: $0)) }
            if case .dict(let d) = map {
                if raise {
                    for k in d.keys where !labels.contains(where: { env.labelMatches((try? env.pickleValue($0)) ?? .none, k) }) {
                        throw PyException.keyError(.str("[\(try interpreter.repr(k))] not found in axis"))
                    }
                }
                labels = try labels.map { label in try d.items.first { try interpreter.equal($0.0, label) }?.1 ?? label }
            } else if map.isCallable {
                labels = try labels.map { try interpreter.call(map, [$0]) }
            } else {
                throw PyException.typeError("rename() takes a dict or a function in mfsh")
            }
            return try env.pandasIndex(labels: labels, name: index.name)
        }
        return env.wrap(DataFrameHost(.make(columns: try renamed(frame.columns, columnMap), index: try renamed(frame.index, rowMap),
                                            columnValues: frame.columnValues, columnDTypeNames: frame.columnDTypeNames,
                                            columnCategoricals: frame.columnCategoricals), env: env))
    }

    /// `set_index(column, drop=True)`: one column becomes the index (named after it).
    private func setIndex(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("set_index", args, kwargs, ["keys", "drop", "append", "inplace", "verify_integrity"], required: 1)
        if case .bool(true)? = a["inplace"] { throw PyException.typeError("DataFrame.set_index(inplace=True) is not supported by mfsh: use the returned DataFrame") }
        if case .bool(true)? = a["append"] { throw PyException.typeError("set_index(append=True) (a MultiIndex) is not supported by mfsh") }
        var key = a["keys"] ?? .none
        if let items = env.listItems(key) {
            guard items.count == 1 else { throw PyException.typeError("set_index on several columns (a MultiIndex) is not supported by mfsh") }
            key = items[0]
        }
        guard let c = env.position(of: key, in: frame.columns) else { throw PyException.keyError(.str("None of [\(try env.converter.interpreter.repr(key))] are in the columns")) }
        let dtype = c < frame.columnDTypeNames.count ? frame.columnDTypeNames[c] : "object"
        let className = dtype.hasPrefix("datetime64") ? "DatetimeIndex" : dtype == "category" ? "CategoricalIndex" : "Index"
        let index = PandasIndex.make(className: className, labels: frame.columnValues[c], name: frame.columns.label(at: c), dtypeName: dtype,
                                     categorical: frame.categorical(ofColumn: c))
        if try a.bool("verify_integrity", default: false) {
            // pandas' check: the labels seen more than once, each named once, in order.
            var seen: Set<String> = [], named: Set<String> = [], repeated: [Int] = []
            for r in 0..<index.count {
                let label = pythonRepr(index.label(at: r))
                if !seen.insert(label).inserted, named.insert(label).inserted { repeated.append(r) }
            }
            if !repeated.isEmpty { throw PyException.valueError("Index has duplicate keys: \(env.take(index, repeated).reprText)") }
        }
        let kept = try a.bool("drop", default: true) ? (0..<columnCount).filter { $0 != c } : Array(0..<columnCount)
        let f = selectColumns(kept).frame
        return env.wrap(DataFrameHost(.make(columns: f.columns, index: index, columnValues: f.columnValues, columnDTypeNames: f.columnDTypeNames,
                                            columnCategoricals: f.columnCategoricals), env: env))
    }
}

extension Value {
    /// A function, method, class or builtin: something `map`, `apply` and `assign` call.
    var isCallable: Bool {
        switch self {
        case .function, .builtin, .boundMethod, .type: return true
        default: return false
        }
    }
}
