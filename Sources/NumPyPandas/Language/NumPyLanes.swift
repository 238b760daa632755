// An array seen as the lanes a reduction along one axis works on (the whole array, flattened, for
// axis=None), and the shapes of its result with and without keepdims. The statistics of
// NumPyModuleStats.swift compute one value per lane with numpy's own formulas.
import MFSInterpreter
import Pickle

struct NDLanes {
    /// The array's elements in C order as Doubles (exact for every type up to 2**53 and for float32).
    let values: [Double]
    /// The elements as integers, for integer and bool arrays.
    let ints: [Int]?
    let length: Int, outer: Int, inner: Int
    /// The result shape without the reduced axis, and with it kept as 1 (keepdims=True).
    let reducedShape: [Int], keptShape: [Int]

    var count: Int { outer * inner }
    /// numpy adds a contiguous lane pairwise; lanes across rows (an axis before the last) one row after another.
    var isContiguous: Bool { inner == 1 }

    /// `axis` is an int, None (nil) or a language value (checked here: only one int axis in mfsh).
    init(_ x: NDArray, axis: Value?, env: NumericEnvironment) throws {
        guard let operand = NumericOperand(array: x) else {
            throw PyException.typeError("this reduction of an array of \(x.dtype.name) is not supported by mfsh")
        }
        values = operand.doubles
        ints = operand.kind == .float ? nil : operand.ints
        let ndim = x.shape.count
        guard let axis, !axis.isNone else {
            length = x.count; outer = 1; inner = 1
            reducedShape = []; keptShape = Array(repeating: 1, count: ndim)
            return
        }
        let raw: Int
        switch axis {
        case .int(let i): raw = i
        case .tuple: throw PyException.typeError("a tuple of axes is not supported by mfsh")
        default:
            if let s = NumericHosts.object(axis) as? NDScalarHost, case .int(let i) = s.value { raw = i; break }
            throw PyException.typeError("'\(axis.typeName)' object cannot be interpreted as an integer")
        }
        let a = raw < 0 ? raw + ndim : raw
        guard a >= 0, a < ndim else { throw PyException(env.axisError, "axis \(raw) is out of bounds for array of dimension \(ndim)") }
        length = x.shape[a]
        outer = try NumPyMath.count(x.shape[..<a])
        inner = try NumPyMath.count(x.shape[(a + 1)...])
        var reduced = x.shape
        reduced.remove(at: a)
        reducedShape = reduced
        var kept = x.shape
        kept[a] = 1
        keptShape = kept
    }

    /// The flat positions of lane `k`'s elements, in order along the axis.
    func positions(_ k: Int) -> [Int] {
        let o = k / max(inner, 1), i = k % max(inner, 1)
        return (0..<length).map { (o * length + $0) * inner + i }
    }

    func lane(_ k: Int) -> [Double] { positions(k).map { values[$0] } }

    /// A sum over a lane's values as numpy's add.reduce does it: pairwise when contiguous.
    /// numpy starts from the identity 0 (so a lone -0.0 sums to 0.0).
    func sum<T: BinaryFloatingPoint>(_ lane: [T]) -> T {
        guard isContiguous else { return lane.reduce(0, +) }
        return lane.withUnsafeBufferPointer { p in 0 + pairwiseSum(p.count) { p[$0] } }
    }

    /// One result per lane as an array of `dtype`, in the reduced (or kept) shape: a numpy scalar for shape ().
    func result(_ perLane: [Double], dtype: NDDType, keepdims: Bool, env: NumericEnvironment) -> Value {
        NumPyMath.result(.make(dtype: dtype, doubles: perLane, shape: keepdims ? keptShape : reducedShape), env: env)
    }
}

extension CallArguments {
    /// `keepdims=`: True, False or not given.
    func keepdims() throws -> Bool { try bool("keepdims", default: false) }
}

extension NDArrayHost {
    /// A reduction's result with `keepdims=True`: the reduced axis (all of them for axis=None) kept as 1.
    /// nil when `kwargs` has no keepdims; the reduction runs with the remaining arguments.
    func keepingDims(_ args: [Value], _ kwargs: [(String, Value)], _ reduce: ([Value], [(String, Value)]) throws -> Value) throws -> Value? {
        guard let k = kwargs.firstIndex(where: { $0.0 == "keepdims" }) else { return nil }
        var rest = kwargs
        let flag = rest.remove(at: k).1
        let reduced = try reduce(args, rest)
        switch flag {
        case .bool(false), .int(0): return reduced
        case .bool(true), .int: break
        default: throw PyException.typeError("keepdims must be True or False")
        }
        let axis = args.first ?? rest.first { $0.0 == "axis" }?.1 ?? .none
        var kept = Array(repeating: 1, count: array.shape.count)
        if case .int(let raw) = axis {
            // The reduction has checked the axis.
            kept = array.shape
            kept[raw < 0 ? raw + kept.count : raw] = 1
        }
        let values = try env.toArray(reduced)
        return NumPyMath.result(values.gathering(Array(0..<values.count), shape: kept), env: env)
    }
}
