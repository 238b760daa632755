// `import numpy as np` and `import pandas as pd`: the modules scripts import, built on first import
// (registering them costs nothing at start-up), over the same values decoded artifacts are. Their
// members live in NumPyModule*.swift and PandasModule*.swift; what they share is here: the call
// arguments of a module function and the conversion of Python values into arrays.
import BigInt
import MFSInterpreter
import Pickle

package enum NumericModules {
    /// Makes `numpy` and `pandas` importable in `interpreter`; `converter` turns decoded values into the
    /// embedder's language values, as for artifacts.
    package static func register(in interpreter: Interpreter, converter: any PickleValueConverter) {
        // One environment for both modules, made on the first import of either.
        final class Shared { var env: NumericEnvironment? }
        let shared = Shared()
        let env = { [unowned converter] () -> NumericEnvironment in
            if let e = shared.env { return e }
            let e = NumericEnvironment(converter: converter)
            shared.env = e
            return e
        }
        interpreter.registerLazyModule("numpy") { NumPyModule.members(env()) }
        interpreter.registerLazyModule("pandas") { PandasModule.members(env()) }
    }
}

/// The arguments of a module function, bound to its parameter names as Python binds them: positional
/// ones in order, then keywords; a keyword the function does not take is a TypeError, never ignored.
struct CallArguments {
    let function: String
    private var bound: [String: Value] = [:]

    init(_ function: String, _ args: [Value], _ kwargs: [(String, Value)], _ names: [String], required: Int = 0) throws {
        self.function = function
        guard args.count <= names.count else {
            throw PyException.typeError("\(function)() takes at most \(names.count) positional arguments (\(args.count) given)")
        }
        for (name, value) in zip(names, args) { bound[name] = value }
        for (name, value) in kwargs {
            guard names.contains(name) else { throw PyException.typeError("\(function)() got an unexpected keyword argument '\(name)'") }
            guard bound[name] == nil else { throw PyException.typeError("\(function)() got multiple values for argument '\(name)'") }
            bound[name] = value
        }
        for name in names.prefix(required) where bound[name] == nil {
            throw PyException.typeError("\(function)() missing required argument '\(name)'")
        }
    }

    /// The argument, nil when not given or None.
    subscript(_ name: String) -> Value? {
        guard let v = bound[name], !v.isNone else { return nil }
        return v
    }

    /// The argument as given (None too), nil only when not given: for parameters whose default is not None.
    func given(_ name: String) -> Value? { bound[name] }

    func int(_ name: String) throws -> Int? {
        guard let v = self[name] else { return nil }
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default:
            if let s = NumericHosts.object(v) as? NDScalarHost, case .int(let i) = s.value { return i }
            throw PyException.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
        }
    }

    func bool(_ name: String, default value: Bool) throws -> Bool {
        guard let v = self[name] else { return value }
        if case .bool(let b) = v { return b }
        if case .int(let i) = v { return i != 0 }
        throw PyException.typeError("\(function)(): \(name) must be True or False")
    }

    func double(_ name: String) throws -> Double? {
        guard let v = self[name] else { return nil }
        guard let x = NumericOperand(v), x.count == 1 else { throw PyException.typeError("\(function)(): \(name) must be a number") }
        return x.doubles[0]
    }
}

extension NumericEnvironment {
    /// `np.asarray(v)`: an array as is; a Series' values; a Python number, string or bool as a 0-d
    /// array; nested lists and tuples as an array of their common type (bool < int64 < float64, str as
    /// `<U{longest}`, anything else object), with numpy's errors for ragged nesting.
    func toArray(_ v: Value, dtype: NDDType? = nil) throws -> NDArray {
        if let h = NumericHosts.object(v) as? NDArrayHost { return try cast(h.array, to: dtype) }
        if let s = NumericHosts.object(v) as? SeriesHost, let a = s.valuesArray { return try cast(a, to: dtype) }
        if let s = NumericHosts.object(v) as? NDScalarHost { return try cast(s.asArray, to: dtype) }
        var shape: [Int] = []
        var leaves: [Value] = []
        try flatten(v, depth: 0, shape: &shape, leaves: &leaves)
        return try build(leaves, shape: shape, dtype: dtype)
    }

    private func items(_ v: Value) -> [Value]? {
        switch v {
        case .list(let l): return l.items
        case .tuple(let t): return t
        // np.array(range(n)), pd.Series(range(n)); one beyond 2**28 elements stays a leaf (and is refused).
        case .range(let r) where r.count <= 1 << 28: return (0..<r.count).map { .int(r.at($0)) }
        default:
            if let h = NumericHosts.object(v) as? NDArrayHost, h.array.shape.count >= 1 {
                return (0..<h.array.shape[0]).compactMap { try? h.getItem(.int($0)) }
            }
            return nil
        }
    }

    private func flatten(_ v: Value, depth: Int, shape: inout [Int], leaves: inout [Value]) throws {
        if depth == 0 {
            // The shape is read down the first elements; every other element must then agree with it.
            var current = v
            while let children = items(current), shape.count < 32 {
                shape.append(children.count)
                guard let first = children.first else { break }
                current = first
            }
            guard shape.count < 32 else { throw PyException.valueError("maximum supported dimension for an ndarray is 32, found 33") }
        }
        let children = items(v)
        if depth == shape.count {
            guard children == nil else { throw ragged(shape, depth) }
            leaves.append(v)
            return
        }
        guard let children, children.count == shape[depth] else { throw ragged(shape, depth) }
        for child in children { try flatten(child, depth: depth + 1, shape: &shape, leaves: &leaves) }
    }

    private func ragged(_ shape: [Int], _ depth: Int) -> PyException {
        let detected = shape.prefix(max(depth, 1)).map(String.init).joined(separator: ", ")
        let tuple = "(" + detected + (max(depth, 1) == 1 ? ",)" : ")")
        return PyException.valueError("setting an array element with a sequence. The requested array has an inhomogeneous shape after \(max(depth, 1)) dimensions. The detected shape was \(tuple) + inhomogeneous part.")
    }

    /// Leaves in C order as an array of their common type (or `dtype`).
    private func build(_ leaves: [Value], shape: [Int], dtype: NDDType?) throws -> NDArray {
        if let dtype { try checkPythonIntsFit(leaves, dtype) }
        if let unsigned = try unsigned64(leaves, dtype: dtype, shape: shape) { return unsigned }
        var sawInt = false, sawFloat = false, sawStr = false, sawOther = false
        var longest = 0
        for leaf in leaves {
            switch leaf {
            case .bool: break
            case .int: sawInt = true
            case .float: sawFloat = true
            case .str(let s): sawStr = true; longest = max(longest, s.unicodeScalars.count)
            default:
                if let s = NumericHosts.object(leaf) as? NDScalarHost, "biuf".contains(s.dtype.kind) {
                    if s.dtype.kind == "f" { sawFloat = true } else if s.dtype.kind != "b" { sawInt = true }
                } else {
                    sawOther = true
                }
            }
        }
        if sawStr && (sawInt || sawFloat || sawOther || leaves.contains { if case .bool = $0 { return true }; return false }) {
            throw PyException.typeError("an array mixing strings with other values is not supported by mfsh")
        }
        let kind: Character = leaves.isEmpty ? "f" : sawOther ? "O" : sawStr ? "U" : sawFloat ? "f" : sawInt ? "i" : "b"
        let count = leaves.count
        let natural: NDArray
        switch kind {
        case "b": natural = .bool(leaves.map { if case .bool(true) = $0 { return true }; return false }, shape: shape)
        case "i":
            natural = .make(dtype: .int64, ints: try leaves.map { leaf -> Int in
                guard let o = NumericOperand(leaf), let i = o.ints?.first else { throw PyException.overflow("Python int too large to convert to C long") }
                return i
            }, shape: shape)
        case "f": natural = .make(dtype: .float64, doubles: leaves.map { NumericOperand($0)?.doubles.first ?? .nan }, shape: shape)
        case "U":
            let width = max(longest, 1)
            var bytes: [UInt8] = []
            bytes.reserveCapacity(count * width * 4)
            for leaf in leaves {
                guard case .str(let s) = leaf else { continue }
                var n = 0
                for scalar in s.unicodeScalars {
                    let c = scalar.value
                    bytes += [UInt8(c & 0xff), UInt8(c >> 8 & 0xff), UInt8(c >> 16 & 0xff), UInt8(c >> 24)]
                    n += 1
                }
                bytes += [UInt8](repeating: 0, count: (width - n) * 4)
            }
            natural = NDArray(dtype: NDDType(kind: "U", itemSize: width * 4, byteOrder: "<"), shape: shape, isFortranOrder: false,
                              storage: .raw(PickleBytes(bytes)))
        default:
            natural = .objects(try leaves.map(pickleValue), shape: shape)
        }
        return try cast(natural, to: dtype)
    }

    /// Python ints of which some are beyond int64 but all within uint64 (`np.array([2**63])`,
    /// `np.uint64(2**63)`): numpy makes a uint64 array of them (with no dtype, or dtype uint64).
    /// nil for anything else.
    private func unsigned64(_ leaves: [Value], dtype: NDDType?, shape: [Int]) throws -> NDArray? {
        let uint64 = NumPyMath.dtype("u", 8)
        if let dtype, dtype.kindCode != UInt8(ascii: "u") || dtype.itemSize != 8 { return nil }
        var sawBig = false
        var bits: [Int] = []
        bits.reserveCapacity(leaves.count)
        for leaf in leaves {
            switch leaf {
            case .int(let i) where i >= 0: bits.append(i)
            case .bigint(let big):
                guard let u = UInt64(exactly: big.value) else { return nil }
                sawBig = true
                bits.append(Int(bitPattern: UInt(u)))
            case .bool(let b): bits.append(b ? 1 : 0)
            default: return nil
            }
        }
        guard sawBig else { return nil }
        return .make(dtype: uint64, ints: bits, shape: shape)
    }

    /// numpy 2 refuses a Python int that an integer dtype cannot hold (`np.array([300], dtype=np.int8)`,
    /// `np.uint8(-1)`) instead of wrapping it; numpy scalars and arrays are cast, not checked.
    private func checkPythonIntsFit(_ leaves: [Value], _ dtype: NDDType) throws {
        let kind = dtype.kindCode
        guard kind == UInt8(ascii: "i") || kind == UInt8(ascii: "u"), dtype.itemSize <= 8 else { return }
        let bits = 8 * dtype.itemSize
        for leaf in leaves {
            switch leaf {
            case .int(let i):
                let fits = kind == UInt8(ascii: "i") ? (bits >= 64 || (i >= -(1 << (bits - 1)) && i < 1 << (bits - 1)))
                    : i >= 0 && (bits >= 64 || i < 1 << bits)
                if !fits { throw PyException.overflow("Python integer \(i) out of bounds for \(dtype.name)") }
            case .bigint(let big):
                // uint64 holds what int64 cannot (np.uint64(2**63)); anything else beyond int64 is C's long overflow.
                if kind == UInt8(ascii: "u"), dtype.itemSize == 8, UInt64(exactly: big.value) != nil { continue }
                throw PyException.overflow("Python int too large to convert to C long")
            default: continue
            }
        }
    }

    /// A language value as a decoded value, for object arrays: numbers, strings, None, numpy scalars.
    func pickleValue(_ v: Value) throws -> PickleValue {
        switch v {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let x): return .float(x)
        case .str(let s): return .string(s)
        default:
            if let s = NumericHosts.object(v) as? NDScalarHost { return .numpyScalar(s.scalar) }
            if let t = NumericHosts.object(v) as? TimestampHost { return .reconstructed(t.stamp) }
            if let t = NumericHosts.object(v) as? TimedeltaHost { return .reconstructed(t.delta) }
            throw PyException.typeError("an array of \(v.typeName) objects is not supported by mfsh")
        }
    }

    /// `a.astype(dtype)` for the numeric kinds (the array itself when no dtype is asked or it is already one).
    func cast(_ a: NDArray, to dtype: NDDType?) throws -> NDArray {
        guard let dtype, dtype.str != a.dtype.str else { return a }
        let converted: Value?
        do {
            converted = try NDArrayHost(a, env: self).astype(dtypeValue(dtype))
        } catch let e as PyException where e.isInstance(of: "ValueError") {
            throw e  // a string that is no number: numpy's own error
        } catch {
            converted = nil
        }
        guard let converted, let h = NumericHosts.object(converted) as? NDArrayHost else {
            throw PyException.typeError("cannot convert an array of \(a.dtype.name) to \(dtype.name) in mfsh")
        }
        return h.array
    }

    func dtypeValue(_ d: NDDType) -> Value { wrap(NDDTypeHost(d, env: self)) }

    /// The dtype a `dtype=` argument names: a string, a dtype, a numpy type (`np.float32`) or a Python type.
    func dtype(_ v: Value?) throws -> NDDType? {
        guard let v else { return nil }
        return try NDArrayHost.targetType(v)
    }
}
