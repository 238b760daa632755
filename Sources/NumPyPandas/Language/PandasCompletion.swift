// What the shell's completion may know of a pandas value without evaluating anything: the
// string labels of a DataFrame's columns, offered inside `df["`.
import MFSInterpreter
import Pickle

public enum PandasCompletion {
    /// The string column labels of a DataFrame, in column order; nil when `value` is not one.
    public static func columnLabels(of value: Value) -> [String]? {
        guard let frame = NumericHosts.object(value) as? DataFrameHost else { return nil }
        return (0..<frame.columnCount).compactMap {
            if case .string(let s) = frame.frame.columns.label(at: $0) { return s }
            return nil
        }
    }
}
