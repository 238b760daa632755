// Metaflow(), Flow and Run (client/core.py).

/// `Metaflow()`: the flows of the current provider that have a run in the namespace.
public final class MetaflowRoot {
    public let session: ClientSession
    public init(session: ClientSession) { self.session = session }

    /// Flows in provider (readdir) order, skipping those with no run in the namespace.
    public func flows() throws -> [Flow] {
        let ns = try session.getNamespace()
        var out: [Flow] = []
        let records = try session.provider.children(of: .root, [], anyTag: nil)
        // Each flow's runs are listed for the namespace test: all at once where the provider can.
        if ns != nil {
            session.provider.prefetchChildren(of: .flow, records.compactMap { $0["flow_id"]?.stringValue }.map { [$0] })
        }
        for rec in records {
            let f = Flow(record: rec, parent: nil, attempt: nil, session: session, namespace: ns, namespaceCheck: true)
            if f.namespaceCheck, let ns, !(try f.isInNamespace(ns)) { continue }
            out.append(f)
        }
        return out
    }

    public func flow(_ name: String) throws -> Flow { try Flow(pathspec: name, session: session) }
}

public final class Flow: MetaflowObject {
    override public class var className: String { "Flow" }
    override class var objectKind: ObjectKind { .flow }
    override class var pathspecShape: String { "FlowName" }
    override class var childClass: MetaflowObject.Type? { Run.self }

    public func runs(_ tags: [String] = []) throws -> [Run] {
        try children(withTags: tags).compactMap { $0 as? Run }
    }

    public var latestRun: Run? { get throws { try runs().first } }

    public var latestSuccessfulRun: Run? {
        get throws {
            for r in try runs() where try r.successful { return r }
            return nil
        }
    }

    public func run(_ id: String) throws -> Run {
        guard let r = try child(id) as? Run else { throw MetaflowError.keyError(id) }
        return r
    }
}

public final class Run: MetaflowObject {
    override public class var className: String { "Run" }
    override class var objectKind: ObjectKind { .run }
    override class var pathspecShape: String { "FlowName/RunID" }
    override class var childClass: MetaflowObject.Type? { Step.self }
    override class var parentClass: MetaflowObject.Type? { Flow.self }

    override func iterFilter(_ child: MetaflowObject) -> Bool { !child.id.hasPrefix("_") }

    // Kept only once found: a run in progress has no end step yet (nor, at its very start, a
    // `_parameters` task), and a Run held meanwhile must see them appear.
    private var cachedEndpoints: (String, String)?
    private var cachedEndTask: Task?

    public func steps(_ tags: [String] = []) throws -> [Step] {
        try children(withTags: tags).compactMap { $0 as? Step }
    }

    public func step(_ name: String) throws -> Step {
        guard let s = try child(name) as? Step else { throw MetaflowError.keyError(name) }
        return s
    }

    /// (start, end) step names from the `_parameters` task's graph metadata.
    var graphEndpoints: (String, String) {
        if let e = cachedEndpoints { return e }
        // Only the two graph_structure events are read, not the task's whole metadata. They are
        // written when the `_parameters` task is made, so once it exists the answer is final
        // (older runs without them get Metaflow's defaults).
        guard let task = try? newestTask(ofStep: "_parameters"),
              let latest = try? task.latestValues(of: ["start_step", "end_step"]) else { return ("start", "end") }
        let result = (latest["start_step"]?.stringValue ?? "start", latest["end_step"]?.stringValue ?? "end")
        cachedEndpoints = result
        return result
    }

    /// `self[name].task` from the step's task list alone: an absent step and a step without tasks
    /// both give nil, as Python's KeyError and `None` do where the client asks this (the end task,
    /// the `_parameters` task), so the step's own record is never needed.
    func newestTask(ofStep name: String) throws -> Task? {
        let records = try session.provider.children(of: .step, pathComponents + [name], anyTag: namespaceCheck ? namespace : nil)
        var newest: Task?
        for record in records {
            let task = Task(record: record, parentPathspec: pathspec + "/" + name, attempt: nil, session: session,
                            namespace: namespaceCheck ? namespace : nil, namespaceCheck: namespaceCheck)
            // Newest first, the earliest listed on ties: what `Step.task` takes.
            if newest.map({ task.createdAtMillis > $0.createdAtMillis }) ?? true { newest = task }
        }
        return newest
    }

    public var endTask: Task? {
        get throws {
            if let cached = cachedEndTask { return cached }
            if cachedEndpoints == nil {
                // Both task lists in one round trip, betting on the usual end step's name; a run
                // whose graph names another end step asks for that one below.
                let c = pathComponents
                session.provider.prefetchChildren(of: .step, [c + ["_parameters"], c + ["end"]])
            }
            let end = try newestTask(ofStep: graphEndpoints.1)
            cachedEndTask = end
            return end
        }
    }

    public var successful: Bool {
        get throws {
            let ok = try endTask?.successful ?? false
            if ok { session.provider.noteFinished(flow: pathComponents[0], run: id) }
            return ok
        }
    }
    public var finished: Bool {
        get throws {
            let done = try endTask?.finished ?? false
            if done { session.provider.noteFinished(flow: pathComponents[0], run: id) }
            return done
        }
    }
    public var finishedAtMillis: Int? { get throws { try endTask?.finishedAtMillis } }

    /// `run.origin_pathspec`: the flow + the `origin-run-id` of the newest step's task.
    public var originPathspec: String? {
        get throws {
            guard let latest = try steps().first, let task = try latest.task else { return nil }
            guard let origin = try task.metadata().first(where: { $0.name == "origin-run-id" }) else { return nil }
            return "\(pathComponents[0])/\(origin.valueText)"
        }
    }

    /// `replace_tags(remove, add)`: the primitive of every tag method; removals first.
    public func replaceTags(remove: [String], add: [String]) throws {
        let final = try session.provider.mutateUserTags(flow: pathComponents[0], run: id, remove: remove, add: add)
        mutatedUserTags = final
    }

    /// `run.code`: the first code package found, steps newest first.
    public var code: MetaflowCode? {
        get throws {
            // Where the run's events come in one read, a run none of whose tasks recorded a code
            // package (every local run) has none, without the walk over its steps' tasks; the
            // read also answers each task's metadata on the walk.
            let c = pathComponents
            if let events = try session.provider.runEvents(flow: c[0], run: id),
               !events.contains(where: { $0["field_name"]?.stringValue == "code-package" }) {
                return nil
            }
            for s in try steps() {
                if let t = try s.task, let c = try t.code { return c }
            }
            return nil
        }
    }
}
