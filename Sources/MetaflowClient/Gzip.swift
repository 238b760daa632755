// gzip decompression through zlib, streamed from the file so a large artifact is never held
// twice (compressed and decompressed) in memory.
import CZlib
#if canImport(Glibc)
import Glibc
#endif

public struct GzipError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public let path: String
    public var description: String { "cannot decompress '\(path)': \(message)" }
}

public enum Gzip {
    /// True when the bytes start with the gzip magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Decompresses a whole gzip file (all members). `sizeHint` (the uncompressed size, when the
    /// caller knows it) lets the output be allocated once.
    /// `progress(read, total)` follows the compressed bytes read, when given and the file is
    /// large enough to be worth a progress line.
    public static func decompressFile(_ path: String, sizeHint: Int? = nil,
                                      progress: ((Int, Int) -> Void)? = nil) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { throw FileError.notFound(path) }
            throw FileError.unreadable(path, errno)
        }
        defer { close(fd) }
        let hint = sizeHint ?? trailerSize(fd)
        var st = stat()
        let fileSize = fstat(fd, &st) == 0 ? Int(st.st_size) : 1 << 18
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

    /// The uncompressed size from the gzip trailer (ISIZE, the size mod 2^32), so the output is
    /// allocated once instead of doubling (which would briefly need twice the artifact's size).
    /// Only trusted up to a deflate-plausible ratio, so a forged trailer cannot force a huge allocation.
    static func trailerSize(_ fd: Int32) -> Int? {
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size >= 18 else { return nil }
        var b = [UInt8](repeating: 0, count: 4)
        let n = b.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 4, off_t(st.st_size - 4)) }
        guard n == 4 else { return nil }
        let size = Int(b[0]) | Int(b[1]) << 8 | Int(b[2]) << 16 | Int(b[3]) << 24
        return size <= Int(st.st_size) * 1032 ? size : nil
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

    private static func inflateStream(path: String, sizeHint: Int?, maxOutput: Int = Int.max,
                                      next: () throws -> ArraySlice<UInt8>) throws -> [UInt8] {
        var stream = z_stream()
        guard czlib_inflate_init_gzip(&stream) == Z_OK else {
            throw GzipError(message: "zlib could not start", path: path)
        }
        defer { inflateEnd(&stream) }
        var capacity = max(4096, min(sizeHint.map { $0 + 1 } ?? 0, 1 << 34, maxOutput == Int.max ? Int.max : maxOutput + 1))
        // Zero-filled once in place (a memset, no temporary copy): peak memory stays at the output size.
        var out = [UInt8](repeating: 0, count: capacity)
        var produced = 0
        var sawEnd = false
        var sawAnyInput = false
        while true {
            let chunk = try next()
            if chunk.isEmpty { break }
            sawAnyInput = true
            var consumed = 0
            while consumed < chunk.count {
                if sawEnd {
                    // Another gzip member follows (Python's gzip reads them all).
                    if inflateReset(&stream) != Z_OK { throw GzipError(message: "zlib reset failed", path: path) }
                    sawEnd = false
                }
                if produced == out.count {
                    if produced > maxOutput {
                        throw GzipError(message: "more than \(maxOutput) bytes when decompressed", path: path)
                    }
                    capacity *= 2
                    out.reserveCapacity(capacity)
                    out.append(contentsOf: repeatElement(0, count: capacity - out.count))
                }
                var status: Int32 = 0
                var used = 0
                var made = 0
                chunk.withUnsafeBytes { inBuf in
                    out.withUnsafeMutableBytes { outBuf in
                        guard let inBase = inBuf.baseAddress, let outBase = outBuf.baseAddress else { return }
                        stream.next_in = UnsafeMutablePointer(mutating: inBase.assumingMemoryBound(to: Bytef.self) + consumed)
                        stream.avail_in = UInt32(min(inBuf.count - consumed, Int(UInt32.max)))
                        stream.next_out = outBase.assumingMemoryBound(to: Bytef.self) + produced
                        stream.avail_out = UInt32(min(outBuf.count - produced, Int(UInt32.max)))
                        let inBefore = stream.avail_in, outBefore = stream.avail_out
                        status = inflate(&stream, Z_NO_FLUSH)
                        used = Int(inBefore - stream.avail_in)
                        made = Int(outBefore - stream.avail_out)
                    }
                }
                consumed += used
                produced += made
                switch status {
                case Z_OK, Z_BUF_ERROR: break
                case Z_STREAM_END: sawEnd = true
                case Z_DATA_ERROR:
                    throw GzipError(message: "corrupt data (\(stream.msg.map { String(cString: $0) } ?? "bad deflate stream")) after \(produced) output bytes", path: path)
                case Z_MEM_ERROR: throw GzipError(message: "out of memory", path: path)
                default: throw GzipError(message: "zlib error \(status)", path: path)
                }
                if used == 0 && made == 0 && status != Z_STREAM_END { break }
            }
        }
        if !sawAnyInput { throw GzipError(message: "empty file", path: path) }
        if !sawEnd {
            // Drain anything zlib still holds in its window.
            throw GzipError(message: "truncated gzip stream (\(produced) bytes decompressed before the data ended)", path: path)
        }
        if produced > maxOutput { throw GzipError(message: "more than \(maxOutput) bytes when decompressed", path: path) }
        out.removeLast(out.count - produced)
        return out
    }
}
