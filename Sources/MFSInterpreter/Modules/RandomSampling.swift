// random's integer and sequence draws (randrange, sample, choices) and the module itself.
import Glibc
import BigInt

extension RandomGenerator {
    /// randrange's argument as an integer: floats with an integral value pass, as CPython 3.11 still allows.
    private func rangeBound(_ v: Value, _ which: String) throws -> BigInt {
        switch v {
        case .int(let i): return BigInt(i)
        case .bool(let b): return b ? 1 : 0
        case .bigint(let b): return b.value
        case .float(let d) where d.isFinite && d == d.rounded(): return BigInt(d)
        case .float, .str: throw PyException.valueError("non-integer \(which) for randrange()")
        default: throw PyException.typeError("int() argument must be a string, a bytes-like object or a real number, not '\(v.typeName)'")
        }
    }

    func randrange(_ start: Value, _ stop: Value, _ step: Value?) throws -> Value {
        // The common randint(a, b) / randrange(n) case in machine integers (the draws are the same).
        if case .int(let a) = start, step == nil {
            if stop.isNone, a > 0 { return .int(twister.below(a)) }
            if case .int(let b) = stop, b > a, case (let width, false) = b.subtractingReportingOverflow(a) {
                return .int(a + twister.below(width))
            }
        }
        let istart = try rangeBound(start, "arg 1")
        if stop.isNone {
            if step != nil { throw PyException.typeError("Missing a non-None stop argument") }
            if istart > 0 { return .integer(twister.below(istart)) }
            throw PyException.valueError("empty range for randrange()")
        }
        let istop = try rangeBound(stop, "stop")
        let width = istop - istart
        let istep = try step.map { try rangeBound($0, "step") } ?? 1
        if istep == 1 {
            if width > 0 { return .integer(istart + twister.below(width)) }
            throw PyException.valueError("empty range for randrange() (\(istart), \(istop), \(width))")
        }
        let n: BigInt
        if istep > 0 {
            n = floorDivide(width + istep - 1, istep)
        } else if istep < 0 {
            n = floorDivide(width + istep + 1, istep)
        } else {
            throw PyException.valueError("zero step for randrange()")
        }
        if n <= 0 { throw PyException.valueError("empty range for randrange()") }
        return .integer(istart + istep * twister.below(n))
    }

    private func floorDivide(_ a: BigInt, _ b: BigInt) -> BigInt {
        let (q, r) = a.quotientAndRemainder(dividingBy: b)
        return (r != 0 && (r < 0) != (b < 0)) ? q - 1 : q
    }

    private func isSequence(_ v: Value) -> Bool {
        switch v {
        case .list, .tuple, .str, .bytes, .range: return true
        default: return false
        }
    }

    func sample(_ population: Value, _ kValue: Value, counts: Value?) throws -> Value {
        guard isSequence(population) else {
            throw PyException.typeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
        }
        let n = try interp.length(population)
        if let counts, !counts.isNone {
            let cumulative = try accumulate(counts)
            if cumulative.count != n { throw PyException.valueError("The number of counts does not match the population") }
            guard let total = cumulative.last, case .int(let totalCount) = total else {
                if case .bigint? = cumulative.last { throw PyException.overflow("Python int too large to convert to C ssize_t") }
                throw PyException.typeError("Counts must be integers")
            }
            if totalCount <= 0 { throw PyException.valueError("Total of counts must be greater than zero") }
            let selections = try sample(.range(PyRange(0, totalCount, 1)), kValue, counts: nil)
            let bounds = Array(cumulative.dropLast())
            return .newList(try interp.toArray(selections).map { try interp.getItem(population, .int(try bisectRight(bounds, $0, hi: bounds.count))) })
        }
        let k = try expectInt(kValue)
        if !(0 <= k && k <= n) { throw PyException.valueError("Sample larger than population or is negative") }
        var result: [Value] = []
        result.reserveCapacity(k)
        var setSize = 21
        if k > 5 { setSize += Int(Glibc.pow(4.0, Glibc.ceil(Glibc.log(Double(k * 3)) / Glibc.log(4.0)))) }
        if n <= setSize {
            var pool = try interp.toArray(population)
            for i in 0..<k {
                let j = twister.below(n - i)
                result.append(pool[j])
                pool[j] = pool[n - i - 1]
            }
        } else {
            var selected = Set<Int>()
            for _ in 0..<k {
                var j = twister.below(n)
                while selected.contains(j) { j = twister.below(n) }
                selected.insert(j)
                result.append(try interp.getItem(population, .int(j)))
            }
        }
        return .newList(result)
    }

    func choices(_ population: Value, weights: Value?, cumWeights: Value?, k kValue: Value) throws -> Value {
        let n = try interp.length(population)
        let weights = weights.flatMap { $0.isNone ? nil : $0 }
        var cumulative: [Value]
        if let cumWeights, !cumWeights.isNone {
            if weights != nil { throw PyException.typeError("Cannot specify both weights and cumulative weights") }
            cumulative = try interp.toArray(cumWeights)
        } else if let weights {
            do {
                cumulative = try accumulate(weights)
            } catch let e as PyException where e.isInstance(of: "TypeError") {
                guard case .int(let given) = weights else { throw e }
                throw PyException.typeError("The number of choices must be a keyword argument: k=\(given)")
            }
        } else {
            let k = try expectInt(kValue)
            let size = Double(n)
            var out: [Value] = []
            for _ in 0..<max(k, 0) { out.append(try interp.getItem(population, .int(Int((twister.random() * size).rounded(.down))))) }
            return .newList(out)
        }
        if cumulative.count != n { throw PyException.valueError("The number of weights does not match the population") }
        guard let last = cumulative.last, let lastNum = toNum(try interp.binaryOp(.add, last, .float(0))) else {
            throw PyException.indexError("list index out of range")
        }
        let total = try toDouble(lastNum)
        if total <= 0 { throw PyException.valueError("Total of weights must be greater than zero") }
        if !total.isFinite { throw PyException.valueError("Total of weights must be finite") }
        let k = try expectInt(kValue)
        var out: [Value] = []
        for _ in 0..<max(k, 0) {
            let index = try bisectRight(cumulative, .float(twister.random() * total), hi: n - 1)
            out.append(try interp.getItem(population, .int(index)))
        }
        return .newList(out)
    }

    /// itertools.accumulate with `+`.
    private func accumulate(_ v: Value) throws -> [Value] {
        var out: [Value] = []
        try interp.forEach(v) { x in
            out.append(try out.last.map { try interp.binaryOp(.add, $0, x) } ?? x)
            return true
        }
        return out
    }

    /// bisect.bisect_right(a, x, 0, hi).
    private func bisectRight(_ a: [Value], _ x: Value, hi: Int) throws -> Int {
        var lo = 0, hi = hi
        while lo < hi {
            let mid = (lo + hi) / 2
            if try interp.lessThan(x, a[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}

extension Interpreter {
    func makeRandomModule() throws -> Value {
        let shared = RandomGenerator(self)
        try shared.seed(.none, version: .int(2))
        let randomClass = registerHostClass(name: "Random", module: "random") { [unowned self] args, kw in
            let generator = RandomGenerator(self)
            let a = try PythonSignature("Random.__init__", ["x"], required: 0, isMethod: true).bind(args, kw)
            try generator.seed(a[0] ?? .none, version: .int(2))
            return .host(generator)
        }
        var members: [(String, Value)] = [("Random", randomClass)]
        for name in RandomGenerator.methodNames {
            if let method = try shared.getAttribute(name) { members.append((name, method)) }
        }
        return module("random", members)
    }
}
