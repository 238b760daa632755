// `mfsh --json -c CODE`: the value as JSON, with client objects as their pathspecs and
// datetimes as ISO strings, so other programs can consume answers.
import MFSInterpreter

enum JSONOutput {
    static func encode(_ v: Value, context: ClientContext, depth: Int = 0) throws -> String {
        guard depth < 200 else { throw PyException.valueError("value too deeply nested for JSON") }
        let interp = context.interpreter
        // numpy/pandas values as plain lists, dicts and numbers.
        if let plain = try NumericHosts.plainValue(v, interpreter: interp) {
            return try encode(plain, context: context, depth: depth + 1)
        }
        switch v {
        case .none: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int, .bigint: return try interp.repr(v)
        case .float(let d):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
            return try interp.repr(v)
        case .str(let s): return quote(s)
        case .list(let l): return try "[" + l.items.map { try encode($0, context: context, depth: depth + 1) }.joined(separator: ", ") + "]"
        case .tuple(let t): return try "[" + t.map { try encode($0, context: context, depth: depth + 1) }.joined(separator: ", ") + "]"
        case .set(let s), .frozenset(let s):
            let items = try s.items.map { try encode($0, context: context, depth: depth + 1) }.sorted()
            return "[" + items.joined(separator: ", ") + "]"
        case .dict(let d):
            return try "{" + d.items.map { k, val in
                let key: String
                if case .str(let s) = k { key = s } else { key = try interp.str(k) }
                return quote(key) + ": " + (try encode(val, context: context, depth: depth + 1))
            }.joined(separator: ", ") + "}"
        case .datetime, .date:
            return quote(try interp.str(v).replacingSpaceWithT())
        case .host(let h):
            if let c = h as? ClientObjectHost { return quote(c.object.pathspec) }
            return quote(h.str())
        default:
            return quote(try interp.str(v))
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value > 0x7E {
                    if u.value > 0xFFFF {
                        let v = u.value - 0x10000
                        out += hex4(0xD800 + (v >> 10)) + hex4(0xDC00 + (v & 0x3FF))
                    } else { out += hex4(u.value) }
                } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    private static func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - h.count)) + h
    }
}

extension String {
    func replacingSpaceWithT() -> String {
        guard let i = firstIndex(of: " ") else { return self }
        return String(self[..<i]) + "T" + String(self[index(after: i)...])
    }
}
