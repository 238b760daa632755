// Insertion-ordered hash containers with Python hash/equality semantics (1 == 1.0 == True collide).
import BigInt
import Glibc

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
    case .host(let h):
        if let k = h.keyValue { return try pyHash(k) }
        return h.hashValue
    case .list, .dict, .set, .slice, .dictView:
        throw PyException.typeError("unhashable type: '\(v.typeName)'")
    case .instance(let i):
        if let k = i.host?.keyValue { return try pyHash(k) }
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

/// An insertion-ordered dictionary keyed by Python values, laid out as CPython's: entries (hash,
/// key, value) in insertion order, and an open-addressing table of entry numbers probed with
/// CPython's perturbation. A Swift Dictionary of boxed keys took seven times as long and twice the
/// memory for a few million entries.
///
/// The arrays opt out of Swift's run-time exclusivity checks, which cost more than the rest of an
/// insertion: no access to them spans a call into Python code (a key's `__eq__` runs between
/// accesses, and every access is bounds-checked), so a dict changed from inside `__eq__` stays
/// memory-safe, as it stays defined in CPython.
public final class PyDict {
    @exclusivity(unchecked) private var hashes: [Int] = []
    /// nil where an entry was deleted (its table slot then holds `deleted`).
    @exclusivity(unchecked) private var keySlots: [Value?] = []
    @exclusivity(unchecked) private var valueSlots: [Value] = []
    /// Entry numbers, or `empty` / `deleted`; a power of two in size (or none yet).
    @exclusivity(unchecked) private var table: [Int32] = []
    /// Table slots that are not `empty` (live entries and deleted markers).
    private var filled = 0
    public private(set) var count = 0
    /// Set for collections.defaultdict: called to create missing values.
    public var defaultFactory: Value?
    /// True for collections.Counter: missing keys read as 0.
    public var isCounter = false

    private static let empty: Int32 = -1
    private static let deleted: Int32 = -2

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

    /// The table slot of `key` and its entry number (-1 when absent; the slot is then where it goes).
    private func find(_ key: Value, _ hash: Int) -> (slot: Int, entry: Int) {
        let mask = table.count - 1
        var i = Int(bitPattern: UInt(bitPattern: hash) & UInt(mask))
        var perturb = UInt(bitPattern: hash)
        var free = -1
        while true {
            let e = table[i]
            if e == Self.empty { return (free >= 0 ? free : i, -1) }
            if e == Self.deleted {
                if free < 0 { free = i }
            } else if hashes[Int(e)] == hash, let k = keySlots[Int(e)], pyEquals(k, key) {
                return (i, Int(e))
            }
            perturb >>= 5
            i = Int(bitPattern: (UInt(bitPattern: i) &* 5 &+ 1 &+ perturb) & UInt(mask))
        }
    }

    private func entry(_ key: Value) throws -> Int? {
        if count == 0 { return nil }
        let e = find(key, try pyHash(key)).entry
        return e >= 0 ? e : nil
    }

    public func get(_ key: Value) throws -> Value? { try entry(key).map { valueSlots[$0] } }
    /// Lookup by string (attribute-like access).
    public func get(_ key: String) -> Value? { (try? entry(.str(key)))?.map { valueSlots[$0] } }
    public func contains(_ key: Value) throws -> Bool { try entry(key) != nil }

    public func set(_ key: Value, _ value: Value) throws {
        let hash = try pyHash(key)
        // At most 2/3 of the table in use, as CPython's USABLE_FRACTION.
        if (filled + 1) * 3 >= table.count * 2 { rebuild(minimumSlots: (count + 1) * 3) }
        let (slot, e) = find(key, hash)
        if e >= 0 { valueSlots[e] = value; return }
        if keySlots.count >= Int(Int32.max) { throw MemoryCheck.memoryError() }
        if table[slot] == Self.empty { filled += 1 }
        table[slot] = Int32(truncatingIfNeeded: keySlots.count)
        hashes.append(hash)
        keySlots.append(key)
        valueSlots.append(value)
        count += 1
    }

    @discardableResult
    public func remove(_ key: Value) throws -> Value? {
        if count == 0 { return nil }
        let (slot, e) = find(key, try pyHash(key))
        guard e >= 0 else { return nil }
        let v = valueSlots[e]
        table[slot] = Self.deleted
        keySlots[e] = nil
        valueSlots[e] = .none
        count -= 1
        if keySlots.count > 16 && count * 2 < keySlots.count { rebuild(minimumSlots: count * 3) }
        return v
    }

    public func removeAll() { hashes = []; keySlots = []; valueSlots = []; table = []; filled = 0; count = 0 }

    /// Removes and returns the last inserted pair (dict.popitem()).
    func popLast() -> (Value, Value)? {
        guard let i = keySlots.lastIndex(where: { $0 != nil }), let k = keySlots[i] else { return nil }
        let v = valueSlots[i]
        _ = try? remove(k)
        return (k, v)
    }

    /// Drops deleted entries and re-indexes them in a table of at least `minimumSlots` slots.
    private func rebuild(minimumSlots: Int) {
        if count < keySlots.count {
            var live = 0
            for i in keySlots.indices where keySlots[i] != nil {
                hashes[live] = hashes[i]; keySlots[live] = keySlots[i]; valueSlots[live] = valueSlots[i]
                live += 1
            }
            hashes.removeLast(hashes.count - live)
            keySlots.removeLast(keySlots.count - live)
            valueSlots.removeLast(valueSlots.count - live)
        }
        var size = 8
        while size < minimumSlots { size <<= 1 }
        var slots = [Int32](repeating: Self.empty, count: size)
        let mask = UInt(size - 1)
        for (e, hash) in hashes.enumerated() {
            var i = UInt(bitPattern: hash) & mask
            var perturb = UInt(bitPattern: hash)
            while slots[Int(i)] != Self.empty {
                perturb >>= 5
                i = (i &* 5 &+ 1 &+ perturb) & mask
            }
            slots[Int(i)] = Int32(truncatingIfNeeded: e)
        }
        table = slots
        filled = count
    }

    func copy() -> PyDict {
        let d = PyDict()
        d.hashes = hashes; d.keySlots = keySlots; d.valueSlots = valueSlots; d.table = table
        d.filled = filled; d.count = count
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
