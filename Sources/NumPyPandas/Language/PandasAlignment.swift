// Arithmetic between Series with different indexes (and a Series assigned as a frame's column),
// as pandas does it: both are aligned on the union of their labels (sorted), a label one side
// lacks gives NaN there (an int Series becomes float64), and the operation runs on the aligned
// values. The result's name is the common name, or None. Covered: unique int or str labels, or unique
// MultiIndex labels whose levels have the same dtypes on both sides, and numeric values; anything else
// (duplicate labels, dates, bool or object values) stays refused by name, never answered positionally.
import MFSInterpreter
import Pickle

extension SeriesHost {
    /// pandas' name for the result of an operation with `other`: the common name, else None.
    func resultName(with other: SeriesHost) -> PickleValue {
        pythonRepr(series.name) == pythonRepr(other.series.name) ? series.name : .none
    }

    /// Both Series on the union of their indexes; nil where this alignment is not covered.
    func aligned(with other: SeriesHost) -> (SeriesHost, SeriesHost)? {
        if series.index.levels != nil || other.series.index.levels != nil { return alignedByLevels(with: other) }
        guard let mine = alignableLabels, let theirs = other.alignableLabels else { return nil }
        let union: [PickleValue], labels: NDArray
        switch (mine, theirs) {
        case (.ints(let a), .ints(let b)):
            let sorted = Set(a + b).sorted()
            union = sorted.map { .int($0) }
            labels = .int64(sorted, shape: [sorted.count])
        case (.texts(let a), .texts(let b)):
            // Python orders str by code point.
            union = Set(a + b).sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) { $0.value < $1.value } }
                .map { .string($0) }
            labels = .objects(union, shape: [union.count])
        default: return nil
        }
        let keys = union.map(pythonRepr)
        let index: PandasIndex
        if keys == labelKeys(series.index) {
            index = series.index
        } else if keys == labelKeys(other.series.index) {
            index = other.series.index
        } else {
            let name = pythonRepr(series.index.name) == pythonRepr(other.series.index.name) ? series.index.name : .none
            index = .make(className: "Index", labels: .ndarray(labels), name: name,
                          dtypeName: labels.dtype.kind == "i" ? "int64" : series.index.dtypeName)
        }
        guard let left = spread(self, over: keys, index: index), let right = spread(other, over: keys, index: index) else { return nil }
        return (left, right)
    }

    /// `series.reindex(index)`, as `df[col] = series` aligns a Series on the frame's index; nil where
    /// not covered (labels other than unique ints or strs, values other than numbers).
    func reindexed(to index: PandasIndex) -> SeriesHost? {
        if let levels = index.levels {
            guard let mine = series.index.levels, sameLevelTypes(mine, levels), hasUniqueLabels else { return nil }
            return spread(self, over: labelKeys(index), index: index)
        }
        guard alignableLabels != nil, Self.plainIndexClasses.contains(index.className),
              (0..<index.count).allSatisfy({ Self.isPlainLabel(index.label(at: $0)) }) else { return nil }
        return spread(self, over: labelKeys(index), index: index)
    }

    /// Both Series with a MultiIndex on the sorted union of their labels (pandas sorts a MultiIndex union
    /// level by level).
    private func alignedByLevels(with other: SeriesHost) -> (SeriesHost, SeriesHost)? {
        guard let mine = series.index.levels, let theirs = other.series.index.levels, sameLevelTypes(mine, theirs),
              hasUniqueLabels, other.hasUniqueLabels else { return nil }
        var arrays: [NDArray] = []
        for (left, right) in zip(mine, theirs) {
            guard case .values(let a) = left.values, case .values(let b) = right.values,
                  let both = try? env.concatColumns([PandasColumn(values: a, dtypeName: left.dtypeName), PandasColumn(values: b, dtypeName: right.dtypeName)]),
                  let array = both.values.ndarray else { return nil }
            arrays.append(array)
        }
        guard let union = try? PandasGroups(keys: arrays), !union.codes.contains(-1) else { return nil }
        let levels = zip(zip(mine, theirs), arrays).map { pair, array in
            PandasIndex.make(className: "Index", labels: .ndarray(array.gathering(union.firstRows, shape: [union.count])),
                             name: pair.0.name, dtypeName: pair.0.dtypeName)
        }
        var index = PandasIndex.multi(levels: levels)
        let keys = labelKeys(index)
        if keys == labelKeys(series.index) { index = series.index } else if keys == labelKeys(other.series.index) { index = other.series.index }
        guard let left = spread(self, over: keys, index: index), let right = spread(other, over: keys, index: index) else { return nil }
        return (left, right)
    }

    /// MultiIndex levels alike enough to align on: as many, each of the same name (pandas matches levels
    /// by name) and dtype (an int 1 and a float 1.0 would be told apart).
    private func sameLevelTypes(_ x: [PandasIndex], _ y: [PandasIndex]) -> Bool {
        x.count == y.count && zip(x, y).allSatisfy { $0.dtypeName == $1.dtypeName && pythonRepr($0.name) == pythonRepr($1.name) }
    }

    private var hasUniqueLabels: Bool { Set(labelKeys(series.index)).count == series.index.count }

    /// Labels alignment covers: unique, all ints or all strs, of an Index or RangeIndex.
    private enum AlignableLabels {
        case ints([Int]), texts([String])
    }

    private static let plainIndexClasses: Set<String> = ["Index", "RangeIndex"]

    private static func isPlainLabel(_ v: PickleValue) -> Bool {
        switch v {
        case .int, .string: return true
        default: return false
        }
    }

    private var alignableLabels: AlignableLabels? {
        guard Self.plainIndexClasses.contains(series.index.className) else { return nil }
        let labels = (0..<series.index.count).map { series.index.label(at: $0) }
        let ints = labels.compactMap { if case .int(let i) = $0 { return i }; return nil }
        if ints.count == labels.count { return Set(ints).count == ints.count ? .ints(ints) : nil }
        let texts = labels.compactMap { if case .string(let s) = $0 { return s }; return nil }
        if texts.count == labels.count { return Set(texts).count == texts.count ? .texts(texts) : nil }
        return nil
    }

    private func labelKeys(_ index: PandasIndex) -> [String] { (0..<index.count).map { pythonRepr(index.label(at: $0)) } }

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
