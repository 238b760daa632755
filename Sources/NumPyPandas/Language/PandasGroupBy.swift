// `df.groupby(key)` and `df.groupby([key1, key2, ...])`: groups by one column or by the combination of
// several (sorted by the keys, or in order of first appearance with sort=False; rows with a missing key
// dropped, as pandas' dropna=True, or a group sorted last with dropna=False; several keys give the
// result a MultiIndex), then
// mean/sum/count/size/min/max/std/var/median/first/last/nunique/agg (names, lists, dicts or named
// aggregation) of the other columns or of selected ones. Iterating the groups is in
// PandasGroupIteration.swift, transform in PandasGroupTransform.swift. The float kernels are pandas' own
// (groupby.pyx): Kahan-compensated sums for sum and mean, Welford for var, so results are the same to
// the last bit.
import Glibc
import MFSInterpreter
import Pickle

/// The rows of each group: `codes[row]` is the group (-1 for a missing key), groups in key order.
struct PandasGroups {
    let codes: [Int]
    let count: Int
    /// The first row of each group (its key label).
    let firstRows: [Int]

    /// `sorted` false keeps the groups in order of first appearance (pandas' sort=False); `dropna`
    /// false makes the rows missing the key a group too (sorted last).
    init(keys a: NDArray, sorted: Bool = true, dropna: Bool = true) throws {
        var codes = [Int](repeating: -1, count: a.count)
        var firstRows: [Int] = []
        // Dense codes in order of first appearance, then renumbered in key order.
        func assign<K: Hashable>(_ key: (Int) -> K?) {
            var seen: [K?: Int] = [:]
            for r in 0..<a.count {
                let k = key(r)
                if k == nil && dropna { continue }
                if let g = seen[k] { codes[r] = g } else { seen[k] = firstRows.count; codes[r] = firstRows.count; firstRows.append(r) }
            }
        }
        switch a.dtype.kind {
        case "b", "i", "u":
            guard let ints = a.withInt64s({ r in (0..<a.count).map { r[$0] } }) else { throw PyException.typeError("groupby on \(a.dtype.name) keys is not supported by mfsh") }
            assign { ints[$0] }
        case "f":
            guard let doubles = a.doubleValues() else { throw PyException.typeError("groupby on \(a.dtype.name) keys is not supported by mfsh") }
            assign { doubles[$0].isNaN ? nil : (doubles[$0] == 0 ? 0 : doubles[$0]) }
        case "O":
            var texts: [String?] = []
            texts.reserveCapacity(a.count)
            for r in 0..<a.count {
                switch a.element(at: r) {
                case .string(let s)?: texts.append(s)
                case .none?, nil: texts.append(nil)
                case .float(let x)? where x.isNaN: texts.append(nil)
                default: throw PyException.typeError("groupby on an object column of non-strings is not supported by mfsh")
                }
            }
            assign { texts[$0] }
        default:
            throw PyException.typeError("groupby on \(a.dtype.name) keys is not supported by mfsh")
        }
        let keys = PandasSort.keys(.ndarray(a.gathering(firstRows, shape: [firstRows.count])), count: firstRows.count)
        func precedes(_ x: Int, _ y: Int) -> Bool {
            switch (keys[x], keys[y]) {
            case (.missing, _): return false
            case (_, .missing): return true
            default: return PandasSort.compare(keys[x], keys[y]) < 0
            }
        }
        let order = sorted ? Array(0..<firstRows.count).sorted(by: precedes) : Array(0..<firstRows.count)
        var rank = [Int](repeating: 0, count: order.count)
        for (position, g) in order.enumerated() { rank[g] = position }
        self.codes = codes.map { $0 < 0 ? -1 : rank[$0] }
        self.count = order.count
        self.firstRows = order.map { firstRows[$0] }
    }

    /// Groups of the combinations of several keys: each key's groups are in key order, so the
    /// combinations of their codes sort as pandas sorts the keys (lexicographically); a row missing
    /// any key is in no group.
    init(keys columns: [NDArray], sorted: Bool = true, dropna: Bool = true) throws {
        let each = try columns.map { try PandasGroups(keys: $0, dropna: dropna) }
        let rowCount = columns.first?.count ?? 0
        var seen: [[Int]: Int] = [:]
        var combinations: [[Int]] = [], firstRows: [Int] = []
        var codes = [Int](repeating: -1, count: rowCount)
        for r in 0..<rowCount {
            let combination = each.map { $0.codes[r] }
            guard !combination.contains(-1) else { continue }
            if let g = seen[combination] { codes[r] = g; continue }
            seen[combination] = combinations.count
            codes[r] = combinations.count
            combinations.append(combination)
            firstRows.append(r)
        }
        let order = sorted ? combinations.indices.sorted { combinations[$0].lexicographicallyPrecedes(combinations[$1]) } : Array(combinations.indices)
        var rank = [Int](repeating: 0, count: order.count)
        for (position, g) in order.enumerated() { rank[g] = position }
        self.codes = codes.map { $0 < 0 ? -1 : rank[$0] }
        self.count = order.count
        self.firstRows = order.map { firstRows[$0] }
    }
}

/// How `groupby()` was called, beyond the keys.
struct GroupByOptions {
    /// `as_index=False`: the keys come back as columns in front (the result's reset_index()).
    var asIndex = true
    /// The keys were given as a list: a group's key is then a tuple, even of one.
    var byList = false
    /// Columns were selected (`g[cols]`): iterating gives only them, else the whole rows.
    var selectionGiven = false
    /// sort=False: groups in order of first appearance.
    var sort = true
    /// dropna=False: rows missing a key make groups too.
    var dropna = true
}

/// `df.groupby(...)` and `df.groupby(...)[col]`.
final class GroupByHost: NumericObject {
    let frame: DataFrame
    /// The key columns: one gives the result a flat index, several a MultiIndex.
    let keyColumns: [Int]
    /// The aggregated columns; `asSeries` when one column was selected by `[label]`.
    let selected: [Int]
    let asSeries: Bool
    let options: GroupByOptions
    var asIndex: Bool { options.asIndex }
    let env: NumericEnvironment
    private var cachedGroups: PandasGroups?

    init(frame: DataFrame, keyColumns: [Int], selected: [Int], asSeries: Bool, options: GroupByOptions = GroupByOptions(), env: NumericEnvironment) {
        self.frame = frame; self.keyColumns = keyColumns; self.options = options; self.selected = selected; self.asSeries = asSeries; self.env = env
    }

    static let aggregations = ["count", "first", "last", "max", "mean", "median", "min", "nunique", "size", "std", "sum", "var"]
    var typeName: String { asSeries ? "SeriesGroupBy" : "DataFrameGroupBy" }
    var moduleName: String { "pandas.core.groupby.generic" }
    var attributeNames: [String] { Self.aggregations + ["agg", "aggregate", "get_group", "ngroups", "transform"] }
    var methodNames: [String] { Self.aggregations + ["agg", "aggregate", "get_group", "transform"] }
    var lazyAttributeNames: [String] { ["ngroups"] }
    func repr() -> String { "<pandas.core.groupby.generic.\(typeName) object>" }

    func groups() throws -> PandasGroups {
        if let g = cachedGroups { return g }
        let keys = try keyColumns.map { c -> NDArray in
            guard let keys = frame.columnValues[c].ndarray else { throw PyException.typeError("groupby on this column is not supported by mfsh") }
            if frame.columnDTypeNames[c] == "category" { throw PyException.typeError("groupby on a categorical column is not supported by mfsh") }
            return keys
        }
        if !options.dropna, keyColumns.contains(where: { frame.columnDTypeNames[$0] == "object" }) {
            throw PyException.typeError("groupby(dropna=False) on an object column is not supported by mfsh")
        }
        let g = keys.count == 1 ? try PandasGroups(keys: keys[0], sorted: options.sort, dropna: options.dropna)
                                : try PandasGroups(keys: keys, sorted: options.sort, dropna: options.dropna)
        cachedGroups = g
        return g
    }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "ngroups": return .int(try groups().count)
        case "get_group": return .newBuiltin(name) { [self] args, kwargs in try group(args, kwargs) }
        case "transform": return .newBuiltin(name) { [self] args, kwargs in try transform(args, kwargs) }
        case "agg", "aggregate":
            return .newBuiltin(name) { [self] args, kwargs in
                if args.isEmpty, !kwargs.isEmpty { return try keysAsColumns(try namedAggregate(kwargs), name) }
                guard kwargs.isEmpty, args.count == 1 else { throw PyException.typeError("\(name)() with these arguments is not supported by mfsh") }
                return try keysAsColumns(try aggregate(args[0]), name)
            }
        case _ where Self.aggregations.contains(name):
            return .newBuiltin(name) { [self] args, kwargs in
                var numericOnly = false
                for (k, v) in kwargs {
                    guard k == "numeric_only", case .bool(let b) = v, name != "size" else {
                        throw PyException.typeError("\(typeName).\(name)() got an unexpected keyword argument '\(k)'")
                    }
                    numericOnly = b
                }
                guard args.isEmpty else { throw PyException.typeError("\(typeName).\(name)() positional arguments are not supported by mfsh") }
                return try keysAsColumns(try apply(name, numericOnly: numericOnly), name)
            }
        default:
            // `g.col` selects a column like `g["col"]`.
            guard !asSeries, env.position(of: .str(name), in: frame.columns) != nil else { return nil }
            return try getItem(.str(name))
        }
    }

    private var selecting: GroupByOptions {
        var selected = options
        selected.selectionGiven = true
        return selected
    }

    func getItem(_ key: Value) throws -> Value {
        if case .list(let l) = key {
            let picked = try l.items.map { k -> Int in
                guard let c = env.position(of: k, in: frame.columns) else { throw PyException.keyError(.str("Columns not found: \(try env.converter.interpreter.repr(k))")) }
                return c
            }
            return env.wrap(GroupByHost(frame: frame, keyColumns: keyColumns, selected: picked, asSeries: false, options: selecting, env: env))
        }
        guard let c = env.position(of: key, in: frame.columns) else { throw PyException.keyError(.str("Column not found: \(try env.converter.interpreter.str(key))")) }
        return env.wrap(GroupByHost(frame: frame, keyColumns: keyColumns, selected: [c], asSeries: true, options: selecting, env: env))
    }

    /// The result as `as_index=False` gives it: the keys as columns in front of the values (`size` the
    /// name of the sizes), under a RangeIndex.
    private func keysAsColumns(_ result: Value, _ name: String) throws -> Value {
        guard !asIndex else { return result }
        guard selected.allSatisfy({ !keyColumns.contains($0) }) else {
            throw PyException.typeError("groupby(as_index=False) with a key column selected is not supported by mfsh")
        }
        if let frame = NumericHosts.object(result) as? DataFrameHost { return try frame.resetIndex([], []) }
        guard let series = NumericHosts.object(result) as? SeriesHost else { return result }
        return try series.resetIndex([], name == "size" ? [("name", .str("size"))] : [])
    }

    /// The index of the result: one label per group, named after the key column (a MultiIndex of
    /// one level per key column when there are several).
    private func resultIndex(_ g: PandasGroups) -> PandasIndex {
        let levels = keyColumns.map { c in
            PandasIndex.make(className: "Index", labels: env.take(frame.columnValues[c], g.firstRows), name: frame.columns.label(at: c),
                             dtypeName: frame.columnDTypeNames[c])
        }
        return levels.count == 1 ? levels[0] : .multi(levels: levels)
    }

    private func apply(_ name: String, numericOnly: Bool) throws -> Value {
        let g = try groups()
        let index = resultIndex(g)
        if name == "size" {
            var sizes = [Int](repeating: 0, count: g.count)
            for code in g.codes where code >= 0 { sizes[code] += 1 }
            let label: PickleValue = asSeries ? frame.columns.label(at: selected[0]) : .none
            return env.wrap(SeriesHost(.make(values: .ndarray(.int64(sizes, shape: [g.count])), index: index, name: label, dtypeName: "int64"), env: env))
        }
        var picked = selected
        if numericOnly { picked = picked.filter { frame.columnValues[$0].ndarray.map { "biuf".contains($0.dtype.kind) } ?? false } }
        let columns = try picked.map { try aggregateColumn($0, name, g) }
        return assemble(columns, labels: picked.map { frame.columns.label(at: $0) }, index: index)
    }

    private func assemble(_ columns: [PandasColumn], labels: [PickleValue], index: PandasIndex) -> Value {
        if asSeries, let column = columns.first, let label = labels.first {
            return env.wrap(SeriesHost(.make(values: column.values, index: index, name: label, dtypeName: column.dtypeName), env: env))
        }
        let columnIndex = PandasIndex.make(className: "Index", labels: .ndarray(.objects(labels, shape: [labels.count])),
                                           name: frame.columns.name, dtypeName: frame.columns.dtypeName)
        return env.wrap(DataFrameHost(.make(columns: columnIndex, index: index, columnValues: columns.map(\.values),
                                            columnDTypeNames: columns.map(\.dtypeName)), env: env))
    }

    /// `agg("mean")`, `agg(["mean", "max"])` (on one column) or `agg({"col": "mean"})`.
    private func aggregate(_ spec: Value) throws -> Value {
        let g = try groups()
        func functionName(_ v: Value) throws -> String {
            guard case .str(let s) = v else { throw PyException.typeError("agg() with a function is not supported by mfsh (use its name)") }
            guard Self.aggregations.contains(s), s != "size" else {
                throw PyException.attributeError("'\(typeName)' object has no attribute '\(s)'")
            }
            return s
        }
        switch spec {
        case .str: return try apply(try functionName(spec), numericOnly: false)
        case .list(let l) where asSeries:
            let names = try l.items.map(functionName)
            let columns = try names.map { try aggregateColumn(selected[0], $0, g) }
            let holder = GroupByHost(frame: frame, keyColumns: keyColumns, selected: selected, asSeries: false, env: env)
            return holder.assemble(columns, labels: names.map { .string($0) }, index: resultIndex(g))
        case .dict(let d) where !asSeries:
            var columns: [PandasColumn] = [], labels: [PickleValue] = []
            for (key, function) in d.items {
                guard let c = env.position(of: key, in: frame.columns) else { throw PyException.keyError(.str("Column(s) [\(try env.converter.interpreter.repr(key))] do not exist")) }
                columns.append(try aggregateColumn(c, try functionName(function), g))
                labels.append(frame.columns.label(at: c))
            }
            return assemble(columns, labels: labels, index: resultIndex(g))
        default:
            throw PyException.typeError("this agg() specification is not supported by mfsh (a name, a list of names on one column, or a dict of names)")
        }
    }

    /// Named aggregation, `agg(total=("v", "sum"), n=("v", "size"))` (on a selected column
    /// `agg(total="sum")`): a frame of one column per keyword.
    private func namedAggregate(_ kwargs: [(String, Value)]) throws -> Value {
        let g = try groups()
        var columns: [PandasColumn] = []
        for (_, spec) in kwargs {
            var column = asSeries ? selected[0] : -1
            var function = spec
            if !asSeries {
                guard case .tuple(let parts) = spec, parts.count == 2 else { throw PyException.typeError("Must provide 'func' or tuples of '(column, aggfunc).") }
                guard let c = env.position(of: parts[0], in: frame.columns) else {
                    throw PyException.keyError(.str("Label(s) [\(try env.converter.interpreter.repr(parts[0]))] do not exist"))
                }
                column = c
                function = parts[1]
            }
            guard case .str(let name) = function else { throw PyException.typeError("agg() with a function is not supported by mfsh (use its name)") }
            // pandas looks the name up on the column's SeriesGroupBy.
            guard Self.aggregations.contains(name) else { throw PyException.attributeError("'SeriesGroupBy' object has no attribute '\(name)'") }
            columns.append(try aggregateColumn(column, name, g))
        }
        let holder = GroupByHost(frame: frame, keyColumns: keyColumns, selected: selected, asSeries: false, env: env)
        return holder.assemble(columns, labels: kwargs.map { .string($0.0) }, index: resultIndex(g))
    }

    /// One column aggregated per group, with pandas' kernels.
    func aggregateColumn(_ c: Int, _ name: String, _ g: PandasGroups) throws -> PandasColumn {
        if name == "size" {
            var sizes = [Int](repeating: 0, count: g.count)
            for code in g.codes where code >= 0 { sizes[code] += 1 }
            return PandasColumn(values: .ndarray(.int64(sizes, shape: [g.count])), dtypeName: "int64")
        }
        guard let a = frame.columnValues[c].ndarray else { throw PyException.typeError("\(name) of this column is not supported by mfsh") }
        let dtypeName = frame.columnDTypeNames[c]
        if name == "count" {
            var counts = [Int](repeating: 0, count: g.count)
            let missing = env.missingMask(.ndarray(a))
            for (r, code) in g.codes.enumerated() where code >= 0 && !missing[r] { counts[code] += 1 }
            return PandasColumn(values: .ndarray(.int64(counts, shape: [g.count])), dtypeName: "int64")
        }
        if ["first", "last", "nunique"].contains(name) { return try pick(a, name, dtypeName: dtypeName, g) }
        guard "biuf".contains(a.dtype.kind), dtypeName != "category" else {
            if (name == "min" || name == "max") && dtypeName == "str" { return try textExtreme(a, name == "max", g) }
            if dtypeName == "str" && name != "sum" { throw PyException.typeError("dtype 'str' does not support operation '\(name)'") }
            throw PyException.typeError("groupby \(name) of a \(dtypeName) column is not supported by mfsh")
        }
        if name == "sum" && a.dtype.kind != "f" || ((name == "min" || name == "max") && a.dtype.kind != "f") {
            guard let ints = a.withInt64s({ r in (0..<a.count).map { r[$0] } }) else { throw PyException.typeError("groupby \(name) of \(a.dtype.name) is not supported by mfsh") }
            var out = [Int64](repeating: name == "min" ? .max : name == "max" ? .min : 0, count: g.count)
            for (r, code) in g.codes.enumerated() where code >= 0 {
                switch name {
                case "sum": out[code] &+= ints[r]
                case "min": out[code] = Swift.min(out[code], ints[r])
                default: out[code] = Swift.max(out[code], ints[r])
                }
            }
            if a.dtype.kind == "b" && name != "sum" {
                return PandasColumn(values: .ndarray(.bool(out.map { $0 != 0 }, shape: [g.count])), dtypeName: "bool")
            }
            let type = name == "sum" ? (a.dtype.kind == "u" ? NDDType(kind: "u", itemSize: 8, byteOrder: "<") : .int64) : a.dtype.nativeOrder
            let values = NDArray.make(dtype: type, ints: out.map { Int($0) }, shape: [g.count])
            return PandasColumn(values: .ndarray(values), dtypeName: values.dtype.name)
        }
        guard let x = a.doubleValues() else { throw PyException.typeError("groupby \(name) of \(a.dtype.name) is not supported by mfsh") }
        var out = [Double](repeating: 0, count: g.count)
        var nobs = [Int](repeating: 0, count: g.count)
        switch name {
        case "sum", "mean":
            var compensation = [Double](repeating: 0, count: g.count)
            for (r, code) in g.codes.enumerated() where code >= 0 && !x[r].isNaN {
                nobs[code] += 1
                let y = x[r] - compensation[code]
                let t = out[code] + y
                compensation[code] = t - out[code] - y
                if compensation[code].isNaN { compensation[code] = 0 }
                out[code] = t
            }
            if name == "mean" { for k in 0..<g.count { out[k] = nobs[k] == 0 ? .nan : out[k] / Double(nobs[k]) } }
        case "min", "max":
            for (r, code) in g.codes.enumerated() where code >= 0 && !x[r].isNaN {
                out[code] = nobs[code] == 0 ? x[r] : name == "min" ? Swift.min(out[code], x[r]) : Swift.max(out[code], x[r])
                nobs[code] += 1
            }
            for k in 0..<g.count where nobs[k] == 0 { out[k] = .nan }
        case "var", "std":
            var mean = [Double](repeating: 0, count: g.count)
            for (r, code) in g.codes.enumerated() where code >= 0 && !x[r].isNaN {
                nobs[code] += 1
                let old = mean[code]
                mean[code] += (x[r] - old) / Double(nobs[code])
                out[code] += (x[r] - mean[code]) * (x[r] - old)
            }
            for k in 0..<g.count {
                out[k] = nobs[k] <= 1 ? .nan : out[k] / Double(nobs[k] - 1)
                if name == "std" { out[k] = out[k].squareRoot() }
            }
        default:  // median
            var members = [[Double]](repeating: [], count: g.count)
            for (r, code) in g.codes.enumerated() where code >= 0 && !x[r].isNaN { members[code].append(x[r]) }
            for k in 0..<g.count {
                let v = members[k].sorted()
                out[k] = v.isEmpty ? .nan : v.count % 2 == 1 ? v[v.count / 2] : (v[v.count / 2 - 1] + v[v.count / 2]) / 2
            }
        }
        let type: NDDType = a.dtype.kind == "f" && ["sum", "min", "max"].contains(name) ? a.dtype.nativeOrder : .float64
        let values = NDArray.make(dtype: type, doubles: out, shape: [g.count])
        return PandasColumn(values: .ndarray(values), dtypeName: values.dtype.name)
    }

    /// first/last (the first or last value that is not missing) and nunique (how many distinct values,
    /// missing ones left out, -0.0 the same as 0.0) of any column per group.
    private func pick(_ a: NDArray, _ name: String, dtypeName: String, _ g: PandasGroups) throws -> PandasColumn {
        guard dtypeName != "category" else { throw PyException.typeError("groupby \(name) of a category column is not supported by mfsh") }
        let missing = env.missingMask(.ndarray(a))
        if name == "nunique" {
            var seen = [Set<String>](repeating: [], count: g.count)
            for (r, code) in g.codes.enumerated() where code >= 0 && !missing[r] {
                let element = a.element(at: r) ?? PickleValue.none
                if case .float(let x) = element, x == 0 { seen[code].insert("0.0") } else { seen[code].insert(pythonRepr(element)) }
            }
            return PandasColumn(values: .ndarray(.int64(seen.map(\.count), shape: [g.count])), dtypeName: "int64")
        }
        var picked = [Int?](repeating: nil, count: g.count)
        for (r, code) in g.codes.enumerated() where code >= 0 && !missing[r] && (name == "last" || picked[code] == nil) { picked[code] = r }
        let rows = picked.compactMap { $0 }
        if rows.count == g.count { return PandasColumn(values: .ndarray(a.gathering(rows, shape: [g.count])), dtypeName: dtypeName) }
        // A group with nothing but missing values gets NaN.
        switch a.dtype.kind {
        case "f":
            guard let x = a.doubleValues() else { break }
            let values = NDArray.make(dtype: a.dtype.nativeOrder, doubles: picked.map { $0.map { x[$0] } ?? .nan }, shape: [g.count])
            return PandasColumn(values: .ndarray(values), dtypeName: dtypeName)
        case "O":
            let values = picked.map { $0.flatMap { a.element(at: $0) } ?? .float(.nan) }
            return PandasColumn(values: .ndarray(.objects(values, shape: [g.count])), dtypeName: dtypeName)
        default: break
        }
        throw PyException.typeError("groupby \(name) of a \(dtypeName) column with an all-missing group is not supported by mfsh")
    }

    /// min/max of a string column per group (missing skipped).
    private func textExtreme(_ a: NDArray, _ isMax: Bool, _ g: PandasGroups) throws -> PandasColumn {
        var best = [String?](repeating: nil, count: g.count)
        for (r, code) in g.codes.enumerated() where code >= 0 {
            guard case .string(let s)? = a.element(at: r) else { continue }
            if let current = best[code] {
                let less = s.unicodeScalars.lexicographicallyPrecedes(current.unicodeScalars) { $0.value < $1.value }
                let greater = current.unicodeScalars.lexicographicallyPrecedes(s.unicodeScalars) { $0.value < $1.value }
                if isMax ? greater : less { best[code] = s }
            } else {
                best[code] = s
            }
        }
        return PandasColumn(values: .ndarray(.objects(best.map { $0.map { .string($0) } ?? .float(.nan) }, shape: [g.count])), dtypeName: "str")
    }
}

extension DataFrameHost {
    /// `df.groupby(by, sort=True, dropna=True)` on one column or a list of columns.
    func groupBy(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("groupby", args, kwargs, ["by", "axis", "level", "as_index", "sort", "group_keys", "observed", "dropna"])
        for unsupported in ["axis", "level"] where a[unsupported] != nil { throw PyException.typeError("groupby(\(unsupported)=...) is not supported by mfsh") }
        guard let by = a["by"] else { throw PyException.typeError("You have to supply one of 'by' and 'level'") }
        // A list of one column groups like the column itself (pandas 3 gives a flat index then too).
        var names = [by]
        if case .list(let l) = by { names = l.items }
        if case .tuple = by { throw PyException.typeError("groupby by a tuple is not supported by mfsh (use a list of column names)") }
        guard !names.isEmpty else { throw PyException.valueError("No group keys passed!") }
        let keys = try names.map { name -> Int in
            if NumericHosts.object(name) != nil { throw PyException.typeError("groupby by a Series or array is not supported by mfsh (use a column name)") }
            guard let key = env.position(of: name, in: frame.columns) else { throw PyException.keyError(name) }
            return key
        }
        guard Set(keys).count == keys.count else { throw PyException.typeError("groupby on the same column twice is not supported by mfsh") }
        let others = (0..<columnCount).filter { !keys.contains($0) }
        var options = GroupByOptions()
        options.asIndex = try a.bool("as_index", default: true)
        options.sort = try a.bool("sort", default: true)
        options.dropna = try a.bool("dropna", default: true)
        if case .list = by { options.byList = true }
        return env.wrap(GroupByHost(frame: frame, keyColumns: keys, selected: others, asSeries: false, options: options, env: env))
    }
}
