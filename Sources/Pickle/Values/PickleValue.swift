// The inert value model produced by the decoder: Python-like values that never run code.
//
// Containers are reference types because the pickle memo shares objects: a list is memoized empty
// and filled later by APPENDS, and `[x, x]` holds one list twice. Sharing and cycles survive decoding.
import BigInt

/// One decoded Python value. Case names are stable API: the shell maps each case to a language value.
public enum PickleValue {
    // MARK: builtins
    case none
    case bool(Bool)
    case int(Int)
    /// An int that does not fit in `Int` (LONG, LONG1, LONG4 with large magnitude).
    indirect case bigInt(BigInt)
    case float(Double)
    case complex(real: Double, imag: Double)
    case string(String)
    /// Immutable bytes; a zero-based view that may share storage with the input (no copy of big payloads).
    case bytes(PickleBytes)
    case bytearray(PickleByteArray)
    case tuple(PickleTuple)
    case list(PickleList)
    case dict(PickleDict)
    case set(PickleSet)
    case frozenset(PickleSet)
    /// `slice(start, stop, step)`.
    indirect case slice(start: PickleValue, stop: PickleValue, step: PickleValue)
    /// `range(start, stop, step)`; never materialised.
    indirect case range(start: PickleValue, stop: PickleValue, step: PickleValue)

    // MARK: references that were never called
    /// A global reference (GLOBAL / STACK_GLOBAL / INST class) that was not called, e.g. a class or function.
    case global(module: String, name: String)
    /// EXT1/EXT2/EXT4: a code from the copyreg extension registry (unresolved).
    case extensionCode(Int)

    // MARK: any other object
    /// An instance of a class this module does not interpret: everything the pickle said is kept.
    case object(PickleObject)

    // MARK: interpreted standard-library types
    indirect case dateTime(PickleDateTime)
    case date(PickleDate)
    indirect case time(PickleTime)
    case timeDelta(PickleTimeDelta)
    indirect case timeZone(PickleTimeZone)
    /// `decimal.Decimal`, kept as its exact string form (`'1.10'`, `'NaN'`, `'-Infinity'`).
    case decimal(String)
    case uuid(PickleUUID)
    /// `pathlib` paths: class name (`PosixPath`, `PurePosixPath`, `WindowsPath`, ...) and the joined path.
    indirect case path(className: String, path: String)
    case orderedDict(PickleDict)
    indirect case defaultDict(factory: PickleValue, items: PickleDict)
    case counter(PickleDict)
    indirect case deque(PickleList, maxlen: Int?)
    /// An object rebuilt by a `ClassReconstructor` the caller gave the decoder (numpy arrays, pandas
    /// frames): the decoder stores and prints it, and knows nothing else of it.
    case reconstructed(any ReconstructedValue)
}

/// A mutable byte buffer (`bytearray`); a class because Python shares it by reference.
public final class PickleByteArray {
    public var bytes: PickleBytes
    public init(_ bytes: PickleBytes) { self.bytes = bytes }
}

/// A tuple. A class only so that shared tuples are visited once (a DAG of tuples can be exponentially
/// large when walked as a tree); Python tuples are immutable and so is this once decoded.
public final class PickleTuple {
    public internal(set) var items: [PickleValue]
    public init(_ items: [PickleValue]) { self.items = items }
    public var count: Int { items.count }
}

public final class PickleList {
    public var items: [PickleValue]
    public init(_ items: [PickleValue] = []) { self.items = items }
    public var count: Int { items.count }
}

/// How an object was constructed in the pickle stream.
public enum PickleConstruction: Sendable, Equatable {
    /// REDUCE: `callable(*args)`.
    case reduce
    /// NEWOBJ / NEWOBJ_EX: `cls.__new__(cls, *args, **kwargs)`.
    case newObject
    /// INST / OBJ (protocol 0/1): `cls(*args)` for old-style classes.
    case instantiate
    /// `copyreg._reconstructor(cls, base, state)`: `base.__new__(cls, state)` (protocol 0/1 default).
    case reconstructor
}

/// An instance of a class that is not interpreted: the class, how it was made, and what was put in it.
public final class PickleObject {
    /// What was called: almost always `.global(module, name)`; any value for exotic REDUCE targets.
    public var callable: PickleValue
    public var construction: PickleConstruction
    /// Positional constructor arguments (REDUCE args, NEWOBJ args, INST/OBJ args).
    public var args: [PickleValue]
    /// Keyword constructor arguments (NEWOBJ_EX), in order.
    public var kwargs: PickleDict?
    /// BUILD state: usually a dict (`__dict__`), a `(dict, slots)` tuple, or anything `__setstate__` takes.
    public var state: PickleValue?
    /// Further BUILD states when BUILD ran more than once with a different kind of state (pandas 2
    /// extension arrays: a `(dtype, ndarray)` tuple, then a dict of attributes).
    public var additionalStates: [PickleValue] = []
    /// Items added by APPEND/APPENDS (list subclasses).
    public var listItems: [PickleValue] = []
    /// Items added by SETITEM/SETITEMS (dict subclasses such as OrderedDict or defaultdict subclasses).
    public var dictItems: PickleDict?

    public init(callable: PickleValue, construction: PickleConstruction, args: [PickleValue],
                kwargs: PickleDict? = nil) {
        self.callable = callable
        self.construction = construction
        self.args = args
        self.kwargs = kwargs
    }

    /// The module of the class (`""` when the callable is not a global).
    public var module: String {
        if case .global(let module, _) = callable { return module }
        return ""
    }

    /// The qualified name of the class (`"<callable>"` when the callable is not a global).
    public var qualifiedName: String {
        if case .global(_, let name) = callable { return name }
        return "<callable>"
    }
}
