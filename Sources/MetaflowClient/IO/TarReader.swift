// Reading code packages (tar, any compression libarchive knows) from memory: member names, a few
// members' bytes, and extraction into a folder through `ExtractionFolder`, which never lets a
// member or a link land outside it.
import CArchive
#if canImport(Glibc)
import Glibc
#endif

enum TarReader {
    /// The most a member read into memory (the INFO file, the flow script) may hold: a package is
    /// data from outside, and a few kilobytes of gzip can claim gigabytes.
    static let memberLimit = 256 << 20

    private static func open(_ lib: LibArchive, _ bytes: [UInt8]) throws -> OpaquePointer {
        guard let a = lib.readNew() else { throw MetaflowError.generic("MetaflowException", "libarchive failed to start") }
        _ = lib.supportFilterAll(a)
        _ = lib.supportFormatTar(a)
        let rc = bytes.withUnsafeBytes { lib.openMemory(a, $0.baseAddress, $0.count) }
        guard rc == ARCHIVE_OK else {
            let msg = lib.errorString(a).map { String(cString: $0) } ?? "unreadable archive"
            _ = lib.free(a)
            throw MetaflowError.generic("MetaflowException", "cannot read the code package: \(msg)")
        }
        return a
    }

    /// Visits each entry; the body may read the entry's data.
    private static func each(_ bytes: [UInt8], _ body: (LibArchive, OpaquePointer, OpaquePointer, String) throws -> Void) throws {
        let lib = try LibArchive.get()
        let a = try open(lib, bytes)
        defer { _ = lib.free(a) }
        var entry: OpaquePointer?
        while true {
            let rc = lib.nextHeader(a, &entry)
            if rc == ARCHIVE_EOF { break }
            guard rc == ARCHIVE_OK || rc == ARCHIVE_WARN, let e = entry else {
                let msg = lib.errorString(a).map { String(cString: $0) } ?? "corrupt archive"
                throw MetaflowError.generic("MetaflowException", "cannot read the code package: \(msg)")
            }
            let name = lib.entryPathname(e).map { String(cString: $0) } ?? ""
            try body(lib, a, e, name.hasPrefix("./") ? String(name.dropFirst(2)) : name)
        }
    }

    /// Feeds the current entry's data to `sink` in chunks, at most `limit` bytes in all.
    private static func streamData(_ lib: LibArchive, _ a: OpaquePointer, name: String, limit: Int,
                                   _ sink: (UnsafeRawBufferPointer) throws -> Void) throws {
        var buf = [UInt8](repeating: 0, count: 65536)
        var total = 0
        while true {
            let n = buf.withUnsafeMutableBytes { lib.readData(a, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                let msg = lib.errorString(a).map { String(cString: $0) } ?? "read error"
                throw MetaflowError.generic("MetaflowException", "cannot read the code package: \(msg)")
            }
            total += n
            if total > limit {
                throw MetaflowError.generic("MetaflowException",
                    "cannot read the code package: member '\(name)' is larger than \(limit >> 20) MB")
            }
            try buf.withUnsafeBytes { try sink(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
    }

    private static func readData(_ lib: LibArchive, _ a: OpaquePointer, name: String) throws -> [UInt8] {
        var out: [UInt8] = []
        try streamData(lib, a, name: name, limit: memberLimit) { out.append(contentsOf: $0) }
        return out
    }

    static func read(_ bytes: [UInt8], wanting: Set<String>) throws -> [String: [UInt8]] {
        var found: [String: [UInt8]] = [:]
        try each(bytes) { lib, a, _, name in
            if wanting.contains(name) { found[name] = try readData(lib, a, name: name) }
        }
        return found
    }

    static func names(_ bytes: [UInt8]) throws -> [String] {
        var out: [String] = []
        try each(bytes) { _, _, _, name in out.append(name) }
        return out
    }

    /// Extracts the members `include` accepts into the existing empty folder `root`. On any
    /// refusal or failure the folder is removed with what was written into it, and the error names
    /// the member.
    static func extract(_ bytes: [UInt8], into root: String, include: (String) -> Bool) throws {
        do {
            let folder = try ExtractionFolder(root)
            try each(bytes) { lib, a, e, name in
                guard include(name) else { return }
                let type = lib.entryFiletype(e)
                if let hard = lib.entryHardlink(e) {
                    try folder.copyFile(String(cString: hard), to: name)
                } else if type == UInt32(Glibc.S_IFDIR) {
                    try folder.makeFolder(name)
                } else if type == UInt32(Glibc.S_IFREG) {
                    let fd = try folder.createFile(name, permissions: lib.entryPerm(e))
                    defer { close(fd) }
                    try streamData(lib, a, name: name, limit: Int.max) { chunk in
                        try ExtractionFolder.writeAll(fd, chunk, name: name)
                    }
                } else if type == UInt32(Glibc.S_IFLNK) {
                    try folder.makeLink(name, target: lib.entrySymlink(e).map { String(cString: $0) } ?? "")
                }
                // Devices and fifos are never created.
            }
            try folder.checkLinks()
        } catch {
            FileSystem.removeTree(root)
            throw error
        }
    }
}
