// A Picture as a self-contained SVG document: the same cells as the terminal, each 8 × 16 px.
// Steps, bars and series carry a class and a data-name so that a test (or a later HTML report)
// can find each one.

package struct SVGRenderer: PictureRenderer {
    static let cellWidth = 8.0, cellHeight = 16.0, margin = 8.0

    package init() {}

    package func render(_ picture: Picture) -> String { render(picture, prolog: true) }

    /// The SVG document; without the XML prolog it is an `<svg>` element to put in an HTML page.
    package func render(_ picture: Picture, prolog: Bool) -> String {
        let w = Double(picture.width) * Self.cellWidth + 2 * Self.margin
        let h = Double(picture.height) * Self.cellHeight + 2 * Self.margin
        var out = prolog ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" : ""
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(w))\" height=\"\(n(h))\" viewBox=\"0 0 \(n(w)) \(n(h))\">\n"
        out += "<style>text{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;white-space:pre}"
        out += ".line{stroke:#888;stroke-width:1.2;fill:none}</style>\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        for e in picture.elements { out += element(e) }
        out += "</svg>\n"
        return out
    }

    private func px(_ x: Double) -> Double { Self.margin + x * Self.cellWidth }
    private func py(_ y: Double) -> Double { Self.margin + y * Self.cellHeight }
    private func n(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)
    }

    private func element(_ e: Picture.Element) -> String {
        switch e {
        case .box(let x, let y, let w, let h, let weight, let tone, let id):
            // A frame through the middle of its border cells, as the terminal draws it.
            let stroke = Self.colour(tone)
            let name = id.map { " data-name=\"\(Self.escape($0))\"" } ?? ""
            return "<rect class=\"step\"\(name) x=\"\(n(px(Double(x) + 0.5)))\" y=\"\(n(py(Double(y) + 0.5)))\" width=\"\(n(Double(w - 1) * Self.cellWidth))\" height=\"\(n(Double(h - 1) * Self.cellHeight))\" rx=\"4\" fill=\"#f7f7f7\" stroke=\"\(stroke)\" stroke-width=\"\(weight == .double ? 3 : 1.5)\"/>\n"
        case .hline(let x0, let x1, let y):
            return "<line class=\"line\" x1=\"\(n(px(Double(x0) + 0.5)))\" y1=\"\(n(py(Double(y) + 0.5)))\" x2=\"\(n(px(Double(x1) + 0.5)))\" y2=\"\(n(py(Double(y) + 0.5)))\"/>\n"
        case .vline(let x, let y0, let y1):
            return "<line class=\"line\" x1=\"\(n(px(Double(x) + 0.5)))\" y1=\"\(n(py(Double(y0) + 0.5)))\" x2=\"\(n(px(Double(x) + 0.5)))\" y2=\"\(n(py(Double(y1) + 0.5)))\"/>\n"
        case .text(let x, let y, let s, let tone):
            return "<text x=\"\(n(px(Double(x))))\" y=\"\(n(py(Double(y) + 0.78)))\" fill=\"\(Self.textColour(tone))\">\(Self.escape(s))</text>\n"
        case .block(let x, let y, let w, let h, _, let fill, let tone, let id):
            let name = id.map { " data-name=\"\(Self.escape($0))\"" } ?? ""
            let opacity = fill == .shaded ? " fill-opacity=\"0.45\"" : fill == .light ? " fill-opacity=\"0.25\"" : ""
            return "<rect class=\"bar\"\(name) x=\"\(n(px(x)))\" y=\"\(n(py(y) + 1))\" width=\"\(n(w * Self.cellWidth))\" height=\"\(n(max(1, h * Self.cellHeight - 2)))\" fill=\"\(Self.colour(tone))\"\(opacity)/>\n"
        case .points(let x, let y, let w, let h, let segments, let joined, let tone, let id):
            let name = id.map { " data-name=\"\(Self.escape($0))\"" } ?? ""
            let left = px(Double(x)), top = py(Double(y))
            let width = Double(w) * Self.cellWidth, height = Double(h) * Self.cellHeight
            var out = "<g class=\"series\"\(name) fill=\"\(Self.colour(tone))\" stroke=\"\(Self.colour(tone))\">\n"
            for segment in segments {
                let coords = segment.filter { $0.0.isFinite && $0.1.isFinite }.map { "\(n(left + $0.0 * width)),\(n(top + (1 - $0.1) * height))" }
                if joined && coords.count > 1 {
                    out += "<polyline fill=\"none\" stroke-width=\"1.5\" points=\"\(coords.joined(separator: " "))\"/>\n"
                } else {
                    for c in coords {
                        let xy = c.split(separator: ",")
                        out += "<circle cx=\"\(xy[0])\" cy=\"\(xy[xy.count - 1])\" r=\"2\" stroke=\"none\"/>\n"
                    }
                }
            }
            return out + "</g>\n"
        }
    }

    static func colour(_ tone: Tone) -> String {
        switch tone {
        case .plain: return "#555555"
        case .dim: return "#aaaaaa"
        case .accent: return "#1f77b4"
        case .good: return "#2ca02c"
        case .bad: return "#d62728"
        case .running: return "#e6a000"
        case .series(let k): return ["#1f77b4", "#9467bd", "#17becf", "#2ca02c", "#ff7f0e", "#d62728"][((k % 6) + 6) % 6]
        }
    }

    static func textColour(_ tone: Tone) -> String { tone == .plain ? "#222222" : colour(tone) }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // XML 1.0 has no place for most control characters.
                if ch.value < 0x20 && ch != "\t" && ch != "\n" { out += "?" } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }
}
