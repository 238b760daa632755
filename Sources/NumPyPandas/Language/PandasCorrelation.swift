// Pearson correlation and covariance as pandas 3 computes them, pairs with a missing value left out:
// Series.corr (nanops' _pearson_corr: centred, scaled by the largest deviation, then BLAS dot
// products), Series.cov (np.cov of the two), DataFrame.corr (libalgos.nancorr's Welford pass for each
// pair of columns) and DataFrame.cov (np.cov when nothing is missing, else nancorr's Welford pass,
// which, as in pandas, ignores ddof). Spearman, Kendall and callables are refused by name.
import Glibc
import MFSInterpreter
import Pickle

extension NumericEnvironment {
    /// A column as `to_numpy(dtype=float, na_value=nan)` makes it: numbers and bools as float64, missing
    /// values NaN; a string is pandas' ValueError, other objects are refused.
    func floatColumn(_ values: PickleValue, dtypeName: String) throws -> [Double] {
        guard let a = values.ndarray, dtypeName != "category" else {
            throw PyException.typeError("a \(dtypeName) column cannot be used as numbers by mfsh")
        }
        if "biuf".contains(a.dtype.kind), let o = NumericOperand(array: a) { return o.doubles }
        guard a.dtype.kind == "O" else { throw PyException.typeError("a \(dtypeName) column cannot be used as numbers by mfsh") }
        return try (0..<a.count).map { i in
            let element = a.element(at: i) ?? PickleValue.none
            if isMissing(element) { return .nan }
            switch element {
            case .int(let n): return Double(n)
            case .float(let x): return x
            case .bool(let b): return b ? 1 : 0
            case .string(let s): throw PyException.valueError("could not convert string to float: \(pythonRepr(.string(s)))")
            default:
                if let o = NumericOperand(try python(element)), o.count == 1 { return o.doubles[0] }
                throw PyException.typeError("a \(dtypeName) column holding \(pythonRepr(element)) cannot be used as numbers by mfsh")
            }
        }
    }

    /// `method` of corr(): 'pearson' only.
    func requirePearson(_ method: Value?) throws {
        guard let method else { return }
        guard case .str(let m) = method else { throw PyException.typeError("corr(method=<callable>) is not supported by mfsh") }
        if m == "pearson" { return }
        if m == "spearman" || m == "kendall" { throw PyException.typeError("corr(method='\(m)') is not supported by mfsh") }
        throw PyException.valueError("method must be either 'pearson', 'spearman', 'kendall', or a callable, '\(m)' was supplied")
    }

    func minPeriods(_ a: CallArguments) throws -> Int { max(try a.int("min_periods") ?? 1, 1) }

    func numpyFloat(_ x: Double) -> Value { NumPyMath.result(.float64([x], shape: []), env: self) }
}

enum Correlation {
    /// numpy's `a.mean()` of float64 values: a pairwise sum divided by the count.
    static func mean(_ x: [Double]) -> Double { (0 + x.withUnsafeBufferPointer { p in pairwiseSum(p.count) { p[$0] } }) / Double(x.count) }

    /// `np.cov` of the rows `variables` (equally long), flattened: each row centred on its mean, X @ X.T
    /// in OpenBLAS' order, times 1/(N - ddof) (an infinite factor when that is not positive, as numpy's).
    static func covarianceMatrix(_ variables: [[Double]], ddof: Int) -> [Double] {
        let count = variables.first?.count ?? 0
        let centred = variables.map { row -> [Double] in
            let m = mean(row)
            return row.map { $0 - m }
        }
        let v = centred.count
        let flat = centred.flatMap { $0 }
        let scale = 1 / Double(max(count - ddof, 0))
        return BLASOrder.matrixMatrix(m: v, k: count, n: v, { flat[$0] }, { p in flat[(p % v) * count + p / v] }).map { $0 * scale }
    }

    /// nanops' `_pearson_corr` of two equally long columns without missing values; nil where pandas
    /// returns a plain NaN (fewer than two values, a constant column).
    static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count >= 2 else { return nil }
        func centredScaled(_ v: [Double]) -> [Double]? {
            let m = mean(v)
            let centred = v.map { $0 - m }
            let scale = centred.reduce(0.0) { Swift.max($0, Swift.abs($1)) }
            return scale == 0 ? nil : centred.map { $0 / scale }
        }
        guard let a = centredScaled(x), let b = centredScaled(y) else { return nil }
        let fact = Double(a.count - 1)
        func dot(_ p: [Double], _ q: [Double]) -> Double { BLASOrder.dot(p.count, { p[$0] }, { q[$0] }) }
        let divisorA = (dot(a, a) / fact).squareRoot()
        guard divisorA != 0 else { return nil }
        let result = dot(a, b) / fact / divisorA
        let divisorB = (dot(b, b) / fact).squareRoot()
        guard divisorB != 0 else { return nil }
        return Swift.min(Swift.max(result / divisorB, -1), 1)
    }

    /// libalgos' `nancorr`: for each pair of columns, the rows where both have a value, a Welford pass
    /// over them; NaN below `minPeriods` rows or for a zero divisor. Flattened K x K.
    static func welford(_ columns: [[Double]], covariance: Bool, minPeriods: Int) -> [Double] {
        let k = columns.count
        var out = [Double](repeating: .nan, count: k * k)
        for i in 0..<k {
            for j in 0...i {
                var nobs = 0
                var meanX = 0.0, meanY = 0.0, ssqdmX = 0.0, ssqdmY = 0.0, covXY = 0.0
                for (vx, vy) in zip(columns[i], columns[j]) where !vx.isNaN && !vy.isNaN && vx.isFinite && vy.isFinite {
                    nobs += 1
                    let dx = vx - meanX, dy = vy - meanY
                    meanX += 1 / Double(nobs) * dx
                    meanY += 1 / Double(nobs) * dy
                    ssqdmX += (vx - meanX) * dx
                    ssqdmY += (vy - meanY) * dy
                    covXY += (vx - meanX) * dy
                }
                var value = Double.nan
                if nobs >= minPeriods {
                    let divisor = covariance ? Double(nobs) - 1 : (ssqdmX * ssqdmY).squareRoot()
                    if divisor != 0 {
                        value = covXY / divisor
                        if !covariance { value = Swift.min(Swift.max(value, -1), 1) }
                    }
                }
                out[i * k + j] = value
                out[j * k + i] = value
            }
        }
        return out
    }
}

extension SeriesHost {
    static let correlationMethodNames = ["corr", "cov"]

    /// `corr(other, method='pearson', min_periods=None)` and `cov(other, min_periods=None, ddof=1)`.
    func correlation(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("Series.\(name)", args, kwargs, name == "corr" ? ["other", "method", "min_periods"] : ["other", "min_periods", "ddof"], required: 1)
        if name == "corr" { try env.requirePearson(a["method"]) }
        let ddof = try a.int("ddof") ?? 1
        let otherValue = a["other"] ?? .none
        guard let other = NumericHosts.object(otherValue) as? SeriesHost else {
            throw PyException.typeError("unsupported type: <class '\(otherValue.typeName)'>")
        }
        let (mine, theirs) = try alignedRows(with: other)
        if mine.isEmpty { return .float(.nan) }
        let x = try env.floatColumn(series.values, dtypeName: series.dtypeName)
        let y = try env.floatColumn(other.series.values, dtypeName: other.series.dtypeName)
        let pairs = zip(mine, theirs).map { (x[$0], y[$1]) }.filter { !$0.0.isNaN && !$0.1.isNaN }
        guard pairs.count >= (try env.minPeriods(a)) else { return .float(.nan) }
        let left = pairs.map(\.0), right = pairs.map(\.1)
        if name == "cov" { return env.numpyFloat(Correlation.covarianceMatrix([left, right], ddof: ddof)[1]) }
        guard let r = Correlation.pearson(left, right) else { return .float(.nan) }
        return env.numpyFloat(r)
    }

    /// The rows of this Series and of `other` that pandas' inner alignment pairs: all of them, in order,
    /// for the same labels; else this Series' labels that `other` has, in this Series' order.
    private func alignedRows(with other: SeriesHost) throws -> ([Int], [Int]) {
        if env.sameLabels(series.index, other.series.index) { return (Array(0..<count), Array(0..<count)) }
        var theirs: [String: Int] = [:]
        var mineSeen: Set<String> = []
        for i in 0..<other.count {
            let key = pythonRepr(other.series.index.label(at: i))
            guard theirs[key] == nil else { throw PyException.valueError("corr()/cov() of Series with repeated labels is not supported by mfsh") }
            theirs[key] = i
        }
        var rows: ([Int], [Int]) = ([], [])
        for i in 0..<count {
            let key = pythonRepr(series.index.label(at: i))
            guard mineSeen.insert(key).inserted else { throw PyException.valueError("corr()/cov() of Series with repeated labels is not supported by mfsh") }
            if let j = theirs[key] { rows.0.append(i); rows.1.append(j) }
        }
        return rows
    }
}

extension DataFrameHost {
    static let correlationMethodNames = ["corr", "cov"]

    /// `corr(method='pearson', min_periods=1, numeric_only=False)` and
    /// `cov(min_periods=None, ddof=1, numeric_only=False)`: a K x K float64 frame over the columns.
    func correlation(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("DataFrame.\(name)", args, kwargs, name == "corr" ? ["method", "min_periods", "numeric_only"] : ["min_periods", "ddof", "numeric_only"])
        if name == "corr" { try env.requirePearson(a["method"]) }
        let numericOnly = try a.bool("numeric_only", default: false)
        let dtypes = (0..<columnCount).map { $0 < frame.columnDTypeNames.count ? frame.columnDTypeNames[$0] : "object" }
        let kinds = (0..<columnCount).map { frame.columnValues[$0].ndarray?.dtype.kind ?? "O" }
        if name == "cov", kinds.contains(where: { $0 == "M" || $0 == "m" }) {
            throw PyException.typeError("DataFrame contains columns with dtype datetime64 or timedelta64, which are not supported for cov.")
        }
        let picked = (0..<columnCount).filter { !numericOnly || ("biuf".contains(kinds[$0]) && dtypes[$0] != "category") }
        // Strings are found in the order to_numpy() meets them: row by row.
        for r in 0..<rowCount {
            for c in picked where kinds[c] == "O" {
                if case .string(let s)? = frame.columnValues[c].ndarray?.element(at: r) {
                    throw PyException.valueError("could not convert string to float: \(pythonRepr(.string(s)))")
                }
            }
        }
        let columns = try picked.map { try env.floatColumn(frame.columnValues[$0], dtypeName: dtypes[$0]) }
        let minPeriods = try env.minPeriods(a)
        let values: [Double]
        if name == "corr" {
            values = Correlation.welford(columns, covariance: false, minPeriods: minPeriods)
        } else if columns.allSatisfy({ $0.allSatisfy { !$0.isNaN } }) {
            values = a["min_periods"] != nil && minPeriods > rowCount ? [Double](repeating: .nan, count: picked.count * picked.count)
                : Correlation.covarianceMatrix(columns, ddof: try a.int("ddof") ?? 1)
        } else {
            values = Correlation.welford(columns, covariance: true, minPeriods: minPeriods)
        }
        let labels = picked.count == columnCount ? frame.columns : selectColumns(picked).frame.columns
        let k = picked.count
        let columnValues = (0..<k).map { j in PickleValue.ndarray(.float64((0..<k).map { values[$0 * k + j] }, shape: [k])) }
        return env.wrap(DataFrameHost(.make(columns: labels, index: labels, columnValues: columnValues,
                                            columnDTypeNames: Array(repeating: "float64", count: k)), env: env))
    }
}
