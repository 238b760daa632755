// Attribute access for every kind of value, and the method tables used by dir() and completion.

let strMethodNames: [String] = ["capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find",
    "format", "format_map", "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric",
    "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition", "removeprefix",
    "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split", "splitlines",
    "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill"]
let listMethodNames: [String] = ["append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"]
let dictMethodNames: [String] = ["clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"]
let counterMethodNames: [String] = ["elements", "most_common", "subtract", "total"]
let setMethodNames: [String] = ["add", "clear", "copy", "difference", "difference_update", "discard", "intersection",
    "intersection_update", "isdisjoint", "issubset", "issuperset", "pop", "remove", "symmetric_difference",
    "symmetric_difference_update", "union", "update"]
let frozensetMethodNames: [String] = ["copy", "difference", "intersection", "isdisjoint", "issubset", "issuperset", "symmetric_difference", "union"]
let tupleMethodNames: [String] = ["count", "index"]
let intMethodNames: [String] = ["as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator", "from_bytes", "imag", "numerator", "real", "to_bytes"]
let floatMethodNames: [String] = ["as_integer_ratio", "conjugate", "fromhex", "hex", "imag", "is_integer", "real"]
let bytesMethodNames: [String] = ["count", "decode", "endswith", "find", "hex", "join", "lower", "replace", "split", "splitlines", "startswith", "strip", "upper"]
let rangeAttrNames: [String] = ["count", "index", "start", "step", "stop"]
let datetimeAttrNames: [String] = ["astimezone", "date", "day", "dst", "fromisoformat", "fromtimestamp", "hour", "isoformat", "isoweekday",
    "microsecond", "minute", "month", "now", "replace", "second", "strftime", "strptime", "time", "timestamp", "today", "tzinfo", "tzname",
    "utcoffset", "weekday", "year"]
let dateAttrNames: [String] = ["day", "fromisoformat", "isoformat", "isoweekday", "month", "replace", "strftime", "today", "weekday", "year"]
let timedeltaAttrNames: [String] = ["days", "max", "microseconds", "min", "resolution", "seconds", "total_seconds"]

extension Interpreter {
    /// Method names of built-in value kinds (nil for kinds without a fixed table).
    func builtinMethodNames(_ v: Value) -> [String]? {
        switch v {
        case .str: return strMethodNames
        case .list: return listMethodNames
        case .dict(let d): return d.isCounter ? dictMethodNames + counterMethodNames : dictMethodNames
        case .set: return setMethodNames
        case .frozenset: return frozensetMethodNames
        case .tuple: return tupleMethodNames
        case .int, .bool, .bigint: return intMethodNames
        case .float: return floatMethodNames
        case .bytes: return bytesMethodNames
        case .datetime: return datetimeAttrNames
        case .date: return dateAttrNames
        case .timedelta: return timedeltaAttrNames
        case .range: return rangeAttrNames
        default: return nil
        }
    }

    /// For `obj.name(...)`: nil means "call the built-in method directly"; otherwise the callable attribute.
    func lookupMethod(_ recv: Value, _ name: String) throws -> Value? {
        switch recv {
        case .str, .list, .dict, .set, .frozenset, .tuple, .bytes:
            if let names = builtinMethodNames(recv), names.contains(name) { return nil }
            throw noAttribute(recv, name)
        default:
            return try getAttr(recv, name)
        }
    }

    func noAttribute(_ v: Value, _ name: String) -> PyException {
        let e = PyException.attributeError("'\(v.typeName)' object has no attribute '\(name)'")
        e.instance.attrs["name"] = .str(name)
        e.instance.attrs["obj"] = v
        return e
    }

    func boundBuiltin(_ recv: Value, _ name: String) -> Value {
        .builtin(PyBuiltin(name: name, boundSelf: recv) { [unowned self] args, kw in try self.callMethod(recv, name, args, kw) })
    }

    func getAttr(_ v: Value, _ name: String) throws -> Value {
        switch v {
        case .instance(let inst):
            if inst.cls === wrapperClass("super"), case .type(let this)? = inst.attrs["__thisclass__"], let obj = inst.attrs["__self__"] {
                let objClass: PyClass
                if case .type(let c) = obj { objClass = c } else { objClass = classOf(obj) }
                let mro = objClass.mro
                if let idx = mro.firstIndex(where: { $0 === this }) {
                    for c in mro[(idx + 1)...] {
                        if let a = c.dict[name] {
                            if case .type = obj { return a }
                            return try bindClassAttribute(a, obj, objClass)
                        }
                    }
                }
                throw PyException.attributeError("'super' object has no attribute '\(name)'")
            }
            if let a = inst.attrs[name] { return a }
            if let a = inst.cls.lookup(name) { return try bindClassAttribute(a, v, inst.cls) }
            switch name {
            case "__class__": return .type(inst.cls)
            case "__dict__":
                return try .newDict(inst.attrs.sorted { $0.key < $1.key }.map { (.str($0.key), $0.value) })
            case "args" where inst.cls.isException: return .tuple(inst.args)
            case "value" where inst.cls.isSubclass(of: BuiltinClasses.exc("StopIteration")): return inst.args.first ?? .none
            case "code" where inst.cls.isSubclass(of: BuiltinClasses.exc("SystemExit")):
                // SystemExit_init: None without arguments, the one argument, or the args tuple.
                return inst.args.count > 1 ? .tuple(inst.args) : inst.args.first ?? .none
            case "__suppress_context__" where inst.cls.isException: return .bool(inst.suppressContext)
            case "__cause__" where inst.cls.isException: return inst.cause.map { .instance($0) } ?? .none
            case "__context__" where inst.cls.isException: return inst.context.map { .instance($0) } ?? .none
            case "__traceback__" where inst.cls.isException: return .none
            case "__doc__": return inst.cls.doc.map { .str($0) } ?? .none
            default: break
            }
            if let ga = inst.cls.lookup("__getattr__") { return try callValue(ga, [v, .str(name)], []) }
            throw noAttribute(v, name)
        case .type(let c):
            switch name {
            case "__name__": return .str(c.name)
            case "__qualname__": return .str(c.name)
            case "__module__": return .str(c.module)
            case "__doc__": return c.doc.map { .str($0) } ?? .none
            case "__bases__": return .tuple(c.bases.map { .type($0) })
            case "__mro__": return .tuple(c.mro.map { .type($0) })
            case "__class__": return .type(typeClass("type"))
            default: break
            }
            if let a = c.lookup(name) {
                if case .instance(let w) = a, w.cls === wrapperClass("classmethod"), let f = w.attrs["__func__"] {
                    return .boundMethod(PyBoundMethod(receiver: v, function: f))
                }
                if case .instance(let w) = a, w.cls === wrapperClass("staticmethod"), let f = w.attrs["__func__"] { return f }
                return a
            }
            if let unbound = unboundBuiltinMethod(c, name) { return unbound }
            throw PyException.attributeError("type object '\(c.name)' has no attribute '\(name)'")
        case .module(let m):
            if let a = m.members[name] { return a }
            if name == "__name__" { return .str(m.name) }
            if name == "__dict__" { return try .newDict(m.order.compactMap { k in m.members[k].map { (.str(k), $0) } }) }
            throw PyException.attributeError("module '\(m.name)' has no attribute '\(name)'")
        case .function(let f):
            switch name {
            case "__name__": return .str(f.name)
            case "__qualname__": return .str(f.qualname)
            case "__doc__": return f.doc.map { .str($0) } ?? .none
            case "__module__": return .str("__main__")
            case "__defaults__": return f.defaults.isEmpty ? .none : .tuple(f.defaults)
            case "__dict__": return try .newDict(f.attrs.map { (.str($0.key), $0.value) })
            default:
                if let a = f.attrs[name] { return a }
            }
        case .builtin(let b):
            switch name {
            case "__name__": return .str(b.name)
            case "__qualname__": return .str(b.name)
            case "__doc__": return b.doc.map { .str($0) } ?? .none
            case "__self__": return b.boundSelf ?? .none
            default: break
            }
        case .boundMethod(let m):
            switch name {
            case "__self__": return m.receiver
            case "__func__": return m.function
            default: return try getAttr(m.function, name)
            }
        case .host(let h):
            if let a = try h.getAttribute(name) { return a }
            switch name {
            case "__class__": return .type(hostClass(h.typeName))
            case "__doc__": return h.doc.map { .str($0) } ?? .none
            default: break
            }
            throw noAttribute(v, name)
        case .int, .bool, .bigint:
            switch name {
            case "real", "numerator": return try callValue(typeClassValue("int"), [v], [])
            case "imag": return .int(0)
            case "denominator": return .int(1)
            default: break
            }
        case .float(let d):
            switch name {
            case "real": return .float(d)
            case "imag": return .float(0)
            default: break
            }
        case .range(let r):
            switch name {
            case "start": return .int(r.start)
            case "stop": return .int(r.stop)
            case "step": return .int(r.step)
            default: break
            }
        case .slice(let s):
            switch name {
            case "start": return s.start
            case "stop": return s.stop
            case "step": return s.step
            case "indices":
                return .builtin(PyBuiltin(name: "indices", boundSelf: v) { args, _ in
                    try checkArgs("indices", args, 1, 1)
                    let n = try expectInt(args[0])
                    if n < 0 { throw PyException.valueError("length should not be negative") }
                    let (start, stop, step) = try sliceBounds(s, count: n)
                    return .tuple([.int(start), .int(stop), .int(step)])
                })
            default: break
            }
        case .dict(let d):
            if name == "default_factory", d.defaultFactory != nil || !d.isCounter { return d.defaultFactory ?? .none }
        case .datetime, .date, .timedelta:
            if let a = try dateAttribute(v, name) { return a }
        case .iterator(let it):
            if let g = it as? PyGenerator, let a = generatorAttribute(g, name) { return a }
        default: break
        }
        if let names = builtinMethodNames(v), names.contains(name) { return boundBuiltin(v, name) }
        throw noAttribute(v, name)
    }

    func bindClassAttribute(_ a: Value, _ inst: Value, _ cls: PyClass) throws -> Value {
        switch a {
        case .function, .builtin: return .boundMethod(PyBoundMethod(receiver: inst, function: a))
        case .host(let h) where h is any BindsAsMethod: return .boundMethod(PyBoundMethod(receiver: inst, function: a))
        case .instance(let w) where w.cls === wrapperClass("property"):
            guard let g = w.attrs["fget"], !g.isNone else { throw PyException.attributeError("property has no getter") }
            return try callValue(g, [inst], [])
        case .instance(let w) where w.cls === wrapperClass("staticmethod"):
            return w.attrs["__func__"] ?? .none
        case .instance(let w) where w.cls === wrapperClass("classmethod"):
            return .boundMethod(PyBoundMethod(receiver: .type(cls), function: w.attrs["__func__"] ?? .none))
        default: return a
        }
    }

    func setAttr(_ v: Value, _ name: String, _ value: Value) throws {
        switch v {
        case .instance(let inst):
            if let p = inst.cls.lookup(name), case .instance(let w) = p, w.cls === wrapperClass("property") {
                guard let s = w.attrs["fset"], !s.isNone else { throw PyException.attributeError("can't set attribute '\(name)'") }
                _ = try callValue(s, [v, value], [])
                return
            }
            // A host-backed value (numpy, pandas) sets the attribute itself, or refuses: stored on the
            // instance, it would be ignored by the value it names (`df.columns = [...]`).
            if inst.host != nil {
                if let setter = inst.cls.lookup("__setattr__"), case .builtin = setter {
                    _ = try callValue(setter, [v, .str(name), value], [])
                } else if let host = inst.host {
                    try host.setAttribute(name, value)
                }
                return
            }
            if inst.cls.isException && name == "args" { inst.args = try toArray(value); return }
            if inst.cls.isException && name == "__cause__" {
                if case .instance(let c) = value { inst.cause = c } else { inst.cause = nil }
                inst.suppressContext = true
                return
            }
            inst.attrs[name] = value
        case .type(let c):
            if c.module == "builtins" {
                throw PyException.typeError("cannot set '\(name)' attribute of immutable type '\(c.name)'")
            }
            c.dict[name] = value
        case .function(let f):
            if name == "__doc__" { if case .str(let s) = value { f.doc = s } else { f.doc = nil }; return }
            if name == "__name__", case .str(let s) = value { f.name = s; return }
            f.attrs[name] = value
        case .module(let m): m.set(name, value)
        case .host(let h): try h.setAttribute(name, value)
        default:
            if builtinMethodNames(v)?.contains(name) == true {
                throw PyException.attributeError("'\(v.typeName)' object attribute '\(name)' is read-only")
            }
            throw noAttribute(v, name)
        }
    }

    func delAttr(_ v: Value, _ name: String) throws {
        switch v {
        case .instance(let inst):
            if inst.attrs.removeValue(forKey: name) == nil { throw noAttribute(v, name) }
        case .type(let c):
            if c.dict.removeValue(forKey: name) == nil { throw PyException.attributeError("type object '\(c.name)' has no attribute '\(name)'") }
        case .module(let m):
            if m.members.removeValue(forKey: name) == nil { throw PyException.attributeError("module '\(m.name)' has no attribute '\(name)'") }
            m.order.removeAll { $0 == name }
        default:
            throw noAttribute(v, name)
        }
    }

    /// `str.upper`, `dict.fromkeys`, ... accessed on the type.
    func unboundBuiltinMethod(_ c: PyClass, _ name: String) -> Value? {
        let sample: Value
        switch c.name {
        case "str":
            if name == "maketrans" { return .builtin(PyBuiltin(name: "maketrans") { args, _ in try strMaketrans(args) }) }
            sample = .str("")
        case "list": sample = .list(PyList())
        case "dict":
            if name == "fromkeys" {
                return .builtin(PyBuiltin(name: "fromkeys") { [unowned self] args, kw in try self.callMethod(.dict(PyDict()), "fromkeys", args, kw) })
            }
            sample = .dict(PyDict())
        case "set": sample = .set(PySet())
        case "tuple": sample = .tuple([])
        case "int":
            if name == "from_bytes" {
                return .builtin(PyBuiltin(name: "from_bytes") { [unowned self] args, kw in try self.callMethod(.int(0), "from_bytes", args, kw) })
            }
            sample = .int(0)
        case "float": sample = .float(0)
        case "bytes":
            if name == "fromhex" {
                return .builtin(PyBuiltin(name: "fromhex") { args, _ in
                    try checkArgs("fromhex", args, 1, 1)
                    guard case .str(let s) = args[0] else { throw PyException.typeError("fromhex() argument must be str, not \(args[0].typeName)") }
                    return .bytes(try bytesFromHex(s))
                })
            }
            sample = .bytes([])
        default: return nil
        }
        guard let names = builtinMethodNames(sample), names.contains(name) else { return nil }
        let typeName = c.name
        return .builtin(PyBuiltin(name: name) { [unowned self] args, kw in
            guard var recv = args.first else {
                throw PyException.typeError("descriptor '\(name)' of '\(typeName)' object needs an argument")
            }
            // A host value whose CPython class derives from this type (numpy's str_ from str) is
            // taken as the plain value it stands for: `str.lower(np_str)`, `key=str.lower`.
            if case .instance(let i) = recv, let host = i.host, host.builtinBaseName == typeName, let plain = host.keyValue { recv = plain }
            guard recv.typeName == typeName || (typeName == "int" && recv.typeName == "bool") else {
                throw PyException.typeError("descriptor '\(name)' of '\(typeName)' object needs an argument")
            }
            return try self.callMethod(recv, name, Array(args.dropFirst()), kw)
        })
    }

    func dirNames(_ v: Value) -> [String] {
        var names: Set<String> = []
        switch v {
        case .instance(let i):
            names.formUnion(i.attrs.keys)
            // A host's attributes computed on demand (not set on the instance) are listed too, as
            // Python's dir() lists properties.
            if let host = i.host { names.formUnion(host.attributeNames) }
            for c in i.cls.mro where c.module != "builtins" { names.formUnion(c.dict.keys) }
            if i.cls.isException { names.insert("args") }
        case .type(let c):
            for k in c.mro where k.module != "builtins" { names.formUnion(k.dict.keys) }
            if let u = ["str", "list", "dict", "set", "tuple", "int", "float", "bytes"].first(where: { $0 == c.name }) {
                _ = u
                if let sample = sampleValue(c.name), let m = builtinMethodNames(sample) { names.formUnion(m) }
            }
        case .module(let m): names.formUnion(m.members.keys)
        case .host(let h): names.formUnion(h.attributeNames)
        case .function(let f): names.formUnion(f.attrs.keys); names.formUnion(["__name__", "__doc__", "__qualname__"])
        default:
            if let m = builtinMethodNames(v) { names.formUnion(m) }
        }
        return names.sorted()
    }

    func sampleValue(_ name: String) -> Value? {
        switch name {
        case "str": return .str("")
        case "list": return .list(PyList())
        case "dict": return .dict(PyDict())
        case "set": return .set(PySet())
        case "tuple": return .tuple([])
        case "int": return .int(0)
        case "float": return .float(0)
        case "bytes": return .bytes([])
        default: return nil
        }
    }
}

/// `bytes.fromhex(s)`: pairs of hex digits, whitespace allowed between pairs.
func bytesFromHex(_ s: String) throws -> [UInt8] {
    var out: [UInt8] = []
    let chars = Array(s.unicodeScalars)
    var i = 0
    while i < chars.count {
        if chars[i] == " " || chars[i] == "\t" || chars[i] == "\n" || chars[i] == "\r" || chars[i] == "\u{0B}" || chars[i] == "\u{0C}" { i += 1; continue }
        guard i + 1 < chars.count, let hi = hexDigitValue(chars[i]), let lo = hexDigitValue(chars[i + 1]) else {
            let pos = i + 1 < chars.count && hexDigitValue(chars[i]) != nil ? i + 1 : i
            throw PyException.valueError("non-hexadecimal number found in fromhex() arg at position \(pos)")
        }
        out.append(UInt8(hi * 16 + lo))
        i += 2
    }
    return out
}

private func hexDigitValue(_ c: Unicode.Scalar) -> Int? {
    switch c {
    case "0"..."9": return Int(c.value) - 48
    case "a"..."f": return Int(c.value) - 87
    case "A"..."F": return Int(c.value) - 55
    default: return nil
    }
}
