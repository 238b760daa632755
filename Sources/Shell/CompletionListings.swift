// What completion lists from the datastore, cached for the session: a Tab on a datastore of
// 10,000 runs reads every run's record once (about the cost of `list(Flow(...))`), and the next
// Tab is served from memory. A listing stays valid while the folder it came from keeps its
// modification time (a new run, step, task or artifact changes it); listings that do not come from
// a local folder are kept for a short time instead.
import MetaflowClient
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
    let session: ClientSession

    /// The folder whose entries make up the children of `parents` (local datastores only).
    func folder(_ parents: [String]) -> String? {
        guard let local = session.provider as? LocalMetadataProvider, let root = local.root else { return nil }
        guard !parents.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { return nil }
        let base = ([root] + parents).joined(separator: "/")
        return parents.count == 4 ? base + "/_meta" : base
    }

    /// Names one level below `parents` (0: flows … 4: artifact names).
    func children(_ parents: [String]) throws -> [String] {
        let provider = session.provider
        // Runs are listed in the current namespace, as Flow(...) iterates them.
        let namespace = try session.getNamespace()
        switch parents.count {
        case 0: return try provider.children(of: .root, [], anyTag: nil).compactMap { $0["flow_id"]?.stringValue }.sorted()
        case 1: return try Self.newestFirst(provider.children(of: .flow, parents, anyTag: namespace), "run_number")
        case 2: return try Self.newestFirst(provider.children(of: .run, parents, anyTag: nil), "step_name")
        case 3: return try provider.children(of: .step, parents, anyTag: nil).compactMap { $0["task_id"].map(Self.text) }
        case 4: return try provider.artifacts(parents, attempt: nil, name: nil).compactMap { $0["name"]?.stringValue }.sorted()
        default: return []
        }
    }

    static func text(_ v: JSONValue) -> String { v.stringValue ?? v.intValue.map(String.init) ?? "" }

    static func newestFirst(_ recs: [JSONValue], _ field: String) -> [String] {
        recs.enumerated().map { (ts: $0.element["ts_epoch"]?.intValue ?? 0, at: $0.offset, name: $0.element[field].map(text)) }
            .sorted { $0.ts != $1.ts ? $0.ts > $1.ts : $0.at < $1.at }
            .compactMap { $0.name }
    }
}
