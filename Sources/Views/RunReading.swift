// What the pictures of a run need, read through the client: the graph, and for each step its
// tasks with their attempts' times and verdicts. Works on every backend the client reads.
import MetaflowClient

package struct TaskRecord: Equatable, Sendable {
    package let id: String
    package let attempts: [Task.AttemptSpan]
    /// The task's own registration time, for tasks with no attempt events.
    package let createdMillis: Int

    package init(id: String, attempts: [Task.AttemptSpan], createdMillis: Int) {
        self.id = id
        self.attempts = attempts
        self.createdMillis = createdMillis
    }

    var status: StepStatus {
        guard let last = attempts.last else { return .done }
        if last.ok == true { return .done }
        if last.ok == false { return .failed }
        return last.endMillis == nil ? .running : .done
    }

    /// The first attempt counts from the task's registration, which comes before its process
    /// starts (for small steps, most of the wall time a task takes).
    var startMillis: Int { min(createdMillis, attempts.first?.startMillis ?? createdMillis) }
    var endMillis: Int? { attempts.last?.endMillis }
}

package struct RunRecord: Sendable {
    package let pathspec: String
    package let graph: GraphInfo
    package let blocks: [GraphInfo.Block]
    /// Steps in the graph's order (depth first through the structure).
    package let stepOrder: [String]
    package let tasks: [String: [TaskRecord]]
    package let finished: Bool
    package let successful: Bool

    package init(pathspec: String, graph: GraphInfo, tasks: [String: [TaskRecord]], finished: Bool, successful: Bool) {
        self.pathspec = pathspec
        self.graph = graph
        blocks = DagLayout.blocks(of: graph)
        var order: [String] = []
        func walk(_ items: [GraphInfo.Block]) {
            for item in items {
                switch item {
                case .step(let name): order.append(name)
                case .split(let branches): branches.forEach(walk)
                }
            }
        }
        walk(blocks)
        stepOrder = order
        self.tasks = tasks
        self.finished = finished
        self.successful = successful
    }

    package var summaries: [String: StepSummary] {
        var out: [String: StepSummary] = [:]
        for name in stepOrder {
            let list = tasks[name] ?? []
            guard !list.isEmpty else {
                out[name] = StepSummary(status: .notReached, taskCount: 0, seconds: nil)
                continue
            }
            let statuses = list.map(\.status)
            let status: StepStatus = statuses.contains(.running) ? .running : statuses.contains(.failed) ? .failed : .done
            let start = list.map(\.startMillis).min() ?? 0
            let end = list.compactMap(\.endMillis).max()
            let seconds = end.map { max(0, Double($0) - Double(start)) / 1000 }
            out[name] = StepSummary(status: status, taskCount: list.count, seconds: status == .running ? nil : seconds)
        }
        return out
    }

    /// The run's state in a word, with its mark's tone.
    package var state: StepStatus {
        if successful { return .done }
        if finished { return .failed }
        let s = summaries.values
        if s.contains(where: { $0.status == .failed }) { return .failed }
        return .running
    }
}

package enum RunReading {
    package static func record(_ run: Run) throws -> RunRecord {
        var graph: GraphInfo?
        var tasks: [String: [TaskRecord]] = [:]
        for step in try run.steps() {
            var list: [TaskRecord] = []
            for task in try step.tasks() {
                // A task killed before it saved anything has no `_graph_info`; any other task has it.
                if graph == nil, try task.hasChild("_graph_info") { graph = try task.graphInfo() }
                list.append(TaskRecord(id: task.id, attempts: try task.attemptSpans(), createdMillis: task.createdAtMillis))
            }
            // Tasks in the order they began (ids are not always numbers).
            tasks[step.id] = list.sorted { ($0.startMillis, $0.id) < ($1.startMillis, $1.id) }
        }
        guard let graph else { throw MetaflowError.data("\(run.pathspec) has no task yet, so no graph to draw") }
        return RunRecord(pathspec: run.pathspec, graph: graph, tasks: tasks, finished: try run.finished, successful: try run.successful)
    }
}
