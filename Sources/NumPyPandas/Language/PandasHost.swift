// pandas DataFrame, Series and Index as language values: shape, column and label selection, head/tail,
// to_dict()/tolist(), reductions, boolean-mask row filtering and pandas' printed form.
import MFSInterpreter
import Pickle

/// Helpers shared by the pandas hosts.
extension NumericEnvironment {
    /// Refuses a row key that is not a whole MultiIndex label (pandas selects a block of rows by a
    /// partial key; mfsh does not).
    func requireWholeLabel(_ key: Value, of index: PandasIndex) throws {
        guard let levels = index.levels else { return }
        guard case .tuple(let parts) = key, parts.count == levels.count else {
            throw PyException.typeError("selecting by part of a MultiIndex label is not supported by mfsh (give a tuple of all \(levels.count) levels)")
        }
        // pandas 3.1 finds no MultiIndex label with a NaN part, each way failing its own way.
        if parts.contains(where: isNaN) { throw PyException.typeError("selecting a MultiIndex label with NaN in it is not supported by mfsh") }
    }

    private func isNaN(_ v: Value) -> Bool {
        if case .float(let x) = v { return x.isNaN }
        return false
    }

    /// pandas' KeyError for a label not in `index`: for a MultiIndex, the first part no row has at its
    /// level, else the whole tuple.
    func missingLabel(_ key: Value, in index: PandasIndex) -> PyException {
        if let levels = index.levels, case .tuple(let parts) = key {
            for (level, part) in zip(levels, parts) where !(0..<level.count).contains(where: { labelMatches(level.label(at: $0), part) }) {
                return PyException.keyError(part)
            }
        }
        return PyException.keyError(key)
    }

    /// pandas' KeyError for a list of labels not all in `index` (a flat one): the missing ones as a list
    /// (`"['nope'] not in index"`), or, when none is there, the labels as the Index pandas makes of them.
    func missingLabels(_ keys: [Value], in index: PandasIndex, axis: String) throws -> PyException {
        let interpreter = converter.interpreter
        let missing = keys.filter { position(of: $0, in: index) == nil }
        guard missing.count == keys.count else {
            return PyException.keyError(.str("\(try interpreter.repr(.newList(missing))) not in index"))
        }
        let reprs = try keys.map { try interpreter.repr($0) }.joined(separator: ", ")
        let dtype: String
        if keys.allSatisfy({ if case .str = $0 { return true }; return false }) { dtype = "str" }
        else if keys.allSatisfy({ if case .int = $0 { return true }; return false }) { dtype = "int64" }
        else { dtype = "object" }
        return PyException.keyError(.str("None of [Index([\(reprs)], dtype='\(dtype)')] are in the [\(axis)]"))
    }

    /// Refuses what mfsh cannot do with a MultiIndex (`what` names it for the message).
    func refuseMultiIndex(_ index: PandasIndex, _ what: String) throws {
        if index.levels != nil { throw PyException.typeError("\(what) of a MultiIndex is not supported by mfsh") }
    }

    /// `key in index`: a label, or for a MultiIndex a tuple of its first levels (or one first-level label).
    func indexContains(_ key: Value, _ index: PandasIndex) -> Bool {
        guard let levels = index.levels else { return position(of: key, in: index) != nil }
        let parts: [Value]
        if case .tuple(let t) = key { parts = t } else { parts = [key] }
        // pandas 3.1 never finds a NaN part in a MultiIndex.
        guard !parts.isEmpty, parts.count <= levels.count, !parts.contains(where: isNaN) else { return false }
        return (0..<index.count).contains { row in zip(levels, parts).allSatisfy { labelMatches($0.label(at: row), $1) } }
    }

    /// Position of `key` among the labels of `index`, comparing as Python `==` would for scalars.
    func position(of key: Value, in index: PandasIndex) -> Int? {
        for i in 0..<index.count where labelMatches(index.label(at: i), key) { return i }
        return nil
    }

    /// Every position of a label that occurs more than once (pandas then selects all of them: a
    /// frame's rows, a Series); nil for a label found once or not at all.
    func repeatedPositions(of key: Value, in index: PandasIndex) -> [Int]? {
        if case .range = index.values { return nil }  // a RangeIndex never repeats
        let found = (0..<index.count).filter { labelMatches(index.label(at: $0), key) }
        return found.count > 1 ? found : nil
    }

    func labelMatches(_ label: PickleValue, _ key: Value) -> Bool {
        switch (label, key) {
        case (.string(let a), .str(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.int(let a), .float(let b)): return Double(a) == b
        case (.float(let a), .float(let b)): return a == b || (a.isNaN && b.isNaN)  // pandas finds a NaN label by NaN
        case (.float(let a), .int(let b)): return a == Double(b)
        case (.bool(let a), .bool(let b)): return a == b
        case (.tuple(let a), .tuple(let b)):  // a MultiIndex row
            return a.count == b.count && zip(a.items, b).allSatisfy { labelMatches($0, $1) }
        default:
            if let s = NumericHosts.object(key) as? NDScalarHost { return pythonRepr(s.value) == pythonRepr(label) }
            return false
        }
    }

    /// An element of a pandas column as the Python value `tolist()` gives: Python numbers, pandas
    /// Timestamps and Timedeltas for datetime64/timedelta64 columns, the objects of an object column.
    func pythonElement(_ values: PickleValue, _ i: Int) throws -> Value {
        guard let a = values.ndarray else { return .none }
        if let t = a.pandasTimeElement(at: i) { return try python(t) }
        return try python(a.element(at: i) ?? PickleValue.none)
    }

    /// An element as `to_dict()` gives it (pandas' `maybe_box_native`): numpy scalars of an object
    /// column become Python numbers too.
    func nativeElement(_ values: PickleValue, _ i: Int) throws -> Value {
        if let a = values.ndarray, a.dtype.kind == "O", case .reconstructed(let s as NDScalar)? = a.element(at: i) {
            if let t = NDArray.stacking([s], shape: []).flatMap({ $0.pandasTimeElement(at: 0) }) { return try python(t) }
            return try python(s.value)
        }
        return try pythonElement(values, i)
    }

    /// An element as `series[label]` gives it: a numpy scalar for numeric columns, a Timestamp or
    /// Timedelta for datetime64/timedelta64 ones.
    func numpyElement(_ values: PickleValue, _ i: Int) throws -> Value {
        if let a = values.ndarray, let t = a.pandasTimeElement(at: i) { return try python(t) }
        if let a = values.ndarray, "biuf".contains(a.dtype.kind), let s = a.scalar(atFlat: i) {
            return wrap(NDScalarHost(s, env: self))
        }
        return try pythonElement(values, i)
    }

    /// The label at `i` as `index[i]` gives it: a numpy scalar (a MultiIndex a tuple of them), but a
    /// RangeIndex's Python int.
    func numpyLabel(_ index: PandasIndex, _ i: Int) throws -> Value {
        if let levels = index.levels { return .tuple(try levels.map { try numpyLabel($0, i) }) }
        if case .values(let v) = index.values { return try numpyElement(v, i) }
        return try python(index.label(at: i))
    }

    /// The rows `rows` of an index (a RangeIndex stays a range when the rows are evenly spaced).
    func take(_ index: PandasIndex, _ rows: [Int]) -> PandasIndex {
        if let levels = index.levels { return .multi(levels: levels.map { take($0, rows) }) }
        if case .range(let start, _, let step) = index.values {
            if rows.count <= 1 || zip(rows, rows.dropFirst()).allSatisfy({ $1 - $0 == 1 }) {
                let first = rows.first ?? 0
                return .range(start: start + first * step, stop: start + (first + rows.count) * step, step: step, name: index.name)
            }
            return .make(className: "Index", labels: .ndarray(.int64(rows.map { start + $0 * step }, shape: [rows.count])),
                         name: index.name, dtypeName: "int64")
        }
        if case .values(.reconstructed(let a as NDArray)) = index.values {
            return .make(className: index.className, labels: .ndarray(a.gathering(rows, shape: [rows.count])), name: index.name, dtypeName: index.dtypeName,
                         frequency: index.frequency(takingRows: rows), categorical: index.categorical)
        }
        return .make(className: "Index", labels: .ndarray(.objects(rows.map { index.label(at: $0) }, shape: [rows.count])),
                     name: index.name, dtypeName: "object")
    }

    func take(_ values: PickleValue, _ rows: [Int]) -> PickleValue {
        if let a = values.ndarray { return .ndarray(a.gathering(rows, shape: [rows.count])) }
        return values
    }

    /// Row positions selected by a boolean Series or array `mask` of `count` rows, if `mask` is one.
    func maskRows(_ mask: Value, count: Int) throws -> [Int]? {
        var array: NDArray?
        if let s = NumericHosts.object(mask) as? SeriesHost, let a = s.series.values.ndarray { array = a }
        if let a = NumericHosts.object(mask) as? NDArrayHost { array = a.array }
        guard let array, array.dtype.kind == "b" else { return nil }
        guard array.count == count else {
            throw PyException.valueError("Item wrong length \(array.count) instead of \(count).")
        }
        return (0..<count).filter { if case .bool(true)? = array.element(at: $0) { return true }; return false }
    }

    /// The positions a label slice selects: both ends included, a step refused.
    func labelSliceRows(_ s: PySlice, count: Int, position: (Value) throws -> Int) throws -> [Int] {
        guard s.step.isNone || { if case .int(1) = s.step { return true }; return false }() else {
            throw PyException.valueError("label slices with a step are not supported in mfsh")
        }
        let first = s.start.isNone ? 0 : try position(s.start)
        let last = s.stop.isNone ? count - 1 : try position(s.stop)
        return first <= last ? Array(first...last) : []
    }

    func headTail(_ name: String, _ args: [Value], _ kwargs: [(String, Value)], count: Int) throws -> [Int] {
        var n = 5
        if case .int(let v)? = args.first ?? kwargs.first(where: { $0.0 == "n" })?.1 { n = max(-count, min(count, v)) }
        if name == "head" { return Array(0..<(n >= 0 ? min(n, count) : max(0, count + n))) }
        return Array((n >= 0 ? max(0, count - n) : min(count, -n))..<count)
    }
}

final class DataFrameHost: NumericObject {
    /// Replaced (never changed) by column assignment, so values taken from the frame before keep theirs.
    var frame: DataFrame
    let env: NumericEnvironment
    init(_ frame: DataFrame, env: NumericEnvironment) { self.frame = frame; self.env = env }

    var typeName: String { "DataFrame" }
    var moduleName: String { "pandas" }
    var doc: String? { "A pandas DataFrame decoded from an artifact (read-only)." }
    var rowCount: Int { frame.index.count }
    // Decoded frames have one value array per column label; `min` keeps hand-made ones safe too.
    var columnCount: Int { min(frame.columns.count, frame.columnValues.count) }

    func repr() -> String { frame.displayText }
    func str() -> String { frame.displayText }
    func length() throws -> Int { rowCount }
    var isTruthy: Bool { true }

    var attributeNames: [String] {
        var names = ["T", "columns", "dtypes", "empty", "groupby", "head", "iloc", "index", "loc", "items", "iterrows", "sort_values", "to_numpy", "values", "keys", "ndim", "shape", "size", "tail", "to_dict"]
        names += Self.reductionNames + Self.analysisMethodNames
        for i in 0..<columnCount { if case .string(let s) = frame.columns.label(at: i) { names.append(s) } }
        return names
    }
    var methodNames: [String] { ["groupby", "head", "items", "iterrows", "keys", "sort_values", "tail", "to_dict", "to_numpy"] + Self.reductionNames + Self.analysisMethodNames }
    var lazyAttributeNames: [String] { ["T", "values"] }

    func truth() throws -> Bool {
        throw PyException.valueError("The truth value of a DataFrame is ambiguous. Use a.empty, a.item(), a.any() or a.all().")
    }

    func column(_ c: Int) -> SeriesHost {
        let name = frame.columns.label(at: c)
        let dtype = c < frame.columnDTypeNames.count ? frame.columnDTypeNames[c] : "object"
        return SeriesHost(.make(values: frame.columnValues[c], index: frame.index, name: name, dtypeName: dtype,
                                categorical: frame.categorical(ofColumn: c)), env: env)
    }

    func selectRows(_ rows: [Int]) -> Value {
        env.wrap(DataFrameHost(.make(columns: frame.columns, index: env.take(frame.index, rows),
                                     columnValues: frame.columnValues.map { env.take($0, rows) },
                                     columnDTypeNames: frame.columnDTypeNames, columnCategoricals: frame.columnCategoricals), env: env))
    }

    /// The frame of the columns at `picked`, in that order.
    func selectColumns(_ picked: [Int]) -> DataFrameHost {
        let labels = NDArray.objects(picked.map { frame.columns.label(at: $0) }, shape: [picked.count])
        return DataFrameHost(.make(columns: .make(className: "Index", labels: .ndarray(labels), name: frame.columns.name, dtypeName: frame.columns.dtypeName),
                                   index: frame.index, columnValues: picked.map { frame.columnValues[$0] },
                                   columnDTypeNames: picked.map { $0 < frame.columnDTypeNames.count ? frame.columnDTypeNames[$0] : "object" },
                                   columnCategoricals: picked.map { frame.categorical(ofColumn: $0) }), env: env)
    }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "shape": return .tuple([.int(rowCount), .int(columnCount)])
        case "columns": return env.wrap(PandasIndexHost(frame.columns, env: env))
        case "index": return env.wrap(PandasIndexHost(frame.index, env: env))
        case "ndim": return .int(2)
        case "size": return .int(rowCount * columnCount)
        case "empty": return .bool(rowCount == 0 || columnCount == 0)
        case "dtypes":
            // dtype objects, as pandas lists them (printed by name; `tolist()` gives the objects).
            let dtypes = (0..<frame.columnValues.count).map { c in
                pandasDTypeValue(c < frame.columnDTypeNames.count ? frame.columnDTypeNames[c] : "object",
                                 values: frame.columnValues[c], categorical: frame.categorical(ofColumn: c))
            }
            let values = NDArray.objects(dtypes, shape: [dtypes.count])
            return env.wrap(SeriesHost(.make(values: .ndarray(values), index: frame.columns, name: .none, dtypeName: "object"), env: env))
        case "keys": return .newBuiltin(name) { [self] _, _ in env.wrap(PandasIndexHost(frame.columns, env: env)) }
        case "iloc", "loc": return env.wrap(FrameIndexerHost(self, byLabel: name == "loc"))
        case "sort_values": return .newBuiltin(name) { [self] args, kwargs in try sorted(args, kwargs) }
        case "groupby": return .newBuiltin(name) { [self] args, kwargs in try groupBy(args, kwargs) }
        case "to_numpy": return .newBuiltin(name) { [self] args, kwargs in try env.toNumpy(try toNumpy(), "DataFrame", args, kwargs) }
        case "values": return try toNumpy()
        case _ where Self.reductionNames.contains(name):
            return .newBuiltin(name) { [self] args, kwargs in try reduceColumns(name, args, kwargs) }
        case "iterrows":
            return .newBuiltin(name) { [self] _, _ in
                let rows = FrameIndexerHost(self, byLabel: false)
                var r = 0
                return .iterator(ClosureIterator("generator") { [self] in
                    guard r < rowCount else { return nil }
                    defer { r += 1 }
                    return .tuple([try env.python(frame.index.label(at: r)), rows.rowSeries(r)])
                })
            }
        case "head", "tail":
            return .newBuiltin(name) { [self] args, kwargs in selectRows(try env.headTail(name, args, kwargs, count: rowCount)) }
        case "items":
            return .newBuiltin(name) { [self] _, _ in
                .iterator(ArrayIterator((0..<columnCount).map { c in
                    .tuple([(try? env.python(frame.columns.label(at: c))) ?? .none, env.wrap(column(c))])
                }))
            }
        case "to_dict":
            return .newBuiltin(name) { [self] args, kwargs in try toDict(args, kwargs) }
        default:
            if let method = try analysisAttribute(name) { return method }
            if let c = env.position(of: .str(name), in: frame.columns) { return env.wrap(column(c)) }
            return nil
        }
    }

    func getItem(_ key: Value) throws -> Value {
        if let rows = try env.maskRows(key, count: rowCount) { return selectRows(rows) }
        if case .list(let l) = key {
            var picked: [Int] = []
            for k in l.items {
                guard let c = env.position(of: k, in: frame.columns) else { throw try env.missingLabels(l.items, in: frame.columns, axis: "columns") }
                picked.append(c)
            }
            return env.wrap(selectColumns(picked))
        }
        if case .slice(let s) = key { return selectRows(try sliceIndices(s, count: rowCount)) }
        guard let c = env.position(of: key, in: frame.columns) else { throw PyException.keyError(key) }
        return env.wrap(column(c))
    }

    func makeIterator() throws -> PyIterator {
        ArrayIterator(try (0..<columnCount).map { try env.python(frame.columns.label(at: $0)) })
    }

    func contains(_ v: Value) throws -> Bool { env.position(of: v, in: frame.columns) != nil }
}

/// `df.iloc` / `df.loc`: rows by position or label, `[row, column]` cells, and boolean masks.
final class FrameIndexerHost: NumericObject {
    let owner: DataFrameHost
    let byLabel: Bool
    init(_ owner: DataFrameHost, byLabel: Bool) { self.owner = owner; self.byLabel = byLabel }

    var typeName: String { byLabel ? "_LocIndexer" : "_iLocIndexer" }
    var moduleName: String { "pandas.core.indexing" }
    var env: NumericEnvironment { owner.env }
    var frame: DataFrame { owner.frame }

    private func row(_ key: Value) throws -> Int {
        if byLabel {
            try env.requireWholeLabel(key, of: frame.index)
            guard let r = env.position(of: key, in: frame.index) else { throw env.missingLabel(key, in: frame.index) }
            return r
        }
        guard case .int(let raw) = key else { throw PyException.typeError("Cannot index by location index with a non-integer key") }
        let r = raw < 0 ? raw + owner.rowCount : raw
        guard r >= 0, r < owner.rowCount else { throw PyException.indexError("single positional indexer is out-of-bounds") }
        return r
    }

    private func columnPosition(_ key: Value) throws -> Int {
        if byLabel {
            guard let c = env.position(of: key, in: frame.columns) else { throw PyException.keyError(key) }
            return c
        }
        guard case .int(let raw) = key else { throw PyException.typeError("Cannot index by location index with a non-integer key") }
        let c = raw < 0 ? raw + owner.columnCount : raw
        guard c >= 0, c < owner.columnCount else { throw PyException.indexError("single positional indexer is out-of-bounds") }
        return c
    }

    private func rows(_ key: Value) throws -> [Int]? {
        if let mask = try env.maskRows(key, count: owner.rowCount) { return mask }
        if case .slice(let s) = key, !byLabel { return try sliceIndices(s, count: owner.rowCount) }
        if case .slice(let s) = key { return try env.labelSliceRows(s, count: owner.rowCount, position: row) }
        // A label that repeats brings all its rows, in the index's order, as pandas' loc does.
        if case .list(let l) = key {
            if byLabel, frame.index.levels == nil, l.items.contains(where: { env.position(of: $0, in: frame.index) == nil }) {
                throw try env.missingLabels(l.items, in: frame.index, axis: "index")
            }
            return try l.items.flatMap { k in try (byLabel ? env.repeatedPositions(of: k, in: frame.index) : nil) ?? [try row(k)] }
        }
        return nil
    }

    /// One row as a Series indexed by the column labels: numeric columns share their common type
    /// (bool mixed with numbers, or anything else, makes an object row, like pandas' find_common_type).
    func rowSeries(_ r: Int) -> Value {
        let arrays = frame.columnValues.compactMap { v -> NDArray? in if let a = v.ndarray { return a }; return nil }
        let name = frame.index.label(at: r)
        let numeric = arrays.count == frame.columnValues.count && arrays.allSatisfy { "biuf".contains($0.dtype.kind) }
        let bools = arrays.filter { $0.dtype.kind == "b" }.count
        if numeric, let first = arrays.first, bools == 0 || bools == arrays.count {
            let operands = arrays.compactMap { a in
                a.scalar(atFlat: r).flatMap { NDArray.stacking([$0], shape: []) }.flatMap { NumericOperand(array: $0) }
            }
            if operands.count == arrays.count {
                let type = arrays.dropFirst().reduce(first.dtype.nativeOrder) { NumPyMath.promote($0, $1.dtype) }
                let array: NDArray
                if type.kind == "f" || operands.contains(where: { $0.ints == nil }) {
                    array = .make(dtype: type.kind == "f" ? type : .float64, doubles: operands.map { $0.doubles[0] }, shape: [operands.count])
                } else {
                    array = .make(dtype: type, ints: operands.map { $0.ints?[0] ?? 0 }, shape: [operands.count])
                }
                return env.wrap(SeriesHost(.make(values: .ndarray(array), index: frame.columns, name: name, dtypeName: array.dtype.name), env: env))
            }
        }
        let cells: [PickleValue] = frame.columnValues.map { v in
            guard let a = v.ndarray else { return PickleValue.none }
            // Numbers stay numpy scalars in an object row; times become pandas Timestamps and Timedeltas.
            if "biuf".contains(a.dtype.kind), let s = a.scalar(atFlat: r) { return .numpyScalar(s) }
            return a.pandasTimeElement(at: r) ?? a.element(at: r) ?? PickleValue.none
        }
        // A row of str columns only is a str row in pandas 3 (a missing cell NaN, as in the column).
        let allText = !frame.columnDTypeNames.isEmpty && frame.columnDTypeNames.allSatisfy { $0 == "str" }
        return env.wrap(SeriesHost(.make(values: .ndarray(.objects(cells, shape: [cells.count])), index: frame.columns, name: name,
                                         dtypeName: allText ? "str" : "object"), env: env))
    }

    /// Columns picked by a slice, a list or a boolean mask (nil for a single column key).
    private func columns(_ key: Value) throws -> [Int]? {
        let count = owner.columnCount
        if let mask = try env.maskRows(key, count: count) { return mask }
        if case .list(let l) = key, l.items.count == count, l.items.allSatisfy({ if case .bool = $0 { return true }; return false }) {
            return l.items.enumerated().compactMap { if case .bool(true) = $0.element { return $0.offset }; return nil }
        }
        switch key {
        case .slice(let s) where !byLabel: return try sliceIndices(s, count: count)
        case .slice(let s): return try env.labelSliceRows(s, count: count, position: columnPosition)
        case .list(let l):
            if byLabel, l.items.contains(where: { env.position(of: $0, in: frame.columns) == nil }) {
                throw try env.missingLabels(l.items, in: frame.columns, axis: "columns")
            }
            return try l.items.map(columnPosition)
        default: return nil
        }
    }

    func getItem(_ key: Value) throws -> Value {
        // A tuple of scalars no longer than a MultiIndex's levels is a row label, as pandas takes it.
        if byLabel, let levels = frame.index.levels, case .tuple(let parts) = key, parts.count <= levels.count,
           parts.allSatisfy({ part in
               switch part {
               case .str, .int, .float, .bool, .none: return true
               default: return NumericHosts.object(part) is NDScalarHost
               }
           }) {
            return rowSeries(try row(key))
        }
        if case .tuple(let parts) = key, parts.count == 2, let picked = try columns(parts[1]) {
            return try FrameIndexerHost(owner.selectColumns(picked), byLabel: byLabel).getItem(parts[0])
        }
        if case .tuple(let parts) = key, parts.count == 2 {
            let c = try columnPosition(parts[1])
            if let picked = try rows(parts[0]) {
                let column = owner.column(c)
                return column.withValues(env.take(column.series.values, picked), rows: picked)
            }
            if byLabel, let repeated = env.repeatedPositions(of: parts[0], in: frame.index) {
                let column = owner.column(c)
                return column.withValues(env.take(column.series.values, repeated), rows: repeated)
            }
            return try env.numpyElement(frame.columnValues[c], try row(parts[0]))
        }
        if let picked = try rows(key) { return owner.selectRows(picked) }
        if byLabel, let repeated = env.repeatedPositions(of: key, in: frame.index) { return owner.selectRows(repeated) }
        return rowSeries(try row(key))
    }
}
