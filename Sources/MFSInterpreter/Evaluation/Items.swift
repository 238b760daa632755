// Subscription, slicing and iteration.
import BigInt

/// Resolves slice bounds like PySlice_AdjustIndices; returns the selected indices.
func sliceIndices(_ s: PySlice, count: Int) throws -> [Int] {
    func intOf(_ v: Value) throws -> Int? {
        switch v {
        case .none: return nil
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .bigint(let b): return b.value.sign == .minus ? Int.min / 2 : Int.max / 2
        default: throw PyException.typeError("slice indices must be integers or None or have an __index__ method")
        }
    }
    let step = try intOf(s.step) ?? 1
    if step == 0 { throw PyException.valueError("slice step cannot be zero") }
    var start: Int, stop: Int
    if step > 0 {
        start = try intOf(s.start).map { $0 < 0 ? max($0 + count, 0) : min($0, count) } ?? 0
        stop = try intOf(s.stop).map { $0 < 0 ? max($0 + count, 0) : min($0, count) } ?? count
        return start < stop ? Array(stride(from: start, to: stop, by: step)) : []
    }
    start = try intOf(s.start).map { $0 < 0 ? max($0 + count, -1) : min($0, count - 1) } ?? count - 1
    stop = try intOf(s.stop).map { $0 < 0 ? max($0 + count, -1) : min($0, count - 1) } ?? -1
    return start > stop ? Array(stride(from: start, to: stop, by: step)) : []
}

/// PySlice_AdjustIndices: clamped (start, stop, step) for a sequence of `count` items.
func sliceBounds(_ s: PySlice, count: Int) throws -> (Int, Int, Int) {
    func intOf(_ v: Value) throws -> Int? {
        switch v {
        case .none: return nil
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: throw PyException.typeError("slice indices must be integers or None or have an __index__ method")
        }
    }
    let step = try intOf(s.step) ?? 1
    if step == 0 { throw PyException.valueError("slice step cannot be zero") }
    func adjust(_ v: Int?, _ dflt: Int) -> Int {
        guard var x = v else { return dflt }
        if x < 0 { x += count; if x < 0 { x = step < 0 ? -1 : 0 } } else if x >= count { x = step < 0 ? count - 1 : count }
        return x
    }
    return (adjust(try intOf(s.start), step < 0 ? count - 1 : 0), adjust(try intOf(s.stop), step < 0 ? -1 : count), step)
}

/// An index for sequences: ints and bools (and __index__-less failures raise TypeError).
func indexValue(_ v: Value, _ what: String) throws -> Int {
    switch v {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    case .bigint: throw PyException.indexError("cannot fit 'int' into an index-sized integer")
    default: throw PyException.typeError("\(what) indices must be integers or slices, not \(v.typeName)")
    }
}

final class ListIterator: PyIterator {
    let list: PyList
    var i = 0
    init(_ l: PyList) { list = l }
    override var typeName: String { "list_iterator" }
    override func next() throws -> Value? {
        guard i < list.items.count else { return nil }
        defer { i += 1 }
        return list.items[i]
    }
}

final class RangeIterator: PyIterator {
    var cur: Int
    let stop: Int, step: Int
    init(_ r: PyRange) { cur = r.start; stop = r.stop; step = r.step }
    override var typeName: String { "range_iterator" }
    override func next() throws -> Value? {
        if step > 0 ? cur >= stop : cur <= stop { return nil }
        let v = cur
        let (n, o) = cur.addingReportingOverflow(step)
        cur = o ? stop : n
        return .int(v)
    }
}

final class DictKeyIterator: PyIterator {
    let dict: PyDict
    let keys: [Value]
    let initialCount: Int
    var i = 0
    let kind: PyDictView.Kind
    init(_ d: PyDict, _ kind: PyDictView.Kind) { dict = d; keys = d.keys; initialCount = d.count; self.kind = kind }
    override var typeName: String {
        switch kind { case .keys: return "dict_keyiterator"; case .values: return "dict_valueiterator"; case .items: return "dict_itemiterator" }
    }
    override func next() throws -> Value? {
        if dict.count != initialCount { throw PyException.runtimeError("dictionary changed size during iteration") }
        while i < keys.count {
            let k = keys[i]
            i += 1
            guard let v = try dict.get(k) else { continue }
            switch kind {
            case .keys: return k
            case .values: return v
            case .items: return .tuple([k, v])
            }
        }
        return nil
    }
}

final class InstanceIterator: PyIterator {
    let interp: Interpreter
    let obj: Value
    let nextMethod: Value
    init(_ interp: Interpreter, _ obj: Value, _ m: Value) { self.interp = interp; self.obj = obj; nextMethod = m }
    override var typeName: String { obj.typeName }
    override func next() throws -> Value? {
        do { return try interp.callValue(nextMethod, [obj], []) } catch let e as PyException where e.isInstance(of: "StopIteration") {
            return nil
        }
    }
}

extension Interpreter {
    func getItem(_ o: Value, _ k: Value) throws -> Value {
        // __index__ of instance/host keys and slice bounds, for the built-in sequences.
        switch k {
        case .instance, .host:
            switch o {
            case .list, .tuple, .str, .bytes, .range: if let i = try indexHook(k) { return try getItem(o, i) }
            default: break
            }
        case .slice(let s):
            switch o {
            case .list, .tuple, .str, .bytes, .range: if let converted = try sliceWithIndexHooks(s) { return try getItem(o, .slice(converted)) }
            default: break
            }
        default: break
        }
        switch o {
        case .list(let l):
            if case .slice(let s) = k { return .list(PyList(try sliceIndices(s, count: l.items.count).map { l.items[$0] })) }
            var i = try indexValue(k, "list")
            if i < 0 { i += l.items.count }
            guard i >= 0 && i < l.items.count else { throw PyException.indexError("list index out of range") }
            return l.items[i]
        case .tuple(let t):
            if case .slice(let s) = k { return .tuple(try sliceIndices(s, count: t.count).map { t[$0] }) }
            var i = try indexValue(k, "tuple")
            if i < 0 { i += t.count }
            guard i >= 0 && i < t.count else { throw PyException.indexError("tuple index out of range") }
            return t[i]
        case .str(let s):
            if case .slice(let sl) = k { return try strSlice(s, sl) }
            guard case .int(let i) = k else {
                if case .bool(let b) = k { return try getItem(o, .int(b ? 1 : 0)) }
                throw PyException.typeError("string indices must be integers, not '\(k.typeName)'")
            }
            return try strItem(s, i)
        case .bytes(let b):
            if case .slice(let s) = k { return .bytes(try sliceIndices(s, count: b.count).map { b[$0] }) }
            var i = try indexValue(k, "byte")
            if i < 0 { i += b.count }
            guard i >= 0 && i < b.count else { throw PyException.indexError("index out of range") }
            return .int(Int(b[i]))
        case .range(let r):
            if case .slice(let s) = k {
                let (start, stop, step) = try sliceBounds(s, count: r.count)
                return .range(PyRange(r.start + start * r.step, r.start + stop * r.step, r.step * step))
            }
            var i = try indexValue(k, "range")
            if i < 0 { i += r.count }
            guard i >= 0 && i < r.count else { throw PyException.indexError("range object index out of range") }
            return .int(r.at(i))
        case .dict(let d):
            if let v = try d.get(k) { return v }
            if let f = d.defaultFactory, !f.isNone {
                let v = try callValue(f, [], [])
                try d.set(k, v)
                return v
            }
            if d.isCounter { return .int(0) }
            throw PyException.keyError(k)
        case .instance(let i):
            if let m = i.cls.lookup("__getitem__") { return try callValue(m, [o, k], []) }
        case .host(let h):
            return try h.getItem(k)
        case .type(let c):
            return .type(c)
        default: break
        }
        throw PyException.typeError("'\(o.typeName)' object is not subscriptable")
    }

    func setItem(_ o: Value, _ k: Value, _ v: Value) throws {
        switch o {
        case .list(let l):
            if case .slice(let s) = k {
                let newItems = try toArray(v)
                let stepV = (try? indexValue(s.step, "slice")) ?? 1
                if s.step.isNone || stepV == 1 {
                    let idx = try sliceIndices(PySlice(s.start, s.stop, .none), count: l.items.count)
                    let start: Int
                    if let f = idx.first { start = f } else {
                        var st = (try? indexValue(s.start, "slice")) ?? 0
                        if s.start.isNone { st = 0 }
                        if st < 0 { st = max(st + l.items.count, 0) }
                        start = min(st, l.items.count)
                    }
                    l.items.replaceSubrange(start..<(start + idx.count), with: newItems)
                    return
                }
                let idx = try sliceIndices(s, count: l.items.count)
                guard idx.count == newItems.count else {
                    throw PyException.valueError("attempt to assign sequence of size \(newItems.count) to extended slice of size \(idx.count)")
                }
                for (i, x) in zip(idx, newItems) { l.items[i] = x }
                return
            }
            var i = try indexValue(k, "list")
            if i < 0 { i += l.items.count }
            guard i >= 0 && i < l.items.count else { throw PyException.indexError("list assignment index out of range") }
            l.items[i] = v
            return
        case .dict(let d):
            try d.set(k, v)
            return
        case .instance(let i):
            if let m = i.cls.lookup("__setitem__") { _ = try callValue(m, [o, k, v], []); return }
        default: break
        }
        throw PyException.typeError("'\(o.typeName)' object does not support item assignment")
    }

    func delItem(_ o: Value, _ k: Value) throws {
        switch o {
        case .list(let l):
            if case .slice(let s) = k {
                let idx = Set(try sliceIndices(s, count: l.items.count))
                l.items = l.items.enumerated().filter { !idx.contains($0.offset) }.map { $0.element }
                return
            }
            var i = try indexValue(k, "list")
            if i < 0 { i += l.items.count }
            guard i >= 0 && i < l.items.count else { throw PyException.indexError("list assignment index out of range") }
            l.items.remove(at: i)
            return
        case .dict(let d):
            if try d.remove(k) == nil { throw PyException.keyError(k) }
            return
        case .instance(let i):
            if let m = i.cls.lookup("__delitem__") { _ = try callValue(m, [o, k], []); return }
        default: break
        }
        throw PyException.typeError("'\(o.typeName)' object doesn't support item deletion")
    }

    func makeIterator(_ v: Value) throws -> PyIterator {
        switch v {
        case .list(let l): return ListIterator(l)
        case .tuple(let t): return ArrayIterator(t, typeName: "tuple_iterator")
        case .range(let r): return RangeIterator(r)
        case .str(let s):
            var it = s.unicodeScalars.makeIterator()
            return ClosureIterator("str_ascii_iterator") { it.next().map { .str(String(Character($0))) } }
        case .bytes(let b): return ArrayIterator(b.map { .int(Int($0)) }, typeName: "bytes_iterator")
        case .dict(let d): return DictKeyIterator(d, .keys)
        case .dictView(let dv): return DictKeyIterator(dv.dict, dv.kind)
        case .set(let s), .frozenset(let s): return ArrayIterator(s.items, typeName: "set_iterator")
        case .iterator(let it): return it
        case .host(let h): return try h.makeIterator()
        case .instance(let i):
            if let m = i.cls.lookup("__iter__") {
                let r = try callValue(m, [v], [])
                if case .instance(let ri) = r, let n = ri.cls.lookup("__next__") { return InstanceIterator(self, r, n) }
                return try makeIterator(r)
            }
            if let g = i.cls.lookup("__getitem__") {
                var idx = 0
                return ClosureIterator("iterator") {
                    do {
                        let r = try self.callValue(g, [v, .int(idx)], [])
                        idx += 1
                        return r
                    } catch let e as PyException where e.isInstance(of: "IndexError") || e.isInstance(of: "StopIteration") {
                        return nil
                    }
                }
            }
        default: break
        }
        throw PyException.typeError("'\(v.typeName)' object is not iterable")
    }

    /// Iterates `v`, stopping early when `body` returns false.
    func forEach(_ v: Value, _ body: (Value) throws -> Bool) throws {
        switch v {
        case .list(let l):
            var i = 0
            while i < l.items.count { if try !body(l.items[i]) { return }; i += 1 }
        case .tuple(let t):
            for x in t { if try !body(x) { return } }
        case .range(let r):
            var i = r.start
            while r.step > 0 ? i < r.stop : i > r.stop {
                if try !body(.int(i)) { return }
                i += r.step
            }
        default:
            let it = try makeIterator(v)
            while let x = try it.next() {
                try checkInterrupt()
                if try !body(x) { return }
            }
        }
    }

    func toArray(_ v: Value) throws -> [Value] {
        switch v {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .range(let r):
            try MemoryCheck.reserve(count: r.count, size: MemoryLayout<Value>.stride)
            var out: [Value] = []
            out.reserveCapacity(r.count)
            try forEach(v) { out.append($0); return true }
            return out
        default:
            var out: [Value] = []
            try forEach(v) { out.append($0); return true }
            return out
        }
    }

    func length(_ v: Value) throws -> Int {
        switch v {
        case .str(let s): return strLength(s)
        case .bytes(let b): return b.count
        case .list(let l): return l.items.count
        case .tuple(let t): return t.count
        case .dict(let d): return d.count
        case .set(let s), .frozenset(let s): return s.count
        case .range(let r): return r.count
        case .dictView(let d): return d.dict.count
        case .host(let h): return try h.length()
        case .instance(let i):
            if let m = i.cls.lookup("__len__") {
                let r = try callValue(m, [v], [])
                guard case .int(let n) = r else { throw PyException.typeError("'\(r.typeName)' object cannot be interpreted as an integer") }
                if n < 0 { throw PyException.valueError("__len__() should return >= 0") }
                return n
            }
        default: break
        }
        throw PyException.typeError("object of type '\(v.typeName)' has no len()")
    }
}
