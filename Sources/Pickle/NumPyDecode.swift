// numpy pickles: dtypes, `_reconstruct` arrays, `_frombuffer` arrays (protocol 5) and scalars.
// Sizes are checked against the data actually present before anything is built.

func interpretNumPy(module: String, name: String, _ o: PickleObject) -> PickleValue? {
    switch (module, name) {
    case ("numpy", "dtype"):
        return makeDType(o).map { .dtype($0) }
    case ("numpy.core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "_reconstruct"):
        return reconstructArray(o).map { .ndarray($0) }
    case ("numpy.core.numeric", "_frombuffer"), ("numpy._core.numeric", "_frombuffer"):
        return arrayFromBuffer(o).map { .ndarray($0) }
    case ("numpy.core.multiarray", "scalar"), ("numpy._core.multiarray", "scalar"):
        return makeScalar(o).map { .numpyScalar($0) }
    default:
        return nil
    }
}

/// `numpy.dtype(typestr, align, copy)` + BUILD state `(version, byteorder, subarray, names, fields,
/// elsize, alignment, flags[, metadata])`.
private func makeDType(_ o: PickleObject) -> NDDType? {
    guard let first = o.args.first, case .string(let typestr) = first, let kind = typestr.first,
          "biufcMmSUVO?".contains(kind) else { return nil }
    var size = Int(typestr.dropFirst()) ?? 0
    var byteOrder: Character = "|"
    var unit: String?
    var unitCount = 1
    var names: [String]?
    var fields: PickleValue?
    if case .tuple(let stateTuple)? = o.state {
        let s = stateTuple.items
        if s.count >= 6, case .string(let order) = s[1], let c = order.first {
            byteOrder = c == "=" ? "<" : c
        }
        let elsizeIndex = s.count >= 8 ? 5 : s.count - 2
        if s.count >= 6, case .int(let elsize) = s[elsizeIndex], elsize > 0 { size = elsize }
        if s.count >= 8, let nameItems = sequenceItems(s[3]) {
            var list: [String] = []
            for item in nameItems { if case .string(let n) = item { list.append(n) } }
            names = list
            fields = s[4]
        }
        if s.count >= 9, let meta = sequenceItems(s[8]), meta.count == 2, let unitInfo = sequenceItems(meta[1]),
           unitInfo.count >= 2 {
            switch unitInfo[0] {
            case .bytes(let b): unit = String(decoding: b.storage, as: UTF8.self)
            case .string(let str): unit = str
            default: break
            }
            if case .int(let n) = unitInfo[1] { unitCount = n }
        }
    }
    let normalizedKind: Character = kind == "?" ? "b" : kind
    if normalizedKind == "b" && size == 0 { size = 1 }
    if normalizedKind == "O" { size = 8; byteOrder = "|" }
    guard size > 0, size <= 1 << 30 else { return nil }
    if ["b", "S", "V", "O"].contains(normalizedKind) || size == 1 { byteOrder = "|" }
    else if byteOrder == "|" { byteOrder = "<" }
    return NDDType(kind: normalizedKind, itemSize: size, byteOrder: byteOrder,
                   unit: "Mm".contains(normalizedKind) ? (unit ?? "generic") : nil, unitCount: unitCount,
                   fieldNames: names, fields: fields)
}

/// Bytes of a payload (`bytes`, `bytearray`, or a Python 2 latin-1 `str`).
private func payloadBytes(_ value: PickleValue) -> PickleBytes? {
    switch value {
    case .bytes(let b): return b
    case .bytearray(let b): return b.bytes
    case .string(let s):
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            guard scalar.value < 256 else { return nil }
            out.append(UInt8(scalar.value))
        }
        return PickleBytes(out)
    default: return nil
    }
}

/// A non-negative shape whose element count times `itemSize` does not overflow.
private func validShape(_ value: PickleValue, itemSize: Int) -> (shape: [Int], count: Int, bytes: Int)? {
    let items: [PickleValue]
    if case .int(let n) = value { items = [.int(n)] } else if let seq = sequenceItems(value) { items = seq } else {
        return nil
    }
    guard items.count <= 64 else { return nil }
    var shape: [Int] = []
    var count = 1
    for item in items {
        guard case .int(let n) = item, n >= 0 else { return nil }
        let (product, overflow) = count.multipliedReportingOverflow(by: n)
        guard !overflow else { return nil }
        count = product
        shape.append(n)
    }
    let (bytes, overflow) = count.multipliedReportingOverflow(by: itemSize)
    guard !overflow else { return nil }
    return (shape, count, bytes)
}

/// `_reconstruct(ndarray, (0,), b'b')` + BUILD `(version, shape, dtype, is_fortran, rawdata)`.
private func reconstructArray(_ o: PickleObject) -> NDArray? {
    guard let cls = o.args.first, case .global(let m, "ndarray") = cls, m == "numpy" || m.hasPrefix("numpy."),
          case .tuple(let stateTuple)? = o.state else { return nil }
    var s = stateTuple.items
    if s.count == 5 { s.removeFirst() }  // version 1; older pickles have no version
    guard s.count == 4, case .dtype(let dtype) = s[1] else { return nil }
    let fortran: Bool
    switch s[2] {
    case .bool(let b): fortran = b
    case .int(let i): fortran = i != 0
    default: return nil
    }
    guard let (shape, count, byteCount) = validShape(s[0], itemSize: dtype.itemSize) else { return nil }
    if dtype.kind == "O" {
        guard let items = sequenceItems(s[3]), items.count == count else { return nil }
        return NDArray(dtype: dtype, shape: shape, isFortranOrder: fortran, storage: .objects(items))
    }
    guard let raw = payloadBytes(s[3]), raw.count == byteCount else { return nil }
    let array = NDArray(dtype: dtype, shape: shape, isFortranOrder: fortran, storage: .raw(raw))
    array.loadsInNativeOrder = true
    return array
}

/// Protocol 5: `_frombuffer(buffer, dtype, shape, order)`.
private func arrayFromBuffer(_ o: PickleObject) -> NDArray? {
    guard o.args.count == 4, let raw = payloadBytes(o.args[0]), case .dtype(let dtype) = o.args[1],
          dtype.kind != "O", case .string(let order) = o.args[3],
          let (shape, _, byteCount) = validShape(o.args[2], itemSize: dtype.itemSize),
          raw.count == byteCount else { return nil }
    return NDArray(dtype: dtype, shape: shape, isFortranOrder: order == "F", storage: .raw(raw))
}

/// `scalar(dtype, bytes)`, or `scalar(dtype, obj)` for object dtype.
private func makeScalar(_ o: PickleObject) -> NDScalar? {
    guard o.args.count == 2, case .dtype(let dtype) = o.args[0] else { return nil }
    if dtype.kind == "O" { return NDScalar(dtype: dtype, storage: .objects([o.args[1]])) }
    guard let raw = payloadBytes(o.args[1]), raw.count == dtype.itemSize else { return nil }
    return NDScalar(dtype: dtype, storage: .raw(raw))
}
