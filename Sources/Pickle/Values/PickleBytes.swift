// A zero-based byte view that shares storage with the decoder's input, so that a 40 MB array payload
// is never copied while decoding.

/// Bytes with zero-based indices; slicing the input shares its storage.
public struct PickleBytes: RandomAccessCollection, Hashable, Sendable {
    public let storage: ArraySlice<UInt8>

    public init(_ storage: ArraySlice<UInt8>) { self.storage = storage }
    public init(_ array: [UInt8]) { self.storage = array[...] }
    public init<S: Sequence>(_ bytes: S) where S.Element == UInt8 { self.storage = ArraySlice(bytes) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }
    public subscript(position: Int) -> UInt8 { storage[storage.startIndex + position] }

    /// A copy as a plain array.
    public var array: [UInt8] { Array(storage) }

    /// Calls `body` with the raw bytes, without copying.
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try storage.withUnsafeBytes(body)
    }

    public static func == (lhs: PickleBytes, rhs: PickleBytes) -> Bool { lhs.storage.elementsEqual(rhs.storage) }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.count)
        for byte in storage.prefix(256) { hasher.combine(byte) }
    }
}
