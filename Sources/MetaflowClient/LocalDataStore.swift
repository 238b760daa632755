// The content-addressed store and task files of a local datastore. Metaflow bakes the writer's
// absolute root into artifact `location`s and the task's `ds-root` metadata. The root this process
// discovered is tried first (so a copied `.metaflow` reads itself, not the original), then the
// recorded one. Python's client uses only the recorded root and fails on a moved datastore.

public final class LocalDataStore: DataStore {
    /// The `.metaflow` folder discovered from configuration (nil when none).
    public let root: String?

    public init(root: String?) { self.root = root }

    /// The first of (discovered root, recorded root) under which `relative` exists.
    func locate(_ relative: String, recorded: String?) -> String? {
        for base in [root, recorded] {
            guard let base, !base.isEmpty else { continue }
            let p = base + "/" + relative
            if FileSystem.exists(p) { return p }
        }
        return nil
    }

    /// The serialized bytes of an artifact blob (`<root>/<flow>/data/<sha[:2]>/<sha>`),
    /// decompressed according to its `_meta` sidecar (gzip unless `cas_raw`).
    public func loadBlob(flow: String, sha: String, recordedRoot: String?, sizeHint: Int?,
                         progress: ((Int, Int) -> Void)?) throws -> [UInt8] {
        guard sha.count >= 3, sha.allSatisfy({ $0.isHexDigit }) else {
            throw MetaflowError.data("Invalid artifact key '\(sha)'")
        }
        let relative = "\(flow)/data/\(sha.prefix(2))/\(sha)"
        // Each blob has a `<sha>_meta` sidecar; reading it first tells both where the blob is and
        // how it is stored, without separate existence checks.
        var found: (path: String, raw: Bool)?
        for base in [root, recordedRoot] {
            guard let base, !base.isEmpty else { continue }
            let path = base + "/" + relative
            let metaPath = path + "_meta"
            if let (bytes, _) = try FileSystem.readFileIfPresent(metaPath, limit: 1 << 20) {
                let meta: JSONValue
                do { meta = try JSONParser.parse(bytes) } catch {
                    throw MetaflowError.data("corrupt blob metadata '\(metaPath)': \(error)")
                }
                if let v = meta["cas_version"]?.intValue, v != 1 {
                    throw MetaflowError.data("Unknown content-addressed store version \(v) for '\(path)'")
                }
                var raw = false
                if case .bool(true)? = meta["cas_raw"] { raw = true }
                found = (path, raw)
                break
            }
            if FileSystem.isFile(path) { found = (path, false); break }
        }
        guard let (path, raw) = found else {
            let places = [root, recordedRoot].compactMap { $0 }.map { "\($0)/\(relative)" }.joined(separator: ", ")
            throw MetaflowError.data("Artifact blob \(sha) of flow \(flow) is missing (looked for \(places))")
        }
        if raw { return try FileSystem.readFile(path) }
        do {
            return try Gzip.decompressFile(path, sizeHint: sizeHint, progress: progress)
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

    public func taskFileSize(recordedRoot: String?, path: [String], name: String) -> Int? {
        guard let file = taskFilePath(recordedRoot: recordedRoot, path: path, name: name), FileSystem.isFile(file) else { return nil }
        return FileSystem.size(file)
    }

    public func taskFilePath(recordedRoot: String?, path: [String], name: String) -> String? {
        locate((path + [name]).joined(separator: "/"), recorded: recordedRoot)
    }
}
