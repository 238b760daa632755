// The seam through which a host program exposes its own objects to mfs scripts.

/// An object provided by the host. Every requirement has a default that behaves like a plain
/// Python object without the corresponding special method (raising the same TypeError/AttributeError).
public protocol HostObject: AnyObject {
    /// Class name shown in errors, repr and `type(x).__name__`.
    var typeName: String { get }
    /// An attribute or bound method (build methods with `Value.newBuiltin`); nil → AttributeError.
    ///
    /// The interpreter also asks here for the special methods Python calls implicitly; return a
    /// callable (already bound to the object, so it receives only the remaining arguments) to opt in:
    /// - `__format__(spec: str) -> str` for `format(x, spec)`, `f"{x:spec}"` and `str.format`;
    /// - `__index__() -> int` wherever Python needs an index: `seq[x]`, slice bounds, `range(x)`, `hex/bin/oct(x)`;
    /// - `__abs__()` for `abs(x)`;
    /// - `__lt__`, `__le__`, `__gt__`, `__ge__`, `__eq__`, `__ne__` `(other)`: rich comparisons. The result is
    ///   returned to the script unchanged (it may be an array of bools); return the `NotImplemented` builtin
    ///   to decline, after which the reflected method of the other operand is tried (`a < b` → `b.__gt__(a)`)
    ///   and then the default behaviour (`equals` for `==`/`!=`, TypeError for ordering).
    /// Without these names the object behaves like a Python object lacking the method.
    func getAttribute(_ name: String) throws -> Value?
    /// `obj.name = value`; default raises AttributeError.
    func setAttribute(_ name: String, _ value: Value) throws
    /// Names listed by dir() and offered for completion.
    var attributeNames: [String] { get }
    /// `obj[key]`.
    func getItem(_ key: Value) throws -> Value
    /// `v in obj`; the default iterates `makeIterator()`.
    func contains(_ v: Value) throws -> Bool
    /// A lazy iterator over the object (`for x in obj`).
    func makeIterator() throws -> PyIterator
    /// `len(obj)`.
    func length() throws -> Int
    func repr() -> String
    func str() -> String
    var isTruthy: Bool { get }
    /// `==` between two host objects.
    func equals(_ other: any HostObject) -> Bool
    /// Hash consistent with `equals`, for dict keys and set members.
    var hashValue: Int { get }
    /// The plain value this object stands for as a dict key or set member, when it hashes and
    /// compares as one (a numpy scalar as its `item()`: `{np.int64(2): 'a'}[2]` finds it); nil keeps
    /// `hashValue`/`equals` (identity by default).
    var keyValue: Value? { get }
    /// The builtin class this object's class derives from in CPython (`numpy.float64` from `float`,
    /// `numpy.str_` from `str`), for `isinstance(x, float)`; nil for none.
    var builtinBaseName: String? { get }
    /// `obj(...)`.
    func call(args: [Value], kwargs: [(String, Value)]) throws -> Value
    /// `with obj as x:` — the value bound to x.
    func enter() throws -> Value
    /// End of a `with` block; `error` is the exception leaving the block, if any.
    func exit(error: PyException?) throws
    /// Text shown by help(obj).
    var doc: String? { get }
    /// `sum(obj)`, `min(obj)` or `max(obj)` (no start, key or default) computed by the object, when
    /// it can give exactly what iterating it would: the same value, of the same type, from the same
    /// sequence of additions or comparisons. nil: iterate as usual.
    func builtinFold(_ builtin: String) throws -> Value?
    /// `self op other` (`other op self` when `reflected`) answered before the special methods are
    /// looked up and called, for values made by the million in loops (numpy scalars): exactly what
    /// the special method would return, or nil to take the usual dispatch (which must then give
    /// the answer, errors and warnings included). Comparisons come unreflected: `1 < x` asks `x > 1`.
    func fastOperation(_ op: HostOperator, _ other: Value, reflected: Bool) throws -> Value?
}

/// The operators `HostObject.fastOperation` may be asked for.
public enum HostOperator: Int, Sendable {
    case add, sub, mul, truediv, lt, le, gt, ge, eq, ne

    init?(_ op: BinOp) {
        switch op {
        case .add: self = .add
        case .sub: self = .sub
        case .mul: self = .mul
        case .truediv: self = .truediv
        default: return nil
        }
    }

    /// A comparison; `swapped` gives the one that asks the same of the other side (`<` as `>`).
    init?(_ op: CmpOp, swapped: Bool = false) {
        switch op {
        case .lt: self = swapped ? .gt : .lt
        case .gt: self = swapped ? .lt : .gt
        case .le: self = swapped ? .ge : .le
        case .ge: self = swapped ? .le : .ge
        case .eq: self = .eq
        case .ne: self = .ne
        default: return nil
        }
    }
}

extension HostObject {
    public func getAttribute(_ name: String) throws -> Value? { nil }
    public func setAttribute(_ name: String, _ value: Value) throws {
        throw PyException.attributeError("'\(typeName)' object has no attribute '\(name)'")
    }
    public var attributeNames: [String] { [] }
    public func getItem(_ key: Value) throws -> Value {
        throw PyException.typeError("'\(typeName)' object is not subscriptable")
    }
    public func contains(_ v: Value) throws -> Bool {
        let it: PyIterator
        do { it = try makeIterator() } catch let e as PyException where e.isInstance(of: "TypeError") {
            throw PyException.typeError("argument of type '\(typeName)' is not iterable")
        }
        while let x = try it.next() { if pyEquals(x, v) { return true } }
        return false
    }
    public func makeIterator() throws -> PyIterator {
        throw PyException.typeError("'\(typeName)' object is not iterable")
    }
    public func length() throws -> Int {
        throw PyException.typeError("object of type '\(typeName)' has no len()")
    }
    public func repr() -> String {
        let addr = UInt(bitPattern: ObjectIdentifier(self))
        return "<\(typeName) object at 0x\(String(addr, radix: 16))>"
    }
    public func str() -> String { repr() }
    public var isTruthy: Bool { true }
    public func equals(_ other: any HostObject) -> Bool { other === self }
    public var hashValue: Int { ObjectIdentifier(self).hashValue }
    public var keyValue: Value? { nil }
    public var builtinBaseName: String? { nil }
    public func call(args: [Value], kwargs: [(String, Value)]) throws -> Value {
        throw PyException.typeError("'\(typeName)' object is not callable")
    }
    public func enter() throws -> Value {
        throw PyException.typeError("'\(typeName)' object does not support the context manager protocol")
    }
    public func exit(error: PyException?) throws {}
    public var doc: String? { nil }
    public func builtinFold(_ builtin: String) throws -> Value? { nil }
    public func fastOperation(_ op: HostOperator, _ other: Value, reflected: Bool) throws -> Value? { nil }
}

/// An iterator over a Swift array of values (host code can return one from `makeIterator`).
public final class ArrayIterator: PyIterator {
    let items: [Value]
    var index = 0
    let name: String
    public init(_ items: [Value], typeName: String = "list_iterator") { self.items = items; self.name = typeName }
    public override var typeName: String { name }
    public override func next() throws -> Value? {
        guard index < items.count else { return nil }
        defer { index += 1 }
        return items[index]
    }
}
