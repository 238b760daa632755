// Whole-row operations on pandas values: DataFrame.T/transpose() (each row becomes a column of the
// rows' common dtype, as `df.iloc[r]` gives it), and duplicated()/drop_duplicates() for frames and
// series (missing values equal to each other, keep='first', 'last' or False; inplace= refused). Transposing datetime or
// category columns would need pandas' own dtype rules there and is refused.
import MFSInterpreter
import Pickle

extension NumericEnvironment {
    /// The flags `duplicated(keep=)` gives for rows described by `keys`.
    func duplicateFlags(_ keys: [String], keep: Value?) throws -> [Bool] {
        var keepMode = "first"
        switch keep {
        case .str("first")?, nil: break
        case .str("last")?: keepMode = "last"
        case .bool(false)?: keepMode = "none"
        default: throw PyException.valueError("keep must be either \"first\", \"last\" or False")
        }
        var flags = Array(repeating: false, count: keys.count)
        if keepMode == "none" {
            var counts: [String: Int] = [:]
            for k in keys { counts[k, default: 0] += 1 }
            for (i, k) in keys.enumerated() { flags[i] = (counts[k] ?? 0) > 1 }
            return flags
        }
        var seen: Set<String> = []
        let order = keepMode == "first" ? Array(keys.indices) : keys.indices.reversed()
        for i in order { flags[i] = !seen.insert(keys[i]).inserted }
        return flags
    }

    /// A cell as a key for duplicate detection: every missing value is one key, and -0.0 is 0.0.
    func duplicateKey(_ values: PickleValue, _ row: Int) -> String {
        guard let a = values.ndarray, row < a.count else { return "" }
        let v = a.pandasTimeElement(at: row) ?? a.element(at: row) ?? .none
        if case .float(let x) = v, x == 0 { return "0.0" }
        return isMissing(v) ? "<missing>" : pythonRepr(v)
    }

    /// The `keep` argument as given: an explicit None must reach the check (pandas refuses it), so it is
    /// not read through CallArguments, which treats None as absent.
    func keepArgument(_ args: [Value], _ kwargs: [(String, Value)], position: Int) -> Value? {
        kwargs.first { $0.0 == "keep" }?.1 ?? (args.count > position ? args[position] : nil)
    }

    /// inplace= is deprecated in pandas 3.1 (it warns) and mfsh values do not change in place: refused.
    func refuseInplace(_ a: CallArguments, _ kind: String) throws {
        if try a.bool("inplace", default: false) { throw PyException.typeError("\(kind).drop_duplicates(inplace=True) is not supported by mfsh") }
    }
}

extension DataFrameHost {
    /// `df.T` / `df.transpose()`.
    func transposed() throws -> Value {
        try env.refuseMultiIndex(frame.index, "transpose")
        for c in 0..<columnCount {
            let kind = frame.columnValues[c].ndarray?.dtype.kind
            if kind == nil || kind == "M" || kind == "m" || frame.categorical(ofColumn: c) != nil {
                throw PyException.typeError("transpose of a frame with \(frame.columnDTypeNames[c]) columns is not supported by mfsh")
            }
        }
        let rows = FrameIndexerHost(self, byLabel: false)
        var values: [PickleValue] = [], dtypes: [String] = []
        for r in 0..<rowCount {
            guard let s = NumericHosts.object(rows.rowSeries(r)) as? SeriesHost else { continue }
            values.append(s.series.values)
            dtypes.append(s.series.dtypeName)
        }
        return env.wrap(DataFrameHost(.make(columns: frame.index, index: frame.columns, columnValues: values, columnDTypeNames: dtypes), env: env))
    }

    private func duplicateFlags(_ a: CallArguments, keep: Value?) throws -> [Bool] {
        var picked = Array(0..<columnCount)
        if let subset = a["subset"] {
            let labels = env.listItems(subset) ?? [subset]
            // pandas unpacks the factorized subset columns, and an empty subset fails there.
            if labels.isEmpty { throw PyException.valueError("not enough values to unpack (expected 2, got 0)") }
            picked = try labels.map { label in
                guard let c = env.position(of: label, in: frame.columns) else { throw PyException.keyError(label) }
                return c
            }
        }
        let keys = (0..<rowCount).map { r in picked.map { env.duplicateKey(frame.columnValues[$0], r) }.joined(separator: "\u{1F}") }
        return try env.duplicateFlags(keys, keep: keep)
    }

    /// `duplicated(subset=None, keep='first')`.
    func duplicated(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("duplicated", args, kwargs, ["subset", "keep"])
        let flags = try duplicateFlags(a, keep: env.keepArgument(args, kwargs, position: 1))
        return env.wrap(SeriesHost(.make(values: .ndarray(.bool(flags, shape: [flags.count])), index: frame.index, name: .none, dtypeName: "bool"), env: env))
    }

    /// `drop_duplicates(subset=None, keep='first', ignore_index=False)`.
    func dropDuplicates(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("drop_duplicates", args, kwargs, ["subset", "keep", "inplace", "ignore_index"])
        try env.refuseInplace(a, "DataFrame")
        let flags = try duplicateFlags(a, keep: env.keepArgument(args, kwargs, position: 1))
        let rows = flags.indices.filter { !flags[$0] }
        guard let kept = NumericHosts.object(selectRows(rows)) as? DataFrameHost else { return .none }
        var result = kept.frame
        if try a.bool("ignore_index", default: false) {
            result = .make(columns: result.columns, index: env.defaultIndex(rows.count), columnValues: result.columnValues,
                           columnDTypeNames: result.columnDTypeNames, columnCategoricals: result.columnCategoricals)
        }
        return env.wrap(DataFrameHost(result, env: env))
    }
}

extension SeriesHost {
    /// `duplicated(keep='first')`.
    func duplicated(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        _ = try CallArguments("duplicated", args, kwargs, ["keep"])
        let keys = (0..<count).map { env.duplicateKey(series.values, $0) }
        let flags = try env.duplicateFlags(keys, keep: env.keepArgument(args, kwargs, position: 0))
        return withValues(.ndarray(.bool(flags, shape: [flags.count])), dtypeName: "bool")
    }

    /// `drop_duplicates(keep='first', ignore_index=False)`.
    func dropDuplicates(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("drop_duplicates", args, kwargs, ["keep", "inplace", "ignore_index"])
        try env.refuseInplace(a, "Series")
        let keys = (0..<count).map { env.duplicateKey(series.values, $0) }
        let flags = try env.duplicateFlags(keys, keep: env.keepArgument(args, kwargs, position: 0))
        let rows = flags.indices.filter { !flags[$0] }
        let index = try a.bool("ignore_index", default: false) ? env.defaultIndex(rows.count) : env.take(series.index, rows)
        return env.wrap(SeriesHost(.make(values: env.take(series.values, rows), index: index, name: series.name, dtypeName: series.dtypeName,
                                         categorical: series.categorical), env: env))
    }
}
