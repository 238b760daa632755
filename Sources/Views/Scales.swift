// Axis scales: "nice" tick positions (1, 2 or 5 times a power of ten) over a data range, and
// tick labels without Foundation's formatting.

package struct Scale: Equatable, Sendable {
    package let lo: Double
    package let hi: Double
    package let ticks: [Double]
    /// Decimal places the tick labels need.
    package let decimals: Int

    /// A scale covering `values` (NaN and infinities skipped) with about `count` ticks. An empty or
    /// constant range is widened around its value so that there is something to draw.
    package init(covering values: [Double], count: Int) {
        let finite = values.filter { $0.isFinite }
        var lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if lo == hi {
            let d = lo == 0 ? 1 : abs(lo) / 10
            lo -= d
            hi += d
        }
        let step = Self.niceStep((hi - lo) / Double(max(1, count - 1)))
        let first = (lo / step).rounded(.down) * step, last = (hi / step).rounded(.up) * step
        var ticks: [Double] = []
        var k = 0
        while ticks.count < 1000 {
            let t = first + Double(k) * step
            if t > last + step / 2 { break }
            ticks.append(abs(t) < step / 1e6 ? 0 : t)
            k += 1
        }
        self.lo = first
        self.hi = max(last, first + step)
        self.ticks = ticks
        var decimals = 0
        var s = step
        while s < 0.999_999 && decimals < 12 { s *= 10; decimals += 1 }
        self.decimals = decimals
    }

    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        let m = raw / power
        // The nearest of 1, 2, 5 and 10 (ceiling to them leaves too few ticks).
        return (m < 1.5 ? 1 : m < 3 ? 2 : m < 7 ? 5 : 10) * power
    }

    /// Where `v` falls, 0 at `lo` and 1 at `hi`.
    package func fraction(_ v: Double) -> Double { Self.fraction(v, lo, hi) }

    /// (v - lo) / (hi - lo), in halves so that a range as wide as Double's does not overflow.
    package static func fraction(_ v: Double, _ lo: Double, _ hi: Double) -> Double {
        (v / 2 - lo / 2) / (hi / 2 - lo / 2)
    }

    package func label(_ v: Double) -> String { Self.format(v, decimals: decimals) }

    /// `v` with `decimals` places ("-1.25", "3", "1e+20" past what an Int holds).
    package static func format(_ v: Double, decimals: Int) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let scaled = (abs(v) * scale).rounded()
        guard scaled < 9e15 else { return "\(v)" }
        let units = Int(scaled)
        let factor = Int(scale)
        let whole = units / factor, fraction = units % factor
        var text = (v < 0 && units != 0 ? "-" : "") + String(whole)
        if decimals > 0 {
            var digits = String(fraction)
            while digits.count < decimals { digits = "0" + digits }
            text += "." + digits
        }
        return text
    }

    /// A short form of a value for a label (3 significant figures, at most 4 decimals).
    package static func short(_ v: Double) -> String {
        guard v.isFinite else { return format(v, decimals: 0) }
        if v == v.rounded() && abs(v) < 1e15 { return format(v, decimals: 0) }
        let a = abs(v)
        let decimals = a >= 100 ? 1 : a >= 10 ? 2 : a >= 1 ? 2 : a >= 0.1 ? 3 : 4
        var text = format(v, decimals: decimals)
        while text.hasSuffix("0") && text.contains(".") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
