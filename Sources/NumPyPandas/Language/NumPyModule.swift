// `import numpy as np`: array creation, the reductions as functions, the common ufuncs, where/clip,
// joining, sorting and unique, constants and scalar types. Arrays made here are the same values as
// decoded ones (same printing, same methods), so the two mix freely. What numpy has and mfsh does not
// is an AttributeError naming it, as for any module.
import Glibc
import MFSInterpreter
import Pickle

enum NumPyModule {
    static func members(_ env: NumericEnvironment) -> [(String, Value)] {
        var m: [(String, Value)] = []
        func def(_ name: String, _ body: @escaping ([Value], [(String, Value)]) throws -> Value) {
            m.append((name, .newBuiltin(name, body)))
        }
        func array(_ a: NDArray) -> Value { NumPyMath.result(a, env: env) }
        func wrapArray(_ a: NDArray) -> Value { env.wrap(NDArrayHost(a, env: env)) }

        m += [("nan", .float(.nan)), ("inf", .float(.infinity)), ("pi", .float(Double.pi)), ("e", .float(M_E)),
              ("newaxis", .none), ("__version__", .str("2.4.6 (mfsh)")),
              ("True_", array(.bool([true], shape: []))), ("False_", array(.bool([false], shape: [])))]

        // Creation.
        def("array") { args, kwargs in
            let a = try CallArguments("array", args, kwargs, ["object", "dtype", "copy"], required: 1)
            return wrapArray(try env.toArray(a["object"] ?? .none, dtype: try env.dtype(a["dtype"])))
        }
        def("asarray") { args, kwargs in
            let a = try CallArguments("asarray", args, kwargs, ["a", "dtype"], required: 1)
            return wrapArray(try env.toArray(a["a"] ?? .none, dtype: try env.dtype(a["dtype"])))
        }
        def("arange") { args, kwargs in
            let a = try CallArguments("arange", args, kwargs, ["start", "stop", "step", "dtype"], required: 1)
            var start = a["start"] ?? .int(0), stop = a["stop"], step = a["step"] ?? .int(1)
            if stop == nil { stop = start; start = .int(0) }
            let values = [start, stop ?? .int(0), step]
            let allInts = values.allSatisfy { if case .int = $0 { return true }; if case .bool = $0 { return true }; return false }
            guard let s = NumericOperand(values[0])?.doubles.first, let e = NumericOperand(values[1])?.doubles.first,
                  let d = NumericOperand(values[2])?.doubles.first else { throw PyException.typeError("arange() arguments must be numbers") }
            guard d != 0 else { throw PyException.zeroDivision("division by zero") }
            let length = max(0, Int(((e - s) / d).rounded(.up)))
            _ = try NumPyMath.resultCount([length])
            let result: NDArray
            if allInts, case .int(let si) = values[0], case .int(let di) = values[2] {
                result = .int64(shape: [length], count: length) { out in for i in 0..<length { out[i] = Int64(si) &+ Int64(i) &* Int64(di) } }
            } else {
                result = .float64(shape: [length], count: length) { out in for i in 0..<length { out[i] = s + Double(i) * d } }
            }
            return wrapArray(try env.cast(result, to: try env.dtype(a["dtype"])))
        }
        def("linspace") { args, kwargs in
            let a = try CallArguments("linspace", args, kwargs, ["start", "stop", "num", "endpoint", "retstep", "dtype"], required: 2)
            guard let s = try a.double("start"), let e = try a.double("stop") else { throw PyException.typeError("linspace() needs start and stop") }
            let num = try a.int("num") ?? 50
            guard num >= 0 else { throw PyException.valueError("Number of samples, \(num), must be non-negative.") }
            _ = try NumPyMath.resultCount([num])
            let endpoint = try a.bool("endpoint", default: true)
            let div = Double(endpoint ? num - 1 : num)
            let delta = e - s, step = delta / div
            // numpy: y = arange(num) * step + start (or / div * delta when the step is 0); the last is stop.
            let result = NDArray.float64(shape: [num], count: num) { out in
                for i in 0..<num {
                    // numpy: arange(num) * step + start; / div * delta when the step is 0; * delta when div is 0.
                    out[i] = (div == 0 ? Double(i) * delta : step == 0 ? Double(i) / div * delta : Double(i) * step) + s
                }
                if endpoint && num > 1 { out[num - 1] = e }
            }
            // An integer dtype: numpy floors the values before the cast (-3.33 is -4, not -3).
            let dtype = try env.dtype(a["dtype"])
            let floored = "iu".contains(dtype?.kind ?? "f")
                ? NDArray.float64(shape: [num], count: num) { out in result.withDoubles { p in for i in 0..<num { out[i] = p[i].rounded(.down) } } }
                : result
            let cast = try env.cast(floored, to: dtype)
            if try a.bool("retstep", default: false) { return .tuple([wrapArray(cast), array(.float64([div > 0 ? step : .nan], shape: []))]) }
            return wrapArray(cast)
        }
        for (name, fill) in [("zeros", 0.0), ("ones", 1.0)] {
            def(name) { args, kwargs in
                let a = try CallArguments(name, args, kwargs, ["shape", "dtype"], required: 1)
                return wrapArray(try filled(shape: try shapeArgument(a["shape"]), value: .float(fill), dtype: try env.dtype(a["dtype"]) ?? .float64, env: env))
            }
            def(name + "_like") { args, kwargs in
                let a = try CallArguments(name + "_like", args, kwargs, ["a", "dtype"], required: 1)
                let like = try env.toArray(a["a"] ?? .none)
                return wrapArray(try filled(shape: like.shape, value: .float(fill), dtype: try env.dtype(a["dtype"]) ?? like.dtype, env: env))
            }
        }
        def("full") { args, kwargs in
            let a = try CallArguments("full", args, kwargs, ["shape", "fill_value", "dtype"], required: 2)
            let value = a["fill_value"] ?? .none
            return wrapArray(try filled(shape: try shapeArgument(a["shape"]), value: value, dtype: try env.dtype(a["dtype"]), env: env))
        }
        def("full_like") { args, kwargs in
            let a = try CallArguments("full_like", args, kwargs, ["a", "fill_value", "dtype"], required: 2)
            let like = try env.toArray(a["a"] ?? .none)
            return wrapArray(try filled(shape: like.shape, value: a["fill_value"] ?? .none, dtype: try env.dtype(a["dtype"]) ?? like.dtype, env: env))
        }

        // Reductions and array methods as functions: np.sum(a, axis=...) is np.asarray(a).sum(axis=...).
        for name in ["sum", "mean", "std", "var", "min", "max", "argmin", "argmax", "any", "all", "cumsum", "prod",
                     "round", "reshape", "ravel", "flatten", "transpose"] {
            def(name) { args, kwargs in
                guard let first = args.first ?? kwargs.first(where: { $0.0 == "a" })?.1 else {
                    throw PyException.typeError("\(name)() missing required argument 'a'")
                }
                if let series = NumericHosts.object(first) as? SeriesHost, let result = try seriesMethod(series, name, Array(args.dropFirst()), kwargs) {
                    return result
                }
                let host = NDArrayHost(try env.toArray(first), env: env)
                let method = name == "transpose" ? "T" : name
                guard let bound = try host.getAttribute(method) else { throw PyException.attributeError("module 'numpy' has no attribute '\(name)'") }
                if name == "transpose" { return bound }
                guard case .builtin(let f) = bound else { return bound }
                let result = try f.body(Array(args.dropFirst()), kwargs.filter { $0.0 != "a" })
                // pandas answers np.round and np.cumsum of a Series with a Series.
                return name == "round" || name == "cumsum" ? seriesLike(first, result) : result
            }
        }
        m.append(("amin", m.first { $0.0 == "min" }!.1))
        m.append(("amax", m.first { $0.0 == "max" }!.1))
        m.append(("around", m.first { $0.0 == "round" }!.1))

        // Element-wise functions of one array: float64 results (float32 kept); abs/sign/floor/ceil keep
        // integers (numpy 2), computed on them (through a Double, 2**53+1 would round and Int.min would trap).
        let unary: [(String, (Double) -> Double, ((Int) -> Int)?)] = [
            ("sqrt", { $0.squareRoot() }, nil), ("exp", { Glibc.exp($0) }, nil), ("log", { Glibc.log($0) }, nil),
            ("log10", { Glibc.log10($0) }, nil), ("log2", { Glibc.log2($0) }, nil), ("log1p", { Glibc.log1p($0) }, nil),
            ("expm1", { Glibc.expm1($0) }, nil), ("sin", { Glibc.sin($0) }, nil), ("cos", { Glibc.cos($0) }, nil),
            ("tanh", { Glibc.tanh($0) }, nil), ("floor", { $0.rounded(.down) }, { $0 }), ("ceil", { $0.rounded(.up) }, { $0 }),
            ("absolute", { Swift.abs($0) }, integerAbsolute),
            // numpy's sign of -0.0 is +0.0 (it returns the constant 0), NaN stays NaN.
            ("sign", { $0 > 0 ? 1 : $0 < 0 ? -1 : $0.isNaN ? $0 : 0 }, { $0.signum() }),
        ]
        for (name, f, integers) in unary {
            def(name) { args, kwargs in
                let a = try CallArguments(name, args, kwargs, ["x"], required: 1)
                return seriesLike(a["x"], try elementwise(try env.toArray(a["x"] ?? .none), f, integers: integers, name: name, env: env))
            }
        }
        m.append(("abs", m.first { $0.0 == "absolute" }!.1))  // one ufunc: np.abs.__name__ is 'absolute'
        let predicates: [(String, (Double) -> Bool)] = [("isnan", { $0.isNaN }), ("isfinite", { $0.isFinite }), ("isinf", { $0.isInfinite })]
        for (name, test) in predicates {
            def(name) { args, kwargs in
                let a = try CallArguments(name, args, kwargs, ["x"], required: 1)
                let x = try env.toArray(a["x"] ?? .none)
                guard let result = x.withDoubles({ p in NDArray.bool(shape: x.shape, count: x.count) { out in for i in 0..<x.count { out[i] = test(p[i]) ? 1 : 0 } } }) else {
                    throw PyException.typeError("ufunc '\(name)' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
                }
                return seriesLike(a["x"], array(result))
            }
        }
        for (name, wantMax) in [("maximum", true), ("minimum", false)] {
            def(name) { args, kwargs in
                let a = try CallArguments(name, args, kwargs, ["x1", "x2"], required: 2)
                let x = try env.toArray(a["x1"] ?? .none), y = try env.toArray(a["x2"] ?? .none)
                guard let ox = NumericOperand(array: x), let oy = NumericOperand(array: y) else { throw PyException.typeError("\(name)() needs numbers") }
                let (shape, ix, iy) = try NumPyMath.broadcast(x.shape, y.shape)
                let n = try NumPyMath.resultCount(shape)
                let type = try NumPyMath.resultType(.add, ox, oy)
                func pick(_ i: Int) -> Double {
                    let p = ox.doubles[ix?[i] ?? (ox.count == 1 ? 0 : i)], q = oy.doubles[iy?[i] ?? (oy.count == 1 ? 0 : i)]
                    if p.isNaN || q.isNaN { return .nan }
                    return wantMax ? Swift.max(p, q) : Swift.min(p, q)
                }
                if type.kind == "f" { return seriesLike(a["x1"], array(.make(dtype: type, doubles: (0..<n).map(pick), shape: shape))) }
                return seriesLike(a["x1"], array(.make(dtype: type, ints: (0..<n).map { Int(pick($0)) }, shape: shape)))
            }
        }
        def("where") { args, kwargs in
            let a = try CallArguments("where", args, kwargs, ["condition", "x", "y"], required: 1)
            let condition = try env.toArray(a["condition"] ?? .none)
            guard let cond = NumericOperand(array: condition) else { throw PyException.typeError("where() needs a boolean condition") }
            guard let xv = a["x"], let yv = a["y"] else {
                guard a["x"] == nil, a["y"] == nil else { throw PyException.valueError("either both or neither of x and y should be given") }
                // np.where(cond): the indices of the true elements, one array per axis.
                let picked = (0..<cond.count).filter { cond.doubles[$0] != 0 }
                var axes: [[Int]] = Array(repeating: [], count: max(condition.shape.count, 1))
                for flat in picked {
                    var rest = flat
                    for axis in stride(from: condition.shape.count - 1, through: 0, by: -1) {
                        axes[axis].append(rest % condition.shape[axis]); rest /= condition.shape[axis]
                    }
                }
                return .tuple(axes.prefix(condition.shape.count).map { wrapArray(.int64($0, shape: [$0.count])) })
            }
            let x = try env.toArray(xv), y = try env.toArray(yv)
            guard let ox = NumericOperand(array: x), let oy = NumericOperand(array: y) else { throw PyException.typeError("where() with non-numeric x or y is not supported by mfsh") }
            // The result's shape broadcasts all three; each operand's element for a result position comes
            // from broadcasting that operand alone to the result's shape.
            let (shape, _, _) = try NumPyMath.broadcast(try NumPyMath.broadcast(condition.shape, x.shape).0, y.shape)
            let n = try NumPyMath.resultCount(shape)
            let cMap = try NumPyMath.broadcast(condition.shape, shape).1
            let xMap = try NumPyMath.broadcast(x.shape, shape).1, yMap = try NumPyMath.broadcast(y.shape, shape).1
            func at(_ count: Int, _ map: [Int]?, _ i: Int) -> Int { map?[i] ?? (count == 1 ? 0 : i) }
            let type = try NumPyMath.resultType(.add, ox, oy)
            func choose(_ i: Int) -> Double {
                cond.doubles[at(cond.count, cMap, i)] != 0 ? ox.doubles[at(ox.count, xMap, i)] : oy.doubles[at(oy.count, yMap, i)]
            }
            if type.kind == "f" { return array(.make(dtype: type, doubles: (0..<n).map(choose), shape: shape)) }
            if type.kind == "b" { return array(.bool((0..<n).map { choose($0) != 0 }, shape: shape)) }
            return array(.make(dtype: type, ints: (0..<n).map { Int(choose($0)) }, shape: shape))
        }
        def("clip") { args, kwargs in
            let a = try CallArguments("clip", args, kwargs, ["a", "a_min", "a_max"], required: 1)
            let x = try env.toArray(a["a"] ?? .none)
            let lo = try a.double("a_min"), hi = try a.double("a_max")
            guard lo != nil || hi != nil else { throw PyException.valueError("One of max or min must be given") }
            guard let o = NumericOperand(array: x) else { throw PyException.typeError("clip() needs numbers") }
            let clipped = o.doubles.map { v -> Double in
                if v.isNaN { return v }
                var r = v
                if let lo { r = Swift.max(r, lo) }
                if let hi { r = Swift.min(r, hi) }
                return r
            }
            let floatBounds = [a["a_min"], a["a_max"]].contains { if case .float? = $0 { return true }; return false }
            if x.dtype.kind == "f" || floatBounds { return seriesLike(a["a"], array(.make(dtype: x.dtype.kind == "f" ? x.dtype : .float64, doubles: clipped, shape: x.shape))) }
            return seriesLike(a["a"], array(.make(dtype: x.dtype.nativeOrder, ints: clipped.map { Int($0) }, shape: x.shape)))
        }

        // Joining.
        def("concatenate") { args, kwargs in
            let a = try CallArguments("concatenate", args, kwargs, ["arrays", "axis"], required: 1)
            // axis=None joins the flattened arrays (a missing axis is 0).
            let given = args.count > 1 ? args[1] : kwargs.first { $0.0 == "axis" }?.1
            if given?.isNone == true {
                let flat = try sequence(a["arrays"]).map { v -> Value in
                    let x = try env.toArray(v)
                    return wrapArray(x.gathering(Array(0..<x.count), shape: [x.count]))
                }
                return wrapArray(try join(.newList(flat), axis: 0, newAxis: false, env: env))
            }
            return wrapArray(try join(a["arrays"], axis: try a.int("axis") ?? 0, newAxis: false, env: env))
        }
        def("stack") { args, kwargs in
            let a = try CallArguments("stack", args, kwargs, ["arrays", "axis"], required: 1)
            return wrapArray(try join(a["arrays"], axis: try a.int("axis") ?? 0, newAxis: true, env: env))
        }
        def("vstack") { args, kwargs in
            let a = try CallArguments("vstack", args, kwargs, ["tup"], required: 1)
            return wrapArray(try join(a["tup"], axis: 0, newAxis: false, atLeast2D: true, env: env))
        }
        def("hstack") { args, kwargs in
            let a = try CallArguments("hstack", args, kwargs, ["tup"], required: 1)
            let parts = try sequence(a["tup"]).map { try env.toArray($0) }
            let axis = parts.first.map { $0.shape.count <= 1 ? 0 : 1 } ?? 0
            return wrapArray(try join(.newList(parts.map(wrapArray)), axis: axis, newAxis: false, env: env))
        }

        // Sorting and unique values (1-D, or the flattened array for unique).
        def("sort") { args, kwargs in
            let a = try CallArguments("sort", args, kwargs, ["a", "axis", "kind", "order"], required: 1)
            try NumPyStats.refuse(a, ["order"])
            let x = try env.toArray(a["a"] ?? .none)
            // kind= changes only which of equal values goes first: the same values either way.
            let axisGiven = kwargs.contains { $0.0 == "axis" } || args.count > 1
            return wrapArray(try sortedAlongAxis(x, axis: axisGiven ? try a.int("axis") : -1, env: env))
        }
        def("argsort") { args, kwargs in
            let a = try CallArguments("argsort", args, kwargs, ["a"], required: 1)
            let x = try env.toArray(a["a"] ?? .none)
            guard x.shape.count == 1 else { throw PyException.typeError("argsort() of a \(x.shape.count)-d array is not supported by mfsh") }
            let order = try sortedPositions(x)
            return wrapArray(.int64(order, shape: [order.count]))
        }
        def("unique") { args, kwargs in
            let a = try CallArguments("unique", args, kwargs, ["ar", "return_counts"], required: 1)
            let x = try env.toArray(a["ar"] ?? .none)
            let flat = x.gathering(Array(0..<x.count), shape: [x.count])
            let order = try sortedPositions(flat)
            var firsts: [Int] = [], counts: [Int] = []
            for p in order {
                if let last = firsts.last, sameValue(flat, last, p) { counts[counts.count - 1] += 1; continue }
                firsts.append(p); counts.append(1)
            }
            let values = wrapArray(flat.gathering(firsts, shape: [firsts.count]))
            if try a.bool("return_counts", default: false) { return .tuple([values, wrapArray(.int64(counts, shape: [counts.count]))]) }
            return values
        }

        // Scalar types: np.float64(1.5) is a numpy scalar; as dtype= arguments they name their dtype.
        for (name, dtype) in [("float64", NDDType.float64), ("float32", NumPyMath.dtype("f", 4)), ("int64", .int64),
                              ("int32", NumPyMath.dtype("i", 4)), ("int16", NumPyMath.dtype("i", 2)), ("int8", NumPyMath.dtype("i", 1)),
                              ("uint8", NumPyMath.dtype("u", 1)), ("uint16", NumPyMath.dtype("u", 2)), ("uint32", NumPyMath.dtype("u", 4)),
                              ("uint64", NumPyMath.dtype("u", 8)), ("float16", NumPyMath.dtype("f", 2)), ("bool_", .bool)] {
            def(name) { args, kwargs in
                let a = try CallArguments(name, args, kwargs, ["value"])
                return array(try env.toArray(a["value"] ?? .int(0), dtype: dtype))
            }
        }
        m.append(("float_", m.first { $0.0 == "float64" }!.1))
        // The abstract scalar types name kinds of dtype (select_dtypes(include=[np.number])); numpy makes no instances of them.
        for name in ["number", "integer", "signedinteger", "unsignedinteger", "floating", "generic"] {
            def(name) { _, _ in throw PyException.typeError("cannot create 'numpy.\(name)' instances") }
        }
        def("dtype") { args, kwargs in
            let a = try CallArguments("dtype", args, kwargs, ["dtype"], required: 1)
            guard let d = try env.dtype(a["dtype"]) else { throw PyException.typeError("dtype() needs a type") }
            return env.dtypeValue(d)
        }
        return m + NumPyStats.members(env) + NumPyLinalg.members(env) + NumPyHistogram.members(env) + NumPyDifferences.members(env) + NumPyComparisons.members(env)
    }

    /// numpy's ufuncs on a pandas Series give a Series (same index and name): `result` as one when
    /// `input` is a Series and `result` an array of its length.
    static func seriesLike(_ input: Value?, _ result: Value) -> Value {
        guard let input, let series = NumericHosts.object(input) as? SeriesHost,
              let values = (NumericHosts.object(result) as? NDArrayHost)?.array, values.shape == [series.count] else { return result }
        return series.withValues(.ndarray(values), dtypeName: values.dtype.name)
    }

    /// numpy hands its reductions of a Series to the Series' own method (pandas skips NaN), with
    /// numpy's ddof=0 for std/var; nil for the names that are no such reduction.
    static func seriesMethod(_ series: SeriesHost, _ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value? {
        guard ["sum", "mean", "std", "var", "min", "max", "argmin", "argmax", "any", "all", "cumsum", "prod", "round"].contains(name) else { return nil }
        guard case .builtin(let method)? = try series.getAttribute(name) else {
            throw PyException.attributeError("'Series' object has no attribute '\(name)'")
        }
        var passed = kwargs.filter { $0.0 != "a" && !($0.0 == "axis" && $0.1.isNone) }
        if name == "std" || name == "var", !passed.contains(where: { $0.0 == "ddof" }) { passed.append(("ddof", .int(0))) }
        return try method.body(args, passed)
    }

    /// A shape argument: an int or a sequence of ints.
    static func shapeArgument(_ v: Value?) throws -> [Int] {
        guard let v else { throw PyException.typeError("a shape is required") }
        if case .int(let n) = v {
            guard n >= 0 else { throw PyException.valueError("negative dimensions are not allowed") }
            return [n]
        }
        return try sequence(v).map { d in
            guard case .int(let n) = d else { throw PyException.typeError("'\(d.typeName)' object cannot be interpreted as an integer") }
            guard n >= 0 else { throw PyException.valueError("negative dimensions are not allowed") }
            return n
        }
    }

    static func sequence(_ v: Value?) throws -> [Value] {
        switch v {
        case .list(let l)?: return l.items
        case .tuple(let t)?: return t
        default: throw PyException.typeError("expected a sequence, got \(v?.typeName ?? "None")")
        }
    }

    /// An array of `shape` holding `value` everywhere (dtype from the value when not given).
    static func filled(shape: [Int], value: Value, dtype: NDDType?, env: NumericEnvironment) throws -> NDArray {
        let n = try NumPyMath.resultCount(shape)
        // With a dtype, the fill value is converted as np.array(value, dtype) does (a Python int out
        // of an integer dtype's range is an OverflowError, not wrapped).
        let one = try env.toArray(value, dtype: dtype)
        guard one.count == 1 else { throw PyException.valueError("could not broadcast the fill value to shape \(shape)") }
        let typed = one
        return typed.gathering(Array(repeating: 0, count: n), shape: shape)
    }

    /// numpy wraps abs(INT64_MIN) to itself.
    static func integerAbsolute(_ x: Int) -> Int { x == Int.min ? Int.min : Swift.abs(x) }

    /// `np.absolute(x)`, also what `abs()` of an array or numpy scalar gives.
    static func absolute(_ x: NDArray, env: NumericEnvironment) throws -> Value {
        try elementwise(x, { Swift.abs($0) }, integers: integerAbsolute, name: "absolute", env: env)
    }

    /// f applied to every element: float64 (or float32) results; with `integers`, int dtypes stay ints (abs, sign).
    static func elementwise(_ x: NDArray, _ f: (Double) -> Double, integers: ((Int) -> Int)?, name: String, env: NumericEnvironment) throws -> Value {
        guard let o = NumericOperand(array: x) else {
            throw PyException.typeError("ufunc '\(name)' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
        }
        if integers != nil, x.dtype.kind == "b" {
            // abs, floor and ceil of bools are the bools; numpy has no sign loop for them.
            guard name != "sign" else {
                throw PyException.typeError("ufunc 'sign' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None")
            }
            return NumPyMath.result(x.gathering(Array(0..<x.count), shape: x.shape), env: env)
        }
        if let integers, let ints = o.ints {
            return NumPyMath.result(.make(dtype: x.dtype.nativeOrder, ints: ints.map(integers), shape: x.shape), env: env)
        }
        // numpy's loop types: float32 stays float32; 1-byte integers and bools go to float16 and 2-byte
        // integers to float32 (both computed in float32), wider ones to float64.
        let narrow = x.dtype.kind == "f" ? (x.dtype.itemSize == 4 ? x.dtype.nativeOrder : nil)
            : x.dtype.itemSize == 1 ? NumPyMath.dtype("f", 2) : x.dtype.itemSize == 2 ? NumPyMath.dtype("f", 4) : nil
        if let narrow {
            return NumPyMath.result(.make(dtype: narrow, doubles: o.doubles.map { Double(Float(f(Double(Float($0))))) }, shape: x.shape), env: env)
        }
        let n = x.count
        return NumPyMath.result(.float64(shape: x.shape, count: n) { out in for i in 0..<n { out[i] = f(o.doubles[i]) } }, env: env)
    }

    /// Arrays joined along `axis` (after a new axis there for `stack`), in their promoted dtype.
    static func join(_ v: Value?, axis rawAxis: Int, newAxis: Bool, atLeast2D: Bool = false, env: NumericEnvironment) throws -> NDArray {
        var parts = try sequence(v).map { try env.toArray($0) }
        guard let first = parts.first else { throw PyException.valueError("need at least one array to concatenate") }
        if atLeast2D { parts = parts.map { $0.shape.count >= 2 ? $0 : $0.gathering(Array(0..<$0.count), shape: [1, $0.count]) } }
        let ndim = parts[0].shape.count + (newAxis ? 1 : 0)
        let axis = rawAxis < 0 ? rawAxis + ndim : rawAxis
        guard axis >= 0, axis < ndim else { throw PyException(env.axisError, "axis \(rawAxis) is out of bounds for array of dimension \(ndim)") }
        if newAxis {
            guard parts.allSatisfy({ $0.shape == first.shape }) else { throw PyException.valueError("all input arrays must have the same shape") }
            parts = parts.map { p in var s = p.shape; s.insert(1, at: axis); return p.gathering(Array(0..<p.count), shape: s) }
        }
        for p in parts where p.shape.count != ndim {
            throw PyException.valueError("all the input arrays must have same number of dimensions, but the array at index 0 has \(ndim) dimension(s) and the array at index \(parts.firstIndex { $0 === p } ?? 0) has \(p.shape.count) dimension(s)")
        }
        for (k, p) in parts.enumerated() {
            for d in 0..<ndim where d != axis && p.shape[d] != parts[0].shape[d] {
                throw PyException.valueError("all the input array dimensions except for the concatenation axis must match exactly, but along dimension \(d), the array at index 0 has size \(parts[0].shape[d]) and the array at index \(k) has size \(p.shape[d])")
            }
        }
        // The common dtype: numbers promote; identical dtypes of other kinds stay.
        var type = parts[0].dtype.nativeOrder
        for p in parts.dropFirst() {
            if "biuf".contains(type.kind) && "biuf".contains(p.dtype.kind) { type = NumPyMath.promote(type, p.dtype) }
            else if p.dtype.str != type.str { throw PyException.typeError("joining arrays of \(type.name) and \(p.dtype.name) is not supported by mfsh") }
        }
        let typed = try parts.map { try env.cast($0, to: "biuf".contains(type.kind) ? type : nil) }
        var shape = parts[0].shape
        shape[axis] = parts.reduce(0) { $0 + $1.shape[axis] }
        _ = try NumPyMath.resultCount(shape)
        let outer = try NumPyMath.count(shape[..<axis]), inner = try NumPyMath.count(shape[(axis + 1)...])
        // Element positions of each part, block by block; the parts' elements gathered into one array.
        var scalars: [NDScalar] = []
        scalars.reserveCapacity(try NumPyMath.count(shape))
        for o in 0..<outer {
            for p in typed {
                let block = p.shape[axis] * inner
                for j in 0..<block { if let s = p.scalar(atFlat: o * block + j) { scalars.append(s) } }
            }
        }
        guard let joined = NDArray.stacking(scalars, shape: shape) else { return .float64([], shape: shape) }
        return joined
    }

    /// Positions of a 1-D array in ascending order, stable, NaN last (numpy's order).
    /// `np.sort(x, axis)`: each lane along `axis` sorted (numpy's default is the last axis); with
    /// axis=None the flattened array.
    static func sortedAlongAxis(_ x: NDArray, axis: Int?, env: NumericEnvironment) throws -> NDArray {
        guard let raw = axis else {
            let flat = x.gathering(Array(0..<x.count), shape: [x.count])
            return flat.gathering(try sortedPositions(flat), shape: [x.count])
        }
        let ndim = x.shape.count
        guard ndim > 0 else { throw PyException(env.axisError, "axis \(raw) is out of bounds for array of dimension 0") }
        let a = raw < 0 ? raw + ndim : raw
        guard a >= 0, a < ndim else { throw PyException(env.axisError, "axis \(raw) is out of bounds for array of dimension \(ndim)") }
        if ndim == 1 { return x.gathering(try sortedPositions(x), shape: x.shape) }
        let length = x.shape[a]
        let inner = try NumPyMath.count(x.shape[(a + 1)...])
        let lanes = length == 0 ? 0 : x.count / length
        var source = Array(0..<x.count)
        for k in 0..<lanes {
            let o = k / max(inner, 1), i = k % max(inner, 1)
            let positions = (0..<length).map { (o * length + $0) * inner + i }
            let order = try sortedPositions(x.gathering(positions, shape: [length]))
            for (j, p) in positions.enumerated() { source[p] = positions[order[j]] }
        }
        return x.gathering(source, shape: x.shape)
    }

    static func sortedPositions(_ x: NDArray) throws -> [Int] {
        let positions = Array(0..<x.count)
        if let o = NumericOperand(array: x) {
            if let ints = o.ints { return positions.sorted { ints[$0] < ints[$1] || (ints[$0] == ints[$1] && $0 < $1) } }
            let d = o.doubles
            return positions.sorted { a, b in
                if d[a].isNaN || d[b].isNaN { return !d[a].isNaN && d[b].isNaN || (d[a].isNaN && d[b].isNaN && a < b) }
                return d[a] < d[b] || (d[a] == d[b] && a < b)
            }
        }
        guard "UMm".contains(x.dtype.kind) else { throw PyException.typeError("sorting an array of \(x.dtype.name) is not supported by mfsh") }
        let keys = (0..<x.count).map { i -> [UInt32] in
            if case .string(let s)? = x.element(at: i) { return s.unicodeScalars.map(\.value) }
            return [UInt32(truncatingIfNeeded: x.timeCount(atFlat: i) ?? Int64.max)]
        }
        return positions.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) || (keys[$0] == keys[$1] && $0 < $1) }
    }

    static func sameValue(_ x: NDArray, _ i: Int, _ j: Int) -> Bool {
        let a = x.element(at: i), b = x.element(at: j)
        if case .float(let p)? = a, case .float(let q)? = b { return p == q || (p.isNaN && q.isNaN) }
        return a.map(pythonRepr) == b.map(pythonRepr)
    }
}
