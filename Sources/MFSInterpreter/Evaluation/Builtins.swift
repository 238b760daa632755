// Built-in functions and types.
import BigInt

/// Wrapper classes for decorators and sentinels (shared, immutable after start-up).
enum WrapperClasses {
    nonisolated(unsafe) static let table: [String: PyClass] = {
        var t: [String: PyClass] = [:]
        for n in ["property", "staticmethod", "classmethod", "super"] {
            let c = PyClass(name: n, module: "builtins", bases: [BuiltinClasses.object])
            // Set here, once per process: every interpreter shares these classes, and interpreters
            // run in parallel (tests, generator threads), so setting it per interpreter was a race.
            if n != "super" { c.constructor = wrapperConstructor(n, c) }
            t[n] = c
        }
        return t
    }()

    /// `property(fget, fset)`, `staticmethod(f)`, `classmethod(f)`: instances holding what they wrap.
    private static func wrapperConstructor(_ n: String, _ c: PyClass) -> ([Value], [(String, Value)]) throws -> Value {
        return { [unowned c] args, kw in
            let inst = PyInstance(cls: c)
            if n == "property" {
                inst.attrs["fget"] = argAt(args, 0, kw, "fget") ?? Value.none
                inst.attrs["fset"] = argAt(args, 1, kw, "fset") ?? Value.none
                if case .function(let f)? = args.first { inst.attrs["__doc__"] = f.doc.map { .str($0) } ?? Value.none }
            } else {
                inst.attrs["__func__"] = args.first ?? Value.none
            }
            return .instance(inst)
        }
    }
}

extension Interpreter {
    func wrapperClass(_ name: String) -> PyClass { WrapperClasses.table[name] ?? BuiltinClasses.object }

    func typeClass(_ name: String) -> PyClass {
        if case .type(let c)? = builtins[name] { return c }
        if let c = typeOnlyClasses[name] { return c }
        let c = PyClass(name: name, module: "builtins", bases: [BuiltinClasses.object])
        typeOnlyClasses[name] = c
        return c
    }
    func typeClassValue(_ name: String) -> Value { .type(typeClass(name)) }

    func hostClass(_ name: String) -> PyClass {
        if let c = typeOnlyClasses["host:" + name] { return c }
        let c = PyClass(name: name, module: "builtins", bases: [BuiltinClasses.object])
        typeOnlyClasses["host:" + name] = c
        return c
    }

    /// `type(v)`.
    func classOf(_ v: Value) -> PyClass {
        switch v {
        case .instance(let i): return i.cls
        case .host(let h): return h is PyComplex ? typeClass("complex") : hostClass(h.typeName)
        case .type: return typeClass("type")
        case .dict(let d):
            if d.isCounter { return typeClass("Counter") }
            if d.defaultFactory != nil { return typeClass("defaultdict") }
            return typeClass("dict")
        default: return typeClass(v.typeName)
        }
    }

    func isInstance(_ v: Value, _ spec: Value) throws -> Bool {
        switch spec {
        case .type(let c):
            let k = classOf(v)
            if k.isSubclass(of: c) { return true }
            if c.name == "int" && c.module == "builtins", case .bool = v { return true }
            if c.name == "dict" && c.module == "builtins", case .dict = v { return true }
            if c.name == "object" && c.module == "builtins" { return true }
            if c.module == "builtins", case .instance(let i) = v, let base = i.host?.builtinBaseName { return base == c.name }
            return false
        case .tuple(let items):
            for i in items where try isInstance(v, i) { return true }
            return false
        default:
            throw PyException.typeError("isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
    }

    func def(_ name: String, _ body: @escaping ([Value], [(String, Value)]) throws -> Value) {
        builtins[name] = .builtin(PyBuiltin(name: name, body))
    }

    func defType(_ name: String, base: PyClass? = nil, _ ctor: @escaping ([Value], [(String, Value)]) throws -> Value) {
        let c = PyClass(name: name, module: "builtins", bases: [base ?? BuiltinClasses.object])
        c.constructor = ctor
        builtins[name] = .type(c)
    }

    func noKeywords(_ name: String, _ kw: [(String, Value)]) throws {
        if let k = kw.first { throw PyException.typeError("\(name)() takes no keyword arguments" + (k.0.isEmpty ? "" : "")) }
    }

    func installBuiltins() {
        for (n, c) in BuiltinClasses.exceptions { builtins[n] = .type(c) }
        builtins["object"] = .type(BuiltinClasses.object)
        // The shared classes' members are set once per process, not per interpreter: interpreters
        // run in parallel (tests, generator threads), and writing them each time was a data race.
        BuiltinClasses.installSharedMembers()
        builtins["None"] = Value.none
        builtins["NotImplemented"] = .builtin(PyBuiltin(name: "NotImplemented") { _, _ in throw PyException.typeError("'NotImplementedType' object is not callable") })
        builtins["Ellipsis"] = PyEllipsis.value
        for n in ["property", "staticmethod", "classmethod"] { builtins[n] = .type(wrapperClass(n)) }
        installTypeConstructors()
        installFunctions()
        installMoreFunctions()
    }

    func installTypeConstructors() {
        defType("int") { [unowned self] args, kw in
            let x = argAt(args, 0, kw, "x")
            let baseV = argAt(args, 1, kw, "base")
            guard let x else { return .int(0) }
            if let baseV {
                let base = try expectInt(baseV)
                guard case .str(let s) = x else { throw PyException.typeError("int() can't convert non-string with explicit base") }
                return try self.parseInt(s, base: base)
            }
            return try self.toInt(x)
        }
        defType("complex") { [unowned self] args, kw in try self.makeComplex(args, kw) }
        defType("float") { [unowned self] args, _ in
            guard let x = args.first else { return .float(0) }
            return .float(try self.toFloat(x))
        }
        defType("str") { [unowned self] args, kw in
            guard let x = argAt(args, 0, kw, "object") else { return .str("") }
            if case .bytes(let b) = x, args.count > 1 || !kw.isEmpty {
                return .str(String(decoding: b, as: UTF8.self))
            }
            return .str(try self.str(x))
        }
        defType("bool", base: typeClass("int")) { [unowned self] args, _ in .bool(try args.first.map { try self.isTruthy($0) } ?? false) }
        defType("list") { [unowned self] args, _ in .list(PyList(try args.first.map { try self.toArray($0) } ?? [])) }
        defType("tuple") { [unowned self] args, _ in .tuple(try args.first.map { try self.toArray($0) } ?? []) }
        defType("set") { [unowned self] args, _ in .set(try self.setFrom(args.first)) }
        defType("frozenset") { [unowned self] args, _ in
            if case .frozenset? = args.first, let a = args.first { return a }
            return .frozenset(try self.setFrom(args.first))
        }
        defType("dict") { [unowned self] args, kw in
            let d = PyDict()
            if args.count > 1 { throw PyException.typeError("dict expected at most 1 argument, got \(args.count)") }
            if let a = args.first { try self.updateDict(d, a) }
            for (k, v) in kw { try d.set(.str(k), v) }
            return .dict(d)
        }
        defType("bytes") { [unowned self] args, _ in
            guard let x = args.first else { return .bytes([]) }
            switch x {
            case .str(let s):
                if args.count < 2 { throw PyException.typeError("string argument without an encoding") }
                return .bytes(Array(s.utf8))
            case .int(let n):
                if n < 0 { throw PyException.valueError("negative count") }
                try MemoryCheck.reserve(count: n, size: 1)
                return .bytes([UInt8](repeating: 0, count: n))
            case .bytes: return x
            default:
                return .bytes(try self.toArray(x).map { v in
                    let i = try expectInt(v)
                    guard i >= 0 && i < 256 else { throw PyException.valueError("bytes must be in range(0, 256)") }
                    return UInt8(i)
                })
            }
        }
        defType("range") { [unowned self] args, kw in
            try self.noKeywords("range", kw)
            let ints = try args.map { a -> Int in
                let v = try self.indexHook(a) ?? a
                switch v {
                case .int(let i): return i
                case .bool(let b): return b ? 1 : 0
                default: throw PyException.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
                }
            }
            switch ints.count {
            case 1: return .range(PyRange(0, ints[0], 1))
            case 2: return .range(PyRange(ints[0], ints[1], 1))
            case 3:
                if ints[2] == 0 { throw PyException.valueError("range() arg 3 must not be zero") }
                return .range(PyRange(ints[0], ints[1], ints[2]))
            case 0: throw PyException.typeError("range expected at least 1 argument, got 0")
            default: throw PyException.typeError("range expected at most 3 arguments, got \(ints.count)")
            }
        }
        defType("type") { [unowned self] args, _ in
            if args.count == 1 { return .type(self.classOf(args[0])) }
            if args.count == 3, case .str(let name) = args[0], case .tuple(let bases) = args[1], case .dict(let ns) = args[2] {
                var dict: [String: Value] = [:]
                for (k, v) in ns.items { if case .str(let ks) = k { dict[ks] = v } }
                let bs = bases.compactMap { b -> PyClass? in if case .type(let c) = b { return c }; return nil }
                return .type(PyClass(name: name, bases: bs.isEmpty ? [BuiltinClasses.object] : bs, dict: dict))
            }
            throw PyException.typeError("type() takes 1 or 3 arguments")
        }
        defType("slice") { args, _ in
            switch args.count {
            case 1: return .slice(PySlice(.none, args[0], .none))
            case 2: return .slice(PySlice(args[0], args[1], .none))
            case 3: return .slice(PySlice(args[0], args[1], args[2]))
            default: throw PyException.typeError("slice expected at least 1 argument, got 0")
            }
        }
        for n in ["NoneType", "function", "builtin_function_or_method", "method", "module", "generator"] { _ = typeClass(n) }
    }

    func setFrom(_ v: Value?) throws -> PySet {
        guard let v else { return PySet() }
        switch v {
        case .set(let s), .frozenset(let s): return PySet(copying: s)
        default: return try PySet(try toArray(v))
        }
    }

    func parseInt(_ text: String, base: Int) throws -> Value {
        var s = text.trimmedChars(" \t\n\r\u{0B}\u{0C}")
        var neg = false
        if s.hasPrefix("-") { neg = true; s.removeFirst() } else if s.hasPrefix("+") { s.removeFirst() }
        var b = base
        let lower = s.lowercased()
        if (b == 16 || b == 0) && lower.hasPrefix("0x") { s.removeFirst(2); b = 16 }
        else if (b == 8 || b == 0) && lower.hasPrefix("0o") { s.removeFirst(2); b = 8 }
        else if (b == 2 || b == 0) && lower.hasPrefix("0b") { s.removeFirst(2); b = 2 }
        if b == 0 { b = 10 }
        let digits = s.replacingOccurrences("_", "")
        // CPython shows at most 200 characters of the repr (%.200R).
        let bad = PyException.valueError("invalid literal for int() with base \(base): \(String(String.UnicodeScalarView(strRepr(text).unicodeScalars.prefix(200))))")
        if digits.isEmpty || s.hasPrefix("_") || s.hasSuffix("_") || s.contains("__") { throw bad }
        guard b >= 2 && b <= 36 else { throw PyException.valueError("int() base must be >= 2 and <= 36, or 0") }
        // Short texts take the fast path; long ones (even "000…0") go through the digit limit.
        if digits.utf8.count <= 18, let i = Int(digits, radix: b) { return .int(neg ? -i : i) }
        guard let v = try parseDigits(Substring(digits), radix: b) else { throw bad }
        return .integer(neg ? -v : v)
    }

    func toInt(_ x: Value) throws -> Value {
        switch x {
        case .int, .bigint: return x
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d):
            if d.isNaN { throw PyException.valueError("cannot convert float NaN to integer") }
            if d.isInfinite { throw PyException.overflow("cannot convert float infinity to integer") }
            let t = d.rounded(.towardZero)
            if abs(t) < 9.2e18 { return .int(Int(t)) }
            return .integer(BigInt(t))
        case .str(let s): return try parseInt(s, base: 10)
        case .bytes(let b): return try parseInt(String(decoding: b, as: UTF8.self), base: 10)
        case .instance(let i):
            if let m = i.cls.lookup("__int__") ?? i.cls.lookup("__index__") { return try callValue(m, [x], []) }
        default: break
        }
        throw PyException.typeError("int() argument must be a string, a bytes-like object or a real number, not '\(x.typeName)'")
    }

    func toFloat(_ x: Value) throws -> Double {
        switch x {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .bigint(let b): return try toDouble(.b(b.value))
        case .str(let s):
            let t = s.trimmedChars(" \t\n\r").lowercased().replacingOccurrences("_", "")
            switch t {
            case "inf", "+inf", "infinity", "+infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            case "nan", "+nan", "-nan": return .nan
            default: break
            }
            var u = t
            if u.hasSuffix(".") { u += "0" }
            if u.hasPrefix(".") { u = "0" + u }
            if u.hasPrefix("-.") { u = "-0." + u.dropFirst(2) }
            if let d = Double(u), !t.isEmpty, t.allSatisfy({ "0123456789.e+-".contains($0) }) { return d }
            throw PyException.valueError("could not convert string to float: \(strRepr(s))")
        case .instance(let i):
            if let m = i.cls.lookup("__float__") {
                if case .float(let d) = try callValue(m, [x], []) { return d }
            }
        default: break
        }
        throw PyException.typeError("float() argument must be a string or a real number, not '\(x.typeName)'")
    }
}
