// The layout of a run's graph as a Picture: one box per step, top to bottom, the branches of a
// split side by side between a fan-out and a fan-in line. A foreach body is one box per step
// (drawn with a double frame and "×N tasks"), however many tasks ran.
import MetaflowClient

package enum StepStatus: Equatable, Sendable {
    case done, failed, running, notReached

    var mark: String {
        switch self {
        case .done: return "✓"
        case .failed: return "✗"
        case .running: return "●"
        case .notReached: return "○"
        }
    }

    var word: String {
        switch self {
        case .done: return "done"
        case .failed: return "failed"
        case .running: return "running"
        case .notReached: return "not reached"
        }
    }

    var tone: Tone {
        switch self {
        case .done: return .good
        case .failed: return .bad
        case .running: return .running
        case .notReached: return .dim
        }
    }
}

/// What the picture shows of one step.
package struct StepSummary: Equatable, Sendable {
    package var status: StepStatus
    package var taskCount: Int
    package var seconds: Double?

    package init(status: StepStatus, taskCount: Int, seconds: Double?) {
        self.status = status
        self.taskCount = taskCount
        self.seconds = seconds
    }
}

package enum DagLayout {
    /// The picture of `blocks` (a graph's structure); `manyTaskSteps` are the steps inside a
    /// foreach. Boxes shrink (names cut with "…") until the picture fits `maxWidth` if it can.
    package static func picture(_ blocks: [GraphInfo.Block], summaries: [String: StepSummary],
                                manyTaskSteps: Set<String>, maxWidth: Int) -> Picture {
        var cap = 40
        while true {
            let laid = sequence(blocks, Context(summaries: summaries, many: manyTaskSteps, innerCap: cap))
            if laid.picture.width <= maxWidth || cap <= 12 { return laid.picture }
            cap -= 2
        }
    }

    /// The steps inside a foreach: every step between a split-foreach and its matching join.
    package static func manyTaskSteps(_ blocks: [GraphInfo.Block], graph: GraphInfo) -> Set<String> {
        var out = Set<String>()
        func walk(_ items: [GraphInfo.Block], inForeach: Bool) {
            var previousWasForeach = false
            for item in items {
                switch item {
                case .step(let name):
                    if inForeach { out.insert(name) }
                    previousWasForeach = graph.step(name)?.type == "split-foreach"
                case .split(let branches):
                    for b in branches { walk(b, inForeach: inForeach || previousWasForeach) }
                    previousWasForeach = false
                }
            }
        }
        walk(blocks, inForeach: false)
        return out
    }

    /// The graph's structure as Metaflow records it, or (for graphs without `graph_structure`)
    /// rebuilt from each step's `next` and `matching_join`.
    package static func blocks(of graph: GraphInfo) -> [GraphInfo.Block] {
        if let s = graph.structure, !s.isEmpty { return s }
        var seen = Set<String>()
        func walk(from start: String, until stop: String?) -> [GraphInfo.Block] {
            var out: [GraphInfo.Block] = []
            var current: String? = start
            while let name = current, name != stop, !seen.contains(name), let node = graph.step(name) {
                seen.insert(name)
                out.append(.step(name))
                if node.next.count > 1 || node.type == "split-foreach" || node.type == "split-static", let join = node.matchingJoin {
                    out.append(.split(node.next.map { walk(from: $0, until: join) }))
                    current = join
                } else {
                    current = node.next.first
                }
            }
            return out
        }
        return walk(from: graph.startStep, until: nil)
    }

    static func durationText(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < 1e15 else { return "?" }
        if seconds < 10 { return "\(Double(Int((seconds * 10).rounded())) / 10)s" }
        if seconds < 60 { return "\(Int(seconds.rounded()))s" }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return "\(whole / 60)m \(pad2(whole % 60))s" }
        return "\(whole / 3600)h \(pad2(whole % 3600 / 60))m"
    }

    private static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private struct Context {
        let summaries: [String: StepSummary]
        let many: Set<String>
        let innerCap: Int
    }

    /// A laid-out block: its picture and the column its incoming and outgoing edges use.
    private struct Laid {
        var picture: Picture
        var axis: Int
    }

    private static func sequence(_ items: [GraphInfo.Block], _ c: Context) -> Laid {
        let parts = items.map { item -> Laid in
            switch item {
            case .step(let name): return box(name, c)
            case .split(let branches): return split(branches, c)
            }
        }
        let axis = parts.map(\.axis).max() ?? 0
        var picture = Picture()
        var y = 0
        for (i, part) in parts.enumerated() {
            if i > 0 {
                // From the previous part's bottom row, through one gap row, into this part's top row.
                picture.add(.vline(x: axis, y0: y - 1, y1: y + 1))
                y += 1
            }
            picture.add(part.picture, dx: axis - part.axis, dy: y)
            y += part.picture.height
        }
        return Laid(picture: picture, axis: axis)
    }

    private static func split(_ branches: [[GraphInfo.Block]], _ c: Context) -> Laid {
        let laid = branches.map { sequence($0, c) }
        guard laid.count > 1 else { return laid.first ?? Laid(picture: Picture(), axis: 0) }
        let gap = 3
        var picture = Picture()
        var x = 0
        var axes: [Int] = []
        let tallest = laid.map(\.picture.height).max() ?? 0
        let joinRow = tallest + 3
        for b in laid {
            picture.add(b.picture, dx: x, dy: 2)
            let a = x + b.axis
            axes.append(a)
            picture.add(.vline(x: a, y0: 0, y1: 2))
            picture.add(.vline(x: a, y0: 2 + b.picture.height - 1, y1: joinRow))
            x += b.picture.width + gap
        }
        let first = axes.first ?? 0, last = axes.last ?? 0
        picture.add(.hline(x0: first, x1: last, y: 0))
        picture.add(.hline(x0: first, x1: last, y: joinRow))
        return Laid(picture: picture, axis: (first + last) / 2)
    }

    private static func box(_ name: String, _ c: Context) -> Laid {
        let summary = c.summaries[name] ?? StepSummary(status: .notReached, taskCount: 0, seconds: nil)
        let many = c.many.contains(name)
        var detail: String
        switch summary.taskCount {
        case 0: detail = summary.status == .notReached ? "not reached" : "no tasks"
        case 1 where !many: detail = "1 task"
        default: detail = many ? "×\(summary.taskCount) tasks" : "\(summary.taskCount) tasks"
        }
        if let s = summary.seconds { detail += " · " + durationText(s) }
        if summary.status == .running || summary.status == .failed { detail += " · " + summary.status.word }
        let title = summary.status.mark + " " + name
        let inner = min(c.innerCap, max(title.count, detail.count))
        var picture = Picture()
        let width = inner + 4
        picture.add(.box(x: 0, y: 0, w: width, h: 4, weight: many ? .double : .light, tone: summary.status.tone, id: name))
        picture.add(.text(x: 2, y: 1, String(summary.status.mark), summary.status.tone))
        picture.add(.text(x: 4, y: 1, cut(name, inner - 2), .accent))
        picture.add(.text(x: 2, y: 2, cut(detail, inner), .dim))
        return Laid(picture: picture, axis: width / 2)
    }

    static func cut(_ s: String, _ width: Int) -> String {
        guard s.count > width else { return s }
        guard width > 1 else { return String(s.prefix(max(0, width))) }
        return String(s.prefix(width - 1)) + "…"
    }
}
