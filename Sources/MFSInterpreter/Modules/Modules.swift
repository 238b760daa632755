// The registry of standard modules (makeStandardModule), with sys, math, datetime, collections and
// statistics; the other modules live in files named for them.
import Glibc
import BigInt

/// sys.stdout / sys.stderr.
final class StreamObject: HostObject {
    let sink: OutputSink
    let name: String
    init(_ sink: OutputSink, _ name: String) { self.sink = sink; self.name = name }
    var typeName: String { "TextIOWrapper" }
    func getAttribute(_ attr: String) throws -> Value? {
        switch attr {
        case "write":
            return .newBuiltin("write") { [sink] args, _ in
                guard args.count == 1, case .str(let s) = args[0] else {
                    throw PyException.typeError("write() argument must be str, not \(args.first?.typeName ?? "nothing")")
                }
                sink.write(s)
                try raiseWriteError(of: sink)
                return .int(s.unicodeScalars.count)
            }
        case "flush": return .newBuiltin("flush") { [sink] _, _ in sink.flush(); try raiseWriteError(of: sink); return .none }
        case "name": return .str(name)
        default: return nil
        }
    }
    var attributeNames: [String] { ["flush", "name", "write"] }
    func repr() -> String { "<_io.TextIOWrapper name='\(name)' mode='w' encoding='utf-8'>" }
}

/// A write to `sink` that failed (a full disk, a closed pipe) raises its OSError where the program
/// wrote, as CPython's io does, so it can be caught and is never silent.
func raiseWriteError(of sink: OutputSink) throws {
    if let code = sink.takeWriteError() { throw PyException.writeError(errno: code) }
}

extension Interpreter {
    func module(_ name: String, _ members: [(String, Value)]) -> Value { .module(PyModule(name: name, members: members)) }
    func fn(_ name: String, _ body: @escaping ([Value], [(String, Value)]) throws -> Value) -> (String, Value) {
        (name, .builtin(PyBuiltin(name: name, body)))
    }

    func makeStandardModule(_ name: String) throws -> Value? {
        switch name {
        case "sys":
            return module("sys", [
                ("argv", .list(PyList(argv.map { .str($0) }))),
                ("stdout", .host(StreamObject(stdout, "<stdout>"))),
                ("stderr", .host(StreamObject(stderr, "<stderr>"))),
                ("version", .str("3.11.7 (mfs)")),
                ("version_info", .tuple([.int(3), .int(11), .int(7), .str("final"), .int(0)])),
                ("platform", .str("linux")),
                ("maxsize", .int(Int.max)),
                ("path", .list(PyList())),
                ("modules", .dict(PyDict())),
                fn("exit") { args, _ in throw PyException(cls: BuiltinClasses.exc("SystemExit"), args: args.isEmpty ? [] : [args[0]]) },
                fn("get_int_max_str_digits") { args, _ in
                    if !args.isEmpty { throw PyException.typeError("sys.get_int_max_str_digits() takes no arguments (\(args.count) given)") }
                    return .int(IntStringLimit.current)
                },
                fn("set_int_max_str_digits") { args, kw in
                    guard let v = argAt(args, 0, kw, "maxdigits") else {
                        throw PyException.typeError("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)")
                    }
                    let tooLarge = PyException.overflow("Python int too large to convert to C int")
                    if case .bigint = v { throw tooLarge }
                    guard let n = Int32(exactly: try expectInt(v)) else { throw tooLarge }
                    try IntStringLimit.set(Int(n))
                    return .none
                },
                fn("getrecursionlimit") { [unowned self] _, _ in .int(self.recursionLimit) },
                fn("setrecursionlimit") { [unowned self] args, _ in
                    let n = try expectInt(args.first ?? .none)
                    if n < 1 { throw PyException.valueError("recursion limit must be greater or equal than 1") }
                    self.recursionLimit = min(n, 20000)
                    return .none
                },
            ])
        case "math": return makeMathModule()
        case "re": return makeReModule()
        case "csv": return makeCSVModule()
        case "json": return makeJSONModule()
        case "datetime": return makeDatetimeModule()
        case "collections": return makeCollectionsModule()
        case "statistics": return makeStatisticsModule()
        case "random": return try makeRandomModule()
        case "itertools": return makeItertoolsModule()
        case "operator": return makeOperatorModule()
        case "pprint": return makePprintModule()
        case "io": return makeIOModule()
        case "textwrap": return makeTextwrapModule()
        case "string": return makeStringModule()
        case "functools": return makeFunctoolsModule()
        case "time": return makeTimeModule()
        default: return nil
        }
    }

    /// A real-number argument as CPython's `PyFloat_AsDouble` takes it (the math module, fsum): ints
    /// and floats, else an object's `__float__` (numpy's float64, user classes) or `__index__` (numpy's int64).
    func realNumber(_ v: Value) throws -> Double {
        if let n = toNum(v) { return try toDouble(n) }
        if case .instance(let i) = v {
            if let m = i.cls.lookup("__float__") {
                let r = try callValue(m, [v], [])
                guard case .float(let d) = r else {
                    throw PyException.typeError("\(v.typeName).__float__ returned non-float (type \(r.typeName))")
                }
                return d
            }
            if let m = i.cls.lookup("__index__"), let n = toNum(try callValue(m, [v], [])) { return try toDouble(n) }
        }
        throw PyException.typeError("must be real number, not \(v.typeName)")
    }

    /// math.floor/math.ceil: ints as they are, floats rounded, else the object's own `__floor__`/`__ceil__`,
    /// else its real value rounded (numpy's float64 rounds down: math.floor(np.float64(-1.5)) is -2).
    func roundedToInt(_ v: Value, _ method: String, _ rule: FloatingPointRoundingRule) throws -> Value {
        switch v {
        case .int, .bigint, .bool: return try toInt(v)
        case .float(let d): return try toInt(.float(d.rounded(rule)))
        case .instance(let i):
            if let m = i.cls.lookup(method) { return try callValue(m, [v], []) }
        default: break
        }
        return try toInt(.float(try realNumber(v).rounded(rule)))
    }

    func makeMathModule() -> Value {
        func real(_ v: Value?) throws -> Double { try self.realNumber(v ?? .none) }
        func unary(_ name: String, _ f: @escaping (Double) -> Double, domain: ((Double) -> Bool)? = nil) -> (String, Value) {
            fn(name) { args, _ in
                try checkArgs(name, args, 1, 1)
                let x = try real(args[0])
                if let domain, !domain(x) { throw PyException.valueError("math domain error") }
                let r = f(x)
                if r.isInfinite && x.isFinite { throw PyException.overflow("math range error") }
                return .float(r)
            }
        }
        return module("math", [
            ("pi", .float(Double.pi)), ("e", .float(M_E)), ("tau", .float(2 * Double.pi)),
            ("inf", .float(.infinity)), ("nan", .float(.nan)),
            unary("sqrt", { $0.squareRoot() }, domain: { $0 >= 0 || $0.isNaN }),
            unary("exp", { Glibc.exp($0) }),
            unary("sin", { Glibc.sin($0) }), unary("cos", { Glibc.cos($0) }), unary("tan", { Glibc.tan($0) }),
            unary("asin", { Glibc.asin($0) }, domain: { abs($0) <= 1 }), unary("acos", { Glibc.acos($0) }, domain: { abs($0) <= 1 }),
            unary("atan", { Glibc.atan($0) }), unary("sinh", { Glibc.sinh($0) }), unary("cosh", { Glibc.cosh($0) }),
            unary("tanh", { Glibc.tanh($0) }), unary("fabs", { abs($0) }),
            unary("log10", { Glibc.log10($0) }, domain: { $0 > 0 }), unary("log2", { Glibc.log2($0) }, domain: { $0 > 0 }),
            unary("log1p", { Glibc.log1p($0) }, domain: { $0 > -1 }), unary("expm1", { Glibc.expm1($0) }),
            unary("degrees", { $0 * 180 / Double.pi }), unary("radians", { $0 * Double.pi / 180 }),
            fn("log") { args, _ in
                try checkArgs("log", args, 1, 2)
                var x: Double
                if case .bigint(let b) = args[0], b.value.sign == .plus, !Double(b.value).isFinite {
                    let bits = b.value.bitWidth - 53
                    x = Glibc.log(Double(b.value >> bits)) + Double(bits) * Glibc.log(2.0)
                } else {
                    x = try real(args[0])
                    if x <= 0 { throw PyException.valueError("math domain error") }
                    x = Glibc.log(x)
                }
                if args.count > 1 {
                    let b = try real(args[1])
                    if b <= 0 { throw PyException.valueError("math domain error") }
                    if b == 1 { throw PyException.zeroDivision("float division by zero") }
                    return .float(x / Glibc.log(b))
                }
                return .float(x)
            },
            fn("atan2") { args, _ in try checkArgs("atan2", args, 2, 2); return .float(Glibc.atan2(try real(args[0]), try real(args[1]))) },
            fn("hypot") { args, _ in .float(Glibc.sqrt(try args.reduce(0.0) { let x = try real($1); return $0 + x * x })) },
            fn("pow") { args, _ in
                try checkArgs("pow", args, 2, 2)
                let a = try real(args[0]), b = try real(args[1])
                if a == 0 && b < 0 { throw PyException.valueError("math domain error") }
                if a < 0 && b != b.rounded() { throw PyException.valueError("math domain error") }
                return .float(Glibc.pow(a, b))
            },
            fn("floor") { [unowned self] args, _ in
                try checkArgs("floor", args, 1, 1)
                return try self.roundedToInt(args[0], "__floor__", .down)
            },
            fn("ceil") { [unowned self] args, _ in
                try checkArgs("ceil", args, 1, 1)
                return try self.roundedToInt(args[0], "__ceil__", .up)
            },
            fn("trunc") { [unowned self] args, _ in try self.toInt(args.first ?? .int(0)) },
            fn("isnan") { args, _ in .bool(try real(args.first).isNaN) },
            fn("isinf") { args, _ in .bool(try real(args.first).isInfinite) },
            fn("isfinite") { args, _ in .bool(try real(args.first).isFinite) },
            fn("copysign") { args, _ in .float(Glibc.copysign(try real(args.first), try real(args.count > 1 ? args[1] : nil))) },
            fn("fmod") { args, _ in
                let b = try real(args.count > 1 ? args[1] : nil)
                if b == 0 { throw PyException.valueError("math domain error") }
                return .float(Glibc.fmod(try real(args.first), b))
            },
            fn("isclose") { args, kw in
                let a = try real(args.first), b = try real(args.count > 1 ? args[1] : nil)
                let rel = try kw.first { $0.0 == "rel_tol" }.map { try real($0.1) } ?? 1e-9
                let abs_ = try kw.first { $0.0 == "abs_tol" }.map { try real($0.1) } ?? 0
                if a == b { return .bool(true) }
                if a.isInfinite || b.isInfinite { return .bool(false) }
                let diff = abs(b - a)
                return .bool(diff <= abs(rel * b) || diff <= abs(rel * a) || diff <= abs_)
            },
            fn("factorial") { args, _ in
                let n = try expectInt(args.first ?? .none)
                if n < 0 { throw PyException.valueError("factorial() not defined for negative values") }
                var r = BigInt(1)
                if n > 1 { for i in 2...n { r *= BigInt(i) } }
                return .integer(r)
            },
            fn("gcd") { args, _ in
                var g = BigInt(0)
                for a in args {
                    guard let n = toNum(a), case .f = n else { g = g.greatestCommonDivisor(with: big(toNum(a) ?? .i(0))); continue }
                    throw PyException.typeError("'float' object cannot be interpreted as an integer")
                }
                return .integer(g)
            },
            fn("lcm") { args, _ in
                var l = BigInt(1)
                for a in args {
                    let n = big(toNum(a) ?? .i(0))
                    if n.isZero { return .int(0) }
                    l = BigInt((l * n).magnitude) / l.greatestCommonDivisor(with: n)
                }
                return .integer(l)
            },
            fn("comb") { args, _ in
                try checkArgs("comb", args, 2, 2)
                let n = try expectInt(args[0]), k = try expectInt(args[1])
                if n < 0 || k < 0 { throw PyException.valueError("n must be a non-negative integer") }
                if k > n { return .int(0) }
                var r = BigInt(1)
                let kk = min(k, n - k)
                if kk > 0 { for i in 0..<kk { r = r * BigInt(n - i) / BigInt(i + 1) } }
                return .integer(r)
            },
            fn("perm") { args, _ in
                let n = try expectInt(args.first ?? .none)
                let k = args.count > 1 ? try expectInt(args[1]) : n
                if k > n { return .int(0) }
                var r = BigInt(1)
                if k > 0 { for i in 0..<k { r *= BigInt(n - i) } }
                return .integer(r)
            },
            fn("modf") { args, _ in
                try checkArgs("modf", args, 1, 1)
                let x = try real(args[0])
                if x.isInfinite { return .tuple([.float(Double(sign: x.sign, exponent: 0, significand: 0)), .float(x)]) }
                let i = x.rounded(.towardZero)
                return .tuple([.float(Double(sign: x.sign, exponent: 0, significand: (x - i).magnitude)), .float(i)])
            },
            fn("frexp") { args, _ in
                try checkArgs("frexp", args, 1, 1)
                let x = try real(args[0])
                if x == 0 || !x.isFinite { return .tuple([.float(x), .int(0)]) }
                let r = Glibc.frexp(x)
                return .tuple([.float(r.0), .int(Int(r.1))])
            },
            fn("isqrt") { args, _ in
                let n = big(toNum(args.first ?? .int(0)) ?? .i(0))
                if n.sign == .minus { throw PyException.valueError("isqrt() argument must be nonnegative") }
                return .integer(BigInt(n.magnitude.squareRoot()))
            },
            fn("prod") { [unowned self] args, kw in
                var acc = kw.first { $0.0 == "start" }?.1 ?? .int(1)
                try self.forEach(args.first ?? .tuple([])) { acc = try self.binaryOp(.mul, acc, $0); return true }
                return acc
            },
            fn("fsum") { [unowned self] args, _ in
                try checkArgs("fsum", args, 1, 1)
                return .float(try self.exactFsum(args[0]))
            },
        ])
    }

    func makeCollectionsModule() -> Value {
        let counter = typeClass("Counter")
        counter.module = "collections"
        counter.constructor = { [unowned self] args, kw in
            let d = PyDict()
            d.isCounter = true
            _ = try self.dictMethod(d, "update", args, kw)
            return .dict(d)
        }
        let dd = typeClass("defaultdict")
        dd.module = "collections"
        dd.constructor = { [unowned self] args, kw in
            let d = PyDict()
            d.defaultFactory = args.first ?? Value.none
            if args.count > 1 { try self.updateDict(d, args[1]) }
            for (k, v) in kw { try d.set(.str(k), v) }
            return .dict(d)
        }
        let od = typeClass("OrderedDict")
        od.module = "collections"
        od.constructor = { [unowned self] args, kw in
            try self.callValue(self.typeClassValue("dict"), args, kw)
        }
        return module("collections", [
            ("Counter", .type(counter)), ("defaultdict", .type(dd)), ("OrderedDict", .type(od)),
            fn("namedtuple") { [unowned self] args, _ in
                guard args.count >= 2, case .str(let name) = args[0] else { throw PyException.typeError("namedtuple() requires a name and fields") }
                var fields: [String] = []
                if case .str(let s) = args[1] {
                    fields = s.replacingOccurrences(",", " ").split(separator: " ").map(String.init)
                } else {
                    fields = try self.toArray(args[1]).map { try expectStr($0, "field") }
                }
                let cls = PyClass(name: name, bases: [BuiltinClasses.object])
                let initCode = PyBuiltin(name: "__init__") { a, kw in
                    guard case .instance(let inst)? = a.first else { return .none }
                    var vals = Array(a.dropFirst())
                    for f in fields.dropFirst(vals.count) {
                        guard let v = kw.first(where: { $0.0 == f })?.1 else {
                            throw PyException.typeError("\(name).__new__() missing 1 required positional argument: '\(f)'")
                        }
                        vals.append(v)
                    }
                    for (f, v) in zip(fields, vals) { inst.attrs[f] = v }
                    inst.args = vals
                    return .none
                }
                cls.dict["__init__"] = .builtin(initCode)
                cls.dict["_fields"] = .tuple(fields.map { .str($0) })
                cls.dict["__repr__"] = .builtin(PyBuiltin(name: "__repr__") { [unowned self] a, _ in
                    guard case .instance(let inst)? = a.first else { return .str("") }
                    let parts = try fields.map { "\($0)=\(try self.repr(inst.attrs[$0] ?? .none))" }
                    return .str("\(name)(\(parts.joined(separator: ", ")))")
                })
                cls.dict["__iter__"] = .builtin(PyBuiltin(name: "__iter__") { a, _ in
                    guard case .instance(let inst)? = a.first else { return .none }
                    return .iterator(ArrayIterator(fields.map { inst.attrs[$0] ?? .none }, typeName: "tuple_iterator"))
                })
                cls.dict["__getitem__"] = .builtin(PyBuiltin(name: "__getitem__") { [unowned self] a, _ in
                    guard a.count == 2, case .instance(let inst) = a[0] else { return .none }
                    return try self.getItem(.tuple(fields.map { inst.attrs[$0] ?? .none }), a[1])
                })
                cls.dict["__len__"] = .builtin(PyBuiltin(name: "__len__") { _, _ in .int(fields.count) })
                cls.dict["__eq__"] = .builtin(PyBuiltin(name: "__eq__") { [unowned self] a, _ in
                    guard a.count == 2, case .instance(let x) = a[0] else { return .bool(false) }
                    let xs = Value.tuple(fields.map { x.attrs[$0] ?? .none })
                    if case .instance(let y) = a[1], y.cls === x.cls { return .bool(try self.valuesEqual(xs, .tuple(fields.map { y.attrs[$0] ?? .none }))) }
                    return .bool(try self.valuesEqual(xs, a[1]))
                })
                cls.dict["_asdict"] = .builtin(PyBuiltin(name: "_asdict") { a, _ in
                    guard case .instance(let inst)? = a.first else { return .none }
                    return try .newDict(fields.map { (.str($0), inst.attrs[$0] ?? .none) })
                })
                return .type(cls)
            },
        ])
    }

    func makeDatetimeModule() -> Value {
        let dt = typeClass("datetime"), date = typeClass("date"), td = typeClass("timedelta")
        dt.module = "datetime"; date.module = "datetime"; td.module = "datetime"
        dt.constructor = { args, kw in
            let names = ["year", "month", "day", "hour", "minute", "second", "microsecond"]
            var v = [Int](repeating: 0, count: 7)
            for (i, a) in args.prefix(7).enumerated() { v[i] = try expectInt(a) }
            for (k, a) in kw { if let i = names.firstIndex(of: k) { v[i] = try expectInt(a) } }
            if args.count < 3 && kw.count + args.count < 3 {
                throw PyException.typeError("function missing required argument '\(names[args.count])' (pos \(args.count + 1))")
            }
            return .datetime(try PyDateTime(year: v[0], month: v[1], day: v[2], hour: v[3], minute: v[4], second: v[5], microsecond: v[6],
                                            tz: try timezoneArgument(argAt(args, 7, kw, "tzinfo"))))
        }
        let now = PyBuiltin(name: "now") { [unowned self] args, kw in
            var ts = timespec()
            clock_gettime(CLOCK_REALTIME, &ts)
            if let tz = try timezoneArgument(argAt(args, 0, kw, "tz")) {
                return .datetime(try self.awareFromEpoch(seconds: Int(ts.tv_sec), microsecond: Int(ts.tv_nsec) / 1000, tz: tz))
            }
            return .datetime(try PyDateTime.fromEpochSeconds(Int(ts.tv_sec), microsecond: Int(ts.tv_nsec) / 1000))
        }
        dt.dict["now"] = .builtin(now)
        dt.dict["today"] = .builtin(PyBuiltin(name: "today") { _, _ in
            var ts = timespec()
            clock_gettime(CLOCK_REALTIME, &ts)
            return .datetime(try PyDateTime.fromEpochSeconds(Int(ts.tv_sec), microsecond: Int(ts.tv_nsec) / 1000))
        })
        dt.dict["fromtimestamp"] = .builtin(PyBuiltin(name: "fromtimestamp") { [unowned self] args, kw in
            guard let a = args.first, let n = toNum(a) else { throw PyException.typeError("an integer or float is required") }
            let t = try toDouble(n)
            let secs = t.rounded(.down)
            var us = Int(((t - secs) * 1e6).rounded(.toNearestOrEven))
            var s = Int(secs)
            if us >= 1_000_000 { s += 1; us -= 1_000_000 }
            if let tz = try timezoneArgument(argAt(args, 1, kw, "tz")) {
                return .datetime(try self.awareFromEpoch(seconds: s, microsecond: us, tz: tz))
            }
            return .datetime(try PyDateTime.fromEpochSeconds(s, microsecond: us))
        })
        dt.dict["fromisoformat"] = .builtin(PyBuiltin(name: "fromisoformat") { [unowned self] args, _ in
            .datetime(try self.parseISODateTime(try expectStr(args.first ?? .none, "fromisoformat: argument")))
        })
        dt.dict["strptime"] = .builtin(PyBuiltin(name: "strptime") { [unowned self] args, _ in .datetime(try self.strptime(args)) })
        if let m = try? PyDateTime(year: 1, month: 1, day: 1) { dt.dict["min"] = .datetime(m) }
        date.constructor = { args, kw in
            let names = ["year", "month", "day"]
            var v = [0, 0, 0]
            for (i, a) in args.prefix(3).enumerated() { v[i] = try expectInt(a) }
            for (k, a) in kw { if let i = names.firstIndex(of: k) { v[i] = try expectInt(a) } }
            return .date(try PyDate(year: v[0], month: v[1], day: v[2]))
        }
        date.dict["today"] = .builtin(PyBuiltin(name: "today") { _, _ in
            var ts = timespec()
            clock_gettime(CLOCK_REALTIME, &ts)
            let d = try PyDateTime.fromEpochSeconds(Int(ts.tv_sec), microsecond: 0)
            return .date(try PyDate(year: d.year, month: d.month, day: d.day))
        })
        date.dict["fromisoformat"] = .builtin(PyBuiltin(name: "fromisoformat") { [unowned self] args, _ in
            let text = try expectStr(args.first ?? .none, "fromisoformat: argument")
            guard text.utf8.count == 10 else { throw PyException.valueError("Invalid isoformat string: \(strRepr(text))") }
            let d = try self.parseISODateTime(text)
            return .date(try PyDate(year: d.year, month: d.month, day: d.day))
        })
        td.constructor = { args, kw in .timedelta(try timedeltaFrom(args, kw)) }
        td.dict["max"] = .timedelta(PyTimedelta(micros: 999_999_999 &* 86_400_000_000 + 86_399_999_999))
        td.dict["min"] = .timedelta(PyTimedelta(micros: -999_999_999 &* 86_400_000_000))
        td.dict["resolution"] = .timedelta(PyTimedelta(micros: 1))
        return module("datetime", [("datetime", .type(dt)), ("date", .type(date)), ("timedelta", .type(td)),
                                   ("timezone", .type(makeTimezoneClass())),
                                   ("MINYEAR", .int(1)), ("MAXYEAR", .int(9999))])
    }
}

