// numpy arrays, scalars and dtypes as language values: attributes, basic indexing, iteration, tolist(),
// reductions and numpy-exact repr/str.
import MFSInterpreter
import Pickle

final class NDArrayHost: NumericObject {
    let array: NDArray
    let env: NumericEnvironment
    /// Set for the arrays behind Series methods like `gt`, which return the element-wise result itself.
    let comparisonsAsArrays: Bool
    init(_ array: NDArray, env: NumericEnvironment, comparisonsAsArrays: Bool = true) {
        self.array = array; self.env = env; self.comparisonsAsArrays = comparisonsAsArrays
    }

    var typeName: String { "ndarray" }
    var moduleName: String { "numpy" }
    var doc: String? { "A numpy array decoded from an artifact (read-only)." }
    var attributeNames: [String] {
        ["T", "all", "any", "argmax", "argmin", "copy", "dtype", "flatten", "item", "max", "mean", "min", "ndim",
         "ravel", "shape", "size", "sum", "tolist"] + Self.extraMethodNames
    }
    var methodNames: [String] {
        ["all", "any", "argmax", "argmin", "copy", "flatten", "item", "max", "mean", "min", "ravel", "sum", "tolist"] + Self.extraMethodNames
    }
    var lazyAttributeNames: [String] { ["T"] }
    /// The array methods numpy scalars have too.
    static let scalarArrayMethods: Set<String> = ["all", "any", "argmax", "argmin", "astype", "cumsum", "max", "mean", "min",
                                                  "prod", "round", "std", "sum", "var", "flatten", "ravel", "reshape"]

    func repr() -> String { array.reprText }
    func str() -> String { array.strText }

    /// The element at a C-order flat index as numpy returns it: a numpy scalar, or the object itself.
    func item(_ flat: Int) throws -> Value {
        // Numbers straight from the bytes (loops over arrays come here once per element).
        if array.dtype.holdsNumbers, case .raw(let bytes) = array.storage, flat >= 0, flat < array.count,
           let v = decodeElement(array.dtype, bytes, array.memoryIndex(ofFlat: flat)), v.isPlainNumber {
            return env.wrap(NDScalarHost(dtype: array.dtype, number: v, env: env))
        }
        if array.dtype.kindCode == UInt8(ascii: "O") { return try env.python(array.element(at: flat) ?? PickleValue.none) }
        guard let s = array.scalar(atFlat: flat) else { throw PyException.indexError("index \(flat) is out of bounds") }
        return env.wrap(NDScalarHost(s, env: env))
    }

    func method(_ name: String, _ body: @escaping ([Value], [(String, Value)]) throws -> Value) -> Value {
        .newBuiltin(name, body)
    }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "dtype": return env.wrap(NDDTypeHost(array.dtype, env: env))
        case "shape": return .tuple(array.shape.map { .int($0) })
        case "ndim": return .int(array.shape.count)
        case "size": return .int(array.count)
        case "itemsize": return .int(array.dtype.itemSize)
        case "nbytes": return .int(array.count * array.dtype.itemSize)
        case "T": return try transposed()
        case "tolist":
            return method(name) { [self] _, _ in
                guard let list = array.toList() else { throw PyException.builtin("MemoryError", "array too large for tolist()") }
                return try env.python(list)
            }
        case "item":
            return method(name) { [self] args, _ in
                if args.isEmpty {
                    guard array.count == 1 else { throw PyException.valueError("can only convert an array of size 1 to a Python scalar") }
                    return try env.python(array.element(at: 0) ?? PickleValue.none)
                }
                guard case .int(let i) = args[0], i >= -array.count, i < array.count else {
                    throw PyException.indexError("index is out of bounds for size \(array.count)")
                }
                return try env.python(array.element(at: i < 0 ? i + array.count : i) ?? PickleValue.none)
            }
        case "copy": return method(name) { [self] _, _ in env.wrap(NDArrayHost(array.gathering(Array(0..<array.count), shape: array.shape), env: env)) }
        case "flatten", "ravel":
            return method(name) { [self] _, _ in env.wrap(NDArrayHost(array.gathering(Array(0..<array.count), shape: [array.count]), env: env)) }
        case "sum", "mean", "min", "max", "argmax", "argmin", "any", "all", "std", "var":
            return method(name) { [self] args, kwargs in try reduce(name, args, kwargs) }
        default: return extraMethod(name)
        }
    }

    private func transposed() throws -> Value {
        let shape = array.shape
        guard shape.count > 1 else { return env.wrap(self) }
        let newShape = Array(shape.reversed())
        _ = try NumPyMath.resultCount(newShape)
        var flat: [Int] = []
        flat.reserveCapacity(array.count)
        var index = Array(repeating: 0, count: newShape.count)
        for _ in 0..<array.count {
            // index over the transposed shape; the source index is its reverse.
            var source = 0
            for axis in 0..<shape.count { source = source * shape[axis] + index[shape.count - 1 - axis] }
            flat.append(source)
            var axis = newShape.count - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < newShape[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
        return env.wrap(NDArrayHost(array.gathering(flat, shape: newShape), env: env))
    }

    // MARK: reductions

    private func reduce(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        if let kept = try keepingDims(args, kwargs, { try reduce(name, $0, $1) }) { return kept }
        var axis: Value = args.first ?? .none
        var ddof = 0
        guard args.count <= 1 else { throw PyException.typeError("\(name)() takes at most 1 positional argument in mfsh (\(args.count) given)") }
        for (k, v) in kwargs {
            switch (k, v) {
            case ("axis", _): axis = v
            case ("ddof", .int(let d)) where name == "std" || name == "var": ddof = d
            default: throw PyException.typeError("\(name)() got an unexpected keyword argument '\(k)'")
            }
        }
        if axis.isNone, let v = fastReduce(name, ddof: ddof) { return v }
        guard let operand = NumericOperand(array: array) else {
            if axis.isNone, let v = try nonNumericReduce(name) { return v }
            throw PyException.typeError("\(name)() is not supported for dtype \(array.dtype.name) in mfsh")
        }
        let ndim = array.shape.count
        if case .int(let a) = axis, ndim == 0, a == 0 || a == -1, !["mean", "std", "var"].contains(name) { axis = .none }
        if axis.isNone { return try reduceValues(name, operand, Array(0..<array.count), ddof: ddof) }
        guard case .int(let rawAxis) = axis else { throw PyException.typeError("'\(axis.typeName)' object cannot be interpreted as an integer") }
        let a = rawAxis < 0 ? rawAxis + ndim : rawAxis
        guard a >= 0, a < ndim else {
            throw PyException(env.axisError, "axis \(rawAxis) is out of bounds for array of dimension \(ndim)")
        }
        var outShape = array.shape
        outShape.remove(at: a)
        _ = try NumPyMath.resultCount(outShape)
        let inner = try NumPyMath.count(array.shape[(a + 1)...]), length = array.shape[a]
        let outer = try NumPyMath.count(array.shape[..<a])
        var scalars: [NDScalar] = []
        for o in 0..<outer {
            for i in 0..<inner {
                let positions = (0..<length).map { (o * length + $0) * inner + i }
                // numpy sums a contiguous last axis pairwise, any other axis one row after another.
                guard let s = NumericHosts.object(try reduceValues(name, operand, positions, ddof: ddof, sequential: inner > 1)) as? NDScalarHost else {
                    throw PyException.typeError("\(name)(axis=) is not supported for dtype \(array.dtype.name) in mfsh")
                }
                scalars.append(s.scalar)
            }
        }
        guard let out = NDArray.stacking(scalars, shape: outShape) else {
            return env.wrap(NDArrayHost(.objects([], shape: [0]), env: env))
        }
        return NumPyMath.result(out, env: env)
    }

    /// numpy's accumulator type for sum: int64/uint64 for integers and bools, the float type itself.
    private var sumType: NDDType {
        switch array.dtype.kind {
        case "f": return array.dtype.nativeOrder
        case "u": return NumPyMath.dtype("u", 8)
        default: return .int64
        }
    }

    private func reduceValues(_ name: String, _ o: NumericOperand, _ positions: [Int], ddof: Int = 0,
                              sequential: Bool = false) throws -> Value {
        func scalar(_ a: NDArray) -> Value { NumPyMath.result(a, env: env) }
        let doubles = positions.map { o.doubles[$0] }
        let isSingle = array.dtype.kind == "f" && array.dtype.itemSize <= 4
        func total<T: BinaryFloatingPoint>(_ values: [T]) -> T {
            sequential ? values.reduce(0, +) : NumPyMath.sum(values[...])
        }
        func floatSum() -> Double { isSingle ? Double(total(doubles.map { Float($0) })) : total(doubles) }
        switch name {
        case "std", "var":
            // numpy's _var: the mean, squared deviations, their sum over n - ddof, in the array's float precision.
            let type: NDDType = array.dtype.kind == "f" ? array.dtype.nativeOrder : .float64
            let d = Double(doubles.count - ddof)
            var variance: Double
            if isSingle {
                let values = doubles.map { Float($0) }
                let mean = total(values) / Float(values.count)
                variance = Double(total(values.map { ($0 - mean) * ($0 - mean) }) / Float(max(d, 0)))
            } else {
                // Integers and bools: the mean comes from a float64 sum through numpy's cast buffer.
                let sum = array.dtype.kind == "f" || sequential ? total(doubles) : NumPyMath.castingSum(doubles)
                let mean = sum / Double(doubles.count)
                variance = total(doubles.map { ($0 - mean) * ($0 - mean) }) / max(d, 0)
            }
            if name == "std" { variance = isSingle ? Double(Float(variance).squareRoot()) : variance.squareRoot() }
            return scalar(.make(dtype: type, doubles: [variance], shape: []))
        case "any": return scalar(.bool([doubles.contains { $0 != 0 }], shape: []))
        case "all": return scalar(.bool([doubles.allSatisfy { $0 != 0 }], shape: []))
        case "sum":
            if let ints = o.ints, sumType.kind != "f" { return scalar(.make(dtype: sumType, ints: [positions.reduce(0) { $0 &+ ints[$1] }], shape: [])) }
            return scalar(.make(dtype: sumType, doubles: [floatSum()], shape: []))
        case "mean":
            guard !doubles.isEmpty else { return scalar(.make(dtype: isSingle ? sumType : .float64, doubles: [.nan], shape: [])) }
            if isSingle { return scalar(.make(dtype: sumType, doubles: [Double(Float(floatSum()) / Float(doubles.count))], shape: [])) }
            let sum = array.dtype.kind == "f" || sequential ? total(doubles) : NumPyMath.castingSum(doubles)
            return scalar(.float64([sum / Double(doubles.count)], shape: []))
        default: break
        }
        guard !positions.isEmpty else {
            let what = name == "argmax" || name == "argmin" ? name : name == "min" ? "minimum" : "maximum"
            throw PyException.valueError("zero-size array to reduction operation \(what) which has no identity")
        }
        let wantMax = name == "max" || name == "argmax"
        var best = 0
        for k in 1..<max(positions.count, 1) {
            let y = doubles[best]
            if y.isNaN { break }
            let x = doubles[k]
            if let ints = o.ints {
                if wantMax ? ints[positions[k]] > ints[positions[best]] : ints[positions[k]] < ints[positions[best]] { best = k }
            } else if x.isNaN || (wantMax ? x > y : x < y) || (!name.hasPrefix("arg") && x == y) {
                // Equal values (0.0 and -0.0): numpy's max/min give the last, argmax/argmin the first.
                best = k
            }
        }
        if name == "argmax" || name == "argmin" { return scalar(.int64([best], shape: [])) }
        return try item(positions[best])
    }

    // MARK: protocol

    func length() throws -> Int {
        guard let n = array.shape.first else { throw PyException.typeError("len() of unsized object") }
        return n
    }

    func makeIterator() throws -> PyIterator {
        guard let n = array.shape.first else { throw PyException.typeError("iteration over a 0-d array") }
        var i = 0
        let isVector = array.shape.count == 1
        if isVector, let read = NumberReader(array) {
            return NumberScalarIterator(read, count: n, cls: env.scalarClass(array.dtype), dtype: array.dtype, env: env)
        }
        return ClosureIterator("iterator") { [self] in
            guard i < n else { return nil }
            defer { i += 1 }
            return try isVector ? item(i) : getItem(.int(i))
        }
    }

    /// `v in array`: any element equal to `v` (numbers by value, strings and other values by their Python form).
    func contains(_ v: Value) throws -> Bool {
        if let needle = NumericOperand(v), needle.count == 1, let mine = NumericOperand(array: array) {
            if let i = needle.ints?.first, let ints = mine.ints { return ints.contains(i) }
            return mine.doubles.contains(needle.doubles[0])
        }
        let it = try makeIterator()
        while let x = try it.next() {
            switch (x, v) {
            case (.str(let a), .str(let b)) where a == b: return true
            default:
                if let s = NumericHosts.object(x) as? NDScalarHost, case .string(let a) = s.value, case .str(let b) = v, a == b { return true }
            }
        }
        return false
    }

    func truth() throws -> Bool {
        guard array.count == 1 else {
            if array.count == 0 {
                throw PyException.valueError("The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.")
            }
            throw PyException.valueError("The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
        }
        guard let o = NumericOperand(array: array) else { return true }
        return o.doubles[0] != 0
    }

    /// `float(a)` / `int(a)`: numpy 2 converts a 0-d array only (its one value, as the scalar would).
    func toDouble() throws -> Double? { try zeroDimensional()?.toDouble() }
    func toInteger() throws -> Value? { try zeroDimensional()?.toInteger() }
    private func zeroDimensional() throws -> NDScalarHost? {
        guard array.shape.isEmpty else { throw PyException.typeError("only 0-dimensional arrays can be converted to Python scalars") }
        return array.scalar(atFlat: 0).map { NDScalarHost($0, env: env) }
    }

    func getItem(_ key: Value) throws -> Value {
        if let v = try generalItem(key) { return v }
        if let mask = (NumericHosts.object(key) as? NDArrayHost)?.array ?? (NumericHosts.object(key) as? SeriesHost)?.valuesArray,
           mask.dtype.kind == "b" {
            // A boolean array over the leading axes picks positions there; the other axes come along whole.
            let k = mask.shape.count
            guard k >= 1, k <= array.shape.count else {
                throw PyException.indexError("too many indices for array: array is \(array.shape.count)-dimensional, but \(k) were indexed")
            }
            for axis in 0..<k where mask.shape[axis] != array.shape[axis] {
                throw PyException.indexError("boolean index did not match indexed array along axis \(axis); size of axis is \(array.shape[axis]) but size of corresponding boolean axis is \(mask.shape[axis])")
            }
            let inner = try NumPyMath.count(array.shape[k...])
            let picked = (0..<mask.count).filter { if case .bool(true)? = mask.element(at: $0) { return true }; return false }
            var flat: [Int] = []
            flat.reserveCapacity(picked.count * inner)
            for p in picked { for j in 0..<inner { flat.append(p * inner + j) } }
            return env.wrap(NDArrayHost(array.gathering(flat, shape: [picked.count] + array.shape[k...]), env: env))
        }
        if let flag = NumericHosts.object(key) as? NDScalarHost, case .bool(let picked) = flag.value {
            // `x[True]` / `x[False]`: a new leading axis holding the array once, or not at all.
            return env.wrap(NDArrayHost(array.gathering(picked ? Array(0..<array.count) : [], shape: [picked ? 1 : 0] + array.shape), env: env))
        }
        if let indices = NumericHosts.object(key) as? NDArrayHost, "iu".contains(indices.array.dtype.kind), indices.array.shape.count == 1 {
            // An integer array picks along the first axis, like a list of ints.
            return try getItem(.newList((0..<indices.array.count).map { i in
                if case .int(let v)? = indices.array.element(at: i) { return .int(v) }
                return .none
            }))
        }
        let parts: [Value]
        if case .tuple(let t) = key { parts = t } else { parts = [key] }
        guard parts.count <= array.shape.count else {
            throw PyException.indexError("too many indices for array: array is \(array.shape.count)-dimensional, but \(parts.count) were indexed")
        }
        // Each axis as (start, step, count) first, so an empty result never materialises a huge axis.
        var ranges: [(start: Int, step: Int, count: Int)] = []
        var lists: [Int: [Int]] = [:]
        var newShape: [Int] = []
        for (axis, part) in parts.enumerated() {
            let n = array.shape[axis]
            switch part {
            case .int, .bool:
                guard case .int(let raw) = part else { throw PyException.indexError("boolean scalar indices are not supported in mfsh") }
                let i = raw < 0 ? raw + n : raw
                guard i >= 0, i < n else {
                    throw PyException.indexError("index \(raw) is out of bounds for axis \(axis) with size \(n)")
                }
                ranges.append((i, 1, 1))
            case .slice(let s):
                let r = try sliceBounds(s, count: n)
                ranges.append(r)
                newShape.append(r.count)
            case .list(let l):
                var picked: [Int] = []
                for v in l.items {
                    guard case .int(let raw) = v else { throw PyException.indexError("only integer lists are supported as indices in mfsh") }
                    let i = raw < 0 ? raw + n : raw
                    guard i >= 0, i < n else { throw PyException.indexError("index \(raw) is out of bounds for axis \(axis) with size \(n)") }
                    picked.append(i)
                }
                lists[axis] = picked
                ranges.append((0, 1, picked.count))
                newShape.append(picked.count)
            default:
                if let s = NumericHosts.object(part) as? NDScalarHost, case .int(let raw) = s.value {
                    return try getItem(.tuple(parts.prefix(axis) + [.int(raw)] + parts.dropFirst(axis + 1)))
                }
                throw PyException.indexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
            }
        }
        for axis in parts.count..<array.shape.count {
            ranges.append((0, 1, array.shape[axis]))
            newShape.append(array.shape[axis])
        }
        let total = try NumPyMath.resultCount(newShape)
        if total == 0 { return env.wrap(NDArrayHost(array.gathering([], shape: newShape), env: env)) }
        var flat = [0]
        for (axis, r) in ranges.enumerated() {
            let picked = lists[axis] ?? (0..<r.count).map { r.start + $0 * r.step }
            var next: [Int] = []
            next.reserveCapacity(flat.count * picked.count)
            for base in flat { for i in picked { next.append(base * array.shape[axis] + i) } }
            flat = next
        }
        if newShape.isEmpty { return try item(flat.first ?? 0) }
        return env.wrap(NDArrayHost(array.gathering(flat, shape: newShape), env: env))
    }

    func binary(_ op: NumericOp, _ other: Value, reflected: Bool) throws -> Value? {
        if let big = try NumericHosts.bigIntSubstitute(other, op, dtype: array.dtype) { return try binary(op, big, reflected: reflected) }
        if comparisonsAsArrays || !op.isComparison, let r = try fastBinary(op, other, reflected: reflected) { return r }
        guard let mine = NumericOperand(array: array), let theirs = NumericOperand(other) else {
            if let r = try timeArithmetic(op, other, reflected: reflected) { return r }
            // numpy reads a tuple as it reads a list.
            if op.isComparison, case .tuple(let t) = other { return try binary(op, .newList(t), reflected: reflected) }
            if op.isComparison, comparisonsAsArrays, let r = try env.elementwiseComparison(op, array, other, reflected: reflected) {
                return NumPyMath.result(r, env: env)
            }
            // A list numpy makes an array of: compared as that array (broadcast, or numpy's shape error),
            // never the plain False of objects that differ.
            if op.isComparison, comparisonsAsArrays, env.listItems(other) != nil {
                return try binary(op, env.wrap(NDArrayHost(try env.toArray(other), env: env)), reflected: reflected)
            }
            if op == .eq || op == .ne { return .bool(op == .ne) }
            return nil
        }
        if op.isComparison, !comparisonsAsArrays, mine.count != 1 || theirs.count != 1 {
            throw PyException.typeError("element-wise comparison of arrays is not supported in mfsh: the language turns every comparison into one bool (use Series.gt/lt/ge/le/eq/ne for masks)")
        }
        return try reflected ? NumPyMath.apply(op.swapped, theirs, mine, env: env) : NumPyMath.apply(op, mine, theirs, env: env)
    }

    func negated() throws -> Value? {
        guard let o = NumericOperand(array: array) else { return nil }
        return try NumPyMath.negate(o, env: env)
    }

    /// `~a`: logical not of booleans, bitwise not of integers (numpy's `invert`).
    func inverted() throws -> Value? {
        guard let o = NumericOperand(array: array), array.dtype.kind != "f" else {
            throw PyException.typeError("ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
        }
        if array.dtype.kind == "b" { return NumPyMath.result(.bool(o.doubles.map { $0 == 0 }, shape: array.shape), env: env) }
        guard let ints = o.ints else { return nil }
        // ~x in the array's own width: for unsigned types the bits above the width must stay clear.
        let width = array.dtype.itemSize * 8
        let inverted = ints.map { x -> Int in
            guard array.dtype.kind == "u", width < 64 else { return ~x }
            return ~x & ((1 << width) - 1)
        }
        return NumPyMath.result(.make(dtype: array.dtype.nativeOrder, ints: inverted, shape: array.shape), env: env)
    }
}

/// Python's `slice.indices` applied to a length: the selected positions.
func sliceIndices(_ s: PySlice, count n: Int) throws -> [Int] {
    let r = try sliceBounds(s, count: n)
    return (0..<r.count).map { r.start + $0 * r.step }
}

/// Python's `slice.indices` applied to a length, as first position, step and number of positions.
func sliceBounds(_ s: PySlice, count n: Int) throws -> (start: Int, step: Int, count: Int) {
    func intOrNil(_ v: Value) throws -> Int? {
        switch v {
        case .none: return nil
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: throw PyException.typeError("slice indices must be integers or None or have an __index__ method")
        }
    }
    let step = try intOrNil(s.step) ?? 1
    guard step != 0 else { throw PyException.valueError("slice step cannot be zero") }
    func clamp(_ v: Int?, _ defaultValue: Int) -> Int {
        guard var v else { return defaultValue }
        if v < 0 { v += n }
        if step > 0 { return min(max(v, 0), n) }
        return min(max(v, -1), n - 1)
    }
    let start = clamp(try intOrNil(s.start), step > 0 ? 0 : n - 1)
    let stop = clamp(try intOrNil(s.stop), step > 0 ? n : -1)
    // start and stop lie in [-1, n], so the span cannot overflow; the step's magnitude may be huge.
    let span = step > 0 ? stop - start : start - stop
    guard span > 0 else { return (start, step, 0) }
    let magnitude = step == Int.min ? UInt(Int.max) + 1 : UInt(abs(step))
    let count = Int((UInt(span) - 1) / magnitude) + 1
    return (start, step, count)
}

/// A numpy dtype: `str` gives `float64`, repr `dtype('float64')`, and it equals its name.
final class NDDTypeHost: NumericObject {
    let dtype: NDDType
    let env: NumericEnvironment
    init(_ dtype: NDDType, env: NumericEnvironment) { self.dtype = dtype; self.env = env }

    var typeName: String {
        switch dtype.kind {
        case "U": return "StrDType"
        case "S": return "BytesDType"
        case "O": return "ObjectDType"
        case "M": return "DateTime64DType"
        case "m": return "TimeDelta64DType"
        case "V": return "VoidDType"
        default:
            let name = dtype.name
            return (name.first.map { String($0).uppercased() } ?? "") + name.dropFirst() + "DType"
        }
    }
    var moduleName: String { "numpy.dtypes" }
    var attributeNames: [String] { ["char", "itemsize", "kind", "name", "str"] }
    func repr() -> String { dtype.reprText }
    func str() -> String { dtype.strText }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "name": return .str(dtype.name)
        case "kind": return .str(String(dtype.kind))
        case "itemsize": return .int(dtype.itemSize)
        case "str": return .str(dtype.str)
        case "byteorder": return .str(dtype.byteOrder == "<" ? "=" : String(dtype.byteOrder))
        default: return nil
        }
    }

    func binary(_ op: NumericOp, _ other: Value, reflected: Bool) throws -> Value? {
        guard op == .eq || op == .ne else { return nil }
        var same = false
        if case .str(let s) = other { same = s == dtype.name || s == dtype.str || s == dtype.strText }
        if let d = NumericHosts.object(other) as? NDDTypeHost { same = d.dtype.str == dtype.str }
        // What names a dtype names this one: `dtype == np.float64`, `== float`, `== 'f8'` (numpy
        // converts the other side with np.dtype(); what it cannot convert is unequal, None included).
        switch other {
        case .str, .type, .builtin:
            if !same, let d = try? NDArrayHost.targetType(other) { same = d.str == dtype.str }
        default: break
        }
        return .bool(op == .eq ? same : !same)
    }
}

/// The elements of a 1-D number array as numpy scalars (`for x in a`, comprehensions): each costs one
/// object, nothing more, as a loop over 100,000 elements makes 100,000 of them.
final class NumberScalarIterator: PyIterator {
    private let read: NumberReader
    private let count: Int
    private let cls: PyClass
    private let dtype: NDDType
    private let env: NumericEnvironment
    // Only `next()` touches it, and never re-entrantly: the runtime's check of each access would cost
    // as much as handing out the element.
    @exclusivity(unchecked) private var index = 0

    init(_ read: NumberReader, count: Int, cls: PyClass, dtype: NDDType, env: NumericEnvironment) {
        self.read = read; self.count = count; self.cls = cls; self.dtype = dtype; self.env = env
    }

    override func next() throws -> Value? {
        let i = index
        guard i < count else { return nil }
        index = i + 1
        return .instance(NDScalarHost(dtype: dtype, number: read.value(i), env: env, cls: cls))
    }
}
