// Expression nodes. Each node evaluates itself; failures are tagged with the node's source range.

class Expr {
    let r: SrcRange
    init(_ r: SrcRange) { self.r = r }
    func eval(_ f: Frame) throws -> Value { throw PyException.runtimeError("cannot evaluate expression") }
    func assign(_ f: Frame, _ v: Value) throws { throw PyException.runtimeError("cannot assign to expression") }
    func delete(_ f: Frame) throws { throw PyException.runtimeError("cannot delete expression") }
}

final class ConstExpr: Expr {
    let value: Value
    init(_ value: Value, _ r: SrcRange) { self.value = value; super.init(r) }
    override func eval(_ f: Frame) throws -> Value { value }
}

final class NameExpr: Expr {
    let name: String
    var loc: NameLoc = .unresolved
    init(_ name: String, _ r: SrcRange) { self.name = name; super.init(r) }

    /// A NameError carrying CPython's "Did you mean" candidate computed from this frame.
    func nameError(_ f: Frame) -> any Error {
        let e = PyException.nameError("name '\(name)' is not defined")
        e.instance.attrs["name"] = .str(name)
        if let s = f.interp.suggestName(name, f) { e.instance.suggestion = s }
        return mark(e, r)
    }

    override func eval(_ f: Frame) throws -> Value {
        switch loc {
        case .fast(let i):
            if let v = f.locals[i] { return v }
            throw mark(PyException.builtin("UnboundLocalError", "cannot access local variable '\(name)' where it is not associated with a value"), r)
        case .global(let i):
            if let v = f.globals.values[i] { return v }
            if let v = f.interp.builtins[name] { return v }
            throw nameError(f)
        case .cell(let i):
            if let v = f.cells[i].value { return v }
            throw mark(PyException.nameError("cannot access free variable '\(name)' where it is not associated with a value in enclosing scope"), r)
        case .classBody(let i):
            if let v = f.classNS?.values[name] { return v }
            if let v = f.globals.values[i] { return v }
            if let v = f.interp.builtins[name] { return v }
            throw nameError(f)
        case .unresolved:
            if let v = f.globals.get(name) { return v }
            if let v = f.interp.builtins[name] { return v }
            throw mark(PyException.nameError("name '\(name)' is not defined"), r)
        }
    }

    override func assign(_ f: Frame, _ v: Value) throws {
        switch loc {
        case .fast(let i): f.locals[i] = v
        case .global(let i): f.globals.values[i] = v
        case .cell(let i): f.cells[i].value = v
        case .classBody: f.classNS?.set(name, v)
        case .unresolved: f.globals.set(name, v)
        }
    }

    override func delete(_ f: Frame) throws {
        let missing: Bool
        switch loc {
        case .fast(let i): missing = f.locals[i] == nil; f.locals[i] = nil
        case .global(let i): missing = f.globals.values[i] == nil; f.globals.values[i] = nil
        case .cell(let i): missing = f.cells[i].value == nil; f.cells[i].value = nil
        case .classBody: missing = f.classNS?.values.removeValue(forKey: name) == nil
        case .unresolved: missing = true
        }
        if missing {
            if case .fast = loc {
                throw mark(PyException.builtin("UnboundLocalError", "cannot access local variable '\(name)' where it is not associated with a value"), r)
            }
            throw mark(PyException.nameError("name '\(name)' is not defined"), r)
        }
    }
}

enum BinOp: String {
    case add = "+", sub = "-", mul = "*", truediv = "/", floordiv = "//", mod = "%", pow = "**"
    case lshift = "<<", rshift = ">>", bitor = "|", bitxor = "^", bitand = "&", matmul = "@"
}

final class BinOpExpr: Expr {
    let op: BinOp
    let left: Expr, right: Expr
    init(_ op: BinOp, _ l: Expr, _ rt: Expr, _ r: SrcRange) { self.op = op; left = l; right = rt; super.init(r) }
    override func eval(_ f: Frame) throws -> Value {
        let a = try left.eval(f)
        let b = try right.eval(f)
        if case .int(let x) = a, case .int(let y) = b {
            switch op {
            case .add: let (s, o) = x.addingReportingOverflow(y); if !o { return .int(s) }
            case .sub: let (s, o) = x.subtractingReportingOverflow(y); if !o { return .int(s) }
            case .mul: let (s, o) = x.multipliedReportingOverflow(by: y); if !o { return .int(s) }
            default: break
            }
        }
        do { return try f.interp.binaryOp(op, a, b) } catch { throw mark(error, r) }
    }
}

enum UnaryOp { case neg, pos, not, invert }

final class UnaryExpr: Expr {
    let op: UnaryOp
    let operand: Expr
    init(_ op: UnaryOp, _ e: Expr, _ r: SrcRange) { self.op = op; operand = e; super.init(r) }
    override func eval(_ f: Frame) throws -> Value {
        let v = try operand.eval(f)
        do { return try f.interp.unaryOp(op, v) } catch { throw mark(error, r) }
    }
}

final class BoolOpExpr: Expr {
    let isAnd: Bool
    let values: [Expr]
    init(isAnd: Bool, _ values: [Expr], _ r: SrcRange) { self.isAnd = isAnd; self.values = values; super.init(r) }
    override func eval(_ f: Frame) throws -> Value {
        var v = Value.none
        for (i, e) in values.enumerated() {
            v = try e.eval(f)
            if i == values.count - 1 { break }
            let t: Bool
            do { t = try f.interp.isTruthy(v) } catch { throw mark(error, r) }
            if t != isAnd { return v }
        }
        return v
    }
}

enum CmpOp: String { case lt = "<", gt = ">", eq = "==", ne = "!=", le = "<=", ge = ">=", isIn = "in", notIn = "not in", isOp = "is", isNot = "is not" }

final class CompareExpr: Expr {
    let first: Expr
    let ops: [CmpOp]
    let rest: [Expr]
    init(_ first: Expr, _ ops: [CmpOp], _ rest: [Expr], _ r: SrcRange) { self.first = first; self.ops = ops; self.rest = rest; super.init(r) }
    override func eval(_ f: Frame) throws -> Value {
        var a = try first.eval(f)
        for i in 0..<ops.count {
            let b = try rest[i].eval(f)
            let res: Value
            if case .int(let x) = a, case .int(let y) = b {
                switch ops[i] {
                case .lt: res = .bool(x < y)
                case .gt: res = .bool(x > y)
                case .le: res = .bool(x <= y)
                case .ge: res = .bool(x >= y)
                case .eq: res = .bool(x == y)
                case .ne: res = .bool(x != y)
                default:
                    do { res = try f.interp.compareOp(ops[i], a, b) } catch { throw mark(error, r) }
                }
            } else {
                do { res = try f.interp.compareOp(ops[i], a, b) } catch { throw mark(error, r) }
            }
            if i == ops.count - 1 { return res }
            let t: Bool
            do { t = try f.interp.isTruthy(res) } catch { throw mark(error, r) }
            if !t { return res }
            a = b
        }
        return .bool(true)
    }
}

final class IfExpr: Expr {
    let test: Expr, body: Expr, orelse: Expr
    init(_ test: Expr, _ body: Expr, _ orelse: Expr, _ r: SrcRange) { self.test = test; self.body = body; self.orelse = orelse; super.init(r) }
    override func eval(_ f: Frame) throws -> Value {
        let t = try test.eval(f)
        let b: Bool
        do { b = try f.interp.isTruthy(t) } catch { throw mark(error, r) }
        return try b ? body.eval(f) : orelse.eval(f)
    }
}

final class NamedExpr: Expr {
    let target: NameExpr, value: Expr
    init(_ t: NameExpr, _ v: Expr, _ r: SrcRange) { target = t; value = v; super.init(r) }
    override func eval(_ f: Frame) throws -> Value {
        let v = try value.eval(f)
        try target.assign(f, v)
        return v
    }
}

final class AttributeExpr: Expr {
    let obj: Expr
    let name: String
    init(_ obj: Expr, _ name: String, _ r: SrcRange) { self.obj = obj; self.name = name; super.init(r) }
    override func eval(_ f: Frame) throws -> Value {
        let o = try obj.eval(f)
        do { return try f.interp.getAttr(o, name) } catch { throw mark(error, r) }
    }
    override func assign(_ f: Frame, _ v: Value) throws {
        let o = try obj.eval(f)
        do { try f.interp.setAttr(o, name, v) } catch { throw mark(error, r) }
    }
    override func delete(_ f: Frame) throws {
        let o = try obj.eval(f)
        do { try f.interp.delAttr(o, name) } catch { throw mark(error, r) }
    }
}

final class SubscriptExpr: Expr {
    let obj: Expr, index: Expr
    init(_ obj: Expr, _ index: Expr, _ r: SrcRange) { self.obj = obj; self.index = index; super.init(r) }
    override func eval(_ f: Frame) throws -> Value {
        let o = try obj.eval(f)
        let k = try index.eval(f)
        if case .list(let l) = o, case .int(let i) = k {
            if i >= 0 && i < l.items.count { return l.items[i] }
            if i < 0 && -i <= l.items.count { return l.items[l.items.count + i] }
        }
        do { return try f.interp.getItem(o, k) } catch { throw mark(error, r) }
    }
    override func assign(_ f: Frame, _ v: Value) throws {
        let o = try obj.eval(f)
        let k = try index.eval(f)
        if case .list(let l) = o, case .int(let i) = k, i >= 0 && i < l.items.count {
            l.items[i] = v
            return
        }
        do { try f.interp.setItem(o, k, v) } catch { throw mark(error, r) }
    }
    override func delete(_ f: Frame) throws {
        let o = try obj.eval(f)
        let k = try index.eval(f)
        do { try f.interp.delItem(o, k) } catch { throw mark(error, r) }
    }
}

final class SliceExpr: Expr {
    let lower: Expr?, upper: Expr?, step: Expr?
    init(_ l: Expr?, _ u: Expr?, _ s: Expr?, _ r: SrcRange) { lower = l; upper = u; step = s; super.init(r) }
    override func eval(_ f: Frame) throws -> Value {
        .slice(PySlice(try lower?.eval(f) ?? .none, try upper?.eval(f) ?? .none, try step?.eval(f) ?? .none))
    }
}

final class StarredExpr: Expr {
    let value: Expr
    init(_ v: Expr, _ r: SrcRange) { value = v; super.init(r) }
    override func eval(_ f: Frame) throws -> Value {
        throw mark(PyException.builtin("SyntaxError", "can't use starred expression here"), r)
    }
}

/// Evaluates display items, expanding `*iterable`.
@inline(__always) func evalItems(_ items: [Expr], _ f: Frame) throws -> [Value] {
    var out: [Value] = []
    out.reserveCapacity(items.count)
    for e in items {
        if let s = e as? StarredExpr {
            let v = try s.value.eval(f)
            do { try f.interp.forEach(v) { out.append($0); return true } } catch { throw mark(error, s.r) }
        } else {
            out.append(try e.eval(f))
        }
    }
    return out
}

/// Assigns to a tuple/list target pattern, with one optional starred element.
func unpackAssign(_ targets: [Expr], _ v: Value, _ f: Frame, _ r: SrcRange) throws {
    var values: [Value]
    switch v {
    case .tuple(let t): values = t
    case .list(let l): values = l.items
    default:
        do { values = try f.interp.toArray(v) } catch let e as PyException where e.isInstance(of: "TypeError") {
            throw mark(PyException.typeError("cannot unpack non-iterable \(v.typeName) object"), r)
        }
    }
    if let starIndex = targets.firstIndex(where: { $0 is StarredExpr }) {
        let after = targets.count - starIndex - 1
        if values.count < targets.count - 1 {
            throw mark(PyException.valueError("not enough values to unpack (expected at least \(targets.count - 1), got \(values.count))"), r)
        }
        for i in 0..<starIndex { try targets[i].assign(f, values[i]) }
        let mid = Array(values[starIndex..<(values.count - after)])
        if let s = targets[starIndex] as? StarredExpr { try s.value.assign(f, .list(PyList(mid))) }
        for i in 0..<after { try targets[starIndex + 1 + i].assign(f, values[values.count - after + i]) }
        return
    }
    if values.count > targets.count {
        throw mark(PyException.valueError("too many values to unpack (expected \(targets.count))"), r)
    }
    if values.count < targets.count {
        throw mark(PyException.valueError("not enough values to unpack (expected \(targets.count), got \(values.count))"), r)
    }
    for (t, x) in zip(targets, values) { try t.assign(f, x) }
}

final class TupleExpr: Expr {
    let items: [Expr]
    init(_ items: [Expr], _ r: SrcRange) { self.items = items; super.init(r) }
    override func eval(_ f: Frame) throws -> Value { .tuple(try evalItems(items, f)) }
    override func assign(_ f: Frame, _ v: Value) throws { try unpackAssign(items, v, f, r) }
    override func delete(_ f: Frame) throws { for i in items { try i.delete(f) } }
}

final class ListExpr: Expr {
    let items: [Expr]
    init(_ items: [Expr], _ r: SrcRange) { self.items = items; super.init(r) }
    override func eval(_ f: Frame) throws -> Value { .list(PyList(try evalItems(items, f))) }
    override func assign(_ f: Frame, _ v: Value) throws { try unpackAssign(items, v, f, r) }
    override func delete(_ f: Frame) throws { for i in items { try i.delete(f) } }
}

final class SetExpr: Expr {
    let items: [Expr]
    init(_ items: [Expr], _ r: SrcRange) { self.items = items; super.init(r) }
    override func eval(_ f: Frame) throws -> Value {
        let vals = try evalItems(items, f)
        do { return .set(try PySet(vals)) } catch { throw mark(error, r) }
    }
}

final class DictExpr: Expr {
    /// A nil key means `**value`.
    let keys: [Expr?]
    let values: [Expr]
    init(_ keys: [Expr?], _ values: [Expr], _ r: SrcRange) { self.keys = keys; self.values = values; super.init(r) }
    override func eval(_ f: Frame) throws -> Value {
        let d = PyDict()
        for (k, v) in zip(keys, values) {
            if let k {
                let kv = try k.eval(f)
                let vv = try v.eval(f)
                do { try d.set(kv, vv) } catch { throw mark(error, r) }
            } else {
                let m = try v.eval(f)
                do { try f.interp.mergeMapping(into: d, m) } catch { throw mark(error, v.r) }
            }
        }
        return .dict(d)
    }
}

/// One piece of an f-string.
enum FStringPart {
    case literal(String)
    case field(Expr, conversion: Character?, spec: [FStringPart]?, debugText: String?)
}

final class FStringExpr: Expr {
    let parts: [FStringPart]
    init(_ parts: [FStringPart], _ r: SrcRange) { self.parts = parts; super.init(r) }
    override func eval(_ f: Frame) throws -> Value { .str(try render(parts, f)) }
    func render(_ parts: [FStringPart], _ f: Frame) throws -> String {
        var out = ""
        for p in parts {
            switch p {
            case .literal(let s): out += s
            case .field(let e, let conv, let spec, let debug):
                let v = try e.eval(f)
                if let debug { out += debug }
                let specText = try spec.map { try render($0, f) } ?? ""
                do {
                    var conv = conv
                    if debug != nil && conv == nil && specText.isEmpty { conv = "r" }
                    switch conv {
                    case "r": out += try f.interp.formatValue(.str(f.interp.repr(v)), specText)
                    case "s": out += try f.interp.formatValue(.str(f.interp.str(v)), specText)
                    case "a": out += try f.interp.formatValue(.str(asciiEscape(f.interp.repr(v))), specText)
                    default: out += try f.interp.formatValue(v, specText)
                    }
                } catch { throw mark(error, e.r) }
            }
        }
        return out
    }
}

final class LambdaExpr: Expr {
    let code: FunctionCode
    let defaults: [Expr]
    let kwDefaults: [(String, Expr)]
    init(_ code: FunctionCode, _ defaults: [Expr], _ kwDefaults: [(String, Expr)], _ r: SrcRange) {
        self.code = code; self.defaults = defaults; self.kwDefaults = kwDefaults; super.init(r)
    }
    override func eval(_ f: Frame) throws -> Value {
        .function(try makeFunction(code, defaults, kwDefaults, f))
    }
}

func makeFunction(_ code: FunctionCode, _ defaults: [Expr], _ kwDefaults: [(String, Expr)], _ f: Frame) throws -> PyFunction {
    var d: [Value] = []
    for e in defaults { d.append(try e.eval(f)) }
    var kd: [String: Value] = [:]
    for (n, e) in kwDefaults { kd[n] = try e.eval(f) }
    let closure = code.freeSources.map { f.cells[$0] }
    return PyFunction(code: code, defaults: d, kwDefaults: kd, closure: closure, globals: f.globals)
}

/// A call argument as written.
enum CallArg {
    case positional(Expr)
    case star(Expr)
    case keyword(String, Expr)
    case doubleStar(Expr)
}

final class CallExpr: Expr {
    let fn: Expr
    let args: [CallArg]
    let simple: [Expr]?
    init(_ fn: Expr, _ args: [CallArg], _ r: SrcRange) {
        self.fn = fn
        self.args = args
        var simple: [Expr]? = []
        for a in args { if case .positional(let e) = a { simple?.append(e) } else { simple = nil } }
        self.simple = simple
        super.init(r)
    }

    @inline(__always) func evalArgs(_ f: Frame) throws -> ([Value], [(String, Value)]) {
        if let simple {
            var pos: [Value] = []
            pos.reserveCapacity(simple.count)
            for e in simple { pos.append(try e.eval(f)) }
            return (pos, [])
        }
        var pos: [Value] = []
        var kw: [(String, Value)] = []
        for a in args {
            switch a {
            case .positional(let e): pos.append(try e.eval(f))
            case .star(let e):
                let v = try e.eval(f)
                do { try f.interp.forEach(v) { pos.append($0); return true } } catch let err as PyException where err.isInstance(of: "TypeError") {
                    throw mark(PyException.typeError("\(f.interp.callableName(try fn.eval(f)))() argument after * must be an iterable, not \(v.typeName)"), r)
                }
            case .keyword(let n, let e): kw.append((n, try e.eval(f)))
            case .doubleStar(let e):
                let v = try e.eval(f)
                let d = PyDict()
                do { try f.interp.mergeMapping(into: d, v) } catch { throw mark(error, r) }
                for (k, x) in d.items {
                    guard case .str(let ks) = k else { throw mark(PyException.typeError("keywords must be strings"), r) }
                    if kw.contains(where: { $0.0 == ks }) {
                        throw mark(PyException.typeError("\(f.interp.callableName(try fn.eval(f)))() got multiple values for keyword argument '\(ks)'"), r)
                    }
                    kw.append((ks, x))
                }
            }
        }
        return (pos, kw)
    }

    override func eval(_ f: Frame) throws -> Value {
        if let attr = fn as? AttributeExpr {
            let recv = try attr.obj.eval(f)
            // Fast path: a plain method defined on the instance's class.
            if case .instance(let inst) = recv, inst.attrs[attr.name] == nil, let m = inst.cls.lookup(attr.name), case .function(let fnv) = m {
                var pos: [Value] = [recv]
                if let simple {
                    pos.reserveCapacity(simple.count + 1)
                    for e in simple { pos.append(try e.eval(f)) }
                    do { return try f.interp.callFunction(fnv, pos, []) } catch { throw mark(error, r) }
                }
                let (rest, kw) = try evalArgs(f)
                pos.append(contentsOf: rest)
                do { return try f.interp.callFunction(fnv, pos, kw) } catch { throw mark(error, r) }
            }
            let method: Value?
            do { method = try f.interp.lookupMethod(recv, attr.name) } catch { throw mark(error, attr.r) }
            let (pos, kw) = try evalArgs(f)
            do {
                if let method { return try f.interp.call(method, pos, kw) }
                return try f.interp.callMethod(recv, attr.name, pos, kw)
            } catch { throw mark(error, r) }
        }
        let callee = try fn.eval(f)
        let (pos, kw) = try evalArgs(f)
        do { return try f.interp.call(callee, pos, kw) } catch { throw mark(error, r) }
    }
}

/// Zero-argument `super()` inside a method: resolved to (defining class, first argument).
final class SuperExpr: Expr {
    let classCode: FunctionCode
    let selfExpr: NameExpr
    init(_ classCode: FunctionCode, _ selfExpr: NameExpr, _ r: SrcRange) { self.classCode = classCode; self.selfExpr = selfExpr; super.init(r) }
    override func eval(_ f: Frame) throws -> Value {
        guard let cls = classCode.definedClass else { throw mark(PyException.runtimeError("super(): __class__ cell not found"), r) }
        let obj = try selfExpr.eval(f)
        let inst = PyInstance(cls: f.interp.wrapperClass("super"))
        inst.attrs["__thisclass__"] = .type(cls)
        inst.attrs["__self__"] = obj
        return .instance(inst)
    }
}
