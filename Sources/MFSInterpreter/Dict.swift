// Insertion-ordered hash containers with Python hash/equality semantics (1 == 1.0 == True collide).
import BigInt

/// A hashable wrapper around a Value using Python's hash and equality.
struct HashKey: Hashable {
    let value: Value
    let hash: Int
    init(_ value: Value) throws {
        self.value = value
        self.hash = try pyHash(value)
    }
    static func == (a: HashKey, b: HashKey) -> Bool { a.hash == b.hash && pyEquals(a.value, b.value) }
    func hash(into h: inout Hasher) { h.combine(hash) }
}

private let hashModulus = (1 << 61) - 1

/// Python's hash() (strings are hashed stably here; CPython randomises them).
func pyHash(_ v: Value) throws -> Int {
    switch v {
    case .none: return 0x5f3759df
    case .bool(let b): return b ? 1 : 0
    case .int(let i): return intHash(i)
    case .bigint(let b):
        let m = b.value.magnitude % BigUInt(hashModulus)
        var r = Int(m)
        if b.value.sign == .minus { r = -r }
        return r == -1 ? -2 : r
    case .float(let d):
        if d.isNaN { return 0 }
        if d.isInfinite { return d > 0 ? 314159 : -314159 }
        if d == d.rounded(), abs(d) < 9.2e18 { return intHash(Int(d)) }
        if d == d.rounded() { return try pyHash(.integer(BigInt(d))) }
        return d.bitPattern.hashValue
    case .str(let s): var h = Hasher(); h.combine(s); return h.finalize()
    case .bytes(let b): var h = Hasher(); h.combine(b); return h.finalize()
    case .tuple(let items):
        var h = Hasher()
        for i in items { h.combine(try pyHash(i)) }
        return h.finalize()
    case .frozenset(let s):
        var acc = 0
        for k in s.dict.keys { acc ^= try pyHash(k) &* 1_000_003 }
        return acc
    case .range(let r): var h = Hasher(); h.combine(r.start); h.combine(r.stop); h.combine(r.step); return h.finalize()
    case .datetime(let d): return d.epochMicros.hashValue
    case .date(let d): return d.ordinal.hashValue
    case .timedelta(let t): return t.totalMicros.hashValue
    case .host(let h): return h.hashValue
    case .list, .dict, .set, .slice, .dictView:
        throw PyException.typeError("unhashable type: '\(v.typeName)'")
    case .instance(let i):
        if i.cls.isException == false, let eq = i.cls.lookup("__eq__"), i.cls.lookup("__hash__") == nil, case .function = eq {
            throw PyException.typeError("unhashable type: '\(v.typeName)'")
        }
        return ObjectIdentifier(i).hashValue
    case .function(let f): return ObjectIdentifier(f).hashValue
    case .builtin(let f): return ObjectIdentifier(f).hashValue
    case .boundMethod(let f): return ObjectIdentifier(f).hashValue
    case .type(let c): return ObjectIdentifier(c).hashValue
    case .module(let m): return ObjectIdentifier(m).hashValue
    case .iterator(let m): return ObjectIdentifier(m).hashValue
    }
}

@inline(__always) func intHash(_ i: Int) -> Int {
    if i >= 0 && i < hashModulus { return i }
    if i < 0 && i > -hashModulus { return i == -1 ? -2 : i }
    let m = Int(i.magnitude % UInt(hashModulus))
    let r = i < 0 ? -m : m
    return r == -1 ? -2 : r
}

/// An insertion-ordered dictionary keyed by Python values.
public final class PyDict {
    private(set) var keySlots: [Value?] = []
    private(set) var valueSlots: [Value] = []
    private var index: [HashKey: Int] = [:]
    public private(set) var count = 0
    /// Set for collections.defaultdict: called to create missing values.
    public var defaultFactory: Value?
    /// True for collections.Counter: missing keys read as 0.
    public var isCounter = false

    public init() {}

    public var keys: [Value] { keySlots.compactMap { $0 } }
    public var values: [Value] {
        var r: [Value] = []
        r.reserveCapacity(count)
        for (i, k) in keySlots.enumerated() where k != nil { r.append(valueSlots[i]) }
        return r
    }
    public var items: [(Value, Value)] {
        var r: [(Value, Value)] = []
        r.reserveCapacity(count)
        for (i, k) in keySlots.enumerated() { if let k { r.append((k, valueSlots[i])) } }
        return r
    }

    public func get(_ key: Value) throws -> Value? {
        guard let i = index[try HashKey(key)] else { return nil }
        return valueSlots[i]
    }
    /// Lookup by string without building a Value (fast path for attribute-like access).
    public func get(_ key: String) -> Value? {
        guard let hk = try? HashKey(.str(key)), let i = index[hk] else { return nil }
        return valueSlots[i]
    }
    public func contains(_ key: Value) throws -> Bool { index[try HashKey(key)] != nil }

    public func set(_ key: Value, _ value: Value) throws {
        let hk = try HashKey(key)
        if let i = index[hk] { valueSlots[i] = value; return }
        index[hk] = keySlots.count
        keySlots.append(key)
        valueSlots.append(value)
        count += 1
    }

    @discardableResult
    public func remove(_ key: Value) throws -> Value? {
        guard let i = index.removeValue(forKey: try HashKey(key)) else { return nil }
        let v = valueSlots[i]
        keySlots[i] = nil
        valueSlots[i] = .none
        count -= 1
        if keySlots.count > 16 && count * 2 < keySlots.count { compact() }
        return v
    }

    public func removeAll() { keySlots = []; valueSlots = []; index = [:]; count = 0 }

    /// Removes and returns the last inserted pair (dict.popitem()).
    func popLast() -> (Value, Value)? {
        guard let i = keySlots.lastIndex(where: { $0 != nil }), let k = keySlots[i] else { return nil }
        let v = valueSlots[i]
        _ = try? remove(k)
        return (k, v)
    }

    private func compact() {
        var nk: [Value?] = [], nv: [Value] = []
        nk.reserveCapacity(count); nv.reserveCapacity(count)
        var ni: [HashKey: Int] = [:]
        for (i, k) in keySlots.enumerated() {
            guard let k, let hk = try? HashKey(k) else { continue }
            ni[hk] = nk.count
            nk.append(k); nv.append(valueSlots[i])
        }
        keySlots = nk; valueSlots = nv; index = ni
    }

    func copy() -> PyDict {
        let d = PyDict()
        d.keySlots = keySlots; d.valueSlots = valueSlots; d.index = index; d.count = count
        d.defaultFactory = defaultFactory; d.isCounter = isCounter
        return d
    }
}

/// A set or frozenset, iterated in insertion order.
public final class PySet {
    let dict: PyDict
    public init() { dict = PyDict() }
    public init(_ items: [Value]) throws {
        dict = PyDict()
        for v in items { try dict.set(v, .none) }
    }
    init(dict: PyDict) { self.dict = dict }
    public var items: [Value] { dict.keys }
    public var count: Int { dict.count }
    public func contains(_ v: Value) throws -> Bool { try dict.contains(v) }
    public func add(_ v: Value) throws { try dict.set(v, .none) }
    @discardableResult public func remove(_ v: Value) throws -> Bool { try dict.remove(v) != nil }
    func copy() -> PySet { PySet(dict: dict.copy()) }
}
