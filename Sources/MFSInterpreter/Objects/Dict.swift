// Insertion-ordered hash containers with Python hash/equality semantics (1 == 1.0 == True collide).
import BigInt
import Glibc

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
        return floatHash(d)
    case .str(let s): return cpythonStringHash(s)
    case .bytes(let b): return cpythonBytesHash(b)
    case .tuple(let items):
        // CPython's xxHash-based tuple hash.
        var acc: UInt = 2870177450012600261
        for i in items {
            let lane = UInt(bitPattern: try pyHash(i))
            acc = acc &+ lane &* 14029467366897019727
            acc = (acc << 31) | (acc >> 33)
            acc = acc &* 11400714785074694791
        }
        acc = acc &+ (UInt(items.count) ^ (2870177450012600261 ^ 3527539))
        if acc == UInt.max { return 1546275796 }
        return Int(bitPattern: acc)
    case .frozenset(let s):
        var acc = 0
        for k in s.dict.keys { acc ^= try pyHash(k) &* 1_000_003 }
        return acc
    case .range(let r): var h = Hasher(); h.combine(r.start); h.combine(r.stop); h.combine(r.step); return h.finalize()
    case .datetime(let d): return d.utcMicros.hashValue
    case .date(let d): return d.ordinal.hashValue
    case .timedelta(let t): return t.totalMicros.hashValue
    case .host(let h): return h.hashValue
    case .list, .dict, .set, .slice, .dictView:
        throw PyException.typeError("unhashable type: '\(v.typeName)'")
    case .instance(let i):
        if let h = i.cls.lookup("__hash__"), case .function = h, let interp = i.cls.owner {
            let r = try interp.callValue(h, [v], [])
            guard case .int(let n) = r else {
                if case .bigint = r { return try pyHash(r) }
                throw PyException.typeError("__hash__ method should return an integer")
            }
            return n == -1 ? -2 : n
        }
        if i.cls.isException == false, let eq = i.cls.lookup("__eq__"), case .function = eq {
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

/// CPython's _Py_HashDouble for non-integral finite values.
func floatHash(_ v: Double) -> Int {
    let bits = 61
    let modulus = UInt((1 << 61) - 1)
    var e: Int32 = 0
    var m = frexp(v, &e)
    var sign = 1
    if m < 0 { sign = -1; m = -m }
    var x: UInt = 0
    var ee = Int(e)
    while m != 0 {
        x = ((x << 28) & modulus) | x >> (bits - 28)
        m *= 268435456.0
        ee -= 28
        let y = UInt(m)
        m -= Double(y)
        x += y
        if x >= modulus { x -= modulus }
    }
    ee = ee >= 0 ? ee % bits : bits - 1 - ((-1 - ee) % bits)
    x = ((x << UInt(ee)) & modulus) | x >> UInt(bits - ee)
    var r = Int(bitPattern: x) * sign
    if r == -1 { r = -2 }
    return r
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

/// A set or frozenset. Membership uses `PyDict`; iteration order mirrors CPython's open-addressing
/// table (same probing, resizing and dummies), so sets of ints print in CPython's order.
public final class PySet {
    let dict: PyDict
    private var table: [SetSlot]
    private var fill = 0

    private enum SetSlot {
        case empty
        case dummy
        case active(Int, Value)
    }

    public init() { dict = PyDict(); table = Array(repeating: .empty, count: 8) }
    public init(_ items: [Value]) throws {
        dict = PyDict()
        table = Array(repeating: .empty, count: 8)
        for v in items { try add(v) }
    }
    /// `set(other)`: CPython's set_merge into an empty set.
    convenience init(copying other: PySet) {
        self.init()
        merge(other)
    }

    /// CPython's set_merge: bulk-add another set's members.
    func merge(_ other: PySet) {
        let n = other.count
        if n == 0 { return }
        if (fill + n) * 5 >= (table.count - 1) * 3 { resize((dict.count + n) * 2) }
        if fill == 0 {
            for (h, v) in other.hashedItems { _ = try? dict.set(v, .none); _ = h }
            if table.count == other.table.count && other.fill == n {
                table = other.table
            } else {
                for case .active(let h, let v) in other.table { insertClean(h, v) }
            }
            fill = n
            return
        }
        for (h, v) in other.hashedItems where !((try? dict.contains(v)) ?? true) {
            _ = try? dict.set(v, .none)
            addEntry(h, v)
        }
    }

    public var items: [Value] {
        var out: [Value] = []
        out.reserveCapacity(dict.count)
        for case .active(_, let v) in table { out.append(v) }
        return out
    }
    var hashedItems: [(Int, Value)] {
        var out: [(Int, Value)] = []
        for case .active(let h, let v) in table { out.append((h, v)) }
        return out
    }
    public var count: Int { dict.count }
    public func contains(_ v: Value) throws -> Bool { try dict.contains(v) }

    public func add(_ v: Value) throws {
        let h = try pyHash(v)
        if try dict.contains(v) { return }
        try dict.set(v, .none)
        addEntry(h, v)
    }

    @discardableResult public func remove(_ v: Value) throws -> Bool {
        guard try dict.remove(v) != nil else { return false }
        let h = try pyHash(v)
        let mask = table.count - 1
        var i = UInt(bitPattern: h) & UInt(mask)
        var perturb = UInt(bitPattern: h)
        while true {
            var j = Int(i)
            let probes = Int(i) + 9 <= mask ? 9 : 0
            for _ in 0...probes {
                switch table[j] {
                case .empty: return true
                case .active(let eh, let ev) where eh == h && pyEquals(ev, v):
                    table[j] = .dummy
                    return true
                default: break
                }
                j += 1
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ perturb) & UInt(mask)
        }
    }

    public func removeAll() { dict.removeAll(); table = Array(repeating: .empty, count: 8); fill = 0 }

    private func addEntry(_ h: Int, _ v: Value) {
        let mask = table.count - 1
        var i = UInt(bitPattern: h) & UInt(mask)
        var perturb = UInt(bitPattern: h)
        var freeslot: Int?
        while true {
            var j = Int(i)
            let probes = Int(i) + 9 <= mask ? 9 : 0
            for _ in 0...probes {
                switch table[j] {
                case .empty:
                    if let f = freeslot { table[f] = .active(h, v); return }
                    table[j] = .active(h, v)
                    fill += 1
                    if fill * 5 >= mask * 3 { resize(dict.count > 50000 ? dict.count * 2 : dict.count * 4) }
                    return
                case .dummy:
                    if freeslot == nil { freeslot = j }
                case .active: break
                }
                j += 1
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ perturb) & UInt(mask)
        }
    }

    private func insertClean(_ h: Int, _ v: Value) {
        let mask = table.count - 1
        var i = UInt(bitPattern: h) & UInt(mask)
        var perturb = UInt(bitPattern: h)
        while true {
            if case .empty = table[Int(i)] { table[Int(i)] = .active(h, v); return }
            if Int(i) + 9 <= mask {
                for j in 1...9 {
                    if case .empty = table[Int(i) + j] { table[Int(i) + j] = .active(h, v); return }
                }
            }
            perturb >>= 5
            i = (i &* 5 &+ 1 &+ perturb) & UInt(mask)
        }
    }

    private func resize(_ minused: Int) {
        var newSize = 8
        while newSize <= minused { newSize <<= 1 }
        let old = table
        table = Array(repeating: .empty, count: newSize)
        for case .active(let h, let v) in old { insertClean(h, v) }
        fill = dict.count
    }

    func copy() -> PySet { PySet(copying: self) }
}
