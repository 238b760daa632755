// Complex numbers: literals (`2j`), `complex()`, arithmetic, abs, repr — following CPython's complexobject.c.
// A complex is carried as a host value (`Value.host(PyComplex)`) so the public `Value` enum keeps its cases.
import Glibc

/// An immutable complex number.
public final class PyComplex: HostObject {
    public let real: Double
    public let imag: Double
    public init(_ real: Double, _ imag: Double) { self.real = real; self.imag = imag }

    public var typeName: String { "complex" }
    public func repr() -> String { complexRepr(real, imag) }
    public func str() -> String { repr() }
    public var isTruthy: Bool { real != 0 || imag != 0 }
    public func equals(_ other: any HostObject) -> Bool {
        guard let o = other as? PyComplex else { return false }
        return real == o.real && imag == o.imag
    }
    /// CPython's complex hash: hash(real) + 1000003 * hash(imag), so `hash(1+0j) == hash(1)`.
    public var hashValue: Int {
        let h = floatHash(real) &+ 1_000_003 &* floatHash(imag)
        return h == -1 ? -2 : h
    }
    public var attributeNames: [String] { ["conjugate", "imag", "real"] }
    public func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "real": return .float(real)
        case "imag": return .float(imag)
        case "conjugate":
            let (re, im) = (real, imag)
            return .builtin(PyBuiltin(name: "conjugate", boundSelf: .host(self)) { args, _ in
                try checkArgs("conjugate", args, 0, 0)
                return .host(PyComplex(re, -im))
            })
        case "__abs__":
            let (re, im) = (real, imag)
            return .builtin(PyBuiltin(name: "__abs__", boundSelf: .host(self)) { _, _ in try complexAbs(re, im) })
        default: return nil
        }
    }
}

/// repr of a float in CPython's 'r' mode without the forced ".0" (`1.0` → `1`), as complex parts use.
func complexPart(_ d: Double) -> String {
    let s = floatRepr(d)
    return s.hasSuffix(".0") ? String(s.dropLast(2)) : s
}

func complexRepr(_ re: Double, _ im: Double) -> String {
    if re == 0 && re.sign == .plus { return complexPart(im) + "j" }
    var i = complexPart(im)
    if !i.hasPrefix("-") { i = "+" + i }
    return "(" + complexPart(re) + i + "j)"
}

func complexAbs(_ re: Double, _ im: Double) throws -> Value {
    if re.isInfinite || im.isInfinite { return .float(.infinity) }
    if re.isNaN || im.isNaN { return .float(.nan) }
    let r = hypot(re, im)
    if r.isInfinite { throw PyException.overflow("absolute value too large") }
    return .float(r)
}

/// The real and imaginary parts of a number usable in complex arithmetic.
func complexParts(_ v: Value) throws -> (Double, Double)? {
    switch v {
    case .host(let c as PyComplex): return (c.real, c.imag)
    default:
        guard let n = toNum(v) else { return nil }
        return (try toDouble(n), 0)
    }
}

func isComplex(_ v: Value) -> Bool {
    if case .host(let h) = v, h is PyComplex { return true }
    return false
}

private func cquot(_ a: (Double, Double), _ b: (Double, Double)) throws -> (Double, Double) {
    let absRe = Swift.abs(b.0), absIm = Swift.abs(b.1)
    if absRe >= absIm {
        if absRe == 0 { throw PyException.zeroDivision("complex division by zero") }
        let ratio = b.1 / b.0
        let denom = b.0 + b.1 * ratio
        return ((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom)
    } else if absIm >= absRe {
        let ratio = b.0 / b.1
        let denom = b.0 * ratio + b.1
        return ((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom)
    }
    return (.nan, .nan)
}

private func cmul(_ a: (Double, Double), _ b: (Double, Double)) -> (Double, Double) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

private func cpowu(_ x: (Double, Double), _ n: Int) -> (Double, Double) {
    var r = (1.0, 0.0), p = x, mask = 1
    while mask > 0 && n >= mask {
        if n & mask != 0 { r = cmul(r, p) }
        mask <<= 1
        p = cmul(p, p)
    }
    return r
}

/// `a ** b` for complex operands (c_pow / c_powi of complexobject.c).
func complexPow(_ a: (Double, Double), _ b: (Double, Double)) throws -> (Double, Double) {
    if b.1 == 0 && b.0 == b.0.rounded() && Swift.abs(b.0) <= 100 {
        let n = Int(b.0)
        if n > 0 { return cpowu(a, n) }
        if n == 0 { return (1, 0) }
        if a.0 == 0 && a.1 == 0 { throw PyException.zeroDivision("0.0 to a negative or complex power") }
        return try cquot((1, 0), cpowu(a, -n))
    }
    if b.0 == 0 && b.1 == 0 { return (1, 0) }
    if a.0 == 0 && a.1 == 0 {
        if b.1 != 0 || b.0 < 0 { throw PyException.zeroDivision("0.0 to a negative or complex power") }
        return (0, 0)
    }
    let vabs = hypot(a.0, a.1)
    var len = pow(vabs, b.0)
    let at = atan2(a.1, a.0)
    var phase = at * b.0
    if b.1 != 0 {
        len /= exp(at * b.1)
        phase += b.1 * log(vabs)
    }
    let r = (len * cos(phase), len * sin(phase))
    if !(r.0.isFinite && r.1.isFinite) && a.0.isFinite && a.1.isFinite && b.0.isFinite && b.1.isFinite {
        throw PyException.overflow("complex exponentiation")
    }
    return r
}

func complexValue(_ p: (Double, Double)) -> Value { .host(PyComplex(p.0, p.1)) }

/// A binary operation where at least one side is complex; nil when the other side is not a number.
func complexBinary(_ op: BinOp, _ a: Value, _ b: Value) throws -> Value? {
    guard let x = try complexParts(a), let y = try complexParts(b) else { return nil }
    switch op {
    case .add: return complexValue((x.0 + y.0, x.1 + y.1))
    case .sub: return complexValue((x.0 - y.0, x.1 - y.1))
    case .mul: return complexValue(cmul(x, y))
    case .truediv: return complexValue(try cquot(x, y))
    case .pow: return complexValue(try complexPow(x, y))
    default: return nil
    }
}

/// Parses `complex("1+2j")` text (surrounding whitespace and one pair of parentheses allowed).
func parseComplex(_ text: String) throws -> Value {
    let bad = PyException.valueError("complex() arg is a malformed string")
    var s = Substring(text.trimmingCharacters(in: " \t\n\r\u{0B}\u{0C}"))
    if s.hasPrefix("(") && s.hasSuffix(")") { s = s.dropFirst().dropLast(); s = Substring(String(s).trimmingCharacters(in: " \t\n\r")) }
    guard !s.isEmpty else { throw bad }
    func number(_ t: Substring) -> Double? {
        let lower = t.lowercased().replacingOccurrences("_", "")
        switch lower {
        case "inf", "+inf", "infinity", "+infinity": return .infinity
        case "-inf", "-infinity": return -.infinity
        case "nan", "+nan", "-nan": return .nan
        default: return Double(lower)
        }
    }
    if s.last == "j" || s.last == "J" {
        let body = s.dropLast()
        // Find the sign that separates the real part from the imaginary one (not an exponent sign).
        var split: Substring.Index?
        var i = body.endIndex
        while i > body.startIndex {
            i = body.index(before: i)
            let c = body[i]
            if (c == "+" || c == "-") && i > body.startIndex {
                let prev = body[body.index(before: i)]
                if prev != "e" && prev != "E" { split = i; break }
            }
        }
        if let split {
            guard let re = number(body[..<split]) else { throw bad }
            let imText = body[split...]
            let im: Double?
            if imText == "+" { im = 1 } else if imText == "-" { im = -1 } else { im = number(imText) }
            guard let im else { throw bad }
            return complexValue((re, im))
        }
        if body.isEmpty || body == "+" { return complexValue((0, 1)) }
        if body == "-" { return complexValue((0, -1)) }
        guard let im = number(body) else { throw bad }
        return complexValue((0, im))
    }
    guard let re = number(s) else { throw bad }
    return complexValue((re, 0))
}

extension String {
    func trimmingCharacters(in chars: String) -> String { trimmedChars(chars) }
}

extension Interpreter {
    /// `complex(real=0, imag=0)` and `complex(string)`.
    func makeComplex(_ args: [Value], _ kw: [(String, Value)]) throws -> Value {
        let re = argAt(args, 0, kw, "real")
        let im = argAt(args, 1, kw, "imag")
        if case .str(let s)? = re {
            if im != nil { throw PyException.typeError("complex() can't take second arg if first is a string") }
            return try parseComplex(s)
        }
        if case .str? = im { throw PyException.typeError("complex() second arg can't be a string") }
        func parts(_ v: Value?, _ which: String) throws -> (Double, Double) {
            guard let v else { return (0, 0) }
            if let p = try complexParts(v) { return p }
            if case .instance(let i) = v {
                if let m = i.cls.lookup("__complex__"), let p = try complexParts(try callValue(m, [v], [])) { return p }
                if let m = i.cls.lookup("__float__"), let p = try complexParts(try callValue(m, [v], [])) { return p }
            }
            if which == "first" {
                throw PyException.typeError("complex() first argument must be a string or a number, not '\(v.typeName)'")
            }
            throw PyException.typeError("complex() second argument must be a number, not '\(v.typeName)'")
        }
        let a = try parts(re, "first")
        if im == nil { return complexValue(a) }
        let b = try parts(im, "second")
        // complex(a, b) == a + b*1j; a complex argument's imaginary part folds in (complex_new in CPython).
        var real = a.0, imag = b.0
        if let im, isComplex(im) { real -= b.1 }
        if let re, isComplex(re) { imag += a.1 }
        return complexValue((real, imag))
    }
}

extension Interpreter {
    /// `format(complex, spec)`: with a presentation type (e, f, g, ...) both parts are formatted with it
    /// and no parentheses; without one, the repr form; then the whole is aligned in the width.
    func formatComplex(_ c: PyComplex, _ spec: String) throws -> String {
        if spec.isEmpty { return c.repr() }
        let f = try FormatSpec(spec)
        if f.zero { throw PyException.valueError("Zero padding is not allowed in complex format specifier") }
        if f.align == "=" { throw PyException.valueError("Alignment flag is not allowed in complex format specifier") }
        let text: String
        if let t = f.type {
            guard "eEfFgGn%".contains(t), t != "%" else {
                throw PyException.valueError("Unknown format code '\(t)' for object of type 'complex'")
            }
            var partSpec = f.alt ? "#" : ""
            if let g = f.grouping { partSpec.append(g) }
            if let p = f.precision { partSpec += ".\(p)" }
            partSpec.append(t)
            let sign = f.sign == "-" ? "" : String(f.sign)
            let re = try formatFloat(c.real, sign + partSpec)
            let im = try formatFloat(c.imag, "+" + partSpec)
            text = re + im + "j"
        } else if f.precision == nil && f.sign == "-" && !f.alt && f.grouping == nil {
            text = c.repr()
        } else {
            throw PyException.valueError("mfs formats complex numbers only with a presentation type (e, f, g) or plain alignment")
        }
        return f.pad(text, defaultAlign: ">")
    }
}
