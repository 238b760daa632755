// repr(), str() and the format-spec mini-language, byte-compatible with CPython.
import Glibc
import BigInt


func formatRepr(_ v: Value, interp: Interpreter?) throws -> String {
    switch v {
    case .none: return "None"
    case .bool(let b): return b ? "True" : "False"
    case .int(let i): return String(i)
    case .bigint(let b): return try decimalString(b.value)
    case .float(let d): return floatRepr(d)
    case .str(let s): return strRepr(s)
    case .bytes(let b): return bytesRepr(b)
    case .list(let l):
        let id = ObjectIdentifier(l)
        guard ReprInProgress.enter(id) else { return "[...]" }
        defer { ReprInProgress.leave(id) }
        return "[" + (try l.items.map { try formatRepr($0, interp: interp) }.joined(separator: ", ")) + "]"
    case .tuple(let t):
        if t.count == 1 { return "(" + (try formatRepr(t[0], interp: interp)) + ",)" }
        return "(" + (try t.map { try formatRepr($0, interp: interp) }.joined(separator: ", ")) + ")"
    case .dict(let d):
        let id = ObjectIdentifier(d)
        guard ReprInProgress.enter(id) else { return "{...}" }
        defer { ReprInProgress.leave(id) }
        var items = d.items
        if d.isCounter {
            if items.isEmpty { return "Counter()" }
            if let interp {
                let sorted = try interp.sortValues(items.map { Value.tuple([$0.0, $0.1]) }, key: .builtin(PyBuiltin(name: "count") { a, _ in
                    if case .tuple(let t)? = a.first, t.count == 2 { return t[1] }
                    return .none
                }), reverse: true)
                items = sorted.compactMap { if case .tuple(let t) = $0, t.count == 2 { return (t[0], t[1]) }; return nil }
            }
        }
        let body = "{" + (try items.map { "\(try formatRepr($0.0, interp: interp)): \(try formatRepr($0.1, interp: interp))" }.joined(separator: ", ")) + "}"
        if d.isCounter { return "Counter(\(body))" }
        if let f = d.defaultFactory { return "defaultdict(\(try formatRepr(f, interp: interp)), \(body))" }
        return body
    case .set(let s):
        if s.count == 0 { return "set()" }
        return "{" + (try s.items.map { try formatRepr($0, interp: interp) }.joined(separator: ", ")) + "}"
    case .frozenset(let s):
        if s.count == 0 { return "frozenset()" }
        return "frozenset({" + (try s.items.map { try formatRepr($0, interp: interp) }.joined(separator: ", ")) + "})"
    case .range(let r):
        return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
    case .slice(let s):
        return "slice(\(try formatRepr(s.start, interp: interp)), \(try formatRepr(s.stop, interp: interp)), \(try formatRepr(s.step, interp: interp)))"
    case .function(let f): return "<function \(f.qualname) at \(address(f))>"
    case .builtin(let b):
        if let s = b.boundSelf { return "<built-in method \(b.name) of \(s.typeName) object at \(address(b))>" }
        return "<built-in function \(b.name)>"
    case .boundMethod(let m):
        if case .builtin(let b) = m.function, case .instance(let i) = m.receiver {
            // A host class's method (numpy's `a.sum`) is a C method in CPython.
            return "<built-in method \(b.name) of \(i.cls.qualifiedName) object at \(address(i))>"
        }
        var name = "?"
        if case .function(let f) = m.function { name = f.qualname }
        return "<bound method \(name) of \(try formatRepr(m.receiver, interp: interp))>"
    case .type(let c):
        if c.module == "builtins" { return "<class '\(c.name)'>" }
        return "<class '\(c.module).\(c.name)'>"
    case .instance(let inst):
        if let interp, let m = inst.cls.lookup("__repr__"), isUserCallable(m) {
            let r = try interp.callValue(m, [v], [])
            guard case .str(let s) = r else { throw PyException.typeError("__repr__ returned non-string (type \(r.typeName))") }
            return s
        }
        if inst.cls.isException {
            return "\(inst.cls.name)(" + (try inst.args.map { try formatRepr($0, interp: interp) }.joined(separator: ", ")) + ")"
        }
        return "<\(inst.cls.module).\(inst.cls.name) object at \(address(inst))>"
    case .module(let m): return "<module '\(m.name)' (built-in)>"
    case .datetime(let d): return d.repr
    case .date(let d): return d.repr
    case .timedelta(let t): return t.repr
    case .iterator(let it):
        if let g = it as? PyGenerator { return "<generator object \(g.qualname) at \(address(it))>" }
        return "<\(it.typeName) object at \(address(it))>"
    case .dictView(let dv):
        switch dv.kind {
        case .keys: return "dict_keys([" + (try dv.dict.keys.map { try formatRepr($0, interp: interp) }.joined(separator: ", ")) + "])"
        case .values: return "dict_values([" + (try dv.dict.values.map { try formatRepr($0, interp: interp) }.joined(separator: ", ")) + "])"
        case .items: return "dict_items([" + (try dv.dict.items.map { try formatRepr(.tuple([$0.0, $0.1]), interp: interp) }.joined(separator: ", ")) + "])"
        }
    case .host(let h): return h.repr()
    }
}

func formatStr(_ v: Value, interp: Interpreter?) throws -> String {
    switch v {
    case .str(let s): return s
    case .instance(let inst):
        if let interp, let m = inst.cls.lookup("__str__"), isUserCallable(m) {
            let r = try interp.callValue(m, [v], [])
            guard case .str(let s) = r else { throw PyException.typeError("__str__ returned non-string (type \(r.typeName))") }
            return s
        }
        if inst.cls.isException { return exceptionMessage(inst) }
        return try formatRepr(v, interp: interp)
    case .datetime(let d): return d.str
    case .date(let d): return d.isoformat
    case .timedelta(let t): return t.str
    case .host(let h): return h.str()
    default: return try formatRepr(v, interp: interp)
    }
}

/// A method defined by a script or a host-made class (not the built-in object/exception defaults).
func isUserCallable(_ v: Value) -> Bool {
    switch v {
    case .function: return true
    case .builtin(let b): return b.name != "__init__"
    default: return false
    }
}

func address(_ o: AnyObject) -> String {
    "0x" + String(UInt(bitPattern: ObjectIdentifier(o)), radix: 16).leftPad(12)
}

/// Python's repr for floats: shortest round-trip digits, exponent outside [1e-4, 1e16).
func floatRepr(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
    let (digits, decpt) = shortestDigits(d)
    let sign = d < 0 ? "-" : ""
    if decpt > 16 || decpt < -3 {
        var m = String(digits.first ?? "0")
        if digits.count > 1 { m += "." + digits.dropFirst() }
        let e = decpt - 1
        return sign + m + "e" + (e < 0 ? "-" : "+") + String(abs(e)).leftPad(2)
    }
    if decpt <= 0 { return sign + "0." + String(repeating: "0", count: -decpt) + digits }
    if decpt >= digits.count { return sign + digits + String(repeating: "0", count: decpt - digits.count) + ".0" }
    let idx = digits.index(digits.startIndex, offsetBy: decpt)
    return sign + digits[..<idx] + "." + digits[idx...]
}

/// Shortest round-trip decimal digits (no leading/trailing zeros) and the decimal point position.
func shortestDigits(_ d: Double) -> (String, Int) {
    let s = abs(d).description
    var mant = Substring(s)
    var exp = 0
    if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        mant = s[..<e]
        exp = Int(s[s.index(after: e)...]) ?? 0
    }
    var intPart = mant
    var frac: Substring = ""
    if let dot = mant.firstIndex(of: ".") {
        intPart = mant[..<dot]
        frac = mant[mant.index(after: dot)...]
    }
    var digits = String(intPart) + String(frac)
    var decpt = intPart.count + exp
    while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); decpt -= 1 }
    while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
    return (digits, decpt)
}

func strRepr(_ s: String) -> String {
    let useDouble = s.contains("'") && !s.contains("\"")
    let q: Character = useDouble ? "\"" : "'"
    var out = String(q)
    for u in s.unicodeScalars {
        switch u {
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if Character(u) == q { out += "\\" + String(q); continue }
            if isPrintable(u) { out.unicodeScalars.append(u) } else { out += escapeScalar(u) }
        }
    }
    out.append(q)
    return out
}

func escapeScalar(_ u: Unicode.Scalar) -> String {
    let v = u.value
    if v < 0x100 { return "\\x" + String(v, radix: 16).leftPad(2) }
    if v < 0x10000 { return "\\u" + String(v, radix: 16).leftPad(4) }
    return "\\U" + String(v, radix: 16).leftPad(8)
}

func isPrintable(_ u: Unicode.Scalar) -> Bool {
    if u.value < 0x20 || u.value == 0x7f { return false }
    if u.value < 0x7f { return true }
    switch u.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
        return false
    default:
        return true
    }
}

func asciiEscape(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars { if u.value < 128 { out.unicodeScalars.append(u) } else { out += escapeScalar(u) } }
    return out
}

func bytesRepr(_ b: [UInt8]) -> String {
    let useDouble = b.contains(39) && !b.contains(34)
    let q: UInt8 = useDouble ? 34 : 39
    var out = "b" + (useDouble ? "\"" : "'")
    for c in b {
        switch c {
        case 92: out += "\\\\"
        case 10: out += "\\n"
        case 13: out += "\\r"
        case 9: out += "\\t"
        default:
            if c == q { out += "\\" + String(UnicodeScalar(c)) }
            else if c >= 32 && c < 127 { out.unicodeScalars.append(UnicodeScalar(c)) }
            else { out += "\\x" + String(c, radix: 16).leftPad(2) }
        }
    }
    out += useDouble ? "\"" : "'"
    return out
}

/// printf-style formatting of one double (`%.*f`, `%.*e`, `%.*g`).
func cFormat(_ d: Double, _ conv: String, precision: Int, alt: Bool = false) -> String {
    let fmt = "%" + (alt ? "#" : "") + ".*" + conv
    var buf = [CChar](repeating: 0, count: 512)
    let n = withVaList([Int32(clamping: precision), d]) { va in
        buf.withUnsafeMutableBufferPointer { p in vsnprintf(p.baseAddress, p.count, fmt, va) }
    }
    if n >= 512 {
        buf = [CChar](repeating: 0, count: Int(n) + 1)
        _ = withVaList([Int32(clamping: precision), d]) { va in
            buf.withUnsafeMutableBufferPointer { p in vsnprintf(p.baseAddress, p.count, fmt, va) }
        }
    }
    return String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// A parsed format specification.
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var alt = false
    var zero = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    init(_ spec: String) throws {
        var cs = Array(spec)
        var i = 0
        if cs.count >= 2 && "<>=^".contains(cs[1]) { fill = cs[0]; align = cs[1]; i = 2 }
        else if cs.count >= 1 && "<>=^".contains(cs[0]) { align = cs[0]; i = 1 }
        if i < cs.count && "+- ".contains(cs[i]) { sign = cs[i]; i += 1 }
        if i < cs.count && cs[i] == "z" { i += 1 }
        if i < cs.count && cs[i] == "#" { alt = true; i += 1 }
        if i < cs.count && cs[i] == "0" { zero = true; i += 1 }
        var w = ""
        while i < cs.count && cs[i].isASCII && cs[i].isNumber { w.append(cs[i]); i += 1 }
        guard let parsedWidth = w.isEmpty ? 0 : Int(w) else { throw PyException.valueError("Too many decimal digits in format string") }
        width = parsedWidth
        try MemoryCheck.reserve(count: width, size: 1)
        if i < cs.count && (cs[i] == "," || cs[i] == "_") { grouping = cs[i]; i += 1 }
        if i < cs.count && cs[i] == "." {
            i += 1
            var p = ""
            while i < cs.count && cs[i].isASCII && cs[i].isNumber { p.append(cs[i]); i += 1 }
            if p.isEmpty { throw PyException.valueError("Format specifier missing precision") }
            precision = Int(p)
        }
        if i < cs.count { type = cs[i]; i += 1 }
        if i < cs.count { throw PyException.valueError("Invalid format specifier '\(spec)' for object of type '%T'") }
        cs = []
    }

    func pad(_ body: String, defaultAlign: Character, signPart: String = "") -> String {
        var fill = self.fill
        var align = self.align ?? defaultAlign
        if zero && self.align == nil { fill = "0"; align = "=" }
        let len = body.count + signPart.count
        if len >= width { return signPart + body }
        let n = width - len
        switch align {
        case "<": return signPart + body + String(repeating: fill, count: n)
        case "^": return String(repeating: fill, count: n / 2) + signPart + body + String(repeating: fill, count: n - n / 2)
        case "=": return signPart + String(repeating: fill, count: n) + body
        default: return String(repeating: fill, count: n) + signPart + body
        }
    }
}

func groupDigits(_ digits: String, _ sep: Character, every: Int = 3) -> String {
    var out: [Character] = []
    for (i, c) in digits.reversed().enumerated() {
        if i > 0 && i % every == 0 { out.append(sep) }
        out.append(c)
    }
    return String(out.reversed())
}

extension Interpreter {
    /// `format(value, spec)`.
    func formatValue(_ v: Value, _ spec: String) throws -> String {
        switch v {
        case .str(let s):
            if spec.isEmpty { return s }
            let f = try FormatSpec(spec)
            if let t = f.type, t != "s" { throw PyException.valueError("Unknown format code '\(t)' for object of type 'str'") }
            if f.align == "=" { throw PyException.valueError("'=' alignment not allowed in string format specifier") }
            var body = s
            if let p = f.precision { body = String(body.prefix(p)) }
            return f.pad(body, defaultAlign: "<")
        case .bool(let b):
            if spec.isEmpty { return b ? "True" : "False" }
            return try formatInt(BigInt(b ? 1 : 0), spec)
        case .int(let i):
            if spec.isEmpty { return String(i) }
            return try formatInt(BigInt(i), spec)
        case .bigint(let b):
            if spec.isEmpty { return try decimalString(b.value) }
            return try formatInt(b.value, spec)
        case .float(let d):
            if spec.isEmpty { return floatRepr(d) }
            return try formatFloat(d, spec)
        case .datetime(let dt):
            if spec.isEmpty { return dt.str }
            return dt.strftime(spec)
        case .date(let dt):
            if spec.isEmpty { return dt.isoformat }
            return dt.strftime(spec)
        case .instance, .host:
            if let m = try specialMethod(v, "__format__") {
                let r = try callValue(m, [.str(spec)], [])
                guard case .str(let s) = r else { throw PyException.typeError("__format__ must return a str, not \(r.typeName)") }
                return s
            }
            if let c = v.complexValue { return try formatComplex(c, spec) }
            if spec.isEmpty { return try str(v) }
            throw PyException.typeError("unsupported format string passed to \(v.typeName).__format__")
        default:
            if spec.isEmpty { return try str(v) }
            throw PyException.typeError("unsupported format string passed to \(v.typeName).__format__")
        }
    }

    func formatInt(_ n: BigInt, _ spec: String) throws -> String {
        let f = try FormatSpec(spec)
        let t = f.type ?? "d"
        if "eEfFgG%".contains(t) { return try formatFloat(Double(n), spec) }
        if f.precision != nil { throw PyException.valueError("Precision not allowed in integer format specifier") }
        let neg = n.sign == .minus && !n.isZero
        let mag = n.magnitude
        var digits: String
        var prefix = ""
        switch t {
        case "d", "n": digits = try decimalString(BigInt(mag))
        case "x": digits = String(mag, radix: 16); prefix = f.alt ? "0x" : ""
        case "X": digits = String(mag, radix: 16, uppercase: true); prefix = f.alt ? "0X" : ""
        case "o": digits = String(mag, radix: 8); prefix = f.alt ? "0o" : ""
        case "b": digits = String(mag, radix: 2); prefix = f.alt ? "0b" : ""
        case "c":
            guard let u = Unicode.Scalar(UInt32(clamping: Int(mag))) else { throw PyException.overflow("%c arg not in range(0x110000)") }
            return f.pad(String(Character(u)), defaultAlign: "<")
        default:
            throw PyException.valueError("Unknown format code '\(t)' for object of type 'int'")
        }
        let ungrouped = digits
        if let g = f.grouping { digits = groupDigits(digits, g, every: t == "d" || t == "n" ? 3 : 4) }
        let signPart = neg ? "-" : (f.sign == "+" ? "+" : f.sign == " " ? " " : "")
        if f.zero && f.align == nil && f.grouping != nil {
            // Zero padding participates in grouping.
            let target = f.width - signPart.count - prefix.count
            var raw = ungrouped
            while groupDigits(raw, f.grouping ?? ",", every: t == "d" ? 3 : 4).count < target { raw = "0" + raw }
            return signPart + prefix + groupDigits(raw, f.grouping ?? ",", every: t == "d" ? 3 : 4)
        }
        return f.pad(digits, defaultAlign: ">", signPart: signPart + prefix)
    }

    func formatFloat(_ d: Double, _ spec: String) throws -> String {
        let f = try FormatSpec(spec)
        var t = f.type
        var body: String
        let neg = d.sign == .minus && !d.isNaN
        let a = abs(d)
        switch t {
        case "f", "F":
            body = a.isFinite ? cFormat(a, "f", precision: f.precision ?? 6, alt: f.alt) : (a.isNaN ? "nan" : "inf")
            if t == "F" { body = body.uppercased() }
        case "e", "E":
            body = a.isFinite ? cFormat(a, "e", precision: f.precision ?? 6, alt: f.alt) : (a.isNaN ? "nan" : "inf")
            if t == "E" { body = body.uppercased() }
        case "g", "G", "n":
            body = a.isFinite ? cFormat(a, "g", precision: f.precision ?? 6, alt: f.alt) : (a.isNaN ? "nan" : "inf")
            if t == "G" { body = body.uppercased() }
        case "%":
            body = a.isFinite ? cFormat(a * 100, "f", precision: f.precision ?? 6, alt: f.alt) + "%" : (a.isNaN ? "nan%" : "inf%")
        case nil:
            if let p = f.precision {
                body = a.isFinite ? cFormat(a, "g", precision: max(p, 1), alt: f.alt) : (a.isNaN ? "nan" : "inf")
                if a.isFinite && !body.contains(".") && !body.contains("e") { body += ".0" }
            } else {
                body = floatRepr(a)
            }
            t = nil
        default:
            throw PyException.valueError("Unknown format code '\(t ?? " ")' for object of type 'float'")
        }
        if let g = f.grouping {
            var intEnd = body.firstIndex { !$0.isNumber } ?? body.endIndex
            if intEnd == body.startIndex { intEnd = body.endIndex }
            let intPart = String(body[..<intEnd])
            body = groupDigits(intPart, g) + body[intEnd...]
        }
        let signPart = neg ? "-" : (f.sign == "+" ? "+" : f.sign == " " ? " " : "")
        return f.pad(body, defaultAlign: ">", signPart: signPart)
    }
}
