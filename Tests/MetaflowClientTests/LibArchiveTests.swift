import Testing
@testable import MetaflowClient

/// libarchive is opened at run time (not linked), so its absence must be an error that says what to
/// install, and its presence must give working functions.
@Suite struct LibArchiveTests {
    @Test func missingLibraryIsANamedError() {
        switch LibArchive.load(["libarchive-that-does-not-exist.so.99"]) {
        case .success: Issue.record("a missing library loaded")
        case .failure(let error):
            #expect(error.type == "MetaflowException")
            #expect(error.message.contains("libarchive is not installed"))
            #expect(error.message.contains("libarchive-that-does-not-exist.so.99"))
            #expect(error.message.contains("apt-get install libarchive13"))
        }
    }

    @Test func installedLibraryListsATar() throws {
        // A one-member ustar archive ("hi.txt" holding "hi\n"), built here so the test needs no tool.
        var tar = [UInt8](repeating: 0, count: 512 * 4)
        func put(_ s: String, at offset: Int) { for (i, b) in s.utf8.enumerated() { tar[offset + i] = b } }
        put("hi.txt", at: 0); put("0000644", at: 100); put("0000000", at: 108); put("0000000", at: 116)
        put("00000000003", at: 124); put("00000000000", at: 136); put("0", at: 156); put("ustar", at: 257); put("00", at: 263)
        put("        ", at: 148)
        let sum = tar[0..<512].reduce(0) { $0 + Int($1) }
        let octal = String(sum, radix: 8)
        put(String(repeating: "0", count: 6 - octal.count) + octal, at: 148)
        tar[154] = 0; tar[155] = 0x20
        put("hi\n", at: 512)
        #expect(try TarReader.names(tar) == ["hi.txt"])
        #expect(try TarReader.read(tar, wanting: ["hi.txt"]) == ["hi.txt": Array("hi\n".utf8)])
    }
}
