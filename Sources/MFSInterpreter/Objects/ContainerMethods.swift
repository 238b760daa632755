// Methods of list, dict, set, tuple, int, float and bytes, and the stable sort.
import BigInt

extension Interpreter {
    func callMethod(_ recv: Value, _ name: String, _ args: [Value], _ kw: [(String, Value)]) throws -> Value {
        switch recv {
        case .str(let s): return try strMethod(s, name, args, kw)
        case .list(let l): return try listMethod(l, name, args, kw)
        case .dict(let d): return try dictMethod(d, name, args, kw)
        case .set(let s): return try setMethod(s, recv, name, args, kw)
        case .frozenset(let s): return try setMethod(s, recv, name, args, kw)
        case .tuple(let t):
            switch name {
            case "count": try checkArgs("count", args, 1, 1); return .int(try t.reduce(0) { $0 + (try valuesEqual($1, args[0]) ? 1 : 0) })
            case "index":
                try checkArgs("index", args, 1, 3)
                var lo = args.count > 1 ? try expectInt(args[1]) : 0
                var hi = args.count > 2 ? try expectInt(args[2]) : t.count
                if lo < 0 { lo = max(lo + t.count, 0) }
                if hi < 0 { hi = max(hi + t.count, 0) }
                hi = min(hi, t.count)
                if lo < hi { for i in lo..<hi where try valuesEqual(t[i], args[0]) { return .int(i) } }
                throw PyException.valueError("tuple.index(x): x not in tuple")
            default: break
            }
        case .int, .bool, .bigint: return try intMethod(recv, name, args, kw)
        case .float(let d): return try floatMethod(d, name, args)
        case .bytes(let b): return try bytesMethod(b, name, args, kw)
        case .range(let r):
            switch name {
            case "count": return .int(try contains(recv, args.first ?? .none) ? 1 : 0)
            case "index":
                guard case .int(let i)? = args.first, try contains(recv, .int(i)) else {
                    throw PyException.valueError("\(try repr(args.first ?? .none)) is not in range")
                }
                return .int((i - r.start) / r.step)
            default: break
            }
        case .datetime, .date, .timedelta:
            return try dateMethod(recv, name, args, kw)
        default: break
        }
        return try callValue(try getAttr(recv, name), args, kw)
    }

    /// Stable merge sort using Python's `<` (optionally on key values).
    func sortValues(_ items: [Value], key: Value?, reverse: Bool) throws -> [Value] {
        let keys: [Value]
        if let key, !key.isNone { keys = try items.map { try callValue(key, [$0], []) } } else { keys = items }
        if let order = numericSortOrder(keys, reverse: reverse) { return order.map { items[$0] } }
        var idx = Array(0..<items.count)
        var tmp = idx
        func less(_ a: Int, _ b: Int) throws -> Bool {
            reverse ? try lessThan(keys[b], keys[a]) : try lessThan(keys[a], keys[b])
        }
        func mergeSort(_ lo: Int, _ hi: Int) throws {
            if hi - lo < 2 { return }
            if hi - lo <= 8 {
                for i in (lo + 1)..<hi {
                    let x = idx[i]
                    var j = i - 1
                    while j >= lo, try less(x, idx[j]) { idx[j + 1] = idx[j]; j -= 1 }
                    idx[j + 1] = x
                }
                return
            }
            let mid = (lo + hi) / 2
            try mergeSort(lo, mid)
            try mergeSort(mid, hi)
            if try !less(idx[mid], idx[mid - 1]) { return }
            var i = lo, j = mid, k = lo
            while i < mid && j < hi {
                if try less(idx[j], idx[i]) { tmp[k] = idx[j]; j += 1 } else { tmp[k] = idx[i]; i += 1 }
                k += 1
            }
            while i < mid { tmp[k] = idx[i]; i += 1; k += 1 }
            while j < hi { tmp[k] = idx[j]; j += 1; k += 1 }
            for m in lo..<hi { idx[m] = tmp[m] }
        }
        try mergeSort(0, items.count)
        return idx.map { items[$0] }
    }

    func listMethod(_ l: PyList, _ name: String, _ args: [Value], _ kw: [(String, Value)]) throws -> Value {
        switch name {
        case "append":
            try checkArgs("list.append", args, 1, 1)
            l.items.append(args[0])
            return .none
        case "extend":
            try checkArgs("list.extend", args, 1, 1)
            l.items.append(contentsOf: try toArray(args[0]))
            return .none
        case "insert":
            try checkArgs("insert", args, 2, 2)
            var i = try expectInt(args[0])
            if i < 0 { i = max(i + l.items.count, 0) }
            l.items.insert(args[1], at: min(i, l.items.count))
            return .none
        case "pop":
            try checkArgs("pop", args, 0, 1)
            if l.items.isEmpty { throw PyException.indexError("pop from empty list") }
            var i = args.isEmpty ? l.items.count - 1 : try expectInt(args[0])
            if i < 0 { i += l.items.count }
            guard i >= 0 && i < l.items.count else { throw PyException.indexError("pop index out of range") }
            return l.items.remove(at: i)
        case "remove":
            try checkArgs("list.remove", args, 1, 1)
            for (i, v) in l.items.enumerated() where try valuesEqual(v, args[0]) { l.items.remove(at: i); return .none }
            throw PyException.valueError("list.remove(x): x not in list")
        case "index":
            try checkArgs("index", args, 1, 3)
            let start = args.count > 1 ? try expectInt(args[1]) : 0
            for (i, v) in l.items.enumerated() where i >= start {
                if try valuesEqual(v, args[0]) { return .int(i) }
            }
            throw PyException.valueError("\(try repr(args[0])) is not in list")
        case "count":
            try checkArgs("count", args, 1, 1)
            return .int(try l.items.reduce(0) { $0 + (try valuesEqual($1, args[0]) ? 1 : 0) })
        case "sort":
            if !args.isEmpty { throw PyException.typeError("sort() takes no positional arguments") }
            var key: Value?, reverse = false
            for (k, v) in kw {
                switch k {
                case "key": key = v
                case "reverse": reverse = try isTruthy(v)
                default: throw PyException.typeError("sort() got an unexpected keyword argument '\(k)'")
                }
            }
            let snapshot = l.items
            l.items = []
            defer { if l.items.isEmpty { l.items = snapshot } }
            let sorted = try sortValues(snapshot, key: key, reverse: reverse)
            l.items = sorted
            return .none
        case "reverse": l.items.reverse(); return .none
        case "copy": return .list(PyList(l.items))
        case "clear": l.items.removeAll(); return .none
        default: throw noAttribute(.list(l), name)
        }
    }

    func dictMethod(_ d: PyDict, _ name: String, _ args: [Value], _ kw: [(String, Value)]) throws -> Value {
        switch name {
        case "get":
            try checkArgs("get", args, 1, 2)
            return try d.get(args[0]) ?? (args.count > 1 ? args[1] : .none)
        case "keys": return .dictView(PyDictView(d, .keys))
        case "values": return .dictView(PyDictView(d, .values))
        case "items": return .dictView(PyDictView(d, .items))
        case "pop":
            try checkArgs("pop", args, 1, 2)
            if let v = try d.remove(args[0]) { return v }
            if args.count > 1 { return args[1] }
            throw PyException.keyError(args[0])
        case "popitem":
            guard let (k, v) = d.popLast() else { throw PyException.keyError(.str("popitem(): dictionary is empty")) }
            return .tuple([k, v])
        case "setdefault":
            try checkArgs("setdefault", args, 1, 2)
            if let v = try d.get(args[0]) { return v }
            let v = args.count > 1 ? args[1] : .none
            try d.set(args[0], v)
            return v
        case "update":
            if d.isCounter {
                for a in args {
                    if case .dict(let o) = a {
                        for (k, v) in o.items { try d.set(k, try binaryOp(.add, try d.get(k) ?? .int(0), v)) }
                    } else {
                        try forEach(a) { k in try d.set(k, try self.binaryOp(.add, try d.get(k) ?? .int(0), .int(1))); return true }
                    }
                }
                for (k, v) in kw { try d.set(.str(k), try binaryOp(.add, try d.get(.str(k)) ?? .int(0), v)) }
                return .none
            }
            try checkArgs("update", args, 0, 1)
            if let a = args.first { try updateDict(d, a) }
            for (k, v) in kw { try d.set(.str(k), v) }
            return .none
        case "copy": return .dict(d.copy())
        case "clear": d.removeAll(); return .none
        case "fromkeys":
            try checkArgs("fromkeys", args, 1, 2)
            let r = PyDict()
            try forEach(args[0]) { try r.set($0, args.count > 1 ? args[1] : .none); return true }
            return .dict(r)
        case "most_common" where d.isCounter:
            let n = try args.first.map { $0.isNone ? Int.max : try expectInt($0) } ?? Int.max
            let pairs = d.items.map { Value.tuple([$0.0, $0.1]) }
            let sorted = try sortValues(pairs, key: .builtin(PyBuiltin(name: "count") { a, _ in
                if case .tuple(let t)? = a.first, t.count == 2 { return t[1] }
                return .none
            }), reverse: true)
            return .list(PyList(Array(sorted.prefix(n))))
        case "elements" where d.isCounter:
            var out: [Value] = []
            for (k, v) in d.items { if case .int(let n) = v, n > 0 { out += Array(repeating: k, count: n) } }
            return .iterator(ArrayIterator(out, typeName: "itertools.chain"))
        case "total" where d.isCounter:
            var t = Value.int(0)
            for v in d.values { t = try binaryOp(.add, t, v) }
            return t
        case "subtract" where d.isCounter:
            for a in args {
                if case .dict(let o) = a {
                    for (k, v) in o.items { try d.set(k, try binaryOp(.sub, try d.get(k) ?? .int(0), v)) }
                } else {
                    try forEach(a) { k in try d.set(k, try self.binaryOp(.sub, try d.get(k) ?? .int(0), .int(1))); return true }
                }
            }
            return .none
        default: throw noAttribute(.dict(d), name)
        }
    }

    func updateDict(_ d: PyDict, _ a: Value) throws {
        if case .dict(let o) = a { for (k, v) in o.items { try d.set(k, v) }; return }
        if case .host = a { try mergeMapping(into: d, a); return }
        var i = 0
        try forEach(a) { item in
            let pair = try self.toArray(item)
            guard pair.count == 2 else {
                throw PyException.valueError("dictionary update sequence element #\(i) has length \(pair.count); 2 is required")
            }
            try d.set(pair[0], pair[1])
            i += 1
            return true
        }
    }

    func setMethod(_ s: PySet, _ recv: Value, _ name: String, _ args: [Value], _ kw: [(String, Value)]) throws -> Value {
        func others() throws -> [PySet] { try args.map { try PySet(try toArray($0)) } }
        switch name {
        case "add": try checkArgs("set.add", args, 1, 1); try s.add(args[0]); return .none
        case "remove":
            try checkArgs("set.remove", args, 1, 1)
            if try !s.remove(args[0]) { throw PyException.keyError(args[0]) }
            return .none
        case "discard": try checkArgs("set.discard", args, 1, 1); try s.remove(args[0]); return .none
        case "pop":
            guard let first = s.items.first else { throw PyException.keyError(.str("pop from an empty set")) }
            try s.remove(first)
            return first
        case "clear": s.removeAll(); return .none
        case "copy": return wrapSetLike(recv, s.copy())
        case "union":
            let r = PySet(copying: s)
            for a in args { r.merge(try asSet(a)) }
            return wrapSetLike(recv, r)
        case "update":
            for a in args {
                switch a {
                case .set(let o), .frozenset(let o): s.merge(o)
                default: try forEach(a) { try s.add($0); return true }
                }
            }
            return .none
        case "intersection", "intersection_update":
            var r = s
            for a in args { r = try setIntersection(r, a) }
            if args.isEmpty { r = PySet(copying: s) }
            if name == "intersection_update" { replaceContents(s, with: r); return .none }
            return wrapSetLike(recv, r)
        case "difference":
            var r = PySet(copying: s)
            for a in args { r = try setDifference(r, a) }
            return wrapSetLike(recv, r)
        case "difference_update":
            for a in args { try forEach(a) { try s.remove($0); return true } }
            return .none
        case "symmetric_difference":
            try checkArgs(name, args, 1, 1)
            return wrapSetLike(recv, try setSymmetricDifference(s, args[0]))
        case "symmetric_difference_update":
            try checkArgs(name, args, 1, 1)
            try setSymmetricDifferenceUpdate(s, args[0])
            return .none
        case "issubset":
            let o = try PySet(try toArray(args.first ?? .tuple([])))
            return .bool(try s.items.allSatisfy { try o.contains($0) })
        case "issuperset":
            let o = try PySet(try toArray(args.first ?? .tuple([])))
            return .bool(try o.items.allSatisfy { try s.contains($0) })
        case "isdisjoint":
            let o = try PySet(try toArray(args.first ?? .tuple([])))
            return .bool(try !s.items.contains { try o.contains($0) })
        default: throw noAttribute(recv, name)
        }
    }

    func intMethod(_ v: Value, _ name: String, _ args: [Value], _ kw: [(String, Value)]) throws -> Value {
        let n: BigInt
        switch v {
        case .int(let i): n = BigInt(i)
        case .bool(let b): n = b ? 1 : 0
        case .bigint(let b): n = b.value
        default: n = 0
        }
        switch name {
        case "bit_length":
            if case .int(let i) = v { return .int(Int.bitWidth - i.magnitude.leadingZeroBitCount) }
            return .int(n.isZero ? 0 : String(n.magnitude, radix: 2).count)
        case "bit_count": return .int(n.magnitude.words.reduce(0) { $0 + $1.nonzeroBitCount })
        case "conjugate", "real", "numerator": return .integer(n)
        case "imag": return .int(0)
        case "denominator": return .int(1)
        case "as_integer_ratio": return .tuple([.integer(n), .int(1)])
        case "to_bytes":
            let length = try argAt(args, 0, kw, "length").map { try expectInt($0) } ?? 1
            let order = try argAt(args, 1, kw, "byteorder").map { try expectStr($0, "byteorder") } ?? "big"
            var bytes: [UInt8] = []
            var m = n.magnitude
            for _ in 0..<length { bytes.append(UInt8(truncatingIfNeeded: m & 0xff)); m >>= 8 }
            if m != 0 { throw PyException.overflow("int too big to convert") }
            return .bytes(order == "little" ? bytes : bytes.reversed())
        case "from_bytes":
            guard case .bytes(let b)? = argAt(args, 0, kw, "bytes") else { throw PyException.typeError("cannot convert to bytes") }
            let order = try argAt(args, 1, kw, "byteorder").map { try expectStr($0, "byteorder") } ?? "big"
            var r = BigInt(0)
            for byte in (order == "little" ? b.reversed() : b) { r = r << 8 + BigInt(byte) }
            return .integer(r)
        default: throw noAttribute(v, name)
        }
    }

    func floatMethod(_ d: Double, _ name: String, _ args: [Value]) throws -> Value {
        switch name {
        case "is_integer": return .bool(d.isFinite && d == d.rounded())
        case "conjugate", "real": return .float(d)
        case "imag": return .float(0)
        case "as_integer_ratio":
            guard d.isFinite else { throw PyException.overflow("cannot convert Infinity to integer ratio") }
            var num = d, den = BigInt(1)
            while num != num.rounded() { num *= 2; den *= 2 }
            let nb = BigInt(num)
            let g = nb.greatestCommonDivisor(with: den)
            return .tuple([.integer(nb / g), .integer(den / g)])
        case "hex":
            return .str(cFormat(d, "a", precision: 13))
        default: throw noAttribute(.float(d), name)
        }
    }

    func bytesMethod(_ b: [UInt8], _ name: String, _ args: [Value], _ kw: [(String, Value)]) throws -> Value {
        func bytesArg(_ v: Value?) throws -> [UInt8] {
            guard case .bytes(let x)? = v else { throw PyException.typeError("a bytes-like object is required, not '\(v?.typeName ?? "NoneType")'") }
            return x
        }
        switch name {
        case "decode":
            if let s = String(validating: b, as: UTF8.self) { return .str(s) }
            throw PyException.builtin("UnicodeDecodeError", "'utf-8' codec can't decode bytes")
        case "hex": return .str(b.map { String($0, radix: 16).leftPad(2) }.joined())
        case "startswith": return .bool(b.starts(with: try bytesArg(args.first)))
        case "endswith": return .bool(b.reversed().starts(with: try bytesArg(args.first).reversed()))
        case "upper": return .bytes(b.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 })
        case "lower": return .bytes(b.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 })
        case "strip":
            var s = b[...]
            while let f = s.first, f == 32 || (f >= 9 && f <= 13) { s = s.dropFirst() }
            while let l = s.last, l == 32 || (l >= 9 && l <= 13) { s = s.dropLast() }
            return .bytes(Array(s))
        case "find":
            let sub = try bytesArg(args.first)
            if sub.isEmpty { return .int(0) }
            if sub.count <= b.count { for i in 0...(b.count - sub.count) where b[i..<(i + sub.count)].elementsEqual(sub) { return .int(i) } }
            return .int(-1)
        case "count":
            let sub = try bytesArg(args.first)
            var n = 0, i = 0
            while i + sub.count <= b.count && !sub.isEmpty {
                if b[i..<(i + sub.count)].elementsEqual(sub) { n += 1; i += sub.count } else { i += 1 }
            }
            return .int(n)
        case "join":
            var out: [UInt8] = []
            var first = true
            try forEach(args.first ?? .tuple([])) { v in
                if !first { out += b }
                first = false
                out += try bytesArg(v)
                return true
            }
            return .bytes(out)
        case "split":
            let s = String(decoding: b, as: UTF8.self)
            let parts = try strMethod(s, "split", args.map { if case .bytes(let x) = $0 { return .str(String(decoding: x, as: UTF8.self)) }; return $0 }, kw)
            return .list(PyList(try toArray(parts).map { if case .str(let p) = $0 { return .bytes(Array(p.utf8)) }; return $0 }))
        case "splitlines":
            // bytes split only on \n, \r and \r\n (not on str's other line boundaries).
            var keep = false
            if let k = args.first ?? kw.first(where: { $0.0 == "keepends" })?.1 { keep = try isTruthy(k) }
            var lines: [Value] = []
            var start = 0, i = 0
            while i < b.count {
                if b[i] == 0x0A || b[i] == 0x0D {
                    let end = (b[i] == 0x0D && i + 1 < b.count && b[i + 1] == 0x0A) ? i + 2 : i + 1
                    lines.append(.bytes(Array(b[start..<(keep ? end : i)])))
                    start = end; i = end
                } else { i += 1 }
            }
            if start < b.count { lines.append(.bytes(Array(b[start...]))) }
            return .list(PyList(lines))
        case "replace":
            let old = try bytesArg(args.first), new = try bytesArg(args.count > 1 ? args[1] : nil)
            var out: [UInt8] = []
            var i = 0
            while i < b.count {
                if !old.isEmpty && i + old.count <= b.count && b[i..<(i + old.count)].elementsEqual(old) { out += new; i += old.count }
                else { out.append(b[i]); i += 1 }
            }
            return .bytes(out)
        default: throw noAttribute(.bytes(b), name)
        }
    }
}
