// The json module: dumps/dump (indent, sort_keys, separators, ensure_ascii, allow_nan, skipkeys, default) and
// loads/load (object_hook, object_pairs_hook, parse_float, parse_int, parse_constant); dump and load go
// through the file object's write and read, so any file-like object works.
import BigInt

extension Interpreter {
    func makeJSONModule() -> Value {
        let decodeError = PyClass(name: "JSONDecodeError", module: "json", bases: [BuiltinClasses.exc("ValueError")])
        return module("json", [
            ("JSONDecodeError", .type(decodeError)),
            fn("dumps") { [unowned self] args, kw in
                let a = try PythonSignature("dumps", ["obj"]).bind(args, [])
                return .str(try self.jsonDumps(a[0] ?? .none, kw))
            },
            fn("dump") { [unowned self] args, kw in
                let a = try PythonSignature("dump", ["obj", "fp"]).bind(args, kw.filter { $0.0 == "obj" || $0.0 == "fp" })
                let text = try self.jsonDumps(a[0] ?? .none, kw.filter { $0.0 != "obj" && $0.0 != "fp" })
                _ = try self.callMethod(a[1] ?? .none, "write", [.str(text)], [])
                return .none
            },
            fn("loads") { [unowned self] args, kw in
                let a = try PythonSignature("loads", ["s"]).bind(args, kw.filter { $0.0 == "s" })
                return try self.jsonLoads(a[0] ?? .none, kw.filter { $0.0 != "s" }, decodeError)
            },
            fn("load") { [unowned self] args, kw in
                let a = try PythonSignature("load", ["fp"]).bind(args, kw.filter { $0.0 == "fp" })
                let text = try self.callMethod(a[0] ?? .none, "read", [], [])
                return try self.jsonLoads(text, kw.filter { $0.0 != "fp" }, decodeError)
            },
        ])
    }

    /// json.dumps' text for `obj` under the keyword options (those json.dump passes on too).
    func jsonDumps(_ obj: Value, _ kw: [(String, Value)]) throws -> String {
        var opts = JSONOptions()
        for (k, v) in kw {
            switch k {
            case "indent":
                switch v {
                case .none: opts.indent = nil
                case .int(let n): opts.indent = String(repeating: " ", count: max(n, 0))
                case .str(let s): opts.indent = s
                default: throw PyException.typeError("indent must be int or str")
                }
            case "sort_keys": opts.sortKeys = try isTruthy(v)
            case "ensure_ascii": opts.ensureASCII = try isTruthy(v)
            case "allow_nan": opts.allowNaN = try isTruthy(v)
            case "skipkeys": opts.skipKeys = try isTruthy(v)
            case "check_circular": break
            case "cls": if !v.isNone { throw PyException.typeError("json: a custom encoder class (cls=) is not supported") }
            case "default": opts.defaultFn = v.isNone ? nil : v
            case "separators":
                if v.isNone { continue }
                let parts = try toArray(v)
                guard parts.count == 2 else { throw PyException.valueError("too many values to unpack (expected 2)") }
                opts.itemSep = try expectStr(parts[0], "separator")
                opts.keySep = try expectStr(parts[1], "separator")
                opts.explicitSeparators = true
            default: throw PyException.typeError("JSONEncoder.__init__() got an unexpected keyword argument '\(k)'")
            }
        }
        if opts.indent != nil && !opts.explicitSeparators { opts.itemSep = "," }
        var out = ""
        try jsonEncode(obj, &out, opts, level: 0)
        return out
    }

    func jsonLoads(_ source: Value, _ kw: [(String, Value)], _ decodeError: PyClass) throws -> Value {
        let text: String
        switch source {
        case .str(let s): text = s
        case .bytes(let b): text = String(decoding: b, as: UTF8.self)
        default: throw PyException.typeError("the JSON object must be str, bytes or bytearray, not \(source.typeName)")
        }
        var p = JSONParser(Array(text.unicodeScalars), errorClass: decodeError)
        for (k, v) in kw where !v.isNone {
            switch k {
            case "object_hook": p.objectHook = { [unowned self] in try self.callValue(v, [$0], []) }
            case "object_pairs_hook": p.objectPairsHook = { [unowned self] in try self.callValue(v, [$0], []) }
            case "parse_float": p.parseFloat = { [unowned self] in try self.callValue(v, [.str($0)], []) }
            case "parse_int": p.parseInt = { [unowned self] in try self.callValue(v, [.str($0)], []) }
            case "parse_constant": p.parseConstant = { [unowned self] in try self.callValue(v, [.str($0)], []) }
            case "cls": throw PyException.typeError("json: a custom decoder class (cls=) is not supported")
            default: throw PyException.typeError("JSONDecoder.__init__() got an unexpected keyword argument '\(k)'")
            }
        }
        return try p.parseDocument()
    }

    struct JSONOptions {
        var indent: String?
        var sortKeys = false
        var ensureASCII = true
        var itemSep = ", "
        var keySep = ": "
        var explicitSeparators = false
        var allowNaN = true
        var skipKeys = false
        var defaultFn: Value?
    }

    /// A JSON string literal as `json.dumps` writes it. pandas' ujson differs in two ways, asked for by the
    /// flags: it escapes `/` and leaves DEL (0x7F) as it is.
    public func jsonString(_ s: String, ascii: Bool, escapingSlash: Bool = false, escapingDelete: Bool = true) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "/" where escapingSlash: out += "\\/"
            default:
                if u.value < 0x20 || (ascii && u.value > (escapingDelete ? 126 : 127)) {
                    if u.value > 0xFFFF {
                        let v = u.value - 0x10000
                        out += "\\u" + String(0xD800 + (v >> 10), radix: 16).leftPad(4) + "\\u" + String(0xDC00 + (v & 0x3FF), radix: 16).leftPad(4)
                    } else {
                        out += "\\u" + String(u.value, radix: 16).leftPad(4)
                    }
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    func jsonFloat(_ d: Double, allowNaN: Bool = true) throws -> String {
        if !d.isFinite && !allowNaN { throw PyException.valueError("Out of range float values are not JSON compliant") }
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
        return floatRepr(d)
    }

    func jsonEncode(_ v: Value, _ out: inout String, _ o: JSONOptions, level: Int) throws {
        switch v {
        case .none: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .bigint(let b): out += try decimalString(b.value)
        case .float(let d): out += try jsonFloat(d, allowNaN: o.allowNaN)
        case .str(let s): out += jsonString(s, ascii: o.ensureASCII)
        case .list, .tuple:
            let items = try toArray(v)
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, x) in items.enumerated() {
                if i > 0 { out += o.itemSep }
                if let ind = o.indent { out += "\n" + String(repeating: ind, count: level + 1) }
                try jsonEncode(x, &out, o, level: level + 1)
            }
            if let ind = o.indent { out += "\n" + String(repeating: ind, count: level) }
            out += "]"
        case .dict(let d):
            if d.count == 0 { out += "{}"; return }
            var pairs: [(String, Value)] = []
            for (k, x) in d.items {
                let key: String
                switch k {
                case .str(let s): key = s
                case .int(let i): key = String(i)
                case .bigint(let b): key = try decimalString(b.value)
                case .float(let f): key = try jsonFloat(f, allowNaN: o.allowNaN)
                case .bool(let b): key = b ? "true" : "false"
                case .none: key = "null"
                default:
                    if o.skipKeys { continue }
                    throw PyException.typeError("keys must be str, int, float, bool or None, not \(k.typeName)")
                }
                pairs.append((key, x))
            }
            if o.sortKeys { pairs.sort { $0.0.unicodeScalars.lexicographicallyPrecedes($1.0.unicodeScalars) { $0.value < $1.value } } }
            out += "{"
            for (i, (k, x)) in pairs.enumerated() {
                if i > 0 { out += o.itemSep }
                if let ind = o.indent { out += "\n" + String(repeating: ind, count: level + 1) }
                out += jsonString(k, ascii: o.ensureASCII) + o.keySep
                try jsonEncode(x, &out, o, level: level + 1)
            }
            if let ind = o.indent { out += "\n" + String(repeating: ind, count: level) }
            out += "}"
        default:
            // A host value whose CPython class derives from float or str (numpy's float64, str_) is
            // encoded as that value, as json encodes subclasses of float and str.
            if case .instance(let i) = v, let host = i.host, let base = host.builtinBaseName, base == "float" || base == "str",
               let plain = host.keyValue {
                try jsonEncode(plain, &out, o, level: level)
                return
            }
            if let f = o.defaultFn {
                try jsonEncode(try callValue(f, [v], []), &out, o, level: level)
                return
            }
            throw PyException.typeError("Object of type \(v.typeName) is not JSON serializable")
        }
    }
}

struct JSONParser {
    let s: [Unicode.Scalar]
    var i = 0
    let errorClass: PyClass
    /// json.loads' hooks, each called as CPython's decoder calls it.
    var objectHook: ((Value) throws -> Value)?
    var objectPairsHook: ((Value) throws -> Value)?
    var parseFloat: ((String) throws -> Value)?
    var parseInt: ((String) throws -> Value)?
    var parseConstant: ((String) throws -> Value)?
    init(_ s: [Unicode.Scalar], errorClass: PyClass) { self.s = s; self.errorClass = errorClass }

    func finishObject(_ d: PyDict, _ pairs: [Value]) throws -> Value {
        if let objectPairsHook { return try objectPairsHook(.list(PyList(pairs))) }
        if let objectHook { return try objectHook(.dict(d)) }
        return .dict(d)
    }

    mutating func constant(_ word: String, _ v: Double) throws -> Value {
        _ = try literal(word, .none)
        return try parseConstant.map { try $0(word) } ?? .float(v)
    }

    func fail(_ msg: String) -> PyException {
        var line = 1, col = 1
        for k in 0..<min(i, s.count) { if s[k] == "\n" { line += 1; col = 1 } else { col += 1 } }
        return PyException(cls: errorClass, args: [.str("\(msg): line \(line) column \(col) (char \(i))")])
    }

    mutating func ws() { while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == "\n" || s[i] == "\r" { i += 1 } }

    mutating func parseDocument() throws -> Value {
        ws()
        let v = try parseValue()
        ws()
        if i < s.count { throw fail("Extra data") }
        return v
    }

    mutating func literal(_ word: String, _ v: Value) throws -> Value {
        let w = Array(word.unicodeScalars)
        guard i + w.count <= s.count, Array(s[i..<(i + w.count)]) == w else { throw fail("Expecting value") }
        i += w.count
        return v
    }

    mutating func parseValue() throws -> Value {
        guard i < s.count else { throw fail("Expecting value") }
        switch s[i] {
        case "{":
            i += 1
            let d = PyDict()
            var pairs: [Value] = []
            ws()
            if i < s.count && s[i] == "}" { i += 1; return try finishObject(d, pairs) }
            while true {
                ws()
                guard i < s.count, s[i] == "\"" else { throw fail("Expecting property name enclosed in double quotes") }
                let k = try parseString()
                ws()
                guard i < s.count, s[i] == ":" else { throw fail("Expecting ':' delimiter") }
                i += 1
                ws()
                let value = try parseValue()
                if objectPairsHook != nil { pairs.append(.tuple([.str(k), value])) } else { try d.set(.str(k), value) }
                ws()
                guard i < s.count else { throw fail("Expecting ',' delimiter") }
                if s[i] == "," { i += 1; continue }
                if s[i] == "}" { i += 1; return try finishObject(d, pairs) }
                throw fail("Expecting ',' delimiter")
            }
        case "[":
            i += 1
            var items: [Value] = []
            ws()
            if i < s.count && s[i] == "]" { i += 1; return .list(PyList(items)) }
            while true {
                ws()
                items.append(try parseValue())
                ws()
                guard i < s.count else { throw fail("Expecting ',' delimiter") }
                if s[i] == "," { i += 1; continue }
                if s[i] == "]" { i += 1; return .list(PyList(items)) }
                throw fail("Expecting ',' delimiter")
            }
        case "\"": return .str(try parseString())
        case "t": return try literal("true", .bool(true))
        case "f": return try literal("false", .bool(false))
        case "n": return try literal("null", .none)
        case "N": return try constant("NaN", .nan)
        case "I": return try constant("Infinity", .infinity)
        default:
            if s[i] == "-" && i + 1 < s.count && s[i + 1] == "I" {
                i += 1
                _ = try literal("Infinity", .none)
                return try parseConstant.map { try $0("-Infinity") } ?? .float(-.infinity)
            }
            return try parseNumber()
        }
    }

    mutating func parseNumber() throws -> Value {
        let start = i
        if i < s.count && s[i] == "-" { i += 1 }
        let digitsStart = i
        while i < s.count, s[i] >= "0" && s[i] <= "9" { i += 1 }
        if i == digitsStart { i = start; throw fail("Expecting value") }
        var isFloat = false
        if i < s.count && s[i] == "." {
            isFloat = true; i += 1
            while i < s.count, s[i] >= "0" && s[i] <= "9" { i += 1 }
        }
        if i < s.count && (s[i] == "e" || s[i] == "E") {
            isFloat = true; i += 1
            if i < s.count && (s[i] == "+" || s[i] == "-") { i += 1 }
            while i < s.count, s[i] >= "0" && s[i] <= "9" { i += 1 }
        }
        let text = String(String.UnicodeScalarView(s[start..<i]))
        if isFloat { return try parseFloat.map { try $0(text) } ?? .float(Double(text) ?? 0) }
        if let parseInt { return try parseInt(text) }
        if let n = Int(text) { return .int(n) }
        return .integer(BigInt(text) ?? 0)
    }

    mutating func parseString() throws -> String {
        let start = i
        i += 1
        var out = String.UnicodeScalarView()
        while true {
            guard i < s.count else { i = start; throw fail("Unterminated string starting at") }
            let c = s[i]
            i += 1
            if c == "\"" { return String(out) }
            if c == "\\" {
                guard i < s.count else { throw fail("Unterminated string starting at") }
                let e = s[i]
                i += 1
                switch e {
                case "n": out.append("\n")
                case "t": out.append("\t")
                case "r": out.append("\r")
                case "b": out.append("\u{08}")
                case "f": out.append("\u{0C}")
                case "/": out.append("/")
                case "\\": out.append("\\")
                case "\"": out.append("\"")
                case "u":
                    guard i + 4 <= s.count, var v = UInt32(String(String.UnicodeScalarView(s[i..<(i + 4)])), radix: 16) else {
                        throw fail("Invalid \\uXXXX escape")
                    }
                    i += 4
                    if v >= 0xD800 && v < 0xDC00, i + 6 <= s.count, s[i] == "\\", s[i + 1] == "u",
                       let lo = UInt32(String(String.UnicodeScalarView(s[(i + 2)..<(i + 6)])), radix: 16), lo >= 0xDC00 && lo < 0xE000 {
                        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                        i += 6
                    }
                    out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                default: throw fail("Invalid \\escape")
                }
                continue
            }
            if c.value < 0x20 { throw fail("Invalid control character at") }
            out.append(c)
        }
    }
}
