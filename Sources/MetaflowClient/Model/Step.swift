// Step (client/core.py).

public final class Step: MetaflowObject {
    override public class var className: String { "Step" }
    override class var objectKind: ObjectKind { .step }
    override class var pathspecShape: String { "FlowName/RunID/StepName" }
    override class var childClass: MetaflowObject.Type? { Task.self }
    override class var parentClass: MetaflowObject.Type? { Run.self }

    public func tasks(_ tags: [String] = []) throws -> [Task] {
        try children(withTags: tags).compactMap { $0 as? Task }
    }

    /// The newest task (the only one outside a foreach).
    public var task: Task? { get throws { try tasks().first } }

    public func task(_ id: String) throws -> Task {
        guard let t = try child(id) as? Task else { throw MetaflowError.keyError(id) }
        return t
    }

    /// Tasks tagged or typed as control tasks (`@parallel` gangs).
    public func controlTasks(_ tags: [String] = []) throws -> [Task] {
        try tasks(tags).filter { t in
            if t.hasTag("control_task") { return true }
            return try t.metadata().contains { $0.name == "internal_task_type" && $0.valueText == "control_task" }
        }
    }

    /// Max of the tasks' finished_at; nil when any task has none.
    public var finishedAtMillis: Int? {
        get throws {
            var best: Int?
            for t in try tasks() {
                guard let f = try t.finishedAtMillis else { return nil }
                best = max(best ?? f, f)
            }
            return best
        }
    }

    private func graphInfo() throws -> GraphInfo? {
        guard let t = try task else { return nil }
        return try t.graphInfo()
    }

    public var parentSteps: [Step] {
        get throws {
            guard let g = try graphInfo() else { return [] }
            if id == g.startStep { return [] }
            let c = pathComponents
            return try g.steps.filter { $0.next.contains(id) }.map {
                try Step(pathspec: "\(c[0])/\(c[1])/\($0.name)", session: session, namespaceCheck: false)
            }
        }
    }

    public var childSteps: [Step] {
        get throws {
            guard let g = try graphInfo() else { return [] }
            if id == g.endStep { return [] }
            let c = pathComponents
            guard let me = g.steps.first(where: { $0.name == id }) else { throw MetaflowError.keyError(id) }
            return try me.next.map { try Step(pathspec: "\(c[0])/\(c[1])/\($0)", session: session, namespaceCheck: false) }
        }
    }
}
