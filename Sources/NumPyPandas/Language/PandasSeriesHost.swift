// pandas Series and Index as language values.
import MFSInterpreter
import Pickle

final class SeriesHost: NumericObject {
    /// Replaced (never changed) by `s.name = ...` and `s.index = ...`, so values taken before keep theirs.
    var series: Series
    let env: NumericEnvironment
    init(_ series: Series, env: NumericEnvironment) { self.series = series; self.env = env }

    var typeName: String { "Series" }
    var moduleName: String { "pandas" }
    var doc: String? { "A pandas Series decoded from an artifact (read-only)." }
    var count: Int { series.index.count }
    var attributeNames: [String] {
        ["dtype", "eq", "ge", "gt", "head", "idxmax", "idxmin", "index", "items", "keys", "le", "lt", "max", "mean", "min",
         "name", "ne", "nunique", "shape", "size", "sum", "tail", "to_dict", "tolist", "unique", "value_counts", "values",
         "abs", "astype", "count", "cumsum", "median", "round", "sort_index", "sort_values", "std", "var", "iloc", "loc"]
            + Self.analysisMethodNames + (datetimeValues != nil ? ["dt"] : [])
    }
    var methodNames: [String] {
        ["abs", "astype", "count", "cumsum", "eq", "ge", "gt", "head", "idxmax", "idxmin", "items", "keys", "le", "lt", "max",
         "mean", "median", "min", "ne", "nunique", "round", "sort_index", "sort_values", "std", "sum", "tail", "to_dict", "to_list",
         "to_numpy", "tolist", "unique", "value_counts", "var"] + Self.analysisMethodNames
    }
    var lazyAttributeNames: [String] { ["values", "iloc", "loc", "dt"] }

    /// `s.label` for a string label of the index, as pandas allows (`row.split` for a row given by
    /// `apply(axis=1)` or `iterrows()`): what `s["label"]` gives.
    private func labelAttribute(_ name: String) throws -> Value? {
        guard !name.hasPrefix("_"), env.position(of: .str(name), in: series.index) != nil else { return nil }
        return try getItem(.str(name))
    }

    /// The values of a datetime64 Series (what `.dt` works on); nil for other dtypes.
    var datetimeValues: NDArray? {
        guard let a = valuesArray, a.dtype.kindCode == UInt8(ascii: "M"), a.dtype.itemSize == 8 else { return nil }
        return a
    }

    func repr() -> String { series.displayText }
    func str() -> String { series.displayText }
    func length() throws -> Int { count }

    func truth() throws -> Bool {
        throw PyException.valueError("The truth value of a Series is ambiguous. Use a.empty, a.item(), a.any() or a.all().")
    }

    var valuesArray: NDArray? { if let a = series.values.ndarray { return a }; return nil }

    func toList() throws -> Value { .newList(try (0..<count).map { try env.pythonElement(series.values, $0) }) }

    /// `to_dict()`: labels to values boxed as Python's (pandas' `maybe_box_native`).
    func toDict() throws -> Value {
        try .newDict((0..<count).map { (try env.python(series.index.label(at: $0)), try env.nativeElement(series.values, $0)) })
    }

    func withValues(_ values: PickleValue, rows: [Int]? = nil, dtypeName: String? = nil) -> Value {
        let index = rows.map { env.take(series.index, $0) } ?? series.index
        return env.wrap(SeriesHost(.make(values: values, index: index, name: series.name, dtypeName: dtypeName ?? series.dtypeName,
                                         categorical: dtypeName == nil ? series.categorical : nil), env: env))
    }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "name": return try env.python(series.name)
        case "index": return env.wrap(PandasIndexHost(series.index, env: env))
        case "shape": return .tuple([.int(count)])
        case "size": return .int(count)
        case "ndim": return .int(1)
        case "empty": return .bool(count == 0)
        case "dtype": return pandasDType(series.dtypeName, values: series.values, categorical: series.categorical, env: env)
        case "dt":
            guard let values = datetimeValues else { throw PyException.attributeError("Can only use .dt accessor with datetimelike values") }
            return env.wrap(DatetimePropertiesHost(self, values: values))
        case "values":
            if let a = valuesArray { return env.wrap(NDArrayHost(a, env: env)) }
            return try toList()
        case "tolist", "to_list": return .newBuiltin(name) { [self] _, _ in try toList() }
        case "to_numpy":
            return .newBuiltin(name) { [self] args, kwargs in
                guard let a = valuesArray else { return try toList() }
                return try env.toNumpy(env.wrap(NDArrayHost(a, env: env)), "Series", args, kwargs)
            }
        case "to_dict":
            return .newBuiltin(name) { [self] args, kwargs in
                guard args.isEmpty else { throw PyException.typeError("Series.to_dict() takes 1 positional argument but \(args.count + 1) were given") }
                if let (k, _) = kwargs.first {
                    if k == "into" { throw PyException.typeError("Series.to_dict(into=...) is not supported by mfsh") }
                    throw PyException.typeError("Series.to_dict() got an unexpected keyword argument '\(k)'")
                }
                return try toDict()
            }
        case "keys": return .newBuiltin(name) { [self] _, _ in env.wrap(PandasIndexHost(series.index, env: env)) }
        case "items":
            return .newBuiltin(name) { [self] _, _ in
                .iterator(ArrayIterator(try (0..<count).map {
                    .tuple([try env.python(series.index.label(at: $0)), try env.pythonElement(series.values, $0)])
                }))
            }
        case "head", "tail":
            return .newBuiltin(name) { [self] args, kwargs in
                let rows = try env.headTail(name, args, kwargs, count: count)
                return withValues(env.take(series.values, rows), rows: rows)
            }
        case _ where Self.reductionNames.contains(name):
            return .newBuiltin(name) { [self] args, kwargs in try reduce(name, args, kwargs) }
        case "any", "all": return .newBuiltin(name) { [self] args, kwargs in try anyAll(name, args, kwargs) }
        case "argmax", "argmin":
            guard let a = valuesArray, let method = try NDArrayHost(a, env: env).getAttribute(name) else { return nil }
            return method
        case "gt", "lt", "ge", "le", "eq", "ne":
            return .newBuiltin(name) { [self] args, _ in
                guard let other = args.first, let op = NumericOp(rawValue: name),
                      let result = try binary(op, other, reflected: false, comparisonsAsArrays: true) else {
                    throw PyException.typeError("\(name)() needs one numeric argument in mfsh")
                }
                return result
            }
        case "sort_values", "sort_index":
            return .newBuiltin(name) { [self] args, kwargs in try sorted(name, args, kwargs) }
        case "round", "cumsum", "astype", "abs":
            // Element-wise: the array method's result under the same index and name.
            return .newBuiltin(name) { [self] args, kwargs in
                if name == "astype", let target = args.first ?? kwargs.first(where: { $0.0 == "dtype" })?.1, Self.namesStr(target) {
                    return try astypeStr()
                }
                guard let a = valuesArray else { throw PyException.typeError("\(name)() is not supported for dtype \(series.dtypeName) in mfsh") }
                if name == "cumsum", a.dtype.kind == "f" { return try floatCumsum(a, args, kwargs) }
                if name == "astype", a.dtype.kind == "O", series.dtypeName != "category", args.count + kwargs.count == 1,
                   let target = args.first ?? kwargs.first(where: { $0.0 == "dtype" })?.1 {
                    // Text read as numbers goes through the frame's column cast (float()/int() of each cell).
                    let column = try env.castColumn(PandasColumn(values: series.values, dtypeName: series.dtypeName), to: target)
                    return withValues(column.values, dtypeName: column.dtypeName)
                }
                let host = NDArrayHost(a, env: env)
                // numpy casts NaN to INT64_MIN; pandas refuses it.
                if name == "astype", a.dtype.kind == "f", let target = args.first ?? kwargs.first(where: { $0.0 == "dtype" })?.1,
                   let type = try? NDArrayHost.targetType(target), "iu".contains(type.kind),
                   NumericOperand(array: a)?.doubles.contains(where: { !$0.isFinite }) == true {
                    throw PyException(env.intCastingNaNError, "Cannot convert non-finite values (NA or inf) to integer. Replace or remove non-finite values or cast to an integer type that supports these values (e.g. 'Int64')")
                }
                if name == "abs" {
                    // What abs(series) gives (NumericUnaryOperators), taking no arguments.
                    _ = try CallArguments(name, args, kwargs, [])
                    guard let result = try absolute() else { throw PyException.typeError("bad operand type for abs(): '\(series.dtypeName)'") }
                    return result
                }
                guard case .builtin(let method)? = try host.getAttribute(name) else { throw PyException.attributeError(name) }
                let result = try method.body(args, kwargs)
                guard let array = (NumericHosts.object(result) as? NDArrayHost)?.array else { return result }
                return withValues(.ndarray(array), dtypeName: array.dtype.name)
            }
        case "count":
            return .newBuiltin(name) { [self] _, _ in
                let present = PandasSort.keys(series.values, count: count).filter { if case .missing = $0 { return false }; return true }
                return NumPyMath.result(.int64([present.count], shape: []), env: env)
            }
        case "unique", "nunique", "value_counts":
            return .newBuiltin(name) { [self] args, kwargs in try distinct(name, args, kwargs) }
        case "idxmax", "idxmin":
            return .newBuiltin(name) { [self] args, kwargs in
                let options = try CallArguments(name, args, kwargs, ["axis", "skipna"])
                let p = try extremePosition(largest: name == "idxmax", skipna: try options.bool("skipna", default: true))
                return try env.numpyLabel(series.index, p)  // a RangeIndex label is a Python int, a MultiIndex's a tuple
            }
        default: return try analysisAttribute(name) ?? labelAttribute(name)
        }
    }

    /// `unique()` (first appearances, NaN kept once), `nunique(dropna=True)` and
    /// `value_counts(normalize=False, sort=True, ascending=False, dropna=True)`: counts in descending
    /// order, ties in order of first appearance, as pandas' stable sort leaves them.
    func distinct(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        var options: [String: Bool] = ["normalize": false, "sort": true, "ascending": false, "dropna": true]
        let accepted: [String] = name == "value_counts" ? ["normalize", "sort", "ascending", "dropna"] : name == "nunique" ? ["dropna"] : []
        guard args.count <= accepted.count else {
            throw PyException.typeError("\(name)() takes at most \(accepted.count) positional arguments in mfsh (\(args.count) given)")
        }
        for (k, v) in zip(accepted, args) + kwargs {
            guard accepted.contains(k) else {
                if k == "bins" { throw PyException.typeError("value_counts(bins=...) is not supported by mfsh") }
                throw PyException.typeError("\(name)() got an unexpected keyword argument '\(k)'")
            }
            guard case .bool(let b) = v else { throw PyException.valueError("\(k) must be True or False in mfsh, not \(v.typeName)") }
            options[k] = b
        }
        let dropna = options["dropna"] ?? true
        var firstPosition: [String: Int] = [:]
        var order: [String] = []
        var counts: [String: Int] = [:]
        for i in 0..<count {
            let element = series.values.ndarray.flatMap { $0.pandasTimeElement(at: i) ?? $0.element(at: i) } ?? PickleValue.none
            let missing = env.isMissing(element)
            let key = missing ? "<missing>" : pythonRepr(element)
            if firstPosition[key] == nil { firstPosition[key] = i; order.append(key) }
            if !missing || !dropna { counts[key, default: 0] += 1 }
        }
        switch name {
        case "nunique": return .int(counts.count)
        case "unique":
            let positions = order.compactMap { firstPosition[$0] }
            guard let a = valuesArray else { return .newList(try positions.map { try env.pythonElement(series.values, $0) }) }
            return env.wrap(NDArrayHost(a.gathering(positions, shape: [positions.count]), env: env))
        default:
            var ranked = order.filter { counts[$0] != nil }
            if options["sort"] ?? true {
                let ascending = options["ascending"] ?? false
                ranked = ranked.enumerated().sorted { x, y in
                    let cx = counts[x.element] ?? 0, cy = counts[y.element] ?? 0
                    return cx != cy ? (ascending ? cx < cy : cx > cy) : x.offset < y.offset
                }.map(\.element)
            }
            let positions = ranked.compactMap { firstPosition[$0] }
            let labels = PandasIndex.make(className: "Index", labels: env.take(series.values, positions), name: series.name, dtypeName: series.dtypeName)
            let tallies = ranked.map { counts[$0] ?? 0 }
            if options["normalize"] ?? false {
                let total = Double(tallies.reduce(0, +))
                let values = NDArray.float64(tallies.map { Double($0) / total }, shape: [tallies.count])
                return env.wrap(SeriesHost(.make(values: .ndarray(values), index: labels, name: .string("proportion"), dtypeName: "float64"), env: env))
            }
            let values = NDArray.int64(tallies, shape: [tallies.count])
            return env.wrap(SeriesHost(.make(values: .ndarray(values), index: labels, name: .string("count"), dtypeName: "int64"), env: env))
        }
    }

    func getItem(_ key: Value) throws -> Value {
        if let rows = try env.maskRows(key, count: count) { return withValues(env.take(series.values, rows), rows: rows) }
        if case .slice(let s) = key {
            let rows = try sliceIndices(s, count: count)
            return withValues(env.take(series.values, rows), rows: rows)
        }
        if case .list(let l) = key {
            // A list of labels, each bringing all its rows (pandas 3 reads s[[...]] as labels).
            if series.index.levels == nil, l.items.contains(where: { env.position(of: $0, in: series.index) == nil }) {
                throw try env.missingLabels(l.items, in: series.index, axis: "index")
            }
            let rows = try l.items.flatMap { k -> [Int] in
                if let repeated = env.repeatedPositions(of: k, in: series.index) { return repeated }
                guard let i = env.position(of: k, in: series.index) else { throw env.missingLabel(k, in: series.index) }
                return [i]
            }
            return withValues(env.take(series.values, rows), rows: rows)
        }
        try env.requireWholeLabel(key, of: series.index)
        if let repeated = env.repeatedPositions(of: key, in: series.index) { return withValues(env.take(series.values, repeated), rows: repeated) }
        guard let i = env.position(of: key, in: series.index) else { throw env.missingLabel(key, in: series.index) }
        return try env.numpyElement(series.values, i)
    }

    func makeIterator() throws -> PyIterator {
        var i = 0
        return ClosureIterator("iterator") { [self] in
            guard i < count else { return nil }
            defer { i += 1 }
            // pandas iterates Python scalars (boxed with .item()), unlike `series[label]`.
            return try env.pythonElement(series.values, i)
        }
    }

    func contains(_ v: Value) throws -> Bool { env.indexContains(v, series.index) }

    func binary(_ op: NumericOp, _ other: Value, reflected: Bool) throws -> Value? {
        try binary(op, other, reflected: reflected, comparisonsAsArrays: true)
    }

    func binary(_ op: NumericOp, _ other: Value, reflected: Bool, comparisonsAsArrays: Bool) throws -> Value? {
        guard let a = valuesArray else { return nil }
        if series.dtypeName == "category", op.isComparison, op != .eq, op != .ne {
            throw PyException.typeError("Unordered Categoricals can only compare equality or not")
        }
        var operand = other
        var name = series.name
        if let s = NumericHosts.object(other) as? SeriesHost, let b = s.valuesArray {
            name = resultName(with: s)
            if !env.sameLabels(series.index, s.series.index) {
                if op.isComparison { throw PyException.valueError("Can only compare identically-labeled Series objects") }
                // pandas aligns on labels (PandasAlignment.swift).
                guard [.add, .sub, .mul, .truediv, .floordiv, .mod, .pow].contains(op), let (left, right) = aligned(with: s) else {
                    throw PyException.valueError("arithmetic between Series with different indexes (label alignment) is not supported in mfsh")
                }
                return try left.binary(op, env.wrap(right), reflected: reflected, comparisonsAsArrays: comparisonsAsArrays)
            }
            operand = env.wrap(NDArrayHost(b, env: env))
        }
        // pandas compares list-likes position by position only when the lengths match.
        let otherCount = env.listItems(other)?.count ?? (NumericHosts.object(other) as? NDArrayHost).flatMap { $0.array.shape.count == 1 ? $0.array.count : nil }
        if op.isComparison, let otherCount, otherCount != count { throw PyException.valueError("Lengths must match to compare") }
        if let filled = integerDivisionByZero(op, a, operand, reflected: reflected) {
            return env.wrap(SeriesHost(.make(values: .ndarray(filled), index: series.index, name: name, dtypeName: filled.dtype.name,
                                             categorical: nil), env: env))
        }
        guard let result = try NDArrayHost(a, env: env, comparisonsAsArrays: comparisonsAsArrays).binary(op, operand, reflected: reflected),
              let array = (NumericHosts.object(result) as? NDArrayHost)?.array else { return nil }
        return env.wrap(SeriesHost(.make(values: .ndarray(array), index: series.index, name: name, dtypeName: array.dtype.name,
                                         categorical: nil), env: env))
    }

    /// `cumsum(skipna=True)` of a float Series as pandas gives it: NaN stays at its place and the running
    /// sum goes on past it; with skipna=False everything from the first NaN on is NaN.
    private func floatCumsum(_ a: NDArray, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        var skipna = true
        guard args.isEmpty else { throw PyException.typeError("cumsum() with positional arguments is not supported in mfsh") }
        for (k, v) in kwargs {
            switch (k, v) {
            case ("skipna", .bool(let b)): skipna = b
            case ("axis", .none), ("axis", .int(0)): break
            default: throw PyException.typeError("cumsum() got an unexpected keyword argument '\(k)'")
            }
        }
        guard let o = NumericOperand(array: a) else { throw PyException.typeError("cumsum() is not supported for dtype \(a.dtype.name) in mfsh") }
        let sums = runningFloats(o.doubles, skipna: skipna, +)
        let array = NDArray.make(dtype: a.dtype.nativeOrder, doubles: sums, shape: [sums.count])
        return withValues(.ndarray(array), dtypeName: array.dtype.name)
    }

    /// `~series`: logical not of a boolean Series, bitwise not of an integer one.
    func inverted() throws -> Value? {
        guard let a = valuesArray, let result = try NDArrayHost(a, env: env).inverted(),
              let array = (NumericHosts.object(result) as? NDArrayHost)?.array else { return nil }
        return withValues(.ndarray(array), dtypeName: array.dtype.name)
    }
}

/// `series.dtype`: a numpy dtype where pandas uses one, otherwise a pandas extension dtype.
func pandasDType(_ name: String, values: PickleValue, categorical: PandasCategorical? = nil, env: NumericEnvironment) -> Value {
    switch pandasDTypeValue(name, values: values, categorical: categorical) {
    case .reconstructed(let d as NDDType): return env.wrap(NDDTypeHost(d, env: env))
    case .reconstructed(let d as PandasExtensionDType): return env.wrap(PandasDTypeHost(d, env: env))
    default: return .str(name)
    }
}

/// The dtype of values pandas names `name`, as a value an object array can hold (`df.dtypes`).
func pandasDTypeValue(_ name: String, values: PickleValue, categorical: PandasCategorical?) -> PickleValue {
    if let a = values.ndarray, a.dtype.name == name { return .reconstructed(a.dtype) }
    // pandas 3's default string dtype; its storage is 'python' where pyarrow is not installed.
    let repr = categorical.map(categoricalDTypeRepr) ?? (name == "str" ? "<StringDtype(storage='python', na_value=nan)>" : name)
    return .reconstructed(PandasExtensionDType(name: name, reprText: repr))
}

/// A pandas extension dtype (`str`, `category`, ...): prints as its name and equals it.
final class PandasDTypeHost: NumericObject {
    let dtype: PandasExtensionDType
    let env: NumericEnvironment
    init(_ dtype: PandasExtensionDType, env: NumericEnvironment) { self.dtype = dtype; self.env = env }
    var name: String { dtype.name }
    var typeName: String { dtype.pythonTypeName }
    var moduleName: String { "pandas" }
    func repr() -> String { dtype.reprText }
    func str() -> String { name }
    var attributeNames: [String] { ["kind", "name"] }
    func getAttribute(_ attribute: String) throws -> Value? {
        switch attribute {
        case "name": return .str(name)
        case "kind": return .str("O")  // str and category values are Python objects to numpy
        default: return nil
        }
    }
    func binary(_ op: NumericOp, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .eq || op == .ne else { return nil }
        var same = false
        if case .str(let s) = other { same = s == name }
        if let d = NumericHosts.object(other) as? PandasDTypeHost { same = d.name == name }
        return .bool(op == .eq ? same : !same)
    }
}

final class PandasIndexHost: NumericObject {
    let index: PandasIndex
    let env: NumericEnvironment
    init(_ index: PandasIndex, env: NumericEnvironment) { self.index = index; self.env = env }

    var typeName: String { index.className }
    var moduleName: String { "pandas" }
    var attributeNames: [String] { ["dtype", "get_level_values", "name", "names", "nlevels", "shape", "size", "to_list", "tolist", "values"] }
    var methodNames: [String] { ["get_level_values", "to_list", "tolist"] }
    var lazyAttributeNames: [String] { ["values"] }
    func repr() -> String { index.reprText }
    func length() throws -> Int { index.count }

    func truth() throws -> Bool {
        throw PyException.valueError("The truth value of a \(index.className) is ambiguous. Use a.empty, a.item(), a.any() or a.all().")
    }

    func labels() throws -> [Value] { try (0..<index.count).map { try env.python(index.label(at: $0)) } }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "name": return try env.python(index.name)
        case "shape": return .tuple([.int(index.count)])
        case "size": return .int(index.count)
        case "dtype":
            if case .values(let v) = index.values { return pandasDType(index.dtypeName, values: v, env: env) }
            return env.wrap(NDDTypeHost(.int64, env: env))
        case "values":
            if case .values(.reconstructed(let a as NDArray)) = index.values { return env.wrap(NDArrayHost(a, env: env)) }
            if case .range(let start, _, let step) = index.values {
                return env.wrap(NDArrayHost(.int64((0..<index.count).map { start + $0 * step }, shape: [index.count]), env: env))
            }
            return .newList(try labels())
        case "tolist", "to_list": return .newBuiltin(name) { [self] _, _ in .newList(try labels()) }
        case "names": return .newList(try index.names.map { try env.python($0) })
        case "nlevels": return .int(index.levels?.count ?? 1)
        case "get_level_values": return .newBuiltin(name) { [self] args, kwargs in try levelValues(args, kwargs) }
        case "levels", "codes", "levshape":
            guard index.levels != nil else { return nil }
            throw PyException.typeError("MultiIndex.\(name) is not supported by mfsh (use get_level_values)")
        default: return nil
        }
    }

    func getItem(_ key: Value) throws -> Value {
        guard case .int(let raw) = key else {
            if case .slice(let s) = key {
                return env.wrap(PandasIndexHost(env.take(index, try sliceIndices(s, count: index.count)), env: env))
            }
            throw PyException.indexError("only integers and slices are valid indices of an Index in mfsh")
        }
        let i = raw < 0 ? raw + index.count : raw
        guard i >= 0, i < index.count else {
            throw PyException.indexError("index \(raw) is out of bounds for axis 0 with size \(index.count)")
        }
        return try env.numpyLabel(index, i)
    }

    func makeIterator() throws -> PyIterator { ArrayIterator(try labels()) }
    func contains(_ v: Value) throws -> Bool { env.indexContains(v, index) }

    /// `get_level_values(level)`: a level (by position or name) with the label of every row.
    private func levelValues(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("get_level_values", args, kwargs, ["level"], required: 1)
        let levels = index.levels ?? [index]
        return env.wrap(PandasIndexHost(levels[try env.levelNumber(a["level"] ?? .none, levels)], env: env))
    }
}
