// Element-wise comparisons of columns numbers alone cannot compare (strings, objects, categories, times),
// and pandas' Series reductions, which skip missing values (NaN, None, NaT) unless `skipna=False`,
// computed the way pandas' nanops does (missing values filled with 0 for sums, ±inf for min/max), so
// that the float results are the same to the last bit.
import Glibc
import MFSInterpreter
import Pickle

extension NumericEnvironment {
    /// Whether a decoded element is missing in pandas' sense (None, NaN; NaT decodes to None).
    func isMissing(_ v: PickleValue) -> Bool {
        switch v {
        case .none: return true
        case .float(let d): return d.isNaN
        case .reconstructed(let t as PandasTimestamp): return t.count == nil
        case .reconstructed(let t as PandasTimedelta): return t.count == nil
        default: return false
        }
    }

    private func isMissing(_ v: Value) -> Bool {
        switch v {
        case .none: return true
        case .float(let d): return d.isNaN
        default:
            if let t = NumericHosts.object(v) as? TimestampHost { return t.stamp.count == nil }
            return false
        }
    }

    /// The element pandas compares: a Timestamp/Timedelta for time columns, else the decoded element.
    private func comparable(_ a: NDArray, _ i: Int) -> PickleValue {
        a.pandasTimeElement(at: i) ?? a.element(at: i) ?? PickleValue.none
    }

    /// `a op other` element by element, for arrays of strings, objects or times, or a number array
    /// compared with something not a number. `other` is one value (a date string against a time column
    /// is read as a Timestamp, as pandas does) or a sequence of `a.count` values. Missing values compare
    /// unequal to everything. nil when `other` is a sequence of another length.
    func elementwiseComparison(_ op: NumericOp, _ a: NDArray, _ other: Value, reflected: Bool) throws -> NDArray? {
        let interpreter = converter.interpreter
        let op = reflected ? op.swapped : op  // x op y, x from this array
        let symbol: String
        switch op {
        case .lt: symbol = "<"
        case .le: symbol = "<="
        case .gt: symbol = ">"
        case .ge: symbol = ">="
        case .eq: symbol = "=="
        default: symbol = "!="
        }
        var others: [Value]?
        if let s = NumericHosts.object(other) as? SeriesHost, let b = s.valuesArray {
            others = try (0..<b.count).map { try python(comparable(b, $0)) }
        } else if let h = NumericHosts.object(other) as? NDArrayHost, h.array.shape.count == 1 {
            others = try (0..<h.array.count).map { try python(comparable(h.array, $0)) }
        } else if case .list(let l) = other {
            others = l.items
        }
        if let others, others.count != a.count { return nil }
        var scalar = other
        if others == nil, a.dtype.kind == "M", case .str(let text) = other {
            guard let parsed = interpreter.naiveDatetime(isoFormat: text) else {
                throw PyException.typeError("Invalid comparison between dtype=\(a.dtype.name) and str")
            }
            scalar = parsed
        }
        var out: [Bool] = []
        out.reserveCapacity(a.count)
        for i in 0..<a.count {
            let x = comparable(a, i)
            let y = others?[i] ?? scalar
            if isMissing(x) || isMissing(y) { out.append(op == .ne); continue }
            if case .string(let p) = x, case .str(let q) = y {
                out.append(compareCodePoints(op, p, q))
                continue
            }
            out.append(try interpreter.truthy(try interpreter.compare(try python(x), symbol, y)))
        }
        return .bool(out, shape: a.shape)
    }
}

/// `p op q` for Python strings: code point by code point (Swift's String == would equate canonically
/// equivalent strings that Python keeps apart).
func compareCodePoints(_ op: NumericOp, _ p: String, _ q: String) -> Bool {
    let a = p.unicodeScalars, b = q.unicodeScalars
    let equal = a.elementsEqual(b)
    switch op {
    case .eq: return equal
    case .ne: return !equal
    default:
        let less = a.lexicographicallyPrecedes(b) { $0.value < $1.value }
        switch op {
        case .lt: return less
        case .le: return less || equal
        case .gt: return !less && !equal
        default: return !less
        }
    }
}

extension SeriesHost {
    static let reductionNames = ["max", "mean", "median", "min", "std", "sum", "var"]

    /// `series.sum()` and friends with pandas' arguments: axis (0 or 'index' only), skipna, ddof for
    /// std/var, min_count for sum, numeric_only=False. Anything else is refused, never ignored.
    func reduce(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        var skipna = true, ddof = 1, minCount = 0
        guard args.count <= 1 else { throw PyException.typeError("Series.\(name)() takes from 1 to 2 positional arguments but \(args.count + 1) were given in mfsh") }
        var named = kwargs
        if let axis = args.first { named.insert(("axis", axis), at: 0) }
        for (k, v) in named {
            switch (k, v) {
            case ("axis", .none), ("axis", .int(0)), ("axis", .str("index")), ("axis", .str("rows")): break
            case ("axis", _): throw PyException.valueError("No axis named \(try env.converter.interpreter.str(v)) for object type Series")
            case ("skipna", .bool(let b)): skipna = b
            case ("ddof", .int(let d)) where name == "std" || name == "var": ddof = d
            case ("min_count", .int(let m)) where name == "sum": minCount = m
            case ("numeric_only", .bool(false)): break
            default: throw PyException.typeError("\(name)() got an unexpected keyword argument '\(k)'")
            }
        }
        guard let a = valuesArray else { throw PyException.typeError("\(name)() is not supported for dtype \(series.dtypeName) in mfsh") }
        if series.dtypeName == "category" {
            if name == "min" || name == "max" {
                throw PyException.typeError("Categorical is not ordered for operation \(name)\nyou can use .as_ordered() to change the Categorical to an ordered one\n")
            }
            throw PyException.typeError("'Categorical' with dtype category does not support operation '\(name)'")
        }
        switch a.dtype.kind {
        case "b", "i", "u", "f": return try numericReduce(name, a, skipna: skipna, ddof: ddof, minCount: minCount)
        case "M", "m": return try timeReduce(name, a, skipna: skipna)
        default: return try objectReduce(name, a, skipna: skipna)
        }
    }

    private func numericReduce(_ name: String, _ a: NDArray, skipna: Bool, ddof: Int, minCount: Int) throws -> Value {
        // pandas' nanops answers an empty Series (of any number dtype, ints too: no numpy ValueError)
        // with a plain Python float NaN, and so does the mean of values all missing.
        if a.count == 0, name != "sum" { return .float(.nan) }
        if name == "mean", skipna, a.dtype.kind == "f", a.withDoubles({ p in !p.contains { !$0.isNaN } }) == true { return .float(.nan) }
        // Without missing values pandas' nanops computes what numpy does (the same pairwise and casting
        // sums, the same two-pass variance): the buffer fast paths answer, when they apply. Not for the
        // variance of integers: nanvar makes them float64 first, so its mean is a plain pairwise sum
        // where numpy's goes through the cast buffer.
        let noneMissing = a.dtype.kind != "f" || a.withDoubles({ p in !p.contains { $0.isNaN } }) == true
        let integerVariance = a.dtype.kind != "f" && (name == "std" || name == "var")
        // ddof >= count: numpy divides by max(count - ddof, 0) (inf), pandas answers NaN.
        let tooFewForVariance = (name == "std" || name == "var") && ddof >= a.count
        if noneMissing, !integerVariance, !tooFewForVariance, minCount <= a.count, name != "median",
           let v = NDArrayHost(a, env: env).fastReduce(name, ddof: ddof) { return v }
        guard let o = NumericOperand(array: a) else { throw PyException.typeError("\(name)() is not supported for dtype \(a.dtype.name) in mfsh") }
        let isFloat = a.dtype.kind == "f"
        let single = isFloat && a.dtype.itemSize <= 4
        let missing = isFloat ? o.doubles.map(\.isNaN) : []
        let missingCount = missing.lazy.filter { $0 }.count
        let count = o.count - (skipna ? missingCount : 0)
        func scalar(_ x: Double, _ type: NDDType) -> Value { NumPyMath.result(.make(dtype: type, doubles: [x], shape: []), env: env) }
        func sumOf(_ values: [Double], asSingle: Bool) -> Double {
            asSingle ? Double(NumPyMath.sum(values.map { Float($0) }[...])) : NumPyMath.sum(values[...])
        }
        // Missing values become 0 (sum, mean, var) or the identity of min/max; with skipna=False they stay NaN.
        let filled = skipna && missingCount > 0 ? o.doubles.map { $0.isNaN ? 0 : $0 } : o.doubles
        let floatType: NDDType = isFloat ? a.dtype.nativeOrder : .float64
        switch name {
        case "sum":
            // Too few values: an integer column's answer is a Python float NaN, a float column's its own NaN.
            if count < minCount { return isFloat ? scalar(.nan, floatType) : .float(.nan) }
            if !isFloat, let ints = o.ints {
                let type: NDDType = a.dtype.kind == "u" ? NumPyMath.dtype("u", 8) : .int64
                return NumPyMath.result(.make(dtype: type, ints: [ints.reduce(0, &+)], shape: []), env: env)
            }
            return scalar(sumOf(filled, asSingle: single), floatType)
        case "mean":
            guard count > 0 else { return scalar(.nan, floatType) }
            if single { return scalar(Double(Float(sumOf(filled, asSingle: true)) / Float(count)), floatType) }
            // Integers and bools are summed as float64 (nanmean's dtype_sum), through numpy's cast buffer.
            return scalar((isFloat ? NumPyMath.sum(filled[...]) : NumPyMath.castingSum(filled)) / Double(count), .float64)
        case "std", "var":
            // nanvar: the mean from a float64 sum; squares of deviations, missing ones 0; divided by count - ddof.
            let d = Double(count - ddof)
            guard count > 0, d > 0 else { return scalar(.nan, floatType) }
            // Integers were made float64 first; float32 values are cast while summed.
            let mean = (single ? NumPyMath.castingSum(filled) : NumPyMath.sum(filled[...])) / Double(count)
            var squares = filled.map { (mean - $0) * (mean - $0) }
            if skipna { for (i, m) in missing.enumerated() where m { squares[i] = 0 } }
            var variance = NumPyMath.sum(squares[...]) / d
            if single { variance = Double(Float(variance)) }
            return scalar(name == "std" ? (single ? Double(Float(variance).squareRoot()) : variance.squareRoot()) : variance, floatType)
        case "median":
            var present = skipna ? o.doubles.filter { !$0.isNaN } : o.doubles
            guard !present.isEmpty, !present.contains(where: \.isNaN) else { return scalar(.nan, floatType) }
            present.sort()
            let mid = present.count / 2
            let value = present.count % 2 == 1 ? present[mid] : (present[mid - 1] + present[mid]) / 2
            return scalar(value, floatType)
        default:  // min, max
            guard count > 0 else {
                if isFloat { return scalar(.nan, floatType) }
                throw PyException.valueError("zero-size array to reduction operation \(name == "min" ? "minimum" : "maximum") which has no identity")
            }
            if !skipna && missingCount > 0 { return scalar(.nan, floatType) }
            let wantMax = name == "max"
            var best = -1
            for i in 0..<o.count where !(isFloat && o.doubles[i].isNaN) {
                if best < 0 { best = i; continue }
                if let ints = o.ints {
                    if wantMax ? ints[i] > ints[best] : ints[i] < ints[best] { best = i }
                } else if wantMax ? o.doubles[i] >= o.doubles[best] : o.doubles[i] <= o.doubles[best] {
                    best = i  // ties (0.0 and -0.0): the last, as numpy's min/max
                }
            }
            guard best >= 0, let s = a.scalar(atFlat: best) else { return scalar(.nan, floatType) }
            return env.wrap(NDScalarHost(s, env: env))
        }
    }

    /// min/max/mean/median of a datetime64 or timedelta64 column: Timestamps and Timedeltas, NaT skipped.
    private func timeReduce(_ name: String, _ a: NDArray, skipna: Bool) throws -> Value {
        guard ["min", "max", "mean", "median"].contains(name) || (name == "sum" && a.dtype.kind == "m") else {
            throw PyException.typeError("'\(a.dtype.kind == "M" ? "DatetimeArray" : "TimedeltaArray")' with dtype \(a.dtype.name) does not support operation '\(name)'")
        }
        var counts: [Int64] = []
        var unit = PandasTimeUnit(rawValue: a.dtype.unit ?? "") ?? .ns
        var sawMissing = false
        for i in 0..<a.count {
            guard let raw = a.timeCount(atFlat: i), let (c, u) = pandasTimeCount(raw, a.dtype) else { sawMissing = true; continue }
            counts.append(c)
            unit = u
        }
        func make(_ count: Int64?) -> Value {
            a.dtype.kind == "M" ? env.wrap(PandasTimestamp(count: count, unit: unit)) : env.wrap(PandasTimedelta(count: count, unit: unit))
        }
        if (sawMissing && !skipna) || counts.isEmpty { return make(name == "sum" ? 0 : nil) }
        switch name {
        case "min": return make(counts.min())
        case "max": return make(counts.max())
        case "sum":
            var total: Int64 = 0
            for c in counts {
                let (t, overflow) = total.addingReportingOverflow(c)
                guard !overflow else { throw PyException.overflow("Overflow in int64 addition") }
                total = t
            }
            return make(total)
        case "median":
            let sorted = counts.sorted(), mid = sorted.count / 2
            if sorted.count % 2 == 1 { return make(sorted[mid]) }
            return make(sorted[mid - 1] + (sorted[mid] - sorted[mid - 1]) / 2)
        default:
            // pandas averages the counts in float64 and truncates toward zero.
            let mean = NumPyMath.castingSum(counts.map { Double($0) }) / Double(counts.count)
            return make(Int64(mean.rounded(.towardZero)))
        }
    }

    /// min/max (and sum, which joins strings) of a string or object column, missing values skipped.
    private func objectReduce(_ name: String, _ a: NDArray, skipna: Bool) throws -> Value {
        let isString = series.dtypeName == "str" || a.dtype.kind == "U"
        guard ["min", "max", "sum"].contains(name) else {
            if isString { throw PyException.typeError("Cannot perform reduction '\(name)' with string dtype") }
            throw PyException.typeError("\(name)() is not supported for dtype \(series.dtypeName) in mfsh")
        }
        let interpreter = env.converter.interpreter
        var result: Value?
        for i in 0..<a.count {
            let element = a.element(at: i) ?? PickleValue.none
            if env.isMissing(element) {
                if !skipna { return .float(.nan) }
                continue
            }
            let v = try env.python(element)
            guard let current = result else { result = v; continue }
            switch name {
            case "sum":
                guard case .str(let x) = current, case .str(let y) = v else {
                    throw PyException.typeError("sum() of an object column is only supported for strings in mfsh")
                }
                result = .str(x + y)
            default:
                let better = try interpreter.truthy(try interpreter.compare(v, name == "max" ? ">" : "<", current))
                if better { result = v }
            }
        }
        return result ?? (name == "sum" ? .str("") : .float(.nan))
    }
}

extension SeriesHost {
    /// `str` or `"str"` as an astype target (pandas 3 makes its `str` dtype of it, not numpy's `<U`).
    static func namesStr(_ target: Value) -> Bool {
        switch target {
        case .type(let c): return c.name == "str"
        case .str(let s): return s == "str"
        default: return false
        }
    }

    /// `series.astype(str)`: pandas 3's `str` dtype, each value's `str()` and missing values kept
    /// missing (NaN), as pandas' StringArray makes it.
    func astypeStr() throws -> Value {
        var texts: [PickleValue] = []
        texts.reserveCapacity(count)
        let array = valuesArray
        for i in 0..<count {
            if let a = array, "biuf".contains(a.dtype.kind) {
                guard let scalar = a.scalar(atFlat: i) else { throw PyException.typeError("astype(str) could not read element \(i)") }
                if case .float(let x) = scalar.value, x.isNaN { texts.append(.float(.nan)); continue }
                texts.append(.string(scalar.strText))
                continue
            }
            if let a = array, a.dtype.kind != "O" {
                throw PyException.typeError("astype(str) of a \(series.dtypeName) Series is not supported by mfsh")
            }
            switch try env.pythonElement(series.values, i) {
            case .none: texts.append(.float(.nan))
            case .float(let x) where x.isNaN: texts.append(.float(.nan))
            case let v: texts.append(.string(try env.converter.interpreter.str(v)))
            }
        }
        return withValues(.ndarray(.objects(texts, shape: [texts.count])), dtypeName: "str")
    }
}

extension SeriesHost {
    /// The position `idxmax`/`idxmin` label: the first largest (smallest) value, NaN skipped as pandas
    /// skips it (numpy's argmax would pick the NaN); all NaN is pandas' ValueError.
    func extremePosition(largest: Bool, skipna: Bool) throws -> Int {
        let name = largest ? "argmax" : "argmin"
        guard let a = valuesArray, "biuf".contains(a.dtype.kind), let o = NumericOperand(array: a) else {
            throw PyException.typeError("idx\(largest ? "max" : "min")() is not supported for dtype \(series.dtypeName) in mfsh")
        }
        guard a.count > 0 else { throw PyException.valueError("attempt to get \(name) of an empty sequence") }
        if let ints = o.ints {
            var best = 0
            for i in 1..<ints.count where largest ? ints[i] > ints[best] : ints[i] < ints[best] { best = i }
            return best
        }
        var best: Int?
        for (i, x) in o.doubles.enumerated() {
            if x.isNaN {
                if skipna { continue }
                throw PyException.valueError("Encountered an NA value with skipna=False")
            }
            if let b = best, !(largest ? x > o.doubles[b] : x < o.doubles[b]) { continue }
            best = i
        }
        guard let best else { throw PyException.valueError("Encountered all NA values") }
        return best
    }
}

extension SeriesHost {
    /// pandas' integer `//` and `%` when a divisor is 0: the result is float64, `x // 0` is ±inf by
    /// the sign of x (NaN for 0) and `x % 0` is NaN (numpy gives 0 with a warning; pandas fills, as
    /// its `dispatch_fill_zeros`). nil when the operands are not integers or no divisor is 0.
    func integerDivisionByZero(_ op: NumericOp, _ a: NDArray, _ operand: Value, reflected: Bool) -> NDArray? {
        guard op == .floordiv || op == .mod, a.dtype.kindCode == UInt8(ascii: "i") || a.dtype.kindCode == UInt8(ascii: "u"),
              let mine = NumericOperand(array: a)?.ints, let other = NumericOperand(operand), other.kind == .int,
              let theirs = other.ints, mine.count > 0, theirs.count == mine.count || theirs.count == 1 else { return nil }
        let (dividends, divisors) = reflected ? (theirs, mine) : (mine, theirs)
        guard divisors.contains(0) else { return nil }
        let n = max(dividends.count, divisors.count)
        let values = (0..<n).map { i -> Double in
            let x = dividends[dividends.count == 1 ? 0 : i], y = divisors[divisors.count == 1 ? 0 : i]
            if y == 0 { return op == .mod || x == 0 ? .nan : (x > 0 ? .infinity : -.infinity) }
            // Int.min // -1 overflows: numpy wraps it, pandas (through numpy) the same.
            if x == Int.min && y == -1 { return op == .mod ? 0 : Double(Int.min) }
            let (q, r) = floorDivMod(x, y)
            return Double(op == .mod ? r : q)
        }
        return .float64(values, shape: [n])
    }
}
