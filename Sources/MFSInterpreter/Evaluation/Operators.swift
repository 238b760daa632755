// Operators: arithmetic dispatch, comparison, truth, membership, equality.
import BigInt
import Glibc

private let dunder: [BinOp: (String, String)] = [
    .add: ("__add__", "__radd__"), .sub: ("__sub__", "__rsub__"), .mul: ("__mul__", "__rmul__"),
    .truediv: ("__truediv__", "__rtruediv__"), .floordiv: ("__floordiv__", "__rfloordiv__"),
    .mod: ("__mod__", "__rmod__"), .pow: ("__pow__", "__rpow__"), .lshift: ("__lshift__", "__rlshift__"),
    .rshift: ("__rshift__", "__rrshift__"), .bitor: ("__or__", "__ror__"), .bitxor: ("__xor__", "__rxor__"),
    .bitand: ("__and__", "__rand__"), .matmul: ("__matmul__", "__rmatmul__"),
]

/// The special methods of the orderings and of their reflections.
private let orderingNames: [CmpOp: (String, String)] = [.lt: ("__lt__", "__gt__"), .gt: ("__gt__", "__lt__"),
                                                        .le: ("__le__", "__ge__"), .ge: ("__ge__", "__le__")]

extension Interpreter {
    func binaryOp(_ op: BinOp, _ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.instance(let i), _):
            // Only the left side's: its own special method comes first whatever the right side is.
            if let h = Self.operatingHost(i), let hop = HostOperator(op), let r = try h.fastOperation(hop, b, reflected: false) { return r }
        case (.host, _): break
        case (_, .instance(let j)):
            // A built-in value on the left leaves numbers to the right side's reflected method.
            if let h = Self.operatingHost(j), let hop = HostOperator(op), let r = try h.fastOperation(hop, a, reflected: true) { return r }
        default: break
        }
        if let x = toNum(a), let y = toNum(b) {
            if case .bool(let p) = a, case .bool(let q) = b {
                switch op {
                case .bitand: return .bool(p && q)
                case .bitor: return .bool(p || q)
                case .bitxor: return .bool(p != q)
                default: break
                }
            }
            if let r = try numericOp(op, x, y) { return r }
        }
        if isComplex(a) || isComplex(b), let r = try complexBinary(op, a, b) { return r }
        switch (op, a, b) {
        case (.add, .str(let x), .str(let y)): return .str(x + y)
        case (.add, .list(let x), .list(let y)): return .list(PyList(x.items + y.items))
        case (.add, .tuple(let x), .tuple(let y)): return .tuple(x + y)
        case (.add, .bytes(let x), .bytes(let y)): return .bytes(x + y)
        case (.mul, .str(let s), _):
            if let n = try repeatCount(b) { return .str(try repeatedString(s, n)) }
        case (.mul, _, .str(let s)):
            if let n = try repeatCount(a) { return .str(try repeatedString(s, n)) }
        case (.mul, .list(let l), _):
            if let n = try repeatCount(b) { return .list(PyList(try repeatedValues(l.items, n))) }
        case (.mul, _, .list(let l)):
            if let n = try repeatCount(a) { return .list(PyList(try repeatedValues(l.items, n))) }
        case (.mul, .tuple(let t), _):
            if let n = try repeatCount(b) { return .tuple(try repeatedValues(t, n)) }
        case (.mul, _, .tuple(let t)):
            if let n = try repeatCount(a) { return .tuple(try repeatedValues(t, n)) }
        case (.mul, .bytes(let t), _):
            if let n = try repeatCount(b) { return .bytes(try repeatedBytes(t, n)) }
        case (.mod, .str(let s), _): return .str(try percentFormat(s, b))
        case (.sub, .set(let x), .set), (.sub, .set(let x), .frozenset), (.sub, .frozenset(let x), .set), (.sub, .frozenset(let x), .frozenset):
            return wrapSetLike(a, try setDifference(x, b))
        case (.bitor, .set(let x), .set(let y)), (.bitor, .set(let x), .frozenset(let y)),
             (.bitor, .frozenset(let x), .set(let y)), (.bitor, .frozenset(let x), .frozenset(let y)):
            return wrapSetLike(a, setUnion(x, y))
        case (.bitand, .set(let x), .set), (.bitand, .set(let x), .frozenset), (.bitand, .frozenset(let x), .set), (.bitand, .frozenset(let x), .frozenset):
            return wrapSetLike(a, try setIntersection(x, b))
        case (.bitxor, .set(let x), .set), (.bitxor, .set(let x), .frozenset), (.bitxor, .frozenset(let x), .set), (.bitxor, .frozenset(let x), .frozenset):
            return wrapSetLike(a, try setSymmetricDifference(x, b))
        case (.add, .dict(let x), .dict(let y)) where x.isCounter && y.isCounter:
            return .dict(try counterCombine(x, y, subtract: false))
        case (.sub, .dict(let x), .dict(let y)) where x.isCounter && y.isCounter:
            return .dict(try counterCombine(x, y, subtract: true))
        case (.bitand, .dictView(let v), _), (.bitor, .dictView(let v), _), (.sub, .dictView(let v), _), (.bitxor, .dictView(let v), _):
            guard v.kind != .values else { break }
            return try binaryOp(op, .set(try PySet(try toArray(a))), .set(try PySet(try toArray(b))))
        case (.bitand, _, .dictView(let v)), (.bitor, _, .dictView(let v)), (.sub, _, .dictView(let v)), (.bitxor, _, .dictView(let v)):
            guard v.kind != .values else { break }
            return try binaryOp(op, .set(try PySet(try toArray(a))), .set(try PySet(try toArray(b))))
        case (.bitor, .dict(let x), .dict(let y)):
            let r = x.copy()
            for (k, v) in y.items { try r.set(k, v) }
            return .dict(r)
        default:
            if let r = try dateArithmetic(op, a, b) { return r }
        }
        if let names = dunder[op] {
            if case .instance(let i) = a, let m = i.cls.lookup(names.0) {
                let r = try callValue(m, [a, b], [])
                if !isNotImplemented(r) { return r }
            }
            if case .instance(let i) = b, let m = i.cls.lookup(names.1) {
                let r = try callValue(m, [b, a], [])
                if !isNotImplemented(r) { return r }
            }
        }
        // A sequence repeated by an object with __index__ (numpy's int64): 'ab' * n, n * [0].
        if op == .mul {
            if case .instance = b, isSequence(a), let n = try indexHook(b) { return try binaryOp(.mul, a, n) }
            if case .instance = a, isSequence(b), let n = try indexHook(a) { return try binaryOp(.mul, n, b) }
        }
        throw binaryTypeError(op, a, b)
    }

    private func isSequence(_ v: Value) -> Bool {
        switch v {
        case .str, .list, .tuple, .bytes: return true
        default: return false
        }
    }

    /// The host object behind an instance of a host-backed class (numpy and pandas values), which
    /// may answer an operator itself (`HostObject.fastOperation`).
    @inline(__always)
    static func operatingHost(_ i: PyInstance) -> (any HostObject)? {
        i.host
    }

    func isNotImplemented(_ v: Value) -> Bool {
        if case .builtin(let b) = v, b.name == "NotImplemented" { return true }
        return false
    }

    func wrapSetLike(_ like: Value, _ s: PySet) -> Value {
        if case .frozenset = like { return .frozenset(s) }
        return .set(s)
    }

    func binaryTypeError(_ op: BinOp, _ a: Value, _ b: Value) -> PyException {
        switch (op, a, b) {
        case (.add, .str, _): return .typeError("can only concatenate str (not \"\(b.typeName)\") to str")
        case (.add, .list, _): return .typeError("can only concatenate list (not \"\(b.typeName)\") to list")
        case (.add, .tuple, _): return .typeError("can only concatenate tuple (not \"\(b.typeName)\") to tuple")
        case (.mul, .str, _), (.mul, .list, _), (.mul, .tuple, _), (.mul, .bytes, _):
            return .typeError("can't multiply sequence by non-int of type '\(b.typeName)'")
        case (.mul, _, .str), (.mul, _, .list), (.mul, _, .tuple), (.mul, _, .bytes):
            return .typeError("can't multiply sequence by non-int of type '\(a.typeName)'")
        default: break
        }
        let sym = op == .pow ? "** or pow()" : op.rawValue
        return .typeError("unsupported operand type(s) for \(sym): '\(a.typeName)' and '\(b.typeName)'")
    }

    func inplaceOp(_ op: BinOp, _ a: Value, _ b: Value) throws -> Value {
        switch (op, a) {
        case (.add, .list(let l)):
            if case .list(let o) = b { l.items.append(contentsOf: o.items); return a }
            do { l.items.append(contentsOf: try toArray(b)) } catch let e as PyException where e.isInstance(of: "TypeError") {
                throw PyException.typeError("'\(b.typeName)' object is not iterable")
            }
            return a
        case (.mul, .list(let l)):
            guard let n = try repeatCount(b) else { break }
            l.items = try repeatedValues(l.items, n)
            return a
        case (.bitor, .set(let s)):
            if case .set(let o) = b { s.merge(o); return a }
            if case .frozenset(let o) = b { s.merge(o); return a }
        case (.bitand, .set(let s)):
            switch b {
            case .set, .frozenset: replaceContents(s, with: try setIntersection(s, b)); return a
            default: break
            }
        case (.sub, .set(let s)):
            switch b {
            case .set(let o), .frozenset(let o): for v in o.items { try s.remove(v) }; return a
            default: break
            }
        case (.bitxor, .set(let s)):
            switch b {
            case .set, .frozenset: try setSymmetricDifferenceUpdate(s, b); return a
            default: break
            }
        case (.bitor, .dict(let d)):
            if case .dict(let o) = b { for (k, v) in o.items { try d.set(k, v) }; return a }
        default: break
        }
        if case .instance(let i) = a, let m = i.cls.lookup("__i" + (dunder[op]?.0.dropFirst(2) ?? "")) {
            let r = try callValue(m, [a, b], [])
            if !isNotImplemented(r) { return r }
        }
        do { return try binaryOp(op, a, b) } catch let e as PyException where e.isInstance(of: "TypeError") {
            let sym = op == .pow ? "**=" : op.rawValue + "="
            if e.message.hasPrefix("unsupported operand type(s) for") {
                throw PyException.typeError("unsupported operand type(s) for \(sym): '\(a.typeName)' and '\(b.typeName)'")
            }
            throw e
        }
    }

    func unaryOp(_ op: UnaryOp, _ v: Value) throws -> Value {
        switch op {
        case .not: return .bool(!(try isTruthy(v)))
        case .neg:
            switch v {
            case .int(let i): return i == Int.min ? .integer(-BigInt(i)) : .int(-i)
            case .bool(let b): return .int(b ? -1 : 0)
            case .bigint(let b): return .integer(-b.value)
            case .float(let d): return .float(-d)
            case .timedelta(let t): return .timedelta(PyTimedelta(micros: -t.totalMicros))
            case .host(let c as PyComplex): return .host(PyComplex(-c.real, -c.imag))
            case .instance(let i):
                if let m = i.cls.lookup("__neg__") { return try callValue(m, [v], []) }
            default: break
            }
            throw PyException.typeError("bad operand type for unary -: '\(v.typeName)'")
        case .pos:
            switch v {
            case .int, .bigint, .float, .timedelta: return v
            case .bool(let b): return .int(b ? 1 : 0)
            case .host(let c as PyComplex): return .host(PyComplex(c.real, c.imag))
            case .instance(let i):
                if let m = i.cls.lookup("__pos__") { return try callValue(m, [v], []) }
                throw PyException.typeError("bad operand type for unary +: '\(v.typeName)'")
            default: throw PyException.typeError("bad operand type for unary +: '\(v.typeName)'")
            }
        case .invert:
            switch v {
            case .int(let i): return .int(~i)
            case .bool(let b): return .int(b ? -2 : -1)
            case .bigint(let b): return .integer(-(b.value) - 1)
            case .instance(let i):
                if let m = i.cls.lookup("__invert__") { return try callValue(m, [v], []) }
                throw PyException.typeError("bad operand type for unary ~: '\(v.typeName)'")
            default: throw PyException.typeError("bad operand type for unary ~: '\(v.typeName)'")
            }
        }
    }

    func isTruthy(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .bigint: return true
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .bytes(let b): return !b.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return d.count > 0
        case .set(let s), .frozenset(let s): return s.count > 0
        case .range(let r): return r.count > 0
        case .timedelta(let t): return t.totalMicros != 0
        case .dictView(let d): return d.dict.count > 0
        case .host(let h): return h.isTruthy
        case .instance(let i):
            if let m = i.cls.lookup("__bool__") {
                let r = try callValue(m, [v], [])
                guard case .bool(let b) = r else { throw PyException.typeError("__bool__ should return bool, returned \(r.typeName)") }
                return b
            }
            if let m = i.cls.lookup("__len__") {
                let r = try callValue(m, [v], [])
                guard case .int(let n) = r else { throw PyException.typeError("'\(r.typeName)' object cannot be interpreted as an integer") }
                return n != 0
            }
            return true
        default: return true
        }
    }

    /// `a == b`, honouring user-defined `__eq__`.
    func valuesEqual(_ a: Value, _ b: Value) throws -> Bool {
        if case .instance(let i) = a, let m = i.cls.lookup("__eq__") {
            let r = try callValue(m, [a, b], [])
            if !isNotImplemented(r) { return try isTruthy(r) }
        }
        if case .instance(let i) = b, let m = i.cls.lookup("__eq__") {
            let r = try callValue(m, [b, a], [])
            if !isNotImplemented(r) { return try isTruthy(r) }
        }
        switch (a, b) {
        case (.list(let x), .list(let y)):
            if x === y { return true }
            if x.items.count != y.items.count { return false }
            for (p, q) in zip(x.items, y.items) where !(try valuesEqual(p, q)) { return false }
            return true
        case (.tuple(let x), .tuple(let y)):
            if x.count != y.count { return false }
            for (p, q) in zip(x, y) where !(try valuesEqual(p, q)) { return false }
            return true
        case (.dict(let x), .dict(let y)):
            if x.count != y.count { return false }
            for (k, v) in x.items {
                guard let w = try y.get(k), try valuesEqual(v, w) else { return false }
            }
            return true
        default:
            return pyEquals(a, b)
        }
    }

    func compareOp(_ op: CmpOp, _ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.instance(let i), _):
            // Only the left side's: its own method comes first whatever the right side is.
            if let h = Self.operatingHost(i), let hop = HostOperator(op), let r = try h.fastOperation(hop, b, reflected: false) {
                return r
            }
        case (.host, _): break
        case (_, .instance(let j)):
            // A built-in value on the left: the right side's swapped method (`1 < x` asks `x > 1`).
            if let h = Self.operatingHost(j), let hop = HostOperator(op, swapped: true), let r = try h.fastOperation(hop, a, reflected: false) {
                return r
            }
        default: break
        }
        switch (a, b) {
        case (.instance, _), (_, .instance), (.host, _), (_, .host):
            if let r = try richCompare(op, a, b) { return r }
        default: break
        }
        switch op {
        case .eq: return .bool(try valuesEqual(a, b))
        case .ne:
            if case .instance(let i) = a, let m = i.cls.lookup("__ne__") {
                let r = try callValue(m, [a, b], [])
                if !isNotImplemented(r) { return r }
            }
            return .bool(!(try valuesEqual(a, b)))
        case .isOp: return .bool(isSame(a, b))
        case .isNot: return .bool(!isSame(a, b))
        case .isIn: return .bool(try contains(b, a))
        case .notIn: return .bool(!(try contains(b, a)))
        case .lt, .gt, .le, .ge:
            return .bool(try ordered(op, a, b))
        }
    }

    /// Orders two values; throws the CPython TypeError for unorderable types.
    func ordered(_ op: CmpOp, _ a: Value, _ b: Value) throws -> Bool {
        if let c = try compareValues(a, b, op) {
            switch op {
            case .lt: return c < 0
            case .gt: return c > 0
            case .le: return c <= 0
            default: return c >= 0
            }
        }
        return false
    }

    /// Three-way comparison; nil when unordered (NaN). Throws for unorderable types.
    func compareValues(_ a: Value, _ b: Value, _ op: CmpOp) throws -> Int? {
        if let x = toNum(a), let y = toNum(b) { return compareNums(x, y) }
        switch (a, b) {
        case (.str(let x), .str(let y)):
            if strEqual(x, y) { return 0 }
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) { $0.value < $1.value } ? -1 : 1
        case (.bytes(let x), .bytes(let y)):
            if x == y { return 0 }
            return x.lexicographicallyPrecedes(y) ? -1 : 1
        case (.list(let x), .list(let y)): return try compareSequences(x.items, y.items, op)
        case (.tuple(let x), .tuple(let y)): return try compareSequences(x, y, op)
        case (.set(let x), .set(let y)), (.frozenset(let x), .frozenset(let y)),
             (.set(let x), .frozenset(let y)), (.frozenset(let x), .set(let y)):
            let sub = try x.items.allSatisfy { try y.contains($0) }
            let sup = try y.items.allSatisfy { try x.contains($0) }
            switch op {
            case .lt: return sub && x.count < y.count ? -1 : 1
            case .le: return sub ? -1 : 1
            case .gt: return sup && x.count > y.count ? 1 : -1
            default: return sup ? 1 : -1
            }
        case (.datetime(let x), .datetime(let y)):
            if (x.tz == nil) != (y.tz == nil) { throw PyException.typeError("can't compare offset-naive and offset-aware datetimes") }
            return x.utcMicros < y.utcMicros ? -1 : x.utcMicros > y.utcMicros ? 1 : 0
        case (.date(let x), .date(let y)): return x.ordinal < y.ordinal ? -1 : x.ordinal > y.ordinal ? 1 : 0
        case (.timedelta(let x), .timedelta(let y)): return x.totalMicros < y.totalMicros ? -1 : x.totalMicros > y.totalMicros ? 1 : 0
        default: break
        }
        if let (fwd, rev) = orderingNames[op] {
            if case .instance(let i) = a, let m = i.cls.lookup(fwd) {
                let r = try callValue(m, [a, b], [])
                if !isNotImplemented(r) { return try isTruthy(r) ? (op == .lt || op == .le ? -1 : 1) : (op == .lt || op == .le ? 1 : -1) }
            }
            if case .instance(let i) = b, let m = i.cls.lookup(rev) {
                let r = try callValue(m, [b, a], [])
                if !isNotImplemented(r) { return try isTruthy(r) ? (op == .lt || op == .le ? -1 : 1) : (op == .lt || op == .le ? 1 : -1) }
            }
        }
        switch (a, b) {
        case (.host, _), (_, .host):
            // Host objects order through their __lt__/... (sorted with a cmp_to_key key, for one).
            if let r = try richCompare(op, a, b) { return try isTruthy(r) ? (op == .lt || op == .le ? -1 : 1) : (op == .lt || op == .le ? 1 : -1) }
        default: break
        }
        throw PyException.typeError("'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
    }

    func compareSequences(_ x: [Value], _ y: [Value], _ op: CmpOp) throws -> Int? {
        for (p, q) in zip(x, y) {
            if try valuesEqual(p, q) { continue }
            return try compareValues(p, q, op)
        }
        return x.count < y.count ? -1 : x.count > y.count ? 1 : 0
    }

    /// `a < b` for sorting.
    func lessThan(_ a: Value, _ b: Value) throws -> Bool {
        if case .int(let x) = a, case .int(let y) = b { return x < y }
        if case .instance(let i) = a, let hook = i.cls.lessThan, let r = try hook(a, b) { return r }
        return try ordered(.lt, a, b)
    }

    func isSame(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.str(let x), .str(let y)): return strEqual(x, y)
        case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern
        case (.list(let x), .list(let y)): return x === y
        case (.dict(let x), .dict(let y)): return x === y
        case (.set(let x), .set(let y)): return x === y
        case (.frozenset(let x), .frozenset(let y)): return x === y
        case (.tuple(let x), .tuple(let y)): return x.isEmpty && y.isEmpty
        case (.function(let x), .function(let y)): return x === y
        case (.builtin(let x), .builtin(let y)): return x === y
        case (.type(let x), .type(let y)): return x === y
        case (.instance(let x), .instance(let y)): return x === y
        case (.module(let x), .module(let y)): return x === y
        case (.iterator(let x), .iterator(let y)): return x === y
        case (.host(let x), .host(let y)): return x === y
        default: return false
        }
    }

    func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .list(let l):
            for v in l.items where try valuesEqual(v, item) { return true }
            return false
        case .tuple(let t):
            for v in t where try valuesEqual(v, item) { return true }
            return false
        case .str(let s):
            guard case .str(let sub) = item else {
                throw PyException.typeError("'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return sub.isEmpty || s.contains(sub)
        case .bytes(let b):
            switch item {
            case .int(let i): return b.contains(UInt8(truncatingIfNeeded: i))
            case .bytes(let sub): return sub.isEmpty || b.firstRange(of: sub) != nil
            default: throw PyException.typeError("a bytes-like object is required, not '\(item.typeName)'")
            }
        case .dict(let d): return try d.contains(item)
        case .set(let s), .frozenset(let s): return try s.contains(item)
        case .range(let r):
            guard let n = toNum(item), case .i(let i) = n else {
                if case .float(let f) = item, f == f.rounded(), abs(f) < 9e18 { return try contains(container, .int(Int(f))) }
                return false
            }
            if r.step > 0 ? (i < r.start || i >= r.stop) : (i > r.start || i <= r.stop) { return false }
            return (i - r.start) % r.step == 0
        case .dictView(let dv):
            switch dv.kind {
            case .keys: return try dv.dict.contains(item)
            case .values: for v in dv.dict.values where try valuesEqual(v, item) { return true }; return false
            case .items:
                guard case .tuple(let t) = item, t.count == 2, let v = try dv.dict.get(t[0]) else { return false }
                return try valuesEqual(v, t[1])
            }
        case .host(let h): return try h.contains(item)
        case .instance(let i):
            if let m = i.cls.lookup("__contains__") { return try isTruthy(try callValue(m, [container, item], [])) }
            if i.cls.lookup("__iter__") != nil || i.cls.lookup("__getitem__") != nil {
                var found = false
                try forEach(container) { v in found = try valuesEqual(v, item); return !found }
                return found
            }
        case .iterator(let it):
            while let v = try it.next() { if try valuesEqual(v, item) { return true } }
            return false
        default: break
        }
        throw PyException.typeError("argument of type '\(container.typeName)' is not iterable")
    }
}

/// Structural equality without user code (dict keys, set members).
func pyEquals(_ a: Value, _ b: Value) -> Bool {
    if isComplex(a) || isComplex(b) {
        guard let x = try? complexParts(a), let y = try? complexParts(b) else { return false }
        return x.0 == y.0 && x.1 == y.1
    }
    if let x = toNum(a), let y = toNum(b) { return compareNums(x, y) == 0 }
    switch (a, b) {
    case (.none, .none): return true
    case (.str(let x), .str(let y)): return strEqual(x, y)
    case (.bytes(let x), .bytes(let y)): return x == y
    case (.tuple(let x), .tuple(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { pyEquals($0, $1) }
    case (.list(let x), .list(let y)):
        return x === y || (x.items.count == y.items.count && zip(x.items, y.items).allSatisfy { pyEquals($0, $1) })
    case (.dict(let x), .dict(let y)):
        if x === y { return true }
        if x.count != y.count { return false }
        for (k, v) in x.items {
            guard let w = try? y.get(k), pyEquals(v, w) else { return false }
        }
        return true
    case (.set(let x), .set(let y)), (.frozenset(let x), .frozenset(let y)),
         (.set(let x), .frozenset(let y)), (.frozenset(let x), .set(let y)):
        return x.count == y.count && x.items.allSatisfy { (try? y.contains($0)) ?? false }
    case (.range(let x), .range(let y)):
        if x.count != y.count { return false }
        if x.count == 0 { return true }
        return x.start == y.start && (x.count == 1 || x.step == y.step)
    case (.datetime(let x), .datetime(let y)): return (x.tz == nil) == (y.tz == nil) && x.utcMicros == y.utcMicros
    case (.date(let x), .date(let y)): return x.ordinal == y.ordinal
    case (.timedelta(let x), .timedelta(let y)): return x.totalMicros == y.totalMicros
    case (.host(let x), .host(let y)) where x.keyValue == nil && y.keyValue == nil: return x.equals(y)
    case (.function(let x), .function(let y)): return x === y
    case (.builtin(let x), .builtin(let y)): return x === y
    case (.type(let x), .type(let y)): return x === y
    case (.instance(let x), .instance(let y)) where x.host?.keyValue == nil && y.host?.keyValue == nil:
        if x === y { return true }
        if let eq = x.cls.lookup("__eq__"), case .function = eq, let interp = x.cls.owner,
           let r = try? interp.callValue(eq, [a, b], []), let t = try? interp.isTruthy(r) { return t }
        return false
    case (.module(let x), .module(let y)): return x === y
    case (.iterator(let x), .iterator(let y)): return x === y
    case (.slice(let x), .slice(let y)): return pyEquals(x.start, y.start) && pyEquals(x.stop, y.stop) && pyEquals(x.step, y.step)
    case (.boundMethod(let x), .boundMethod(let y)): return pyEquals(x.receiver, y.receiver) && pyEquals(x.function, y.function)
    default:
        // A host value that stands for a plain one (a numpy scalar) equals what that equals, and
        // itself even when that is a NaN (dicts find a key by identity first, as CPython's do).
        if case .instance(let x) = a, case .instance(let y) = b, x === y { return true }
        if let k = hostKeyValue(a) { return pyEquals(k, b) }
        if let k = hostKeyValue(b) { return pyEquals(a, k) }
        return false
    }
}

/// What a host value stands for as a key (`HostObject.keyValue`), so that equality agrees with the hash.
@inline(__always) private func hostKeyValue(_ v: Value) -> Value? {
    switch v {
    case .instance(let i): return i.host?.keyValue
    case .host(let h): return h.keyValue
    default: return nil
    }
}

/// Code-point equality of two strings (Swift's == would apply canonical equivalence).
@inline(__always) func strEqual(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    if a.utf8.count != b.utf8.count { return false }
    return a.withUTF8 { pa in
        b.withUTF8 { pb in
            guard let x = pa.baseAddress, let y = pb.baseAddress else { return pa.count == pb.count }
            return memcmp(x, y, pa.count) == 0
        }
    }
}

extension Interpreter {
    /// `Counter + Counter` / `Counter - Counter`: keeps only positive counts, in CPython's order.
    func counterCombine(_ x: PyDict, _ y: PyDict, subtract: Bool) throws -> PyDict {
        let r = PyDict()
        r.isCounter = true
        for (k, v) in x.items {
            let other = try y.get(k) ?? .int(0)
            let n = try binaryOp(subtract ? .sub : .add, v, other)
            if try ordered(.gt, n, .int(0)) { try r.set(k, n) }
        }
        for (k, v) in y.items where try x.get(k) == nil {
            let n = subtract ? try binaryOp(.sub, .int(0), v) : v
            if try ordered(.gt, n, .int(0)) { try r.set(k, n) }
        }
        return r
    }
}
