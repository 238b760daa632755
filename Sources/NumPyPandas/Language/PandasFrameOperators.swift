// DataFrame operators: `df == 3`, `df > 0.5`, `df * 2` column by column (each column as its Series
// computes it, which is what pandas does with a scalar), and comparisons between identically-labelled
// frames. Without this, `==` fell back to identity and answered a plain False. What needs label
// alignment (a frame with a Series, list, array, or arithmetic between frames) raises, naming it.
import MFSInterpreter
import Pickle

extension DataFrameHost {
    func binary(_ op: NumericOp, _ other: Value, reflected: Bool) throws -> Value? {
        var right: [Value]
        if let f = NumericHosts.object(other) as? DataFrameHost {
            guard op.isComparison else {
                throw PyException.typeError("arithmetic between DataFrames (label alignment) is not supported by mfsh")
            }
            guard columnCount == f.columnCount, env.sameLabels(frame.columns, f.frame.columns), env.sameLabels(frame.index, f.frame.index) else {
                throw PyException.valueError("Can only compare identically-labeled (both index and columns) DataFrame objects")
            }
            right = (0..<columnCount).map { env.wrap(f.column($0)) }
        } else if Self.isScalar(other) {
            right = Array(repeating: other, count: columnCount)
        } else {
            // pandas aligns a Series on the columns and a list or array on the shape: not done here.
            throw PyException.typeError("DataFrame \(op.symbol) \(other.typeName) is not supported by mfsh (only a scalar or an identically-labelled DataFrame)")
        }
        var values: [PickleValue] = []
        var dtypes: [String] = []
        for c in 0..<columnCount {
            guard let result = try column(c).binary(op, right[c], reflected: reflected),
                  let s = NumericHosts.object(result) as? SeriesHost else {
                // `==` must never fall back to identity: say what is missing instead.
                if op == .eq || op == .ne {
                    throw PyException.typeError("DataFrame \(op.symbol) on column '\(pythonRepr(frame.columns.label(at: c)))' (\(column(c).series.dtypeName)) is not supported by mfsh")
                }
                return nil
            }
            values.append(s.series.values)
            dtypes.append(s.series.dtypeName)
        }
        return env.wrap(DataFrameHost(.make(columns: frame.columns, index: frame.index, columnValues: values, columnDTypeNames: dtypes), env: env))
    }

    /// A value pandas broadcasts to every cell: a Python or numpy scalar (a 0-d array is one too).
    private static func isScalar(_ v: Value) -> Bool {
        switch v {
        case .int, .float, .bool, .str, .none: return true
        default:
            if let a = NumericHosts.object(v) { return a is NDScalarHost || (a as? NDArrayHost)?.array.shape.isEmpty == true }
            return false
        }
    }
}

extension PandasIndexHost {
    /// `index == 5`, `df.columns != "a"`, `index > 2`: numpy's bool array over the labels, as pandas
    /// gives it; a list, array or Index of another length is pandas' "Lengths must match" ValueError.
    /// Identity (the default) would have answered a plain bool.
    func binary(_ op: NumericOp, _ other: Value, reflected: Bool) throws -> Value? {
        guard op.isComparison else { return nil }
        guard index.levels == nil, index.categorical == nil, !index.dtypeName.hasPrefix("datetime"), !index.dtypeName.hasPrefix("timedelta") else {
            throw PyException.typeError("comparing a \(index.className) with \(op.symbol) is not supported by mfsh")
        }
        var operand = other
        var otherCount: Int?
        switch other {
        case .list(let l): otherCount = l.items.count
        case .tuple(let t): otherCount = t.count
        default:
            if let i = NumericHosts.object(other) as? PandasIndexHost {
                otherCount = i.index.count
                operand = env.wrap(NDArrayHost(try i.labelArray(), env: env))
            } else if let a = NumericHosts.object(other) as? NDArrayHost, !a.array.shape.isEmpty {
                otherCount = a.array.count
            } else if NumericHosts.object(other) is SeriesHost || NumericHosts.object(other) is DataFrameHost {
                throw PyException.typeError("comparing an Index with a \(other.typeName) is not supported by mfsh")
            }
        }
        if let otherCount, otherCount != index.count { throw PyException.valueError("Lengths must match to compare") }
        if let r = try NDArrayHost(try labelArray(), env: env).binary(op, operand, reflected: reflected) { return r }
        if op == .eq || op == .ne { throw PyException.typeError("comparing a \(index.className) with \(other.typeName) is not supported by mfsh") }
        return nil
    }

    /// The labels as one numpy array (a RangeIndex's int64 values, an object array for other labels).
    func labelArray() throws -> NDArray {
        switch index.values {
        case .values(.reconstructed(let a as NDArray)) where a.shape.count == 1: return a
        case .range(let start, _, let step): return .int64((0..<index.count).map { start + $0 * step }, shape: [index.count])
        default: return .objects((0..<index.count).map { index.label(at: $0) }, shape: [index.count])
        }
    }
}
