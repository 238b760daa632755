// Statement nodes.

class Stmt {
    /// For compound statements: the header line only.
    let r: SrcRange
    init(_ r: SrcRange) { self.r = r }
    func exec(_ f: Frame) throws -> Flow { .normal }
}

final class ExprStmt: Stmt {
    let expr: Expr
    init(_ e: Expr, _ r: SrcRange) { expr = e; super.init(r) }
    override func exec(_ f: Frame) throws -> Flow { _ = try expr.eval(f); return .normal }
}

/// An expression statement of REPL input, whose value goes to the display hook (CPython's
/// PRINT_EXPR in 'single' mode).
final class DisplayedExprStmt: Stmt {
    let expr: Expr
    init(_ e: Expr, _ r: SrcRange) { expr = e; super.init(r) }
    override func exec(_ f: Frame) throws -> Flow {
        let v = try expr.eval(f)
        try f.interp.displayHook?(v)
        return .normal
    }
}

final class AssignStmt: Stmt {
    let targets: [Expr]
    let value: Expr
    init(_ targets: [Expr], _ value: Expr, _ r: SrcRange) { self.targets = targets; self.value = value; super.init(r) }
    override func exec(_ f: Frame) throws -> Flow {
        let v = try value.eval(f)
        if targets.count == 1, let n = targets[0] as? NameExpr, case .fast(let i) = n.loc {
            f.locals[i] = v
            return .normal
        }
        for t in targets { try t.assign(f, v) }
        return .normal
    }
}

final class AugAssignStmt: Stmt {
    let target: Expr
    let op: BinOp
    let value: Expr
    init(_ t: Expr, _ op: BinOp, _ v: Expr, _ r: SrcRange) { target = t; self.op = op; value = v; super.init(r) }
    override func exec(_ f: Frame) throws -> Flow {
        let opRange = r
        switch target {
        case let n as NameExpr:
            let cur = try n.eval(f)
            let rhs = try value.eval(f)
            if case .int(let x) = cur, case .int(let y) = rhs {
                if op == .add { let (s, o) = x.addingReportingOverflow(y); if !o { try n.assign(f, .int(s)); return .normal } }
                if op == .sub { let (s, o) = x.subtractingReportingOverflow(y); if !o { try n.assign(f, .int(s)); return .normal } }
            }
            let res: Value
            do { res = try f.interp.inplaceOp(op, cur, rhs) } catch { throw mark(error, opRange) }
            try n.assign(f, res)
        case let a as AttributeExpr:
            let o = try a.obj.eval(f)
            let cur: Value
            do { cur = try f.interp.getAttr(o, a.name) } catch { throw mark(error, a.r) }
            let rhs = try value.eval(f)
            let res: Value
            do { res = try f.interp.inplaceOp(op, cur, rhs) } catch { throw mark(error, opRange) }
            do { try f.interp.setAttr(o, a.name, res) } catch { throw mark(error, a.r) }
        case let s as SubscriptExpr:
            let o = try s.obj.eval(f)
            let k = try s.index.eval(f)
            let cur: Value
            do { cur = try f.interp.getItem(o, k) } catch { throw mark(error, s.r) }
            let rhs = try value.eval(f)
            let res: Value
            do { res = try f.interp.inplaceOp(op, cur, rhs) } catch { throw mark(error, opRange) }
            do { try f.interp.setItem(o, k, res) } catch { throw mark(error, s.r) }
        default:
            throw mark(PyException.builtin("SyntaxError", "illegal expression for augmented assignment"), r)
        }
        return .normal
    }
}

final class IfStmt: Stmt {
    let branches: [(Expr, [Stmt])]
    let orelse: [Stmt]
    init(_ b: [(Expr, [Stmt])], _ e: [Stmt], _ r: SrcRange) { branches = b; orelse = e; super.init(r) }
    override func exec(_ f: Frame) throws -> Flow {
        for (cond, body) in branches {
            let v = try cond.eval(f)
            let t: Bool
            if case .bool(let b) = v { t = b } else {
                do { t = try f.interp.isTruthy(v) } catch { throw mark(error, cond.r) }
            }
            if t { return try execBlock(body, f) }
        }
        return try execBlock(orelse, f)
    }
}

final class WhileStmt: Stmt {
    let cond: Expr
    let body: [Stmt], orelse: [Stmt]
    init(_ c: Expr, _ b: [Stmt], _ e: [Stmt], _ r: SrcRange) { cond = c; body = b; orelse = e; super.init(r) }
    override func exec(_ f: Frame) throws -> Flow {
        while true {
            try f.interp.checkInterrupt()
            let v = try cond.eval(f)
            let t: Bool
            if case .bool(let b) = v { t = b } else {
                do { t = try f.interp.isTruthy(v) } catch { throw mark(error, cond.r) }
            }
            if !t { break }
            switch try execBlock(body, f) {
            case .breakLoop: return .normal
            case .returnValue: return .returnValue
            default: continue
            }
        }
        return try execBlock(orelse, f)
    }
}

final class ForStmt: Stmt {
    let target: Expr, iter: Expr
    let body: [Stmt], orelse: [Stmt]
    init(_ t: Expr, _ i: Expr, _ b: [Stmt], _ e: [Stmt], _ r: SrcRange) { target = t; iter = i; body = b; orelse = e; super.init(r) }

    override func exec(_ f: Frame) throws -> Flow {
        let seq = try iter.eval(f)
        var fastSlot = -1
        if let n = target as? NameExpr, case .fast(let i) = n.loc { fastSlot = i }
        unowned(unsafe) let interp = f.interp  // no retain: a generator suspended in this loop must not keep its interpreter alive
        switch seq {
        case .range(let rg):
            var i = rg.start
            while rg.step > 0 ? i < rg.stop : i > rg.stop {
                try interp.checkInterrupt()
                if fastSlot >= 0 { f.locals[fastSlot] = .int(i) } else { try target.assign(f, .int(i)) }
                switch try execBlock(body, f) {
                case .breakLoop: return .normal
                case .returnValue: return .returnValue
                default: break
                }
                let (n, o) = i.addingReportingOverflow(rg.step)
                if o { break }
                i = n
            }
        case .list(let l):
            var i = 0
            while i < l.items.count {
                try interp.checkInterrupt()
                let v = l.items[i]
                i += 1
                if fastSlot >= 0 { f.locals[fastSlot] = v } else { try target.assign(f, v) }
                switch try execBlock(body, f) {
                case .breakLoop: return .normal
                case .returnValue: return .returnValue
                default: break
                }
            }
        default:
            let it: PyIterator
            // CPython attributes GET_ITER to the whole (multi-line) for statement: no caret markers.
            do { it = try interp.makeIterator(seq) } catch { throw mark(error, SrcRange(line: Int(r.line), col: Int(r.col), endLine: Int(r.line) + 1, endCol: 0)) }
            while true {
                try interp.checkInterrupt()
                let next: Value?
                do { next = try it.next() } catch { throw mark(error, SrcRange(line: Int(r.line), col: Int(r.col), endLine: Int(r.line) + 1, endCol: 0)) }
                guard let v = next else { break }
                if fastSlot >= 0 { f.locals[fastSlot] = v } else { try target.assign(f, v) }
                switch try execBlock(body, f) {
                case .breakLoop: return .normal
                case .returnValue: return .returnValue
                default: break
                }
            }
        }
        return try execBlock(orelse, f)
    }
}

final class BreakStmt: Stmt { override func exec(_ f: Frame) throws -> Flow { .breakLoop } }
final class ContinueStmt: Stmt { override func exec(_ f: Frame) throws -> Flow { .continueLoop } }
final class PassStmt: Stmt {}

final class ReturnStmt: Stmt {
    let value: Expr?
    init(_ v: Expr?, _ r: SrcRange) { value = v; super.init(r) }
    override func exec(_ f: Frame) throws -> Flow {
        f.returnValue = try value?.eval(f) ?? .none
        return .returnValue
    }
}

final class DefStmt: Stmt {
    let code: FunctionCode
    let defaults: [Expr]
    let kwDefaults: [(String, Expr)]
    let decorators: [Expr]
    let target: NameExpr
    init(_ code: FunctionCode, _ d: [Expr], _ kd: [(String, Expr)], _ decorators: [Expr], _ target: NameExpr, _ r: SrcRange) {
        self.code = code; defaults = d; kwDefaults = kd; self.decorators = decorators; self.target = target; super.init(r)
    }
    override func exec(_ f: Frame) throws -> Flow {
        var decs: [Value] = []
        for d in decorators { decs.append(try d.eval(f)) }
        if code.definingLines == nil, f.interp.hiddenSources.contains(code.filename) {
            code.definingLines = f.interp.sources[code.filename]
        }
        var v = Value.function(try makeFunction(code, defaults, kwDefaults, f))
        for (d, e) in zip(decs, decorators).reversed() {
            do { v = try f.interp.call(d, [v], []) } catch { throw mark(error, e.r) }
        }
        try target.assign(f, v)
        return .normal
    }
}

final class ClassStmt: Stmt {
    let name: String
    let bases: [Expr]
    let keywords: [(String, Expr)]
    let body: [Stmt]
    let code: FunctionCode
    let decorators: [Expr]
    let target: NameExpr
    init(name: String, bases: [Expr], keywords: [(String, Expr)], body: [Stmt], code: FunctionCode, decorators: [Expr], target: NameExpr, _ r: SrcRange) {
        self.name = name; self.bases = bases; self.keywords = keywords; self.body = body; self.code = code
        self.decorators = decorators; self.target = target; super.init(r)
    }
    override func exec(_ f: Frame) throws -> Flow {
        var decs: [Value] = []
        for d in decorators { decs.append(try d.eval(f)) }
        var baseClasses: [PyClass] = []
        for b in bases {
            let v = try b.eval(f)
            guard case .type(let c) = v else {
                throw mark(PyException.typeError("bases must be types"), b.r)
            }
            baseClasses.append(c)
        }
        if baseClasses.isEmpty { baseClasses = [BuiltinClasses.object] }
        let cf = Frame(interp: f.interp, nLocals: code.nLocals,
                       cells: (0..<code.nCells).map { _ in Cell() } + code.freeSources.map { f.cells[$0] },
                       globals: f.globals, name: name, filename: code.filename)
        let ns = ClassNamespace()
        ns.set("__module__", .str("__main__"))
        ns.set("__qualname__", .str(code.qualname))
        cf.classNS = ns
        do { _ = try execBlock(body, cf) } catch let e as PyException {
            cf.leaveWithError(e, fallback: r)
            throw e
        }
        let cls = PyClass(name: name, module: "__main__", bases: baseClasses, dict: ns.values)
        cls.doc = code.doc
        code.definedClass = cls
        cls.owner = f.interp
        for (_, v) in ns.values {
            if case .function(let fn) = v { fn.qualname = "\(code.qualname).\(fn.name)" }
        }
        var v = Value.type(cls)
        for (d, e) in zip(decs, decorators).reversed() {
            do { v = try f.interp.call(d, [v], []) } catch { throw mark(error, e.r) }
        }
        try target.assign(f, v)
        return .normal
    }
}

struct ExceptHandler {
    let type: Expr?
    let name: NameExpr?
    let body: [Stmt]
    let r: SrcRange
}

final class TryStmt: Stmt {
    let body: [Stmt]
    let handlers: [ExceptHandler]
    let orelse: [Stmt]
    let finalBody: [Stmt]?
    init(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], _ fin: [Stmt]?, _ r: SrcRange) {
        self.body = body; self.handlers = handlers; self.orelse = orelse; self.finalBody = fin; super.init(r)
    }

    override func exec(_ f: Frame) throws -> Flow {
        var flow: Flow = .normal
        do {
            var raised = false
            do {
                flow = try execBlock(body, f)
            } catch let e as PyException {
                raised = true
                f.recordTraceback(e, fallback: r)
                if handlers.isEmpty { throw e }
                guard let h = try matchHandler(e, f) else { throw e }
                if let n = h.name { try n.assign(f, .instance(e.instance)) }
                f.interp.handling.append(e)
                defer { f.interp.handling.removeLast() }
                do {
                    flow = try execBlock(h.body, f)
                } catch let e2 as PyException {
                    if e2.instance !== e.instance && e2.instance.context == nil && !e2.instance.suppressContext {
                        e2.instance.context = e.instance
                    }
                    throw e2
                }
                if let n = h.name { try? n.delete(f) }
            }
            if !raised && flow == .normal { flow = try execBlock(orelse, f) }
        } catch {
            if error is GeneratorKill { throw error }
            if let fin = finalBody {
                if let pe = error as? PyException { f.interp.handling.append(pe) }
                defer { if error is PyException { f.interp.handling.removeLast() } }
                let ff: Flow
                do { ff = try execBlock(fin, f) } catch let e2 as PyException {
                    if let pe = error as? PyException, e2.instance !== pe.instance, e2.instance.context == nil {
                        e2.instance.context = pe.instance
                    }
                    throw e2
                }
                if ff != .normal { return ff }
            }
            throw error
        }
        if let fin = finalBody {
            let saved = f.returnValue
            let ff = try execBlock(fin, f)
            if ff != .normal { return ff }
            f.returnValue = saved
        }
        return flow
    }

    private func matchHandler(_ e: PyException, _ f: Frame) throws -> ExceptHandler? {
        for h in handlers {
            guard let t = h.type else { return h }
            let tv = try t.eval(f)
            if try f.interp.exceptionMatches(e.instance, tv, t.r) { return h }
        }
        return nil
    }
}

final class RaiseStmt: Stmt {
    let exc: Expr?, cause: Expr?
    init(_ e: Expr?, _ c: Expr?, _ r: SrcRange) { exc = e; cause = c; super.init(r) }
    override func exec(_ f: Frame) throws -> Flow {
        guard let exc else {
            guard let cur = f.interp.handling.last else {
                throw mark(PyException.runtimeError("No active exception to reraise"), r)
            }
            throw cur
        }
        let v = try exc.eval(f)
        let inst = try f.interp.makeExceptionInstance(v)
        if let cause {
            let c = try cause.eval(f)
            if case .none = c { inst.cause = nil } else { inst.cause = try f.interp.makeExceptionInstance(c) }
            inst.suppressContext = true
        }
        if let cur = f.interp.handling.last, cur.instance !== inst { inst.context = cur.instance }
        let e = PyException(instance: inst)
        e.pendingRange = r
        throw e
    }
}

final class AssertStmt: Stmt {
    let test: Expr, msg: Expr?
    init(_ t: Expr, _ m: Expr?, _ r: SrcRange) { test = t; msg = m; super.init(r) }
    override func exec(_ f: Frame) throws -> Flow {
        let v = try test.eval(f)
        if try f.interp.isTruthy(v) { return .normal }
        var args: [Value] = []
        if let msg { args.append(try msg.eval(f)) }
        let e = PyException(cls: BuiltinClasses.exc("AssertionError"), args: args)
        e.pendingRange = Self.location(of: test) ?? r
        throw e
    }

    /// Where CPython 3.11 locates the AssertionError: the comparison its jump tested (the last
    /// operand of and/or, through `not`), otherwise the whole statement (shown without carets).
    static func location(of test: Expr) -> SrcRange? {
        switch test {
        case let c as CompareExpr: return c.r
        case let b as BoolOpExpr: return b.values.last.flatMap { location(of: $0) }
        case let u as UnaryExpr where u.op == .not: return location(of: u.operand)
        default: return nil
        }
    }
}

final class DelStmt: Stmt {
    let targets: [Expr]
    init(_ t: [Expr], _ r: SrcRange) { targets = t; super.init(r) }
    override func exec(_ f: Frame) throws -> Flow {
        for t in targets { try t.delete(f) }
        return .normal
    }
}

final class ImportStmt: Stmt {
    /// (dotted module name, name bound, bind the full module rather than the top package)
    let names: [(String, NameExpr, Bool)]
    init(_ n: [(String, NameExpr, Bool)], _ r: SrcRange) { names = n; super.init(r) }
    override func exec(_ f: Frame) throws -> Flow {
        for (mod, target, full) in names {
            let m = try f.interp.importModule(mod)
            if full { try target.assign(f, m) } else {
                let top = String(mod.split(separator: ".").first ?? Substring(mod))
                try target.assign(f, try f.interp.importModule(top))
            }
        }
        return .normal
    }
}

final class ImportFromStmt: Stmt {
    let module: String
    let names: [(String, NameExpr)]
    let star: Bool
    init(_ m: String, _ n: [(String, NameExpr)], star: Bool, _ r: SrcRange) { module = m; names = n; self.star = star; super.init(r) }
    override func exec(_ f: Frame) throws -> Flow {
        let mv = try f.interp.importModule(module)
        guard case .module(let m) = mv else { return .normal }
        if star {
            for k in m.order where !k.hasPrefix("_") { if let v = m.members[k] { f.globals.set(k, v) } }
            return .normal
        }
        for (n, target) in names {
            if let v = m.members[n] {
                try target.assign(f, v)
            } else if let sub = try? f.interp.importModule("\(module).\(n)") {
                try target.assign(f, sub)
            } else {
                throw PyException.builtin("ImportError", "cannot import name '\(n)' from '\(module)' (unknown location)")
            }
        }
        return .normal
    }
}

final class WithStmt: Stmt {
    let items: [(Expr, Expr?)]
    let body: [Stmt]
    init(_ items: [(Expr, Expr?)], _ body: [Stmt], _ r: SrcRange) { self.items = items; self.body = body; super.init(r) }
    override func exec(_ f: Frame) throws -> Flow { try run(0, f) }
    private func run(_ i: Int, _ f: Frame) throws -> Flow {
        if i == items.count { return try execBlock(body, f) }
        let (e, target) = items[i]
        let mgr = try e.eval(f)
        let entered: Value
        do { entered = try f.interp.enterContext(mgr) } catch { throw mark(error, e.r) }
        if let target { try target.assign(f, entered) }
        let flow: Flow
        do {
            flow = try run(i + 1, f)
        } catch let err as PyException {
            f.recordTraceback(err, fallback: r)
            let suppress = try f.interp.exitContext(mgr, err)
            if suppress { return .normal }
            throw err
        }
        _ = try f.interp.exitContext(mgr, nil)
        return flow
    }
}

/// `global` / `nonlocal` declarations act at resolve time only.
final class DeclStmt: Stmt {}
