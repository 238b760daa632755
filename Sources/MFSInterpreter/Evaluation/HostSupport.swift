// Python semantics that hosts (the shell's bindings) need when they take arguments from scripts:
// truthiness, iteration of any iterable, and whether a value is a one-shot iterator.

extension Interpreter {
    /// `bool(v)`, including `__bool__`/`__len__` of user classes and host objects.
    public func truthy(_ v: Value) throws -> Bool { try isTruthy(v) }

    /// `list(v)` for any iterable; TypeError "'int' object is not iterable" otherwise.
    public func iterateAll(_ v: Value) throws -> [Value] { try toArray(v) }

    /// Whether `iter(v)` would succeed.
    public func isIterable(_ v: Value) -> Bool { (try? makeIterator(v)) != nil }

    /// A class for the host objects whose `typeName` is `name`: `type(obj)` is it, so
    /// `isinstance(obj, C)` holds, it prints as `<class 'module.name'>`, and calling it runs
    /// `construct` (e.g. `Run('Flow/1')`). Register the returned value under its name.
    public func registerHostClass(name: String, module: String, doc: String? = nil,
                                  construct: @escaping ([Value], [(String, Value)]) throws -> Value) -> Value {
        let c = hostClass(name)
        c.module = module
        c.doc = doc
        c.constructor = construct
        return .type(c)
    }

    /// Names the module of the class of host objects whose `typeName` is `name` (`type(x)` then
    /// prints as `<class 'module.name'>`), for classes scripts cannot call.
    public func setHostClassModule(name: String, module: String) {
        hostClass(name).module = module
    }

    /// A module value (e.g. `os.path`, to be a member of `os`); `registerModule` makes one importable.
    public func moduleValue(_ name: String, _ members: [(String, Value)]) -> Value {
        .module(PyModule(name: name, members: members))
    }

    /// `type(v)`: its class, as a value.
    public func typeOf(_ v: Value) -> Value { .type(classOf(v)) }

    /// `a == b` with Python's rules (`__eq__` of user classes and hosts included).
    public func equal(_ a: Value, _ b: Value) throws -> Bool { try valuesEqual(a, b) }

    /// `v[key]` as the language computes it.
    public func item(of v: Value, _ key: Value) throws -> Value { try getItem(v, key) }

    /// `a op b` as the language computes it, `op` written as in source (`"+"`, `"<="`): for a host
    /// value that behaves as the plain value it stands for (numpy's `str_` as its str). nil for an
    /// operator that is neither binary nor a comparison.
    public func operate(_ op: String, _ a: Value, _ b: Value) throws -> Value? {
        if let binary = BinOp(rawValue: op) { return try binaryOp(binary, a, b) }
        if let comparison = CmpOp(rawValue: op) { return try compareOp(comparison, a, b) }
        return nil
    }

    /// The `0x...` part of a default object repr, from the object's identity.
    public func addressText(of object: AnyObject) -> String {
        "0x" + String(UInt(bitPattern: ObjectIdentifier(object)), radix: 16)
    }

    /// Iterators and generators are consumed by one pass (`iter(v) is v` in Python).
    public func isOneShotIterator(_ v: Value) -> Bool {
        if case .iterator = v { return true }
        return false
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Zeroed `pthread_attr_t` storage for `pthread_attr_init`. (`pthread_attr_t()` is attributed to
/// the CDispatch module under MemberImportVisibility, which nothing here should import.)
func zeroedThreadAttributes() -> pthread_attr_t {
    let p = UnsafeMutablePointer<pthread_attr_t>.allocate(capacity: 1)
    defer { p.deallocate() }
    UnsafeMutableRawPointer(p).initializeMemory(as: UInt8.self, repeating: 0, count: MemoryLayout<pthread_attr_t>.size)
    return p.pointee
}
