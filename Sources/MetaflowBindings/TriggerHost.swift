// `run.trigger` as Python's `metaflow.events.Trigger`, and its `MetaflowEvent` namedtuples.
import MFSInterpreter
import MetaflowClient

final class TriggerHost: HostObject {
    let events: [TriggerEvent]
    unowned let context: ClientContext
    private var cachedRuns: [Run]?

    init(_ events: [TriggerEvent], context: ClientContext) { self.events = events; self.context = context }

    var typeName: String { "Trigger" }
    var attributeNames: [String] { ["event", "events", "from_runs", "run", "runs"] }

    private func eventValue(_ e: TriggerEvent) -> Value {
        let c = context
        let time = e.timestampSeconds.map { c.datetime(millis: $0 &* 1000) }
        let values = [e.name, e.id, e.timestamp, e.type].enumerated().map { i, json -> Value in
            if i == 2, let time { return time }
            return (try? c.value(json)) ?? Value.none
        }
        return .host(NamedTupleHost("MetaflowEvent", ["name", "id", "timestamp", "type"], values, interpreter: c.interpreter))
    }

    /// `Run('Flow/RunID', _namespace_check=False)` for each `run` event (MetaflowNotFound if gone).
    private func runs() throws -> [Run] {
        if let r = cachedRuns { return r }
        let made = try Run.triggeringRunPathspecs(events).map {
            try Run(pathspec: $0, session: context.session, namespaceCheck: false)
        }
        cachedRuns = made
        return made
    }

    func getAttribute(_ name: String) throws -> Value? {
        let c = context
        return try c.bridge { () throws -> Value? in
            switch name {
            case "event": return events.first.map(eventValue) ?? Value.none
            case "events": return events.isEmpty ? Value.none : .newList(events.map(eventValue))
            case "run": return c.host(try runs().first)
            case "runs": let r = try runs(); return r.isEmpty ? Value.none : c.list(r)
            default: return nil
            }
        }
    }

    /// A run's flow name when runs triggered, else an event name; KeyError otherwise.
    func getItem(_ key: Value) throws -> Value {
        let c = context
        return try c.bridge {
            let r = try runs()
            if !r.isEmpty {
                if case .str(let k) = key, let run = r.first(where: { $0.pathComponents.first == k }) { return c.host(run) }
            } else if let e = events.first(where: { (try? c.value($0.name)).map { Self.same($0, key) } ?? false }) {
                return eventValue(e)
            }
            throw PyException.keyError(key)
        }
    }

    private static func same(_ a: Value, _ b: Value) -> Bool {
        if case .str(let x) = a, case .str(let y) = b { return x == y }
        if case .none = a, case .none = b { return true }
        return false
    }

    func contains(_ v: Value) throws -> Bool {
        do { _ = try getItem(v); return true } catch let e as PyException where e.typeName == "KeyError" { return false }
    }

    func makeIterator() throws -> PyIterator {
        let values = events.map(eventValue)
        var i = 0
        return ClosureIterator("list_iterator") { guard i < values.count else { return nil }; defer { i += 1 }; return values[i] }
    }

    func repr() -> String { "<metaflow.events.Trigger object at \(context.interpreter.addressText(of: self))>" }
    func str() -> String { repr() }
    var isTruthy: Bool { true }
    func equals(_ other: any HostObject) -> Bool { other === self }
    var hashValue: Int { ObjectIdentifier(self).hashValue }
    var doc: String? {
        "The events that started this run (Argo Workflows triggers).\n  .event (newest), .events, .run, .runs, trigger['FlowName' or 'event name'], 'name' in trigger"
    }
}
