// A picture as the views lay it out: boxes, lines, text, filled blocks and point series on a grid
// of character cells. Layout code makes Pictures; a renderer turns one into terminal text or an
// SVG document. Nothing here knows about runs, charts or the terminal.

/// What a mark stands for; each renderer picks its own colour (or none) for it.
package enum Tone: Equatable, Sendable {
    case plain, dim, accent, good, bad, running
    /// The n-th data series of a chart.
    case series(Int)
}

/// How a box or line is drawn: light (one line), or double (a step that runs as many tasks).
package enum LineWeight: Equatable, Sendable { case light, double }

/// How a block is filled: solid, shaded (a failed attempt) or light (the span of a step's many
/// tasks), so that they read apart without colour.
package enum BlockFill: Equatable, Sendable { case solid, shaded, light }

/// The edge a block grows from, which decides where a terminal draws its fractional eighth.
package enum Growth: Equatable, Sendable { case right, up }

package struct Picture: Sendable {
    package enum Element: Sendable {
        /// A frame of `w` × `h` cells; `id` names what it stands for (a step) in the SVG.
        case box(x: Int, y: Int, w: Int, h: Int, weight: LineWeight, tone: Tone, id: String?)
        case hline(x0: Int, x1: Int, y: Int)
        case vline(x: Int, y0: Int, y1: Int)
        case text(x: Int, y: Int, String, Tone)
        /// A filled area with fractional extent (bars, histogram columns, Gantt bars, sparklines).
        case block(x: Double, y: Double, w: Double, h: Double, grows: Growth, fill: BlockFill, tone: Tone, id: String?)
        /// Points in an area of cells, as fractions of it (0...1, y upwards); `joined` draws a line
        /// through consecutive points of each segment (a gap in the data starts a new segment).
        case points(x: Int, y: Int, w: Int, h: Int, segments: [[(Double, Double)]], joined: Bool, tone: Tone, id: String?)
    }

    package private(set) var width: Int
    package private(set) var height: Int
    package private(set) var elements: [Element] = []

    package init(width: Int = 0, height: Int = 0) {
        self.width = max(0, width)
        self.height = max(0, height)
    }

    package mutating func add(_ e: Element) {
        elements.append(e)
        let (right, bottom) = Self.extent(e)
        width = max(width, right)
        height = max(height, bottom)
    }

    /// Places every element of `other` with its top-left corner at (`dx`, `dy`).
    package mutating func add(_ other: Picture, dx: Int, dy: Int) {
        for e in other.elements { add(Self.moved(e, dx: dx, dy: dy)) }
        width = max(width, dx + other.width)
        height = max(height, dy + other.height)
    }

    /// A cell coordinate from a computed one: NaN as 0, and never past what a picture can hold
    /// (values from outside can be anything; a conversion must not trap).
    package static func cell(_ v: Double) -> Int {
        guard v.isFinite else { return v.isNaN ? 0 : (v < 0 ? -maxCells : maxCells) }
        return Int(min(Double(maxCells), max(Double(-maxCells), v)))
    }
    package static let maxCells = 100_000

    /// The column and row just past the element.
    private static func extent(_ e: Element) -> (Int, Int) {
        switch e {
        case .box(let x, let y, let w, let h, _, _, _): return (x + w, y + h)
        case .hline(let x0, let x1, let y): return (max(x0, x1) + 1, y + 1)
        case .vline(let x, let y0, let y1): return (x + 1, max(y0, y1) + 1)
        case .text(let x, let y, let s, _): return (x + s.count, y + 1)
        case .block(let x, let y, let w, let h, _, _, _, _): return (cell((x + w).rounded(.up)), cell((y + h).rounded(.up)))
        case .points(let x, let y, let w, let h, _, _, _, _): return (x + w, y + h)
        }
    }

    private static func moved(_ e: Element, dx: Int, dy: Int) -> Element {
        switch e {
        case .box(let x, let y, let w, let h, let weight, let tone, let id):
            return .box(x: x + dx, y: y + dy, w: w, h: h, weight: weight, tone: tone, id: id)
        case .hline(let x0, let x1, let y): return .hline(x0: x0 + dx, x1: x1 + dx, y: y + dy)
        case .vline(let x, let y0, let y1): return .vline(x: x + dx, y0: y0 + dy, y1: y1 + dy)
        case .text(let x, let y, let s, let tone): return .text(x: x + dx, y: y + dy, s, tone)
        case .block(let x, let y, let w, let h, let grows, let fill, let tone, let id):
            return .block(x: x + Double(dx), y: y + Double(dy), w: w, h: h, grows: grows, fill: fill, tone: tone, id: id)
        case .points(let x, let y, let w, let h, let segments, let joined, let tone, let id):
            return .points(x: x + dx, y: y + dy, w: w, h: h, segments: segments, joined: joined, tone: tone, id: id)
        }
    }
}

/// The one seam between a picture and its output: terminal text or an SVG document.
package protocol PictureRenderer {
    func render(_ picture: Picture) -> String
}
