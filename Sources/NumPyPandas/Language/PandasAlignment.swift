// Arithmetic between Series with different indexes (and a Series assigned as a frame's column),
// as pandas does it: both are aligned on the
// union of their labels (sorted), a label one side lacks gives NaN there (an int Series becomes
// float64), and the operation runs on the aligned values. The result's name is the common name, or
// None. Covered: unique int or str labels and numeric values; anything else (duplicate labels,
// dates, MultiIndex, bool or object values) stays refused by name, never answered positionally.
import MFSInterpreter
import Pickle

extension SeriesHost {
    /// pandas' name for the result of an operation with `other`: the common name, else None.
    func resultName(with other: SeriesHost) -> PickleValue {
        pythonRepr(series.name) == pythonRepr(other.series.name) ? series.name : .none
    }

    /// Whether both have the same labels in the same order (alignment is then positional).
    func hasSameIndex(as other: SeriesHost) -> Bool {
        other.series.index.count == series.index.count
            && (0..<count).allSatisfy { pythonRepr(other.series.index.label(at: $0)) == pythonRepr(series.index.label(at: $0)) }
    }

    /// Both Series on the union of their indexes; nil where this alignment is not covered.
    func aligned(with other: SeriesHost) -> (SeriesHost, SeriesHost)? {
        let plainIndexes: Set<String> = ["Index", "RangeIndex"]
        guard plainIndexes.contains(series.index.className), plainIndexes.contains(other.series.index.className) else { return nil }
        let mine = (0..<series.index.count).map { series.index.label(at: $0) }
        let theirs = (0..<other.series.index.count).map { other.series.index.label(at: $0) }
        let all = mine + theirs
        let union: [PickleValue]
        if all.allSatisfy({ if case .int = $0 { return true }; return false }) {
            let ints = all.compactMap { if case .int(let i) = $0 { return i }; return nil }
            guard Set(ints.prefix(mine.count)).count == mine.count, Set(ints.dropFirst(mine.count)).count == theirs.count else { return nil }
            union = Set(ints).sorted().map { .int($0) }
        } else if all.allSatisfy({ if case .string = $0 { return true }; return false }) {
            let texts = all.compactMap { if case .string(let s) = $0 { return s }; return nil }
            guard Set(texts.prefix(mine.count)).count == mine.count, Set(texts.dropFirst(mine.count)).count == theirs.count else { return nil }
            // Python orders str by code point.
            union = Set(texts).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) { $0.value < $1.value } }
                .map { .string($0) }
        } else {
            return nil
        }
        let keys = union.map(pythonRepr)
        let index: PandasIndex
        if keys == mine.map(pythonRepr) {
            index = series.index
        } else if keys == theirs.map(pythonRepr) {
            index = other.series.index
        } else {
            let isInt: Bool
            if case .int? = union.first { isInt = true } else { isInt = false }
            let labels: NDArray = isInt ? .int64(union.compactMap { if case .int(let i) = $0 { return i }; return nil }, shape: [union.count])
                                        : .objects(union, shape: [union.count])
            let name = pythonRepr(series.index.name) == pythonRepr(other.series.index.name) ? series.index.name : .none
            index = .make(className: "Index", labels: .ndarray(labels), name: name,
                          dtypeName: isInt ? "int64" : series.index.dtypeName)
        }
        guard let left = spread(self, over: keys, index: index), let right = spread(other, over: keys, index: index) else { return nil }
        return (left, right)
    }

    /// `series.reindex(index)`, as `df[col] = series` aligns a Series on the frame's index; nil where
    /// not covered (labels other than unique ints or strs, values other than numbers).
    func reindexed(to index: PandasIndex) -> SeriesHost? {
        let plainIndexes: Set<String> = ["Index", "RangeIndex"]
        guard plainIndexes.contains(series.index.className), plainIndexes.contains(index.className) else { return nil }
        let mine = (0..<series.index.count).map { series.index.label(at: $0) }
        let wanted = (0..<index.count).map { index.label(at: $0) }
        func simple(_ v: PickleValue) -> Bool {
            switch v {
            case .int, .string: return true
            default: return false
            }
        }
        guard (mine + wanted).allSatisfy(simple), Set(mine.map(pythonRepr)).count == mine.count else { return nil }
        return spread(self, over: wanted.map(pythonRepr), index: index)
    }

    /// `host`'s values at the labels `keys` (NaN where it has none), as a Series over `index`.
    private func spread(_ host: SeriesHost, over keys: [String], index: PandasIndex) -> SeriesHost? {
        guard let values = host.valuesArray, "iuf".contains(values.dtype.kind), let operand = NumericOperand(array: values) else { return nil }
        var position: [String: Int] = [:]
        for i in 0..<host.series.index.count { position[pythonRepr(host.series.index.label(at: i))] = i }
        let rows = keys.map { position[$0] }
        let array: NDArray
        if rows.allSatisfy({ $0 != nil }) {
            array = values.gathering(rows.compactMap { $0 }, shape: [keys.count])
        } else {
            let single = values.dtype.kind == "f" && values.dtype.itemSize == 4
            array = .make(dtype: single ? values.dtype.nativeOrder : .float64, doubles: rows.map { $0.map { operand.doubles[$0] } ?? .nan },
                          shape: [keys.count])
        }
        return SeriesHost(.make(values: .ndarray(array), index: index, name: host.series.name, dtypeName: array.dtype.name), env: env)
    }
}
