// numpy scalars (`np.float64(0.875)`, `np.int64(3)`, `np.str_('cat')`): numpy's repr, the Python value's
// str, arithmetic and float()/int() like the number they hold.
import MFSInterpreter
import Pickle

/// A numpy scalar is its own language value: an instance of its class (`numpy.float64`) whose host is
/// itself, one allocation per element of a loop (`env.wrap` hands it out as it is).
final class NDScalarHost: PyInstance, NumericObject {
    let dtype: NDDType
    /// The value of a bool, integer or float scalar (`NDScalar.number`); nil for the other kinds.
    let number: PickleValue?
    let env: NumericEnvironment
    /// The scalar as decoded, when it came as one; a number scalar made by a loop over an array or
    /// by arithmetic has none until something asks (one object less per element).
    private let decoded: NDScalar?

    init(_ scalar: NDScalar, env: NumericEnvironment) {
        dtype = scalar.dtype; number = scalar.number; decoded = scalar; self.env = env
        super.init(cls: env.scalarClass(scalar.dtype))
    }
    /// A bool, integer or float scalar from its value, already in the dtype's range and precision.
    init(dtype: NDDType, number: PickleValue, env: NumericEnvironment) {
        self.dtype = dtype; self.number = number; decoded = nil; self.env = env
        super.init(cls: env.scalarClass(dtype))
    }
    /// The same with the class of the dtype's scalars already found (a loop over an array finds it once).
    init(dtype: NDDType, number: PickleValue, env: NumericEnvironment, cls: PyClass) {
        self.dtype = dtype; self.number = number; decoded = nil; self.env = env
        super.init(cls: cls)
    }

    override var host: (any HostObject)? { self }

    var scalar: NDScalar { decoded ?? NDScalar(dtype: dtype, number: number ?? .none) }
    /// What `item()` gives.
    var value: PickleValue { number ?? scalar.value }

    static func typeName(of dtype: NDDType) -> String {
        switch dtype.kind {
        case "U": return "str_"
        case "S": return "bytes_"
        case "O": return "object_"
        case "M": return "datetime64"
        case "m": return "timedelta64"
        default: return dtype.name
        }
    }
    static let methods = ["item", "tolist"]

    var typeName: String { Self.typeName(of: dtype) }
    var moduleName: String { "numpy" }
    var envIfAny: NumericEnvironment? { env }
    var attributeNames: [String] {
        let own = ["dtype", "item", "ndim", "shape", "size", "tolist"]
        guard let text = textValue else { return own }
        // str_ has str's methods too (offered by tab completion).
        return own + env.converter.interpreter.attributeNames(of: text).filter { !$0.hasPrefix("_") }
    }
    var methodNames: [String] { Self.methods }
    // Scalars are made per element (iteration, indexing): nothing is computed up front.
    var lazyAttributeNames: [String] { ["dtype", "ndim", "shape", "size"] }
    func repr() -> String { scalar.reprText }
    func str() -> String { scalar.strText }

    /// The scalar as a 0-d array of its dtype (for arithmetic).
    var asArray: NDArray { NDArray.stacking([scalar], shape: []) ?? .objects([value], shape: []) }

    /// What CPython's numpy derives these scalar types from: `isinstance(np.float64(1), float)` is True.
    var builtinBaseName: String? {
        switch (dtype.kind, dtype.itemSize) {
        case ("f", 8): return "float"
        case ("c", 16): return "complex"
        case ("U", _): return "str"
        case ("S", _): return "bytes"
        default: return nil
        }
    }

    /// `np.str_` and `np.bytes_` derive from `str` and `bytes`: their methods, operators, len() and
    /// iteration are those of the Python value (and give plain Python values, as numpy's do).
    private var textValue: Value? {
        guard dtype.kind == "U" || dtype.kind == "S" else { return nil }
        return try? env.python(value)
    }

    func length() throws -> Int {
        guard let text = textValue else { throw PyException.typeError("object of type '\(typeName)' has no len()") }
        switch text {
        case .str(let s): return s.unicodeScalars.count
        case .bytes(let b): return b.count
        default: throw PyException.typeError("object of type '\(typeName)' has no len()")
        }
    }

    func getItem(_ key: Value) throws -> Value {
        guard let text = textValue else { throw PyException.typeError("'\(typeName)' object is not subscriptable") }
        return try env.converter.interpreter.item(of: text, key)
    }

    func makeIterator() throws -> PyIterator {
        guard let text = textValue else { throw PyException.typeError("'\(typeName)' object is not iterable") }
        return ArrayIterator(try env.converter.interpreter.iterateAll(text), typeName: "str_ascii_iterator")
    }

    func getAttribute(_ name: String) throws -> Value? {
        if let text = textValue, !name.hasPrefix("_"), let method = try? env.converter.interpreter.attribute(of: text, name) {
            return method
        }
        switch name {
        case "dtype": return env.wrap(NDDTypeHost(dtype, env: env))
        case "shape": return .tuple([])
        case "ndim": return .int(0)
        case "size": return .int(1)
        case "itemsize": return .int(dtype.itemSize)
        case "item", "tolist": return .newBuiltin(name) { [self] _, _ in try env.python(value) }
        case "real" where "biuf".contains(dtype.kind): return env.wrap(self)
        default:
            // numpy scalars have the array methods (`np.True_.sum()`, `np.float64(2).round(1)`), and
            // float64's those of float after them (`is_integer`, `hex`), as in its CPython MRO.
            guard NDArrayHost.scalarArrayMethods.contains(name) else {
                guard builtinBaseName == "float", !name.hasPrefix("_"), case .float(let x) = value else { return nil }
                return try? env.converter.interpreter.attribute(of: .float(x), name)
            }
            return try NDArrayHost(asArray, env: env).getAttribute(name)
        }
    }

    /// numpy's scalars hash and compare as the Python value they hold (`hash(np.float64(1.5)) ==
    /// hash(1.5)`, `{np.int64(2): 'a'}[2]`); dates and other kinds keep identity.
    var keyValue: Value? {
        switch number ?? value {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let x): return .float(x)
        case .string(let s): return .str(s)
        default: return nil
        }
    }

    var isTruthy: Bool {
        switch value {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let x): return x != 0
        case .string(let s): return !s.isEmpty
        default: return true
        }
    }

    func toDouble() throws -> Double? {
        switch value {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .float(let x): return x
        case .string(let text):
            // np.str_ is a str: float('1.5') works, float('x') is a ValueError.
            guard let x = Double(text.trimmingSpaces) else { throw PyException.valueError("could not convert string to float: \(pythonStringRepr(text))") }
            return x
        default: return nil
        }
    }

    func toInteger() throws -> Value? {
        switch value {
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let i): return .int(i)
        case .bigInt: return try env.python(value)
        case .string(let text):
            guard let i = Int(text.trimmingSpaces) else { throw PyException.valueError("invalid literal for int() with base 10: \(pythonStringRepr(text))") }
            return .int(i)
        case .float(let x):
            if x.isNaN { throw PyException.valueError("cannot convert float NaN to integer") }
            if x.isInfinite { throw PyException.overflow("cannot convert float infinity to integer") }
            return try env.python(integerValue(truncating: x))
        default: return nil
        }
    }

    /// `round(x)` gives a Python int; `round(x, n)` a numpy scalar of the same type.
    func round(_ digits: Value) throws -> Value {
        let kind = dtype.kind
        guard "iuf".contains(kind) else { throw PyException.typeError("type \(typeName) doesn't define __round__ method") }
        guard case .int(let n) = digits else {
            guard digits.isNone else { throw PyException.typeError("'\(digits.typeName)' object cannot be interpreted as an integer") }
            guard let x = try toDouble() else { return .none }
            if x.isNaN { throw PyException.valueError("cannot convert float NaN to integer") }
            if x.isInfinite { throw PyException.overflow("cannot convert float infinity to integer") }
            return try env.python(integerValue(truncating: x.rounded(.toNearestOrEven)))
        }
        var scale = 1.0
        for _ in 0..<Int(min(n.magnitude, 400)) { scale *= 10 }
        if kind == "f", let x = try toDouble() {
            let y = NumPyMath.roundedFloat(x, decimals: n, scale: scale, itemSize: dtype.itemSize)
            return NumPyMath.result(.make(dtype: dtype, doubles: [y], shape: []), env: env)
        }
        guard case .int(let i) = value, n < 0 else { return env.wrap(self) }
        let y = (Double(i) / scale).rounded(.toNearestOrEven) * scale
        return NumPyMath.result(.make(dtype: dtype, ints: [Int(exactly: y) ?? 0], shape: []), env: env)
    }

    func binary(_ op: NumericOp, _ other: Value, reflected: Bool) throws -> Value? {
        if let mine = textValue {
            let theirs = NumericHosts.scalar(other)?.textValue ?? other
            // As in scalarResult, a reflected comparison comes already swapped.
            return reflected ? try env.converter.interpreter.operate(op.isComparison ? op.swapped.symbol : op.symbol, theirs, mine)
                             : try env.converter.interpreter.operate(op.symbol, mine, theirs)
        }
        if let big = try NumericHosts.bigIntSubstitute(other, op, dtype: dtype) { return try binary(op, big, reflected: reflected) }
        if let r = try scalarResult(op, other, reflected: reflected) { return r.value(env: env) }
        guard let mine = NumericOperand(array: asArray), let theirs = NumericOperand(other) else {
            if "Mm".contains(dtype.kind), let r = try NDArrayHost(asArray, env: env).timeArithmetic(op, other, reflected: reflected) {
                return r
            }
            if op == .eq || op == .ne {
                // Strings, dates and other non-numbers compare as the Python value numpy's item() gives.
                let same = pyValueEquals(try env.python(value), other)
                return .bool(op == .eq ? same : !same)
            }
            return nil
        }
        return try reflected ? NumPyMath.apply(op.swapped, theirs, mine, env: env) : NumPyMath.apply(op, mine, theirs, env: env)
    }

    func inverted() throws -> Value? { try NDArrayHost(asArray, env: env).inverted() }

    func negated() throws -> Value? {
        guard let o = NumericOperand(array: asArray) else { return nil }
        return try NumPyMath.negate(o, env: env)
    }

    private func pyValueEquals(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.str(let x), .str(let y)): return x == y
        case (.bytes(let x), .bytes(let y)): return x == y
        default:
            if let o = NumericHosts.object(b) as? NDScalarHost { return pythonRepr(o.value) == pythonRepr(value) }
            return false
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
