// Python indexes str by code point; a Swift String is UTF-8, where the n-th code point takes a walk
// from the start. For long strings that walk (and len()) would make `s[i]` in a loop quadratic, so
// the interpreter keeps, for the few long strings it indexed last, their length in code points,
// whether they are ASCII (then code point n is byte n), and otherwise the byte offset of every
// 256th code point.
import Glibc

/// Code-point positions in one long string.
final class StrPositions {
    /// Keeps the string's buffer alive, so its address cannot be reused by another string while
    /// this entry stands.
    let text: String
    let base: UnsafeRawPointer
    let byteCount: Int
    let count: Int
    /// Byte offset of code point `k * stride`; empty for an ASCII string.
    let crumbs: [Int]
    static let stride = 256

    init?(_ text: String) {
        guard let (base, byteCount) = Self.storage(text) else { return nil }
        self.text = text
        self.base = base
        self.byteCount = byteCount
        let bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: byteCount)
        if Self.isASCII(bytes) {
            count = byteCount
            crumbs = []
            return
        }
        var crumbs: [Int] = []
        var n = 0
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            if n % Self.stride == 0 { crumbs.append(offset) }
            n += 1
        }
        count = n
        self.crumbs = crumbs
    }

    /// The address and size of a native string's UTF-8 bytes (nil for a small or bridged string).
    static func storage(_ s: String) -> (UnsafeRawPointer, Int)? {
        s.utf8.withContiguousStorageIfAvailable { buffer in
            buffer.baseAddress.map { (UnsafeRawPointer($0), buffer.count) }
        } ?? nil
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(start)
        let words = bytes.count / 8
        var acc: UInt64 = 0
        for w in 0..<words { acc |= raw.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self) }
        for i in (words * 8)..<bytes.count { acc |= UInt64(bytes[i]) }
        return acc & 0x8080_8080_8080_8080 == 0
    }

    /// Byte offset of code point `i` (0...count).
    func byteOffset(_ i: Int) -> Int {
        if crumbs.isEmpty || i >= count { return i >= count ? byteCount : i }
        var offset = crumbs[i / Self.stride]
        var left = i % Self.stride
        let bytes = base.assumingMemoryBound(to: UInt8.self)
        while left > 0 {
            offset += 1
            while bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            left -= 1
        }
        return offset
    }

    /// Code points `start..<end` as a string.
    func substring(_ start: Int, _ end: Int) -> String {
        let from = byteOffset(start), to = byteOffset(end)
        let buffer = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self) + from, count: to - from)
        return String(decoding: buffer, as: UTF8.self)
    }
}

/// The last few long strings indexed, most recent first.
final class StrPositionCache {
    /// Shorter strings are walked directly: cheaper than a look-up.
    static let minimumBytes = 4096
    private static let capacity = 2
    private var entries: [StrPositions] = []

    func positions(_ s: String) -> StrPositions? {
        guard s.utf8.count >= Self.minimumBytes, let (base, byteCount) = StrPositions.storage(s) else { return nil }
        if let k = entries.firstIndex(where: { $0.base == base && $0.byteCount == byteCount }) {
            let hit = entries[k]
            if k > 0 { entries.remove(at: k); entries.insert(hit, at: 0) }
            return hit
        }
        guard let made = StrPositions(s) else { return nil }
        entries.insert(made, at: 0)
        if entries.count > Self.capacity { entries.removeLast() }
        return made
    }
}

extension Interpreter {
    /// `len(s)` for a str.
    func strLength(_ s: String) -> Int {
        strPositions.positions(s)?.count ?? s.unicodeScalars.count
    }

    /// `s[i]` for a str (i already checked to be an int).
    func strItem(_ s: String, _ index: Int) throws -> Value {
        var i = index
        if let p = strPositions.positions(s) {
            if i < 0 { i += p.count }
            guard i >= 0 && i < p.count else { throw PyException.indexError("string index out of range") }
            return .str(p.substring(i, i + 1))
        }
        let scalars = s.unicodeScalars
        let count = scalars.count
        if i < 0 { i += count }
        guard i >= 0 && i < count else { throw PyException.indexError("string index out of range") }
        return .str(String(Character(scalars[scalars.index(scalars.startIndex, offsetBy: i)])))
    }

    /// `s[slice]` for a str.
    func strSlice(_ s: String, _ sl: PySlice) throws -> Value {
        if let p = strPositions.positions(s) {
            // Errors (and big-int bounds) are sliceIndices' to report.
            if let (start, stop, step) = try? sliceBounds(sl, count: p.count), step == 1 {
                return .str(start < stop ? p.substring(start, stop) : "")
            }
            var out = String.UnicodeScalarView()
            for i in try sliceIndices(sl, count: p.count) { out.append(contentsOf: p.substring(i, i + 1).unicodeScalars) }
            return .str(String(out))
        }
        let scalars = Array(s.unicodeScalars)
        var out = String.UnicodeScalarView()
        for i in try sliceIndices(sl, count: scalars.count) { out.append(scalars[i]) }
        return .str(String(out))
    }
}
