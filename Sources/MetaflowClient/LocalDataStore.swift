// The content-addressed store and task files of a local datastore. Metaflow bakes the writer's
// absolute root into artifact `location`s and the task's `ds-root` metadata; when that root does
// not exist here (a moved or bundled datastore), the root this process discovered is used instead.
// Python's client fails in that case; reading a copied `.metaflow` is worth supporting.

public final class LocalDataStore {
    /// The `.metaflow` folder discovered from configuration (nil when none).
    public let root: String?

    public init(root: String?) { self.root = root }

    /// The root to read from: the recorded one when it exists, else the discovered one.
    func effectiveRoot(recorded: String?) -> String? {
        if let recorded, !recorded.isEmpty, FileSystem.isDirectory(recorded) { return recorded }
        return root
    }

    /// The serialized bytes of an artifact blob (`<root>/<flow>/data/<sha[:2]>/<sha>`),
    /// decompressed according to its `_meta` sidecar (gzip unless `cas_raw`).
    public func loadBlob(flow: String, sha: String, recordedRoot: String?, sizeHint: Int? = nil) throws -> [UInt8] {
        guard sha.count >= 3, sha.allSatisfy({ $0.isHexDigit }) else {
            throw MetaflowError.data("Invalid artifact key '\(sha)'")
        }
        guard let base = effectiveRoot(recorded: recordedRoot) else {
            throw MetaflowError.data("No datastore root to load artifact \(sha) of flow \(flow) from")
        }
        let path = "\(base)/\(flow)/data/\(sha.prefix(2))/\(sha)"
        guard FileSystem.isFile(path) else {
            throw MetaflowError.data("Artifact blob \(sha) of flow \(flow) is missing (looked for \(path))")
        }
        var raw = false
        let metaPath = path + "_meta"
        if FileSystem.isFile(metaPath) {
            let meta: JSONValue
            do { meta = try JSONParser.parse(try FileSystem.readFile(metaPath, limit: 1 << 20)) } catch {
                throw MetaflowError.data("corrupt blob metadata '\(metaPath)': \(error)")
            }
            if let v = meta["cas_version"]?.intValue, v != 1 {
                throw MetaflowError.data("Unknown content-addressed store version \(v) for '\(path)'")
            }
            if case .bool(true)? = meta["cas_raw"] { raw = true }
        }
        if raw { return try FileSystem.readFile(path) }
        do {
            return try Gzip.decompressFile(path, sizeHint: sizeHint)
        } catch let e as GzipError {
            throw MetaflowError.data(e.description)
        }
    }

    /// A file of a task's data folder (`<attempt>.data.json`, logs, `DONE.lock`), or nil when absent.
    public func taskFile(recordedRoot: String?, path: [String], name: String) throws -> [UInt8]? {
        guard let file = taskFilePath(recordedRoot: recordedRoot, path: path, name: name),
              FileSystem.isFile(file) else { return nil }
        return try FileSystem.readFile(file)
    }

    public func taskFilePath(recordedRoot: String?, path: [String], name: String) -> String? {
        guard let base = effectiveRoot(recorded: recordedRoot) else { return nil }
        return FileSystem.join([base] + path + [name])
    }
}
