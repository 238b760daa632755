// Insertion-ordered dict and set with Python key equality.

/// A dict: insertion order, arbitrary hashable keys, Python equality (`1`, `1.0` and `True` are one key).
public final class PickleDict {
    public private(set) var keys: [PickleValue] = []
    public private(set) var values: [PickleValue] = []
    private var index: [PickleKey: Int] = [:]

    public init() {}

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Key/value pairs in insertion order.
    public var entries: Zip2Sequence<[PickleValue], [PickleValue]> { zip(keys, values) }

    /// Python `d[key] = value`: a new key is appended, an existing one keeps its place.
    public func set(_ key: PickleValue, _ value: PickleValue) {
        let k = PickleKey(value: key)
        if let i = index[k] {
            values[i] = value
        } else {
            index[k] = keys.count
            keys.append(key)
            values.append(value)
        }
    }

    public subscript(key: PickleValue) -> PickleValue? {
        guard let i = index[PickleKey(value: key)] else { return nil }
        return values[i]
    }

    /// Convenience lookup by string key.
    public subscript(string key: String) -> PickleValue? { self[.string(key)] }

    /// Rewrites every key and value, then rebuilds the index (keys that became equal merge, like Python).
    func rewrite(_ transform: (PickleValue) -> PickleValue) {
        let oldKeys = keys.map(transform), oldValues = values.map(transform)
        keys = []; values = []; index = [:]
        for (k, v) in zip(oldKeys, oldValues) { set(k, v) }
    }

    /// Drops all entries without recursion (used to dismantle deep garbage iteratively).
    func dismantle() -> [PickleValue] {
        let all = keys + values
        keys = []; values = []; index = [:]
        return all
    }
}

/// A set or frozenset: first-insertion order, Python key equality.
public final class PickleSet {
    public private(set) var items: [PickleValue] = []
    private var index: Set<PickleKey> = []

    public init() {}

    public var count: Int { items.count }

    public func insert(_ item: PickleValue) {
        if index.insert(PickleKey(value: item)).inserted { items.append(item) }
    }

    public func contains(_ item: PickleValue) -> Bool { index.contains(PickleKey(value: item)) }

    func rewrite(_ transform: (PickleValue) -> PickleValue) {
        let old = items.map(transform)
        items = []; index = []
        for item in old { insert(item) }
    }

    func dismantle() -> [PickleValue] {
        let all = items
        items = []; index = []
        return all
    }
}
