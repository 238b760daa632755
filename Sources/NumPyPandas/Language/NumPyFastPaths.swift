// The common numpy operations on float64, int64 and bool arrays computed straight on their buffers:
// whole-array reductions and element-wise arithmetic and comparisons with a number or an array of
// the same shape. No element is boxed and nothing is allocated but the result; a decoded artifact's
// bytes are read in place. Anything else (other dtypes, broadcasting, axes) takes the general path,
// which gives the same answers, more slowly.
import Glibc
import MFSInterpreter
import Pickle

extension NDArrayHost {
    /// A whole-array reduction from the buffer; nil when no fast path applies.
    func fastReduce(_ name: String, ddof: Int) -> Value? {
        let n = array.count
        guard n > 0 else { return nil }
        func scalar(_ x: Double) -> Value { NumPyMath.result(.float64([x], shape: []), env: env) }
        func element(_ i: Int) -> Value? { array.scalar(atFlat: i).map { env.wrap(NDScalarHost($0, env: env)) } }
        func boolScalar(_ b: Bool) -> Value { NumPyMath.result(.bool([b], shape: []), env: env) }
        switch array.dtype.kind {
        case "f" where array.dtype.itemSize == 8:
            return array.withDoubles { p -> Value? in
                switch name {
                case "sum": return scalar(n == 1 ? p[0] : pairwiseSum(n) { p[$0] })
                case "mean": return scalar(pairwiseSum(n) { p[$0] } / Double(n))
                case "std", "var":
                    let mean = pairwiseSum(n) { p[$0] } / Double(n)
                    let variance = pairwiseSum(n) { (p[$0] - mean) * (p[$0] - mean) } / Double(max(n - ddof, 0))
                    return scalar(name == "std" ? variance.squareRoot() : variance)
                case "min", "max", "argmin", "argmax":
                    let wantMax = name.hasSuffix("max")
                    let found = wantMax ? extremeOfDoubles(p.raw, n, Greater.self) : extremeOfDoubles(p.raw, n, Less.self)
                    var best = found.index
                    if found.sawNaN {
                        // numpy propagates NaN: the first NaN is the answer.
                        best = (0..<n).first { p[$0].isNaN } ?? best
                    } else if !name.hasPrefix("arg"), found.value == 0 {
                        // Among equal values (0.0 and -0.0) max and min give the last one, argmax and
                        // argmin the first; other equal doubles have the same bits.
                        best = (0..<n).last { p[$0] == 0 } ?? best
                    }
                    return name.hasPrefix("arg") ? NumPyMath.result(.int64([best], shape: []), env: env) : element(best)
                case "any": return boolScalar(p.contains { $0 != 0 })
                case "all": return boolScalar(!p.contains { $0 == 0 })
                default: return nil
                }
            } ?? nil
        case "b":
            return array.withBools { p -> Value? in
                switch name {
                case "sum":
                    var total = 0
                    for i in 0..<n where p[i] != 0 { total &+= 1 }  // any non-zero byte is True
                    return NumPyMath.result(.int64([total], shape: []), env: env)
                case "mean": return scalar(NumPyMath.castingSum(n) { p[$0] != 0 ? 1 : 0 } / Double(n))
                case "any": return boolScalar(p.contains { $0 != 0 })
                case "all": return boolScalar(!p.contains { $0 == 0 })
                default: return nil
                }
            } ?? nil
        case "i" where array.dtype.itemSize == 8:
            return array.withInt64s { p -> Value? in
                switch name {
                case "sum":
                    var total: Int64 = 0
                    for i in 0..<n { total &+= p[i] }
                    return NumPyMath.result(.int64([Int(total)], shape: []), env: env)
                case "mean": return scalar(NumPyMath.castingSum(n) { Double(p[$0]) } / Double(n))
                case "std", "var":
                    let mean = NumPyMath.castingSum(n) { Double(p[$0]) } / Double(n)
                    let variance = pairwiseSum(n) { (Double(p[$0]) - mean) * (Double(p[$0]) - mean) } / Double(max(n - ddof, 0))
                    return scalar(name == "std" ? variance.squareRoot() : variance)
                case "min", "max", "argmin", "argmax":
                    let wantMax = name.hasSuffix("max")
                    var best = 0
                    for i in 1..<n where wantMax ? p[i] > p[best] : p[i] < p[best] { best = i }
                    return name.hasPrefix("arg") ? NumPyMath.result(.int64([best], shape: []), env: env) : element(best)
                case "any": return boolScalar(p.contains { $0 != 0 })
                case "all": return boolScalar(!p.contains { $0 == 0 })
                default: return nil
                }
            } ?? nil
        default:
            return nil
        }
    }

    /// `self op other` from the buffers for float64/int64/bool arrays and a Python number, a numpy
    /// scalar or an array of the same shape and one of those dtypes; nil when no fast path applies.
    func fastBinary(_ op: NumericOp, _ other: Value, reflected: Bool) throws -> Value? {
        guard let mine = FastOperand(array) else { return nil }
        let theirs: FastOperand
        switch other {
        case .int(let i): theirs = FastOperand(kind: .pythonInt, int: Int64(i))
        case .float(let x): theirs = FastOperand(kind: .pythonFloat, double: x)
        case .bool(let b): theirs = FastOperand(kind: .pythonBool, int: b ? 1 : 0)
        default:
            if let h = NumericHosts.object(other) as? NDArrayHost, h.array.shape == array.shape, let o = FastOperand(h.array) { theirs = o }
            else { return nil }
        }
        let (a, b) = reflected ? (theirs, mine) : (mine, theirs)
        let shape = array.shape, n = array.count
        let result: NDArray?
        switch op {
        case .lt, .le, .gt, .ge, .eq, .ne:
            result = a.isFloat || b.isFloat ? floatResult(op, a, b, n, shape) : intResult(op, a, b, n, shape, bools: false)
        case .bitand, .bitor, .bitxor:
            // Masks combined: both bool arrays (or a bool array and a Python bool).
            guard a.isBool, b.isBool else { return nil }
            result = intResult(op, a, b, n, shape, bools: true)
        case .add, .sub, .mul, .truediv:
            guard !(a.isBool && b.isBool) else { return nil }
            result = a.isFloat || b.isFloat || op == .truediv ? floatResult(op, a, b, n, shape) : intResult(op, a, b, n, shape, bools: false)
        default:
            return nil
        }
        return result.map { NumPyMath.result($0, env: env) }
    }
}

/// The extreme of `n` doubles (by `Order`, a strict comparison) and the index of its first
/// occurrence, eight at a time in two vectors of lanes that each keep their best and where it was
/// (a third of the scalar loop's time). NaN is never better; `sawNaN` says whether one was passed.
private func extremeOfDoubles<Order: ExtremeOrder>(_ raw: UnsafeRawBufferPointer, _ n: Int,
                                                   _: Order.Type) -> (value: Double, index: Int, sawNaN: Bool) {
    let first = raw.loadUnaligned(as: Double.self)
    var acc0 = SIMD4<Double>(repeating: first), acc1 = acc0
    var at0 = SIMD4<Int64>(repeating: 0), at1 = at0
    var nan = SIMDMask<SIMD4<Int64>>(repeating: false)
    let lanes = SIMD4<Int64>(0, 1, 2, 3)
    var i = 0
    while i &+ 8 <= n {
        let v0 = raw.loadUnaligned(fromByteOffset: i &* 8, as: SIMD4<Double>.self)
        let v1 = raw.loadUnaligned(fromByteOffset: i &* 8 &+ 32, as: SIMD4<Double>.self)
        nan = nan .| (v0 .!= v0) .| (v1 .!= v1)
        let b0 = Order.better(v0, acc0), b1 = Order.better(v1, acc1)
        let at = SIMD4<Int64>(repeating: Int64(i)) &+ lanes
        acc0.replace(with: v0, where: b0); at0.replace(with: at, where: b0)
        acc1.replace(with: v1, where: b1); at1.replace(with: at &+ 4, where: b1)
        i &+= 8
    }
    var value = first, index = 0
    for k in 0..<4 {
        for (v, at) in [(acc0[k], Int(at0[k])), (acc1[k], Int(at1[k]))] where Order.better(v, value) || (v == value && at < index) {
            value = v; index = at
        }
    }
    var sawNaN = any(nan)
    while i < n {
        let x = raw.loadUnaligned(fromByteOffset: i &* 8, as: Double.self)
        if x != x { sawNaN = true } else if Order.better(x, value) { value = x; index = i }
        i &+= 1
    }
    return (value, index, sawNaN)
}

/// Which of two values `extremeOfDoubles` keeps (a type, not a closure: each order gets a loop of
/// its own, where closures were sometimes left uninlined and the min loop ran at half speed).
private protocol ExtremeOrder {
    static func better(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMDMask<SIMD4<Int64>>
    static func better(_ a: Double, _ b: Double) -> Bool
}

private enum Greater: ExtremeOrder {
    @inline(__always) static func better(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMDMask<SIMD4<Int64>> { a .> b }
    @inline(__always) static func better(_ a: Double, _ b: Double) -> Bool { a > b }
}

private enum Less: ExtremeOrder {
    @inline(__always) static func better(_ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMDMask<SIMD4<Int64>> { a .< b }
    @inline(__always) static func better(_ a: Double, _ b: Double) -> Bool { a < b }
}

/// Element sources of the fast loops: generic, so each loop is specialised for its pair of sources
/// (an array read in place, a converted array, or one number repeated) and compiles to a tight loop.
protocol DoubleSource { subscript(_ i: Int) -> Double { get } }
protocol IntSource { subscript(_ i: Int) -> Int64 { get } }

extension ElementReader: DoubleSource where T == Double {}
extension ElementReader: IntSource where T == Int64 {}

private struct Repeated: DoubleSource, IntSource {
    let double: Double
    let int: Int64
    subscript(_ i: Int) -> Double { double }
    subscript(_ i: Int) -> Int64 { int }
}

private struct IntsAsDoubles: DoubleSource {
    let ints: ElementReader<Int64>
    subscript(_ i: Int) -> Double { Double(ints[i]) }
}

private struct BoolsAsNumbers: DoubleSource, IntSource {
    let bools: ElementReader<UInt8>
    // A pickled bool array may hold any non-zero byte for True.
    subscript(_ i: Int) -> Double { bools[i] != 0 ? 1 : 0 }
    subscript(_ i: Int) -> Int64 { bools[i] != 0 ? 1 : 0 }
}

/// `out[i] = x(i) op y(i)` for a comparison; inlined into each specialised kernel.
@inline(__always)
private func compare<T: Comparable>(_ op: NumericOp, _ n: Int, _ out: UnsafeMutableBufferPointer<UInt8>,
                                    _ x: (Int) -> T, _ y: (Int) -> T) {
    switch op {
    case .lt: for i in 0..<n { out[i] = x(i) < y(i) ? 1 : 0 }
    case .le: for i in 0..<n { out[i] = x(i) <= y(i) ? 1 : 0 }
    case .gt: for i in 0..<n { out[i] = x(i) > y(i) ? 1 : 0 }
    case .ge: for i in 0..<n { out[i] = x(i) >= y(i) ? 1 : 0 }
    case .eq: for i in 0..<n { out[i] = x(i) == y(i) ? 1 : 0 }
    default: for i in 0..<n { out[i] = x(i) != y(i) ? 1 : 0 }
    }
}

private func floatKernel<X: DoubleSource, Y: DoubleSource>(_ op: NumericOp, _ x: X, _ y: Y, _ n: Int, _ shape: [Int]) -> NDArray {
    if op.isComparison { return .bool(shape: shape, count: n) { compare(op, n, $0, { x[$0] }, { y[$0] }) } }
    return .float64(shape: shape, count: n) { out in
        switch op {
        case .add: for i in 0..<n { out[i] = x[i] + y[i] }
        case .sub: for i in 0..<n { out[i] = x[i] - y[i] }
        case .mul: for i in 0..<n { out[i] = x[i] * y[i] }
        default: for i in 0..<n { out[i] = x[i] / y[i] }
        }
    }
}

private func intKernel<X: IntSource, Y: IntSource>(_ op: NumericOp, _ x: X, _ y: Y, _ n: Int, _ shape: [Int], bools: Bool) -> NDArray {
    if op.isComparison { return .bool(shape: shape, count: n) { compare(op, n, $0, { x[$0] }, { y[$0] }) } }
    if bools {
        return .bool(shape: shape, count: n) { out in
            switch op {
            case .bitand: for i in 0..<n { out[i] = UInt8(truncatingIfNeeded: x[i] & y[i]) }
            case .bitor: for i in 0..<n { out[i] = UInt8(truncatingIfNeeded: x[i] | y[i]) }
            default: for i in 0..<n { out[i] = UInt8(truncatingIfNeeded: x[i] ^ y[i]) }
            }
        }
    }
    return .int64(shape: shape, count: n) { out in
        switch op {
        case .add: for i in 0..<n { out[i] = x[i] &+ y[i] }
        case .sub: for i in 0..<n { out[i] = x[i] &- y[i] }
        default: for i in 0..<n { out[i] = x[i] &* y[i] }
        }
    }
}

/// One side of a fast element-wise operation: a float64, int64 or bool array, or a Python number
/// (numpy's "weak" scalars take the array's type: int64 + 1 stays int64, bool + 1 becomes int64).
private struct FastOperand {
    enum Kind { case float64, int64, bool, pythonInt, pythonFloat, pythonBool }
    let kind: Kind
    var array: NDArray?
    var int: Int64 = 0
    var double: Double = 0

    init(kind: Kind, int: Int64) { self.kind = kind; self.int = int; self.double = Double(int) }
    init(kind: Kind, double: Double) { self.kind = kind; self.double = double }

    init?(_ a: NDArray) {
        guard a.isNativeContiguous || a.shape.count <= 1 else { return nil }
        switch (a.dtype.kind, a.dtype.itemSize) {
        case ("f", 8): kind = .float64
        case ("i", 8): kind = .int64
        case ("b", 1): kind = .bool
        default: return nil
        }
        array = a
    }

    var isFloat: Bool { kind == .float64 || kind == .pythonFloat }
    var isBool: Bool { kind == .bool || kind == .pythonBool }
    var repeated: Repeated { Repeated(double: double, int: int) }
}

/// `x op y` on doubles. Each side is dispatched to its concrete source type here, so every kernel
/// call is specialised (an opened existential would go through witness tables per element).
private func floatResult(_ op: NumericOp, _ x: FastOperand, _ y: FastOperand, _ n: Int, _ shape: [Int]) -> NDArray? {
    func second<X: DoubleSource>(_ sx: X) -> NDArray? {
        guard let a = y.array else { return floatKernel(op, sx, y.repeated, n, shape) }
        switch y.kind {
        case .float64: return a.withDoubles { floatKernel(op, sx, $0, n, shape) }
        case .bool: return a.withBools { floatKernel(op, sx, BoolsAsNumbers(bools: $0), n, shape) }
        default: return a.withInt64s { floatKernel(op, sx, IntsAsDoubles(ints: $0), n, shape) }
        }
    }
    guard let a = x.array else { return second(x.repeated) }
    switch x.kind {
    case .float64: return a.withDoubles { second($0) } ?? nil
    case .bool: return a.withBools { second(BoolsAsNumbers(bools: $0)) } ?? nil
    default: return a.withInt64s { second(IntsAsDoubles(ints: $0)) } ?? nil
    }
}

/// `x op y` on integers (bools as 0/1), dispatched to concrete sources as `floatResult` is.
private func intResult(_ op: NumericOp, _ x: FastOperand, _ y: FastOperand, _ n: Int, _ shape: [Int], bools: Bool) -> NDArray? {
    func second<X: IntSource>(_ sx: X) -> NDArray? {
        guard let a = y.array else { return intKernel(op, sx, y.repeated, n, shape, bools: bools) }
        if y.kind == .bool { return a.withBools { intKernel(op, sx, BoolsAsNumbers(bools: $0), n, shape, bools: bools) } }
        return a.withInt64s { intKernel(op, sx, $0, n, shape, bools: bools) }
    }
    guard let a = x.array else { return second(x.repeated) }
    if x.kind == .bool { return a.withBools { second(BoolsAsNumbers(bools: $0)) } ?? nil }
    return a.withInt64s { second($0) } ?? nil
}

extension NDArrayHost {
    /// Python's `sum(a)`, `min(a)` and `max(a)` over a 1-D float64 or int64 array, straight from
    /// the buffer: the same left-to-right additions from 0 (not numpy's pairwise sum) and the same
    /// comparisons Python's loop makes (`best < x` for max: a NaN first stays, a later NaN never
    /// wins), so the answer is the one iterating would give. An int64 sum that overflows, where
    /// numpy's scalars would wrap with a warning, takes the general path.
    func builtinFold(_ builtin: String) throws -> Value? {
        let n = array.count
        guard array.shape.count == 1, n > 0, ["sum", "min", "max"].contains(builtin) else { return nil }
        func element(_ i: Int) -> Value? { array.scalar(atFlat: i).map { env.wrap(NDScalarHost($0, env: env)) } }
        switch array.dtype.kind {
        case "f" where array.dtype.itemSize == 8:
            return array.withDoubles { p -> Value? in
                if builtin == "sum" {
                    var total = 0.0
                    for i in 0..<n { total += p[i] }
                    return NumPyMath.result(.float64([total], shape: []), env: env)
                }
                var best = 0
                for i in 1..<n where builtin == "max" ? p[best] < p[i] : p[i] < p[best] { best = i }
                return element(best)
            } ?? nil
        case "i" where array.dtype.itemSize == 8:
            return array.withInt64s { p -> Value? in
                if builtin == "sum" {
                    var total: Int64 = 0
                    for i in 0..<n {
                        let (s, overflow) = total.addingReportingOverflow(p[i])
                        if overflow { return nil }
                        total = s
                    }
                    return NumPyMath.result(.int64([Int(total)], shape: []), env: env)
                }
                var best = 0
                for i in 1..<n where builtin == "max" ? p[best] < p[i] : p[i] < p[best] { best = i }
                return element(best)
            } ?? nil
        default:
            return nil
        }
    }
}
