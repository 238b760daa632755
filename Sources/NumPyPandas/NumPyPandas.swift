// NumPyPandas: numpy and pandas without Python. It owns their values whole: storage, dtypes and
// element access (Arrays/ for numpy's dtype, ndarray and scalars; Frames/ for pandas' Index, Series
// and DataFrame), their reconstruction from the state a pickle recorded (the `ClassReconstructor`
// below, which the embedder hands to the pickle decoder), numpy's and pandas' exact printing
// (Printing/), and their life in the language: attributes, indexing, arithmetic, reductions (Language/).
// Arrays/, Frames/ and Printing/ need only Pickle (the fuzzer compiles them with it); Language/ adds
// the interpreter. It knows nothing of Metaflow, the client objects or the terminal: whoever embeds
// it hands it a `PickleValueConverter` for the decoded values its language values give out.
//
// This file: the reconstructor, and how the rest of the module reads its values out of a PickleValue.
import Pickle

/// Rebuilds numpy's and pandas' pickled classes: dtypes, `_reconstruct`/`_frombuffer` arrays and
/// scalars; indexes, Series and DataFrames from their block managers.
public struct NumPyPandasReconstructor: ClassReconstructor {
    public init() {}

    public func reconstruct(_ object: PickleObject, module: String, name: String) throws(ReconstructionError) -> PickleValue? {
        if module == "numpy" || module.hasPrefix("numpy.") {
            do {
                return try reconstructNumPy(module: module, name: name, object)
            } catch {
                throw ReconstructionError("impossible numpy array (\(error.message))")
            }
        }
        if module == "pandas" || module.hasPrefix("pandas.") { return reconstructPandas(module: module, name: name, object) }
        return nil
    }
}

extension PickleValue {
    /// `.reconstructed` made by this module, as constructors and accessors named for what they hold.
    package static func ndarray(_ a: NDArray) -> PickleValue { .reconstructed(a) }
    package static func dtype(_ d: NDDType) -> PickleValue { .reconstructed(d) }
    package static func numpyScalar(_ s: NDScalar) -> PickleValue { .reconstructed(s) }
    package static func dataFrame(_ df: DataFrame) -> PickleValue { .reconstructed(df) }
    package static func series(_ s: Series) -> PickleValue { .reconstructed(s) }
    package static func index(_ i: PandasIndex) -> PickleValue { .reconstructed(i) }

    package var ndarray: NDArray? { reconstructedValue as? NDArray }
    package var dtype: NDDType? { reconstructedValue as? NDDType }
    package var numpyScalar: NDScalar? { reconstructedValue as? NDScalar }
    package var dataFrame: DataFrame? { reconstructedValue as? DataFrame }
    package var series: Series? { reconstructedValue as? Series }
    package var pandasIndex: PandasIndex? { reconstructedValue as? PandasIndex }

    private var reconstructedValue: (any ReconstructedValue)? {
        if case .reconstructed(let r) = self { return r }
        return nil
    }
}
