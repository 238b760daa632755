// Sizes that come from a user's integer (`"x" * n`, `bytes(n)`, a format width): checked before
// anything is allocated, so that too much is a catchable MemoryError as in CPython, never the Swift
// runtime's fatal "failed to allocate". Repetition fills its buffer by doubling copies (memcpy), not
// by appending n pieces.
import Glibc

enum MemoryCheck {
    /// Requests at least this large are tried with malloc first (smaller ones cannot fail usefully).
    static let probeBytes = 1 << 24

    static func memoryError() -> PyException { PyException(cls: BuiltinClasses.exc("MemoryError"), args: []) }

    /// MemoryError unless `count` items of `size` bytes can be addressed and, when large, allocated now.
    static func reserve(count: Int, size: Int) throws {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: max(size, 1))
        guard !overflow, bytes < Int.max / 2 else { throw memoryError() }
        if bytes >= probeBytes {
            // mmap, not malloc: the optimiser may drop a malloc/free pair whose memory is unused (and
            // with it the check). The kernel applies the same limits (ulimit -v, overcommit).
            let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
            guard let p, p != MAP_FAILED else { throw memoryError() }
            munmap(p, bytes)
        }
    }
}

/// The repeat count of `seq * n`: negative is 0; an int beyond Int is CPython's OverflowError.
func repeatCount(_ v: Value) throws -> Int? {
    switch v {
    case .int(let i): return max(i, 0)
    case .bool(let b): return b ? 1 : 0
    case .bigint: throw PyException.overflow("cannot fit 'int' into an index-sized integer")
    default: return nil
    }
}

/// Fills `buffer[unit..<total]` with copies of `buffer[0..<unit]`, doubling the copied span each pass.
private func fillByDoubling(_ base: UnsafeMutableRawPointer, unit: Int, total: Int) {
    var filled = unit
    while filled < total {
        let n = min(filled, total - filled)
        memcpy(base + filled, base, n)
        filled += n
    }
}

func repeatedString(_ s: String, _ n: Int) throws -> String {
    var s = s
    let unit = s.utf8.count
    if unit == 0 || n == 0 { return "" }
    if n == 1 { return s }
    let (total, overflow) = unit.multipliedReportingOverflow(by: n)
    if overflow { throw PyException.overflow("repeated string is too long") }
    try MemoryCheck.reserve(count: total, size: 1)
    return s.withUTF8 { source in
        String(unsafeUninitializedCapacity: total) { buffer in
            guard let base = buffer.baseAddress, let from = source.baseAddress else { return 0 }
            memcpy(base, from, unit)
            fillByDoubling(UnsafeMutableRawPointer(base), unit: unit, total: total)
            return total
        }
    }
}

func repeatedBytes(_ b: [UInt8], _ n: Int) throws -> [UInt8] {
    let unit = b.count
    if unit == 0 || n == 0 { return [] }
    let (total, overflow) = unit.multipliedReportingOverflow(by: n)
    if overflow { throw PyException.overflow("repeated bytes are too long") }
    try MemoryCheck.reserve(count: total, size: 1)
    return [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
        guard let base = buffer.baseAddress else { return }
        b.withUnsafeBufferPointer { if let from = $0.baseAddress { memcpy(base, from, unit) } }
        fillByDoubling(UnsafeMutableRawPointer(base), unit: unit, total: total)
        initialized = total
    }
}

func repeatedValues(_ items: [Value], _ n: Int) throws -> [Value] {
    let unit = items.count
    if unit == 0 || n == 0 { return [] }
    let (total, overflow) = unit.multipliedReportingOverflow(by: n)
    if overflow { throw MemoryCheck.memoryError() }
    try MemoryCheck.reserve(count: total, size: MemoryLayout<Value>.stride)
    if unit == 1 { return Array(repeating: items[0], count: total) }
    var out: [Value] = []
    out.reserveCapacity(total)
    for _ in 0..<n { out.append(contentsOf: items) }
    return out
}

/// `count` fill characters (padding from a width the user gave).
func padding(_ fill: Character, _ count: Int) throws -> String {
    if count <= 0 { return "" }
    return try repeatedString(String(fill), count)
}
