// `mfsh --json -c CODE`: the value of the code's last statement when it is an expression, as
// JSON (always valid: NaN and infinities as null), with client objects as their pathspecs and
// datetimes as ISO strings, so other programs can consume answers.
import MFSInterpreter
import MetaflowBindings
import MetaflowClient
import NumPyPandas

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
            // JSON has no NaN or infinities: null, as JavaScript's JSON.stringify writes them, so
            // that any JSON reader takes the answer.
            if d.isNaN || d.isInfinite { return "null" }
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
            if let object = ClientHosts.object(of: h) { return quote(object.pathspec) }
            return quote(h.str())
        default:
            return quote(try interp.str(v))
        }
    }

    /// `json.dumps(s)`: the client core's encoder, shared with what it writes to `_self.json`.
    static func quote(_ s: String) -> String { PythonText.jsonString(s) }
}
