// numpy scalars (`np.float64(0.875)`, `np.int64(3)`, `np.str_('cat')`): numpy's repr, the Python value's
// str, arithmetic and float()/int() like the number they hold.
import MFSInterpreter
import Pickle

final class NDScalarHost: NumericObject {
    let scalar: NDScalar
    let env: NumericEnvironment
    init(_ scalar: NDScalar, env: NumericEnvironment) { self.scalar = scalar; self.env = env }

    var typeName: String {
        switch scalar.dtype.kind {
        case "U": return "str_"
        case "S": return "bytes_"
        case "O": return "object_"
        case "M": return "datetime64"
        case "m": return "timedelta64"
        default: return scalar.dtype.name
        }
    }
    var moduleName: String { "numpy" }
    var attributeNames: [String] { ["dtype", "item", "ndim", "shape", "size", "tolist"] }
    func repr() -> String { scalar.reprText }
    func str() -> String { scalar.strText }

    /// The scalar as a 0-d array (for arithmetic).
    var asArray: NDArray { zeroD }
    private var zeroD: NDArray {
        switch scalar.value {
        case .float(let x) where scalar.dtype.kind == "f": return .float64([x], shape: [])
        case .int(let i): return .int64([i], shape: [])
        case .bool(let b): return .bool([b], shape: [])
        default: return .objects([scalar.value], shape: [])
        }
    }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "dtype": return env.wrap(NDDTypeHost(scalar.dtype, env: env))
        case "shape": return .tuple([])
        case "ndim": return .int(0)
        case "size": return .int(1)
        case "itemsize": return .int(scalar.dtype.itemSize)
        case "item", "tolist": return .newBuiltin(name) { [self] _, _ in try env.python(scalar.value) }
        case "real" where "biuf".contains(scalar.dtype.kind): return env.wrap(self)
        default: return nil
        }
    }

    var isTruthy: Bool {
        switch scalar.value {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let x): return x != 0
        case .string(let s): return !s.isEmpty
        default: return true
        }
    }

    func toDouble() throws -> Double? {
        switch scalar.value {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .float(let x): return x
        default: return nil
        }
    }

    func toInteger() throws -> Value? {
        switch scalar.value {
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let i): return .int(i)
        case .bigInt(let b): return .integer(b)
        case .float(let x):
            if x.isNaN { throw PyException.valueError("cannot convert float NaN to integer") }
            if x.isInfinite { throw PyException.overflow("cannot convert float infinity to integer") }
            guard abs(x) < 9.2e18 else { throw PyException.overflow("integer too large for mfsh") }
            return .int(Int(x.rounded(.towardZero)))
        default: return nil
        }
    }

    func binary(_ op: NumericOp, _ other: Value, reflected: Bool) throws -> Value? {
        guard let mine = NumericOperand(array: zeroD), let theirs = NumericOperand(other) else {
            if op == .eq || op == .ne {
                // Strings, dates and other non-numbers compare as the Python value numpy's item() gives.
                let same = pyValueEquals(try env.python(scalar.value), other)
                return .bool(op == .eq ? same : !same)
            }
            return nil
        }
        return try reflected ? NumPyMath.apply(op.swapped, theirs, mine, env: env) : NumPyMath.apply(op, mine, theirs, env: env)
    }

    func negated() throws -> Value? {
        guard let o = NumericOperand(array: zeroD) else { return nil }
        return try NumPyMath.apply(.sub, NumericOperand(kind: .int, shape: [], ints: [0], doubles: [0], isNumpy: false), o, env: env)
    }

    private func pyValueEquals(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.str(let x), .str(let y)): return x == y
        case (.bytes(let x), .bytes(let y)): return x == y
        default:
            if let o = NumericHosts.object(b) as? NDScalarHost { return pythonRepr(o.scalar.value) == pythonRepr(scalar.value) }
            return false
        }
    }
}
