// pandas pickles: indexes (`_new_Index`), Series and DataFrames from their block managers, in both the
// `BlockManager(blocks, axes)` REDUCE form (pandas 3) and the `(axes, values, items, extra_state)`
// BUILD form (pandas 0.14-2.x; still used for SingleBlockManager). Anything else stays an object.
import Pickle

func reconstructPandas(module: String, name: String, _ o: PickleObject) -> PickleValue? {
    switch name {
    case "_new_Index", "_new_DatetimeIndex", "_new_PeriodIndex":
        return makeIndex(o).map { .index($0) }
    case "DataFrame":
        guard module == "pandas" || module == "pandas.core.frame" else { return nil }
        return makeDataFrame(o).map { .dataFrame($0) }
    case "Series":
        guard module == "pandas" || module == "pandas.core.series" else { return nil }
        return makeSeries(o).map { .series($0) }
    default:
        return module.hasPrefix("pandas._libs.tslibs") ? reconstructPandasTime(name: name, o) : nil
    }
}

private func makeIndex(_ o: PickleObject) -> PandasIndex? {
    guard o.args.count == 2, case .global(_, let className) = o.args[0], case .dict(let d) = o.args[1] else { return nil }
    let name = d[string: "name"] ?? PickleValue.none
    if className == "RangeIndex" {
        guard case .int(let start)? = d[string: "start"] ?? .int(0), case .int(let stop)? = d[string: "stop"],
              case .int(let step)? = d[string: "step"] ?? .int(1), step != 0 else { return nil }
        return PandasIndex(className: className, values: .range(start: start, stop: stop, step: step), name: name,
                           dtypeName: "int64")
    }
    guard let data = d[string: "data"] else { return nil }
    if className == "MultiIndex" { return nil }
    return PandasIndex(className: className, values: .values(unwrapExtensionArray(data)), name: name,
                       dtypeName: pandasDTypeName(data), frequency: d[string: "freq"].flatMap(frequencyText),
                       categorical: categoricalInfo(data))
}

/// `freqstr` of a pickled pandas offset (`Day(2)` is `2D`), for the offsets whose name does not
/// depend on more than their multiple; nil for others.
private func frequencyText(_ offset: PickleValue) -> String? {
    guard case .object(let o) = offset, case .global(let module, let name) = o.callable, module.hasPrefix("pandas"),
          case .int(let n)? = o.args.first else { return nil }
    let codes = ["Day": "D", "Hour": "h", "Minute": "min", "Second": "s", "Milli": "ms", "Micro": "us", "Nano": "ns",
                 "MonthEnd": "ME", "MonthBegin": "MS", "BusinessDay": "B"]
    guard let code = codes[name] else { return nil }
    return n == 1 ? code : "\(n)\(code)"
}

/// The numpy array behind a pandas extension array pickled through `__pyx_unpickle_NDArrayBacked`
/// (StringArray, DatetimeArray, TimedeltaArray, NumpyExtensionArray; a Categorical becomes an object
/// array of its labels); other values unchanged.
func unwrapExtensionArray(_ value: PickleValue) -> PickleValue {
    guard case .object(let o) = value, case .global(_, "__pyx_unpickle_NDArrayBacked") = o.callable,
          let cls = o.args.first, case .global(_, let className) = cls,
          case .tuple(let state)? = o.state, state.items.count >= 2, let backing = state.items[1].ndarray
    else { return value }
    if className == "Categorical" { return categoricalLabels(dtype: state.items[0], codes: backing).map { .ndarray($0) } ?? value }
    guard ["StringArray", "DatetimeArray", "TimedeltaArray", "NumpyExtensionArray", "PandasArray"].contains(className)
    else { return value }
    return state.items[1]
}

/// The categories and ordered flag of a pickled Categorical (before `unwrapExtensionArray`).
func categoricalInfo(_ value: PickleValue) -> PandasCategorical? {
    guard case .object(let o) = value, case .global(_, "__pyx_unpickle_NDArrayBacked") = o.callable,
          let cls = o.args.first, case .global(_, "Categorical") = cls,
          case .tuple(let state)? = o.state, let dtype = state.items.first,
          case .object(let d) = dtype, case .dict(let dtypeState)? = d.state,
          let categories = (dtypeState[string: "categories"] ?? dtypeState[string: "_categories"])?.pandasIndex else { return nil }
    var ordered = false
    if case .bool(let b)? = dtypeState[string: "ordered"] ?? dtypeState[string: "_ordered"] { ordered = b }
    return PandasCategorical(categories: categories, ordered: ordered)
}

/// `categories[codes]` as an object array (code -1 is NaN), from a CategoricalDtype object.
private func categoricalLabels(dtype: PickleValue, codes: NDArray) -> NDArray? {
    guard case .object(let d) = dtype, case .dict(let state)? = d.state,
          let categories = (state[string: "categories"] ?? state[string: "_categories"])?.pandasIndex,
          "iu".contains(codes.dtype.kind), codes.shape.count == 1 else { return nil }
    let count = indexCount(categories)
    var labels: [PickleValue] = []
    labels.reserveCapacity(codes.count)
    for i in 0..<codes.count {
        guard case .int(let code)? = codes.element(at: i) else { return nil }
        labels.append(code >= 0 && code < count ? indexLabel(categories, code) : .float(.nan))
    }
    return NDArray(dtype: NDDType(kind: "O", itemSize: 8, byteOrder: "|"), shape: [codes.count], isFortranOrder: false,
                   storage: .objects(labels))
}

/// pandas' `dtype` name of column values for displays: `int64`, `float64`, `str`, `object`, ...
func pandasDTypeName(_ values: PickleValue) -> String {
    if case .object(let o) = values, case .global(_, "__pyx_unpickle_NDArrayBacked") = o.callable,
       let cls = o.args.first, case .global(_, "StringArray") = cls { return "str" }
    if case .object(let o) = values, case .global(_, "__pyx_unpickle_NDArrayBacked") = o.callable,
       let cls = o.args.first, case .global(_, "Categorical") = cls { return "category" }
    if let a = unwrapExtensionArray(values).ndarray { return a.dtype.name }
    return "object"
}

private struct Block {
    let values: PickleValue
    let positions: [Int]
}

/// Column positions of a block placement: a slice, an int array, or a BlockPlacement wrapping one.
private func placementPositions(_ value: PickleValue, limit: Int) -> [Int]? {
    switch value {
    case .slice(let start, let stop, let step):
        var s = 0, e = limit, st = 1
        if case .int(let v) = start { s = v }
        if case .int(let v) = stop { e = min(v, limit) }
        if case .int(let v) = step { st = v }
        guard st > 0, s >= 0 else { return nil }
        return s < e ? Array(stride(from: s, to: e, by: st)) : []
    case .reconstructed(let a as NDArray):
        guard "iu".contains(a.dtype.kind), a.shape.count == 1 else { return nil }
        var out: [Int] = []
        for i in 0..<a.count {
            guard case .int(let p)? = a.element(at: i), p >= 0, p < limit else { return nil }
            out.append(p)
        }
        return out
    case .object(let o):
        guard case .global(_, "BlockPlacement") = o.callable, let inner = o.args.first else { return nil }
        return placementPositions(inner, limit: limit)
    default: return nil
    }
}

/// Axes and blocks of a (Single)BlockManager object, in either pickle form.
private func managerContents(_ value: PickleValue) -> (axes: [PandasIndex], blocks: [(PickleValue, PickleValue?)])? {
    guard case .object(let m) = value, case .global(let module, let name) = m.callable,
          module.hasPrefix("pandas"), name == "BlockManager" || name == "SingleBlockManager" else { return nil }
    func indexes(_ v: PickleValue) -> [PandasIndex]? {
        guard let items = sequenceItems(v) else { return nil }
        var out: [PandasIndex] = []
        for item in items {
            guard let i = item.pandasIndex else { return nil }
            out.append(i)
        }
        return out
    }
    if m.args.count == 2, let blockItems = sequenceItems(m.args[0]), let axes = indexes(m.args[1]) {
        var blocks: [(PickleValue, PickleValue?)] = []
        for b in blockItems {
            guard case .object(let bo) = b, case .global(_, let fn) = bo.callable, fn == "_unpickle_block" || fn == "new_block",
                  bo.args.count >= 2 else { return nil }
            blocks.append((bo.args[0], bo.args[1]))
        }
        return (axes, blocks)
    }
    guard case .tuple(let stateTuple)? = m.state, stateTuple.items.count >= 4 else { return nil }
    let state = stateTuple.items
    if case .dict(let extra) = state[3], case .dict(let v14)? = extra[string: "0.14.1"],
       let axesValue = v14[string: "axes"], let axes = indexes(axesValue),
       let blockDicts = v14[string: "blocks"].flatMap(sequenceItems) {
        var blocks: [(PickleValue, PickleValue?)] = []
        for bd in blockDicts {
            guard case .dict(let d) = bd, let values = d[string: "values"] else { return nil }
            blocks.append((values, d[string: "mgr_locs"]))
        }
        return (axes, blocks)
    }
    guard let axes = indexes(state[0]), let values = sequenceItems(state[1]) else { return nil }
    return (axes, values.map { ($0, nil) })
}

private func indexLength(_ index: PandasIndex) -> Int? {
    switch index.values {
    case .range(let start, let stop, let step): return rangeLength(start: start, stop: stop, step: step)
    case .values(let v):
        if let a = v.ndarray, a.shape.count == 1 { return a.count }
        if let items = sequenceItems(v) { return items.count }
        return nil
    }
}

/// Row `row` of a 2-D block as its own 1-D array (a view of C-ordered raw data; a copy otherwise).
private func blockRow(_ values: PickleValue, row: Int, length: Int) -> PickleValue? {
    let unwrapped = unwrapExtensionArray(values)
    guard let a = unwrapped.ndarray else { return row == 0 ? values : nil }
    if a.shape.count == 1 { return row == 0 ? values : nil }
    guard a.shape.count == 2, row < a.shape[0], a.shape[1] == length else { return nil }
    let n = a.shape[1]
    switch a.storage {
    case .raw(let bytes):
        let size = a.dtype.itemSize
        let rowBytes: PickleBytes
        if !a.isFortranOrder {
            let start = bytes.storage.startIndex + row * n * size
            rowBytes = PickleBytes(bytes.storage[start..<(start + n * size)])
        } else {
            var gathered: [UInt8] = []
            gathered.reserveCapacity(n * size)
            for j in 0..<n {
                let start = bytes.storage.startIndex + (j * a.shape[0] + row) * size
                gathered.append(contentsOf: bytes.storage[start..<(start + size)])
            }
            rowBytes = PickleBytes(gathered)
        }
        let column = NDArray(dtype: a.dtype, shape: [n], isFortranOrder: false, storage: .raw(rowBytes))
        column.loadsInNativeOrder = a.loadsInNativeOrder
        return .ndarray(column)
    case .objects(let items):
        var column: [PickleValue] = []
        for j in 0..<n { column.append(items[a.isFortranOrder ? j * a.shape[0] + row : row * n + j]) }
        return .ndarray(NDArray(dtype: a.dtype, shape: [n], isFortranOrder: false, storage: .objects(column)))
    }
}

private func makeDataFrame(_ o: PickleObject) -> DataFrame? {
    guard case .dict(let state)? = o.state, let mgr = state[string: "_mgr"] ?? state[string: "_data"],
          let (axes, blocks) = managerContents(mgr), axes.count == 2,
          let columnCount = indexLength(axes[0]), let rowCount = indexLength(axes[1]) else { return nil }
    var columns = [PickleValue?](repeating: nil, count: columnCount)
    var nextPosition = 0
    for (values, placement) in blocks {
        let positions: [Int]
        if let placement {
            guard let p = placementPositions(placement, limit: columnCount) else { return nil }
            positions = p
        } else {
            // Old pickles without placements: blocks cover the columns in order.
            var rows = 1
            if let a = unwrapExtensionArray(values).ndarray, a.shape.count == 2 { rows = a.shape[0] }
            positions = Array(nextPosition..<min(nextPosition + rows, columnCount))
            nextPosition += rows
        }
        for (row, position) in positions.enumerated() {
            guard let column = blockRow(values, row: row, length: rowCount) else { return nil }
            columns[position] = column
        }
    }
    var result: [PickleValue] = [], names: [String] = [], categoricals: [PandasCategorical?] = []
    for column in columns {
        guard let column else { return nil }
        result.append(unwrapExtensionArray(column))
        names.append(pandasDTypeName(column))
        categoricals.append(categoricalInfo(column))
    }
    return DataFrame(columns: axes[0], index: axes[1], columnValues: result, columnDTypeNames: names,
                     columnCategoricals: categoricals)
}

private func makeSeries(_ o: PickleObject) -> Series? {
    guard case .dict(let state)? = o.state, let mgr = state[string: "_mgr"] ?? state[string: "_data"],
          let (axes, blocks) = managerContents(mgr), axes.count == 1, blocks.count == 1,
          let length = indexLength(axes[0]), let values = blockRow(blocks[0].0, row: 0, length: length) else { return nil }
    return Series(values: unwrapExtensionArray(values), index: axes[0],
                  name: state[string: "_name"] ?? state[string: "name"] ?? PickleValue.none,
                  dtypeName: pandasDTypeName(values), categorical: categoricalInfo(values))
}
