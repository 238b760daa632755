// What the object model needs from storage: content-addressed blobs and a task's own files
// (`<attempt>.data.json`, logs, `DONE.lock`). The local datastore implements it today; an S3 one
// drops in beside it without touching Flow/Run/Step/Task/DataArtifact.

public protocol DataStore: AnyObject {
    /// The serialized bytes of a blob (decompressed as stored); `progress(read, total)` may follow it.
    /// `expectedSize` gives the size its writer recorded, for a store to ask when the blob is large
    /// (it costs a read): a bound on what decompression may reserve, never trusted alone.
    func loadBlob(flow: String, sha: String, recordedRoot: String?, expectedSize: (() -> Int?)?,
                  progress: ((Int, Int) -> Void)?) throws -> [UInt8]
    /// A file of a task's data folder, or nil when absent.
    func taskFile(recordedRoot: String?, path: [String], name: String) throws -> [UInt8]?
    /// Several files of a task's data folder (a log's sources), nil for each absent one; a remote
    /// store asks for them at once.
    func taskFiles(recordedRoot: String?, path: [String], names: [String]) throws -> [[UInt8]?]
    /// The size of such a file, or nil when absent.
    func taskFileSize(recordedRoot: String?, path: [String], name: String) -> Int?
    /// Serialized bytes of many blobs read ahead, nil for any over `maxBytes` decompressed, missing
    /// or unreadable (the lazy path reads those and reports their errors); [] when not batched.
    /// At most `budget` bytes are kept in all.
    func prefetchBlobs(_ blobs: [(flow: String, sha: String, recordedRoot: String?)], maxBytes: Int, budget: Int) -> [[UInt8]?]
    /// The entries of a folder under a root (Metaflow's `list_content`: a card folder's files), in
    /// the store's own order (readdir order locally, as Python's os.listdir); [] when absent.
    func listFolder(recordedRoot: String?, path: [String]) throws -> [FolderEntry]
}

/// One entry of a listed folder.
public struct FolderEntry: Sendable, Equatable {
    public let name: String
    public let isFile: Bool
    public init(name: String, isFile: Bool) { self.name = name; self.isFile = isFile }
}

extension DataStore {
    public func taskFiles(recordedRoot: String?, path: [String], names: [String]) throws -> [[UInt8]?] {
        try names.map { try taskFile(recordedRoot: recordedRoot, path: path, name: $0) }
    }

    public func loadBlob(flow: String, sha: String, recordedRoot: String?) throws -> [UInt8] {
        try loadBlob(flow: flow, sha: sha, recordedRoot: recordedRoot, expectedSize: nil, progress: nil)
    }

    /// Whether such a file exists.
    public func hasTaskFile(recordedRoot: String?, path: [String], name: String) -> Bool {
        taskFileSize(recordedRoot: recordedRoot, path: path, name: name) != nil
    }
}
