// Pickle: a pickle decoder that never runs anything — bytes in, inert Python-like values out.
// Machine/ (the opcode loop, bounds-checked reading, errors), Values/ (the value model, and the
// `ClassReconstructor` seam), StandardLibrary/ (well-known classes of Python's standard library rebuilt
// from their recorded state), Repr/ (CPython's repr). It knows nothing of Metaflow, the language or
// files (callers hand it bytes), nor of numpy and pandas: their classes are rebuilt by the
// reconstructors a caller passes in (NumPyPandas has them), and reach the decoder's users as
// `.reconstructed` values.
//
// This file: the public entry points — decode a pickle into inert values, with limits.

/// How STRING / BINSTRING / SHORT_BINSTRING (Python 2 `str`) payloads are decoded, like the
/// `encoding=` argument of `pickle.loads`.
public enum PickleStringEncoding: Sendable {
    /// Python 3's default: ASCII, an error on any other byte.
    case ascii
    /// Each byte is a code point (what numpy recommends for Python 2 pickles).
    case latin1
    /// Keep them as `bytes`.
    case bytes
}

/// A pickle decoder with limits. Never imports, calls or executes anything.
public struct PickleDecoder: Sendable {
    /// Deepest container nesting accepted (also bounds the recursion of any later tree walk).
    public var maxDepth: Int = 1000
    /// Bound on the estimated memory of the decoded values: `allocationFloor + allocationPerInputByte * input.count`.
    public var allocationPerInputByte: Int = 64
    public var allocationFloor: Int = 64 << 20
    /// Decoding of Python 2 byte strings (STRING/BINSTRING/SHORT_BINSTRING).
    public var stringEncoding: PickleStringEncoding = .ascii
    /// Out-of-band buffers consumed by NEXT_BUFFER (protocol 5), in order.
    public var buffers: [PickleBytes] = []
    /// Turn well-known classes of the standard library (set, datetime, decimal, ...) into dedicated
    /// cases, and ask `reconstructors` about the others. When false, every REDUCE/NEWOBJ result stays
    /// a `.object`.
    public var interpretsKnownTypes: Bool = true
    /// Rebuilders of classes outside the standard library (numpy and pandas, from NumPyPandas), asked
    /// in order; the first to answer wins.
    public var reconstructors: [any ClassReconstructor] = []

    public init() {}

    /// Decodes one pickle. Trailing bytes after STOP are ignored, as Python does.
    public func decode(_ bytes: [UInt8]) throws(UnpicklingError) -> PickleValue {
        var machine = PickleMachine(input: bytes, decoder: self)
        return try machine.run()
    }
}

/// Decodes one pickle with default limits.
public func unpickle(_ bytes: [UInt8], reconstructors: [any ClassReconstructor] = []) throws(UnpicklingError) -> PickleValue {
    var decoder = PickleDecoder()
    decoder.reconstructors = reconstructors
    return try decoder.decode(bytes)
}
