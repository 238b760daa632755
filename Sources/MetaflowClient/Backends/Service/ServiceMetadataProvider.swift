// Reads metadata from Metaflow's metadata service (REST over PostgreSQL) as Python's
// ServiceMetadataProvider does (plugins/metadata_providers/service.py), with fewer requests: one
// query never asks the same URL twice (ServiceConnection's answer cache), and scans over many
// tasks use the step- and run-level lists the service has and Python never asks for.
// Quirks of the service handled here (shared/docs/metadata-service.md §3-§6): lists never 404 and
// come in no order (the object model sorts), 404 on one object means "does not exist", steps carry
// `run_number` as a string, children carry the run's tags, task ids come from one global sequence.
import HTTP
#if canImport(Glibc)
import Glibc
#endif

public final class ServiceMetadataProvider: MetadataProvider {
    let connection: ServiceConnection
    private let environment: [String: String]

    public init(settings: ServiceSettings, environment: [String: String]) {
        connection = ServiceConnection(settings: settings, environment: environment)
        self.environment = environment
    }

    /// A provider for the same service with a connection (and answer cache) of its own, for
    /// another thread: the shell's completion lists in the background with one.
    public func independentCopy() -> ServiceMetadataProvider {
        ServiceMetadataProvider(settings: connection.settings, environment: environment)
    }

    public var typeName: String { "service" }
    public var namedArtifactIsLatestAttempts: Bool { false }
    public var info: String { connection.settings.url }

    /// Requests sent so far (tests and benchmarks count them).
    public var requestsSent: Int { connection.requestsSent }

    /// Ctrl-C: asked while waiting on the network.
    public var isInterrupted: (() -> Bool)? {
        get { connection.http.isInterrupted }
        set { connection.http.isInterrupted = newValue }
    }

    /// Answers `GET /ping` with retries (Python's `compute_info`, run by `metadata(url)`); the error
    /// says the service is unreachable.
    public func checkReachable() throws {
        do {
            _ = try connection.serviceVersion()
        } catch is KeyboardInterruptError {
            throw KeyboardInterruptError()
        } catch {
            throw MetaflowError.generic("ValueError", "Metaflow service [\(info)] unreachable. (\(error))")
        }
    }

    // MARK: paths

    /// `/flows/F/runs/R/steps/S/tasks/T` for the components of `path`. An empty id stays an empty
    /// segment, as Python's `_obj_path` builds it (`'' in flow` asks `/flows/F/runs/`); nil for an
    /// empty flow name, which names nothing.
    static func objectPath(_ path: [String]) -> String? {
        guard path.first?.isEmpty == false else { return nil }
        let names = ["flows", "runs", "steps", "tasks", "artifacts"]
        var out = ""
        for (name, id) in zip(names, path) { out += "/" + name + "/" + percentEncoded(id) }
        return out
    }

    /// A path segment as URLs carry it: unreserved characters as they are, the rest %-encoded.
    static func percentEncoded(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                 UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out += "%"
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 15)])
            }
        }
        return out
    }

    private func list(_ path: String) throws -> [JSONValue] {
        guard let answer = try connection.get(path) else { return [] }  // lists never 404; a missing parent is []
        guard let items = answer.arrayValue else {
            throw ServiceConnection.serviceError(path, "the answer is not a list: \(ServiceConnection.preview(Array("\(answer)".utf8)))")
        }
        return items
    }

    /// Attempt-specific reads need service 2.0.6 (Python asks `/ping` once to know).
    private func requireAttemptGets() throws {
        guard let version = try connection.serviceVersion(), Self.version(version, atLeast: [2, 0, 6]) else {
            throw MetaflowError.generic("ServiceException",
                "Getting specific attempts of Tasks or Artifacts requires the metaflow service to be at least "
                + "version 2.0.6. Please upgrade your service")
        }
    }

    static func version(_ text: String, atLeast wanted: [Int]) -> Bool {
        let parts = text.split(separator: ".").map { Int($0.prefix { $0.isNumber }) ?? 0 }
        for (i, w) in wanted.enumerated() {
            let p = i < parts.count ? parts[i] : 0
            if p != w { return p > w }
        }
        return true
    }

    // MARK: MetadataProvider

    // MARK: finished runs

    /// A heartbeat this old means the runtime is gone (it beats every 10 s while it runs).
    static let quietSeconds = 120

    /// Runs whose status a scan asked in this process (a live run is not asked again and again).
    private var statusAsked: Set<[String]> = []

    public func wouldKeep(flow: String, run: String) -> Bool {
        guard let disk = connection.disk, !disk.isFinished(flow: Self.percentEncoded(flow), run: Self.percentEncoded(run)) else {
            return false
        }
        return statusAsked.insert([flow, run]).inserted
    }

    public func noteFinished(flow: String, run: String) {
        guard connection.disk != nil, let record = try? runRecord(flow, run) else { return }
        let beat = record["last_heartbeat_ts"]?.intValue ?? (record["ts_epoch"]?.intValue).map { $0 / 1000 }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        guard let beat, now.tv_sec - beat > Self.quietSeconds else { return }
        connection.markFinished(flow: Self.percentEncoded(flow), run: Self.percentEncoded(run))
    }

    /// The run's record: from the run list read moments ago when it holds it, else asked.
    func runRecord(_ flow: String, _ run: String) throws -> JSONValue? {
        guard let runPath = Self.objectPath([flow, run]) else { return nil }
        if case .some(.some(.array(let runs))) = connection.remembered(Self.objectPath([flow])! + "/runs"),
           let found = runs.first(where: { $0["run_number"].map { MetaflowObject.text($0) } == run }) {
            return found
        }
        return try connection.get(runPath)
    }

    /// Records kept on disk carry the tags of when they were kept: the run's current ones replace them.
    private func currentTags(_ records: [JSONValue], url: String, path: [String]) throws -> [JSONValue] {
        guard connection.servedFromDisk.contains(url), path.count >= 2, let run = try runRecord(path[0], path[1]) else {
            return records
        }
        return records.map { record in
            guard case .object(var members) = record else { return record }
            members.removeAll { $0.0 == "tags" || $0.0 == "system_tags" }
            members.append(("tags", run["tags"] ?? .null))
            members.append(("system_tags", run["system_tags"] ?? .null))
            return .object(members)
        }
    }

    // MARK: MetadataProvider

    public func object(_ kind: ObjectKind, _ path: [String], attempt: Int?) throws -> JSONValue? {
        guard kind != .root, path.count == kind.rawValue, var url = Self.objectPath(path) else { return nil }
        if attempt != nil && kind >= .task { try requireAttemptGets() }
        if kind == .artifact, let attempt { url += "/attempt/\(attempt)" }
        guard let answer = try connection.get(url) else { return nil }
        let record = kind > .run ? try currentTags([answer], url: url, path: path)[0] : answer
        guard case .object = record else {
            // What Python does with a path ending in an empty id: the service's answer there (a list)
            // counts as found. Anything else is not the record asked for.
            if path.last?.isEmpty == true { return .object([]) }
            throw ServiceConnection.serviceError(url, "the answer is not an object")
        }
        return record
    }

    public func children(of kind: ObjectKind, _ path: [String], anyTag: String?) throws -> [JSONValue] {
        guard let childKind = kind.child, childKind != .artifact else { return [] }
        let url: String
        switch kind {
        case .root: url = "/flows"
        default:
            guard let parent = Self.objectPath(path) else { return [] }
            url = parent + "/" + ["runs", "steps", "tasks"][kind.rawValue - 1]
        }
        let records = kind >= .run ? try currentTags(try list(url), url: url, path: path) : try list(url)
        guard let tag = anyTag else { return records }
        return records.filter { LocalMetadataProvider.hasTag($0, tag) }
    }

    public func artifacts(_ taskPath: [String], attempt: Int?, name: String?) throws -> [JSONValue] {
        guard let task = Self.objectPath(taskPath) else { return [] }
        if attempt != nil { try requireAttemptGets() }
        if let name, attempt == nil, Self.statusArtifacts.contains(name) {
            // `successful` and `finished` ask for both: the task's list answers both in one request.
            // Not found there (the latest attempt lacks it): asked by name, which searches every attempt.
            let listURL = task + "/artifacts"
            let found = try currentTags(try list(listURL), url: listURL, path: taskPath).filter { $0["name"]?.stringValue == name }
            if !found.isEmpty { return found }
        }
        if let name {
            var url = task + "/artifacts/" + Self.percentEncoded(name)
            if let attempt { url += "/attempt/\(attempt)" }
            return try currentTags(try connection.get(url).map { [$0] } ?? [], url: url, path: taskPath)
        }
        let url = attempt.map { task + "/attempt/\($0)/artifacts" } ?? task + "/artifacts"
        return try currentTags(try list(url), url: url, path: taskPath)
    }

    /// The artifacts a task's status reads, usually together.
    static let statusArtifacts: Set<String> = ["_success", "_task_ok"]

    public func metadata(_ taskPath: [String], attempt: Int?) throws -> [JSONValue] {
        guard let task = Self.objectPath(taskPath) else { return [] }
        let all = try list(task + "/metadata")
        guard let attempt else { return all }
        return LocalMetadataProvider.metadataForAttempt(all, attempt)
    }

    public func filterTasks(flow: String, run: String, step: String, field: String, pattern: String) throws -> [String] {
        guard let stepPath = Self.objectPath([flow, run, step]) else { return [] }
        var url = stepPath + "/filtered_tasks"
        if pattern != ".*" {
            // The service searches unanchored (PostgreSQL regexp_match); anchor it as Python does.
            url += "?metadata_field_name=" + Self.percentEncoded(field) + "&pattern=" + Self.percentEncoded("^(?:\(pattern))$")
        } else {
            url += "?"
        }
        guard let answer = try connection.get(url) else {
            throw MetaflowError.generic("MetaflowInternalError",
                "The version of metadata service deployed currently does not support filtering tasks by metadata. "
                + "Upgrade Metadata service to version 2.5.0 or greater to use this feature.")
        }
        return answer.arrayValue?.compactMap { $0.stringValue } ?? []
    }

    /// One artifact of many tasks: the step-level list (latest attempt of every task of the step,
    /// one request per step) instead of one request per task. A task whose latest attempt lacks the
    /// artifact is left to the lazy path, which asks for it by name (an older attempt may have it).
    public func prefetchArtifacts(_ name: String, of tasks: [(path: [String], attempt: Int?)]) -> [Prefetched] {
        // The step's list, indexed once by task id (the rows of `name` only): 200 tasks × 15
        // artifacts searched row by row for each task was most of a scan's time.
        var byStep: [String: [String: JSONValue]] = [:]
        var answers: [Prefetched] = []
        for task in tasks {
            guard task.attempt == nil, task.path.count == 4, let step = Self.objectPath(Array(task.path.prefix(3))) else {
                answers.append(.unknown); continue
            }
            if byStep[step] == nil {
                let rows = (try? currentTags(try list(step + "/artifacts"), url: step + "/artifacts", path: task.path)) ?? []
                var index: [String: JSONValue] = [:]
                for r in rows where r["name"]?.stringValue == name {
                    if let id = r["task_id"].map({ MetaflowObject.text($0) }) { index[id] = r }
                }
                byStep[step] = index
            }
            answers.append(byStep[step]?[task.path[3]].map { .found($0) } ?? .unknown)
        }
        return answers
    }

    /// Events of many tasks: the run-level metadata list (one request per run), split by task into
    /// the answers `metadata(task)` would get.
    public var readAheadTrustNanos: UInt64 { ServiceConnection.trustNanos }

    /// The lists in parallel into the answer cache; failures are left for the lazy path to report.
    public func prefetchChildren(of kind: ObjectKind, _ paths: [[String]]) {
        guard kind > .root, kind < .task else { return }
        let urls = paths.compactMap { Self.objectPath($0) }.map { $0 + "/" + ["runs", "steps", "tasks"][kind.rawValue - 1] }
        _ = connection.getMany(urls, keepingFailures: true)
    }

    /// Both in one round trip (the record's answer is then read from the answer cache).
    public func prefetchRecordAndChildren(_ kind: ObjectKind, _ path: [String]) {
        guard kind == .flow || kind == .step, path.count == kind.rawValue, let url = Self.objectPath(path) else { return }
        _ = connection.getMany([url, url + (kind == .flow ? "/runs" : "/tasks")], keepingFailures: true)
    }

    public func prefetchEvents(_ fields: Set<String>?, of tasks: [[String]]) {
        var runs: Set<[String]> = []
        for path in tasks where path.count == 4 { runs.insert(Array(path.prefix(2))) }
        for run in runs {
            guard let runPath = Self.objectPath(run), let rows = try? list(runPath + "/metadata") else { continue }
            let byTask = Self.eventsByTask(rows, runPath: runPath)
            // A task without a row has no events: that is an answer too.
            for path in tasks where Array(path.prefix(2)) == run {
                guard let task = Self.objectPath(path) else { continue }
                connection.remember(task + "/metadata", .array(byTask[task + "/metadata"] ?? []))
            }
        }
    }

    /// The run-level list (one request), whose rows also answer `metadata(task)` for its tasks.
    public func runEvents(flow: String, run: String) throws -> [JSONValue]? {
        guard let runPath = Self.objectPath([flow, run]) else { return [] }
        let rows = try list(runPath + "/metadata")
        for (url, events) in Self.eventsByTask(rows, runPath: runPath) { connection.remember(url, .array(events)) }
        return rows
    }

    /// A run's events split by task, keyed by the URL of the task's own metadata list.
    private static func eventsByTask(_ rows: [JSONValue], runPath: String) -> [String: [JSONValue]] {
        var byTask: [String: [JSONValue]] = [:]
        for row in rows {
            guard let step = row["step_name"]?.stringValue, let id = row["task_id"].map({ MetaflowObject.text($0) }) else {
                continue
            }
            byTask[runPath + "/steps/" + percentEncoded(step) + "/tasks/" + percentEncoded(id) + "/metadata", default: []].append(row)
        }
        return byTask
    }

    public func mutateUserTags(flow: String, run: String, remove: [String], add: [String]) throws -> [String] {
        guard let runPath = Self.objectPath([flow, run]) else { throw MetaflowError.notFound("Run('\(flow)/\(run)') does not exist") }
        guard let version = try connection.serviceVersion(), Self.version(version, atLeast: [2, 3, 0]) else {
            throw MetaflowError.generic("ServiceException",
                "Adding or removing tags on a run requires the Metaflow service to be at least version 2.3.0. "
                + "Please upgrade your service.")
        }
        func array(_ tags: [String]) -> String { "[" + tags.map(PythonText.jsonString).joined(separator: ", ") + "]" }
        let body = "{\"tags_to_add\": \(array(add)), \"tags_to_remove\": \(array(remove))}"
        var seen: Set<Int> = []
        var tries = 1
        while true {
            let r = try connection.send("PATCH", runPath + "/tag/mutate", json: body)
            seen.insert(r.status)
            if r.status < 300 {
                // The run and everything listing it show the new tags.
                connection.forget(prefix: "/flows/" + Self.percentEncoded(flow) + "/runs")
                guard case .object? = try? JSONParser.parse(r.body),
                      let tags = (try? JSONParser.parse(r.body))?["tags"]?.arrayValue else {
                    throw ServiceConnection.serviceError(runPath + "/tag/mutate", "the answer holds no tags")
                }
                return tags.compactMap { $0.stringValue }
            }
            if r.status == 400 || r.status == 422 {
                throw MetaflowError.tagging("Metadata service says: " + String(decoding: r.body, as: UTF8.self))
            }
            if tries >= 10 {
                throw MetaflowError.tagging(seen.contains(409)
                    ? "Tagging failed due to too many conflicting updates from other processes"
                    : "Tagging failed after \(tries) tries")
            }
            ServiceConnection.backoff(min(tries, 3))
            tries += 1
        }
    }
}
