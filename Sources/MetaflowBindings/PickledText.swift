// Python's str() and a few attributes for decoded standard-library values that the language has
// no native type for (Decimal, UUID, time, aware datetime, complex, bytearray, paths), and the
// ForeachFrame namedtuple Metaflow pickles in `_foreach_stack`.
import MFSInterpreter
import Pickle
#if canImport(Glibc)
import Glibc
#endif

enum PickledText {
    static func typeName(_ v: PickleValue) -> String {
        switch v {
        case .object(let o): return o.qualifiedName.split(separator: ".").last.map(String.init) ?? o.qualifiedName
        case .reconstructed(let r): return r.pythonTypeName
        case .complex: return "complex"
        case .decimal: return "Decimal"
        case .uuid: return "UUID"
        case .dateTime: return "datetime"
        case .time: return "time"
        case .timeZone: return "timezone"
        case .bytearray: return "bytearray"
        case .path(let cls, _): return cls
        case .orderedDict: return "OrderedDict"
        case .defaultDict: return "defaultdict"
        case .counter: return "Counter"
        case .deque: return "deque"
        case .range: return "range"
        case .slice: return "slice"
        case .global: return "type"
        default: return "object"
        }
    }

    static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static func six(_ n: Int) -> String { let s = String(n); return String(repeating: "0", count: max(0, 6 - s.count)) + s }

    static func clock(_ h: Int, _ m: Int, _ s: Int, _ us: Int) -> String {
        "\(two(h)):\(two(m)):\(two(s))" + (us != 0 ? "." + six(us) : "")
    }

    /// `+HH:MM[:SS[.ffffff]]` of a fixed-offset timezone.
    static func offset(_ tz: PickleValue?) -> String? {
        guard case .timeZone(let z)? = tz else { return nil }
        var total = z.offset.days * 86_400_000_000 + z.offset.seconds * 1_000_000 + z.offset.microseconds
        let sign = total < 0 ? "-" : "+"
        total = abs(total)
        let us = total % 1_000_000, secs = total / 1_000_000
        var s = "\(sign)\(two(secs / 3600)):\(two(secs / 60 % 60))"
        if secs % 60 != 0 || us != 0 { s += ":\(two(secs % 60))" }
        if us != 0 { s += "." + six(us) }
        return s
    }

    static func str(_ v: PickleValue) -> String? {
        switch v {
        case .decimal(let s): return s
        case .uuid(let u): return u.string
        case .path(_, let p): return p
        case .time(let t): return clock(t.hour, t.minute, t.second, t.microsecond) + (offset(t.tzinfo) ?? "")
        case .dateTime(let d):
            let date = "\(String(repeating: "0", count: max(0, 4 - String(d.year).count)))\(d.year)-\(two(d.month))-\(two(d.day))"
            return date + " " + clock(d.hour, d.minute, d.second, d.microsecond) + (offset(d.tzinfo) ?? "")
        case .timeZone(let z):
            if z.isUTC { return "UTC" }
            return z.name ?? ("UTC" + (offset(v) ?? ""))
        default: return nil
        }
    }

    static func attribute(_ v: PickleValue, _ name: String, context: ClientContext) throws -> Value? {
        switch (v, name) {
        case (.complex(let re, _), "real"): return .float(re)
        case (.complex(_, let im), "imag"): return .float(im)
        case (.complex(let re, let im), "__abs__"): return .newBuiltin(name) { _, _ in .float(hypot(re, im)) }
        case (.decimal(let s), "to_eng_string"): return .newBuiltin(name) { _, _ in .str(s) }
        case (.uuid(let u), "hex"): return .str(u.string.filter { $0 != "-" })
        case (.bytearray(let b), "decode"):
            return .newBuiltin(name) { _, _ in .str(String(decoding: b.bytes.array, as: UTF8.self)) }
        case (.dateTime(let d), _):
            switch name {
            case "year": return .int(d.year)
            case "month": return .int(d.month)
            case "day": return .int(d.day)
            case "hour": return .int(d.hour)
            case "minute": return .int(d.minute)
            case "second": return .int(d.second)
            case "microsecond": return .int(d.microsecond)
            case "isoformat": return .newBuiltin(name) { _, _ in .str((str(v) ?? "").replacingSpaceWithT()) }
            default: return nil
            }
        case (.time(let t), _):
            switch name {
            case "hour": return .int(t.hour)
            case "minute": return .int(t.minute)
            case "second": return .int(t.second)
            case "microsecond": return .int(t.microsecond)
            case "isoformat": return .newBuiltin(name) { _, _ in .str(str(v) ?? "") }
            default: return nil
            }
        default: return nil
        }
    }
}

/// `__main__.ForeachFrame(step, var, num_splits, index, value)`, a namedtuple Metaflow pickles
/// as NEWOBJ on a 5-tuple.
struct ForeachFrameFields {
    static let names = ["step", "var", "num_splits", "index", "value"]
    let values: [PickleValue]

    init?(_ v: PickleValue) {
        guard case .object(let o) = v, o.qualifiedName == "ForeachFrame" else { return nil }
        var fields = o.args
        if fields.count == 1, case .tuple(let t) = fields[0] { fields = t.items }
        guard fields.count == 5 else { return nil }
        values = fields
    }
}
