// A run's timeline as a Picture: a Gantt chart over wall time, a row per task (a step with many
// tasks shows a summary row and its longest tasks), each attempt a bar: failed attempts shaded,
// a running one open-ended; the longest tasks marked; a time axis with ticks.
import MetaflowClient

package enum TimelineLayout {
    /// Steps with more tasks than this show a summary row and their longest tasks only.
    static let tasksShownInFull = 12
    static let longestShown = 3

    private struct Row {
        let label: String
        let step: String
        /// Milliseconds since the epoch, as Doubles: times from outside are never subtracted as Ints.
        let spans: [(start: Double, end: Double, tone: Tone, fill: BlockFill)]
        let note: String
        let seconds: Double
        var longest = false
    }

    package static func picture(_ run: RunRecord, width: Int, nowMillis: Int? = nil) -> Picture {
        let allTasks = run.stepOrder.flatMap { run.tasks[$0] ?? [] }
        var picture = Picture()
        guard let first = allTasks.map(\.startMillis).min() else {
            picture.add(.text(x: 0, y: 0, "\(run.pathspec): no task has started", .dim))
            return picture
        }
        let ends = allTasks.flatMap { $0.attempts.compactMap(\.endMillis) } + allTasks.flatMap { $0.attempts.map(\.startMillis) }
        let t0 = Double(first)
        let known = Double(ends.max() ?? first)
        // A running attempt reaches to now when that is known, else to the last recorded event.
        let t1 = max(known, nowMillis.map(Double.init) ?? known, t0 + 1)
        var rows: [Row] = []
        for step in run.stepOrder {
            let tasks = run.tasks[step] ?? []
            var taskRows = tasks.map { row(step: step, $0, end: t1) }
            if tasks.count > tasksShownInFull {
                let spanStart = tasks.map(\.startMillis).min().map(Double.init) ?? t0
                let spanEnd = tasks.compactMap(\.endMillis).max().map(Double.init) ?? t1
                let failed = taskRows.filter { $0.note.contains("✗") || $0.note.contains("↻") }.count
                rows.append(Row(label: "\(step) ×\(tasks.count)", step: step,
                                spans: [(spanStart, spanEnd, .dim, .light)],
                                note: failed > 0 ? "\(failed) retried or failed" : "",
                                seconds: (spanEnd - spanStart) / 1000))
                taskRows = Array(taskRows.sorted { $0.seconds > $1.seconds }.prefix(longestShown))
            }
            rows += taskRows
        }
        // The longest tasks of the whole run, when there are enough to tell apart and they stand
        // out (half as long again as the middle task): among equals, a mark would only be noise.
        let taskRowIndexes = rows.indices.filter { !rows[$0].label.contains("×") }
        let byLength = taskRowIndexes.sorted { rows[$0].seconds > rows[$1].seconds }
        if byLength.count > longestShown {
            let median = rows[byLength[byLength.count / 2]].seconds
            for i in byLength.prefix(longestShown) where rows[i].seconds >= 1.5 * median && rows[i].seconds > 0 { rows[i].longest = true }
        }
        let top = 2
        picture.add(.text(x: 0, y: 0, "\(run.pathspec) · \(DagLayout.durationText((t1 - t0) / 1000))", .accent))
        let labelWidth = min(28, rows.map(\.label.count).max() ?? 4)
        let noteWidth = min(28, rows.map { noteText($0).count }.max() ?? 0)
        let axis = labelWidth + 1
        let areaWidth = max(10, width - axis - noteWidth - 3)
        let scale = Double(areaWidth) / (t1 - t0)
        for (i, r) in rows.enumerated() {
            let y = top + i
            picture.add(.text(x: 0, y: y, DagLayout.cut(r.label, labelWidth), r.label.contains("×") ? .accent : .plain))
            var last = 0.0
            for s in r.spans {
                let x = Double(axis + 1) + (s.start - t0) * scale
                let w = max(0.125, (s.end - s.start) * scale)
                picture.add(.block(x: x, y: Double(y), w: w, h: 1, grows: .right, fill: s.fill, tone: s.tone, id: r.label))
                last = max(last, x + w)
            }
            let note = noteText(r)
            picture.add(.text(x: Picture.cell(last.rounded(.up)) + 1, y: y, note, r.longest ? .accent : .dim))
        }
        let axisRow = top + rows.count
        picture.add(.vline(x: axis, y0: top, y1: axisRow))
        let seconds = Scale(covering: [0, (t1 - t0) / 1000], count: max(2, areaWidth / 12))
        picture.add(.hline(x0: axis, x1: axis + areaWidth, y: axisRow))
        var free = 0
        for t in seconds.ticks where t * 1000 <= (t1 - t0) + 0.5 {
            let column = axis + 1 + Picture.cell((t * 1000 * scale).rounded())
            picture.add(.text(x: column, y: axisRow, "┬", .plain))
            let label = t == 0 ? "0s" : DagLayout.durationText(t)
            let start = max(0, column - label.count / 2)
            if start >= free {
                picture.add(.text(x: start, y: axisRow + 1, label, .dim))
                free = start + label.count + 1
            }
        }
        let summarised = rows.contains { $0.label.contains("×") }
        let legend = "█ attempt  ▒ failed attempt  ↻N retries  ● running  ◀ longest" + (summarised ? "  ░ step span" : "")
        picture.add(.text(x: 0, y: axisRow + 3, DagLayout.cut(legend, max(10, width)), .dim))
        return picture
    }

    private static func noteText(_ r: Row) -> String {
        let base = DagLayout.durationText(r.seconds) + (r.note.isEmpty ? "" : " " + r.note)
        return r.longest ? base + " ◀" : base
    }

    private static func row(step: String, _ t: TaskRecord, end: Double) -> Row {
        var spans: [(Double, Double, Tone, BlockFill)] = []
        for (i, a) in t.attempts.enumerated() {
            let stop = a.endMillis.map(Double.init) ?? end
            let begin = Double(i == 0 ? t.startMillis : a.startMillis)
            let tone: Tone = a.ok == false ? .bad : a.endMillis == nil ? .running : .good
            spans.append((begin, max(stop, begin), tone, a.ok == false ? .shaded : .solid))
        }
        if spans.isEmpty { spans.append((Double(t.createdMillis), Double(t.createdMillis), .good, .solid)) }
        let failed = t.attempts.filter { $0.ok == false }.count
        var note = ""
        if t.attempts.count > 1 { note += "↻\(t.attempts.count - 1)" }
        if t.status == .failed { note += (note.isEmpty ? "" : " ") + "✗ failed" }
        else if failed > 0 && t.attempts.count == 1 { note += "✗" }
        if t.status == .running { note += (note.isEmpty ? "" : " ") + "● running" }
        let first = spans.map(\.0).min() ?? 0, last = spans.map(\.1).max() ?? first
        return Row(label: "\(step)/\(t.id)", step: step, spans: spans, note: note, seconds: (last - first) / 1000)
    }
}
