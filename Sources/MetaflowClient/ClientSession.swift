// MetaflowClient: Metaflow's Client API without a language — Configuration/ (METAFLOW_* settings,
// config files, the user), Model/ (Metaflow, Flow, Run, Step, Task, DataArtifact and what hangs off
// them), Backends/ (the MetadataProvider and DataStore seams, one folder per backend: Local/, Service/, S3/),
// IO/ (files, gzip, JSON, tar). It knows no interpreter and no terminal; artifacts leave it as
// Pickle's inert values.
//
// This file: what Python keeps in module globals of metaflow.client.core — the current namespace
// and the current metadata provider, plus the storage they read through. One session per shell.

import Pickle

public final class ClientSession {
    public let config: Configuration
    public private(set) var provider: MetadataProvider
    /// Routes each read to the datastore the task recorded (local or S3).
    public private(set) var datastore: DataStoreRouter
    /// nil = not resolved yet (Python's `False`); .some(nil) = namespace(None).
    private var currentNamespace: String??
    let blobs = BlobCache()
    /// Told about long work (large artifacts, many objects); nil = nobody is listening.
    public var progress: ProgressReporter?
    /// Rebuilders of classes beyond Python's standard library in artifacts (numpy and pandas): the
    /// embedder's, since this module knows nothing of them; without any they stay plain objects.
    public var pickleReconstructors: [any ClassReconstructor] = []

    /// Ctrl-C, as the embedder knows it: asked while waiting on the network.
    public var isInterrupted: (@Sendable () -> Bool)? {
        didSet {
            (provider as? ServiceMetadataProvider)?.isInterrupted = isInterrupted
            datastore.isInterrupted = isInterrupted
        }
    }

    /// The datastores for a local root (S3 ones are made when a run records an S3 root).
    private func dataStores(localRoot: String?) -> DataStoreRouter {
        let router = DataStoreRouter(local: LocalDataStore(root: localRoot, environment: config.environment), config: config)
        router.isInterrupted = isInterrupted
        return router
    }

    /// The providers `METAFLOW_DEFAULT_METADATA` names (`local` unless set), as Python's client starts.
    public init(config: Configuration) throws {
        self.config = config
        let root = config.localDatastoreRoot
        datastore = DataStoreRouter(local: LocalDataStore(root: root, environment: config.environment), config: config)
        if config.value("DEFAULT_METADATA") == "service" {
            provider = try ServiceMetadataProvider(settings: ServiceSettings(url: config.value("SERVICE_URL") ?? "", config: config),
                                                   environment: config.environment)
        } else {
            provider = LocalMetadataProvider(root: root, username: config.username)
        }
    }

    /// The service provider for `url` (Python's `metadata('service@URL')` / `metadata('https://…')`),
    /// which must answer `/ping`.
    private func useService(_ url: String?) throws {
        let chosen = url ?? config.value("SERVICE_URL") ?? ""
        let service = ServiceMetadataProvider(settings: try ServiceSettings(url: chosen, config: config),
                                              environment: config.environment)
        service.isInterrupted = isInterrupted
        if url != nil { try service.checkReachable() }
        provider = service
        datastore = dataStores(localRoot: config.localDatastoreRoot)
        blobs.removeAll()
    }

    // MARK: namespace (Python semantics: a namespace is a tag on the run)

    public func namespace(_ ns: String?) throws -> String? {
        currentNamespace = .some(ns)
        return try getNamespace()
    }

    public func getNamespace() throws -> String? {
        if let ns = currentNamespace { return ns }
        return try defaultNamespace()
    }

    @discardableResult
    public func defaultNamespace() throws -> String {
        let ns = try config.defaultNamespace()
        currentNamespace = .some(ns)
        return ns
    }

    // MARK: metadata provider

    public func getMetadata() -> String { provider.metadataString }

    /// `metadata('local')`, `metadata('local@/path')`, a bare path (local), or a URL (service).
    public func metadata(_ spec: String) throws -> String {
        let parts = spec.split(separator: "@", maxSplits: 1).map(String.init)
        var type = parts.first ?? ""
        var info: String? = parts.count > 1 ? parts[1] : nil
        if type != "local" && type != "service" {
            info = spec
            type = spec.hasPrefix("http") ? "service" : "local"
        }
        // Python's metadata() ignores an empty info: '' and 'local@' keep the default folder.
        if info?.isEmpty == true { info = nil }
        if type == "service" {
            try useService(info)
            return getMetadata()
        }
        let root: String?
        if let info {
            let candidate = FileSystem.join(info, ".metaflow")
            guard FileSystem.isDirectory(candidate) else {
                throw MetaflowError.generic("ValueError", "Could not find directory .metaflow in directory \(info)")
            }
            root = candidate
        } else {
            root = config.localDatastoreRoot
        }
        provider = LocalMetadataProvider(root: root, username: config.username)
        datastore = dataStores(localRoot: root)
        blobs.removeAll()
        return getMetadata()
    }

    public func defaultMetadata() throws -> String {
        let chosen = config.value("DEFAULT_METADATA") ?? "local"
        if chosen == "service" {
            try useService(nil)
            return getMetadata()
        }
        guard chosen == "local" else {
            throw MetaflowError.generic("MetaflowException",
                "The metadata provider '\(chosen)' is not supported by this mfsh build yet")
        }
        let root = config.localDatastoreRoot
        provider = LocalMetadataProvider(root: root, username: config.username)
        datastore = dataStores(localRoot: root)
        blobs.removeAll()
        return getMetadata()
    }
}

/// Decoded artifact bytes by (flow, sha): the same content-addressed blob is read once per
/// session. Only small blobs are kept, so a large array is not pinned in memory.
final class BlobCache {
    static let maxEntryBytes = 1 << 20
    static let maxTotalBytes = 64 << 20
    private var entries: [String: [UInt8]] = [:]
    private var total = 0

    func get(_ key: String) -> [UInt8]? { entries[key] }

    func put(_ key: String, _ bytes: [UInt8]) {
        guard bytes.count <= Self.maxEntryBytes else { return }
        if total + bytes.count > Self.maxTotalBytes { removeAll() }
        entries[key] = bytes
        total += bytes.count
    }

    /// Empties the cache when `bytes` more would not fit (as `put` would, but once for a batch).
    func makeRoom(for bytes: Int) {
        if total + bytes > Self.maxTotalBytes { removeAll() }
    }

    func removeAll() { entries.removeAll(); total = 0 }
}
