// CPython's repr() of decoded values. Builtins are exact; unknown objects print as
// `<module.Qualname object>` (Python would add an address). Recursion is bounded: a value nested deeper
// than `maxReprDepth` prints `...`, and a container met again inside itself prints `[...]` like Python.
import BigInt

/// Nesting beyond which repr stops descending.
public let maxReprDepth = 1000

/// Output size beyond which repr stops (a DAG of shared tuples can be exponentially large as text).
public let maxReprLength = 1 << 24

/// CPython's `repr()` of a decoded value.
public func pythonRepr(_ value: PickleValue) -> String {
    var writer = ReprWriter()
    writer.write(value)
    return writer.out
}

/// CPython's `repr(str)`.
public func pythonStringRepr(_ s: String) -> String {
    var out = ""
    appendStringRepr(s, to: &out)
    return out
}

/// CPython's `repr(bytes)`.
public func pythonBytesRepr<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    var out = ""
    appendBytesRepr(bytes, to: &out)
    return out
}

struct ReprWriter {
    var out = ""
    private var depth = 0
    private var active: Set<ObjectIdentifier> = []

    mutating func write(_ value: PickleValue) {
        guard depth < maxReprDepth, out.utf8.count < maxReprLength else { out += "..."; return }
        depth += 1
        defer { depth -= 1 }
        switch value {
        case .none: out += "None"
        case .bool(let b): out += b ? "True" : "False"
        case .int(let i): out += String(i)
        case .bigInt(let b): out += String(b)
        case .float(let d): out += pythonFloatRepr(d)
        case .complex(let re, let im): out += pythonComplexRepr(real: re, imag: im)
        case .string(let s): appendStringRepr(s, to: &out)
        case .bytes(let b): appendBytesRepr(b, to: &out)
        case .bytearray(let b):
            out += "bytearray("
            appendBytesRepr(b.bytes, to: &out)
            out += ")"
        case .tuple(let t):
            guard enter(t) else { out += "(...)"; return }
            defer { leave(t) }
            out += "("
            writeItems(t.items)
            if t.items.count == 1 { out += "," }
            out += ")"
        case .list(let l):
            guard enter(l) else { out += "[...]"; return }
            defer { leave(l) }
            out += "["
            writeItems(l.items)
            out += "]"
        case .dict(let d): writeDict(d)
        case .set(let s):
            if s.count == 0 { out += "set()"; return }
            guard enter(s) else { out += "set(...)"; return }
            defer { leave(s) }
            out += "{"
            writeItems(s.items)
            out += "}"
        case .frozenset(let s):
            if s.count == 0 { out += "frozenset()"; return }
            guard enter(s) else { out += "frozenset(...)"; return }
            defer { leave(s) }
            out += "frozenset({"
            writeItems(s.items)
            out += "})"
        case .slice(let a, let b, let c):
            out += "slice("; write(a); out += ", "; write(b); out += ", "; write(c); out += ")"
        case .range(let a, let b, let c):
            out += "range("; write(a); out += ", "; write(b)
            if case .int(1) = c {} else { out += ", "; write(c) }
            out += ")"
        case .global(let module, let name): out += globalRepr(module: module, name: name)
        case .extensionCode(let code): out += "<extension code \(code)>"
        case .object(let o): out += "<\(o.module.isEmpty ? "" : o.module + ".")\(o.qualifiedName) object>"
        case .dateTime(let dt):
            out += "datetime.datetime(\(dt.year), \(dt.month), \(dt.day), "
            writeTimeFields(dt.time, alwaysMinutes: true)
        case .date(let d): out += "datetime.date(\(d.year), \(d.month), \(d.day))"
        case .time(let t):
            out += "datetime.time("
            writeTimeFields(t, alwaysMinutes: true)
        case .timeDelta(let td): out += timeDeltaRepr(td)
        case .timeZone(let tz): out += timeZoneRepr(tz)
        case .decimal(let s): out += "Decimal("; appendStringRepr(s, to: &out); out += ")"
        case .uuid(let u): out += "UUID('\(u.string)')"
        case .path(let cls, let path):
            out += cls + "("
            appendStringRepr(cls.contains("Windows") ? String(path.map { $0 == "\\" ? "/" : $0 }) : path, to: &out)
            out += ")"
        case .orderedDict(let d):
            if d.isEmpty { out += "OrderedDict()"; return }
            guard enter(d) else { out += "..."; return }
            defer { leave(d) }
            out += "OrderedDict(["
            var first = true
            for (k, v) in d.entries {
                if !first { out += ", " }
                first = false
                out += "("; write(k); out += ", "; write(v); out += ")"
            }
            out += "])"
        case .defaultDict(let factory, let d):
            out += "defaultdict("
            write(factory)
            out += ", "
            writeDict(d)
            out += ")"
        case .counter(let d): writeCounter(d)
        case .deque(let l, let maxlen):
            guard enter(l) else { out += "[...]"; return }
            defer { leave(l) }
            out += "deque(["
            writeItems(l.items)
            out += "]"
            if let maxlen { out += ", maxlen=\(maxlen)" }
            out += ")"
        case .reconstructed(let r): out += r.pythonRepr()
        }
    }

    private mutating func enter(_ object: AnyObject) -> Bool { active.insert(ObjectIdentifier(object)).inserted }
    private mutating func leave(_ object: AnyObject) { active.remove(ObjectIdentifier(object)) }

    private mutating func writeItems(_ items: [PickleValue]) {
        var first = true
        for item in items {
            if !first { out += ", " }
            first = false
            write(item)
        }
    }

    private mutating func writeDict(_ d: PickleDict) {
        guard enter(d) else { out += "{...}"; return }
        defer { leave(d) }
        out += "{"
        var first = true
        for (k, v) in d.entries {
            if !first { out += ", " }
            first = false
            write(k); out += ": "; write(v)
        }
        out += "}"
    }

    /// `Counter.__repr__`: entries by descending count (stable), like `most_common()`.
    private mutating func writeCounter(_ d: PickleDict) {
        if d.isEmpty { out += "Counter()"; return }
        guard enter(d) else { out += "..."; return }
        defer { leave(d) }
        var entries = Array(d.entries.enumerated())
        let numeric = entries.allSatisfy { numericValue($0.element.1) != nil }
        if numeric {
            entries.sort { a, b in
                let x = numericValue(a.element.1) ?? 0, y = numericValue(b.element.1) ?? 0
                return x != y ? x > y : a.offset < b.offset
            }
        }
        out += "Counter({"
        var first = true
        for (_, (k, v)) in entries {
            if !first { out += ", " }
            first = false
            write(k); out += ": "; write(v)
        }
        out += "})"
    }

    private mutating func writeTimeFields(_ t: PickleTime, alwaysMinutes: Bool) {
        out += "\(t.hour), \(t.minute)"
        if t.microsecond != 0 { out += ", \(t.second), \(t.microsecond)" } else if t.second != 0 { out += ", \(t.second)" }
        out += ")"
        if t.fold != 0 { out.removeLast(); out += ", fold=\(t.fold))" }
        if let tz = t.tzinfo {
            out.removeLast()
            out += ", tzinfo="
            write(tz)
            out += ")"
        }
    }
}

private func numericValue(_ v: PickleValue) -> Double? {
    switch v {
    case .int(let i): return Double(i)
    case .bigInt(let b): return Double(b)
    case .float(let d): return d
    case .bool(let b): return b ? 1 : 0
    default: return nil
    }
}

/// How Python shows a class: `<class 'list'>` for builtins, `<class 'module.Name'>` otherwise.
func globalRepr(module: String, name: String) -> String {
    module == "builtins" ? "<class '\(name)'>" : "<class '\(module).\(name)'>"
}

func timeDeltaRepr(_ td: PickleTimeDelta) -> String {
    var parts: [String] = []
    if td.days != 0 { parts.append("days=\(td.days)") }
    if td.seconds != 0 { parts.append("seconds=\(td.seconds)") }
    if td.microseconds != 0 { parts.append("microseconds=\(td.microseconds)") }
    return "datetime.timedelta(" + (parts.isEmpty ? "0" : parts.joined(separator: ", ")) + ")"
}

func timeZoneRepr(_ tz: PickleTimeZone) -> String {
    if tz.isUTC { return "datetime.timezone.utc" }
    var s = "datetime.timezone(" + timeDeltaRepr(tz.offset)
    if let name = tz.name { s += ", " + pythonStringRepr(name) }
    return s + ")"
}

/// Python's `unicode_repr`.
func appendStringRepr(_ s: String, to out: inout String) {
    let hasSingle = s.unicodeScalars.contains("'"), hasDouble = s.unicodeScalars.contains("\"")
    let quote: Unicode.Scalar = hasSingle && !hasDouble ? "\"" : "'"
    var scalars = String.UnicodeScalarView()
    scalars.append(quote)
    func hex(_ v: UInt32, _ width: Int) -> String {
        let digits = String(v, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    for c in s.unicodeScalars {
        switch c {
        case quote, "\\": scalars.append("\\"); scalars.append(c)
        case "\t": scalars.append(contentsOf: "\\t".unicodeScalars)
        case "\n": scalars.append(contentsOf: "\\n".unicodeScalars)
        case "\r": scalars.append(contentsOf: "\\r".unicodeScalars)
        default:
            if c.value < 0x20 || c.value == 0x7F {
                scalars.append(contentsOf: ("\\x" + hex(c.value, 2)).unicodeScalars)
            } else if c.value < 0x7F || isPrintable(c) {
                scalars.append(c)
            } else if c.value <= 0xFF {
                scalars.append(contentsOf: ("\\x" + hex(c.value, 2)).unicodeScalars)
            } else if c.value <= 0xFFFF {
                scalars.append(contentsOf: ("\\u" + hex(c.value, 4)).unicodeScalars)
            } else {
                scalars.append(contentsOf: ("\\U" + hex(c.value, 8)).unicodeScalars)
            }
        }
    }
    scalars.append(quote)
    out += String(scalars)
}

/// Python's `str.isprintable()` for one character: not a control, format, surrogate, private-use,
/// unassigned or separator character (the space excepted).
private func isPrintable(_ c: Unicode.Scalar) -> Bool {
    if c == " " { return true }
    switch c.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned,
         .lineSeparator, .paragraphSeparator, .spaceSeparator: return false
    default: return true
    }
}

/// Python's `bytes.__repr__`.
func appendBytesRepr<C: Collection>(_ bytes: C, to out: inout String) where C.Element == UInt8 {
    let hasSingle = bytes.contains(0x27), hasDouble = bytes.contains(0x22)
    let quote: UInt8 = hasSingle && !hasDouble ? 0x22 : 0x27
    var buffer: [UInt8] = [UInt8(ascii: "b"), quote]
    buffer.reserveCapacity(bytes.count + 3)
    let hexDigits = Array("0123456789abcdef".utf8)
    for b in bytes {
        switch b {
        case quote, 0x5C: buffer.append(0x5C); buffer.append(b)
        case 0x09: buffer.append(0x5C); buffer.append(UInt8(ascii: "t"))
        case 0x0A: buffer.append(0x5C); buffer.append(UInt8(ascii: "n"))
        case 0x0D: buffer.append(0x5C); buffer.append(UInt8(ascii: "r"))
        case 0x20..<0x7F: buffer.append(b)
        default:
            buffer.append(0x5C); buffer.append(UInt8(ascii: "x"))
            buffer.append(hexDigits[Int(b >> 4)]); buffer.append(hexDigits[Int(b & 15)])
        }
    }
    buffer.append(quote)
    out += String(decoding: buffer, as: UTF8.self)
}
