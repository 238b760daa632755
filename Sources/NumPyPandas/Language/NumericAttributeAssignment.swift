// `obj.name = value` on numpy and pandas values: what pandas lets scripts set in place (a frame's
// `columns` and `index`, a Series' `name` and `index`), and a clear refusal for everything else.
// Before this, the interpreter stored such attributes on the instance and the value ignored them:
// `df.columns = ["x", "y"]` printed the old labels, a wrong answer that looks right.
import MFSInterpreter
import Pickle

extension NumericObject {
    /// What numpy and pandas values do not let mfsh set: numpy's own AttributeError for a name the
    /// value does not have; a refusal by name for one it has (`a.shape = ...` reshapes in numpy) and
    /// for pandas, which would store a new attribute.
    func setAttribute(_ name: String, _ value: Value) throws {
        let qualified = "\(moduleName).\(typeName)"
        if attributeNames.contains(name) {
            throw PyException.attributeError("setting '\(name)' of a \(qualified) is not supported by mfsh")
        }
        if moduleName == "pandas" {
            throw PyException.attributeError("setting attribute '\(name)' of a \(typeName) is not supported by mfsh")
        }
        throw PyException.attributeError("'\(qualified)' object has no attribute '\(name)'")
    }
}

extension NumericEnvironment {
    /// New labels for an axis of `count` entries (`df.columns = [...]`, `s.index = [...]`), with
    /// pandas' error when their number differs.
    func axisLabels(_ value: Value, count: Int) throws -> PandasIndex {
        let labels = try pandasIndex(value)
        guard labels.count == count else {
            throw PyException.valueError("Length mismatch: Expected axis has \(count) elements, new values have \(labels.count) elements")
        }
        return labels
    }
}

extension DataFrameHost {
    func setAttribute(_ name: String, _ value: Value) throws {
        switch name {
        case "columns": frame = frame.relabeled(columns: try env.axisLabels(value, count: columnCount))
        case "index": frame = frame.relabeled(index: try env.axisLabels(value, count: rowCount))
        default: throw PyException.attributeError("setting attribute '\(name)' of a DataFrame is not supported by mfsh")
        }
    }
}

extension SeriesHost {
    func setAttribute(_ name: String, _ value: Value) throws {
        switch name {
        case "name": series = series.relabeled(name: try env.pandasLabel(value))
        case "index": series = series.relabeled(index: try env.axisLabels(value, count: count))
        default: throw PyException.attributeError("setting attribute '\(name)' of a Series is not supported by mfsh")
        }
    }
}

extension DataFrame {
    /// The same columns under other labels.
    func relabeled(columns: PandasIndex? = nil, index: PandasIndex? = nil) -> DataFrame {
        DataFrame(columns: columns ?? self.columns, index: index ?? self.index, columnValues: columnValues,
                  columnDTypeNames: columnDTypeNames, columnCategoricals: columnCategoricals)
    }
}

extension Series {
    /// The same values under another name or index.
    func relabeled(name: PickleValue? = nil, index: PandasIndex? = nil) -> Series {
        Series(values: values, index: index ?? self.index, name: name ?? self.name, dtypeName: dtypeName, categorical: categorical)
    }
}
