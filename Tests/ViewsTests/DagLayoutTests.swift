import MetaflowClient
import Testing
@testable import Views

/// The DAG layout, rendered as plain terminal text (no colour) and compared whole.
@Suite struct DagLayoutTests {
    typealias B = GraphInfo.Block

    func text(_ blocks: [B], _ summaries: [String: StepSummary], many: Set<String> = [], width: Int = 200) -> String {
        TerminalRenderer(colour: false).render(DagLayout.picture(blocks, summaries: summaries, manyTaskSteps: many, maxWidth: width))
    }

    /// A graph as `_graph_info` would hold it: (name, type, next steps space-separated, matching join).
    func graphInfo(_ blocks: [B], _ nodes: [(String, String, String, String?)]) -> GraphInfo {
        GraphInfo(steps: nodes.map { .init(name: $0.0, type: $0.1, next: $0.2.split(separator: " ").map(String.init), matchingJoin: $0.3) },
                  structure: blocks)
    }

    func done(_ n: Int = 1, _ s: Double = 1) -> StepSummary { StepSummary(status: .done, taskCount: n, seconds: s) }

    @Test func linearStepsStackWithOneConnector() {
        let out = text([.step("start"), .step("train"), .step("end")],
                       ["start": done(1, 0.4), "train": StepSummary(status: .failed, taskCount: 1, seconds: 65), "end": StepSummary(status: .notReached, taskCount: 0, seconds: nil)])
        // Every step once, in order, joined by a line through the middle of the boxes.
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains("start") }.count == 1)
        #expect(lines[1].contains("✓ start") && lines[6].contains("✗ train") && lines[11].contains("○ end"))
        #expect(lines[12].contains("not reached"))
        #expect(lines[3].contains("┬") && lines[4].trimmingCharacters() == "│" && lines[5].contains("┴"))
    }

    @Test func diamondDrawsBranchesSideBySideBetweenFanOutAndFanIn() {
        let out = text([.step("start"), .split([[.step("left")], [.step("right")]]), .step("join"), .step("end")],
                       ["start": done(), "left": done(), "right": done(), "join": done(), "end": done()])
        #expect(out == """
                  ┌───────────────┐
                  │ ✓ start       │
                  │ 1 task · 1.0s │
                  └───────┬───────┘
                          │
                ┌─────────┴─────────┐
                │                   │
        ┌───────┴───────┐   ┌───────┴───────┐
        │ ✓ left        │   │ ✓ right       │
        │ 1 task · 1.0s │   │ 1 task · 1.0s │
        └───────┬───────┘   └───────┬───────┘
                │                   │
                └─────────┬─────────┘
                          │
                  ┌───────┴───────┐
                  │ ✓ join        │
                  │ 1 task · 1.0s │
                  └───────┬───────┘
                          │
                  ┌───────┴───────┐
                  │ ✓ end         │
                  │ 1 task · 1.0s │
                  └───────────────┘
        """)
    }

    @Test func foreachInsideABranchIsOneDoubleBoxAndTheShorterBranchIsExtended() {
        let blocks: [B] = [.step("start"), .split([[.step("fan"), .split([[.step("body")]]), .step("gather")], [.step("side")]]), .step("join"), .step("end")]
        let graph = graphInfo(blocks, [
            ("start", "split-static", "fan side", "join"), ("fan", "split-foreach", "body", "gather"),
            ("body", "linear", "gather", nil), ("gather", "join", "join", nil), ("side", "linear", "join", nil),
            ("join", "join", "end", nil), ("end", "end", "", nil),
        ])
        let many = DagLayout.manyTaskSteps(blocks, graph: graph)
        #expect(many == ["body"])
        // Without graph_structure, the same blocks come back from `next` and `matching_join`.
        let rebuilt = GraphInfo(steps: graph.steps, structure: nil)
        #expect(DagLayout.blocks(of: rebuilt) == blocks)
        let out = text(blocks, ["start": done(), "fan": done(), "body": done(200, 12), "gather": done(), "side": done(), "join": done(), "end": done()], many: many)
        #expect(out.contains("║ ×200 tasks · 12s ║"))
        #expect(out.components(separatedBy: "body").count == 2)  // one box, not 200
        #expect(out.contains("╔") && out.contains("╧") && out.contains("╤"))
        let lines = out.split(separator: "\n").map(String.init)
        // The side branch runs on down to the fan-in line, which joins both branches.
        let fanIn = lines.lastIndex { $0.contains("└") && $0.contains("┬") && $0.contains("┘") }
        #expect(fanIn != nil)
        if let fanIn { #expect(lines[fanIn - 1].filter { $0 == "│" }.count == 2) }
    }

    @Test func nestedForeachMarksEveryStepInsideTheOuterForeach() {
        let blocks: [B] = [.step("start"), .split([[.step("outer_step"), .split([[.step("inner_step")]]), .step("inner_join")]]), .step("outer_join"), .step("end")]
        let graph = graphInfo(blocks, [
            ("start", "split-foreach", "outer_step", "outer_join"), ("outer_step", "split-foreach", "inner_step", "inner_join"),
            ("inner_step", "linear", "inner_join", nil), ("inner_join", "join", "outer_join", nil),
            ("outer_join", "join", "end", nil), ("end", "end", "", nil),
        ])
        let many = DagLayout.manyTaskSteps(blocks, graph: graph)
        #expect(many == ["outer_step", "inner_step", "inner_join"])
        #expect(DagLayout.blocks(of: GraphInfo(steps: graph.steps, structure: nil)) == blocks)
        let out = text(blocks, ["start": done(), "outer_step": done(2), "inner_step": done(6), "inner_join": done(2), "outer_join": done(), "end": done()], many: many)
        #expect(out == """
         ┌───────────────┐
         │ ✓ start       │
         │ 1 task · 1.0s │
         └───────┬───────┘
                 │
        ╔════════╧════════╗
        ║ ✓ outer_step    ║
        ║ ×2 tasks · 1.0s ║
        ╚════════╤════════╝
                 │
        ╔════════╧════════╗
        ║ ✓ inner_step    ║
        ║ ×6 tasks · 1.0s ║
        ╚════════╤════════╝
                 │
        ╔════════╧════════╗
        ║ ✓ inner_join    ║
        ║ ×2 tasks · 1.0s ║
        ╚════════╤════════╝
                 │
         ┌───────┴───────┐
         │ ✓ outer_join  │
         │ 1 task · 1.0s │
         └───────┬───────┘
                 │
         ┌───────┴───────┐
         │ ✓ end         │
         │ 1 task · 1.0s │
         └───────────────┘
        """)
    }

    @Test func boxesShrinkToFitANarrowWidth() {
        let long = "a_step_with_a_remarkably_long_name_indeed"
        let out = text([.split([[.step(long)], [.step(long + "_2")], [.step(long + "_3")]])],
                       [long: done(), long + "_2": done(), long + "_3": done()], width: 80)
        #expect(out.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(out.contains("…"))
    }

    @Test func svgHasAStepElementPerStep() {
        let picture = DagLayout.picture([.step("start"), .split([[.step("a")], [.step("b")]]), .step("end")],
                                        summaries: [:], manyTaskSteps: [], maxWidth: 80)
        let svg = SVGRenderer().render(picture)
        for name in ["start", "a", "b", "end"] { #expect(svg.contains("class=\"step\" data-name=\"\(name)\"")) }
        #expect(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"))
    }
}

extension String {
    func trimmingCharacters() -> String { String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
}
