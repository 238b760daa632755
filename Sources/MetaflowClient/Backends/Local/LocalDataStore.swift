// The content-addressed store and task files of a local datastore. Metaflow bakes the writer's
// absolute root into artifact `location`s and the task's `ds-root` metadata. The root this process
// discovered is tried first (so a copied `.metaflow` reads itself, not the original), then the
// recorded one. Python's client uses only the recorded root and fails on a moved datastore.

#if canImport(Glibc)
import Glibc
#endif

public final class LocalDataStore: DataStore, Sendable {  // immutable: read from any thread
    /// The `.metaflow` folder discovered from configuration (nil when none).
    public let root: String?
    /// Blobs gzip barely shrank, kept decompressed for the next process (nil: none kept).
    let inflated: BlobDiskCache?

    /// `environment` names the disk cache of decompressed blobs (`MFSH_BLOB_CACHE`); without one
    /// nothing is kept.
    public init(root: String?, environment: [String: String] = [:]) {
        self.root = root
        inflated = environment.isEmpty ? nil
            : BlobDiskCache.make(environment: environment, setting: "MFSH_BLOB_CACHE", name: "blobs", defaultMB: 4000)
    }

    /// Below this a blob inflates in a few milliseconds: not worth a copy on disk.
    static let smallestKeptBlob = 4 << 20

    /// Where to look, in order: the discovered root, then the recorded one.
    private func roots(_ recorded: String?) -> [String] {
        [root, recorded].compactMap { $0 }.filter { !$0.isEmpty }
    }

    /// The serialized bytes of an artifact blob (`<root>/<flow>/data/<sha[:2]>/<sha>`),
    /// decompressed according to its `_meta` sidecar (gzip unless `cas_raw`).
    public func loadBlob(flow: String, sha: String, recordedRoot: String?, expectedSize: (() -> Int?)?,
                         progress: ((Int, Int) -> Void)?) throws -> [UInt8] {
        guard sha.count >= 3, sha.allSatisfy({ $0.isHexDigit }) else {
            throw MetaflowError.data("Invalid artifact key '\(sha)'")
        }
        let (path, raw) = try locateBlob(flow: flow, sha: sha, recordedRoot: recordedRoot)
        if raw { return try FileSystem.readFile(path) }
        let kept = inflated?.path(store: "local", sha: sha)
        if let kept, let bytes = readKept(kept, expectedSize: expectedSize) { return bytes }
        let bytes: [UInt8]
        do {
            bytes = try Gzip.decompressFile(path, expectedSize: expectedSize, progress: progress)
        } catch let e as GzipError {
            throw e.outOfMemory ? MetaflowError.generic("MemoryError", e.description) : MetaflowError.data(e.description)
        }
        // Kept decompressed only when gzip saved under a fifth: inflating well-compressed data is
        // fast, and its copy would take five times the disk.
        if let kept, bytes.count >= Self.smallestKeptBlob, let stored = FileSystem.size(path),
           stored >= bytes.count / 10 * 8, let writer = inflated?.writer(kept, raw: true) {
            writer.append(bytes[...])
            writer.finish()
        }
        return bytes
    }

    /// A blob kept decompressed; nil when none, or when its size is not the one the task recorded
    /// (the copy is then removed and the blob inflated again).
    private func readKept(_ base: String, expectedSize: (() -> Int?)?) -> [UInt8]? {
        guard let (path, raw) = inflated?.lookup(base), raw else { return nil }
        if let size = FileSystem.size(path), let expected = expectedSize?(), expected != size {
            unlink(path)
            return nil
        }
        return try? FileSystem.readFile(path)
    }

    /// Where a blob is and whether it is stored raw: each blob has a `<sha>_meta` sidecar, and
    /// reading it tells both, without separate existence checks. Reads files only (any thread).
    func locateBlob(flow: String, sha: String, recordedRoot: String?) throws -> (path: String, raw: Bool) {
        let relative = "\(flow)/data/\(sha.prefix(2))/\(sha)"
        for base in roots(recordedRoot) {
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
                if case .bool(true)? = meta["cas_raw"] { return (path, true) }
                return (path, false)
            }
            if FileSystem.isFile(path) { return (path, false) }
        }
        let places = [root, recordedRoot].compactMap { $0 }.map { "\($0)/\(relative)" }.joined(separator: ", ")
        throw MetaflowError.data("Artifact blob \(sha) of flow \(flow) is missing (looked for \(places))")
    }

    /// A file of a task's data folder (`<attempt>.data.json`, logs, `DONE.lock`), or nil when absent.
    public func taskFile(recordedRoot: String?, path: [String], name: String) throws -> [UInt8]? {
        // Each root is tried by opening the file itself (no separate existence check per root).
        let relative = (path + [name]).joined(separator: "/")
        // A folder in place of the file is an error (IsADirectoryError, as in Python), not an
        // absent file: a log read as absent was a quiet `stdout == ''`.
        for base in roots(recordedRoot) {
            if let (bytes, _) = try FileSystem.readFileIfPresent(base + "/" + relative) { return bytes }
        }
        return nil
    }

    public func listFolder(recordedRoot: String?, path: [String]) throws -> [FolderEntry] {
        // The first root holding the folder decides, as for a task's files. `_meta` entries are
        // the store's own bookkeeping, skipped as LocalStorage.list_content skips them.
        let relative = path.joined(separator: "/")
        for base in roots(recordedRoot) {
            let folder = base + "/" + relative
            guard let names = FileSystem.list(folder) else { continue }
            return names.filter { $0 != "_meta" }.map { FolderEntry(name: $0, isFile: FileSystem.isFile(folder + "/" + $0)) }
        }
        return []
    }

    public func taskFileSize(recordedRoot: String?, path: [String], name: String) -> Int? {
        // One stat per root: the first root holding the name decides (a folder there is no file).
        let relative = (path + [name]).joined(separator: "/")
        for base in roots(recordedRoot) {
            var st = stat()
            if stat(base + "/" + relative, &st) == 0 { return (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : nil }
        }
        return nil
    }
}
