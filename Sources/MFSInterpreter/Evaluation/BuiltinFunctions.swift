// print, len, sorted, min/max and the other built-in functions.
import BigInt

extension Interpreter {
    func installFunctions() {
        def("print") { [unowned self] args, kw in
            var sep = " ", end = "\n"
            var target: Value?
            var flush = false
            for (k, v) in kw {
                switch k {
                case "sep": if !v.isNone { sep = try expectStr(v, "sep") }
                case "end": if !v.isNone { end = try expectStr(v, "end") }
                case "file": if !v.isNone { target = v }
                case "flush": flush = try self.isTruthy(v)
                default: throw PyException.typeError("'\(k)' is an invalid keyword argument for print()")
                }
            }
            var out = ""
            for (i, a) in args.enumerated() {
                if i > 0 { out += sep }
                out += try self.str(a)
            }
            out += end
            if let target {
                if case .host(let h) = target, let s = h as? StreamObject {
                    s.sink.write(out)
                    if flush { s.sink.flush() }
                    try raiseWriteError(of: s.sink)
                } else {
                    _ = try self.callMethod(target, "write", [.str(out)], [])
                }
            } else {
                self.stdout.write(out)
                if flush { self.stdout.flush() }
                try raiseWriteError(of: self.stdout)
            }
            return .none
        }
        def("len") { [unowned self] args, kw in
            try checkArgs("len", args, 1, 1)
            return .int(try self.length(args[0]))
        }
        def("repr") { [unowned self] args, _ in
            try checkArgs("repr", args, 1, 1)
            return .str(try self.repr(args[0]))
        }
        def("ascii") { [unowned self] args, _ in .str(asciiEscape(try self.repr(args.first ?? .none))) }
        def("format") { [unowned self] args, _ in
            try checkArgs("format", args, 1, 2)
            return .str(try self.formatValue(args[0], args.count > 1 ? try expectStr(args[1], "format spec") : ""))
        }
        def("isinstance") { [unowned self] args, _ in
            guard args.count == 2 else { throw PyException.typeError("isinstance expected 2 arguments, got \(args.count)") }
            return .bool(try self.isInstance(args[0], args[1]))
        }
        def("issubclass") { args, _ in
            guard args.count == 2, case .type(let c) = args[0] else { throw PyException.typeError("issubclass() arg 1 must be a class") }
            switch args[1] {
            case .type(let p): return .bool(c.isSubclass(of: p) || (c.name == "bool" && p.name == "int"))
            case .tuple(let t):
                return .bool(t.contains { if case .type(let p) = $0 { return c.isSubclass(of: p) }; return false })
            default: throw PyException.typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union")
            }
        }
        def("hasattr") { [unowned self] args, _ in
            guard args.count == 2, case .str(let n) = args[1] else { throw PyException.typeError("hasattr(): attribute name must be string") }
            do { _ = try self.getAttr(args[0], n); return .bool(true) } catch let e as PyException where e.isInstance(of: "AttributeError") {
                return .bool(false)
            }
        }
        def("getattr") { [unowned self] args, _ in
            guard args.count >= 2, case .str(let n) = args[1] else { throw PyException.typeError("getattr(): attribute name must be string") }
            do { return try self.getAttr(args[0], n) } catch let e as PyException where e.isInstance(of: "AttributeError") && args.count > 2 {
                return args[2]
            }
        }
        def("setattr") { [unowned self] args, _ in
            guard args.count == 3, case .str(let n) = args[1] else { throw PyException.typeError("setattr(): attribute name must be string") }
            try self.setAttr(args[0], n, args[2])
            return .none
        }
        def("delattr") { [unowned self] args, _ in
            guard args.count == 2, case .str(let n) = args[1] else { throw PyException.typeError("delattr(): attribute name must be string") }
            try self.delAttr(args[0], n)
            return .none
        }
        def("dir") { [unowned self] args, _ in
            if let v = args.first { return .list(PyList(self.dirNames(v).map { .str($0) })) }
            return .list(PyList(self.globals.names.enumerated().filter { self.globals.values[$0.offset] != nil }.map { $0.element }.sorted().map { .str($0) }))
        }
        def("hash") { args, _ in
            try checkArgs("hash", args, 1, 1)
            return .int(try pyHash(args[0]))
        }
        def("id") { args, _ in
            guard let v = args.first else { throw PyException.typeError("id() takes exactly one argument (0 given)") }
            switch v {
            case .list(let o): return .int(ObjectIdentifier(o).hashValue)
            case .dict(let o): return .int(ObjectIdentifier(o).hashValue)
            case .instance(let o): return .int(ObjectIdentifier(o).hashValue)
            default: return .int((try? pyHash(v)) ?? 0)
            }
        }
        def("callable") { [unowned self] args, _ in .bool(self.isCallable(args.first ?? .none)) }
        def("iter") { [unowned self] args, _ in
            try checkArgs("iter", args, 1, 1)
            return .iterator(try self.makeIterator(args[0]))
        }
        def("next") { [unowned self] args, _ in
            try checkArgs("next", args, 1, 2)
            let it: PyIterator
            switch args[0] {
            case .iterator(let g as PyGenerator):
                if args.count > 1 { return try g.next() ?? args[1] }
                return try g.send(.none)
            case .iterator(let i): it = i
            case .host(let r as CSVDictReaderObject): it = r.iterator
            case .instance(let inst):
                if let m = inst.cls.lookup("__next__") { return try self.callValue(m, [args[0]], []) }
                throw PyException.typeError("'\(args[0].typeName)' object is not an iterator")
            default: throw PyException.typeError("'\(args[0].typeName)' object is not an iterator")
            }
            if let v = try it.next() { return v }
            if args.count > 1 { return args[1] }
            throw PyException.stopIteration()
        }
        def("chr") { [unowned self] args, _ in
            try checkArgs("chr", args, 1, 1)
            let i = try expectInt(try self.indexHook(args[0]) ?? args[0])
            guard i >= 0, i < 0x110000, let u = Unicode.Scalar(UInt32(i)) else {
                if i >= 0xD800 && i < 0xE000 { return .str("\u{FFFD}") }
                throw PyException.valueError("chr() arg not in range(0x110000)")
            }
            return .str(String(Character(u)))
        }
        def("ord") { args, _ in
            try checkArgs("ord", args, 1, 1)
            switch args[0] {
            case .str(let s):
                let u = Array(s.unicodeScalars)
                guard u.count == 1 else { throw PyException.typeError("ord() expected a character, but string of length \(u.count) found") }
                return .int(Int(u[0].value))
            case .bytes(let b):
                guard b.count == 1 else { throw PyException.typeError("ord() expected a character, but string of length \(b.count) found") }
                return .int(Int(b[0]))
            default: throw PyException.typeError("ord() expected string of length 1, but \(args[0].typeName) found")
            }
        }
        for (name, radix, prefix) in [("hex", 16, "0x"), ("bin", 2, "0b"), ("oct", 8, "0o")] {
            def(name) { [unowned self] args, _ in
                try checkArgs(name, args, 1, 1)
                let n: BigInt
                switch try self.indexHook(args[0]) ?? args[0] {
                case .int(let i): n = BigInt(i)
                case .bool(let b): n = b ? 1 : 0
                case .bigint(let b): n = b.value
                default: throw PyException.typeError("'\(args[0].typeName)' object cannot be interpreted as an integer")
                }
                return .str((n.sign == .minus && !n.isZero ? "-" : "") + prefix + String(n.magnitude, radix: radix))
            }
        }
        def("abs") { [unowned self] args, _ in
            try checkArgs("abs", args, 1, 1)
            // Host values (e.g. a decoded complex) may provide __abs__.
            if let f = try self.specialMethod(args[0], "__abs__") { return try self.call(f, []) }
            switch args[0] {
            case .int(let i): return i == Int.min ? .integer(-BigInt(i)) : .int(abs(i))
            case .bool(let b): return .int(b ? 1 : 0)
            case .bigint(let b): return .integer(BigInt(b.value.magnitude))
            case .float(let d): return .float(abs(d))
            case .timedelta(let t): return .timedelta(PyTimedelta(micros: abs(t.totalMicros)))
            default: throw PyException.typeError("bad operand type for abs(): '\(args[0].typeName)'")
            }
        }
        def("round") { [unowned self] args, kw in
            guard let x = argAt(args, 0, kw, "number") else { throw PyException.typeError("round() missing required argument 'number' (pos 1)") }
            let nd = argAt(args, 1, kw, "ndigits")
            switch x {
            case .float(let d):
                if let nd, !nd.isNone { return .float(roundFloat(d, try expectInt(nd))) }
                if d.isNaN { throw PyException.valueError("cannot convert float NaN to integer") }
                if d.isInfinite { throw PyException.overflow("cannot convert float infinity to integer") }
                return try self.toInt(.float(d.rounded(.toNearestOrEven)))
            case .int, .bool, .bigint:
                guard let nd, !nd.isNone else { return try self.toInt(x) }
                let n = try expectInt(nd)
                if n >= 0 { return try self.toInt(x) }
                let p = BigInt(10).power(-n)
                let v = big(toNum(x) ?? .i(0))
                let q = floorDivBig(v, p), r = modBig(v, p)
                var rounded = q
                if r * 2 > p || (r * 2 == p && !(q % 2).isZero) { rounded += 1 }
                return .integer(rounded * p)
            case .instance(let i):
                if let m = i.cls.lookup("__round__") { return try self.callValue(m, [x] + (nd.map { [$0] } ?? []), []) }
            default: break
            }
            throw PyException.typeError("type \(x.typeName) doesn't define __round__ method")
        }
        def("divmod") { [unowned self] args, _ in
            try checkArgs("divmod", args, 2, 2)
            if let a = toNum(args[0]), let b = toNum(args[1]),
               let q = try numericOp(.floordiv, a, b), let r = try numericOp(.mod, a, b) {
                return .tuple([q, r])
            }
            // Instances answer with __divmod__, else the right operand with __rdivmod__ (numpy and
            // pandas values, user classes), as CPython's binary-operator protocol goes.
            for (receiver, other, name) in [(args[0], args[1], "__divmod__"), (args[1], args[0], "__rdivmod__")] {
                guard case .instance(let i) = receiver, let m = i.cls.lookup(name) else { continue }
                let r = try self.callValue(m, [receiver, other], [])
                if !self.isNotImplemented(r) { return r }
            }
            throw PyException.typeError("unsupported operand type(s) for divmod(): '\(args[0].typeName)' and '\(args[1].typeName)'")
        }
        def("pow") { [unowned self] args, kw in
            try checkArgs("pow", args, 2, 3)
            if args.count == 3, !args[2].isNone {
                guard let b = toNum(args[0]), let e = toNum(args[1]), let m = toNum(args[2]) else {
                    throw PyException.typeError("pow() 3rd argument not allowed unless all arguments are integers")
                }
                let mb = big(m)
                if mb.isZero { throw PyException.valueError("pow() 3rd argument cannot be 0") }
                var eb = big(e)
                var base = big(b)
                if eb.sign == .minus {
                    guard let inv = base.inverse(mb) else { throw PyException.valueError("base is not invertible for the given modulus") }
                    base = inv; eb = -eb
                }
                let r = base.power(eb, modulus: mb)
                return .integer(modBig(r, mb))
            }
            return try self.binaryOp(.pow, args[0], args[1])
        }
        for (name, quitter) in Self.quitters() { builtins[name] = quitter }
        def("help") { [unowned self] args, _ in
            guard let v = args.first else {
                self.stdout.write("Type help(object) for help about object.\n")
                return .none
            }
            self.stdout.write(self.helpText(v))
            return .none
        }
        def("vars") { [unowned self] args, _ in
            guard let v = args.first else { throw PyException.typeError("vars() without arguments is not supported") }
            return try self.getAttr(v, "__dict__")
        }
        def("input") { _, _ in throw PyException.builtin("EOFError", "EOF when reading a line") }
        def("open") { _, _ in throw PyException.builtin("PermissionError", "open() is not available in mfs") }
    }

    /// inspect.cleandoc: drop common indentation and surrounding blank lines.
    func cleandoc(_ doc: String) -> [String] {
        var lines = doc.expandingTabs().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard !lines.isEmpty else { return [] }
        var margin = Int.max
        for l in lines.dropFirst() {
            let content = l.drop { $0 == " " }
            if !content.isEmpty { margin = min(margin, l.count - content.count) }
        }
        lines[0] = String(lines[0].drop { $0 == " " })
        if margin < Int.max { for i in 1..<lines.count { lines[i] = String(lines[i].dropFirst(min(margin, lines[i].count))) } }
        while let l = lines.last, l.allSatisfy({ $0 == " " }) { lines.removeLast() }
        while let f = lines.first, f.allSatisfy({ $0 == " " }) { lines.removeFirst() }
        return lines
    }

    func helpText(_ v: Value) -> String {
        switch v {
        case .function(let f):
            var out = "Help on function \(f.name) in module __main__:\n\n\(f.name)\(signatureText(f))\n"
            if let d = f.doc { out += cleandoc(d).map { "    " + $0 }.joined(separator: "\n") + "\n" }
            return out + "\n"
        case .host(let h):
            return "Help on \(h.typeName) object:\n\n" + (h.doc ?? h.repr()) + "\n"
        case .builtin(let b):
            if let text = b.helpText { return text }
            return "Help on built-in function \(b.name):\n\n\(b.name)(...)\n" + (b.doc.map { "    " + $0 + "\n" } ?? "") + "\n"
        case .type(let c):
            return "Help on class \(c.name):\n\nclass \(c.name)\n" + (c.doc.map { " |  " + $0 + "\n" } ?? "") + "\n"
        case .module(let m):
            return "Help on module \(m.name):\n\nNAME\n    \(m.name)\n\n"
        default:
            return "Help on \(v.typeName) object:\n\n\(reprForMessage(v))\n\n"
        }
    }

    func installMoreFunctions() {
        def("enumerate") { [unowned self] args, kw in
            guard let src = argAt(args, 0, kw, "iterable") else { throw PyException.typeError("enumerate() missing required argument 'iterable' (pos 1)") }
            var i = try argAt(args, 1, kw, "start").map { try expectInt($0) } ?? 0
            let it = try self.makeIterator(src)
            return .iterator(ClosureIterator("enumerate") {
                guard let v = try it.next() else { return nil }
                defer { i += 1 }
                return .tuple([.int(i), v])
            })
        }
        def("zip") { [unowned self] args, kw in
            let its = try args.map { try self.makeIterator($0) }
            let strict = try kw.first { $0.0 == "strict" }.map { try self.isTruthy($0.1) } ?? false
            var done = false
            return .iterator(ClosureIterator("zip") {
                if its.isEmpty || done { return nil }
                var row: [Value] = []
                for (n, it) in its.enumerated() {
                    guard let v = try it.next() else {
                        done = true
                        if strict && n > 0 { throw PyException.valueError("zip() argument \(n + 1) is shorter than argument 1") }
                        return nil
                    }
                    row.append(v)
                }
                return .tuple(row)
            })
        }
        def("map") { [unowned self] args, _ in
            guard args.count >= 2 else { throw PyException.typeError("map() must have at least two arguments.") }
            let fn = args[0]
            let its = try args.dropFirst().map { try self.makeIterator($0) }
            return .iterator(ClosureIterator("map") {
                var row: [Value] = []
                for it in its { guard let v = try it.next() else { return nil }; row.append(v) }
                return try self.callValue(fn, row, [])
            })
        }
        def("filter") { [unowned self] args, _ in
            try checkArgs("filter", args, 2, 2)
            let fn = args[0]
            let it = try self.makeIterator(args[1])
            return .iterator(ClosureIterator("filter") {
                while let v = try it.next() {
                    let keep = fn.isNone ? try self.isTruthy(v) : try self.isTruthy(try self.callValue(fn, [v], []))
                    if keep { return v }
                }
                return nil
            })
        }
        def("reversed") { [unowned self] args, _ in
            try checkArgs("reversed", args, 1, 1)
            switch args[0] {
            case .list(let l):
                var i = l.items.count - 1
                return .iterator(ClosureIterator("list_reverseiterator") {
                    guard i >= 0, i < l.items.count else { return nil }
                    defer { i -= 1 }
                    return l.items[i]
                })
            case .tuple, .str, .range, .bytes, .dictView, .dict:
                return .iterator(ArrayIterator(try self.toArray(args[0]).reversed(), typeName: "reversed"))
            case .instance(let i):
                if let m = i.cls.lookup("__reversed__") { return try self.callValue(m, [args[0]], []) }
                if i.cls.lookup("__len__") != nil, i.cls.lookup("__getitem__") != nil {
                    let n = try self.length(args[0])
                    var out: [Value] = []
                    for k in stride(from: n - 1, through: 0, by: -1) { out.append(try self.getItem(args[0], .int(k))) }
                    return .iterator(ArrayIterator(out, typeName: "reversed"))
                }
            default: break
            }
            throw PyException.typeError("'\(args[0].typeName)' object is not reversible")
        }
        def("sorted") { [unowned self] args, kw in
            guard args.count == 1 else {
                throw PyException.typeError(args.isEmpty ? "sorted expected 1 argument, got 0" : "sorted expected 1 argument, got \(args.count)")
            }
            var key: Value?, reverse = false
            for (k, v) in kw {
                switch k {
                case "key": key = v
                case "reverse": reverse = try self.isTruthy(v)
                default: throw PyException.typeError("sort() got an unexpected keyword argument '\(k)'")
                }
            }
            return .list(PyList(try self.sortValues(try self.toArray(args[0]), key: key, reverse: reverse)))
        }
        for name in ["min", "max"] {
            def(name) { [unowned self] args, kw in
                var key: Value?
                var dflt: Value?
                for (k, v) in kw {
                    switch k {
                    case "key": key = v.isNone ? nil : v
                    case "default": dflt = v
                    default: throw PyException.typeError("\(name)() got an unexpected keyword argument '\(k)'")
                    }
                }
                let items: [Value]
                if args.count == 1, key == nil, dflt == nil, let h = Self.foldingHost(args[0]), let folded = try h.builtinFold(name) {
                    return folded
                } else if args.count == 1 {
                    items = try self.toArray(args[0])
                } else if args.isEmpty {
                    throw PyException.typeError("\(name) expected at least 1 argument, got 0")
                } else {
                    if dflt != nil { throw PyException.typeError("Cannot specify a default for \(name)() with multiple positional arguments") }
                    items = args
                }
                guard var best = items.first else {
                    if let dflt { return dflt }
                    throw PyException.valueError("\(name)() arg is an empty sequence")
                }
                var bestKey = try key.map { try self.callValue($0, [best], []) } ?? best
                for v in items.dropFirst() {
                    let k = try key.map { try self.callValue($0, [v], []) } ?? v
                    if name == "min" ? try self.lessThan(k, bestKey) : try self.lessThan(bestKey, k) { best = v; bestKey = k }
                }
                return best
            }
        }
        def("sum") { [unowned self] args, kw in
            guard let src = args.first else { throw PyException.typeError("sum() takes at least 1 positional argument (0 given)") }
            if args.count == 1, kw.isEmpty, let h = Self.foldingHost(src), let folded = try h.builtinFold("sum") { return folded }
            var total = argAt(args, 1, kw, "start") ?? .int(0)
            if case .str = total { throw PyException.typeError("sum() can't sum strings [use ''.join(seq) instead]") }
            var acc = 0
            var fast = true
            if case .int(let t) = total { acc = t } else { fast = false }
            let it = try self.makeIterator(src)
            while let v = try it.next() {
                if fast, case .int(let x) = v {
                    let (s, o) = acc.addingReportingOverflow(x)
                    if !o { acc = s; continue }
                }
                if fast { total = .int(acc); fast = false }
                total = try self.binaryOp(.add, total, v)
            }
            return fast ? .int(acc) : total
        }
        def("any") { [unowned self] args, _ in
            try checkArgs("any", args, 1, 1)
            var r = false
            try self.forEach(args[0]) { v in r = try self.isTruthy(v); return !r }
            return .bool(r)
        }
        def("all") { [unowned self] args, _ in
            try checkArgs("all", args, 1, 1)
            var r = true
            try self.forEach(args[0]) { v in r = try self.isTruthy(v); return r }
            return .bool(r)
        }
        def("globals") { [unowned self] _, _ in
            let d = PyDict()
            for (i, n) in self.globals.names.enumerated() { if let v = self.globals.values[i] { try d.set(.str(n), v) } }
            return .dict(d)
        }
    }
}

extension Interpreter {
    /// The host object that may fold `sum`/`min`/`max` for a value: the value itself, or the host a
    /// host-backed instance carries as its only argument (numpy and pandas values are instances of
    /// Python-visible classes made that way). Exceptions carry their arguments the same way, so
    /// they never count.
    static func foldingHost(_ v: Value) -> (any HostObject)? {
        switch v {
        case .host(let h): return h
        case .instance(let inst): return inst.host
        default: return nil
        }
    }
}

extension Interpreter {
    /// `exit` and `quit` as site.py makes them: instances of `_sitebuiltins.Quitter` whose repr tells
    /// how to leave and whose call raises SystemExit. (The REPL takes a bare `exit` as a command.)
    static func quitters() -> [(String, Value)] {
        let cls = PyClass(name: "Quitter", module: "_sitebuiltins", bases: [BuiltinClasses.object])
        cls.dict["__repr__"] = .builtin(PyBuiltin(name: "__repr__") { args, _ in
            guard case .instance(let me)? = args.first, case .str(let name)? = me.attrs["name"] else { return .str("Quitter") }
            return .str("Use \(name)() or Ctrl-D (i.e. EOF) to exit")
        })
        cls.dict["__call__"] = .builtin(PyBuiltin(name: "__call__") { args, kwargs in
            let code = args.dropFirst().first ?? kwargs.first(where: { $0.0 == "code" })?.1
            throw PyException(cls: BuiltinClasses.exc("SystemExit"), args: [code ?? .none])
        })
        return ["exit", "quit"].map { name in
            let instance = PyInstance(cls: cls)
            instance.attrs["name"] = .str(name)
            instance.attrs["eof"] = .str("Ctrl-D (i.e. EOF)")
            return (name, .instance(instance))
        }
    }
}
