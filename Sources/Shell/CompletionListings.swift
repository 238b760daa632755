// What completion lists from the datastore, cached for the session: a Tab on a datastore of
// 10,000 runs reads every run's record once (about the cost of `list(Flow(...))`), and the next
// Tab is served from memory. A listing stays valid while the folder it came from keeps its
// modification time (a new run, step, task or artifact changes it); listings that do not come from
// a local folder are kept for a short time instead.
import MetaflowClient
import MFSInterpreter
#if canImport(Glibc)
import Glibc
#endif

final class CompletionListings {
    private struct Entry {
        let stamp: Stamp
        let names: [String]
    }
    private enum Stamp: Equatable {
        case modified(Int, Int)     // seconds, nanoseconds of the folder's mtime
        case listedAt(Double)       // monotonic time, for listings without a folder
    }
    private var entries: [String: Entry] = [:]
    static let unstampedSeconds = 30.0
    /// Times a listing was computed rather than served from memory (tests read it).
    private(set) var misses = 0

    /// The cached names for `key`, or `list()`'s (then cached); `folder` is what the names come from.
    func names(_ key: String, folder: String?, _ list: () throws -> [String]) -> [String] {
        let stamp = folder.flatMap(Self.modificationTime) ?? .listedAt(Self.now())
        if let e = entries[key] {
            switch (e.stamp, stamp) {
            case (.modified, .modified) where e.stamp == stamp: return e.names
            case (.listedAt(let then), .listedAt(let now)) where now - then < Self.unstampedSeconds: return e.names
            default: break
            }
        }
        misses += 1
        let names = (try? list()) ?? []
        entries[key] = Entry(stamp: stamp, names: names)
        return names
    }

    private static func modificationTime(_ path: String) -> Stamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return .modified(st.st_mtim.tv_sec, st.st_mtim.tv_nsec)
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// Pathspec levels, one at a time: flows, run ids newest first, step names, task ids, artifacts.
struct PathspecLister {
    let provider: MetadataProvider
    /// Runs are listed in this namespace, as Flow(...) iterates them (nil: every run).
    let namespace: String?

    /// The folder whose entries make up the children of `parents` (local datastores only).
    func folder(_ parents: [String]) -> String? {
        guard let local = provider as? LocalMetadataProvider, let root = local.root else { return nil }
        guard !parents.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return nil }
        let base = ([root] + parents).joined(separator: "/")
        return parents.count == 4 ? base + "/_meta" : base
    }

    /// Names one level below `parents` (0: flows … 4: artifact names).
    func children(_ parents: [String]) throws -> [String] {
        switch parents.count {
        case 0: return try provider.children(of: .root, [], anyTag: nil).compactMap { $0["flow_id"]?.stringValue }.sorted()
        case 1:
            if let local = provider as? LocalMetadataProvider, let root = local.root,
               let runs = Self.localRuns(flowFolder: root + "/" + parents[0], namespace: namespace) {
                return runs
            }
            return try Self.newestFirst(provider.children(of: .flow, parents, anyTag: namespace), "run_number")
        case 2...4 where !(try runIsVisible(parents[0], parents[1], namespace: namespace)): return []
        case 2: return try Self.newestFirst(provider.children(of: .run, parents, anyTag: nil), "step_name")
        // Tasks in the order `list(step)` gives them: newest first, ties in the provider's order.
        case 3: return try Self.newestFirst(provider.children(of: .step, parents, anyTag: nil), "task_id")
        case 4: return try provider.artifacts(parents, attempt: nil, name: nil).compactMap { $0["name"]?.stringValue }.sorted()
        default: return []
        }
    }

    /// `Run("F/1")` would not raise a namespace mismatch: the run carries the namespace's tag.
    private func runIsVisible(_ flow: String, _ run: String, namespace: String?) throws -> Bool {
        guard let namespace else { return true }
        guard let record = try provider.object(.run, [flow, run], attempt: nil) else { return false }
        return (record["tags"]?.stringArray ?? []).contains(namespace)
            || (record["system_tags"]?.stringArray ?? []).contains(namespace)
    }

    /// Run ids of a flow in a local datastore, newest first, in `namespace` (nil: all), read
    /// straight from the runs' `_meta/_self.json` (paths relative to the flow folder, one reused
    /// buffer per thread, all cores): on 10,000 runs this is what keeps the first Tab near 100 ms.
    /// Records that are missing or unreadable are left out, as `list(Flow(...))` leaves them out.
    static func localRuns(flowFolder: String, namespace: String?) -> [String]? {
        guard let names = FileSystem.list(flowFolder)?.filter({ !$0.hasPrefix(".") }) else { return nil }
        let dirfd = open(flowFolder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirfd >= 0 else { return nil }
        defer { close(dirfd) }
        let scan = RunRecordScan(names: names, dirfd: dirfd, namespace: namespace)
        scan.runOnAllCores()
        return scan.newestFirst()
    }

    /// The tags that can name a namespace on the runs of `flow` (user:NAME system tags and user
    /// tags), each once.
    func namespaceTags(_ flow: String) throws -> [String] {
        func useful(_ system: [String], _ user: [String]) -> [String] { system.filter { $0.hasPrefix("user:") } + user }
        var seen = Set<String>()
        if let local = provider as? LocalMetadataProvider, let root = local.root, !flow.contains("/"),
           let names = FileSystem.list(root + "/" + flow)?.filter({ !$0.hasPrefix(".") }) {
            let dirfd = open(root + "/" + flow, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if dirfd >= 0 {
                defer { close(dirfd) }
                let scan = RunRecordScan(names: names, dirfd: dirfd, namespace: nil, collectTags: true)
                scan.runOnAllCores()
                return scan.tags().filter { seen.insert($0).inserted }
            }
        }
        return try provider.children(of: .flow, [flow], anyTag: nil)
            .flatMap { useful($0["system_tags"]?.stringArray ?? [], $0["tags"]?.stringArray ?? []) }
            .filter { seen.insert($0).inserted }
    }

    /// The bytes of a file (relative to `dirfd`), read through `buffer` (grown when the file is
    /// bigger); nil if unreadable.
    static func readSmallFile(_ path: String, in dirfd: Int32, buffer: inout [UInt8]) -> [UInt8]? {
        let fd = openat(dirfd, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)  // a FIFO reads as empty
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var used = 0
        while true {
            if used == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress.map { $0 + used }, $0.count - used) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            used += n
        }
        return Array(buffer[..<used])
    }

    static func text(_ v: JSONValue) -> String { v.stringValue ?? v.intValue.map(String.init) ?? "" }

    static func newestFirst(_ recs: [JSONValue], _ field: String) -> [String] {
        recs.enumerated().map { (ts: $0.element["ts_epoch"]?.intValue ?? 0, at: $0.offset, name: $0.element[field].map(text)) }
            .sorted { $0.ts != $1.ts ? $0.ts > $1.ts : $0.at < $1.at }
            .compactMap { $0.name }
    }
}

/// Reads the run records of one flow folder on several threads; each thread writes only its own
/// slots (worker, worker + workers, ...) of a buffer allocated up front, read after all are joined.
private final class RunRecordScan: @unchecked Sendable {
    let names: [String]
    let dirfd: Int32
    let namespace: String?
    /// Also keep each run's namespace-like tags (user:NAME system tags, user tags).
    let collectTags: Bool
    private let slots: UnsafeMutableBufferPointer<(ts: Int, id: String, tags: [String])?>

    init(names: [String], dirfd: Int32, namespace: String?, collectTags: Bool = false) {
        self.names = names
        self.dirfd = dirfd
        self.namespace = namespace
        self.collectTags = collectTags
        slots = .allocate(capacity: names.count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    static let cores: Int = {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? min(Int(n), 8) : 1
    }()

    func runOnAllCores() {
        let workers = names.count >= 256 ? Self.cores : 1
        var threads: [pthread_t] = []
        for w in 1..<max(workers, 1) {
            let job = Unmanaged.passRetained(RunScanJob(scan: self, worker: w, of: workers))
            var tid = pthread_t()
            let rc = pthread_create(&tid, nil, { raw in
                guard let raw else { return nil }
                let job = Unmanaged<RunScanJob>.fromOpaque(raw).takeRetainedValue()
                InterruptSignal.blockInThisThread()
                job.scan.run(worker: job.worker, of: job.of)
                return nil
            }, job.toOpaque())
            if rc == 0 { threads.append(tid) } else { job.takeRetainedValue().scan.run(worker: w, of: workers) }
        }
        run(worker: 0, of: workers)
        for t in threads { pthread_join(t, nil) }
    }

    func run(worker: Int, of workers: Int) {
        var buffer = [UInt8](repeating: 0, count: 1 << 14)
        var i = worker
        while i < names.count {
            if let bytes = PathspecLister.readSmallFile(names[i] + "/_meta/_self.json", in: dirfd, buffer: &buffer),
               let record = try? JSONParser.parse(bytes), let id = record["run_number"].map(PathspecLister.text),
               namespace.map({ ns in record["tags"]?.stringArray.contains(ns) == true
                                   || record["system_tags"]?.stringArray.contains(ns) == true }) ?? true {
                let tags = collectTags ? (record["system_tags"]?.stringArray ?? []).filter { $0.hasPrefix("user:") }
                    + (record["tags"]?.stringArray ?? []) : []
                slots[i] = (record["ts_epoch"]?.intValue ?? 0, id, tags)
            }
            i += workers
        }
    }

    /// Newest first; runs with the same ts_epoch keep folder order.
    func newestFirst() -> [String] {
        var found: [(ts: Int, at: Int, id: String)] = []
        found.reserveCapacity(names.count)
        for (at, slot) in slots.enumerated() { if let (ts, id, _) = slot { found.append((ts, at, id)) } }
        return found.sorted { $0.ts != $1.ts ? $0.ts > $1.ts : $0.at < $1.at }.map { $0.id }
    }

    /// Every collected tag, in folder order (with repeats).
    func tags() -> [String] { slots.flatMap { $0?.tags ?? [] } }
}

private final class RunScanJob {
    let scan: RunRecordScan
    let worker: Int
    let of: Int
    init(scan: RunRecordScan, worker: Int, of: Int) { self.scan = scan; self.worker = worker; self.of = of }
}
