// More ndarray methods: reshape, astype, round, prod and cumsum, with numpy's result types.
import Glibc
import MFSInterpreter
import Pickle

extension NDArrayHost {
    static let extraMethodNames = ["astype", "cumsum", "dot", "prod", "reshape", "round"]

    func extraMethod(_ name: String) -> Value? {
        guard Self.extraMethodNames.contains(name) else { return nil }
        return .newBuiltin(name) { [self] args, kwargs in
            switch name {
            case "reshape": return try reshape(args, kwargs)
            case "astype": return try astype(args.first ?? kwargs.first { $0.0 == "dtype" }?.1 ?? .none)
            case "round": return try round(args.first ?? kwargs.first { $0.0 == "decimals" }?.1 ?? .int(0))
            case "dot":
                let a = try CallArguments("dot", args, kwargs, ["b", "out"], required: 1)
                try NumPyStats.refuse(a, ["out"])
                return try NumPyLinalg.product(array, try env.toArray(a["b"] ?? .none), matmul: false, env: env)
            default: return try productOrCumsum(name, args, kwargs)
            }
        }
    }

    private func reshape(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        // Only C order is done: order='F' would silently give another arrangement.
        for (k, v) in kwargs {
            guard k == "order" else { throw PyException.typeError("'\(k)' is an invalid keyword argument for this function") }
            guard case .str("C") = v else { throw PyException.valueError("reshape(order=...) other than 'C' is not supported by mfsh") }
        }
        var wanted: [Value] = args
        if args.count == 1, case .tuple(let t) = args[0] { wanted = t }
        if args.count == 1, case .list(let l) = args[0] { wanted = l.items }
        var shape: [Int] = []
        var unknown: Int?
        for (k, v) in wanted.enumerated() {
            guard case .int(let n) = v else { throw PyException.typeError("'\(v.typeName)' object cannot be interpreted as an integer") }
            if n == -1 {
                guard unknown == nil else { throw PyException.valueError("can only specify one unknown dimension") }
                unknown = k
            } else if n < 0 {
                throw PyException.valueError("negative dimensions not allowed")
            }
            shape.append(n)
        }
        let known = try NumPyMath.count(shape.enumerated().filter { $0.offset != unknown }.map(\.element))
        if let unknown, known > 0, array.count % known == 0 { shape[unknown] = array.count / known }
        guard try NumPyMath.count(shape) == array.count, unknown == nil || known > 0 else {
            // numpy's words: no spaces, and the unknown dimension as "newaxis" (its name for -1 there).
            let text = "(" + wanted.map { if case .int(let n) = $0 { return n == -1 ? "newaxis" : String(n) }; return "?" }.joined(separator: ",") + (wanted.count == 1 ? ",)" : ")")
            throw PyException.valueError("cannot reshape array of size \(array.count) into shape \(text)")
        }
        return env.wrap(NDArrayHost(array.gathering(Array(0..<array.count), shape: shape), env: env))
    }

    /// The dtype named by `astype`'s argument: `float`, `int`, `bool`, `'float32'`, a dtype object.
    static func targetType(_ v: Value) throws -> NDDType {
        var name = ""
        switch v {
        case .type(let c): name = c.name
        case .str(let s): name = s
        case .builtin(let b): name = b.name  // np.float64, np.int32 ...
        default:
            if let d = NumericHosts.object(v) as? NDDTypeHost { return d.dtype }
            throw PyException.typeError("Cannot interpret '\(v.typeName)' as a data type in mfsh")
        }
        switch name {
        case "float", "float64", "f8", "double": return .float64
        case "float32", "f4", "single": return NumPyMath.dtype("f", 4)
        case "float16", "f2", "half": return NumPyMath.dtype("f", 2)
        case "int", "int64", "i8": return .int64
        case "int32", "i4": return NumPyMath.dtype("i", 4)
        case "int16", "i2": return NumPyMath.dtype("i", 2)
        case "int8", "i1": return NumPyMath.dtype("i", 1)
        case "uint8", "u1": return NumPyMath.dtype("u", 1)
        case "uint16", "u2": return NumPyMath.dtype("u", 2)
        case "uint32", "u4": return NumPyMath.dtype("u", 4)
        case "uint64", "u8": return NumPyMath.dtype("u", 8)
        case "bool", "?", "bool_", "b1": return .bool
        default: throw PyException.typeError("data type '\(name)' is not supported by astype in mfsh")
        }
    }

    func astype(_ target: Value) throws -> Value {
        if let cast = try textOrObjectCast(target) { return cast }
        let type = try Self.targetType(target)
        if array.dtype.kind == "U", (type.kind == "f" && type.itemSize >= 4) || (type.kind == "i" && type.itemSize == 8) {
            return env.wrap(NDArrayHost(try parsedText(as: type), env: env))
        }
        guard let o = NumericOperand(array: array) else {
            throw PyException.typeError("astype() from dtype \(array.dtype.name) is not supported in mfsh")
        }
        if type.kind == "f" { return env.wrap(NDArrayHost(.make(dtype: type, doubles: o.doubles, shape: array.shape), env: env)) }
        if type.kind == "b" { return env.wrap(NDArrayHost(.bool(o.doubles.map { $0 != 0 }, shape: array.shape), env: env)) }
        let ints = try o.ints ?? o.doubles.map { d -> Int in
            guard d.isFinite, abs(d) < 9.2e18 else {
                // numpy gives the type's minimum (with a warning).
                if d.isNaN || d.isInfinite { return type.itemSize >= 8 ? Int.min : -(1 << (8 * type.itemSize - 1)) }
                throw PyException.overflow("value out of range for \(type.name)")
            }
            return Int(d.rounded(.towardZero))
        }
        return env.wrap(NDArrayHost(.make(dtype: type, ints: ints, shape: array.shape), env: env))
    }

    /// Strings read as numbers the way numpy reads them, which is Python's float()/int() of each
    /// (`' 2 '`, `'nan'`, `'1e3'`, `'1_000'`), with numpy's ValueError naming the element.
    private func parsedText(as type: NDDType) throws -> NDArray {
        let interpreter = env.converter.interpreter
        guard let convert = interpreter.builtinFunction(type.kind == "f" ? "float" : "int") else {
            throw PyException.typeError("astype() from dtype \(array.dtype.name) is not supported in mfsh")
        }
        var doubles: [Double] = [], ints: [Int] = []
        for i in 0..<array.count {
            guard case .string(let text)? = array.element(at: i) else { throw PyException.typeError("astype() of a non-text element is not supported in mfsh") }
            let parsed: Value
            do {
                parsed = try interpreter.call(convert, [.str(text)])
            } catch let e as PyException where e.isInstance(of: "ValueError") {
                // numpy names an array's element as np.str_, a scalar's as the plain str.
                let shown = array.shape.isEmpty ? pythonStringRepr(text) : "np.str_(\(pythonStringRepr(text)))"
                throw PyException.valueError(type.kind == "f" ? "could not convert string to float: \(shown)" : "invalid literal for int() with base 10: \(shown)")
            }
            switch parsed {
            case .float(let x): doubles.append(x)
            case .int(let n): ints.append(n)
            default: throw PyException.overflow("Python int too large to convert to C long")
            }
        }
        return type.kind == "f" ? .make(dtype: type, doubles: doubles, shape: array.shape) : .make(dtype: type, ints: ints, shape: array.shape)
    }

    private func round(_ decimals: Value) throws -> Value {
        guard case .int(let n) = decimals else { throw PyException.typeError("'\(decimals.typeName)' object cannot be interpreted as an integer") }
        guard let o = NumericOperand(array: array) else { throw PyException.typeError("round() is not supported for dtype \(array.dtype.name) in mfsh") }
        var scale = 1.0
        for _ in 0..<Int(min(n.magnitude, 400)) { scale *= 10 }
        if array.dtype.kind == "b" {
            // numpy rounds booleans through float16, and only to 0 decimals.
            guard n == 0 else { throw PyException.typeError("ufunc 'multiply' output cannot be cast to bool") }
            return NumPyMath.result(.make(dtype: NumPyMath.dtype("f", 2), doubles: o.doubles, shape: array.shape), env: env)
        }
        if array.dtype.kind == "f" {
            let out = o.doubles.map { NumPyMath.roundedFloat($0, decimals: n, scale: scale, itemSize: array.dtype.itemSize) }
            return NumPyMath.result(.make(dtype: array.dtype, doubles: out, shape: array.shape), env: env)
        }
        guard n < 0, let ints = o.ints else { return NumPyMath.result(array.gathering(Array(0..<array.count), shape: array.shape), env: env) }
        let out = ints.map { Int(exactly: (Double($0) / scale).rounded(.toNearestOrEven) * scale) ?? 0 }
        return NumPyMath.result(.make(dtype: array.dtype, ints: out, shape: array.shape), env: env)
    }
}

extension NDArrayHost {
    /// min/max/argmin/argmax/any/all of string and datetime arrays (whole array only): strings order by
    /// code point, dates by time, and NaT wins like numpy's NaN.
    func nonNumericReduce(_ name: String) throws -> Value? {
        let kind = array.dtype.kind
        // numpy has no maximum/minimum loop for strings, only argmax/argmin.
        guard "UMm".contains(kind), ["min", "max", "argmin", "argmax", "any", "all"].contains(name),
              kind != "U" || !(name == "min" || name == "max") else { return nil }
        func text(_ i: Int) -> String { if case .string(let s)? = array.element(at: i) { return s }; return "" }
        let n = array.count
        if name == "any" || name == "all" {
            let truth = (0..<n).map { kind == "U" ? !text($0).isEmpty : array.timeCount(atFlat: $0) != 0 }
            return NumPyMath.result(.bool([name == "any" ? truth.contains(true) : !truth.contains(false)], shape: []), env: env)
        }
        guard n > 0 else {
            throw PyException.valueError("zero-size array to reduction operation \(name == "min" ? "minimum" : name == "max" ? "maximum" : name) which has no identity")
        }
        let wantMax = name == "max" || name == "argmax"
        var best = 0
        for k in 1..<n {
            if kind == "U" {
                let x = text(k).unicodeScalars, y = text(best).unicodeScalars
                let less = x.lexicographicallyPrecedes(y) { $0.value < $1.value }
                let greater = y.lexicographicallyPrecedes(x) { $0.value < $1.value }
                if wantMax ? greater : less { best = k }
            } else {
                guard let y = array.timeCount(atFlat: best) else { break }
                guard let x = array.timeCount(atFlat: k) else { best = k; break }
                if wantMax ? x > y : x < y { best = k }
            }
        }
        if name.hasPrefix("arg") { return NumPyMath.result(.int64([best], shape: []), env: env) }
        return try item(best)
    }
}

extension NumPyMath {
    /// numpy's round of a float: x * 10**n (x / 10**-n), to nearest even, scaled back, each step in the
    /// value's own precision (float32's 2.675 * 100 is 267.5 there, so it rounds to 2.68, not 2.67).
    static func roundedFloat(_ x: Double, decimals n: Int, scale: Double, itemSize: Int) -> Double {
        if itemSize <= 4 {
            let v = Float(x), f = Float(scale)
            return Double(n >= 0 ? (v * f).rounded(.toNearestOrEven) / f : (v / f).rounded(.toNearestOrEven) * f)
        }
        return n >= 0 ? (x * scale).rounded(.toNearestOrEven) / scale : (x / scale).rounded(.toNearestOrEven) * scale
    }
}
