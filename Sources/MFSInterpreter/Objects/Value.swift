// The value model of the mfs language: every Python object the interpreter can hold.
import BigInt

/// A Python value. Containers with Python reference semantics (list, dict, set) are classes,
/// so copying a `Value` shares the object exactly like Python does.
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    /// Integers outside the `Int` range; always normalised so values that fit are `.int`.
    case bigint(PyBigInt)
    case float(Double)
    case str(String)
    case bytes([UInt8])
    case list(PyList)
    case tuple([Value])
    case dict(PyDict)
    case set(PySet)
    case frozenset(PySet)
    case range(PyRange)
    case slice(PySlice)
    case function(PyFunction)
    case builtin(PyBuiltin)
    case boundMethod(PyBoundMethod)
    case type(PyClass)
    case instance(PyInstance)
    case module(PyModule)
    case datetime(PyDateTime)
    case date(PyDate)
    case timedelta(PyTimedelta)
    case iterator(PyIterator)
    case dictView(PyDictView)
    case host(any HostObject)
}

/// Boxed arbitrary-precision integer (keeps `Value` small).
public final class PyBigInt {
    public let value: BigInt
    public init(_ value: BigInt) { self.value = value }
}

extension Value {
    /// An integer value, normalised to `.int` when it fits.
    public static func integer(_ b: BigInt) -> Value {
        if let i = Int(exactly: b) { return .int(i) }
        return .bigint(PyBigInt(b))
    }
    public static func newList(_ items: [Value]) -> Value { .list(PyList(items)) }
    public static func newSet(_ items: [Value]) throws -> Value { .set(try PySet(items)) }
    public static func newFrozenSet(_ items: [Value]) throws -> Value { .frozenset(try PySet(items)) }
    /// Builds a dict from ordered pairs; later duplicates overwrite earlier ones, like `dict(pairs)`.
    public static func newDict(_ pairs: [(Value, Value)]) throws -> Value {
        let d = PyDict()
        for (k, v) in pairs { try d.set(k, v) }
        return .dict(d)
    }
    public static func newBuiltin(_ name: String, _ body: @escaping ([Value], [(String, Value)]) throws -> Value) -> Value {
        .builtin(PyBuiltin(name: name, body))
    }

    public var isNone: Bool { if case .none = self { return true }; return false }

    /// The Python type name, as shown in error messages and `type(x).__name__`.
    public var typeName: String {
        switch self {
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int, .bigint: return "int"
        case .float: return "float"
        case .str: return "str"
        case .bytes: return "bytes"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .set: return "set"
        case .frozenset: return "frozenset"
        case .range: return "range"
        case .slice: return "slice"
        case .function: return "function"
        case .builtin(let b): return b.boundSelf == nil ? "builtin_function_or_method" : "builtin_function_or_method"
        case .boundMethod: return "method"
        case .type: return "type"
        case .instance(let i): return i.cls.name
        case .module: return "module"
        case .datetime: return "datetime"
        case .date: return "date"
        case .timedelta: return "timedelta"
        case .iterator(let it): return it.typeName
        case .dictView(let v): return v.typeName
        case .host(let h): return h.typeName
        }
    }
}

/// A Python list: a shared, mutable sequence.
public final class PyList {
    public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items }
}

/// `range(start, stop, step)`.
public final class PyRange {
    public let start: Int, stop: Int, step: Int
    public init(_ start: Int, _ stop: Int, _ step: Int) { self.start = start; self.stop = stop; self.step = step }
    public var count: Int {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }
    public func at(_ i: Int) -> Int { start + i * step }
}

/// `slice(start, stop, step)`.
public final class PySlice {
    public let start: Value, stop: Value, step: Value
    public init(_ start: Value, _ stop: Value, _ step: Value) { self.start = start; self.stop = stop; self.step = step }
}

/// A callable implemented in Swift. Host code creates these from closures.
public final class PyBuiltin {
    public let name: String
    public let body: ([Value], [(String, Value)]) throws -> Value
    /// For methods of built-in objects: the receiver (shown in repr).
    public let boundSelf: Value?
    public var doc: String?
    /// What help() prints for it, when its host knows better than "built-in function" (pydoc's
    /// text for a method of a client object).
    public var helpText: String?
    public init(name: String, boundSelf: Value? = nil, doc: String? = nil, _ body: @escaping ([Value], [(String, Value)]) throws -> Value) {
        self.name = name; self.body = body; self.boundSelf = boundSelf; self.doc = doc
    }
}

/// A method bound to its receiver (`obj.method`).
public final class PyBoundMethod {
    public let receiver: Value
    public let function: Value
    init(receiver: Value, function: Value) { self.receiver = receiver; self.function = function }
}

/// A module object: `sys`, `math`, or one the host registered.
public final class PyModule {
    public let name: String
    public var members: [String: Value]
    public var order: [String]
    public init(name: String, members: [(String, Value)]) {
        self.name = name
        var m: [String: Value] = [:]
        var o: [String] = []
        for (k, v) in members { if m[k] == nil { o.append(k) }; m[k] = v }
        self.members = m; self.order = o
    }
    func set(_ k: String, _ v: Value) { if members[k] == nil { order.append(k) }; members[k] = v }
}

/// An iterator object (results of iter(), map(), zip(), generator expressions, ...).
/// Open so that a host can hand out the elements of its own storage without a closure per loop.
open class PyIterator {
    public init() {}
    open var typeName: String { "iterator" }
    /// The next value, or nil when exhausted.
    open func next() throws -> Value? { nil }
}

/// An iterator driven by a closure.
public final class ClosureIterator: PyIterator {
    let name: String
    let step: () throws -> Value?
    public init(_ name: String, _ step: @escaping () throws -> Value?) { self.name = name; self.step = step }
    public override var typeName: String { name }
    public override func next() throws -> Value? { try step() }
}

/// `dict.keys()`, `dict.values()`, `dict.items()`.
public final class PyDictView {
    public enum Kind { case keys, values, items }
    public let dict: PyDict
    public let kind: Kind
    init(_ dict: PyDict, _ kind: Kind) { self.dict = dict; self.kind = kind }
    var typeName: String {
        switch kind { case .keys: return "dict_keys"; case .values: return "dict_values"; case .items: return "dict_items" }
    }
}
