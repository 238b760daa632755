// Python's key semantics for dicts and sets: `1 == 1.0 == True`, tuples compare by value, mutable
// containers and unknown objects by identity. Hashing and comparison are bounded so that a hostile
// DAG of shared tuples (exponential when walked as a tree) cannot stall the decoder.
import BigInt

/// A dict or set key with Python equality.
struct PickleKey: Hashable {
    let value: PickleValue

    static func == (lhs: PickleKey, rhs: PickleKey) -> Bool {
        var budget = 10_000
        return pythonKeyEquals(lhs.value, rhs.value, budget: &budget)
    }

    func hash(into hasher: inout Hasher) {
        hashKey(value, into: &hasher, depth: 0)
    }
}

/// A number reduced to one canonical form so that equal Python numbers hash alike.
private enum CanonicalNumber: Hashable {
    case int(Int)
    case big(BigInt)
    case float(Double)
    case complex(Double, Double)
}

private func canonicalNumber(_ value: PickleValue) -> CanonicalNumber? {
    switch value {
    case .bool(let b): return .int(b ? 1 : 0)
    case .int(let i): return .int(i)
    case .bigInt(let b):
        if let i = Int(exactly: b) { return .int(i) }
        return .big(b)
    case .float(let d): return canonicalDouble(d)
    case .complex(let re, let im):
        if im == 0 { return canonicalDouble(re) }
        return .complex(re, im)
    default: return nil
    }
}

private func canonicalDouble(_ d: Double) -> CanonicalNumber {
    guard d.isFinite, d == d.rounded(.towardZero) else { return .float(d) }
    if let i = Int(exactly: d) { return .int(i) }
    if let b = BigInt(exactly: d) { return .big(b) }
    return .float(d)
}

private func hashKey(_ value: PickleValue, into hasher: inout Hasher, depth: Int) {
    if let number = canonicalNumber(value) {
        hasher.combine(0)
        hasher.combine(number)
        return
    }
    switch value {
    case .none: hasher.combine(1)
    case .string(let s): hasher.combine(2); hasher.combine(s)
    case .bytes(let b): hasher.combine(3); hasher.combine(b)
    case .tuple(let t):
        hasher.combine(4)
        hasher.combine(t.items.count)
        // Deep levels only contribute their shape: equality still decides, within its budget.
        if depth < 3 { for item in t.items.prefix(64) { hashKey(item, into: &hasher, depth: depth + 1) } }
    case .frozenset(let s):
        hasher.combine(5)
        hasher.combine(s.count)
    case .global(let module, let name): hasher.combine(6); hasher.combine(module); hasher.combine(name)
    case .decimal(let s): hasher.combine(7); hasher.combine(s)
    case .uuid(let u): hasher.combine(8); hasher.combine(u.bytes)
    case .date(let d): hasher.combine(9); hasher.combine(d.year); hasher.combine(d.month); hasher.combine(d.day)
    case .timeDelta(let t): hasher.combine(10); hasher.combine(t.days); hasher.combine(t.seconds)
    case .path(let cls, let path): hasher.combine(11); hasher.combine(cls); hasher.combine(path)
    case .extensionCode(let c): hasher.combine(12); hasher.combine(c)
    case .dateTime(let d):
        hasher.combine(14); hasher.combine(d.date); hasher.combine(d.hour); hasher.combine(d.minute)
        hasher.combine(d.second); hasher.combine(d.microsecond)
    case .time(let t): hasher.combine(15); hasher.combine(t.hour); hasher.combine(t.minute); hasher.combine(t.second)
    case .timeZone(let z): hasher.combine(16); hasher.combine(z.offset)
    default:
        // Identity-hashed values (containers, objects, arrays, ...): their equality is identity too.
        hasher.combine(13)
        if let id = identity(of: value) { hasher.combine(id) }
    }
}

/// The identity of a reference-typed value, if it has one.
func identity(of value: PickleValue) -> ObjectIdentifier? {
    switch value {
    case .bytearray(let x): return ObjectIdentifier(x)
    case .tuple(let x): return ObjectIdentifier(x)
    case .list(let x): return ObjectIdentifier(x)
    case .dict(let x): return ObjectIdentifier(x)
    case .set(let x): return ObjectIdentifier(x)
    case .frozenset(let x): return ObjectIdentifier(x)
    case .object(let x): return ObjectIdentifier(x)
    case .orderedDict(let x): return ObjectIdentifier(x)
    case .defaultDict(_, let x): return ObjectIdentifier(x)
    case .counter(let x): return ObjectIdentifier(x)
    case .deque(let x, _): return ObjectIdentifier(x)
    case .reconstructed(let x): return ObjectIdentifier(x)
    default: return nil
    }
}

/// Python `==` for values used as keys, with a step budget; an exhausted budget answers "not equal".
func pythonKeyEquals(_ a: PickleValue, _ b: PickleValue, budget: inout Int) -> Bool {
    budget -= 1
    if budget < 0 { return false }
    if let x = canonicalNumber(a) {
        guard let y = canonicalNumber(b) else { return false }
        if case .float(let dx) = x, dx.isNaN { return false }
        return x == y
    }
    switch (a, b) {
    case (.none, .none): return true
    case (.string(let x), .string(let y)): return x == y
    case (.bytes(let x), .bytes(let y)): return x == y
    case (.tuple(let x), .tuple(let y)):
        if x === y { return true }
        guard x.items.count == y.items.count else { return false }
        for (p, q) in zip(x.items, y.items) where !pythonKeyEquals(p, q, budget: &budget) { return false }
        return true
    case (.frozenset(let x), .frozenset(let y)):
        if x === y { return true }
        guard x.count == y.count else { return false }
        for item in x.items where !y.contains(item) { return false }
        return true
    case (.global(let m1, let n1), .global(let m2, let n2)): return m1 == m2 && n1 == n2
    case (.decimal(let x), .decimal(let y)): return x == y
    case (.uuid(let x), .uuid(let y)): return x.bytes == y.bytes
    case (.date(let x), .date(let y)): return x == y
    case (.timeDelta(let x), .timeDelta(let y)): return x == y
    case (.path(let c1, let p1), .path(let c2, let p2)): return c1 == c2 && p1 == p2
    case (.extensionCode(let x), .extensionCode(let y)): return x == y
    case (.dateTime(let x), .dateTime(let y)):
        return x.date == y.date && timesEqual(x.time, y.time, budget: &budget)
    case (.time(let x), .time(let y)): return timesEqual(x, y, budget: &budget)
    case (.timeZone(let x), .timeZone(let y)): return x.offset == y.offset
    default:
        guard let x = identity(of: a), let y = identity(of: b) else { return false }
        return x == y
    }
}

/// Wall-clock fields and tzinfo (aware values with different zones compare unequal here; Python would
/// compare instants).
private func timesEqual(_ x: PickleTime, _ y: PickleTime, budget: inout Int) -> Bool {
    guard x.hour == y.hour, x.minute == y.minute, x.second == y.second, x.microsecond == y.microsecond else {
        return false
    }
    switch (x.tzinfo, y.tzinfo) {
    case (nil, nil): return true
    case (let a?, let b?): return pythonKeyEquals(a, b, budget: &budget)
    default: return false
    }
}
