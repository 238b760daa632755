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
}
