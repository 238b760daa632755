// Task (client/core.py): artifacts of the selected attempt, metadata, status, lineage, logs.
import Pickle

/// One metadata event (`Metadata` namedtuple): `created_at` is raw int milliseconds.
public struct MetadataEntry {
    public let name: String
    /// A string for most fields; a list for `foreach-stack`.
    public let value: JSONValue
    public let createdAt: Int
    public let type: String?
    public let taskPathspec: String

    public var valueText: String { value.stringValue ?? "" }

    init(event e: JSONValue, taskPathspec: String) {
        self.init(name: e["field_name"]?.stringValue ?? "", value: e["value"] ?? .null, createdAt: e["ts_epoch"]?.intValue ?? 0,
                  type: e["type"]?.stringValue, taskPathspec: taskPathspec)
    }

    init(name: String, value: JSONValue, createdAt: Int, type: String?, taskPathspec: String) {
        self.name = name; self.value = value; self.createdAt = createdAt; self.type = type; self.taskPathspec = taskPathspec
    }
}

public final class Task: MetaflowObject {
    override public class var className: String { "Task" }
    override class var objectKind: ObjectKind { .task }
    override class var pathspecShape: String { "FlowName/RunID/StepName/TaskID" }
    override class var childClass: MetaflowObject.Type? { DataArtifact.self }
    override class var parentClass: MetaflowObject.Type? { Step.self }

    override func iterFilter(_ child: MetaflowObject) -> Bool { !child.id.hasPrefix("_") }

    private var cachedArtifacts: [DataArtifact]?
    private var cachedMetadata: [MetadataEntry]?
    private var artifactsByName: [String: DataArtifact?] = [:]

    /// A task held while it runs (or after a failed attempt that may be retried) changes under
    /// its Task object: what the caches above hold, absences included, is trusted for the
    /// caches' window only and read again after it. Once the task is settled (succeeded, or an
    /// explicitly chosen attempt that finished) it can no longer change, and they hold for good.
    private var settled = false
    private var cachesStartedAt = Freshness.now()

    private func expireCaches() {
        guard !settled else { return }
        let now = Freshness.now()
        guard now &- cachesStartedAt >= Freshness.windowNanos else { return }
        cachedArtifacts = nil
        cachedMetadata = nil
        artifactsByName = [:]
        cachesStartedAt = now
    }

    /// Every artifact registration of the selected attempt, private ones included, in the
    /// provider's order; read once per Task object while it is settled (see `settled`).
    public func allArtifacts() throws -> [DataArtifact] {
        expireCaches()
        if let a = cachedArtifacts { return a }
        let recs = try session.provider.artifacts(pathComponents, attempt: attempt, name: nil)
        let made = recs.map {
            DataArtifact(record: $0, parent: self, attempt: attempt, session: session,
                         namespace: namespaceCheck ? namespace : nil, namespaceCheck: namespaceCheck)
        }
        cachedArtifacts = made
        return made
    }

    /// `task[name]`, private names allowed; KeyError when absent.
    public func artifact(_ name: String) throws -> DataArtifact {
        if let a = try optionalArtifact(name) { return a }
        throw MetaflowError.keyError(name)
    }

    /// `task.data.name`: public artifacts only (Python builds `data` from the task's iteration,
    /// which hides `_`-names); nil when absent.
    public func publicArtifact(_ name: String) throws -> DataArtifact? {
        guard !name.hasPrefix("_") else { return nil }
        if attempt != nil || session.provider.namedArtifactIsLatestAttempts { return try optionalArtifact(name) }
        // The service names an artifact of any attempt (the highest that has it), while `data`
        // shows the latest attempt's only: a retried task whose last attempt lacks `name` has no
        // `data.name`. The step-level read-ahead is the latest attempt's list; else this task's.
        expireCaches()
        if cachedArtifacts == nil, let (group, index) = siblings {
            group.readAhead(name, from: index, session: session)
            if case .found(let record) = group.answer(name, at: index) {
                return DataArtifact(record: record, parent: self, attempt: attempt, session: session,
                                    namespace: namespaceCheck ? namespace : nil, namespaceCheck: namespaceCheck)
            }
        }
        return try allArtifacts().first { $0.id == name }
    }

    override func childRecord(_ id: String) throws -> JSONValue? {
        try optionalArtifact(id)?.record
    }

    /// Public artifacts, newest first (all share one timestamp, so provider order).
    public var artifacts: [DataArtifact] { get throws { try children().compactMap { $0 as? DataArtifact } } }

    /// One artifact by name: from the full list when it was read, else only its registration
    /// (reading a task's ~20 registrations to use one was most of the cost of `t.data.x`).
    private func optionalArtifact(_ name: String) throws -> DataArtifact? {
        expireCaches()
        if let all = cachedArtifacts { return all.first { $0.id == name } }
        if let known = artifactsByName[name] { return known }
        var recs: [JSONValue]
        if let (group, index) = siblings {
            group.readAhead(name, from: index, session: session)
            switch group.answer(name, at: index) {
            case .found(let record): recs = [record]
            case .absent: recs = []
            case .unknown: recs = try session.provider.artifacts(pathComponents, attempt: attempt, name: name)
            }
        } else {
            recs = try session.provider.artifacts(pathComponents, attempt: attempt, name: name)
        }
        let made = recs.first.map {
            DataArtifact(record: $0, parent: self, attempt: attempt, session: session,
                         namespace: namespaceCheck ? namespace : nil, namespaceCheck: namespaceCheck)
        }
        artifactsByName[name] = .some(made)
        return made
    }
    /// The step listing this task came from and its place in it (see SiblingPrefetch.swift).
    var siblings: (group: SiblingTasks, index: Int)?

    public var successful: Bool {
        get throws {
            let ok = try optionalArtifact("_success")?.data().truthy ?? false
            if ok { settled = true }  // no attempt follows a successful one
            return ok
        }
    }

    public var finished: Bool {
        get throws {
            let done = try optionalArtifact("_task_ok")?.data().truthy ?? false
            if done && attempt != nil { settled = true }  // a chosen attempt is never rewritten
            return done
        }
    }

    /// The `_exception` artifact (a MetaflowExceptionWrapper) or nil.
    public var exception: PickleValue? { get throws { try optionalArtifact("_exception")?.data() } }

    public var finishedAtMillis: Int? { get throws { try optionalArtifact("_task_ok")?.createdAtMillis } }

    /// The innermost foreach frame's index, from `_foreach_stack`.
    public var index: Int? {
        get throws {
            guard let stack = try optionalArtifact("_foreach_stack")?.data() else { return nil }
            guard case .list(let frames) = stack, let last = frames.items.last else { return nil }
            return ForeachFrame.index(of: last)
        }
    }

    public var runtimeName: String? {
        for t in tags where t.hasPrefix("runtime:") {
            return t.split(separator: ":", omittingEmptySubsequences: false).dropFirst().first.map(String.init)
        }
        return nil
    }

    // MARK: metadata

    /// Every metadata event (of the selected attempt), plus fields a cloned task inherits from
    /// its origin.
    public func metadata() throws -> [MetadataEntry] {
        expireCaches()
        if let m = cachedMetadata { return m }
        if let (group, index) = siblings { group.readAheadEvents(nil, from: index, session: session) }
        let events = try session.provider.metadata(pathComponents, attempt: attempt)
        var result: [MetadataEntry] = []
        var names = Set<String>()
        var originRun: String?, originTask: String?
        for e in events {
            let entry = MetadataEntry(event: e, taskPathspec: pathspec)
            let name = entry.name
            result.append(entry)
            names.insert(name)
            if name == "origin-run-id" { originRun = entry.valueText }
            if name == "origin-task-id" { originTask = entry.valueText }
        }
        if let originTask, !originTask.isEmpty {
            var c = pathComponents
            c[1] = originRun ?? ""
            c[3] = originTask
            let origin = try Task(pathspec: c.joined(separator: "/"), session: session, namespaceCheck: false)
            for (name, entry) in Self.latestByName(try origin.metadata()) where !names.contains(name) {
                result.append(MetadataEntry(name: entry.name, value: entry.value, createdAt: entry.createdAt,
                                            type: entry.type, taskPathspec: pathspec))
            }
        }
        cachedMetadata = result
        return result
    }

    /// `{m.name: m for m in sorted(metadata, key=created_at)}`: first-seen order, latest value.
    static func latestByName(_ entries: [MetadataEntry]) -> [(String, MetadataEntry)] {
        let sorted = entries.enumerated().sorted { $0.element.createdAt != $1.element.createdAt
            ? $0.element.createdAt < $1.element.createdAt : $0.offset < $1.offset }.map { $0.element }
        var order: [String] = []
        var latest: [String: MetadataEntry] = [:]
        for e in sorted {
            if latest[e.name] == nil { order.append(e.name) }
            latest[e.name] = e
        }
        return order.compactMap { n in latest[n].map { (n, $0) } }
    }

    /// The latest value of each of a few fields, reading only their events (all attempts; no
    /// fields inherited from a clone's origin): for callers that need two or three fields.
    func latestValues(of fields: Set<String>) throws -> [String: JSONValue] {
        if let (group, index) = siblings { group.readAheadEvents(fields, from: index, session: session) }
        let entries = try session.provider.metadata(pathComponents, fields: fields).map { MetadataEntry(event: $0, taskPathspec: pathspec) }
        var out: [String: JSONValue] = [:]
        for (name, entry) in Self.latestByName(entries) { out[name] = entry.value }
        return out
    }

    /// `metadata_dict`: name → value, latest event wins, Python dict order.
    public func metadataDictOrdered() throws -> [(String, JSONValue)] {
        Self.latestByName(try metadata()).map { ($0.0, $0.1.value) }
    }

    public func metadataDict() throws -> [String: JSONValue] {
        var d: [String: JSONValue] = [:]
        for (k, v) in try metadataDictOrdered() { d[k] = v }
        return d
    }

    public var currentAttempt: Int {
        get throws {
            if let attempt { return attempt }
            guard let v = try metadataDict()["attempt"] else { return 0 }
            guard let n = v.intValue ?? v.stringValue.flatMap({ Int($0) }) else {
                throw MetaflowError.generic("ValueError", "invalid literal for int() with base 10: '\(v.stringValue ?? "")'")
            }
            return n
        }
    }

    /// One attempt of a task as its metadata events tell it: begun at `attempt`, ended at
    /// `attempt_ok` (with its verdict) or `attempt-done`; no end while it runs (or after a kill).
    package struct AttemptSpan: Equatable {
        package let attempt: Int
        package let startMillis: Int
        package var endMillis: Int?
        package var ok: Bool?

        package init(attempt: Int, startMillis: Int, endMillis: Int?, ok: Bool?) {
            self.attempt = attempt
            self.startMillis = startMillis
            self.endMillis = endMillis
            self.ok = ok
        }
    }

    /// Every attempt of the task, oldest first, from the `attempt`, `attempt_ok` and
    /// `attempt-done` events (all attempts, whichever this Task object selects).
    package func attemptSpans() throws -> [AttemptSpan] {
        let fields: Set<String> = ["attempt", "attempt_ok", "attempt-done"]
        if let (group, index) = siblings { group.readAheadEvents(fields, from: index, session: session) }
        let events = try session.provider.metadata(pathComponents, fields: fields)
        var spans: [Int: AttemptSpan] = [:]
        func attemptOf(_ e: JSONValue) -> Int? {
            for tag in e["tags"]?.stringArray ?? [] where tag.hasPrefix("attempt_id:") { return Int(tag.dropFirst(11)) }
            return e["value"]?.stringValue.flatMap { Int($0) }
        }
        for e in events where e["field_name"]?.stringValue == "attempt" {
            guard let n = attemptOf(e), let at = e["ts_epoch"]?.intValue else { continue }
            spans[n] = AttemptSpan(attempt: n, startMillis: at, endMillis: nil, ok: nil)
        }
        for e in events {
            guard let name = e["field_name"]?.stringValue, name != "attempt", let n = attemptOf(e),
                  let at = e["ts_epoch"]?.intValue, var span = spans[n] else { continue }
            span.endMillis = max(span.endMillis ?? at, at)
            if name == "attempt_ok" { span.ok = e["value"]?.stringValue == "True" }
            spans[n] = span
        }
        return spans.values.sorted { $0.attempt < $1.attempt }
    }

    // MARK: graph and lineage

    package func graphInfo() throws -> GraphInfo {
        let value = try artifact("_graph_info").data()
        guard let g = GraphInfo(value) else {
            throw MetaflowError.data("The _graph_info artifact of \(pathspec) has an unexpected shape")
        }
        return g
    }

    public var parentTaskPathspecs: [String] {
        get throws {
            let c = pathComponents
            let stepName = c[2]
            let md = try metadataDict()
            let graph = try graphInfo()
            let steps = graph.previousSteps(of: stepName)
            guard let node = graph.step(stepName) else { throw MetaflowError.keyError(stepName) }
            let current = md["foreach-execution-path"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            let pattern: String
            if steps.count > 1 {
                pattern = current ?? ".*"
            } else {
                guard let first = steps.first else { return [] }
                if let current {
                    let segments = current.split(separator: ",", omittingEmptySubsequences: false)
                    if node.type == "join" {
                        pattern = current + ",.*"
                    } else {
                        let parentType = graph.step(first)?.type ?? ""
                        let isSplit = parentType == "split-foreach" || parentType == "split-parallel"
                        if isSplit && segments.count == 1 {
                            pattern = ".*"
                        } else {
                            let depth = isSplit ? segments.count - 1 : segments.count
                            pattern = segments.prefix(depth).joined(separator: ",")
                        }
                    }
                } else {
                    pattern = ".*"
                }
            }
            return try tasks(of: steps, matching: pattern)
        }
    }

    public var childTaskPathspecs: [String] {
        get throws {
            let c = pathComponents
            let stepName = c[2]
            let md = try metadataDict()
            let graph = try graphInfo()
            guard let node = graph.step(stepName) else { throw MetaflowError.keyError(stepName) }
            let steps = node.next
            let current = md["foreach-execution-path"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            let pattern: String
            if steps.count > 1 {
                pattern = current ?? ".*"
            } else {
                guard let first = steps.first else { return [] }
                if let current {
                    let segments = current.split(separator: ",", omittingEmptySubsequences: false)
                    if node.type == "split-foreach" || node.type == "split-parallel" {
                        pattern = current + ",.*"
                    } else {
                        var childType = graph.step(first)?.type ?? ""
                        if graph.previousSteps(of: first).count > 1 { childType = "static-join" }
                        if childType == "join" && segments.count == 1 {
                            pattern = ".*"
                        } else {
                            let depth = childType == "join" ? segments.count - 1 : segments.count
                            pattern = segments.prefix(depth).joined(separator: ",")
                        }
                    }
                } else {
                    pattern = ".*"
                }
            }
            return try tasks(of: steps, matching: pattern)
        }
    }

    /// Pathspecs of the tasks of `steps` whose `foreach-execution-path` fully matches `pattern`.
    private func tasks(of steps: [String], matching pattern: String) throws -> [String] {
        let c = pathComponents
        var out: [String] = []
        for s in steps {
            out += try session.provider.filterTasks(flow: c[0], run: c[1], step: s, field: "foreach-execution-path", pattern: pattern)
        }
        return out
    }

    public var parentTasks: [Task] {
        get throws { try parentTaskPathspecs.map { try Task(pathspec: $0, session: session, namespaceCheck: false) } }
    }

    public var childTasks: [Task] {
        get throws { try childTaskPathspecs.map { try Task(pathspec: $0, session: session, namespaceCheck: false) } }
    }

    /// Task: the run's origin + `origin-task-id`; nil unless the task was cloned.
    public var originPathspec: String? {
        get throws {
            guard let step = try parent, let run = try step.parent as? Run,
                  let runOrigin = try run.originPathspec else { return nil }
            guard let originTask = try metadata().first(where: { $0.name == "origin-task-id" }) else { return nil }
            return "\(runOrigin)/\(step.id)/\(originTask.valueText)"
        }
    }

    public var code: MetaflowCode? {
        get throws {
            guard let pkg = try metadataDict()["code-package"]?.stringValue, !pkg.isEmpty else { return nil }
            return try MetaflowCode(flow: pathComponents[0], packageJSON: pkg, session: session)
        }
    }

    // MARK: logs

    public func logLines(_ stream: String) throws -> [LogLine] {
        try TaskLogs(task: self).lines(stream)
    }

    public func log(_ stream: String) throws -> String {
        try TaskLogs(task: self).text(stream)
    }

    public func logSize(_ stream: String) throws -> Int {
        try TaskLogs(task: self).size(stream)
    }
}

/// `__main__.ForeachFrame(step, var, num_splits, index, value)` as pickled (NEWOBJ on a tuple).
enum ForeachFrame {
    static func index(of frame: PickleValue) -> Int? {
        var fields: [PickleValue] = []
        switch frame {
        case .object(let o):
            if o.args.count == 1, case .tuple(let t) = o.args[0] { fields = t.items } else { fields = o.args }
        case .tuple(let t): fields = t.items
        default: return nil
        }
        guard fields.count >= 4, case .int(let i) = fields[3] else { return nil }
        return i
    }
}
