// The stable sort's shortcut for keys that are all numbers of one kind: Python ints (and bools),
// Python floats, or host values that say which number their `<` compares (`PyClass.sortKey`, given
// by numpy scalars). They are sorted as numbers, without a Python-level comparison each; the order
// is the one `<` gives, equal keys in their original order. Anything else (a mix of ints and floats,
// a NaN, other values) takes the general merge sort.

/// The number a value's `<` compares, for sorting.
public enum SortKey {
    case int(Int)
    case double(Double)
}

extension Interpreter {
    /// The stable sorting permutation of `keys`, or nil when they are not all ints or all floats
    /// without NaN (NaN has no order: where it ends up depends on the comparisons made).
    func numericSortOrder(_ keys: [Value], reverse: Bool) -> [Int]? {
        guard keys.count > 1 else { return nil }
        func key(_ v: Value) -> SortKey? {
            switch v {
            case .int(let i): return .int(i)
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let x): return .double(x)
            case .instance(let i): return i.cls.sortKey?(v)
            default: return nil
            }
        }
        switch key(keys[0]) {
        case .int?:
            var ints: [Int] = []
            ints.reserveCapacity(keys.count)
            for v in keys {
                guard case .int(let i)? = key(v) else { return nil }
                ints.append(i)
            }
            return stableOrder(ints, reverse: reverse)
        case .double?:
            var doubles: [Double] = []
            doubles.reserveCapacity(keys.count)
            for v in keys {
                guard case .double(let x)? = key(v), !x.isNaN else { return nil }
                doubles.append(x)
            }
            return stableOrder(doubles, reverse: reverse)
        case nil:
            return nil
        }
    }

    /// Positions of `values` in ascending (descending) order, ties by position: the order a stable sort gives.
    private func stableOrder<T: Comparable>(_ values: [T], reverse: Bool) -> [Int] {
        var order = Array(0..<values.count)
        values.withUnsafeBufferPointer { v in
            if reverse {
                order.sort { v[$0] > v[$1] || (v[$0] == v[$1] && $0 < $1) }
            } else {
                order.sort { v[$0] < v[$1] || (v[$0] == v[$1] && $0 < $1) }
            }
        }
        return order
    }
}
