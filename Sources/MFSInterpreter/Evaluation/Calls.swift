// Calling: argument binding, classes, bound methods, builtins and host callables.

func pluralArgs(_ names: [String]) -> String {
    let q = names.map { "'\($0)'" }
    switch q.count {
    case 1: return q[0]
    case 2: return "\(q[0]) and \(q[1])"
    default: return q.dropLast().joined(separator: ", ") + ", and " + (q.last ?? "")
    }
}

extension Interpreter {
    func callValue(_ callee: Value, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        switch callee {
        case .function(let f): return try callFunction(f, args, kwargs)
        case .builtin(let b):
            try checkInterrupt()
            return try b.body(args, kwargs)
        case .boundMethod(let m): return try callValue(m.function, [m.receiver] + args, kwargs)
        case .type(let c): return try instantiate(c, args, kwargs)
        case .host(let h): return try h.call(args: args, kwargs: kwargs)
        case .instance(let i):
            if let m = i.cls.lookup("__call__") { return try callValue(m, [callee] + args, kwargs) }
        default: break
        }
        throw PyException.typeError("'\(callee.typeName)' object is not callable")
    }

    func callableName(_ v: Value) -> String {
        switch v {
        case .function(let f): return f.qualname
        case .builtin(let b): return b.name
        case .type(let c): return c.name
        case .boundMethod(let m): return callableName(m.function)
        default: return v.typeName
        }
    }

    @inline(__always) func store(_ loc: NameLoc, _ v: Value, _ f: Frame) {
        switch loc {
        case .fast(let i): f.locals[i] = v
        case .cell(let i): f.cells[i].value = v
        default: break
        }
    }

    func callFunction(_ fn: PyFunction, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let code = fn.code
        let cells: [Cell]
        if code.nCells == 0 { cells = fn.closure } else { cells = (0..<code.nCells).map { _ in Cell() } + fn.closure }
        let frame = Frame(interp: self, nLocals: code.nLocals, cells: cells, globals: fn.globals, name: code.name, filename: code.filename)
        frame.code = code
        let params = code.params
        if kwargs.isEmpty && args.count == params.count && code.allPositional {
            for i in 0..<args.count { store(params[i].loc, args[i], frame) }
        } else {
            try bindArguments(fn, frame, args, kwargs)
        }
        if code.isGenerator {
            let g = PyGenerator(interp: self, frame: frame, code: code)
            frame.generatorChannel = g.channel
            return .iterator(g)
        }
        try enterCall()
        defer { depth -= 1 }
        try checkInterrupt()
        do {
            _ = try execBlock(code.body, frame)
        } catch let e as PyException {
            frame.leaveWithError(e, fallback: code.firstLine)
            throw e
        }
        return frame.returnValue
    }

    func bindArguments(_ fn: PyFunction, _ frame: Frame, _ args: [Value], _ kwargs: [(String, Value)]) throws {
        let code = fn.code
        let params = code.params
        let name = fn.qualname
        var slots = [Value?](repeating: nil, count: params.count)
        let nPos = code.nPositionalCount
        let varargsIndex = params.firstIndex { $0.kind == .varargs }
        let varkwIndex = params.firstIndex { $0.kind == .varkw }
        for i in 0..<min(args.count, nPos) { slots[i] = args[i] }
        if args.count > nPos {
            if let vi = varargsIndex {
                slots[vi] = .tuple(Array(args[nPos...]))
            } else {
                let nDefaults = fn.defaults.count
                let kwGiven = kwargs.filter { kw in params.contains { $0.name == kw.0 && $0.kind == .kwonly } }.count
                var takes: String
                if nDefaults > 0 { takes = "from \(nPos - nDefaults) to \(nPos) positional arguments" }
                else { takes = "\(nPos) positional argument" + (nPos == 1 ? "" : "s") }
                var given = "\(args.count)"
                if kwGiven > 0 {
                    given += " positional argument" + (args.count == 1 ? "" : "s")
                    given += " (and \(kwGiven) keyword-only argument" + (kwGiven == 1 ? "" : "s") + ")"
                }
                throw PyException.typeError("\(name)() takes \(takes) but \(given) \(args.count == 1 && kwGiven == 0 ? "was" : "were") given")
            }
        } else if let vi = varargsIndex {
            slots[vi] = .tuple([])
        }
        var extra: PyDict?
        if let ki = varkwIndex { let d = PyDict(); extra = d; slots[ki] = .dict(d) }
        for (k, v) in kwargs {
            if let i = params.firstIndex(where: { $0.name == k && ($0.kind == .positional || $0.kind == .kwonly) }) {
                if slots[i] != nil {
                    throw PyException.typeError("\(name)() got multiple values for argument '\(k)'")
                }
                slots[i] = v
            } else if let d = extra {
                try d.set(.str(k), v)
            } else {
                throw PyException.typeError("\(name)() got an unexpected keyword argument '\(k)'")
            }
        }
        let firstDefault = nPos - fn.defaults.count
        var missing: [String] = []
        for i in 0..<nPos where slots[i] == nil {
            if i >= firstDefault { slots[i] = fn.defaults[i - firstDefault] } else { missing.append(params[i].name) }
        }
        if !missing.isEmpty {
            throw PyException.typeError("\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(pluralArgs(missing))")
        }
        var missingKw: [String] = []
        for (i, p) in params.enumerated() where p.kind == .kwonly && slots[i] == nil {
            if let d = fn.kwDefaults[p.name] { slots[i] = d } else { missingKw.append(p.name) }
        }
        if !missingKw.isEmpty {
            throw PyException.typeError("\(name)() missing \(missingKw.count) required keyword-only argument\(missingKw.count == 1 ? "" : "s"): \(pluralArgs(missingKw))")
        }
        for (i, p) in params.enumerated() { if let v = slots[i] { store(p.loc, v, frame) } }
    }

    func instantiate(_ c: PyClass, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        if let ctor = c.constructor { return try ctor(args, kwargs) }
        // Subclasses of builtin types are not supported; exceptions and plain classes are.
        let inst = PyInstance(cls: c)
        let v = Value.instance(inst)
        if c.isException { inst.args = args }
        if let initF = c.lookup("__init__"), !(isObjectInit(initF) && !c.isException) {
            let r = try callValue(initF, [v] + args, kwargs)
            if !r.isNone { throw PyException.typeError("__init__() should return None, not '\(r.typeName)'") }
        } else if !c.isException && (!args.isEmpty || !kwargs.isEmpty) {
            throw PyException.typeError("\(c.name)() takes no arguments")
        }
        return v
    }

    func isObjectInit(_ v: Value) -> Bool {
        if case .builtin(let b) = v, case .builtin(let o)? = BuiltinClasses.object.dict["__init__"] { return b === o }
        return false
    }

    func makeExceptionInstance(_ v: Value) throws -> PyInstance {
        switch v {
        case .type(let c) where c.isException:
            let r = try instantiate(c, [], [])
            if case .instance(let i) = r { return i }
        case .instance(let i) where i.cls.isException:
            return i
        default: break
        }
        throw PyException.typeError("exceptions must derive from BaseException")
    }

    func exceptionMatches(_ inst: PyInstance, _ spec: Value, _ r: SrcRange) throws -> Bool {
        switch spec {
        case .type(let c):
            guard c.isException else {
                throw mark(PyException.typeError("catching classes that do not inherit from BaseException is not allowed"), r)
            }
            return inst.cls.isSubclass(of: c)
        case .tuple(let items):
            for i in items where try exceptionMatches(inst, i, r) { return true }
            return false
        default:
            throw mark(PyException.typeError("catching classes that do not inherit from BaseException is not allowed"), r)
        }
    }

    func enterContext(_ mgr: Value) throws -> Value {
        switch mgr {
        case .host(let h): return try h.enter()
        case .instance(let i):
            guard let enter = i.cls.lookup("__enter__"), i.cls.lookup("__exit__") != nil else {
                throw PyException.typeError("'\(mgr.typeName)' object does not support the context manager protocol")
            }
            return try callValue(enter, [mgr], [])
        default:
            throw PyException.typeError("'\(mgr.typeName)' object does not support the context manager protocol")
        }
    }

    /// Returns true when the manager suppressed the exception.
    func exitContext(_ mgr: Value, _ error: PyException?) throws -> Bool {
        switch mgr {
        case .host(let h):
            try h.exit(error: error)
            return false
        case .instance(let i):
            guard let exit = i.cls.lookup("__exit__") else { return false }
            let args: [Value]
            if let e = error { args = [mgr, .type(e.instance.cls), .instance(e.instance), .none] } else { args = [mgr, .none, .none, .none] }
            let r = try callValue(exit, args, [])
            if error == nil { return false }
            return try isTruthy(r)
        default:
            return false
        }
    }

    func mergeMapping(into d: PyDict, _ m: Value) throws {
        switch m {
        case .dict(let o): for (k, v) in o.items { try d.set(k, v) }
        case .host(let h):
            guard let keysFn = try h.getAttribute("keys") else { fallthrough }
            for k in try toArray(try callValue(keysFn, [], [])) { try d.set(k, try h.getItem(k)) }
        default:
            throw PyException.typeError("'\(m.typeName)' object is not a mapping")
        }
    }

    package func importModule(_ name: String) throws -> Value {
        if let m = loadedModules[name] { return m }
        if let m = registeredModules[name] { loadedModules[name] = m; return m }
        if let make = moduleFactories[name] {
            let m = Value.module(PyModule(name: name, members: try make()))
            loadedModules[name] = m
            return m
        }
        if let m = try makeStandardModule(name) { loadedModules[name] = m; return m }
        let e = PyException.builtin("ModuleNotFoundError", "No module named '\(name)'")
        e.instance.attrs["name"] = .str(name)
        throw e
    }
}

extension FunctionCode {
    /// True when every parameter is a plain positional one (the fast binding path applies).
    var simpleParams: Bool { allPositional }
    var nPositionalCount: Int { params.reduce(0) { $0 + ($1.kind == .positional ? 1 : 0) } }
}
