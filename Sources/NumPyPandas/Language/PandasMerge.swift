// `pd.merge(left, right, ...)` and `DataFrame.merge(right, ...)` on columns, as pandas joins them:
// inner keeps the left rows' order (matches in the right's order), left and right keep their side's
// order, outer sorts the keys; missing keys (NaN, None) match each other. Columns: the keys, then the
// left frame's others, then the right's, with `suffixes` on names both sides have. A column that gets
// missing values is promoted as pandas does (int to float64, bool to object).
import MFSInterpreter
import Pickle

extension NumericEnvironment {
    static let mergeParameters = ["right", "how", "on", "left_on", "right_on", "left_index", "right_index", "sort", "suffixes", "copy",
                                  "indicator", "validate"]

    func merge(_ leftHost: DataFrameHost, _ a: CallArguments) throws -> Value {
        guard let rightValue = a["right"], let rightHost = NumericHosts.object(rightValue) as? DataFrameHost else {
            throw PyException.typeError("Can only merge Series or DataFrame objects, a \(a["right"]?.typeName ?? "NoneType") was passed")
        }
        for refused in ["left_index", "right_index", "indicator", "validate"] {
            if let v = a[refused], { if case .bool(false) = v { return false }; return true }() { throw PyException.typeError("merge(\(refused)=...) is not supported by mfsh") }
        }
        let left = leftHost.frame, right = rightHost.frame
        var how = "inner"
        if let h = a["how"] {
            guard case .str(let s) = h, ["inner", "left", "right", "outer"].contains(s) else {
                if case .str(let s) = h, ["left_anti", "right_anti", "cross", "asof"].contains(s) {
                    throw PyException.typeError("merge(how='\(s)') is not supported by mfsh (inner, left, right, outer)")
                }
                throw PyException.valueError("\(try converter.interpreter.repr(h)) is not a valid Merge type: left, right, inner, outer, left_anti, right_anti, cross, asof")
            }
            how = s
        }
        func labels(_ v: Value?) -> [Value]? { v.map { listItems($0) ?? [$0] } }
        var leftKeys: [Value], rightKeys: [Value]
        if let on = labels(a["on"]) {
            guard a["left_on"] == nil, a["right_on"] == nil else {
                throw PyException(mergeError, "Can only pass argument \"on\" OR \"left_on\" and \"right_on\", not a combination of both.")
            }
            leftKeys = on; rightKeys = on
        } else if let l = labels(a["left_on"]), let r = labels(a["right_on"]) {
            guard l.count == r.count else { throw PyException.valueError("len(right_on) must equal len(left_on)") }
            leftKeys = l; rightKeys = r
        } else if a["left_on"] != nil || a["right_on"] != nil {
            throw PyException.typeError("merge() with only one of left_on and right_on is not supported by mfsh")
        } else {
            let common = (0..<left.columns.count).map { left.columns.label(at: $0) }.filter { label in
                (0..<right.columns.count).contains { pythonRepr(right.columns.label(at: $0)) == pythonRepr(label) }
            }
            guard !common.isEmpty else {
                throw PyException(mergeError, "No common columns to perform merge on. Merge options: left_on=None, right_on=None, left_index=False, right_index=False")
            }
            leftKeys = try common.map(python); rightKeys = leftKeys
        }
        func positions(_ keys: [Value], in frame: DataFrame) throws -> [Int] {
            try keys.map { k in
                guard let c = position(of: k, in: frame.columns) else { throw PyException.keyError(k) }
                return c
            }
        }
        let lk = try positions(leftKeys, in: left), rk = try positions(rightKeys, in: right)
        // pandas refuses to match numbers with text (an empty result would be a wrong answer).
        for (l, r) in zip(lk, rk) {
            let types = [l < left.columnDTypeNames.count ? left.columnDTypeNames[l] : "object",
                         r < right.columnDTypeNames.count ? right.columnDTypeNames[r] : "object"]
            let numeric = { (t: String) in ["int", "uint", "float"].contains { t.hasPrefix($0) } }
            if (numeric(types[0]) && types[1] == "str") || (types[0] == "str" && numeric(types[1])) {
                throw PyException.valueError("You are trying to merge on \(types[0]) and \(types[1]) columns for key '\(try converter.interpreter.str(try python(left.columns.label(at: l))))'. If you wish to proceed you should use pd.concat")
            }
        }
        // Row keys as text: equal values (1 and 1.0 included) give equal text; every missing value is one key.
        func keyTexts(_ frame: DataFrame, _ columns: [Int]) throws -> [String] {
            let cells = try columns.map { c -> [String] in
                let values = frame.columnValues[c]
                let missing = missingMask(values)
                return try (0..<frame.index.count).map { r in
                    if r < missing.count, missing[r] { return "<missing>" }
                    let v = try pythonElement(values, r)
                    if case .int(let i) = v { return "n:\(Double(i))" }
                    if case .float(let x) = v { return "n:\(x)" }
                    if case .bool(let b) = v { return "n:\(b ? 1.0 : 0.0)" }
                    return try converter.interpreter.repr(v)
                }
            }
            return (0..<frame.index.count).map { r in cells.map { $0[r] }.joined(separator: "\u{1F}") }
        }
        let leftText = try keyTexts(left, lk), rightText = try keyTexts(right, rk)
        var rightRows: [String: [Int]] = [:]
        for (r, k) in rightText.enumerated() { rightRows[k, default: []].append(r) }
        var leftRows: [String: [Int]] = [:]
        for (r, k) in leftText.enumerated() { leftRows[k, default: []].append(r) }
        var pairs: [(Int?, Int?)] = []
        switch how {
        case "inner", "left":
            for (l, k) in leftText.enumerated() {
                if let matches = rightRows[k] { pairs += matches.map { (l, $0) } } else if how == "left" { pairs.append((l, nil)) }
            }
        case "right":
            for (r, k) in rightText.enumerated() {
                if let matches = leftRows[k] { pairs += matches.map { ($0, r) } } else { pairs.append((nil, r)) }
            }
        default:
            var order: [(key: String, row: Int, fromLeft: Bool)] = []
            var seen: Set<String> = []
            for (l, k) in leftText.enumerated() where seen.insert(k).inserted { order.append((k, l, true)) }
            for (r, k) in rightText.enumerated() where seen.insert(k).inserted { order.append((k, r, false)) }
            let sorted = try sortedKeys(order.map { ($0.row, $0.fromLeft) }, left: left, lk: lk, right: right, rk: rk)
            for i in sorted {
                let k = order[i].key
                let ls = leftRows[k] ?? [], rs = rightRows[k] ?? []
                if ls.isEmpty { pairs += rs.map { (nil, $0) } } else if rs.isEmpty { pairs += ls.map { ($0, nil) } } else {
                    for l in ls { pairs += rs.map { (l, $0) } }
                }
            }
        }
        if case .bool(true)? = a["sort"], how != "outer" {
            // sort=True: the rows ordered by their join keys (outer ones already are), each key's rows
            // kept in the order the join made them.
            var groups: [String: [(Int?, Int?)]] = [:]
            var firsts: [(key: String, row: Int, fromLeft: Bool)] = []
            for p in pairs {
                let k = p.0.map { leftText[$0] } ?? p.1.map { rightText[$0] } ?? ""
                if groups[k] == nil { firsts.append((k, p.0 ?? p.1 ?? 0, p.0 != nil)) }
                groups[k, default: []].append(p)
            }
            let sorted = try sortedKeys(firsts.map { ($0.row, $0.fromLeft) }, left: left, lk: lk, right: right, rk: rk)
            pairs = sorted.flatMap { groups[firsts[$0].key] ?? [] }
        }
        // Columns: shared key names once (from whichever side has the row), then the others with suffixes.
        var suffixes = ("_x", "_y")
        if let s = a["suffixes"], let items = listItems(s), items.count == 2 {
            suffixes = (items[0].isNone ? "" : try converter.interpreter.str(items[0]), items[1].isNone ? "" : try converter.interpreter.str(items[1]))
        }
        let sharedKeys = zip(lk, rk).filter { pythonRepr(left.columns.label(at: $0)) == pythonRepr(right.columns.label(at: $1)) }
        let leftOthers = (0..<left.columnValues.count).filter { c in !sharedKeys.contains { $0.0 == c } }
        let rightOthers = (0..<right.columnValues.count).filter { c in !sharedKeys.contains { $0.1 == c } }
        let leftNames = Set(leftOthers.map { pythonRepr(left.columns.label(at: $0)) })
        let rightNames = Set(rightOthers.map { pythonRepr(right.columns.label(at: $0)) })
        var names: [PickleValue] = [], columns: [PandasColumn] = []
        for c in 0..<left.columnValues.count {
            let label = left.columns.label(at: c)
            if let shared = sharedKeys.first(where: { $0.0 == c }) {
                names.append(label)
                columns.append(try keyColumn(left, c, right, shared.1, pairs))
            } else {
                names.append(rightNames.contains(pythonRepr(label)) ? suffixed(label, suffixes.0) : label)
                columns.append(try gathered(left, c, pairs.map(\.0)))
            }
        }
        for c in rightOthers {
            let label = right.columns.label(at: c)
            names.append(leftNames.contains(pythonRepr(label)) ? suffixed(label, suffixes.1) : label)
            columns.append(try gathered(right, c, pairs.map(\.1)))
        }
        let columnIndex = try pandasIndex(labels: try names.map(python))
        return wrap(DataFrameHost(.make(columns: columnIndex, index: defaultIndex(pairs.count), columnValues: columns.map(\.values),
                                        columnDTypeNames: columns.map(\.dtypeName), columnCategoricals: columns.map(\.categorical)), env: self))
    }

    private func suffixed(_ label: PickleValue, _ suffix: String) -> PickleValue {
        if case .string(let s) = label { return .string(s + suffix) }
        return .string(plainText(label) + suffix)
    }

    /// Outer join key order: pandas sorts the keys (numbers by value, strings by code point; missing last).
    private func sortedKeys(_ firsts: [(row: Int, fromLeft: Bool)], left: DataFrame, lk: [Int], right: DataFrame, rk: [Int]) throws -> [Int] {
        let leftKeys = lk.map { PandasSort.keys(left.columnValues[$0], count: left.index.count) }
        let rightKeys = rk.map { PandasSort.keys(right.columnValues[$0], count: right.index.count) }
        let keys = firsts.map { f in (f.fromLeft ? leftKeys : rightKeys).map { $0[f.row] } }
        func rank(_ k: PandasSort.Key) -> Int { if case .missing = k { return 1 }; return 0 }
        return Array(firsts.indices).sorted { i, j in
            for (x, y) in zip(keys[i], keys[j]) {
                if rank(x) != rank(y) { return rank(x) < rank(y) }
                let c = PandasSort.compare(x, y)
                if c != 0 { return c < 0 }
            }
            return i < j
        }
    }

    /// A key column both sides share: the left value where the row has one, else the right's.
    private func keyColumn(_ left: DataFrame, _ lc: Int, _ right: DataFrame, _ rc: Int, _ pairs: [(Int?, Int?)]) throws -> PandasColumn {
        // Keys of different dtypes (bool and int, str and object...) are both cast to object by pandas;
        // only int and float keep a number dtype.
        let types = [lc < left.columnDTypeNames.count ? left.columnDTypeNames[lc] : "object",
                     rc < right.columnDTypeNames.count ? right.columnDTypeNames[rc] : "object"]
        let numeric = { (t: String) in ["int", "uint", "float"].contains { t.hasPrefix($0) } }
        let special = types.contains { ["datetime", "timedelta", "category"].contains(where: $0.hasPrefix) }
        if types[0] != types[1], !(numeric(types[0]) && numeric(types[1])), !special,
           let la = left.columnValues[lc].ndarray, let ra = right.columnValues[rc].ndarray {
            let cells = pairs.map { l, r -> PickleValue in
                if let l { return la.element(at: l) ?? .float(.nan) }
                if let r { return ra.element(at: r) ?? .float(.nan) }
                return .float(.nan)
            }
            return PandasColumn(values: .ndarray(.objects(cells, shape: [cells.count])), dtypeName: "object")
        }
        if pairs.allSatisfy({ $0.0 != nil }) { return try gathered(left, lc, pairs.map(\.0)) }
        let items = try pairs.map { l, r -> Value in
            if let l { return try pythonElement(left.columnValues[lc], l) }
            if let r { return try pythonElement(right.columnValues[rc], r) }
            return .none
        }
        return try pandasColumn(items: items)
    }

    /// Column `c` of `frame` at `rows` (nil: a missing value), promoted as pandas promotes for missing values.
    private func gathered(_ frame: DataFrame, _ c: Int, _ rows: [Int?]) throws -> PandasColumn {
        let dtype = c < frame.columnDTypeNames.count ? frame.columnDTypeNames[c] : "object"
        let categorical = frame.categorical(ofColumn: c)
        guard let a = frame.columnValues[c].ndarray else { throw PyException.typeError("merge of this column is not supported by mfsh") }
        if !rows.contains(where: { $0 == nil }) {
            let taken = rows.compactMap { $0 }
            return PandasColumn(values: .ndarray(a.gathering(taken, shape: [taken.count])), dtypeName: dtype, categorical: categorical)
        }
        switch a.dtype.kind {
        case "i", "u", "f":
            guard let o = NumericOperand(array: a) else { break }
            let type: NDDType = a.dtype.kind == "f" ? a.dtype.nativeOrder : .float64
            return PandasColumn(values: .ndarray(.make(dtype: type, doubles: rows.map { $0.map { o.doubles[$0] } ?? .nan }, shape: [rows.count])),
                                dtypeName: type.name)
        case "M", "m":
            let ints = rows.map { r in r.flatMap { a.timeCount(atFlat: $0) }.map { Int($0) } ?? Int(notATime) }
            return PandasColumn(values: .ndarray(.make(dtype: a.dtype.nativeOrder, ints: ints, shape: [rows.count])), dtypeName: dtype)
        default: break
        }
        let cells = rows.map { r in r.flatMap { a.pandasTimeElement(at: $0) ?? a.element(at: $0) } ?? .float(.nan) }
        let name = a.dtype.kind == "b" ? "object" : dtype
        return PandasColumn(values: .ndarray(.objects(cells, shape: [rows.count])), dtypeName: name, categorical: name == "category" ? categorical : nil)
    }
}
