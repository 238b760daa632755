// Set operations following CPython's algorithms, so results iterate in CPython's order.

extension Interpreter {
    func asSet(_ v: Value) throws -> PySet {
        switch v {
        case .set(let s), .frozenset(let s): return s
        default: return try PySet(try toArray(v))
        }
    }

    func setUnion(_ a: PySet, _ b: PySet) -> PySet {
        let r = PySet(copying: a)
        r.merge(b)
        return r
    }

    func setIntersection(_ so: PySet, _ other: Value) throws -> PySet {
        let r = PySet()
        switch other {
        case .set(let o), .frozenset(let o):
            var big = so, small = o
            if o.count > so.count { big = o; small = so }
            for v in small.items where try big.contains(v) { try r.add(v) }
        default:
            try forEach(other) { v in if try so.contains(v) { try r.add(v) }; return true }
        }
        return r
    }

    func setDifference(_ so: PySet, _ other: Value) throws -> PySet {
        let otherCount: Int
        switch other {
        case .set(let o), .frozenset(let o): otherCount = o.count
        case .dict(let d): otherCount = d.count
        default:
            let r = PySet(copying: so)
            try forEach(other) { try r.remove($0); return true }
            return r
        }
        if (so.count >> 2) > otherCount {
            let r = PySet(copying: so)
            try forEach(other) { try r.remove($0); return true }
            return r
        }
        let r = PySet()
        for v in so.items where !(try contains(other, v)) { try r.add(v) }
        return r
    }

    func setSymmetricDifference(_ so: PySet, _ other: Value) throws -> PySet {
        let r = PySet(copying: try asSet(other))
        for v in so.items {
            if try r.contains(v) { try r.remove(v) } else { try r.add(v) }
        }
        return r
    }

    func setSymmetricDifferenceUpdate(_ so: PySet, _ other: Value) throws {
        let o = try asSet(other)
        for v in o.items {
            if try so.contains(v) { try so.remove(v) } else { try so.add(v) }
        }
    }

    func replaceContents(_ s: PySet, with r: PySet) {
        s.removeAll()
        s.merge(r)
    }
}
