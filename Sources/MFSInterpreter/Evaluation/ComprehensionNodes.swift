// Comprehension nodes: list/set/dict comprehensions and generator expressions, with the lazy
// iterator a generator expression evaluates to. As in Python, the first iterable is evaluated in the
// enclosing scope and everything else in the comprehension's own frame.

/// A comprehension generator clause: `for target in iter if cond...`.
struct CompFor {
    let target: Expr
    let iter: Expr
    let conds: [Expr]
}

final class ComprehensionExpr: Expr {
    enum Kind { case list, set, dict, generator }
    let kind: Kind
    let elt: Expr
    let value: Expr?
    let generators: [CompFor]
    let code: FunctionCode
    init(_ kind: Kind, _ elt: Expr, _ value: Expr?, _ gens: [CompFor], _ code: FunctionCode, _ r: SrcRange) {
        self.kind = kind; self.elt = elt; self.value = value; self.generators = gens; self.code = code; super.init(r)
    }

    override func eval(_ f: Frame) throws -> Value {
        let firstIterable = try generators[0].iter.eval(f)
        let it: PyIterator
        do { it = try f.interp.makeIterator(firstIterable) } catch { throw mark(error, generators[0].iter.r) }
        let cf = Frame(interp: f.interp, nLocals: code.nLocals,
                       cells: (0..<code.nCells).map { _ in Cell() } + code.freeSources.map { f.cells[$0] },
                       globals: f.globals, name: code.name, filename: code.filename)
        if kind == .generator { return .iterator(GeneratorExpIterator(self, cf, it)) }
        unowned(unsafe) let interp = f.interp
        try interp.enterCall()
        defer { interp.depth -= 1 }
        do {
            switch kind {
            case .list:
                var out: [Value] = []
                try run(0, it, cf) { out.append(try self.elt.eval(cf)) }
                return .list(PyList(out))
            case .set:
                let s = PySet()
                try run(0, it, cf) {
                    let v = try self.elt.eval(cf)
                    do { try s.add(v) } catch { throw mark(error, self.elt.r) }
                }
                return .set(s)
            case .dict:
                let d = PyDict()
                try run(0, it, cf) {
                    let k = try self.elt.eval(cf)
                    let v = try self.value?.eval(cf) ?? .none
                    do { try d.set(k, v) } catch { throw mark(error, self.elt.r.to(self.value?.r ?? self.elt.r)) }
                }
                return .dict(d)
            case .generator:
                return .none
            }
        } catch let e as PyException {
            cf.leaveWithError(e, fallback: r)
            throw mark(e, r)
        }
    }

    private func run(_ level: Int, _ it: PyIterator, _ cf: Frame, _ emit: () throws -> Void) throws {
        let g = generators[level]
        while let v = try it.next() {
            try cf.interp.checkInterrupt()
            try g.target.assign(cf, v)
            var ok = true
            for c in g.conds {
                let cv = try c.eval(cf)
                if try !cf.interp.isTruthy(cv) { ok = false; break }
            }
            if !ok { continue }
            if level + 1 == generators.count {
                try emit()
            } else {
                let nextIterable = try generators[level + 1].iter.eval(cf)
                let inner: PyIterator
                do { inner = try cf.interp.makeIterator(nextIterable) } catch { throw mark(error, generators[level + 1].iter.r) }
                try run(level + 1, inner, cf, emit)
            }
        }
    }
}

/// The lazy iterator behind a generator expression.
final class GeneratorExpIterator: PyIterator {
    let comp: ComprehensionExpr
    let frame: Frame
    var stack: [PyIterator]
    init(_ comp: ComprehensionExpr, _ frame: Frame, _ first: PyIterator) {
        self.comp = comp; self.frame = frame; self.stack = [first]
    }
    override var typeName: String { "generator" }
    override func next() throws -> Value? {
        do {
            while let it = stack.last {
                let level = stack.count - 1
                guard let v = try it.next() else { stack.removeLast(); continue }
                let g = comp.generators[level]
                try g.target.assign(frame, v)
                var ok = true
                for c in g.conds {
                    let cv = try c.eval(frame)
                    if try !frame.interp.isTruthy(cv) { ok = false; break }
                }
                if !ok { continue }
                if level + 1 == comp.generators.count { return try comp.elt.eval(frame) }
                let nextIterable = try comp.generators[level + 1].iter.eval(frame)
                do { stack.append(try frame.interp.makeIterator(nextIterable)) } catch { throw mark(error, comp.generators[level + 1].iter.r) }
            }
            return nil
        } catch let e as PyException {
            frame.leaveWithError(e, fallback: comp.r)
            stack = []
            throw e
        }
    }
}
