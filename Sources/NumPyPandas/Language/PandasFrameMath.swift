// Column-wise DataFrame reductions (sum/mean/min/max/std/var/count), DataFrame.to_numpy() and to_dict().
import MFSInterpreter
import Pickle

extension DataFrameHost {
    static let reductionNames = ["count", "max", "mean", "median", "min", "std", "sum", "var"]

    /// `df.sum()` ...: one value per column, as a Series indexed by the column labels. Non-numeric columns
    /// raise TypeError like pandas 3 unless `numeric_only=True` drops them (`count` takes every column).
    func reduceColumns(_ name: String, _ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        var numericOnly = false
        // pandas still takes the axis by position (df.sum(1) sums each row): only the columns' axis is done here.
        guard args.count <= 1 else { throw PyException.typeError("DataFrame.\(name)() with arguments by position beyond axis is not supported by mfsh") }
        var kwargs = kwargs
        if let axis = args.first { kwargs.insert(("axis", axis), at: 0) }
        if let i = kwargs.firstIndex(where: { $0.0 == "axis" }) {
            switch kwargs[i].1 {
            case .int(0), .str("index"): kwargs.remove(at: i)
            default: throw PyException.typeError("DataFrame.\(name)(axis=...) other than 0 (a value per row) is not supported by mfsh")
            }
        }
        for (k, v) in kwargs {
            guard k == "numeric_only", case .bool(let b) = v else {
                throw PyException.typeError("DataFrame.\(name)() got an unexpected keyword argument '\(k)' in mfsh")
            }
            numericOnly = b
        }
        var picked: [Int] = []
        var scalars: [NDScalar] = []
        for c in 0..<columnCount {
            let series = column(c)
            let isNumeric: Bool = { if let a = frame.columnValues[c].ndarray { return "biuf".contains(a.dtype.kind) }; return false }()
            if numericOnly && !isNumeric { continue }  // count(numeric_only=True) drops them too
            if name != "count" && !isNumeric {
                if name == "median" && series.series.dtypeName == "str" { throw PyException.typeError("Cannot perform reduction 'median' with string dtype") }
                throw PyException.typeError("could not convert column '\(pythonRepr(frame.columns.label(at: c)))' to numeric (\(name) of a \(series.series.dtypeName) column is not supported in mfsh)")
            }
            guard case .builtin(let method)? = try series.getAttribute(name) else {
                throw PyException.typeError("\(name)() is not supported for column '\(pythonRepr(frame.columns.label(at: c)))' in mfsh")
            }
            let result = try method.body([], [])
            if let s = NumericHosts.object(result) as? NDScalarHost {
                scalars.append(s.scalar)
            } else if case .float(let x) = result, let s = NDArray.float64([x], shape: []).scalar(atFlat: 0) {
                scalars.append(s)  // an empty or all-missing column's NaN, a Python float
            } else {
                throw PyException.typeError("\(name)() is not supported for column '\(pythonRepr(frame.columns.label(at: c)))' in mfsh")
            }
            picked.append(c)
        }
        let labels = NDArray.objects(picked.map { frame.columns.label(at: $0) }, shape: [picked.count])
        let index = PandasIndex.make(className: "Index", labels: .ndarray(labels), name: frame.columns.name, dtypeName: frame.columns.dtypeName)
        let values = try commonArray(scalars)
        return env.wrap(SeriesHost(.make(values: .ndarray(values), index: index, name: .none, dtypeName: values.dtype.name), env: env))
    }

    /// Scalars as one array of their common numpy type (pandas' find_common_type for numbers).
    private func commonArray(_ scalars: [NDScalar]) throws -> NDArray {
        guard let first = scalars.first else { return .float64([], shape: [0]) }
        let type = scalars.dropFirst().reduce(first.dtype.nativeOrder) { NumPyMath.promote($0, $1.dtype) }
        let operands = scalars.compactMap { NDArray.stacking([$0], shape: []).flatMap { NumericOperand(array: $0) } }
        // A bool (max of a bool column) beside numbers is pandas' object, not numpy's promotion.
        let bools = scalars.filter { $0.dtype.kind == "b" }.count
        guard operands.count == scalars.count, bools == 0 || bools == scalars.count else {
            return .objects(scalars.map { .numpyScalar($0) }, shape: [scalars.count])
        }
        if type.kind == "f" || operands.contains(where: { $0.ints == nil }) {
            return .make(dtype: type.kind == "f" ? type : .float64, doubles: operands.map { $0.doubles[0] }, shape: [operands.count])
        }
        return .make(dtype: type, ints: operands.map { $0.ints?[0] ?? 0 }, shape: [operands.count])
    }

    /// `df.to_numpy()` / `df.values`: a 2-D array of the columns' common type, or an object array.
    func toNumpy() throws -> Value {
        let rows = rowCount, columns = columnCount
        let arrays = frame.columnValues.prefix(columns).compactMap { v -> NDArray? in if let a = v.ndarray { return a }; return nil }
        _ = try NumPyMath.resultCount([rows, columns])
        // pandas' common type of bool and numbers is object (numpy would promote bool to the number).
        let bools = arrays.filter { $0.dtype.kind == "b" }.count
        if arrays.count == columns, let first = arrays.first, arrays.allSatisfy({ "biuf".contains($0.dtype.kind) }),
           bools == 0 || bools == columns {
            let type = arrays.dropFirst().reduce(first.dtype.nativeOrder) { NumPyMath.promote($0, $1.dtype) }
            let operands = arrays.compactMap { NumericOperand(array: $0) }
            if operands.count == columns {
                if type.kind == "f" || operands.contains(where: { $0.ints == nil }) {
                    let values = (0..<rows).flatMap { r in operands.map { $0.doubles[r] } }
                    return env.wrap(NDArrayHost(.make(dtype: type.kind == "f" ? type : .float64, doubles: values, shape: [rows, columns]), env: env))
                }
                if type.kind == "b" {
                    return env.wrap(NDArrayHost(.bool((0..<rows).flatMap { r in operands.map { $0.doubles[r] != 0 } }, shape: [rows, columns]), env: env))
                }
                let values = (0..<rows).flatMap { r in operands.map { $0.ints?[r] ?? 0 } }
                return env.wrap(NDArrayHost(.make(dtype: type, ints: values, shape: [rows, columns]), env: env))
            }
        }
        let cells: [PickleValue] = (0..<rows).flatMap { r in
            frame.columnValues.prefix(columns).map { v -> PickleValue in
                guard let a = v.ndarray else { return PickleValue.none }
                return a.element(at: r) ?? PickleValue.none
            }
        }
        return env.wrap(NDArrayHost(.objects(cells, shape: [rows, columns]), env: env))
    }

    /// `df.to_dict(orient='dict', *, into=dict, index=True)` in pandas' orients: dict, list, series,
    /// split, tight, records and index; values boxed as Python's (numpy scalars become Python numbers).
    func toDict(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        var orient = "dict", withIndex = true
        guard args.count <= 1 else { throw PyException.typeError("DataFrame.to_dict() takes from 1 to 2 positional arguments but \(args.count + 1) were given") }
        for (k, v) in (args.first.map { [("orient", $0)] } ?? []) + kwargs {
            switch (k, v) {
            case ("orient", .str(let o)): orient = o
            case ("index", .bool(let b)): withIndex = b
            case ("into", _): throw PyException.typeError("DataFrame.to_dict(into=...) is not supported by mfsh")
            default: throw PyException.typeError("DataFrame.to_dict() got an unexpected keyword argument '\(k)'")
            }
        }
        let orients = ["dict", "list", "series", "split", "tight", "records", "index"]
        guard orients.contains(orient) else { throw PyException.valueError("orient '\(orient)' not understood") }
        if !withIndex && !["split", "tight"].contains(orient) {
            throw PyException.valueError("'index=False' is only valid when 'orient' is 'split' or 'tight'")
        }
        let labels = try (0..<columnCount).map { try env.python(frame.columns.label(at: $0)) }
        let rowLabels = try (0..<rowCount).map { try env.python(frame.index.label(at: $0)) }
        func cell(_ r: Int, _ c: Int) throws -> Value { try env.nativeElement(frame.columnValues[c], r) }
        func row(_ r: Int) throws -> [Value] { try (0..<columnCount).map { try cell(r, $0) } }
        switch orient {
        case "dict": return try .newDict(labels.enumerated().map { ($0.element, try column($0.offset).toDict()) })
        case "list":
            return try .newDict(labels.enumerated().map { c in (c.element, .newList(try (0..<rowCount).map { try cell($0, c.offset) })) })
        case "series": return try .newDict(labels.enumerated().map { ($0.element, env.wrap(column($0.offset))) })
        case "records":
            return .newList(try (0..<rowCount).map { r in try .newDict(zip(labels, try row(r)).map { ($0, $1) }) })
        case "index":
            return try .newDict(try rowLabels.enumerated().map { r in (r.element, try .newDict(zip(labels, try row(r.offset)).map { ($0, $1) })) })
        default:  // split, tight
            var pairs: [(Value, Value)] = []
            if withIndex { pairs.append((.str("index"), .newList(rowLabels))) }
            pairs.append((.str("columns"), .newList(labels)))
            pairs.append((.str("data"), .newList(try (0..<rowCount).map { .newList(try row($0)) })))
            if orient == "tight" {
                if withIndex { pairs.append((.str("index_names"), .newList(try frame.index.names.map { try env.python($0) }))) }
                pairs.append((.str("column_names"), .newList([try env.python(frame.columns.name)])))
            }
            return try .newDict(pairs)
        }
    }
}
