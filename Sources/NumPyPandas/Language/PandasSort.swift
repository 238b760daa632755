// sort_values / sort_index for Series and DataFrame: a stable sort with missing values last, like pandas'
// nargsort and lexsort_indexer (pandas' default quicksort may order ties differently beyond 16 rows).
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

    /// Row order sorting by each key column in turn; rows missing the first key go last.
    static func order(_ columns: [[Key]], ascending: [Bool], count: Int) -> [Int] {
        Array(0..<count).sorted { i, j in
            for (c, keys) in columns.enumerated() {
                let up = c < ascending.count ? ascending[c] : true
                switch (keys[i], keys[j]) {
                case (.missing, .missing): continue
                case (.missing, _): return false
                case (_, .missing): return true
                default:
                    let r = compare(keys[i], keys[j])
                    if r != 0 { return up ? r < 0 : r > 0 }
                }
            }
            return i < j  // stable
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
    func sorted(_ name: String, _ kwargs: [(String, Value)]) throws -> Value {
        if name == "sort_index", let levels = series.index.levels {
            // A MultiIndex sorts by its levels in turn.
            let keys = levels.map { level in PandasSort.keys(.ndarray(.objects((0..<count).map { level.label(at: $0) }, shape: [count])), count: count) }
            let rows = PandasSort.order(keys, ascending: try PandasSort.ascending(kwargs, keys: levels.count), count: count)
            return withValues(env.take(series.values, rows), rows: rows)
        }
        let keys = name == "sort_index"
            ? PandasSort.keys(.ndarray(.objects((0..<count).map { series.index.label(at: $0) }, shape: [count])), count: count)
            : PandasSort.keys(series.values, count: count)
        let rows = PandasSort.order([keys], ascending: try PandasSort.ascending(kwargs, keys: 1), count: count)
        return withValues(env.take(series.values, rows), rows: rows)
    }
}

extension DataFrameHost {
    func sorted(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        guard let by = args.first ?? kwargs.first(where: { $0.0 == "by" })?.1 else {
            throw PyException.typeError("DataFrame.sort_values() missing 1 required positional argument: 'by'")
        }
        var labels: [Value] = [by]
        if case .list(let l) = by { labels = l.items }
        let columns = try labels.map { label -> [PandasSort.Key] in
            guard let c = env.position(of: label, in: frame.columns) else { throw PyException.keyError(label) }
            return PandasSort.keys(frame.columnValues[c], count: rowCount)
        }
        let rows = PandasSort.order(columns, ascending: try PandasSort.ascending(kwargs, keys: labels.count), count: rowCount)
        return selectRows(rows)
    }
}
