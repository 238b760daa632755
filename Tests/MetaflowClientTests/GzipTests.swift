import CZlib
import Testing
@testable import MetaflowClient

@Suite struct GzipTests {
    /// `gzip.compress(b"hello world\n" * 3, mtime=0)` from CPython, kept as bytes so the test needs no Python.
    static let sample: [UInt8] = [
        0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x57, 0x28, 0xcf, 0x2f, 0xca, 0x49, 0xe1, 0xca, 0xc0, 0xc1, 0x06, 0x00, 0x8c, 0xf8, 0x09, 0xeb, 0x24, 0x00, 0x00, 0x00,
    ]

    @Test func roundTripsPythonGzip() throws {
        let out = try Gzip.decompress(Self.sample)
        #expect(String(decoding: out, as: UTF8.self) == String(repeating: "hello world\n", count: 3))
    }

    @Test func outputLimitIsEnforced() throws {
        #expect(try Gzip.decompress(Self.sample, maxOutput: 36).count == 36)
        #expect(throws: GzipError.self) { try Gzip.decompress(Self.sample, maxOutput: 35) }
        #expect(throws: GzipError.self) { try Gzip.decompress(Self.sample + Self.sample, maxOutput: 40) }
    }

    @Test func concatenatedMembersAreAllRead() throws {
        let out = try Gzip.decompress(Self.sample + Self.sample)
        #expect(out.count == 72)
    }

    @Test func everyTruncationIsAnError() {
        for cut in 0..<(Self.sample.count - 1) {
            #expect(throws: (any Error).self, "cut at \(cut)") { try Gzip.decompress(Array(Self.sample[0..<cut])) }
        }
    }

    @Test func corruptDataIsAnError() {
        var bad = Self.sample
        bad[12] ^= 0xFF
        #expect(throws: (any Error).self) { try Gzip.decompress(bad) }
    }

    @Test func outputGrowsPastAWrongHint() throws {
        for hint in [0, 1, 10, 35, 36, 37, 4096, 1 << 20] {
            let out = try Gzip.decompress(Self.sample + Self.sample, sizeHint: hint)
            #expect(out.count == 72, "hint \(hint)")
            #expect(String(decoding: out, as: UTF8.self) == String(repeating: "hello world\n", count: 6))
        }
    }

    /// The size a buffer starts at: the recorded size when plausible, else the trailer's within
    /// `plausibleRatio`, never beyond deflate's largest ratio.
    @Test func initialCapacityIsBoundedByTheInput() {
        let mb = 1 << 20
        #expect(Gzip.initialCapacity(fileSize: 5 * mb, trailer: 0xFFFF_FFF0, recorded: nil) == 5 * mb * Gzip.plausibleRatio + (1 << 16))
        #expect(Gzip.initialCapacity(fileSize: 5 * mb, trailer: 0xFFFF_FFF0, recorded: 6 * mb) == 6 * mb)
        #expect(Gzip.initialCapacity(fileSize: 5 * mb, trailer: 20 * mb, recorded: nil) == 20 * mb)
        #expect(Gzip.initialCapacity(fileSize: 1000, trailer: nil, recorded: 1 << 40) == nil)
        #expect(Gzip.initialCapacity(fileSize: 1000, trailer: 500_000, recorded: 1 << 40) == 16000 + (1 << 16))
        #expect(Gzip.initialCapacity(fileSize: 1000, trailer: 2_000_000, recorded: nil) == nil)
        #expect(Gzip.initialCapacity(fileSize: Int.max / 2, trailer: 10, recorded: nil) == 10)
        #expect(Gzip.initialCapacity(fileSize: 100, trailer: nil, recorded: -5) == nil)
    }

    /// A gzip member of stored (uncompressed) deflate blocks, with its CRC-32 and size: a large
    /// input made without a compressor.
    static func storedGzip(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]
        var start = 0
        repeat {
            let end = min(start + 65535, data.count)
            let n = end - start
            out += [end == data.count ? 1 : 0, UInt8(n & 0xff), UInt8(n >> 8), UInt8(~n & 0xff), UInt8((~n >> 8) & 0xff)]
            out += data[start..<end]
            start = end
        } while start < data.count
        let crc = data.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        for v in [crc, UInt32(truncatingIfNeeded: data.count)] { out += (0..<4).map { UInt8((v >> (8 * $0)) & 0xff) } }
        return out
    }

    /// What a watch (the S3 blob cache's writer) is shown: every byte of the output once, in order,
    /// still in place when `settle` comes, whether the output fits its first buffer (a huge-page
    /// one, 6 MB) or grows past a wrong hint; and `settle` before a damaged input's error.
    @Test func watchSeesTheOutputOnceAndInPlace() throws {
        let data = [UInt8](unsafeUninitializedCapacity: 6 << 20) { buffer, count in
            for i in buffer.indices { buffer[i] = UInt8(truncatingIfNeeded: i % 251) }
            count = buffer.count
        }
        let gz = Self.storedGzip(data)
        for hint in [data.count, 1 << 20, 0] {
            var pending: [UnsafeRawBufferPointer] = []
            var seen: [UInt8] = []
            var settles = 0
            let watch = OutputWatch(made: { pending.append($0) }, settle: {
                // Copied only now: the stretches must still hold their bytes.
                for stretch in pending { seen.append(contentsOf: stretch) }
                pending = []
                settles += 1
            })
            var rest = stride(from: 0, to: gz.count, by: 1 << 20).map { gz[$0..<min($0 + (1 << 20), gz.count)] }[...]
            let out = try Gzip.decompressChunks(name: "t", sizeHint: hint, watch: watch) { rest.popFirst() ?? [] }
            #expect(out == data, "hint \(hint)")
            #expect(seen == data, "hint \(hint)")
            #expect(pending.isEmpty && settles >= 1)
        }
        var settled = true
        let cut = Array(gz[0..<(gz.count - 6)])
        let watch = OutputWatch(made: { _ in settled = false }, settle: { settled = true })
        var given = false
        #expect(throws: GzipError.self) {
            try Gzip.decompressChunks(name: "t", sizeHint: data.count, watch: watch) {
                defer { given = true }
                return given ? [] : cut[...]
            }
        }
        #expect(settled)
    }
}
