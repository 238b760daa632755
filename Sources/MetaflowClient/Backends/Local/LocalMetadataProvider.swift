// Reads metadata from a local `.metaflow` tree the way Python's LocalMetadataProvider does
// (plugins/metadata_providers/local.py): `_meta/_self.json` records, `sysmeta_*` events and
// `<attempt>_artifact_<name>.json` registrations, in readdir (glob) order.
#if canImport(Glibc)
import Glibc
#endif

public final class LocalMetadataProvider: MetadataProvider {
    /// The `.metaflow` folder, or nil when none was found (Python then reports
    /// `local@<No .metaflow directory found in current working tree>`).
    public let root: String?
    /// Who writes tag mutations (`user_name` of the rewritten run record).
    let username: String?
    let records = RecordCache()
    let folders = DirectoryCache()

    public init(root: String?, username: String? = nil) { self.root = root; self.username = username }

    public var typeName: String { "local" }
    public var namedArtifactIsLatestAttempts: Bool { true }
    public var info: String {
        guard let root else { return "<No .metaflow directory found in current working tree>" }
        return FileSystem.dirname(root)
    }

    func path(_ components: [String]) -> String? {
        guard let root else { return nil }
        // Python's _make_path stops at the first empty component (so `'' in flow` finds the flow
        // itself); a component that climbs out of the tree cannot name a Metaflow object.
        let used = components.prefix { !$0.isEmpty }
        for c in used where c == "." || c == ".." || c.contains("/") { return nil }
        return FileSystem.join([root] + used)
    }

    /// The object's `_meta` folder and its entries (readdir order), or nil when it has none.
    private func meta(_ components: [String]) -> (dir: String, names: [String])? {
        guard let p = path(components) else { return nil }
        let m = p + "/_meta"
        return folders.list(m).map { (m, $0) }
    }

    private func metaDir(_ components: [String]) -> String? { meta(components)?.dir }

    func readRecord(_ file: String) throws -> JSONValue {
        guard let r = try records.read(file) else { throw MetaflowError.data("No such file or directory: '\(file)'") }
        return r
    }

    /// A run's record: every step, task and artifact shows its tags.
    func runRecord(_ flow: String, _ run: String) throws -> JSONValue? {
        guard let p = path([flow, run]) else { return nil }
        return try records.read(p + "/_meta/_self.json")
    }

    public func object(_ kind: ObjectKind, _ path: [String], attempt: Int?) throws -> JSONValue? {
        switch kind {
        case .root: return nil
        case .artifact:
            guard path.count == 5 else { return nil }
            let found = try artifacts(Array(path.prefix(4)), attempt: attempt, name: path[4])
            return found.count == 1 ? found[0] : nil
        default:
            guard let p = self.path(path),
                  var record = try records.read(p + "/_meta/_self.json") else { return nil }
            // Not when an empty id cut the path short: Python's `'' in flow` finds the flow itself.
            if !path.contains(""), let name = path.last, let why = Self.foreignRecord(record, kind: kind, name: name) {
                throw MetaflowError.notFound("'\(p)' holds no \(kind.pythonName) of its own: \(why)")
            }
            if kind > .run {
                guard let run = try runRecord(path[0], path[1]) else {
                    throw MetaflowError.generic("MetaflowInternalError", "Could not find run \(path.prefix(2))")
                }
                record = overlayTags(record, from: run)
            }
            return record
        }
    }

    /// Steps, tasks and artifacts show the run's current tags, not the copy made at creation.
    func overlayTags(_ record: JSONValue, from run: JSONValue) -> JSONValue {
        guard case .object(var members) = record else { return record }
        members.removeAll { $0.0 == "tags" || $0.0 == "system_tags" }
        members.append(("tags", run["tags"] ?? .array([])))
        members.append(("system_tags", run["system_tags"] ?? .array([])))
        return .object(members)
    }

    public func children(of kind: ObjectKind, _ path: [String], anyTag: String?) throws -> [JSONValue] {
        guard let childKind = kind.child, childKind != .artifact else { return [] }
        guard let base = kind == .root ? root : self.path(path), let names = folders.list(base) else { return [] }
        var runRecord: JSONValue?
        if childKind > .run {
            guard let run = try self.runRecord(path[0], path[1]) else { return [] }
            runRecord = run
        }
        let entries = names.filter { !$0.hasPrefix(".") }.map { base + "/" + $0 }
        var result: [JSONValue] = []
        for (entry, outcome) in zip(entries, readRecordsEach(entries.map { $0 + "/_meta/_self.json" })) {
            let record: JSONValue
            switch outcome {
            case .success(let found?): record = found
            case .success(nil): continue  // not an object's folder (`data`, `mf.cards`)
            case .failure(let error):
                // Scoped to this entry: the listing goes on without it (Python's glob skips it).
                let (path, reason) = SkippedEntries.describe(error)
                SkippedEntries.warn(path ?? entry, reason)
                continue
            }
            if let why = Self.foreignRecord(record, kind: childKind, name: FileSystem.basename(entry)) {
                SkippedEntries.warn(entry, why)
                continue
            }
            let shown = runRecord.map { overlayTags(record, from: $0) } ?? record
            if let tag = anyTag, !Self.hasTag(shown, tag) { continue }
            result.append(shown)
        }
        return result
    }

    /// Why the record in `<name>/_meta/_self.json` is not that of the object `name`, or nil when it
    /// is. A link to a parent (`step/loop -> ..`) or to a sibling shows another object's record:
    /// listed as it is, it made a task with id '' (Python: KeyError 'task_id') or a duplicate.
    static func foreignRecord(_ record: JSONValue, kind: ObjectKind, name: String) -> String? {
        guard kind != .artifact, let field = kind.idField else { return nil }
        let id = record[field].flatMap { $0.stringValue ?? $0.intValue.map(String.init) }
        if id == name { return nil }
        return "its _meta/_self.json is the record of another object (\(field) \(id.map { "'\($0)'" } ?? "missing"))"
    }

    /// Records of many files, read on all cores when not cached yet: for each file its record,
    /// nil when absent, or why it could not be read.
    private func readRecordsEach(_ files: [String]) -> [Result<JSONValue?, any Error>] {
        var failed: [String: any Error] = [:]
        let missing = files.filter { !records.cached($0) }
        if missing.count >= ParallelReads.minimumBatch {
            for (file, outcome) in zip(missing, ParallelReads.read(missing, limit: 64 << 20)) {
                switch outcome {
                case .success(let read?):
                    do { _ = try records.store(file, read.0, read.1) } catch { failed[file] = error }
                case .success(nil): records.forget(file)
                case .failure(let e): failed[file] = e
                }
            }
        }
        return files.map { file in
            if let e = failed[file] { return .failure(e) }
            return Result { try records.read(file) }
        }
    }

    /// Records of many files (nil for absent ones); the first that cannot be read is the error.
    private func readRecords(_ files: [String]) throws -> [JSONValue?] {
        try readRecordsEach(files).map { try $0.get() }
    }

    /// The `sysmeta_<field>_<ts>.json` files of a `_meta` folder's entries that hold `fields`.
    static func eventFiles(_ names: [String], of fields: Set<String>) -> [String] {
        // On UTF-8 bytes: Character-wise searching of every name in every task's folder showed in profiles.
        let underscore = UInt8(ascii: "_")
        return names.filter { name in
            guard name.hasPrefix("sysmeta_"), name.hasSuffix(".json") else { return false }
            let bytes = name.utf8
            guard let cut = bytes.lastIndex(of: underscore) else { return false }
            let start = bytes.index(bytes.startIndex, offsetBy: 8)
            return start <= cut && fields.contains(String(decoding: bytes[start..<cut], as: UTF8.self))
        }
    }

    static func hasTag(_ record: JSONValue, _ tag: String) -> Bool {
        record["tags"]?.stringArray.contains(tag) == true || record["system_tags"]?.stringArray.contains(tag) == true
    }

    /// The attempt whose artifacts are shown by default: the value of the lexicographically last
    /// `sysmeta_attempt-done_*` event (the latest finished attempt, failed or not).
    public func latestDoneAttempt(_ taskPath: [String]) throws -> Int? {
        guard let (dir, names) = meta(taskPath) else { return nil }
        guard let last = names.filter({ $0.hasPrefix("sysmeta_attempt-done_") }).max() else { return nil }
        let record = try readRecord(dir + "/" + last)
        guard let v = record["value"], let n = v.intValue ?? v.stringValue.flatMap({ Int($0) }) else {
            throw MetaflowError.generic("MetaflowException", "bad attempt number in \(dir)/\(last)")
        }
        return n
    }

    public func artifacts(_ taskPath: [String], attempt: Int?, name: String?) throws -> [JSONValue] {
        guard let (dir, names) = meta(taskPath) else { return [] }
        guard let which = try attempt ?? latestDoneAttempt(taskPath) else { return [] }
        let files: [String]
        if let name {
            let f = "\(which)_artifact_\(name).json"
            files = names.contains(f) ? [f] : []
        } else {
            let prefix = "\(which)_artifact_"
            files = names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") && $0.count > prefix.count + 5 }
        }
        guard !files.isEmpty, let run = try runRecord(taskPath[0], taskPath[1]) else { return [] }
        return try readRecords(files.map { dir + "/" + $0 }).compactMap { $0.map { overlayTags($0, from: run) } }
    }

    public func metadata(_ taskPath: [String], attempt: Int?) throws -> [JSONValue] {
        guard let (dir, names) = meta(taskPath) else { return [] }
        let all = try readRecords(names.filter { $0.hasPrefix("sysmeta_") }.map { dir + "/" + $0 }).compactMap { $0 }
        guard let attempt else { return all }
        return Self.metadataForAttempt(all, attempt)
    }

    /// Events are stored as `sysmeta_<field>_<ts>.json`, so a few fields need only their files.
    public func metadata(_ taskPath: [String], fields: Set<String>) throws -> [JSONValue] {
        guard let (dir, names) = meta(taskPath) else { return [] }
        let wanted = Self.eventFiles(names, of: fields)
        return try readRecords(wanted.map { dir + "/" + $0 }).compactMap { $0 }
            .filter { $0["field_name"]?.stringValue.map(fields.contains) ?? false }
    }

    /// Python's `_reconstruct_metadata_for_attempt`: events tagged `attempt_id:<n>`, or, when
    /// some event has no such tag, every event in the time window of that attempt.
    static func metadataForAttempt(_ all: [JSONValue], _ attempt: Int) -> [JSONValue] {
        var allTagged = true
        var starts: [Int: Int] = [:]
        var tagged: [JSONValue] = []
        for v in all {
            if v["field_name"]?.stringValue == "attempt", let a = v["value"]?.stringValue.flatMap({ Int($0) }) {
                starts[a] = v["ts_epoch"]?.intValue ?? 0
            }
            var matched = false
            for t in v["tags"]?.stringArray ?? [] where t.hasPrefix("attempt_id:") {
                let digits = t.dropFirst("attempt_id:".count).prefix { $0.isNumber && $0.isASCII }
                guard let n = Int(digits) else { continue }
                if n == attempt { tagged.append(v) }
                matched = true
                break
            }
            if !matched { allTagged = false }
        }
        if allTagged { return tagged }
        guard let start = starts[attempt] else { return [] }
        let end = starts[attempt + 1] ?? 32_503_680_000_000
        return all.filter { ($0["ts_epoch"]?.intValue ?? -1) >= start && ($0["ts_epoch"]?.intValue ?? -1) < end }
    }

    public func filterTasks(flow: String, run: String, step: String, field: String, pattern: String) throws -> [String] {
        let tasks = try children(of: .step, [flow, run, step], anyTag: nil)
        var out: [String] = []
        for task in tasks {
            guard let id = task["task_id"].flatMap({ $0.stringValue ?? $0.intValue.map(String.init) }), !id.isEmpty else { continue }
            if pattern == ".*" { out.append("\(flow)/\(run)/\(step)/\(id)"); continue }
            let events = try metadata([flow, run, step, id], attempt: nil)
            if events.contains(where: { $0["field_name"]?.stringValue == field
                && lineagePatternMatches(pattern, $0["value"]?.stringValue ?? "") }) {
                out.append("\(flow)/\(run)/\(step)/\(id)")
            }
        }
        return out
    }

    public func mutateUserTags(flow: String, run: String, remove: [String], add: [String]) throws -> [String] {
        try LocalTagMutation(provider: self, flow: flow, run: run).mutate(remove: remove, add: add)
    }

    func runSelfPath(flow: String, run: String) -> String? {
        metaDir([flow, run]).map { $0 + "/_self.json" }
    }

    func forget(_ file: String) { records.forget(file) }
}
