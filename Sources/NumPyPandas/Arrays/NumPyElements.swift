// Element access for numpy arrays, decoded lazily from the raw buffer (no second copy of the data).
// Elements follow `ndarray.item()` / `tolist()`: ints, floats, bools, complex, bytes, str; datetime64 and
// timedelta64 become dates, datetimes and timedeltas where Python's types can hold them, ints otherwise.
import BigInt
import Pickle

extension NDDType {
    /// numpy's `dtype.name`: `float64`, `int32`, `bool`, `datetime64[ns]`, `str160`, `object`, ...
    public var name: String {
        switch kind {
        case "b": return "bool"
        case "i": return "int\(itemSize * 8)"
        case "u": return "uint\(itemSize * 8)"
        case "f": return "float\(itemSize * 8)"
        case "c": return "complex\(itemSize * 8)"
        case "M": return "datetime64" + unitSuffix
        case "m": return "timedelta64" + unitSuffix
        case "S": return "bytes\(itemSize * 8)"
        case "U": return "str\(itemSize * 8)"
        case "V": return "void\(itemSize * 8)"
        default: return "object"
        }
    }

    /// numpy's `dtype.str`: `<f8`, `|b1`, `<M8[ns]`, `|S3`, `<U5`, `|O`.
    public var str: String {
        switch kind {
        case "O": return "|O"
        case "U": return "\(byteOrder)U\(itemSize / 4)"
        case "M", "m": return "\(byteOrder)\(kind)8" + unitSuffix
        default: return "\(byteOrder)\(kind)\(itemSize)"
        }
    }

    var unitSuffix: String {
        guard let unit, unit != "generic" else { return "" }
        return unitCount == 1 ? "[\(unit)]" : "[\(unitCount)\(unit)]"
    }
}

extension NDArray {
    /// The memory position of the element at C-order flat index `flat`.
    func memoryIndex(ofFlat flat: Int) -> Int {
        guard isFortranOrder, shape.count > 1 else { return flat }
        var remaining = flat
        var index = Array(repeating: 0, count: shape.count)
        for axis in stride(from: shape.count - 1, through: 0, by: -1) where shape[axis] > 0 {
            index[axis] = remaining % shape[axis]
            remaining /= shape[axis]
        }
        var memory = 0, stride = 1
        for axis in 0..<shape.count {
            memory += index[axis] * stride
            stride *= shape[axis]
        }
        return memory
    }

    /// The element at a C-order flat index, as `ndarray.flat[i].item()` would give it.
    public func element(at flatIndex: Int) -> PickleValue? {
        guard flatIndex >= 0, flatIndex < count else { return nil }
        let memory = memoryIndex(ofFlat: flatIndex)
        switch storage {
        case .objects(let items): return memory < items.count ? items[memory] : nil
        case .raw(let bytes): return decodeElement(dtype, bytes, memory)
        }
    }

    /// The element at a multi-dimensional index (negative indices count from the end, like Python).
    public func element(at indices: [Int]) -> PickleValue? {
        guard indices.count == shape.count else { return nil }
        var flat = 0
        for (axis, raw) in indices.enumerated() {
            let i = raw < 0 ? raw + shape[axis] : raw
            guard i >= 0, i < shape[axis] else { return nil }
            flat = flat * shape[axis] + i
        }
        return element(at: flat)
    }

    /// Numeric elements as doubles in C order (nil for non-numeric dtypes). This makes a copy.
    public func doubleValues() -> [Double]? {
        guard "biuf".contains(dtype.kind), case .raw(let bytes) = storage else { return nil }
        var out: [Double] = []
        out.reserveCapacity(count)
        for i in 0..<count { out.append(elementDouble(dtype, bytes, memoryIndex(ofFlat: i)) ?? .nan) }
        return out
    }

    /// Nested lists like `ndarray.tolist()`, or nil when that would create more than `limit` values
    /// (an array of shape (10**18, 0) holds nothing but would need 10**18 empty lists).
    public func toList(limit: Int = 10_000_000) -> PickleValue? {
        if shape.isEmpty { return element(at: 0) ?? PickleValue.none }
        var values = 0, lists = 1
        for n in shape {
            let (product, overflow) = lists.multipliedReportingOverflow(by: n)
            guard !overflow, product <= limit else { return nil }
            lists = product
            values += product
            guard values <= limit else { return nil }
        }
        var flat = 0
        func build(_ axis: Int) -> PickleValue {
            var items: [PickleValue] = []
            items.reserveCapacity(shape[axis])
            for _ in 0..<shape[axis] {
                if axis == shape.count - 1 {
                    items.append(element(at: flat) ?? PickleValue.none)
                    flat += 1
                } else {
                    items.append(build(axis + 1))
                }
            }
            return .list(PickleList(items))
        }
        return build(0)
    }
}

extension NDScalar {
    /// The scalar as `numpy_scalar.item()` gives it.
    public var value: PickleValue {
        if let number { return number }
        switch storage {
        case .objects(let items): return items.first ?? PickleValue.none
        case .raw(let bytes): return decodeElement(dtype, bytes, 0) ?? PickleValue.none
        }
    }
}

/// Unsigned integer of `width` bytes at `offset`, honouring the byte order.
func loadUnsigned(_ bytes: PickleBytes, offset: Int, width: Int, littleEndian: Bool) -> UInt64 {
    var value: UInt64 = 0
    for k in 0..<width {
        let b = UInt64(bytes[offset + (littleEndian ? k : width - 1 - k)])
        value |= b << (8 * UInt64(k))
    }
    return value
}

func loadSigned(_ bytes: PickleBytes, offset: Int, width: Int, littleEndian: Bool) -> Int64 {
    let raw = loadUnsigned(bytes, offset: offset, width: width, littleEndian: littleEndian)
    let shift = UInt64(64 - 8 * width)
    return Int64(bitPattern: raw << shift) >> Int64(shift)
}

func loadFloat(_ bytes: PickleBytes, offset: Int, width: Int, littleEndian: Bool) -> Double {
    switch width {
    case 2: return Double(Float16(bitPattern: UInt16(loadUnsigned(bytes, offset: offset, width: 2, littleEndian: littleEndian))))
    case 4: return Double(Float(bitPattern: UInt32(loadUnsigned(bytes, offset: offset, width: 4, littleEndian: littleEndian))))
    case 8: return Double(bitPattern: loadUnsigned(bytes, offset: offset, width: 8, littleEndian: littleEndian))
    case 10, 12, 16:
        // x87 80-bit extended precision in the low 10 bytes (numpy longdouble on x86-64).
        guard littleEndian else { return .nan }
        let mantissa = loadUnsigned(bytes, offset: offset, width: 8, littleEndian: true)
        let high = loadUnsigned(bytes, offset: offset + 8, width: 2, littleEndian: true)
        let negative = high & 0x8000 != 0
        let exponent = Int(high & 0x7FFF)
        var value: Double
        if exponent == 0x7FFF {
            value = mantissa << 1 == 0 ? .infinity : .nan
        } else {
            value = Double(sign: .plus, exponent: exponent - 16383 - 63, significand: Double(mantissa))
        }
        return negative ? -value : value
    default: return .nan
    }
}

func elementDouble(_ dtype: NDDType, _ bytes: PickleBytes, _ index: Int) -> Double? {
    let offset = index * dtype.itemSize, le = dtype.isLittleEndian
    switch dtype.kind {
    case "b": return bytes[offset] != 0 ? 1 : 0
    case "i": return Double(loadSigned(bytes, offset: offset, width: dtype.itemSize, littleEndian: le))
    case "u": return Double(loadUnsigned(bytes, offset: offset, width: dtype.itemSize, littleEndian: le))
    case "f": return loadFloat(bytes, offset: offset, width: dtype.itemSize, littleEndian: le)
    default: return nil
    }
}

/// numpy's NaT: the smallest int64.
let notATime = Int64.min

/// One element from a raw buffer (element index in memory order).
func decodeElement(_ dtype: NDDType, _ bytes: PickleBytes, _ index: Int) -> PickleValue? {
    let size = dtype.itemSize, offset = index * size, le = dtype.isLittleEndian
    guard offset >= 0, offset + size <= bytes.count else { return nil }
    // The numbers first, by the kind's byte (what loops over arrays read, once per element).
    switch dtype.kindCode {
    case UInt8(ascii: "b"): return .bool(bytes[offset] != 0)
    case UInt8(ascii: "i"):
        guard size <= 8 else { return nil }
        return .int(Int(loadSigned(bytes, offset: offset, width: size, littleEndian: le)))
    case UInt8(ascii: "u"):
        guard size <= 8 else { return nil }
        let v = loadUnsigned(bytes, offset: offset, width: size, littleEndian: le)
        if let i = Int(exactly: v) { return .int(i) }
        return .bigInt(BigInt(v))
    case UInt8(ascii: "f"): return .float(loadFloat(bytes, offset: offset, width: size, littleEndian: le))
    default: break
    }
    switch dtype.kind {
    case "c":
        let half = size / 2
        return .complex(real: loadFloat(bytes, offset: offset, width: half, littleEndian: le),
                        imag: loadFloat(bytes, offset: offset + half, width: half, littleEndian: le))
    case "M", "m":
        guard size == 8 else { return nil }
        let raw = loadSigned(bytes, offset: offset, width: 8, littleEndian: le)
        if raw == notATime { return PickleValue.none }
        return dtype.kind == "M" ? datetime64Item(raw, dtype) : timedelta64Item(raw, dtype)
    case "S":
        var end = offset + size
        while end > offset, bytes[end - 1] == 0 { end -= 1 }
        return .bytes(PickleBytes(bytes.storage[(bytes.storage.startIndex + offset)..<(bytes.storage.startIndex + end)]))
    case "U":
        var scalars = String.UnicodeScalarView()
        var chars: [UInt32] = []
        for k in 0..<(size / 4) {
            chars.append(UInt32(loadUnsigned(bytes, offset: offset + 4 * k, width: 4, littleEndian: le)))
        }
        while let last = chars.last, last == 0 { chars.removeLast() }
        for c in chars { scalars.append(Unicode.Scalar(c) ?? "\u{FFFD}") }
        return .string(String(scalars))
    case "V":
        return .bytes(PickleBytes(bytes.storage[(bytes.storage.startIndex + offset)..<(bytes.storage.startIndex + offset + size)]))
    default:
        return nil
    }
}

/// Seconds (or other unit) per unit, for the units that map onto Python's datetime.
private func microsecondsPerUnit(_ unit: String) -> Int64? {
    switch unit {
    case "W": return 7 * 86_400_000_000
    case "D": return 86_400_000_000
    case "h": return 3_600_000_000
    case "m": return 60_000_000
    case "s": return 1_000_000
    case "ms": return 1_000
    case "us": return 1
    default: return nil
    }
}

private func datetime64Item(_ raw: Int64, _ dtype: NDDType) -> PickleValue {
    let unit = dtype.unit ?? "generic"
    let (n, overflow) = raw.multipliedReportingOverflow(by: Int64(dtype.unitCount))
    guard !overflow else { return .int(Int(raw)) }
    switch unit {
    case "Y":
        guard (-1969...8029).contains(n) else { return .int(Int(raw)) }
        return .date(PickleDate(year: Int(1970 + n), month: 1, day: 1))
    case "M":
        let (y, m) = floorDivMod(Int(n), 12)
        let year = 1970 + y
        guard (1...9999).contains(year) else { return .int(Int(raw)) }
        return .date(PickleDate(year: year, month: m + 1, day: 1))
    default:
        guard let perUnit = microsecondsPerUnit(unit) else { return .int(Int(raw)) }
        let (us, o) = n.multipliedReportingOverflow(by: perUnit)
        guard !o else { return .int(Int(raw)) }
        let (days, rem) = floorDivMod(Int(us), 86_400_000_000)
        let date = civilDate(daysSinceEpoch: days)
        guard (1...9999).contains(date.year) else { return .int(Int(raw)) }
        if unit == "D" || unit == "W" { return .date(date) }
        let seconds = rem / 1_000_000
        let time = PickleTime(hour: seconds / 3600, minute: seconds / 60 % 60, second: seconds % 60,
                              microsecond: rem % 1_000_000, fold: 0, tzinfo: nil)
        return .dateTime(PickleDateTime(date: date, time: time))
    }
}

private func timedelta64Item(_ raw: Int64, _ dtype: NDDType) -> PickleValue {
    guard let perUnit = microsecondsPerUnit(dtype.unit ?? "generic") else { return .int(Int(raw)) }
    let (n, o1) = raw.multipliedReportingOverflow(by: Int64(dtype.unitCount))
    let (us, o2) = n.multipliedReportingOverflow(by: perUnit)
    guard !o1, !o2 else { return .int(Int(raw)) }
    let (days, rem) = floorDivMod(Int(us), 86_400_000_000)
    guard abs(days) <= 999_999_999 else { return .int(Int(raw)) }
    return .timeDelta(PickleTimeDelta(days: days, seconds: rem / 1_000_000, microseconds: rem % 1_000_000))
}

/// Proleptic Gregorian date from days since 1970-01-01 (H. Hinnant's algorithm).
func civilDate(daysSinceEpoch: Int) -> PickleDate {
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    return PickleDate(year: year, month: month, day: day)
}

/// Reads the elements of a 1-D bool, integer (up to 8 bytes, uint64 only to Int.max) or float32/64
/// array in native byte order straight from its bytes, as `item()` gives them: what a loop over an
/// array reads once per element, without `decodeElement`'s general dispatch.
struct NumberReader {
    private let bytes: ArraySlice<UInt8>
    private let kind: UInt8
    private let size: Int

    init?(_ array: NDArray) {
        guard array.shape.count == 1, case .raw(let raw) = array.storage, array.dtype.isLittleEndian || array.dtype.itemSize == 1,
              raw.count >= array.count * array.dtype.itemSize else { return nil }
        switch (array.dtype.kindCode, array.dtype.itemSize) {
        case (UInt8(ascii: "b"), 1), (UInt8(ascii: "i"), 1), (UInt8(ascii: "i"), 2), (UInt8(ascii: "i"), 4), (UInt8(ascii: "i"), 8),
             (UInt8(ascii: "u"), 1), (UInt8(ascii: "u"), 2), (UInt8(ascii: "u"), 4), (UInt8(ascii: "f"), 4), (UInt8(ascii: "f"), 8):
            break
        default: return nil
        }
        bytes = raw.storage; kind = array.dtype.kindCode; size = array.dtype.itemSize
    }

    /// Element `i` (the caller keeps `i` below the array's count).
    func value(_ i: Int) -> PickleValue {
        bytes.withUnsafeBytes { p in
            let offset = i * size
            switch (kind, size) {
            case (UInt8(ascii: "f"), 8): return .float(p.loadUnaligned(fromByteOffset: offset, as: Double.self))
            case (UInt8(ascii: "f"), _): return .float(Double(p.loadUnaligned(fromByteOffset: offset, as: Float.self)))
            case (UInt8(ascii: "i"), 8): return .int(Int(p.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
            case (UInt8(ascii: "i"), 4): return .int(Int(p.loadUnaligned(fromByteOffset: offset, as: Int32.self)))
            case (UInt8(ascii: "i"), 2): return .int(Int(p.loadUnaligned(fromByteOffset: offset, as: Int16.self)))
            case (UInt8(ascii: "i"), _): return .int(Int(p.load(fromByteOffset: offset, as: Int8.self)))
            case (UInt8(ascii: "u"), 4): return .int(Int(p.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
            case (UInt8(ascii: "u"), 2): return .int(Int(p.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
            case (UInt8(ascii: "u"), _): return .int(Int(p[offset]))
            default: return .bool(p[offset] != 0)
            }
        }
    }
}
