// MetaflowCode: the code package of a run (a tgz stored raw in the content-addressed store),
// read with libarchive. Extraction refuses members that would land outside the target folder.
import CArchive
#if canImport(Glibc)
import Glibc
#endif

public final class MetaflowCode {
    public let flow: String
    /// Location of the package as recorded (`<ds-root>/<Flow>/data/xx/<sha>`).
    public let path: String
    public let sha: String
    /// `.mf_meta/INFO` as JSON.
    public let info: JSONValue
    /// The flow script's bytes.
    public let flowspec: [UInt8]
    let archive: [UInt8]

    public var scriptName: String { info["script"]?.stringValue ?? "" }

    init(flow: String, packageJSON: String, session: ClientSession) throws {
        let pkg: JSONValue
        do { pkg = try JSONParser.parse(packageJSON) } catch {
            throw MetaflowError.generic("MetaflowException", "invalid code-package metadata: \(error)")
        }
        guard let location = pkg["location"]?.stringValue, let sha = pkg["sha"]?.stringValue else {
            throw MetaflowError.generic("MetaflowException", "code-package metadata lacks location or sha")
        }
        self.flow = flow
        self.path = location
        self.sha = sha
        // `(?P<root>.*)/<Flow>/data/xx/(r_)?xx{38}`
        let marker = "/\(flow)/data/"
        let recordedRoot = lastRange(of: marker, in: location).map { String(location[..<$0]) }
        archive = try session.datastore.loadBlob(flow: flow, sha: sha, recordedRoot: recordedRoot)
        let members = try TarReader.read(archive, wanting: [".mf_meta/INFO"])
        guard let infoBytes = members[".mf_meta/INFO"] else {
            throw MetaflowError.generic("MetaflowInternalError", "Code package metadata is invalid.")
        }
        do { info = try JSONParser.parse(infoBytes) } catch {
            throw MetaflowError.generic("MetaflowInternalError", "Code package metadata is invalid.")
        }
        let script = info["script"]?.stringValue ?? ""
        flowspec = try TarReader.read(archive, wanting: [script])[script] ?? []
    }

    /// One member's bytes, or nil when the package has no such member.
    public func member(_ name: String) throws -> [UInt8]? { try TarReader.read(archive, wanting: [name])[name] }

    /// Names of every member, in archive order.
    public func memberNames() throws -> [String] { try TarReader.names(archive) }

    /// Extracts what Python's `extract()` calls user content into a new temporary folder. For
    /// packages with the `.mf_install` marker (v1) that is everything but `.mf_code/` (Python's
    /// classifier lets `.mf_meta/` and the marker through when only user content is asked for);
    /// for older packages, everything but Metaflow's own files.
    public func extract() throws -> String {
        let names = try memberNames()
        let v1 = names.contains(".mf_install")
        let v0Excluded: Set<String> = ["INFO", "CONFIG", "conda.manifest", "uv.lock", "pyproject.toml", "condav2-1.cnd"]
        let root = try TemporaryFolder.make()
        try TarReader.extract(archive, into: root) { name in
            if v1 { return !name.hasPrefix(".mf_code") }
            return !(name.hasPrefix("metaflow/") || name.hasPrefix("metaflow_extensions/") || v0Excluded.contains(name))
        }
        return root
    }
}

/// A new private folder named as Python's `tempfile.mkdtemp()` names them (`$TMPDIR/tmpXXXXXXXX`),
/// so paths users see (and scripts print) look the same under mfsh and Python.
enum TemporaryFolder {
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789_")

    static func base() -> String {
        for name in ["TMPDIR", "TEMP", "TMP"] {
            if let v = FileSystem.environment(name), !v.isEmpty, FileSystem.isDirectory(v) { return v }
        }
        return "/tmp"
    }

    static func make() throws -> String {
        let dir = base()
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<100 {
            let name = String((0..<8).map { _ in alphabet[Int(rng.next(upperBound: UInt(alphabet.count)))] })
            let path = dir + "/tmp" + name
            if mkdir(path, 0o700) == 0 { return path }
            if errno != EEXIST { break }
        }
        throw MetaflowError.generic("FileExistsError", "No usable temporary directory name found in \(dir)")
    }
}

/// Start of the last occurrence of `needle` in `haystack`.
func lastRange(of needle: String, in haystack: String) -> String.Index? {
    var found: String.Index?
    var i = haystack.startIndex
    while i < haystack.endIndex {
        if haystack[i...].hasPrefix(needle) { found = i }
        i = haystack.index(after: i)
    }
    return found
}

enum TarReader {
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

    private static func readData(_ lib: LibArchive, _ a: OpaquePointer) throws -> [UInt8] {
        var out: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { lib.readData(a, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                let msg = lib.errorString(a).map { String(cString: $0) } ?? "read error"
                throw MetaflowError.generic("MetaflowException", "cannot read the code package: \(msg)")
            }
            out.append(contentsOf: buf[0..<n])
        }
        return out
    }

    static func read(_ bytes: [UInt8], wanting: Set<String>) throws -> [String: [UInt8]] {
        var found: [String: [UInt8]] = [:]
        try each(bytes) { lib, a, _, name in
            if wanting.contains(name) { found[name] = try readData(lib, a) }
        }
        return found
    }

    static func names(_ bytes: [UInt8]) throws -> [String] {
        var out: [String] = []
        try each(bytes) { _, _, _, name in out.append(name) }
        return out
    }

    /// A member path is safe when it is relative and never climbs above the target.
    static func isSafe(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix("/") { return false }
        var depth = 0
        for part in name.split(separator: "/") {
            if part == ".." { depth -= 1; if depth < 0 { return false } } else if part != "." { depth += 1 }
        }
        return true
    }

    static func extract(_ bytes: [UInt8], into root: String, include: (String) -> Bool) throws {
        try each(bytes) { lib, a, e, name in
            guard include(name) else { return }
            guard isSafe(name) else {
                throw MetaflowError.generic("MetaflowException", "refusing to extract '\(name)': it would land outside \(root)")
            }
            let type = lib.entryFiletype(e)
            let target = root + "/" + name
            if type == UInt32(Glibc.S_IFDIR) {
                try makeDirectories(target)
            } else if type == UInt32(Glibc.S_IFREG) {
                try makeDirectories(FileSystem.dirname(target))
                try FileSystem.writeAtomically(target, try readData(lib, a))
            } else if type == UInt32(Glibc.S_IFLNK) {
                let link = lib.entrySymlink(e).map { String(cString: $0) } ?? ""
                let resolved = FileSystem.dirname(name).isEmpty ? link : FileSystem.dirname(name) + "/" + link
                guard isSafe(resolved) else {
                    throw MetaflowError.generic("MetaflowException", "refusing to extract link '\(name)' -> '\(link)': it points outside \(root)")
                }
                try makeDirectories(FileSystem.dirname(target))
                _ = symlink(link, target)
            }
            // Devices, fifos and hard links are never created.
        }
    }

    static func makeDirectories(_ path: String) throws {
        if path.isEmpty || FileSystem.isDirectory(path) { return }
        try makeDirectories(FileSystem.dirname(path))
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw MetaflowError.generic("OSError", "cannot create \(path)")
        }
    }
}
