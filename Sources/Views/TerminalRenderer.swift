// A Picture as terminal text: box-drawing characters (junctions merged where lines meet),
// eighth blocks for bars, braille dots for point series, ANSI colour only when asked for.

package struct TerminalRenderer: PictureRenderer {
    /// Colour (ANSI SGR codes) on; off gives plain Unicode text that reads the same in a file.
    package let colour: Bool

    package init(colour: Bool) { self.colour = colour }

    private struct Cell {
        var character: Character = " "
        var tone: Tone = .plain
        /// Lines leaving the cell: up 1, down 2, left 4, right 8.
        var links: UInt8 = 0
        var double = false
        var braille: UInt8 = 0
    }

    private static let up: UInt8 = 1, down: UInt8 = 2, left: UInt8 = 4, right: UInt8 = 8

    package func render(_ picture: Picture) -> String {
        var grid = Grid(width: picture.width, height: picture.height)
        // Lines first, then fills and dots, text last so that labels stay readable.
        for e in picture.elements {
            switch e {
            case .box(let x, let y, let w, let h, let weight, let tone, _): grid.box(x: x, y: y, w: w, h: h, double: weight == .double, tone: tone)
            case .hline(let x0, let x1, let y): grid.hline(min(x0, x1), max(x0, x1), y)
            case .vline(let x, let y0, let y1): grid.vline(x, min(y0, y1), max(y0, y1))
            default: break
            }
        }
        for e in picture.elements {
            switch e {
            case .block(let x, let y, let w, let h, let grows, let fill, let tone, _): grid.block(x: x, y: y, w: w, h: h, grows: grows, fill: fill, tone: tone)
            case .points(let x, let y, let w, let h, let segments, let joined, let tone, _):
                grid.points(x: x, y: y, w: w, h: h, segments: segments, joined: joined, tone: tone)
            default: break
            }
        }
        for case .text(let x, let y, let s, let tone) in picture.elements { grid.text(x: x, y: y, s, tone: tone) }
        return grid.lines(colour: colour).joined(separator: "\n")
    }

    private struct Grid {
        let width: Int, height: Int
        var cells: [Cell]

        init(width: Int, height: Int) {
            self.width = width
            self.height = height
            cells = Array(repeating: Cell(), count: width * height)
        }

        private func index(_ x: Int, _ y: Int) -> Int? {
            guard x >= 0, y >= 0, x < width, y < height else { return nil }
            return y * width + x
        }

        mutating func link(_ x: Int, _ y: Int, _ bits: UInt8, double: Bool = false, tone: Tone? = nil) {
            guard let i = index(x, y) else { return }
            cells[i].links |= bits
            if double { cells[i].double = true }
            if let tone { cells[i].tone = tone }
        }

        mutating func hline(_ x0: Int, _ x1: Int, _ y: Int) {
            guard x1 > x0 else { return }
            for x in x0...x1 { link(x, y, (x > x0 ? left : 0) | (x < x1 ? right : 0)) }
        }

        mutating func vline(_ x: Int, _ y0: Int, _ y1: Int) {
            guard y1 > y0 else { return }
            for y in y0...y1 { link(x, y, (y > y0 ? up : 0) | (y < y1 ? down : 0)) }
        }

        mutating func box(x: Int, y: Int, w: Int, h: Int, double: Bool, tone: Tone) {
            guard w >= 2, h >= 2 else { return }
            let x1 = x + w - 1, y1 = y + h - 1
            for cx in x...x1 {
                link(cx, y, (cx > x ? left : 0) | (cx < x1 ? right : 0), double: double, tone: tone)
                link(cx, y1, (cx > x ? left : 0) | (cx < x1 ? right : 0), double: double, tone: tone)
            }
            for cy in y...y1 {
                link(x, cy, (cy > y ? up : 0) | (cy < y1 ? down : 0), double: double, tone: tone)
                link(x1, cy, (cy > y ? up : 0) | (cy < y1 ? down : 0), double: double, tone: tone)
            }
        }

        mutating func block(x: Double, y: Double, w: Double, h: Double, grows: Growth, fill: BlockFill, tone: Tone) {
            guard w.isFinite, h.isFinite, x.isFinite, y.isFinite, w > 0, h > 0 else { return }
            // Nothing past the grid is drawn; clamping first keeps the conversions below in range.
            let x = min(max(x, -1), Double(width)), y = min(max(y, -1), Double(height))
            let w = min(w, Double(width) + 2), h = min(h, Double(height) + 2)
            let horizontal = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]
            let vertical = ["", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
            let solid: Character = fill == .shaded ? "▒" : fill == .light ? "░" : "█"
            switch grows {
            case .right:
                let start = Int(x.rounded()), rowStart = Int(y.rounded()), rows = max(1, Int(h.rounded()))
                let eighths = max(1, Int(((x + w - Double(start)) * 8).rounded()))
                for row in rowStart..<(rowStart + rows) {
                    for c in 0..<((eighths + 7) / 8) {
                        guard let i = index(start + c, row) else { continue }
                        let part = min(8, eighths - c * 8)
                        cells[i].character = part == 8 || fill != .solid ? solid : Character(horizontal[part])
                        cells[i].tone = tone
                    }
                }
            case .up:
                // y is the top edge; the block stands on y + h.
                let bottom = y + h, column = Int(x.rounded()), columns = max(1, Int(w.rounded()))
                let baseRow = Int(bottom.rounded()) - 1
                let eighths = max(1, Int((h * 8).rounded()))
                for col in column..<(column + columns) {
                    for r in 0..<((eighths + 7) / 8) {
                        guard let i = index(col, baseRow - r) else { continue }
                        let part = min(8, eighths - r * 8)
                        cells[i].character = part == 8 || fill != .solid ? solid : Character(vertical[part])
                        cells[i].tone = tone
                    }
                }
            }
        }

        mutating func points(x: Int, y: Int, w: Int, h: Int, segments: [[(Double, Double)]], joined: Bool, tone: Tone) {
            guard w > 0, h > 0 else { return }
            let dotsWide = 2 * w, dotsHigh = 4 * h
            func dot(_ p: (Double, Double)) -> (Int, Int)? {
                guard p.0.isFinite, p.1.isFinite else { return nil }
                let fx = min(1, max(0, p.0)), fy = min(1, max(0, p.1))
                return (Int((fx * Double(dotsWide - 1)).rounded()), Int(((1 - fy) * Double(dotsHigh - 1)).rounded()))
            }
            for segment in segments {
                var previous: (Int, Int)?
                for p in segment {
                    guard let d = dot(p) else { previous = nil; continue }
                    if joined, let a = previous { line(a, d, x: x, y: y, tone: tone) } else { set(d, x: x, y: y, tone: tone) }
                    previous = d
                }
            }
        }

        private mutating func line(_ a: (Int, Int), _ b: (Int, Int), x: Int, y: Int, tone: Tone) {
            // Bresenham over the dots.
            var (x0, y0) = a
            let dx = abs(b.0 - x0), dy = -abs(b.1 - y0)
            let sx = x0 < b.0 ? 1 : -1, sy = y0 < b.1 ? 1 : -1
            var err = dx + dy
            while true {
                set((x0, y0), x: x, y: y, tone: tone)
                if x0 == b.0 && y0 == b.1 { break }
                let e2 = 2 * err
                if e2 >= dy { err += dy; x0 += sx }
                if e2 <= dx { err += dx; y0 += sy }
            }
        }

        private mutating func set(_ d: (Int, Int), x: Int, y: Int, tone: Tone) {
            let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
            guard let i = index(x + d.0 / 2, y + d.1 / 4) else { return }
            cells[i].braille |= bits[d.1 % 4][d.0 % 2]
            cells[i].tone = tone
        }

        mutating func text(x: Int, y: Int, _ s: String, tone: Tone) {
            for (offset, ch) in s.enumerated() {
                guard let i = index(x + offset, y) else { continue }
                cells[i].character = ch
                cells[i].tone = tone
                cells[i].links = 0
                cells[i].braille = 0
            }
        }

        func lines(colour: Bool) -> [String] {
            var out: [String] = []
            for row in 0..<height {
                var line = "", current: Tone = .plain
                var trimmedLength = 0
                var pieces: [(Character, Tone)] = []
                for col in 0..<width {
                    let c = cells[row * width + col]
                    let ch: Character
                    if c.links != 0 { ch = Self.boxCharacter(c.links, double: c.double) }
                    else if c.braille != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(c.braille)) { ch = Character(scalar) }
                    else { ch = c.character }
                    pieces.append((ch, c.tone))
                    if ch != " " { trimmedLength = pieces.count }
                }
                for (ch, tone) in pieces.prefix(trimmedLength) {
                    if colour && tone != current && ch != " " {
                        line += Self.sgr(tone)
                        current = tone
                    }
                    line.append(ch)
                }
                if colour && current != .plain { line += "\u{1B}[0m" }
                out.append(line)
            }
            return out
        }

        static func sgr(_ tone: Tone) -> String {
            switch tone {
            case .plain: return "\u{1B}[0m"
            case .dim: return "\u{1B}[0;2m"
            case .accent: return "\u{1B}[0;1;36m"
            case .good: return "\u{1B}[0;32m"
            case .bad: return "\u{1B}[0;31m"
            case .running: return "\u{1B}[0;33m"
            case .series(let n): return "\u{1B}[0;\([34, 35, 36, 32, 33, 31][((n % 6) + 6) % 6])m"
            }
        }

        static func boxCharacter(_ links: UInt8, double: Bool) -> Character {
            if double {
                switch links {
                case left | right: return "═"
                case up | down: return "║"
                case right | down: return "╔"
                case left | down: return "╗"
                case right | up: return "╚"
                case left | up: return "╝"
                case left | right | up: return "╧"
                case left | right | down: return "╤"
                default: break
                }
            }
            let light: [UInt8: Character] = [
                // A line's loose end (an axis that stops) is drawn whole, not as a half line.
                up: "│", down: "│", left: "─", right: "─",
                up | down: "│", left | right: "─",
                right | down: "┌", left | down: "┐", right | up: "└", left | up: "┘",
                up | down | right: "├", up | down | left: "┤", left | right | down: "┬", left | right | up: "┴",
                up | down | left | right: "┼",
            ]
            return light[links] ?? " "
        }
    }
}
