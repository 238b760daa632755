// Which datastore holds a task's data: the one its metadata records (`ds-root`, an artifact's
// `:root:` location), whatever the current default, as in Python's client: an S3 root goes to S3, a
// path to the local datastore. Only a run that records no root falls back to the configured
// default (`METAFLOW_DEFAULT_DATASTORE`). The S3 side is made on first use, so local-only work
// never loads libcurl or reads AWS credentials.

import Synchronization

public final class DataStoreRouter: DataStore, Sendable {
    public let local: LocalDataStore
    /// Read when S3 is first needed: local use never parses the S3 settings.
    private let config: Configuration
    private let defaultIsS3: Bool
    private let interruptCheck = Mutex<(@Sendable () -> Bool)?>(nil)
    private let s3Store = Mutex<S3DataStore?>(nil)

    public init(local: LocalDataStore, config: Configuration) {
        self.local = local
        self.config = config
        defaultIsS3 = config.value("DEFAULT_DATASTORE") == "s3"
    }

    /// Asked while waiting on S3; true abandons the requests (Ctrl-C).
    public var isInterrupted: (@Sendable () -> Bool)? {
        get { interruptCheck.withLock { $0 } }
        set { interruptCheck.withLock { $0 = newValue } }
    }

    /// The S3 datastore, made on first use.
    public var s3: S3DataStore {
        s3Store.withLock { store in
            if let store { return store }
            let made = S3DataStore(settings: S3Settings(config: config), environment: config.environment,
                                   isInterrupted: { [weak self] in self?.isInterrupted?() ?? false })
            store = made
            return made
        }
    }

    /// The S3 datastore if one was made (for counting its requests).
    public var s3IfUsed: S3DataStore? { s3Store.withLock { $0 } }

    private func store(for recordedRoot: String?) throws -> any DataStore {
        guard let root = recordedRoot, !root.isEmpty else { return defaultIsS3 ? s3 : local }
        if root.hasPrefix("s3://") { return s3 }
        if root.hasPrefix("/") { return local }
        let kind = root.hasPrefix("gs://") ? "Google Cloud Storage" : root.contains("://") ? "this kind of storage" : "Azure Blob Storage"
        throw MetaflowError.data("The data is stored at '\(root)': \(kind) is not supported by mfsh (local and S3 are)")
    }

    public func loadBlob(flow: String, sha: String, recordedRoot: String?, expectedSize: (() -> Int?)?,
                         progress: ((Int, Int) -> Void)?) throws -> [UInt8] {
        try store(for: recordedRoot).loadBlob(flow: flow, sha: sha, recordedRoot: recordedRoot,
                                              expectedSize: expectedSize, progress: progress)
    }

    public func taskFile(recordedRoot: String?, path: [String], name: String) throws -> [UInt8]? {
        try store(for: recordedRoot).taskFile(recordedRoot: recordedRoot, path: path, name: name)
    }

    public func taskFiles(recordedRoot: String?, path: [String], names: [String]) throws -> [[UInt8]?] {
        try store(for: recordedRoot).taskFiles(recordedRoot: recordedRoot, path: path, names: names)
    }

    public func taskFileSize(recordedRoot: String?, path: [String], name: String) -> Int? {
        (try? store(for: recordedRoot))?.taskFileSize(recordedRoot: recordedRoot, path: path, name: name)
    }

    public func listFolder(recordedRoot: String?, path: [String]) throws -> [FolderEntry] {
        try store(for: recordedRoot).listFolder(recordedRoot: recordedRoot, path: path)
    }

    public func prefetchBlobs(_ blobs: [(flow: String, sha: String, recordedRoot: String?)], maxBytes: Int,
                              budget: Int) -> [[UInt8]?] {
        // Each store reads its own share; the answers go back in the order asked.
        var out = [[UInt8]?](repeating: nil, count: blobs.count)
        var groups: [ObjectIdentifier: (store: any DataStore, indices: [Int])] = [:]
        for (i, b) in blobs.enumerated() {
            guard let s = try? store(for: b.recordedRoot) else { continue }
            groups[ObjectIdentifier(s), default: (s, [])].indices.append(i)
        }
        var left = budget
        for (_, group) in groups {
            let loaded = group.store.prefetchBlobs(group.indices.map { blobs[$0] }, maxBytes: maxBytes, budget: left)
            for (j, bytes) in loaded.enumerated() {
                out[group.indices[j]] = bytes
                left -= bytes?.count ?? 0
            }
        }
        return out
    }
}
