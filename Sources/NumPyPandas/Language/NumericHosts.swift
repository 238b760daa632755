// The language values of numpy and pandas, and what they need from whoever embeds them.
//
// Each value is an instance of a host-made class (`numpy.ndarray`, `numpy.float64`, `pandas.DataFrame`,
// ...) whose special methods delegate to a Swift `NumericObject`: the interpreter dispatches arithmetic,
// comparison, float()/int() and truth only through special methods of instances (HostObject has no
// such hooks), so this is what lets `a * 2` and `float(x)` work.
import BigInt
import MFSInterpreter
import Pickle

/// What numeric values need from whoever embeds them: the interpreter, and the language value for a
/// decoded value the hosts hand out (an element of an object array, a label, `tolist()`), which must
/// be the one the embedder gives for the same value anywhere else. Held unowned: the embedder must
/// outlive the values.
package protocol PickleValueConverter: AnyObject {
    var interpreter: Interpreter { get }
    func pythonValue(_ v: PickleValue) throws -> Value
}

package enum NumericHosts {
    package static func make(_ value: PickleValue, converter: any PickleValueConverter) -> Value? {
        let env = NumericEnvironment(converter: converter)
        guard case .reconstructed(let r) = value else { return nil }
        switch r {
        case let a as NDArray: return env.wrap(NDArrayHost(a, env: env))
        case let s as NDScalar: return env.wrap(NDScalarHost(s, env: env))
        case let d as NDDType: return env.wrap(NDDTypeHost(d, env: env))
        case let d as PandasExtensionDType: return env.wrap(PandasDTypeHost(d, env: env))
        case let df as DataFrame: return env.wrap(DataFrameHost(df, env: env))
        case let s as Series: return env.wrap(SeriesHost(s, env: env))
        case let i as PandasIndex: return env.wrap(PandasIndexHost(i, env: env))
        case let t as PandasTimestamp: return env.wrap(t)
        case let t as PandasTimedelta: return env.wrap(t)
        default: return nil
        }
    }

    /// The plain-Python form of a numeric value, for JSON output: `tolist()` of arrays and indexes,
    /// `item()` of scalars, `to_dict()` of frames and series, `str()` of dtypes; nil for other values.
    package static func plainValue(_ v: Value, interpreter: Interpreter) throws -> Value? {
        guard let o = object(v) else { return nil }
        if o is NDDTypeHost || o is PandasDTypeHost { return .str(o.str()) }
        for name in ["tolist", "item", "to_dict"] where (name == "to_dict") == (o is DataFrameHost || o is SeriesHost) {
            if let method = try o.getAttribute(name) { return try interpreter.call(method, []) }
        }
        return nil
    }

    /// A Python int beyond int64 on the other side of an operation with numpy values of `dtype`, as
    /// numpy takes it: a float for float dtypes and true division; for comparisons with integers,
    /// an infinity of its sign (it lies beyond every element, so the answers are exact); else
    /// numpy's OverflowError. nil when `other` is not such an int (or for uint64 comparisons,
    /// where it may equal an element: left to the general path).
    static func bigIntSubstitute(_ other: Value, _ op: NumericOp, dtype: NDDType) throws -> Value? {
        guard case .bigint(let big) = other else { return nil }
        let kind = dtype.kindCode
        if kind == UInt8(ascii: "f") || op == .truediv { return .float(Double(big.value)) }
        guard kind == UInt8(ascii: "i") || kind == UInt8(ascii: "b") || kind == UInt8(ascii: "u") else { return nil }
        if op.isComparison {
            if kind == UInt8(ascii: "u"), big.value.signum() > 0, big.value < BigInt(1) << 64 { return nil }
            return .float(big.value.signum() < 0 ? -.infinity : .infinity)
        }
        throw PyException.overflow("Python int too large to convert to C long")
    }

    /// The numpy scalar behind `v`, if it is one.
    static func scalar(_ v: Value) -> NDScalarHost? {
        guard case .instance(let i) = v else { return nil }
        return i as? NDScalarHost
    }

    /// The Swift object behind a numeric value, if `v` is one.
    static func object(_ v: Value) -> (any NumericObject)? {
        guard case .instance(let i) = v else { return nil }
        // A cast to a class is much cheaper than one to a protocol (a conformance lookup), and every
        // special method call of a scalar or array starts here.
        if let scalar = i as? NDScalarHost { return scalar }
        guard let h = i.host else { return nil }
        if let array = h as? NDArrayHost { return array }
        return h as? any NumericObject
    }
}

/// Binary operators numeric values take part in.
enum NumericOp: String, CaseIterable {
    case add, sub, mul, truediv, floordiv, mod, pow, bitand, bitor, bitxor
    case lt, le, gt, ge, eq, ne

    /// The operator as written in source.
    var symbol: String {
        switch self {
        case .add: return "+"
        case .sub: return "-"
        case .mul: return "*"
        case .truediv: return "/"
        case .floordiv: return "//"
        case .mod: return "%"
        case .pow: return "**"
        case .bitand: return "&"
        case .bitor: return "|"
        case .bitxor: return "^"
        case .lt: return "<"
        case .le: return "<="
        case .gt: return ">"
        case .ge: return ">="
        case .eq: return "=="
        case .ne: return "!="
        }
    }

    var isComparison: Bool {
        switch self {
        case .lt, .le, .gt, .ge, .eq, .ne: return true
        default: return false
        }
    }
    /// The reflected operation for comparisons (`a < b` ⇔ `b > a`).
    var swapped: NumericOp {
        switch self {
        case .lt: return .gt
        case .gt: return .lt
        case .le: return .ge
        case .ge: return .le
        default: return self
        }
    }
}

/// A numpy or pandas value: a HostObject that can also do arithmetic and number conversions.
protocol NumericObject: HostObject {
    /// Module shown in the class repr (`numpy`, `pandas`).
    var moduleName: String { get }
    /// `self op other` (`other op self` when `reflected`); nil means NotImplemented.
    func binary(_ op: NumericOp, _ other: Value, reflected: Bool) throws -> Value?
    /// `bool(self)`.
    func truth() throws -> Bool
    /// `float(self)` / `int(self)`; nil raises TypeError.
    func toDouble() throws -> Double?
    func toInteger() throws -> Value?
    /// `-self`, `abs(self)`, `+self`; nil raises TypeError.
    func negated() throws -> Value?
    func absolute() throws -> Value?
    func positive() throws -> Value?
    /// `~self`; nil raises TypeError.
    func inverted() throws -> Value?
    /// Names in `attributeNames` that are methods: they live in the class (shared, listed by dir()).
    var methodNames: [String] { get }
    /// Attributes too costly to compute up front (`T`, `values`); the rest are set on each instance so
    /// dir() and completion list them.
    var lazyAttributeNames: [String] { get }
}

/// A numeric object `obj[key] = value` changes in place.
protocol NumericItemAssignable: NumericObject {
    func setItem(_ key: Value, _ value: Value) throws
}

extension NumericObject {
    func binary(_ op: NumericOp, _ other: Value, reflected: Bool) throws -> Value? {
        if op == .eq { return .bool(NumericHosts.object(other).map { $0 === self } ?? false) }
        if op == .ne { return .bool(!(NumericHosts.object(other).map { $0 === self } ?? false)) }
        return nil
    }
    func truth() throws -> Bool { isTruthy }
    func toDouble() throws -> Double? { nil }
    func toInteger() throws -> Value? { nil }
    func negated() throws -> Value? { nil }
    func absolute() throws -> Value? { nil }
    func positive() throws -> Value? { nil }
    func inverted() throws -> Value? { nil }
    var methodNames: [String] { [] }
    var lazyAttributeNames: [String] { [] }
}

/// What derived values share: the embedder's converter (for decoded values) and the classes.
final class NumericEnvironment {
    unowned let converter: any PickleValueConverter
    private var classes: [String: PyClass] = [:]

    init(converter: any PickleValueConverter) { self.converter = converter }

    /// `numpy.exceptions.AxisError` (a ValueError, so `except ValueError` catches it like in Python).
    lazy var axisError: Value = converter.interpreter.defineExceptionClass(
        name: "AxisError", base: converter.interpreter.builtinExceptionClass("ValueError"), module: "numpy.exceptions")

    /// `pandas.errors.IntCastingNaNError` (a ValueError): astype(int) of NaN or inf.
    lazy var intCastingNaNError: Value = converter.interpreter.defineExceptionClass(
        name: "IntCastingNaNError", base: converter.interpreter.builtinExceptionClass("ValueError"), module: "pandas.errors")

    /// `pandas.errors.MergeError` (a ValueError).
    lazy var mergeError: Value = converter.interpreter.defineExceptionClass(
        name: "MergeError", base: converter.interpreter.builtinExceptionClass("ValueError"), module: "pandas.errors")

    /// numpy's `_UFuncNoLoopError` (a `UFuncTypeError`, itself a TypeError), as its traceback names it.
    lazy var ufuncNoLoopError: Value = converter.interpreter.defineExceptionClass(
        name: "_UFuncNoLoopError", base: converter.interpreter.defineExceptionClass(
            name: "UFuncTypeError", base: converter.interpreter.builtinExceptionClass("TypeError"), module: "numpy._core._exceptions"),
        module: "numpy._core._exceptions")

    func wrap(_ object: any NumericObject) -> Value {
        // A scalar is its own instance (made with its class).
        if let scalar = object as? NDScalarHost { return .instance(scalar) }
        let instance = PyInstance(cls: cls(for: object), host: object)
        Self.setAttributes(of: instance, from: object)
        return .instance(instance)
    }

    /// The instance's precomputed attributes (all but methods and lazy ones), again after a change.
    private static func setAttributes(of instance: PyInstance, from object: any NumericObject) {
        let skipped = Set(object.methodNames + object.lazyAttributeNames)
        for name in object.attributeNames where !skipped.contains(name) {
            if let v = try? object.getAttribute(name) { instance.attrs[name] = v }
        }
    }

    /// The class of the numpy scalars of `dtype`, which a scalar is made with. Scalars are made per
    /// element (iteration, indexing, each step of a loop's arithmetic), so the class of a number
    /// scalar is found by its dtype's kind and size, without building its name; a scalar sets no
    /// attributes (its are all methods or computed on demand).
    // np.True_/np.False_ are not shared instances: held by the environment, they would hold it (they
    // need it) and never be freed; ordering (sorted, max) makes no bools at all (`compare`).
    func scalarClass(_ dtype: NDDType) -> PyClass {
        guard dtype.holdsNumbers, let slot = Self.numberClassSlot(dtype) else { return scalarClass(named: NDScalarHost.typeName(of: dtype), dtype) }
        if let c = numberScalarClasses[slot] { return c }
        let c = scalarClass(named: dtype.name, dtype)
        numberScalarClasses[slot] = c
        return c
    }

    private func scalarClass(named name: String, _ dtype: NDDType) -> PyClass {
        if let c = classes[name] { return c }
        // Only numpy's integer scalars have __index__ (a float64 is not a list index).
        let c = makeClass(name: name, module: "numpy", methodNames: NDScalarHost.methods, hasIndex: "biu".contains(dtype.kind))
        c.lessThan = { a, b in try NumericHosts.scalar(a)?.isLess(than: b) }
        c.sortKey = { v in NumericHosts.scalar(v)?.sortKey }
        return c
    }

    /// The classes of number scalars by kind (b, i, u, f) and size (1, 2, 4, 8 bytes): an array, not a
    /// dictionary, as it is read once per element of a loop. Unchecked: only `scalarClass` touches
    /// it, never re-entrantly, and the runtime's check of each read cost more than the read.
    @exclusivity(unchecked) private var numberScalarClasses = [PyClass?](repeating: nil, count: 16)

    private static func numberClassSlot(_ dtype: NDDType) -> Int? {
        let kind: Int
        switch dtype.kindCode {
        case UInt8(ascii: "b"): kind = 0
        case UInt8(ascii: "i"): kind = 1
        case UInt8(ascii: "u"): kind = 2
        case UInt8(ascii: "f"): kind = 3
        default: return nil
        }
        switch dtype.itemSize {
        case 1: return kind * 4
        case 2: return kind * 4 + 1
        case 4: return kind * 4 + 2
        case 8: return kind * 4 + 3
        default: return nil
        }
    }

    /// A decoded value as the language value Python's client would give.
    func python(_ v: PickleValue) throws -> Value { try converter.pythonValue(v) }

    private func cls(for object: any NumericObject) -> PyClass {
        if let scalar = object as? NDScalarHost { return scalarClass(scalar.dtype) }
        if let c = classes[object.typeName] { return c }
        return makeClass(name: object.typeName, module: object.moduleName, methodNames: object.methodNames, hasIndex: false)
    }

    private func makeClass(name: String, module: String, methodNames: [String], hasIndex: Bool) -> PyClass {
        var methods = Self.specialMethods()
        if !hasIndex { methods["__index__"] = nil }
        for method in methodNames {
            methods[method] = .newBuiltin(method) { args, kwargs in
                let o = try Self.target(args, method)
                guard case .builtin(let bound)? = try o.getAttribute(method) else {
                    throw PyException.attributeError("'\(o.typeName)' object has no attribute '\(method)'")
                }
                return try bound.body(Array(args.dropFirst()), kwargs)
            }
        }
        let c = PyClass(name: name, module: module, bases: [], dict: methods)
        c.doc = "A \(module) \(name) decoded from an artifact (read-only): numpy/pandas are not loaded."
        classes[name] = c
        return c
    }

    private static func target(_ args: [Value], _ name: String) throws -> any NumericObject {
        guard let first = args.first, let o = NumericHosts.object(first) else {
            throw PyException.typeError("descriptor '\(name)' requires a numeric object")
        }
        return o
    }

    private static func argument(_ args: [Value], _ name: String) throws -> Value {
        guard args.count >= 2 else { throw PyException.typeError("\(name)() takes exactly one argument (0 given)") }
        return args[1]
    }

    static var notImplemented: Value { .newBuiltin("NotImplemented") { _, _ in .none } }

    private static func specialMethods() -> [String: Value] {
        var d: [String: Value] = [:]
        func def(_ name: String, _ body: @escaping (any NumericObject, [Value]) throws -> Value) {
            d[name] = .newBuiltin(name) { args, _ in try body(try target(args, name), args) }
        }
        def("__repr__") { o, _ in .str(o.repr()) }
        def("__str__") { o, _ in .str(o.str()) }
        def("__getattr__") { o, args in
            let a = try argument(args, "__getattr__")
            guard case .str(let name) = a else { throw PyException.typeError("attribute name must be string") }
            if let v = try o.getAttribute(name) { return v }
            // numpy's types are C types named with their module; pandas' are Python classes, named bare.
            let shown = o.moduleName == "numpy" ? "numpy.\(o.typeName)" : o.typeName
            throw PyException.attributeError("'\(shown)' object has no attribute '\(name)'")
        }
        def("__dir__") { o, _ in .newList(o.attributeNames.sorted().map { .str($0) }) }
        def("__getitem__") { o, args in try o.getItem(try argument(args, "__getitem__")) }
        // `obj[key] = value` for the objects that change in place (a DataFrame's columns).
        d["__setitem__"] = .newBuiltin("__setitem__") { args, _ in
            let o = try target(args, "__setitem__")
            guard let settable = o as? any NumericItemAssignable, args.count == 3 else {
                throw PyException.typeError("'\(o.typeName)' object does not support item assignment")
            }
            try settable.setItem(args[1], args[2])
            if case .instance(let instance) = args[0] { setAttributes(of: instance, from: o) }
            return .none
        }
        // `obj.name = value`: the object sets it or refuses; its precomputed attributes follow.
        d["__setattr__"] = .newBuiltin("__setattr__") { args, _ in
            let o = try target(args, "__setattr__")
            guard args.count == 3, case .str(let name) = args[1] else { throw PyException.typeError("attribute name must be string") }
            try o.setAttribute(name, args[2])
            if case .instance(let instance) = args[0] { setAttributes(of: instance, from: o) }
            return .none
        }
        def("__iter__") { o, _ in .iterator(try o.makeIterator()) }
        def("__len__") { o, _ in .int(try o.length()) }
        def("__contains__") { o, args in .bool(try o.contains(try argument(args, "__contains__"))) }
        def("__bool__") { o, _ in .bool(try o.truth()) }
        def("__neg__") { o, _ in
            if let v = try o.negated() { return v }
            throw PyException.typeError("bad operand type for unary -: '\(o.typeName)'")
        }
        def("__abs__") { o, _ in
            if let v = try o.absolute() { return v }
            throw PyException.typeError("bad operand type for abs(): '\(o.typeName)'")
        }
        def("__pos__") { o, _ in
            if let v = try o.positive() { return v }
            throw PyException.typeError("bad operand type for unary +: '\(o.typeName)'")
        }
        // divmod(x, y) is (x // y, x % y) for arrays, scalars and Series, as numpy's divmod ufunc and
        // pandas' __divmod__ give it.
        for (name, reflected) in [("__divmod__", false), ("__rdivmod__", true)] {
            def(name) { o, args in
                let other = try argument(args, name)
                guard let quotient = try o.binary(.floordiv, other, reflected: reflected),
                      let remainder = try o.binary(.mod, other, reflected: reflected) else { return notImplemented }
                return .tuple([quotient, remainder])
            }
        }
        def("__invert__") { o, _ in
            if let v = try o.inverted() { return v }
            throw PyException.typeError("bad operand type for unary ~: '\(o.typeName)'")
        }
        def("__float__") { o, _ in
            if let x = try o.toDouble() { return .float(x) }
            throw PyException.typeError("float() argument must be a string or a real number, not '\(o.typeName)'")
        }
        def("__int__") { o, _ in
            if let x = try o.toInteger() { return x }
            throw PyException.typeError("int() argument must be a string, a bytes-like object or a real number, not '\(o.typeName)'")
        }
        // numpy's float64/int64/bool_ (and str_/bytes_) format like the Python value they hold; other values
        // (arrays, frames) only with an empty spec, as `object.__format__` allows.
        d["__format__"] = .newBuiltin("__format__") { args, _ in
            let o = try target(args, "__format__")
            guard case .str(let spec) = try argument(args, "__format__") else {
                throw PyException.typeError("format() argument 2 must be str")
            }
            if let scalar = o as? NDScalarHost, "biufUS".contains(scalar.dtype.kind), let env = scalar.envIfAny {
                return .str(try env.converter.interpreter.format(try env.python(scalar.value), spec: spec))
            }
            if spec.isEmpty { return .str(o.str()) }
            throw PyException.typeError("unsupported format string passed to \(o.moduleName).\(o.typeName).__format__")
        }
        def("__index__") { o, _ in
            if let scalar = o as? NDScalarHost, "biu".contains(scalar.dtype.kind), let v = try scalar.toInteger() { return v }
            throw PyException.typeError("'\(o.moduleName).\(o.typeName)' object cannot be interpreted as an integer")
        }
        def("__round__") { o, args in
            if let scalar = o as? NDScalarHost { return try scalar.round(args.count > 1 ? args[1] : .none) }
            // pandas rounds a Series or frame with its round(decimals); numpy's arrays have no __round__.
            if o is SeriesHost || o is DataFrameHost, case .builtin(let round)? = try o.getAttribute("round") {
                return try round.body(Array(args.dropFirst()), [])
            }
            if o is NDArrayHost { throw PyException.typeError("type numpy.ndarray doesn't define __round__ method") }
            guard let x = try o.toDouble() else { throw PyException.typeError("type \(o.typeName) doesn't define __round__ method") }
            if args.count < 2 || args[1].isNone {
                let r = x.rounded(.toNearestOrEven)
                guard r.isFinite, abs(r) < 9e18 else { throw PyException.overflow("cannot convert float infinity to integer") }
                return .int(Int(r))
            }
            guard case .int(let digits) = args[1], digits.magnitude < 300 else { return .float(x) }
            var scale = 1.0
            for _ in 0..<Int(digits.magnitude) { scale *= 10 }
            return .float(digits >= 0 ? (x * scale).rounded(.toNearestOrEven) / scale : (x / scale).rounded(.toNearestOrEven) * scale)
        }
        let names: [NumericOp: (String, String?)] = [
            .add: ("__add__", "__radd__"), .sub: ("__sub__", "__rsub__"), .mul: ("__mul__", "__rmul__"),
            .truediv: ("__truediv__", "__rtruediv__"), .floordiv: ("__floordiv__", "__rfloordiv__"),
            .mod: ("__mod__", "__rmod__"), .pow: ("__pow__", "__rpow__"),
            .bitand: ("__and__", "__rand__"), .bitor: ("__or__", "__ror__"), .bitxor: ("__xor__", "__rxor__"),
            .lt: ("__lt__", nil), .le: ("__le__", nil), .gt: ("__gt__", nil), .ge: ("__ge__", nil),
            .eq: ("__eq__", nil), .ne: ("__ne__", nil),
        ]
        // `a @ b`: numpy arrays only (NumPyLinalg); anything else is NotImplemented.
        def("__matmul__") { o, args in try NumPyLinalg.matmulOperator(o, try argument(args, "__matmul__"), reflected: false) ?? notImplemented }
        def("__rmatmul__") { o, args in try NumPyLinalg.matmulOperator(o, try argument(args, "__rmatmul__"), reflected: true) ?? notImplemented }
        for (op, (forward, reflected)) in names {
            def(forward) { o, args in try o.binary(op, try argument(args, forward), reflected: false) ?? notImplemented }
            if let reflected {
                def(reflected) { o, args in try o.binary(op, try argument(args, reflected), reflected: true) ?? notImplemented }
            }
        }
        return d
    }
}
