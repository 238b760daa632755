// numpy's `str()` of arrays and scalars (it differs from repr: `[0. 1.]` against `array([0., 1.])`), and
// the public surface the shell needs to build derived arrays and scalars (indexing, reductions, arithmetic).
import BigInt
import Pickle

/// `str(ndarray)`: `array2string` with separator `' '`, no prefix and the full line width.
func ndarrayStr(_ a: NDArray) -> String {
    if a.shape.isEmpty { return a.scalar(atFlat: 0).map(numpyScalarStr) ?? "" }
    if a.count == 0 { return "[]" }
    let summarize = a.count > summaryThreshold
    let shown = displayedAxisIndices(a.shape, summarize: summarize)
    let formatter = ElementFormatter(a, flatIndices: flatIndices(shape: a.shape, axisIndices: shown))
    return formatArray(a, formatter: formatter, shown: shown, summarize: summarize,
                       lineWidth: 75, nextLinePrefix: " ", separator: " ")
}

/// `str(numpy_scalar)`: the Python value's str (`0.875`, `3`, `True`, `cat`), dates in ISO form.
func numpyScalarStr(_ s: NDScalar) -> String {
    let value = s.value
    switch (s.dtype.kind, value) {
    case ("f", .float(let x)): return scalarFloatText(x, width: s.dtype.itemSize)
    case ("U", .string(let text)): return text
    case ("M", _):
        guard case .raw(let bytes) = s.storage else { return pythonRepr(value) }
        return datetime64Text(loadSigned(bytes, offset: 0, width: 8, littleEndian: s.dtype.isLittleEndian), s.dtype)
    case ("m", _):
        // `59 days`, `10 seconds`: the count (times the unit's multiplier) and the unit's plural name.
        guard case .raw(let bytes) = s.storage else { return pythonRepr(value) }
        let raw = loadSigned(bytes, offset: 0, width: 8, littleEndian: s.dtype.isLittleEndian)
        if raw == notATime { return "NaT" }
        let names = ["Y": "years", "M": "months", "W": "weeks", "D": "days", "h": "hours", "m": "minutes", "s": "seconds",
                     "ms": "milliseconds", "us": "microseconds", "ns": "nanoseconds", "ps": "picoseconds",
                     "fs": "femtoseconds", "as": "attoseconds"]
        let (n, overflow) = raw.multipliedReportingOverflow(by: Int64(s.dtype.unitCount))
        return "\(overflow ? raw : n) \(names[s.dtype.unit ?? ""] ?? "generic time units")"
    default: return pythonRepr(value)
    }
}

extension NDDType {
    /// `repr(dtype)`: `dtype('float64')`.
    public var reprText: String { "dtype(" + dtypeReprArgument(self) + ")" }
    /// `str(dtype)`: `float64`, `<U4`, `datetime64[D]`.
    public var strText: String {
        switch kind {
        case "U", "S", "V": return str.replacingPipe()
        case "O": return "object"
        default: return byteOrder == ">" ? str : name
        }
    }
    // Shared: every arithmetic step of a loop names one of these. An NDDType is immutable (all
    // `let`s, no fields for these), so sharing it across threads is safe.
    nonisolated(unsafe) public static let float64 = NDDType(kind: "f", itemSize: 8, byteOrder: "<")
    nonisolated(unsafe) public static let int64 = NDDType(kind: "i", itemSize: 8, byteOrder: "<")
    nonisolated(unsafe) public static let bool = NDDType(kind: "b", itemSize: 1, byteOrder: "|")
}

extension String {
    fileprivate func replacingPipe() -> String { hasPrefix("|") ? String(dropFirst()) : self }
}

extension NDArray {
    /// `repr(ndarray)`, numpy-exact.
    public var reprText: String { ndarrayRepr(self) }
    /// `str(ndarray)`, numpy-exact.
    public var strText: String { ndarrayStr(self) }

    /// A new C-ordered array of the elements at C-order flat indices `flat`, shaped `shape`.
    public func gathering(_ flat: [Int], shape: [Int]) -> NDArray {
        let gathered: Storage
        switch storage {
        case .objects(let items):
            gathered = .objects(flat.map { i -> PickleValue in
                let m = memoryIndex(ofFlat: i)
                return m >= 0 && m < items.count ? items[m] : PickleValue.none
            })
        case .raw(let bytes):
            let size = dtype.itemSize
            var out: [UInt8] = []
            out.reserveCapacity(flat.count * size)
            for i in flat {
                let offset = memoryIndex(ofFlat: i) * size
                if offset >= 0, offset + size <= bytes.count {
                    let start = bytes.storage.startIndex + offset
                    out.append(contentsOf: bytes.storage[start..<(start + size)])
                } else {
                    out.append(contentsOf: repeatElement(0, count: size))
                }
            }
            gathered = .raw(PickleBytes(out))
        }
        let result = NDArray(dtype: dtype, shape: shape, isFortranOrder: false, storage: gathered)
        result.loadsInNativeOrder = loadsInNativeOrder
        return result
    }

    /// The numpy scalar at a C-order flat index (what `a[i, j]` returns).
    public func scalar(atFlat flat: Int) -> NDScalar? {
        guard flat >= 0, flat < count else { return nil }
        // Numbers are read straight from the array's bytes: no copy of the element's bytes.
        if dtype.holdsNumbers, case .raw(let bytes) = storage, let v = decodeElement(dtype, bytes, memoryIndex(ofFlat: flat)) {
            switch v {
            case .bool, .int, .float: return NDScalar(dtype: dtype, number: v)
            default: break
            }
        }
        let one = gathering([flat], shape: [])
        return NDScalar(dtype: dtype, storage: one.storage)
    }

    public static func float64(_ values: [Double], shape: [Int]) -> NDArray {
        NDArray(dtype: .float64, shape: shape, isFortranOrder: false, storage: .raw(PickleBytes(littleEndianBytes(values.map(\.bitPattern)))))
    }
    public static func int64(_ values: [Int], shape: [Int]) -> NDArray {
        NDArray(dtype: .int64, shape: shape, isFortranOrder: false, storage: .raw(PickleBytes(littleEndianBytes(values.map { UInt64(bitPattern: Int64($0)) }))))
    }
    public static func bool(_ values: [Bool], shape: [Int]) -> NDArray {
        NDArray(dtype: .bool, shape: shape, isFortranOrder: false, storage: .raw(PickleBytes(values.map { $0 ? 1 : 0 })))
    }
    /// An object array (`dtype=object`) of Python values.
    public static func objects(_ values: [PickleValue], shape: [Int]) -> NDArray {
        NDArray(dtype: NDDType(kind: "O", itemSize: 8, byteOrder: "|"), shape: shape, isFortranOrder: false, storage: .objects(values))
    }
}

private func littleEndianBytes(_ words: [UInt64]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(words.count * 8)
    for w in words { for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: w >> (8 * UInt64(k)))) } }
    return out
}

extension NDScalar {
    /// `repr(numpy_scalar)`: `np.float64(0.875)`.
    public var reprText: String { numpyScalarRepr(self) }
    /// `str(numpy_scalar)`: `0.875`.
    public var strText: String { numpyScalarStr(self) }

    public static func float64(_ x: Double) -> NDScalar {
        NDScalar(dtype: .float64, storage: .raw(PickleBytes(littleEndianBytes([x.bitPattern]))))
    }
    public static func int64(_ i: Int) -> NDScalar {
        NDScalar(dtype: .int64, storage: .raw(PickleBytes(littleEndianBytes([UInt64(bitPattern: Int64(i))]))))
    }
    public static func bool(_ b: Bool) -> NDScalar {
        NDScalar(dtype: .bool, storage: .raw(PickleBytes([b ? 1 : 0])))
    }
}

extension NDArray {
    /// An array of `dtype` (kinds b, i, u, f) from integers, wrapping to the element width like numpy casts.
    public static func make(dtype: NDDType, ints: [Int], shape: [Int]) -> NDArray {
        let size = dtype.itemSize
        var out: [UInt8] = []
        out.reserveCapacity(ints.count * size)
        for v in ints {
            if dtype.kind == "f" { appendFloat(Double(v), size: size, to: &out); continue }
            let bits = UInt64(bitPattern: Int64(v))
            for k in 0..<size { out.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(k)))) }
        }
        return NDArray(dtype: dtype.nativeOrder, shape: shape, isFortranOrder: false, storage: .raw(PickleBytes(out)))
    }

    /// An array of a float `dtype` from doubles, rounded to the element width.
    public static func make(dtype: NDDType, doubles: [Double], shape: [Int]) -> NDArray {
        var out: [UInt8] = []
        out.reserveCapacity(doubles.count * dtype.itemSize)
        for v in doubles { appendFloat(v, size: dtype.itemSize, to: &out) }
        return NDArray(dtype: dtype.nativeOrder, shape: shape, isFortranOrder: false, storage: .raw(PickleBytes(out)))
    }
}

private func appendFloat(_ x: Double, size: Int, to out: inout [UInt8]) {
    let bits: UInt64
    switch size {
    case 2: bits = UInt64(Float16(x).bitPattern)
    case 4: bits = UInt64(Float(x).bitPattern)
    default: bits = x.bitPattern
    }
    for k in 0..<min(size, 8) { out.append(UInt8(truncatingIfNeeded: bits >> (8 * UInt64(k)))) }
}

extension NDDType {
    /// The same type in native (little-endian) order, as numpy's results are.
    public var nativeOrder: NDDType {
        // Already native (the usual case, once per arithmetic step of a loop): itself, not a copy.
        if byteOrder == (itemSize == 1 ? "|" : "<"), fieldNames == nil, fields == nil { return self }
        return NDDType(kind: kind, itemSize: itemSize, byteOrder: itemSize == 1 ? "|" : "<", unit: unit, unitCount: unitCount)
    }
}

/// The Python int nearest to a finite double, truncated toward zero (`int(1e20)`).
public func integerValue(truncating x: Double) -> PickleValue {
    let t = x.rounded(.towardZero)
    if let i = Int(exactly: t) { return .int(i) }
    return .bigInt(BigInt(t))
}

extension NDArray {
    /// Scalars of one dtype laid side by side as an array of `shape` (nil when their dtypes differ).
    public static func stacking(_ scalars: [NDScalar], shape: [Int]) -> NDArray? {
        guard let dtype = scalars.first?.dtype else { return nil }
        var bytes: [UInt8] = []
        var objects: [PickleValue] = []
        for s in scalars {
            guard s.dtype.str == dtype.str else { return nil }
            switch s.storage {
            case .raw(let b): bytes.append(contentsOf: b.storage.prefix(dtype.itemSize))
            case .objects(let items): objects.append(items.first ?? PickleValue.none)
            }
        }
        let storage: Storage = dtype.kind == "O" ? .objects(objects) : .raw(PickleBytes(bytes))
        return NDArray(dtype: dtype, shape: shape, isFortranOrder: false, storage: storage)
    }
}

extension NDArray {
    /// The raw int64 count of a datetime64/timedelta64 element (nil for NaT or other dtypes), for ordering.
    public func timeCount(atFlat flat: Int) -> Int64? {
        guard "Mm".contains(dtype.kind), dtype.itemSize == 8, flat >= 0, flat < count, case .raw(let bytes) = storage else { return nil }
        let offset = memoryIndex(ofFlat: flat) * 8
        guard offset + 8 <= bytes.count else { return nil }
        let raw = loadSigned(bytes, offset: offset, width: 8, littleEndian: dtype.isLittleEndian)
        return raw == notATime ? nil : raw
    }
}
