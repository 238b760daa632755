// The seam through which classes the decoder does not know are rebuilt by whoever does. numpy and
// pandas live in their own module (NumPyPandas), which owns their storage and printing; it hands the
// decoder a `ClassReconstructor`, and the decoder hands back the `ReconstructedValue`s it made, stored
// in `PickleValue.reconstructed`. Reconstruction stays what it is for the standard library: a pure
// transformation of what the pickle recorded (callable, arguments, BUILD state); nothing is called.

/// A value a `ClassReconstructor` made. The decoder keeps it, uses it as a dict key by identity, and
/// prints it; everything else about it belongs to the module that made it.
public protocol ReconstructedValue: AnyObject {
    /// Python's name of the value's type (`ndarray`, `DataFrame`), for messages and displays.
    var pythonTypeName: String { get }
    /// CPython's `repr()` of the value.
    func pythonRepr() -> String
}

/// Rebuilds objects of the classes it knows from their recorded state. Asked, bottom-up, about every
/// object whose callable is a global outside the standard modules the decoder knows itself; the
/// objects it is given have their children already reconstructed.
public protocol ClassReconstructor: Sendable {
    /// The value for `object` (whose callable is `module.name`), nil to keep it a `.object`, or an
    /// error when the object is of a class this reconstructor knows but its data cannot be what it
    /// claims (a numpy array whose shape does not match its bytes): the decode then fails with it.
    func reconstruct(_ object: PickleObject, module: String, name: String) throws(ReconstructionError) -> PickleValue?
}

/// Why a recorded object cannot be what it claims; `message` becomes the decode error's text.
public struct ReconstructionError: Error, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
