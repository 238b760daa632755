import MetaflowClient
import Testing
@testable import Views

@Suite struct TimelineLayoutTests {
    typealias Span = Task.AttemptSpan

    func record(_ tasks: [String: [TaskRecord]], finished: Bool = true, successful: Bool = true) -> RunRecord {
        let blocks: [GraphInfo.Block] = [.step("start"), .split([[.step("train")]]), .step("end")]
        let graph = GraphInfo(steps: [
            .init(name: "start", type: "split-foreach", next: ["train"], matchingJoin: "end"),
            .init(name: "train", type: "linear", next: ["end"]),
            .init(name: "end", type: "join", next: []),
        ], structure: blocks)
        return RunRecord(pathspec: "F/1", graph: graph, tasks: tasks, finished: finished, successful: successful)
    }

    func task(_ id: String, _ spans: [Span]) -> TaskRecord {
        TaskRecord(id: id, attempts: spans, createdMillis: spans.first?.startMillis ?? 0)
    }

    @Test func retriesFailuresAndARunningTaskAreMarked() {
        let run = record([
            "start": [task("1", [Span(attempt: 0, startMillis: 0, endMillis: 1000, ok: true)])],
            "train": [task("2", [Span(attempt: 0, startMillis: 1000, endMillis: 3000, ok: false),
                                 Span(attempt: 1, startMillis: 3000, endMillis: 4000, ok: true)]),
                      task("3", [Span(attempt: 0, startMillis: 1000, endMillis: nil, ok: nil)])],
        ], finished: false, successful: false)
        #expect(run.state == .running)
        #expect(run.summaries["train"] == StepSummary(status: .running, taskCount: 2, seconds: nil))
        #expect(run.summaries["end"]?.status == .notReached)
        let out = TerminalRenderer(colour: false).render(TimelineLayout.picture(run, width: 60, nowMillis: 10_000))
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines[0] == "F/1 · 10s")
        #expect(lines.contains { $0.hasPrefix("train/2 ") && $0.contains("▒") && $0.contains("█") && $0.contains("3.0s ↻1") })
        #expect(lines.contains { $0.hasPrefix("train/3 ") && $0.contains("9.0s ● running") })
        #expect(lines.contains { $0.contains("0s") && $0.contains("10s") })
        #expect(lines.allSatisfy { $0.count <= 60 })
    }

    @Test func aStepWithManyTasksShowsASummaryAndItsLongestTasks() {
        let many = (0..<200).map { i in task("\(i + 2)", [Span(attempt: 0, startMillis: 1000, endMillis: 2000 + i, ok: true)]) }
        let run = record(["start": [task("1", [Span(attempt: 0, startMillis: 0, endMillis: 1000, ok: true)])], "train": many])
        let out = TerminalRenderer(colour: false).render(TimelineLayout.picture(run, width: 80))
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("train ×200 ") })
        // The three longest: tasks 201, 200 and 199 (the last to end), and no other train task.
        #expect(lines.filter { $0.hasPrefix("train/") }.map { String($0.prefix(9)) } == ["train/201", "train/200", "train/199"])
    }

    @Test func timesFromOutsideNeverTrap() {
        let run = record(["start": [task("1", [Span(attempt: 0, startMillis: Int.min, endMillis: Int.max, ok: true)])],
                          "train": [task("2", [Span(attempt: 0, startMillis: Int.max, endMillis: nil, ok: nil)])]])
        let out = TerminalRenderer(colour: false).render(TimelineLayout.picture(run, width: 80, nowMillis: 0))
        #expect(out.contains("start/1"))
        _ = SVGRenderer().render(TimelineLayout.picture(run, width: 80))
        _ = run.summaries
    }
}

@Suite struct TimelineLongestTests {
    @Test func onlyTasksThatStandOutAreMarkedLongest() {
        func run(_ lengths: [Int]) -> String {
            let tasks = lengths.enumerated().map { i, ms in
                TaskRecord(id: "\(i)", attempts: [Task.AttemptSpan(attempt: 0, startMillis: 0, endMillis: ms, ok: true)], createdMillis: 0)
            }
            let graph = GraphInfo(steps: [.init(name: "start", type: "start", next: [])], structure: [.step("start")])
            let record = RunRecord(pathspec: "F/1", graph: graph, tasks: ["start": tasks], finished: true, successful: true)
            return TerminalRenderer(colour: false).render(TimelineLayout.picture(record, width: 80))
        }
        let even = run([300, 310, 290, 305, 300])
        #expect(even.split(separator: "\n").filter { $0.hasSuffix("◀") }.isEmpty)
        let uneven = run([300, 310, 2000, 305, 300, 900])
        #expect(uneven.split(separator: "\n").filter { $0.hasSuffix("◀") }.map { String($0.prefix(7)) } == ["start/2", "start/5"])
    }
}
