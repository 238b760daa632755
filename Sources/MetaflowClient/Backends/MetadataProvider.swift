// The seam between the object model and where metadata lives. The local provider reads the
// `.metaflow` tree; a service provider (REST) implements the same protocol. Records are the JSON
// objects the provider hands back, shaped like Python's dicts (`ts_epoch`, `tags`, ...).

public enum ObjectKind: Int, Sendable, Comparable {
    case root = 0, flow, run, step, task, artifact

    public static func < (a: ObjectKind, b: ObjectKind) -> Bool { a.rawValue < b.rawValue }

    /// Python's `_NAME`.
    public var pythonName: String {
        switch self {
        case .root: return "root"
        case .flow: return "flow"
        case .run: return "run"
        case .step: return "step"
        case .task: return "task"
        case .artifact: return "artifact"
        }
    }

    public var child: ObjectKind? { ObjectKind(rawValue: rawValue + 1) }

    /// The field of an object's record that holds its id (an artifact registration's is `name`).
    var idField: String? {
        switch self {
        case .root: return nil
        case .flow: return "flow_id"
        case .run: return "run_number"
        case .step: return "step_name"
        case .task: return "task_id"
        case .artifact: return "name"
        }
    }
}

public protocol MetadataProvider: AnyObject {
    /// `local`, `service`.
    var typeName: String { get }
    /// What follows the `@` in `get_metadata()`.
    var info: String { get }

    /// The record of one object (`self`), with the run's current tags for steps and tasks.
    func object(_ kind: ObjectKind, _ path: [String], attempt: Int?) throws -> JSONValue?
    /// Records of the children of the object at `path` (of kind `kind`), filtered on `anyTag`
    /// when given, in provider order.
    func children(of kind: ObjectKind, _ path: [String], anyTag: String?) throws -> [JSONValue]
    /// Artifact registrations of a task for an attempt (nil = latest done attempt); `name`
    /// restricts to one artifact (see `namedArtifactIsLatestAttempts`).
    func artifacts(_ taskPath: [String], attempt: Int?, name: String?) throws -> [JSONValue]
    /// Metadata events of a task, all attempts, or one attempt.
    func metadata(_ taskPath: [String], attempt: Int?) throws -> [JSONValue]
    /// Only the events of the given fields (all attempts), for callers that need one or two.
    func metadata(_ taskPath: [String], fields: Set<String>) throws -> [JSONValue]
    /// Pathspecs of the tasks of a step whose metadata `field` fully matches `pattern`.
    func filterTasks(flow: String, run: String, step: String, field: String, pattern: String) throws -> [String]
    /// What `artifacts(task, attempt:, name: name)` would answer for each of many tasks, read in
    /// one batch; a provider that cannot batch returns [].
    func prefetchArtifacts(_ name: String, of tasks: [(path: [String], attempt: Int?)]) -> [Prefetched]
    /// Lists the children of many objects of `kind` ahead (in parallel where that helps), where
    /// `children(of:_:anyTag:)` finds them within the provider's trust window.
    func prefetchChildren(of kind: ObjectKind, _ paths: [[String]])
    /// About to read the record of a flow or step looked up by name: a provider where each read
    /// is a round trip may list its children alongside, as what is looked up by name is nearly
    /// always listed next (`Flow(name).latest_run`, `run[step].task`).
    func prefetchRecordAndChildren(_ kind: ObjectKind, _ path: [String])
    /// Reads the events of `fields` (nil: every event) of many tasks ahead, where `metadata` finds them.
    func prefetchEvents(_ fields: Set<String>?, of tasks: [[String]])
    /// Every metadata event of a run's tasks, where the provider has them in one read (the
    /// service's run-level list, whose rows then also answer `metadata(task)`); nil where it would
    /// be a walk over every task (local files), which the caller does better lazily.
    func runEvents(flow: String, run: String) throws -> [JSONValue]?
    /// How long what was read ahead may be used (local files are checked again sooner than a
    /// service's answers, which cost a round trip).
    var readAheadTrustNanos: UInt64 { get }
    /// Whether `artifacts(task, attempt: nil, name:)` answers from the same attempt as the full list
    /// (local: the latest done attempt), or from the highest attempt that has the name (the service).
    var namedArtifactIsLatestAttempts: Bool { get }
    /// Told that a run is finished (its end task is done), so what lies below it can no longer
    /// change: a provider may keep it.
    func noteFinished(flow: String, run: String)
    /// Whether the provider would keep a finished run's answers and does not know yet whether this
    /// run is finished (asked once per run and process): a scan over its tasks then asks.
    func wouldKeep(flow: String, run: String) -> Bool
    /// Applies removals then additions to a run's user tags; returns the final user tags.
    func mutateUserTags(flow: String, run: String, remove: [String], add: [String]) throws -> [String]
}

/// One task's answer from a batch read: its registration (with the run's tags, as `artifacts`
/// gives it), known to be absent, or not known (an error, left for the lazy path to report).
public enum Prefetched: Sendable {
    case found(JSONValue)
    case absent
    case unknown
}

extension MetadataProvider {
    public var metadataString: String { "\(typeName)@\(info)" }
}

/// Python's `re.fullmatch` for the only patterns the client builds for task lineage: a literal
/// `foreach-execution-path` prefix, optionally followed by `.*` (`"train:1,.*"`, `".*"`).
func lineagePatternMatches(_ pattern: String, _ value: String) -> Bool {
    if pattern.hasSuffix(".*") {
        let literal = pattern.dropLast(2)
        return value.hasPrefix(literal)
    }
    return value == pattern
}

extension MetadataProvider {
    public func metadata(_ taskPath: [String], fields: Set<String>) throws -> [JSONValue] {
        try metadata(taskPath, attempt: nil).filter { $0["field_name"]?.stringValue.map(fields.contains) ?? false }
    }
}
