// numpy pickles: dtypes, `_reconstruct` arrays, `_frombuffer` arrays (protocol 5) and scalars.
// Sizes are checked against the data actually present before anything is built: an array whose
// shape and data disagree is an error (numpy: "buffer size does not match array size"), never an
// opaque object that looks like a value.
import Pickle

/// An array pickle whose recorded shape cannot hold, or does not match, its data.
struct NumPyDataError: Error {
    let message: String
}

func reconstructNumPy(module: String, name: String, _ o: PickleObject) throws(NumPyDataError) -> PickleValue? {
    switch (module, name) {
    case ("numpy", "dtype"):
        return makeDType(o).map { .dtype($0) }
    case ("numpy.core.multiarray", "_reconstruct"), ("numpy._core.multiarray", "_reconstruct"):
        return try reconstructArray(o).map { .ndarray($0) }
    case ("numpy.core.numeric", "_frombuffer"), ("numpy._core.numeric", "_frombuffer"):
        return try arrayFromBuffer(o).map { .ndarray($0) }
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

/// A non-negative shape whose element count times `itemSize` does not overflow; nil when the
/// value is not a shape at all (then the object is not an array numpy wrote).
private func validShape(_ value: PickleValue, itemSize: Int) throws(NumPyDataError) -> (shape: [Int], count: Int, bytes: Int)? {
    let items: [PickleValue]
    if case .int(let n) = value { items = [.int(n)] } else if let seq = sequenceItems(value) { items = seq } else {
        return nil
    }
    guard items.count <= 64 else { throw NumPyDataError(message: "an array of \(items.count) dimensions (numpy allows 64)") }
    var shape: [Int] = []
    var count = 1
    for item in items {
        guard case .int(let n) = item else { return nil }
        guard n >= 0 else { throw NumPyDataError(message: "an array shape with a negative dimension (\(n))") }
        let (product, overflow) = count.multipliedReportingOverflow(by: n)
        guard !overflow else { throw NumPyDataError(message: "an array shape too large to exist") }
        count = product
        shape.append(n)
    }
    let (bytes, overflow) = count.multipliedReportingOverflow(by: itemSize)
    guard !overflow else { throw NumPyDataError(message: "an array shape too large to exist") }
    return (shape, count, bytes)
}

private func sizeMismatch(_ shape: [Int], _ dtype: NDDType, needs: Int, has: Int, unit: String) -> NumPyDataError {
    let dims = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    return NumPyDataError(message: "buffer size does not match array size: shape \(dims) of \(dtype.itemSize)-byte items "
        + "needs \(needs) \(unit), the pickle holds \(has)")
}

/// `_reconstruct(ndarray, (0,), b'b')` + BUILD `(version, shape, dtype, is_fortran, rawdata)`.
private func reconstructArray(_ o: PickleObject) throws(NumPyDataError) -> NDArray? {
    guard let cls = o.args.first, case .global(let m, "ndarray") = cls, m == "numpy" || m.hasPrefix("numpy."),
          case .tuple(let stateTuple)? = o.state else { return nil }
    var s = stateTuple.items
    if s.count == 5 { s.removeFirst() }  // version 1; older pickles have no version
    guard s.count == 4, let dtype = s[1].dtype else { return nil }
    let fortran: Bool
    switch s[2] {
    case .bool(let b): fortran = b
    case .int(let i): fortran = i != 0
    default: return nil
    }
    guard let (shape, count, byteCount) = try validShape(s[0], itemSize: dtype.itemSize) else { return nil }
    if dtype.kind == "O" {
        guard let items = sequenceItems(s[3]) else { return nil }
        guard items.count == count else { throw sizeMismatch(shape, dtype, needs: count, has: items.count, unit: "objects") }
        return NDArray(dtype: dtype, shape: shape, isFortranOrder: fortran, storage: .objects(items))
    }
    guard let raw = payloadBytes(s[3]) else { return nil }
    guard raw.count == byteCount else { throw sizeMismatch(shape, dtype, needs: byteCount, has: raw.count, unit: "bytes") }
    let array = NDArray(dtype: dtype, shape: shape, isFortranOrder: fortran, storage: .raw(raw))
    array.loadsInNativeOrder = true
    return array
}

/// Protocol 5: `_frombuffer(buffer, dtype, shape, order)`.
private func arrayFromBuffer(_ o: PickleObject) throws(NumPyDataError) -> NDArray? {
    guard o.args.count == 4, let raw = payloadBytes(o.args[0]), let dtype = o.args[1].dtype,
          dtype.kind != "O", case .string(let order) = o.args[3],
          let (shape, _, byteCount) = try validShape(o.args[2], itemSize: dtype.itemSize) else { return nil }
    guard raw.count == byteCount else { throw sizeMismatch(shape, dtype, needs: byteCount, has: raw.count, unit: "bytes") }
    return NDArray(dtype: dtype, shape: shape, isFortranOrder: order == "F", storage: .raw(raw))
}

/// `scalar(dtype, bytes)`, or `scalar(dtype, obj)` for object dtype.
private func makeScalar(_ o: PickleObject) -> NDScalar? {
    guard o.args.count == 2, let dtype = o.args[0].dtype else { return nil }
    if dtype.kind == "O" { return NDScalar(dtype: dtype, storage: .objects([o.args[1]])) }
    guard let raw = payloadBytes(o.args[1]), raw.count == dtype.itemSize else { return nil }
    return NDScalar(dtype: dtype, storage: .raw(raw))
}
