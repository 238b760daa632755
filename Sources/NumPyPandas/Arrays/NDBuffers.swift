// Typed access to an array's elements without boxing them: the raw bytes read in place as Double,
// Int64 or UInt8 when they already are that type in native order and C order (a decoded float64
// artifact is never copied), converted once into a typed array otherwise; and builders that write a
// result's elements straight into the bytes of the new array. The numeric kernels (sums, extremes,
// element-wise loops) work on these buffers.
import Pickle
#if canImport(LargeBuffers)
import LargeBuffers
#endif

extension NDArray {
    /// The raw bytes hold the elements in C order and native (little-endian) byte order.
    var isNativeContiguous: Bool {
        guard case .raw = storage else { return false }
        return (dtype.byteOrder != ">" || dtype.itemSize == 1) && (!isFortranOrder || shape.count <= 1)
    }

    /// The raw bytes, when they are exactly `count` elements of `itemSize` in C order.
    private func contiguousBytes() -> PickleBytes? {
        guard isNativeContiguous, case .raw(let bytes) = storage, bytes.count >= count * dtype.itemSize else { return nil }
        return bytes
    }

    /// Calls `body` with the elements as Doubles in C order: read in place for float64 (a decoded blob
    /// need not be aligned), converted once for the other number kinds. nil for arrays of non-numbers.
    public func withDoubles<R>(_ body: (ElementReader<Double>) throws -> R) rethrows -> R? {
        guard "biuf".contains(dtype.kind) else { return nil }
        if dtype.kind == "f", dtype.itemSize == 8, let bytes = contiguousBytes() {
            return try bytes.withUnsafeBytes { try body(ElementReader(raw: $0, count: count)) }
        }
        guard let values = doubleValues() else { return nil }
        return try values.withUnsafeBytes { try body(ElementReader(raw: $0, count: values.count)) }
    }

    /// Calls `body` with the elements as Int64 in C order (bools as 0/1): in place for int64, converted
    /// for the other integer kinds. nil for floats, uint64 values beyond Int64 and non-numbers.
    public func withInt64s<R>(_ body: (ElementReader<Int64>) throws -> R) rethrows -> R? {
        guard "biu".contains(dtype.kind), !(dtype.kind == "u" && dtype.itemSize == 8) || fitsInt64 else { return nil }
        if dtype.kind == "i", dtype.itemSize == 8, let bytes = contiguousBytes() {
            return try bytes.withUnsafeBytes { try body(ElementReader(raw: $0, count: count)) }
        }
        guard case .raw(let bytes) = storage else { return nil }
        var values = [Int64](repeating: 0, count: count)
        let size = dtype.itemSize, little = dtype.isLittleEndian
        for i in 0..<count {
            let offset = memoryIndex(ofFlat: i) * size
            guard offset + size <= bytes.count else { return nil }
            values[i] = dtype.kind == "i" ? loadSigned(bytes, offset: offset, width: size, littleEndian: little)
                : Int64(truncatingIfNeeded: loadUnsigned(bytes, offset: offset, width: size, littleEndian: little))
        }
        return try values.withUnsafeBytes { try body(ElementReader(raw: $0, count: values.count)) }
    }

    /// A uint64 array whose values all fit in Int64.
    private var fitsInt64: Bool {
        guard case .raw(let bytes) = storage else { return false }
        for i in 0..<count {
            let offset = memoryIndex(ofFlat: i) * 8
            guard offset + 8 <= bytes.count else { return false }
            if loadUnsigned(bytes, offset: offset, width: 8, littleEndian: dtype.isLittleEndian) > UInt64(Int64.max) { return false }
        }
        return true
    }

    /// Calls `body` with a bool array's bytes (0 or 1) in C order.
    public func withBools<R>(_ body: (ElementReader<UInt8>) throws -> R) rethrows -> R? {
        guard dtype.kind == "b" else { return nil }
        if let bytes = contiguousBytes() {
            return try bytes.withUnsafeBytes { try body(ElementReader(raw: $0, count: count)) }
        }
        guard case .raw(let bytes) = storage else { return nil }
        let values = (0..<count).map { i -> UInt8 in
            let offset = memoryIndex(ofFlat: i)
            return offset < bytes.count && bytes[offset] != 0 ? 1 : 0
        }
        return try values.withUnsafeBytes { try body(ElementReader(raw: $0, count: values.count)) }
    }

    /// A new array of `count` elements of a fixed-width `dtype`, its bytes written by `fill` as `T`s.
    static func filling<T>(_ type: T.Type, dtype: NDDType, shape: [Int], count: Int,
                           _ fill: (UnsafeMutableBufferPointer<T>) throws -> Void) rethrows -> NDArray {
        let size = MemoryLayout<T>.stride
        let bytes = try [UInt8](unsafeUninitializedCapacity: count * size) { buffer, initialized in
            // Written from end to end: 2 MB pages make its first touch a fault per 2 MB, not per
            // 4 kB, which was half the time of `big * 2.0` on 5M values (numpy asks the same).
            HugePages.advise(UnsafeMutableRawBufferPointer(buffer))
            if let base = buffer.baseAddress {
                let typed = UnsafeMutableRawPointer(base).bindMemory(to: T.self, capacity: count)
                try fill(UnsafeMutableBufferPointer(start: typed, count: count))
            }
            initialized = count * size
        }
        return NDArray(dtype: dtype.nativeOrder, shape: shape, isFortranOrder: false, storage: .raw(PickleBytes(bytes)))
    }

    public static func float64(shape: [Int], count: Int, _ fill: (UnsafeMutableBufferPointer<Double>) throws -> Void) rethrows -> NDArray {
        try filling(Double.self, dtype: .float64, shape: shape, count: count, fill)
    }

    public static func int64(shape: [Int], count: Int, _ fill: (UnsafeMutableBufferPointer<Int64>) throws -> Void) rethrows -> NDArray {
        try filling(Int64.self, dtype: .int64, shape: shape, count: count, fill)
    }

    public static func bool(shape: [Int], count: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) throws -> Void) rethrows -> NDArray {
        try filling(UInt8.self, dtype: .bool, shape: shape, count: count, fill)
    }
}

/// Elements of a fixed-width type read from raw bytes in place, aligned or not (x86 and arm64 load
/// unaligned values at full speed; a decoded blob puts an array's data at any offset).
public struct ElementReader<T> {
    let raw: UnsafeRawBufferPointer
    public let count: Int

    @inline(__always) public subscript(_ i: Int) -> T { raw.loadUnaligned(fromByteOffset: i &* MemoryLayout<T>.stride, as: T.self) }

    public func contains(where predicate: (T) -> Bool) -> Bool {
        for i in 0..<count where predicate(self[i]) { return true }
        return false
    }
}

/// numpy's pairwise summation (`np.add.reduce` of a contiguous run): exact to numpy's last bit.
public func pairwiseSum<T: BinaryFloatingPoint>(_ n: Int, _ at: (Int) -> T) -> T {
    pairwise(0, n, at)
}

private func pairwise<T: BinaryFloatingPoint>(_ start: Int, _ n: Int, _ at: (Int) -> T) -> T {
    if n < 8 {
        var res: T = 0
        for i in 0..<n { res += at(start + i) }
        return res
    }
    if n <= 128 {
        var r0 = at(start), r1 = at(start + 1), r2 = at(start + 2), r3 = at(start + 3)
        var r4 = at(start + 4), r5 = at(start + 5), r6 = at(start + 6), r7 = at(start + 7)
        var i = 8
        while i < n - n % 8 {
            let b = start + i
            r0 += at(b); r1 += at(b + 1); r2 += at(b + 2); r3 += at(b + 3)
            r4 += at(b + 4); r5 += at(b + 5); r6 += at(b + 6); r7 += at(b + 7)
            i += 8
        }
        var res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        while i < n { res += at(start + i); i += 1 }
        return res
    }
    var half = n / 2
    half -= half % 8
    return pairwise(start, half, at) + pairwise(start + half, n - half, at)
}
