import Glibc
import Testing
@testable import MetaflowClient

/// Reads stop at a short read only for regular files whose size is known; files that report size 0
/// (/proc) are read to the end, and files opened relative to a folder read the same bytes.
@Suite struct FileSystemTests {
    static func scratch() throws -> String {
        var template = Array("/tmp/mfsh-fs-test-XXXXXX".utf8CString)
        guard let p = mkdtemp(&template) else { throw FileError.notFound("mkdtemp") }
        return String(cString: p)
    }

    @Test func regularFilesOfEverySmallSize() throws {
        let dir = try Self.scratch()
        let sizes = [0, 1, 4095, 4096, 4097, 70_000]
        defer {
            for n in sizes { unlink(dir + "/f\(n)") }
            rmdir(dir)
        }
        for n in sizes {
            let bytes = (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try FileSystem.writeAtomically(dir + "/f\(n)", bytes)
            #expect(try FileSystem.readFileIfPresent(dir + "/f\(n)")?.0 == bytes)
        }
        let folder = try #require(FileSystem.OpenFolder(dir))
        #expect(folder.names.sorted() == ["f0", "f1", "f4095", "f4096", "f4097", "f70000"])
        for n in sizes {
            #expect(folder.readSmallFile("f\(n)", limit: 1 << 20) == (0..<n).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        }
        #expect(folder.readSmallFile("f70000", limit: 1000) == nil)
        #expect(folder.readSmallFile("absent", limit: 1 << 20) == nil)
        #expect(FileSystem.OpenFolder(dir + "/f1") == nil)
    }

    @Test func procFilesReportingSizeZeroAreReadWhole() throws {
        let (bytes, st) = try #require(try FileSystem.readFileIfPresent("/proc/self/status"))
        #expect(st.st_size == 0)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("Name:"))
        #expect(text.contains("\nVmPeak:") || text.contains("\nThreads:"))
    }
}
