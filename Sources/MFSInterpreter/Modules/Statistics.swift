// The statistics module after CPython 3.11's Lib/statistics.py: means and variances summed exactly
// (CPython uses Fractions) and rounded once, so results agree to the last bit.
import Glibc
import BigInt

extension Interpreter {
    func makeStatisticsModule() -> Value {
        let statsError = PyClass(name: "StatisticsError", module: "statistics", bases: [BuiltinClasses.exc("ValueError")])
        func fail(_ message: String) -> PyException { PyException(cls: statsError, args: [.str(message)]) }
        func one(_ name: String, _ params: [String], required: Int? = nil, keywordOnly: [String] = [],
                 _ body: @escaping ([Value?]) throws -> Value) -> (String, Value) {
            fn(name) { args, kw in try body(try PythonSignature(name, params, required: required, keywordOnly: keywordOnly).bind(args, kw)) }
        }
        func sortedData(_ v: Value?) throws -> [Value] { try self.sortValues(try self.toArray(v ?? .none), key: nil, reverse: false) }
        func floats(_ v: Value) throws -> [Double] {
            try self.toArray(v).map { x in try self.realNumber(x) }
        }
        /// `_ss`: Σ(x - mean)² exactly, or Σ(x - c)² when the caller gives the mean c.
        func squaredDeviations(_ data: Value, _ c: Value?) throws -> (sums: ExactSums, numerator: BigInt, denominator: BigInt) {
            var sums = ExactSums()
            if let c, !c.isNone {
                var deviations = ExactSums()
                try self.forEach(data) { x in
                    let d = try self.binaryOp(.sub, x, c)
                    try deviations.add(try self.binaryOp(.mul, d, d))
                    return true
                }
                let (n, den) = deviations.total
                return (deviations, n, den)
            }
            try self.forEach(data) { try sums.add($0); return true }
            let (n, den) = sums.squaredDeviations
            return (sums, n, den)
        }
        func spread(_ name: String, _ data: Value, _ c: Value?, sample: Bool, root: Bool) throws -> Value {
            let (sums, n, den) = try squaredDeviations(data, c)
            let count = sums.count
            if sample ? count < 2 : count < 1 {
                throw fail("\(name) requires at least \(sample ? "two data points" : "one data point")")
            }
            let divisor = BigInt(sample ? count - 1 : count)
            if let special = sums.nonFinite {
                let v = special / Double(divisor)
                return .float(root ? v.squareRoot() : v)
            }
            if root { return try self.floatSquareRootOfFraction(n, den * divisor) }
            return try self.fractionValue(n, den * divisor, asInt: !sums.sawFloat)
        }
        func counts(_ data: Value) throws -> [(Value, Int)] {
            let table = PyDict()
            var order: [Value] = []
            try self.forEach(data) { x in
                if case .int(let c)? = try table.get(x) { try table.set(x, .int(c + 1)) } else { order.append(x); try table.set(x, .int(1)) }
                return true
            }
            return try order.map { x in
                guard case .int(let c)? = try table.get(x) else { return (x, 0) }
                return (x, c)
            }
        }
        func paired(_ name: String, _ x: Value?, _ y: Value?) throws -> ([Double], [Double]) {
            let xs = try floats(x ?? .none), ys = try floats(y ?? .none)
            if xs.count != ys.count { throw fail("\(name) requires that both inputs have same number of data points") }
            if xs.count < 2 { throw fail("\(name) requires at least two data points") }
            return (xs, ys)
        }
        func fsum(_ xs: [Double]) throws -> Double { try self.exactFsum(.list(PyList(xs.map { .float($0) }))) }

        return module("statistics", [
            ("StatisticsError", .type(statsError)),
            one("mean", ["data"]) { a in
                var sums = ExactSums()
                try self.forEach(a[0] ?? .none) { try sums.add($0); return true }
                if sums.count < 1 { throw fail("mean requires at least one data point") }
                if let special = sums.nonFinite { return .float(special / Double(sums.count)) }
                let (n, d) = sums.total
                return try self.fractionValue(n, d * BigInt(sums.count), asInt: !sums.sawFloat)
            },
            one("fmean", ["data", "weights"], required: 1) { a in
                let data = try floats(a[0] ?? .none)
                guard let weightsValue = a[1], !weightsValue.isNone else {
                    let total = try fsum(data)
                    if data.isEmpty { throw fail("fmean requires at least one data point") }
                    return .float(total / Double(data.count))
                }
                let weights = try floats(weightsValue)
                let numerator = try fsum(zip(data, weights).map { $0 * $1 })
                if data.count != weights.count { throw fail("data and weights must be the same length") }
                let denominator = try fsum(weights)
                if denominator == 0 { throw fail("sum of weights must be non-zero") }
                return .float(numerator / denominator)
            },
            one("geometric_mean", ["data"]) { a in
                let data = try floats(a[0] ?? .none)
                if data.isEmpty || data.contains(where: { $0 <= 0 }) {
                    throw fail("geometric mean requires a non-empty dataset containing positive numbers")
                }
                return .float(Glibc.exp(try fsum(data.map { Glibc.log($0) }) / Double(data.count)))
            },
            one("harmonic_mean", ["data", "weights"], required: 1) { a in
                let data = try self.toArray(a[0] ?? .none)
                let negative = "harmonic mean does not support negative values"
                if data.isEmpty { throw fail("harmonic_mean requires at least one data point") }
                let weightsGiven = a[1].map { !$0.isNone } ?? false
                if data.count == 1 && !weightsGiven {
                    guard toNum(data[0]) != nil else { throw PyException.typeError("unsupported type") }
                    if try self.lessThan(data[0], .int(0)) { throw fail(negative) }
                    return data[0]
                }
                var weights = [Value](repeating: .int(1), count: data.count)
                var weightTotal = ExactSums()
                if weightsGiven, let w = a[1] {
                    weights = try self.toArray(w)
                    if weights.count != data.count { throw fail("Number of weights does not match data size") }
                    for x in weights {
                        if try self.lessThan(x, .int(0)) { throw fail(negative) }
                        try weightTotal.add(x)
                    }
                } else {
                    for x in weights { try weightTotal.add(x) }
                }
                var terms = ExactSums()
                do {
                    for (w, x) in zip(weights, data) {
                        if try self.lessThan(x, .int(0)) { throw fail(negative) }
                        try terms.add(try self.isTruthy(w) ? try self.binaryOp(.truediv, w, x) : .int(0))
                    }
                } catch let e as PyException where e.isInstance(of: "ZeroDivisionError") {
                    return .int(0)
                }
                let (tn, td) = terms.total
                if tn <= 0 { throw fail("Weighted sum must be positive") }
                let (wn, wd) = weightTotal.total
                return try self.fractionValue(wn * td, wd * tn, asInt: !terms.sawFloat)
            },
            one("median", ["data"]) { a in
                let xs = try sortedData(a[0])
                if xs.isEmpty { throw fail("no median for empty data") }
                if xs.count % 2 == 1 { return xs[xs.count / 2] }
                return try self.binaryOp(.truediv, try self.binaryOp(.add, xs[xs.count / 2 - 1], xs[xs.count / 2]), .int(2))
            },
            one("median_low", ["data"]) { a in
                let xs = try sortedData(a[0])
                if xs.isEmpty { throw fail("no median for empty data") }
                return xs[xs.count % 2 == 1 ? xs.count / 2 : xs.count / 2 - 1]
            },
            one("median_high", ["data"]) { a in
                let xs = try sortedData(a[0])
                if xs.isEmpty { throw fail("no median for empty data") }
                return xs[xs.count / 2]
            },
            one("median_grouped", ["data", "interval"], required: 1) { a in
                let xs = try sortedData(a[0])
                if xs.isEmpty { throw fail("no median for empty data") }
                let middle = xs[xs.count / 2]
                let below = try xs.filter { try self.lessThan($0, middle) }.count
                let equal = try xs.filter { try self.valuesEqual($0, middle) }.count
                guard let x = toNum(middle), let i = toNum(a[1] ?? .float(1)) else {
                    throw PyException.typeError("Value cannot be converted to a float")
                }
                let interval = try toDouble(i), lower = try toDouble(x) - interval / 2.0
                return .float(lower + interval * (Double(xs.count) / 2 - Double(below)) / Double(equal))
            },
            one("mode", ["data"]) { a in
                let table = try counts(a[0] ?? .none)
                guard let best = table.max(by: { $0.1 < $1.1 }) else { throw fail("no mode for empty data") }
                return table.first { $0.1 == best.1 }?.0 ?? best.0
            },
            one("multimode", ["data"]) { a in
                let table = try counts(a[0] ?? .none)
                let top = table.map { $0.1 }.max() ?? 0
                return .newList(table.filter { $0.1 == top }.map { $0.0 })
            },
            one("quantiles", ["data"], keywordOnly: ["n", "method"]) { a in
                let n = try expectInt(a[1] ?? .int(4))
                if n < 1 { throw fail("n must be at least 1") }
                let xs = try sortedData(a[0])
                let ld = xs.count
                if ld < 2 { throw fail("must have at least two data points") }
                let method = a[2] ?? .str("exclusive")
                func interpolate(_ low: Value, _ high: Value, _ delta: Int) throws -> Value {
                    let weighted = try self.binaryOp(.add, try self.binaryOp(.mul, low, .int(n - delta)), try self.binaryOp(.mul, high, .int(delta)))
                    return try self.binaryOp(.truediv, weighted, .int(n))
                }
                switch method {
                case .str("inclusive"):
                    let m = ld - 1
                    return .newList(try (1..<max(n, 1)).map { i in try interpolate(xs[i * m / n], xs[min(i * m / n + 1, ld - 1)], i * m % n) })
                case .str("exclusive"):
                    let m = ld + 1
                    return .newList(try (1..<max(n, 1)).map { i in
                        let j = min(max(i * m / n, 1), ld - 1)
                        return try interpolate(xs[j - 1], xs[j], i * m - j * n)
                    })
                default:
                    throw PyException.valueError("Unknown method: \(try self.repr(method))")
                }
            },
            one("variance", ["data", "xbar"], required: 1) { a in try spread("variance", a[0] ?? .none, a[1], sample: true, root: false) },
            one("pvariance", ["data", "mu"], required: 1) { a in try spread("pvariance", a[0] ?? .none, a[1], sample: false, root: false) },
            one("stdev", ["data", "xbar"], required: 1) { a in try spread("stdev", a[0] ?? .none, a[1], sample: true, root: true) },
            one("pstdev", ["data", "mu"], required: 1) { a in try spread("pstdev", a[0] ?? .none, a[1], sample: false, root: true) },
            one("covariance", ["x", "y"]) { a in
                let (xs, ys) = try paired("covariance", a[0], a[1])
                let n = Double(xs.count), xbar = try fsum(xs) / n, ybar = try fsum(ys) / n
                return .float(try fsum(zip(xs, ys).map { ($0 - xbar) * ($1 - ybar) }) / (n - 1))
            },
            one("correlation", ["x", "y"]) { a in
                let (xs, ys) = try paired("correlation", a[0], a[1])
                let n = Double(xs.count), xbar = try fsum(xs) / n, ybar = try fsum(ys) / n
                let sxy = try fsum(zip(xs, ys).map { ($0 - xbar) * ($1 - ybar) })
                let sxx = try fsum(xs.map { ($0 - xbar) * ($0 - xbar) }), syy = try fsum(ys.map { ($0 - ybar) * ($0 - ybar) })
                let root = (sxx * syy).squareRoot()
                if root == 0 { throw fail("at least one of the inputs is constant") }
                return .float(sxy / root)
            },
            one("linear_regression", ["x", "y"], keywordOnly: ["proportional"]) { a in
                let (xs, ys) = try paired("linear regression", a[0], a[1])
                let proportional = try self.isTruthy(a[2] ?? .bool(false))
                let n = Double(xs.count)
                var xbar = 0.0, ybar = 0.0, sxy: Double, sxx: Double
                if proportional {
                    sxy = try fsum(zip(xs, ys).map { $0 * $1 }); sxx = try fsum(xs.map { $0 * $0 })
                } else {
                    xbar = try fsum(xs) / n; ybar = try fsum(ys) / n
                    sxy = try fsum(zip(xs, ys).map { ($0 - xbar) * ($1 - ybar) }); sxx = try fsum(xs.map { ($0 - xbar) * ($0 - xbar) })
                }
                if sxx == 0 { throw fail("x is constant") }
                let slope = sxy / sxx
                return .host(NamedTupleResult("LinearRegression", ["slope", "intercept"], [.float(slope), .float(proportional ? 0.0 : ybar - slope * xbar)]))
            },
        ])
    }
}
