import Testing
@testable import Views

@Suite struct ChartScaleTests {
    func text(_ p: Picture) -> String { TerminalRenderer(colour: false).render(p) }

    @Test func niceTicksCoverTheRange() {
        let s = Scale(covering: [0.3, 9.2], count: 5)
        #expect(s.ticks == [0, 2, 4, 6, 8, 10])
        #expect(s.lo == 0 && s.hi == 10 && s.decimals == 0)
        #expect(s.ticks.map(s.label) == ["0", "2", "4", "6", "8", "10"])
    }

    @Test func aConstantSeriesIsWidenedAroundItsValue() {
        let s = Scale(covering: [5, 5, 5], count: 3)
        #expect(s.lo < 5 && s.hi > 5)
        #expect(abs(s.fraction(5) - 0.5) < 1e-9)
        let zero = Scale(covering: [0, 0], count: 3)
        #expect(zero.ticks == [-1, 0, 1])
        // Drawn as one flat line through the middle of the area.
        let out = text(ChartLayout.plot(x: [0, 1, 2], y: [5, 5, 5], joined: true, ChartOptions(width: 30, height: 5)))
        let rows = out.split(separator: "\n").map(String.init)
        #expect(rows.count == 7)
        #expect(rows.filter { $0.contains("⠤") || $0.contains("⠒") || $0.contains("⣀") || $0.contains("⠉") }.count == 1)
    }

    @Test func negativeValuesGetTicksBelowZero() {
        let s = Scale(covering: [-3.5, 1.2], count: 4)
        #expect(s.ticks == [-4, -2, 0, 2])
        #expect(s.ticks.map(s.label) == ["-4", "-2", "0", "2"])
        let bars = text(ChartLayout.bars(labels: ["up", "down"], values: [2, -1], ChartOptions(width: 40)))
        // 30 cells for 3 units: zero at column 16, 2 ends at 36, -1 starts at 6.
        #expect(bars == """
          up │          ████████████████████ 2
        down │██████████ -1
             └┬─────────┬────────┬─────────┬
             -1         0        1         2
        """)
    }

    @Test func decimalsFollowTheStep() {
        let s = Scale(covering: [0.01, 0.049], count: 5)
        #expect(s.ticks.map(s.label) == ["0.01", "0.02", "0.03", "0.04", "0.05"])
        #expect(Scale.format(-0.0001, decimals: 2) == "0.00")
        #expect(Scale.format(1.5, decimals: 0) == "2")
        #expect(Scale.short(6.4) == "6.4" && Scale.short(0.125) == "0.125" && Scale.short(-3) == "-3")
    }

    @Test func nanIsSkippedAndLeavesAGap() {
        let s = Scale(covering: [.nan, 1, 3, .infinity], count: 3)
        #expect(s.lo == 1 && s.hi == 3)
        let picture = ChartLayout.plot(x: [0, 1, 2, 3, 4], y: [1, 2, .nan, 2, 1], joined: true, ChartOptions(width: 30, height: 4))
        var segments: [[(Double, Double)]] = []
        for case .points(_, _, _, _, let s, _, _, _) in picture.elements { segments = s }
        #expect(segments.map(\.count) == [2, 2])
        #expect(text(ChartLayout.sparkline([1, 2, .nan, 8], width: 80)) == "▁▂ █")
    }

    @Test func onePointIsDrawnInTheMiddle() {
        let out = text(ChartLayout.plot(x: [0], y: [3], joined: true, ChartOptions(width: 30, height: 3)))
        #expect(out.filter { ("\u{2801}"..."\u{28FF}").contains($0) }.count == 1)
        #expect(text(ChartLayout.sparkline([7], width: 10)) == "▅")
    }

    @Test func tenThousandPointsFitTheWidth() {
        let ys = (0..<10_000).map { Double($0 % 100) - 50 }
        let out = text(ChartLayout.plot(x: ys.indices.map(Double.init), y: ys, joined: true, ChartOptions(width: 80, height: 10)))
        #expect(out.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(out.contains("10000"))
        #expect(out.contains("-60") || out.contains("-50"))
        #expect(text(ChartLayout.sparkline(ys, width: 80)).count == 80)
    }

    @Test func histogramCountsEveryFiniteValue() {
        let picture = ChartLayout.histogram([1, 1, 2, 3, .nan, 3, 3], bins: 3, ChartOptions(width: 30, height: 6))
        var heights: [Double] = []
        for case .block(_, _, _, let h, _, _, _, _) in picture.elements { heights.append(h) }
        // 2, 1 and 3 values on a 0...4 axis (ticks 0, 2, 4) of 6 rows.
        #expect(heights == [3, 1.5, 4.5])
    }

    @Test func svgHasARectPerBar() {
        let svg = SVGRenderer().render(ChartLayout.bars(labels: ["a", "b", "c<"], values: [1, 2, 3], ChartOptions(width: 40)))
        #expect(svg.components(separatedBy: "class=\"bar\"").count == 4)
        #expect(svg.contains("data-name=\"c&lt;\""))
    }

    @Test func svgForAPageIsTheDocumentWithoutItsProlog() {
        let picture = ChartLayout.bars(labels: ["a"], values: [1], ChartOptions(width: 40))
        let document = SVGRenderer().render(picture)
        let element = SVGRenderer().render(picture, prolog: false)
        #expect(document.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        #expect(element.hasPrefix("<svg "))
        #expect(document.hasSuffix(element))
    }
}

@Suite struct ChartExtremesTests {
    @Test func valuesAsWideAsDoubleDoNotTrap() {
        let wide: [Double] = [.greatestFiniteMagnitude, -.greatestFiniteMagnitude, 0, .infinity, .nan]
        let o = ChartOptions(width: 40, height: 4)
        for p in [ChartLayout.plot(x: wide.indices.map(Double.init), y: wide, joined: true, o),
                  ChartLayout.histogram(wide, bins: 4, o), ChartLayout.bars(labels: ["a", "b", "c", "d", "e"], values: wide, o),
                  ChartLayout.sparkline(wide, width: 10)] {
            #expect(!TerminalRenderer(colour: true).render(p).isEmpty)
            #expect(SVGRenderer().render(p).hasSuffix("</svg>\n"))
        }
        #expect(DagLayout.durationText(1e300) == "?")
        #expect(Picture.cell(.nan) == 0 && Picture.cell(1e300) == Picture.maxCells)
    }
}
