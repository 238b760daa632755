// Charts of numbers as Pictures: line plots and scatter (braille dots), horizontal bars,
// histograms (eighth-block columns) and sparklines, with ticked axes and labels.

package struct ChartOptions: Sendable {
    package var title: String?
    package var width: Int
    package var height: Int

    package init(title: String? = nil, width: Int = 80, height: Int = 15) {
        self.title = title
        self.width = width
        self.height = height
    }
}

package enum ChartLayout {
    /// A line plot (`joined`) or scatter of y against x; NaN values leave gaps.
    package static func plot(x: [Double], y: [Double], joined: Bool, _ o: ChartOptions) -> Picture {
        let count = min(x.count, y.count)
        let xs = Array(x.prefix(count)), ys = Array(y.prefix(count))
        var picture = Picture()
        let top = titled(&picture, o)
        let rows = max(2, o.height)
        let yScale = Scale(covering: ys, count: max(3, rows / 3 + 1))
        let shownX = zip(xs, ys).filter { $0.1.isFinite }.map(\.0)
        // Few points get a tick each at most (three runs: 0, 1, 2, not 0, 0.5, ... 2).
        let xScale = Scale(covering: shownX, count: max(2, min(6, shownX.count)))
        let labelWidth = yScale.ticks.map { yScale.label($0).count }.max() ?? 1
        let axis = labelWidth + 1
        let areaWidth = max(4, o.width - axis - 3)
        var segments: [[(Double, Double)]] = [[]]
        for (vx, vy) in zip(xs, ys) {
            if vx.isFinite && vy.isFinite {
                segments[segments.count - 1].append((xScale.fraction(vx), yScale.fraction(vy)))
            } else if !(segments.last?.isEmpty ?? true) {
                segments.append([])
            }
        }
        axes(&picture, top: top, axis: axis, rows: rows, areaWidth: areaWidth, x: xScale, y: yScale)
        picture.add(.points(x: axis + 1, y: top, w: areaWidth, h: rows, segments: segments.filter { !$0.isEmpty },
                            joined: joined, tone: .series(0), id: joined ? "line" : "scatter"))
        return picture
    }

    /// Horizontal bars, one row per label, each with its value at the end; bars start at zero.
    package static func bars(labels: [String], values: [Double], _ o: ChartOptions) -> Picture {
        var picture = Picture()
        let top = titled(&picture, o)
        let labelWidth = min(24, labels.map(\.count).max() ?? 0)
        let valueTexts = values.map { Scale.short($0) }
        let valueWidth = valueTexts.map(\.count).max() ?? 1
        let scale = Scale(covering: values + [0], count: 5)
        let axis = labelWidth + 1
        let areaWidth = max(4, o.width - axis - valueWidth - 3)
        func column(_ v: Double) -> Double { Double(axis + 1) + scale.fraction(v) * Double(areaWidth) }
        let zero = column(0)
        for (i, label) in labels.enumerated() where i < values.count {
            let row = top + i
            picture.add(.text(x: max(0, labelWidth - min(label.count, labelWidth)), y: row, DagLayout.cut(label, labelWidth), .plain))
            let v = values[i]
            guard v.isFinite else {
                picture.add(.text(x: axis + 1, y: row, "nan", .dim))
                continue
            }
            let end = column(v)
            // A bar left of zero ends flush at zero: whole cells, since eighths grow rightwards only.
            let (from, length) = v >= 0 ? (zero, end - zero) : (end.rounded(), zero.rounded() - end.rounded())
            if length > 0 {
                picture.add(.block(x: from, y: Double(row), w: length, h: 1, grows: .right, fill: .solid, tone: .series(0), id: label))
            }
            picture.add(.text(x: Picture.cell(max(end, zero).rounded(.up)) + 1, y: row, valueTexts[i], .dim))
        }
        let bottom = top + labels.count
        picture.add(.vline(x: axis, y0: top, y1: bottom))
        xAxis(&picture, row: bottom, axis: axis, areaWidth: areaWidth, scale: scale)
        return picture
    }

    /// A histogram of `values` in `bins` equal bins between their least and greatest finite value.
    package static func histogram(_ values: [Double], bins: Int, _ o: ChartOptions) -> Picture {
        let finite = values.filter { $0.isFinite }
        var lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if lo == hi { lo -= 0.5; hi += 0.5 }
        let binCount = max(1, bins)
        var counts = Array(repeating: 0.0, count: binCount)
        for v in finite {
            let i = min(binCount - 1, max(0, Picture.cell(Scale.fraction(v, lo, hi) * Double(binCount))))
            counts[i] += 1
        }
        var picture = Picture()
        let top = titled(&picture, o)
        let rows = max(2, o.height)
        let yScale = Scale(covering: counts + [0], count: max(3, rows / 3 + 1))
        let labelWidth = yScale.ticks.map { yScale.label($0).count }.max() ?? 1
        let axis = labelWidth + 1
        let columnWidth = max(1, (o.width - axis - 4) / binCount)
        let areaWidth = columnWidth * binCount
        for (i, c) in counts.enumerated() where c > 0 {
            let h = yScale.fraction(c) * Double(rows)
            picture.add(.block(x: Double(axis + 1 + i * columnWidth), y: Double(top + rows) - h, w: Double(max(1, columnWidth - 1)),
                               h: h, grows: .up, fill: .solid, tone: .series(0), id: "bin \(i)"))
        }
        yAxis(&picture, top: top, axis: axis, rows: rows, scale: yScale)
        picture.add(.hline(x0: axis, x1: axis + areaWidth + 1, y: top + rows))
        var labels: [(Int, String)] = []
        for k in [0, binCount / 2, binCount] where labels.last?.0 != k {
            let f = Double(k) / Double(binCount)
            let edge = lo * (1 - f) + hi * f  // not lo + (hi - lo) * f, which overflows for wide ranges
            labels.append((k, Scale.short(edge)))
        }
        tickLabels(&picture, row: top + rows, labels.map { (axis + 1 + $0.0 * columnWidth, $0.1) })
        return picture
    }

    /// One line of eighth blocks, one per value (values averaged into the width when there are
    /// more); NaN is a blank.
    package static func sparkline(_ values: [Double], width: Int) -> Picture {
        let columns = max(1, width)
        var shown = values
        if values.count > columns {
            shown = (0..<columns).map { c in
                let slice = values[(c * values.count / columns)..<((c + 1) * values.count / columns)].filter { $0.isFinite }
                return slice.isEmpty ? .nan : slice.reduce(0, +) / Double(slice.count)
            }
        }
        let finite = shown.filter { $0.isFinite }
        let lo = finite.min() ?? 0, hi = finite.max() ?? 0
        var picture = Picture(width: shown.count, height: 1)
        for (i, v) in shown.enumerated() where v.isFinite {
            let f = hi > lo ? Scale.fraction(v, lo, hi) : 0.5
            let h = (1 + (f * 7).rounded()) / 8  // the least value still shows: ▁
            picture.add(.block(x: Double(i), y: 1 - h, w: 1, h: h, grows: .up, fill: .solid, tone: .series(0), id: nil))
        }
        return picture
    }

    /// The title on the first row (centred), if any; the first row below it.
    static func titled(_ picture: inout Picture, _ o: ChartOptions) -> Int {
        guard let title = o.title, !title.isEmpty else { return 0 }
        let shown = DagLayout.cut(title, max(1, o.width))
        picture.add(.text(x: max(0, (o.width - shown.count) / 2), y: 0, shown, .accent))
        return 1
    }

    private static func axes(_ picture: inout Picture, top: Int, axis: Int, rows: Int, areaWidth: Int, x: Scale, y: Scale) {
        yAxis(&picture, top: top, axis: axis, rows: rows, scale: y)
        xAxis(&picture, row: top + rows, axis: axis, areaWidth: areaWidth, scale: x)
    }

    private static func yAxis(_ picture: inout Picture, top: Int, axis: Int, rows: Int, scale: Scale) {
        picture.add(.vline(x: axis, y0: top, y1: top + rows))
        var used = Set<Int>()
        for t in scale.ticks {
            let row = top + Picture.cell(((1 - scale.fraction(t)) * Double(rows - 1)).rounded())
            guard used.insert(row).inserted else { continue }
            let label = scale.label(t)
            picture.add(.text(x: axis - 1 - label.count, y: row, label, .dim))
            picture.add(.text(x: axis, y: row, "┤", .plain))
        }
    }

    private static func xAxis(_ picture: inout Picture, row: Int, axis: Int, areaWidth: Int, scale: Scale) {
        picture.add(.hline(x0: axis, x1: axis + areaWidth, y: row))
        tickLabels(&picture, row: row, scale.ticks.map { t in
            (axis + 1 + Picture.cell((scale.fraction(t) * Double(areaWidth - 1)).rounded()), scale.label(t))
        })
    }

    /// Tick marks on the axis row and their labels centred below, skipping any that would touch
    /// the previous one.
    private static func tickLabels(_ picture: inout Picture, row: Int, _ ticks: [(Int, String)]) {
        var free = 0
        for (column, label) in ticks {
            picture.add(.text(x: column, y: row, "┬", .plain))
            let start = max(0, column - label.count / 2)
            guard start >= free else { continue }
            picture.add(.text(x: start, y: row + 1, label, .dim))
            free = start + label.count + 1
        }
    }
}
