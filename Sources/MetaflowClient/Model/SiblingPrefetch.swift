// Reading one artifact from each of many tasks (`sum(t['accuracy'].data for t in run['train'])`).
//
// Each task costs a folder listing (`_meta`, to find the latest done attempt), the attempt-done
// event, the artifact's registration, the blob's sidecar and the blob: five file operations, about
// 25 system calls, done one task at a time as the loop asks. The tasks of a step listing are known
// up front, so the first time one of them is asked for an artifact, the same artifact of it and of
// the tasks after it in the listing is read in one batch on all cores: each task's answer goes to
// the group (used within the caches' trust window), the files to the provider's caches, the blobs
// to the session's blob cache. What is read is what a loop over the listing would read; errors are
// left to the lazy path (which reports them as usual); only small blobs are read ahead, so a loop
// over large artifacts never holds more than one at a time. A task's log locations (three events)
// are read ahead the same way.
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Tasks listed together (one step's tasks, in listing order); each Task made by the listing knows
/// the group and its place in it.
final class SiblingTasks {
    /// Fewer tasks left than this are read one by one (a batch costs threads).
    static let minimumBatch = 8
    let paths: [[String]]
    let attempts: [Int?]
    /// Per artifact name: when it was read ahead, and each task's answer (by place in the group).
    /// A name is read ahead once per group: reading again after the trust window could re-read
    /// the rest of the listing at every step of a slow loop.
    private var answers: [String: (readAt: UInt64, trust: UInt64, byTask: [Prefetched])] = [:]
    /// Sets of event fields already read ahead (keyed by the sorted field names; nil: every event).
    private var eventsRead: Set<[String]?> = []

    init(paths: [[String]], attempts: [Int?]) { self.paths = paths; self.attempts = attempts }

    /// The answer read ahead for the task at `index`; `.unknown` when none, or when it is older
    /// than the caches' trust window (a task read much later is read again, like any file).
    func answer(_ name: String, at index: Int) -> Prefetched {
        guard let a = answers[name], index < a.byTask.count,
              Freshness.now() &- a.readAt < a.trust else { return .unknown }
        return a.byTask[index]
    }

    /// Reads `name` of the tasks from `index` on, once per name and group.
    func readAhead(_ name: String, from index: Int, session: ClientSession) {
        guard paths.count - index >= Self.minimumBatch, answers[name] == nil else { return }
        let tasks = (index..<paths.count).map { (path: paths[$0], attempt: attempts[$0]) }
        let found = session.provider.prefetchArtifacts(name, of: tasks)
        var byTask = [Prefetched](repeating: .unknown, count: paths.count)
        for (i, answer) in found.enumerated() where index + i < byTask.count { byTask[index + i] = answer }
        answers[name] = (Freshness.now(), session.provider.readAheadTrustNanos, byTask)
        readBlobs(of: zip(tasks, found).compactMap { task, answer in
            if case .found(let record) = answer, let flow = task.path.first { return (flow, record) }
            return nil
        }, session: session)
    }

    /// Reads the events of `fields` of the tasks from `index` on into the provider's caches, once
    /// per set of fields and group (logs need each task's ds-root, attempt and ds-type).
    func readAheadEvents(_ fields: Set<String>?, from index: Int, session: ClientSession) {
        guard paths.count - index >= Self.minimumBatch, eventsRead.insert(fields?.sorted()).inserted else { return }
        session.provider.prefetchEvents(fields, of: Array(paths[index...]))
    }

    /// Small blobs of the registrations, each once (content-addressed: equal values share a blob),
    /// into the session's blob cache.
    private func readBlobs(of registrations: [(flow: String, record: JSONValue)], session: ClientSession) {
        var wanted: [(flow: String, sha: String, recordedRoot: String?, contentType: String)] = []
        var seen: Set<String> = []
        for (flow, record) in registrations {
            guard let sha = record["sha"]?.stringValue else { continue }
            let key = flow + "/" + sha
            guard session.blobs.get(key) == nil, seen.insert(key).inserted else { continue }
            wanted.append((flow, sha, DataArtifact.recordedRoot(of: record), DataArtifact.contentType(of: record)))
        }
        guard !wanted.isEmpty else { return }
        // Half the blob cache at most, so that what is read ahead stays there until the loop uses it.
        let budget = BlobCache.maxTotalBytes / 2
        let loaded = session.datastore.prefetchBlobs(wanted.map { ($0.flow, $0.sha, $0.recordedRoot) },
                                                     maxBytes: BlobCache.maxEntryBytes, budget: budget)
        session.blobs.makeRoom(for: loaded.reduce(0) { $0 + ($1?.count ?? 0) })
        for (item, bytes) in zip(wanted, loaded) {
            guard let bytes, let unwrapped = try? DataArtifact.unwrapLegacy(bytes, contentType: item.contentType,
                                                                         name: item.flow + "/" + item.sha) else { continue }
            session.blobs.put(item.flow + "/" + item.sha, unwrapped)
        }
    }
}

extension MetadataProvider {
    /// Default for providers that cannot batch: nothing read ahead; each task is read when asked.
    public func prefetchArtifacts(_ name: String, of tasks: [(path: [String], attempt: Int?)]) -> [Prefetched] { [] }
    public func prefetchEvents(_ fields: Set<String>?, of tasks: [[String]]) {}
    public func runEvents(flow: String, run: String) throws -> [JSONValue]? { nil }
    public func prefetchChildren(of kind: ObjectKind, _ paths: [[String]]) {}
    public func prefetchRecordAndChildren(_ kind: ObjectKind, _ path: [String]) {}
    public func noteFinished(flow: String, run: String) {}
    public func wouldKeep(flow: String, run: String) -> Bool { false }
    public var readAheadTrustNanos: UInt64 { Freshness.windowNanos }
}

extension DataStore {
    /// Default for stores that cannot batch: nothing read ahead.
    public func prefetchBlobs(_ blobs: [(flow: String, sha: String, recordedRoot: String?)], maxBytes: Int,
                              budget: Int) -> [[UInt8]?] { [] }
}

extension LocalDataStore {
    public func prefetchBlobs(_ blobs: [(flow: String, sha: String, recordedRoot: String?)], maxBytes: Int,
                              budget: Int) -> [[UInt8]?] {
        let left = ByteBudget(budget)
        return ParallelReads.map(blobs.count, serialBelow: SiblingTasks.minimumBatch) { [self] i -> [UInt8]? in
            guard left.remaining > 0,
                  let bytes = smallBlob(flow: blobs[i].flow, sha: blobs[i].sha, recordedRoot: blobs[i].recordedRoot,
                                        maxBytes: maxBytes),
                  left.take(bytes.count) else { return nil }
            return bytes
        }
    }

    /// A blob's bytes when it holds at most `maxBytes` once decompressed; nil otherwise or on any error.
    func smallBlob(flow: String, sha: String, recordedRoot: String?, maxBytes: Int) -> [UInt8]? {
        guard sha.count >= 3, sha.allSatisfy({ $0.isHexDigit }),
              let (path, raw) = try? locateBlob(flow: flow, sha: sha, recordedRoot: recordedRoot),
              let (bytes, _) = try? FileSystem.readFileIfPresent(path, limit: maxBytes) else { return nil }
        if raw { return bytes }
        return try? Gzip.decompress(bytes, name: path, maxOutput: maxBytes)
    }
}

/// Bytes the reading threads may still keep, shared by them.
private final class ByteBudget: Sendable {
    private let left: Atomic<Int>
    init(_ bytes: Int) { left = Atomic(bytes) }
    var remaining: Int { left.load(ordering: .relaxed) }
    /// Takes `n` bytes; false (and nothing taken) when fewer are left.
    func take(_ n: Int) -> Bool {
        var current = left.load(ordering: .relaxed)
        while current >= n {
            let (done, seen) = left.compareExchange(expected: current, desired: current - n, ordering: .relaxed)
            if done { return true }
            current = seen
        }
        return false
    }
}

/// What one task's read-ahead found (made on a reading thread, kept in the caches on the caller's).
private struct TaskArtifactRead: Sendable {
    let folder: FolderRead
    var attemptDone: FileRead?
    var registration: FileRead?
    /// True when the reads prove the artifact absent (no done attempt, or no registration for it);
    /// false when something could not be read or parsed (the lazy path then reports it).
    var provenAbsent = false

    /// The same reads as `latestDoneAttempt` then `artifacts(_:attempt:name:)`, without caches,
    /// files opened relative to the folder.
    static func read(dir: String, attempt: Int?, artifact name: String) -> TaskArtifactRead? {
        guard let folder = FileSystem.OpenFolder(dir) else { return nil }
        let names = folder.names
        var found = TaskArtifactRead(folder: FolderRead(dir: dir, names: names))
        var which = attempt
        if which == nil {
            guard let last = names.filter({ $0.hasPrefix("sysmeta_attempt-done_") }).max() else {
                found.provenAbsent = true
                return found
            }
            guard let record = parsed(folder, last) else { return found }
            found.attemptDone = record
            guard let v = record.value["value"], let n = v.intValue ?? v.stringValue.flatMap({ Int($0) }) else { return found }
            which = n
        }
        guard let which else { return found }
        let file = "\(which)_artifact_\(name).json"
        if names.contains(file) {
            found.registration = parsed(folder, file)
        } else {
            found.provenAbsent = true
        }
        return found
    }

    static func parsed(_ folder: FileSystem.OpenFolder, _ name: String) -> FileRead? {
        guard let bytes = folder.readSmallFile(name, limit: 64 << 20),
              let value = try? JSONParser.parse(bytes) else { return nil }
        return FileRead(file: folder.path + "/" + name, value: value)
    }
}

extension LocalMetadataProvider {
    public func prefetchArtifacts(_ name: String, of tasks: [(path: [String], attempt: Int?)]) -> [Prefetched] {
        let dirs = tasks.map { path($0.path).map { $0 + "/_meta" } }
        let attempts = tasks.map(\.attempt)
        let reads = ParallelReads.map(tasks.count, serialBelow: SiblingTasks.minimumBatch) { i in
            dirs[i].flatMap { TaskArtifactRead.read(dir: $0, attempt: attempts[i], artifact: name) }
        }
        var runs: [String: JSONValue?] = [:]
        return zip(tasks, reads).map { task, read -> Prefetched in
            guard let read else { return .unknown }
            folders.store(read.folder.dir, names: read.folder.names, version: Freshness.unknownVersion)
            if let a = read.attemptDone { records.store(a.file, value: a.value, version: Freshness.unknownVersion) }
            if read.provenAbsent { return .absent }
            guard let r = read.registration, task.path.count >= 2 else { return .unknown }
            records.store(r.file, value: r.value, version: Freshness.unknownVersion)
            // As `artifacts` gives it: with the run's current tags (no run record: no artifacts).
            let key = task.path[0] + "/" + task.path[1]
            if runs[key] == nil { runs[key] = .some((try? runRecord(task.path[0], task.path[1])) ?? nil) }
            guard let run = runs[key] ?? nil else { return .unknown }
            return .found(overlayTags(r.value, from: run))
        }
    }
}

extension LocalMetadataProvider {
    public func prefetchEvents(_ fields: Set<String>?, of tasks: [[String]]) {
        let dirs = tasks.map { path($0).map { $0 + "/_meta" } }
        let reads = ParallelReads.map(tasks.count, serialBelow: SiblingTasks.minimumBatch) { i -> (FolderRead, [FileRead])? in
            guard let dir = dirs[i], let folder = FileSystem.OpenFolder(dir) else { return nil }
            let names = fields.map { Self.eventFiles(folder.names, of: $0) } ?? folder.names.filter { $0.hasPrefix("sysmeta_") }
            let files = names.compactMap { TaskArtifactRead.parsed(folder, $0) }
            return (FolderRead(dir: dir, names: folder.names), files)
        }
        for case let (folder, files)? in reads {
            folders.store(folder.dir, names: folder.names, version: Freshness.unknownVersion)
            for f in files { records.store(f.file, value: f.value, version: Freshness.unknownVersion) }
        }
    }
}

/// A folder listing and a parsed file, read on a reading thread, kept in the caches on the caller's
/// (without a stat: trusted for the caches' window, then read again).
private struct FolderRead: Sendable {
    let dir: String
    let names: [String]
}

private struct FileRead: Sendable {
    let file: String
    let value: JSONValue
}
