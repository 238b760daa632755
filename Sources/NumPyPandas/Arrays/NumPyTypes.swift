// numpy values: dtypes, arrays and scalars, decoded from `numpy.dtype` / `_reconstruct` / `scalar` pickles.
import Pickle

/// A numpy dtype (`numpy.dtype(...)` + BUILD state).
public final class NDDType {
    /// numpy's kind character: `b` bool, `i` signed, `u` unsigned, `f` float, `c` complex,
    /// `M` datetime64, `m` timedelta64, `S` bytes, `U` str, `V` void/structured, `O` object.
    public let kind: Character
    /// Bytes per element (for `U`, 4 per character).
    public let itemSize: Int
    /// `<` little, `>` big, `|` not applicable.
    public let byteOrder: Character
    /// datetime64/timedelta64 unit (`ns`, `s`, `D`, ...) and its multiplier; nil for other kinds.
    public let unit: String?
    public let unitCount: Int
    /// Field names of a structured dtype, in order.
    public let fieldNames: [String]?
    /// The raw `fields` dict of a structured dtype, as pickled.
    public let fields: PickleValue?

    /// `kind` and `byteOrder` as ASCII codes (0 for anything else): Characters compare as strings,
    /// which showed in loops that read an element per step.
    let kindCode: UInt8
    let isBigEndian: Bool

    public init(kind: Character, itemSize: Int, byteOrder: Character, unit: String? = nil, unitCount: Int = 1,
                fieldNames: [String]? = nil, fields: PickleValue? = nil) {
        self.kind = kind; self.itemSize = itemSize; self.byteOrder = byteOrder
        self.unit = unit; self.unitCount = unitCount; self.fieldNames = fieldNames; self.fields = fields
        kindCode = kind.asciiValue ?? 0
        isBigEndian = byteOrder == ">"
    }

    public var isLittleEndian: Bool { !isBigEndian }
}

/// A numpy ndarray: dtype, shape, memory order and the element data (raw bytes, or values for object arrays).
public final class NDArray {
    public enum Storage {
        /// The array's bytes as numpy laid them out (C or Fortran order), shared with the input.
        case raw(PickleBytes)
        /// Elements of an object array, in memory order.
        case objects([PickleValue])
    }

    public let dtype: NDDType
    public let shape: [Int]
    public let isFortranOrder: Bool
    public internal(set) var storage: Storage
    /// numpy's `_reconstruct` path byte-swaps non-native data into native order on load (so its repr
    /// shows `int32`, not `'>i4'`); `_frombuffer` (protocol 5) keeps the pickled order.
    var loadsInNativeOrder = false

    init(dtype: NDDType, shape: [Int], isFortranOrder: Bool, storage: Storage) {
        self.dtype = dtype; self.shape = shape; self.isFortranOrder = isFortranOrder; self.storage = storage
    }

    /// Number of elements (product of the shape).
    public var count: Int { shape.reduce(1, *) }
}

/// A numpy scalar (`numpy.float64(1.5)` ...): its dtype and the element.
public final class NDScalar {
    public let dtype: NDDType
    /// The element of a bool, integer or float scalar as `item()` gives it, decoded once: loops over
    /// arrays hand out and compute with these scalars, so they must not decode bytes at every use.
    /// nil for the other kinds (and for uint64 values beyond Int).
    let number: PickleValue?
    private var bytes: NDArray.Storage?

    init(dtype: NDDType, storage: NDArray.Storage) {
        self.dtype = dtype
        self.bytes = storage
        if case .raw(let raw) = storage, dtype.holdsNumbers, let v = decodeElement(dtype, raw, 0), v.isPlainNumber {
            number = v
        } else {
            number = nil
        }
    }

    /// A bool, integer or float scalar from its value, already in the dtype's range and precision;
    /// its bytes are made only if something asks for them.
    init(dtype: NDDType, number: PickleValue) {
        self.dtype = dtype
        self.number = number
    }

    /// The element's bytes as numpy lays them out (or the object of an object scalar).
    public var storage: NDArray.Storage {
        if let bytes { return bytes }
        let made: NDArray.Storage
        switch number {
        case .float(let x)?: made = NDArray.make(dtype: dtype, doubles: [x], shape: []).storage
        case .int(let i)?: made = NDArray.make(dtype: dtype, ints: [i], shape: []).storage
        case .bool(let b)?: made = NDArray.make(dtype: dtype, ints: [b ? 1 : 0], shape: []).storage
        default: made = .objects([number ?? .none])
        }
        // `make` writes little-endian bytes; a big-endian dtype (`>f8`) reads them reversed.
        if case .raw(let raw) = made, !dtype.isLittleEndian { bytes = .raw(PickleBytes(raw.reversed())); return bytes ?? made }
        bytes = made
        return made
    }
}

extension NDDType {
    /// Bools, integers of up to 64 bits and floats of up to 64 bits: the kinds whose scalars hold
    /// their value as a number (`NDScalar.number`).
    var holdsNumbers: Bool {
        switch kindCode {
        case UInt8(ascii: "b"): return true
        case UInt8(ascii: "i"), UInt8(ascii: "u"), UInt8(ascii: "f"): return itemSize <= 8
        default: return false
        }
    }
}

extension PickleValue {
    var isPlainNumber: Bool {
        switch self {
        case .bool, .int, .float: return true
        default: return false
        }
    }
}
