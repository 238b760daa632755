// abs(x), +x and -x of numpy and pandas values, as numpy's `absolute`/`positive`/`negative` ufuncs and
// pandas' `__abs__`/`__pos__`/`__neg__` give them: the dtype kept (integers wrap: abs(int8(-128)) is
// -128), a Series keeps its index and name, a frame goes column by column. A bool Series negates to its
// logical not (pandas), a bool array refuses `-` and `+` (numpy). What is not implemented returns nil, so
// the operator raises Python's "bad operand type" error; never a wrong value.
import MFSInterpreter
import Pickle

extension NumericEnvironment {
    /// The error numpy raises for a ufunc without a loop for `dtype` (`+bool_array`).
    func noLoopError(_ ufunc: String, _ dtype: NDDType) -> PyException {
        let dtypeClass: String
        switch dtype.kind {
        case "b": dtypeClass = "BoolDType"
        case "M": dtypeClass = "DateTime64DType"
        case "m": dtypeClass = "TimeDelta64DType"
        case "U": dtypeClass = "StrDType"
        case "S": dtypeClass = "BytesDType"
        default: dtypeClass = "\(dtype.name.prefix(1).uppercased())\(dtype.name.dropFirst())DType"
        }
        return PyException(ufuncNoLoopError,
                           "ufunc '\(ufunc)' did not contain a loop with signature matching types <class 'numpy.dtypes.\(dtypeClass)'> -> None")
    }
}

enum NumericUnary {
    /// numpy's `absolute` of a bool, integer or float array (`NumPyModule.absolute`: bools as they are,
    /// integers wrapping, floats without their sign); datetimes have no loop; other kinds are refused.
    static func absolute(_ array: NDArray, env: NumericEnvironment) throws -> Value? {
        let kind = array.dtype.kind
        if kind == "M" { throw env.noLoopError("absolute", array.dtype) }
        guard "biuf".contains(kind) else { return nil }
        return try NumPyModule.absolute(array, env: env)
    }

    /// numpy's `positive`: the values unchanged in a new array; bools have no loop.
    static func positive(_ array: NDArray, env: NumericEnvironment) throws -> Value? {
        let kind = array.dtype.kind
        if kind == "b" || kind == "M" { throw env.noLoopError("positive", array.dtype) }
        guard "iuf".contains(kind) else { return nil }
        return NumPyMath.result(array, env: env)
    }
}

extension NDArrayHost {
    func absolute() throws -> Value? { try NumericUnary.absolute(array, env: env) }
    func positive() throws -> Value? { try NumericUnary.positive(array, env: env) }
}

extension NDScalarHost {
    func absolute() throws -> Value? { try NumericUnary.absolute(asArray, env: env) }
    func positive() throws -> Value? { try NumericUnary.positive(asArray, env: env) }
}

extension SeriesHost {
    /// `-series`: numbers negated, bools logically negated (pandas applies `~` to them).
    func negated() throws -> Value? {
        try elementwise { array in
            array.dtype.kind == "b" ? try NDArrayHost(array, env: env).inverted() : try NDArrayHost(array, env: env).negated()
        }
    }
    func absolute() throws -> Value? { try elementwise { try NumericUnary.absolute($0, env: env) } }
    /// `+series`: the values as they are; pandas allows it on bools too.
    func positive() throws -> Value? {
        try elementwise { array in array.dtype.kind == "b" ? NumPyMath.result(array, env: env) : try NumericUnary.positive(array, env: env) }
    }

    /// The array operation applied to the values, under the same index and name; nil (refused) for
    /// categorical, text, object and datetime values.
    private func elementwise(_ operation: (NDArray) throws -> Value?) throws -> Value? {
        guard series.dtypeName != "category", let a = valuesArray, "biuf".contains(a.dtype.kind),
              let result = try operation(a), let array = (NumericHosts.object(result) as? NDArrayHost)?.array else { return nil }
        return withValues(.ndarray(array), dtypeName: array.dtype.name)
    }
}

extension DataFrameHost {
    func negated() throws -> Value? { try columnByColumn { try $0.negated() } }
    func absolute() throws -> Value? { try columnByColumn { try $0.absolute() } }
    func positive() throws -> Value? { try columnByColumn { try $0.positive() } }

    /// Each column through the Series operation; nil when any column refuses, as pandas fails on the
    /// first column it cannot do.
    private func columnByColumn(_ operation: (SeriesHost) throws -> Value?) throws -> Value? {
        var values: [PickleValue] = [], dtypes: [String] = []
        for c in 0..<columnCount {
            guard let result = try operation(column(c)), let done = NumericHosts.object(result) as? SeriesHost else { return nil }
            values.append(done.series.values)
            dtypes.append(done.series.dtypeName)
        }
        return env.wrap(DataFrameHost(.make(columns: frame.columns, index: frame.index, columnValues: values, columnDTypeNames: dtypes,
                                            columnCategoricals: frame.columnCategoricals), env: env))
    }
}
