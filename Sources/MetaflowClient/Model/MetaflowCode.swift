// MetaflowCode: the code package of a run (a tgz stored raw in the content-addressed store),
// read with libarchive (TarReader). Extraction never writes outside its new temporary folder.
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
