// `run.trigger` (metaflow/events.py): the events that started a run, recorded by Argo Workflows'
// decorator as the start task's `execution-triggers` metadata (a JSON list of
// {timestamp, id, name, type}). Runs started by hand have none, and `trigger` is None.

/// One `MetaflowEvent(name, id, timestamp, type)`; fields keep their JSON values (a payload may
/// lack any of them). `timestampSeconds` is set when the timestamp is an int (Python then shows
/// it as a naive local datetime).
public struct TriggerEvent: Sendable {
    public let name: JSONValue
    public let id: JSONValue
    public let timestamp: JSONValue
    public let type: JSONValue

    public var timestampSeconds: Int? {
        if case .int(let s) = timestamp, s != 0 { return s }
        return nil
    }
}

extension Run {
    /// The triggering events, newest first, or nil when the run was not triggered.
    public var triggerEvents: [TriggerEvent]? {
        get throws {
            let start = graphEndpoints.0
            guard try hasChild(start), let task = try step(start).task else { return nil }
            guard let text = try task.metadataDict()["execution-triggers"]?.stringValue, !text.isEmpty else { return nil }
            let parsed: JSONValue
            do { parsed = try JSONParser.parse(Array(text.utf8)) } catch {
                throw MetaflowError.generic("JSONDecodeError", "execution-triggers of \(task.pathspec): \(error)")
            }
            guard case .array(let items) = parsed else {
                throw MetaflowError.generic("AttributeError", "'\(Self.pythonTypeName(parsed))' object has no attribute 'sort'")
            }
            if items.isEmpty { return nil }
            var events: [(key: Double, event: TriggerEvent)] = []
            for item in items {
                guard case .object(let members) = item else {
                    throw MetaflowError.generic("AttributeError", "'\(Self.pythonTypeName(item))' object has no attribute 'get'")
                }
                let known = ["name", "id", "timestamp", "type"]
                if let extra = members.first(where: { !known.contains($0.0) }) {
                    throw MetaflowError.generic("TypeError", "MetaflowEvent.__new__() got an unexpected keyword argument '\(extra.0)'")
                }
                func field(_ k: String) throws -> JSONValue {
                    guard let v = item[k] else {
                        throw MetaflowError.generic("TypeError", "MetaflowEvent.__new__() missing 1 required positional argument: '\(k)'")
                    }
                    return v
                }
                let event = TriggerEvent(name: try field("name"), id: try field("id"), timestamp: try field("timestamp"), type: try field("type"))
                // Python sorts by `timestamp or -inf`, newest first (a stable sort).
                let key: Double
                switch event.timestamp {
                case .int(let i) where i != 0: key = Double(i)
                case .double(let d) where d != 0: key = d
                default: key = -.infinity
                }
                events.append((key, event))
            }
            let order = events.indices.sorted { events[$0].key != events[$1].key ? events[$0].key > events[$1].key : $0 < $1 }
            return order.map { events[$0].event }
        }
    }

    /// Runs named by `run` events (`Flow/RunID` of their id), without namespace checks.
    public static func triggeringRunPathspecs(_ events: [TriggerEvent]) -> [String] {
        events.compactMap { e in
            guard e.type.stringValue == "run", let id = e.id.stringValue else { return nil }
            let parts = id.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
            return parts.count >= 2 ? "\(parts[0])/\(parts[1])" : nil
        }
    }

    static func pythonTypeName(_ v: JSONValue) -> String {
        switch v {
        case .null: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .array: return "list"
        case .object: return "dict"
        }
    }
}
