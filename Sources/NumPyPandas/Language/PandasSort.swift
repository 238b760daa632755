// sort_values / sort_index for Series and DataFrame: a stable sort with missing values last (or first,
// na_position='first'), like pandas' nargsort and lexsort_indexer (pandas' default quicksort may order
// ties differently beyond 16 rows). Every argument is honoured or refused by name, never ignored.
import MFSInterpreter
import Pickle

enum PandasSort {
    enum Key {
        case number(Double), text(String), missing
    }

    /// Sort keys of a column's values (numbers, strings and dates; NaN, None and NaT are missing).
    static func keys(_ values: PickleValue, count: Int) -> [Key] {
        guard let a = values.ndarray else { return Array(repeating: .missing, count: count) }
        return (0..<count).map { i in
            if "Mm".contains(a.dtype.kind) { return a.timeCount(atFlat: i).map { .number(Double($0)) } ?? .missing }
            switch a.element(at: i) {
            case .int(let x)?: return .number(Double(x))
            case .bool(let b)?: return .number(b ? 1 : 0)
            case .float(let x)?: return x.isNaN ? .missing : .number(x)
            case .string(let s)?: return .text(s)
            default: return .missing
            }
        }
    }

    /// Orders two present keys: -1, 0 or 1 (numbers before strings when a column mixes them).
    static func compare(_ x: Key, _ y: Key) -> Int {
        switch (x, y) {
        case (.number(let a), .number(let b)): return a < b ? -1 : a > b ? 1 : 0
        case (.text(let a), .text(let b)):
            if a == b { return 0 }
            return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value } ? -1 : 1
        case (.number, .text): return -1
        case (.text, .number): return 1
        default: return 0
        }
    }

    /// Row order sorting by each key column in turn; rows missing a key go last (first with `naFirst`).
    static func order(_ columns: [[Key]], ascending: [Bool], naFirst: Bool = false, count: Int) -> [Int] {
        Array(0..<count).sorted { i, j in
            for (c, keys) in columns.enumerated() {
                let up = c < ascending.count ? ascending[c] : true
                switch (keys[i], keys[j]) {
                case (.missing, .missing): continue
                case (.missing, _): return naFirst
                case (_, .missing): return !naFirst
                default:
                    let r = compare(keys[i], keys[j])
                    if r != 0 { return up ? r < 0 : r > 0 }
                }
            }
            return i < j  // stable
        }
    }

    /// What sort_values/sort_index were asked for beyond the keys.
    struct Options {
        var ascending: [Bool]
        var naFirst = false
        var ignoreIndex = false
    }

    /// The keyword arguments of `function` (pandas 3 takes them by keyword only), checked: `accepted`
    /// names what the method has; `key=`, `inplace=True`, `level=` and sorting along columns are refused.
    static func options(_ function: String, _ args: [Value], _ kwargs: [(String, Value)], keys: Int, accepted: [String],
                        positional: Int = 0) throws -> Options {
        if args.count > positional {
            throw PyException.typeError("\(function)() takes \(positional + 1) positional argument\(positional == 0 ? "" : "s") but \(args.count + 1) were given")
        }
        for (name, value) in kwargs {
            guard accepted.contains(name) else { throw PyException.typeError("\(function)() got an unexpected keyword argument '\(name)'") }
            switch (name, value) {
            case ("axis", .int(0)), ("axis", .str("index")), ("inplace", .bool(false)), ("key", .none), ("level", .none),
                 ("sort_remaining", .bool(true)), ("ascending", _), ("by", _), ("na_position", _), ("ignore_index", _):
                continue
            case ("kind", .str(let k)) where ["quicksort", "mergesort", "heapsort", "stable"].contains(k):
                continue  // a stable order is one quicksort may give (pandas' own for one key of few rows)
            case ("inplace", .bool(true)):
                throw PyException.typeError("\(function)(inplace=True) is not supported by mfsh: use the value it returns")
            default:
                throw PyException.typeError("\(function)(\(name)=...) is not supported by mfsh")
            }
        }
        var options = Options(ascending: try ascending(kwargs, keys: keys))
        if let v = kwargs.first(where: { $0.0 == "na_position" })?.1 {
            guard case .str(let p) = v, p == "first" || p == "last" else {
                throw PyException.valueError("invalid na_position: \(pythonReprText(v))")
            }
            options.naFirst = p == "first"
        }
        if let v = kwargs.first(where: { $0.0 == "ignore_index" })?.1 {
            guard case .bool(let b) = v else { throw PyException.valueError("For argument \"ignore_index\" expected type bool, received type \(v.typeName).") }
            options.ignoreIndex = b
        }
        return options
    }

    /// str() of a plain argument, for pandas' messages.
    private static func pythonReprText(_ v: Value) -> String {
        switch v {
        case .str(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "True" : "False"
        case .none: return "None"
        default: return v.typeName
        }
    }

    /// The `ascending=` argument: one bool, or one per key.
    static func ascending(_ kwargs: [(String, Value)], keys: Int) throws -> [Bool] {
        guard let v = kwargs.first(where: { $0.0 == "ascending" })?.1 else { return Array(repeating: true, count: keys) }
        switch v {
        case .bool(let b): return Array(repeating: b, count: keys)
        case .list(let l):
            return try l.items.map { item in
                guard case .bool(let b) = item else { throw PyException.valueError("ascending must be a bool or a list of bools") }
                return b
            }
        default: throw PyException.valueError("For argument \"ascending\" expected type bool, received type \(v.typeName).")
        }
    }
}

extension SeriesHost {
    func sorted(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let accepted = name == "sort_index"
            ? ["axis", "level", "ascending", "inplace", "kind", "na_position", "sort_remaining", "ignore_index", "key"]
            : ["axis", "ascending", "inplace", "kind", "na_position", "ignore_index", "key"]
        let levels = name == "sort_index" ? series.index.levels : nil
        let options = try PandasSort.options("Series.\(name)", args, kwargs, keys: levels?.count ?? 1, accepted: accepted)
        let keys: [[PandasSort.Key]]
        if let levels {
            // A MultiIndex sorts by its levels in turn.
            keys = levels.map { level in PandasSort.keys(.ndarray(.objects((0..<count).map { level.label(at: $0) }, shape: [count])), count: count) }
        } else if name == "sort_index" {
            keys = [PandasSort.keys(.ndarray(.objects((0..<count).map { series.index.label(at: $0) }, shape: [count])), count: count)]
        } else {
            keys = [PandasSort.keys(series.values, count: count)]
        }
        let rows = PandasSort.order(keys, ascending: options.ascending, naFirst: options.naFirst, count: count)
        let result = withValues(env.take(series.values, rows), rows: rows)
        guard options.ignoreIndex, let sorted = NumericHosts.object(result) as? SeriesHost else { return result }
        return env.wrap(SeriesHost(sorted.series.relabeled(index: env.defaultIndex(rows.count)), env: env))
    }
}

extension DataFrameHost {
    func sorted(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        guard let by = args.first ?? kwargs.first(where: { $0.0 == "by" })?.1 else {
            throw PyException.typeError("DataFrame.sort_values() missing 1 required positional argument: 'by'")
        }
        var labels: [Value] = [by]
        if case .list(let l) = by { labels = l.items }
        let options = try PandasSort.options("DataFrame.sort_values", args, kwargs, keys: labels.count,
                                             accepted: ["by", "axis", "ascending", "inplace", "kind", "na_position", "ignore_index", "key"], positional: 1)
        let columns = try labels.map { label -> [PandasSort.Key] in
            guard let c = env.position(of: label, in: frame.columns) else { throw PyException.keyError(label) }
            return PandasSort.keys(frame.columnValues[c], count: rowCount)
        }
        let rows = PandasSort.order(columns, ascending: options.ascending, naFirst: options.naFirst, count: rowCount)
        let result = selectRows(rows)
        guard options.ignoreIndex, let sorted = NumericHosts.object(result) as? DataFrameHost else { return result }
        return env.wrap(DataFrameHost(sorted.frame.relabeled(index: env.defaultIndex(rows.count)), env: env))
    }
}
