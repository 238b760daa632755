// gzip decompression through zlib, streamed from the file so a large artifact is never held
// twice (compressed and decompressed) in memory.
import CZlib
import LargeBuffers
#if canImport(Glibc)
import Glibc
#endif

public struct GzipError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public let path: String
    /// The output did not fit in the memory this process may have (Python: MemoryError).
    public var outOfMemory = false
    public var description: String { "cannot decompress '\(path)': \(message)" }

    init(message: String, path: String, outOfMemory: Bool = false) {
        self.message = message; self.path = path; self.outOfMemory = outOfMemory
    }
}

public enum Gzip {
    /// True when the bytes start with the gzip magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Decompresses a whole gzip file (all members).
    ///
    /// Sizes are data from outside, so none decides an allocation alone. `expectedSize` (the size
    /// the writer recorded, asked for only when the file is large) and the gzip trailer (ISIZE) are
    /// each bounded by deflate's largest ratio to the file's size; the output starts at the
    /// recorded size, or at the trailer's when the two agree or nothing is recorded, capped at
    /// what the compressed size makes plausible (`plausibleRatio`), and grows as output really
    /// comes. A forged trailer or a truncated file therefore costs what it decompresses to.
    /// `progress(read, total)` follows the compressed bytes read, when given and the file is
    /// large enough to be worth a progress line.
    public static func decompressFile(_ path: String, expectedSize: (() -> Int?)? = nil,
                                      progress: ((Int, Int) -> Void)? = nil) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)  // never wait on a FIFO
        if fd < 0 {
            if errno == ENOENT { throw FileError.notFound(path) }
            throw FileError.unreadable(path, errno)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileError.unreadable(path, errno) }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw (st.st_mode & S_IFMT) == S_IFDIR ? FileError.unreadable(path, EISDIR) : FileError.notRegular(path)
        }
        let fileSize = Int(st.st_size)
        let hint = initialCapacity(fileSize: fileSize, trailer: trailerSize(fd),
                                   recorded: fileSize >= askRecordedSizeFrom ? expectedSize?() : nil)
        // A small blob gets a small read buffer: zero-filling 256 KB per artifact showed in profiles.
        var input = [UInt8](repeating: 0, count: min(max(fileSize + 1, 4096), 1 << 18))
        let total = progress != nil && fileSize >= progressMinimumBytes ? fileSize : 0
        var consumed = 0
        return try inflateStream(path: path, sizeHint: hint) { () throws -> ArraySlice<UInt8> in
            while true {
                let n = input.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileError.unreadable(path, errno)
                }
                consumed += n
                if total > 0 { progress?(consumed, total) }
                return input[0..<n]
            }
        }
    }

    /// Files smaller than this never ask for the recorded size: their output is small whatever
    /// the trailer says, after `plausibleRatio`.
    static let askRecordedSizeFrom = 1 << 20
    /// deflate's largest expansion (about 1032:1); no honest size exceeds it.
    static let deflateMaxRatio = 1032
    /// How far the trailer alone is believed: typical pickles compress 2-10x; more than this and
    /// the output grows to its real size instead of being reserved up front.
    static let plausibleRatio = 16

    /// Where the output buffer starts (see decompressFile).
    static func initialCapacity(fileSize: Int, trailer: Int?, recorded: Int?) -> Int? {
        let possible = fileSize.multipliedReportingOverflow(by: deflateMaxRatio)
        let ceiling = possible.overflow ? Int.max : possible.partialValue
        let recorded = recorded.flatMap { $0 > 0 && $0 <= ceiling ? $0 : nil }
        let trailer = trailer.flatMap { $0 <= ceiling ? $0 : nil }
        if let recorded { return recorded }  // the writer's own count; a truncated file just stops early
        guard let trailer else { return nil }
        let plausible = fileSize.multipliedReportingOverflow(by: plausibleRatio)
        return min(trailer, plausible.overflow ? Int.max : plausible.partialValue + (1 << 16))
    }

    /// The uncompressed size from the gzip trailer (ISIZE, the size mod 2^32): a hint only.
    static func trailerSize(_ fd: Int32) -> Int? {
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size >= 18 else { return nil }
        var b = [UInt8](repeating: 0, count: 4)
        let n = b.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 4, off_t(st.st_size - 4)) }
        guard n == 4 else { return nil }
        return Int(b[0]) | Int(b[1]) << 8 | Int(b[2]) << 16 | Int(b[3]) << 24
    }

    /// Decompresses gzip bytes already in memory; more than `maxOutput` bytes of output is an error.
    public static func decompress(_ data: [UInt8], name: String = "<bytes>", sizeHint: Int? = nil,
                                  maxOutput: Int = Int.max) throws -> [UInt8] {
        var given = false
        return try inflateStream(path: name, sizeHint: sizeHint, maxOutput: maxOutput) { () -> ArraySlice<UInt8> in
            if given { return [] }
            given = true
            return data[...]
        }
    }

    /// Decompresses gzip bytes that arrive in chunks (`next` returns [] at the end), so the
    /// compressed whole need never be in memory at once (S3 ranges).
    /// `watch` follows the output as it is made (see OutputWatch).
    static func decompressChunks(name: String, sizeHint: Int?, maxOutput: Int = Int.max, watch: OutputWatch? = nil,
                                 next: () throws -> ArraySlice<UInt8>) throws -> [UInt8] {
        try inflateStream(path: name, sizeHint: sizeHint, maxOutput: maxOutput, watch: watch, next: next)
    }

    /// Whether `bytes` can be had now: checked before a large buffer is made, since a failed Swift
    /// allocation ends the process instead of raising. mmap, not malloc: the optimiser may drop a
    /// malloc/free pair whose memory is unused (and the check with it); the kernel applies the same
    /// limits (ulimit -v, overcommit) to both.
    static func canAllocate(_ bytes: Int) -> Bool {
        guard bytes > 1 << 24 else { return true }
        let p = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let p, p != MAP_FAILED else { return false }
        munmap(p, bytes)
        return true
    }

    private static func inflateStream(path: String, sizeHint: Int?, maxOutput: Int = Int.max, watch: OutputWatch? = nil,
                                      next: () throws -> ArraySlice<UInt8>) throws -> [UInt8] {
        try withoutActuallyEscaping(next) { next in
            try inflate(Inflater(path: path, watch: watch, next: next), path: path, sizeHint: sizeHint, maxOutput: maxOutput)
        }
    }

    private static func inflate(_ inflater: Inflater, path: String, sizeHint: Int?, maxOutput: Int) throws -> [UInt8] {
        let limit = maxOutput == Int.max ? Int.max : maxOutput + 1
        let first = max(4096, min(sizeHint.map { $0 &+ 1 } ?? 0, limit))
        guard canAllocate(first) else {
            throw GzipError(message: "out of memory for \(first) bytes of output", path: path, outOfMemory: true)
        }
        // Filled in place without zero-filling: pages the output never reaches are never touched.
        var out = try [UInt8](unsafeUninitializedCapacity: first) { buf, count in
            let whole = UnsafeMutableRawBufferPointer(buf)
            HugePages.advise(whole)  // filled from end to end: see HugePages
            count = try inflater.fill(whole)
        }
        while !inflater.inputEnded {
            if out.count > maxOutput { throw GzipError(message: "more than \(maxOutput) bytes when decompressed", path: path) }
            // The output outgrew its start: it grows by what has really come, never by a claim.
            let extra = max(out.count, 1 << 16)
            guard canAllocate(out.count &+ extra) else {
                throw GzipError(message: "out of memory after \(out.count) bytes of output", path: path, outOfMemory: true)
            }
            let before = out.count
            out.append(contentsOf: repeatElement(0, count: extra))
            let made = try out.withUnsafeMutableBytes { try inflater.fill(UnsafeMutableRawBufferPointer(rebasing: $0[before...])) }
            out.removeLast(extra - made)
        }
        try inflater.finish(produced: out.count)
        if out.count > maxOutput { throw GzipError(message: "more than \(maxOutput) bytes when decompressed", path: path) }
        return out
    }
}

/// Follows a decompression's output as it is made (the S3 blob cache copies it to disk on a thread
/// of its own meanwhile): `made` is given each new stretch of output once, in order, and the
/// stretch stays in place, unchanged, until `settle` returns; `settle` is called before the output
/// buffer may move (it grows) or is handed back, and must not return before the stretches are used.
/// On an error, stretches may have been shown that do not make a whole output.
struct OutputWatch {
    let made: (UnsafeRawBufferPointer) -> Void
    let settle: () -> Void
}

/// zlib's inflate over a sequence of input chunks, filling output buffers one at a time.
private final class Inflater {
    private var stream = z_stream()
    private let path: String
    private let next: () throws -> ArraySlice<UInt8>
    private var chunk: ArraySlice<UInt8> = []
    private var sawEnd = false
    private var sawAnyInput = false
    private(set) var inputEnded = false
    private let watch: OutputWatch?

    init(path: String, watch: OutputWatch?, next: @escaping () throws -> ArraySlice<UInt8>) throws {
        self.path = path
        self.watch = watch
        self.next = next
        guard czlib_inflate_init_gzip(&stream) == Z_OK else {
            throw GzipError(message: "zlib could not start", path: path)
        }
    }

    deinit { inflateEnd(&stream) }

    /// Inflates into `out` until it is full or the input ends; how many bytes it wrote.
    /// The watch is shown what was made before more input is awaited and when the call ends, and
    /// settled before it returns (or throws): `out` may move after that.
    func fill(_ out: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let outBase = out.baseAddress else { return 0 }
        var produced = 0
        var shown = 0
        func show() {
            guard let watch, produced > shown else { return }
            watch.made(UnsafeRawBufferPointer(start: outBase + shown, count: produced - shown))
            shown = produced
        }
        defer {
            show()
            watch?.settle()
        }
        while produced < out.count {
            if chunk.isEmpty {
                show()
                chunk = try next()
                if chunk.isEmpty { inputEnded = true; return produced }
                sawAnyInput = true
            }
            if sawEnd {
                // Another gzip member follows (Python's gzip reads them all).
                if inflateReset(&stream) != Z_OK { throw GzipError(message: "zlib reset failed", path: path) }
                sawEnd = false
            }
            var status: Int32 = 0
            var used = 0
            let producedBefore = produced
            chunk.withUnsafeBytes { inBuf in
                guard let inBase = inBuf.baseAddress else { return }
                stream.next_in = UnsafeMutablePointer(mutating: inBase.assumingMemoryBound(to: Bytef.self))
                stream.avail_in = UInt32(min(inBuf.count, Int(UInt32.max)))
                stream.next_out = (outBase + produced).assumingMemoryBound(to: Bytef.self)
                stream.avail_out = UInt32(min(out.count - produced, Int(UInt32.max)))
                let inBefore = stream.avail_in, outBefore = stream.avail_out
                status = inflate(&stream, Z_NO_FLUSH)
                used = Int(inBefore - stream.avail_in)
                produced += Int(outBefore - stream.avail_out)
            }
            chunk = chunk.dropFirst(used)
            switch status {
            case Z_OK, Z_BUF_ERROR: break
            case Z_STREAM_END: sawEnd = true
            case Z_DATA_ERROR:
                throw GzipError(message: "corrupt data (\(stream.msg.map { String(cString: $0) } ?? "bad deflate stream")) after \(stream.total_out) output bytes of a member", path: path)
            case Z_MEM_ERROR: throw GzipError(message: "out of memory", path: path, outOfMemory: true)
            default: throw GzipError(message: "zlib error \(status)", path: path)
            }
            // No progress with room left: this chunk is spent (as zlib sees it); take the next.
            if used == 0 && produced == producedBefore && status != Z_STREAM_END { chunk = [] }
        }
        return produced
    }

    /// Checks the stream ended where the input did.
    func finish(produced: Int) throws {
        if !sawAnyInput { throw GzipError(message: "empty file", path: path) }
        if !sawEnd {
            throw GzipError(message: "truncated gzip stream (\(produced) bytes decompressed before the data ended)", path: path)
        }
    }
}
