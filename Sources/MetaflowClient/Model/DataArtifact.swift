// DataArtifact (client/core.py) and how `.data` is found: registration → content-addressed blob
// → decompress → decode the pickle (never executed).
import Pickle

public final class DataArtifact: MetaflowObject {
    override public class var className: String { "DataArtifact" }
    override class var objectKind: ObjectKind { .artifact }
    override class var pathspecShape: String { "FlowName/RunID/StepName/TaskID/ArtifactName" }
    override class var parentClass: MetaflowObject.Type? { Task.self }

    public var sha: String { record["sha"]?.stringValue ?? "" }
    public var contentType: String { Self.contentType(of: record) }
    static func contentType(of registration: JSONValue) -> String {
        registration["content_type"]?.stringValue ?? "gzip+pickle-v2"
    }
    public var finishedAtMillis: Int { createdAtMillis }

    /// The writer's datastore root from `location` (`:root:<abs path>`), when recorded so.
    var recordedRoot: String? { Self.recordedRoot(of: record) }

    static func recordedRoot(of registration: JSONValue) -> String? {
        guard let loc = registration["location"]?.stringValue else { return nil }
        if loc.hasPrefix(":root:") { return String(loc.dropFirst(6)) }
        // Older writers recorded the blob's whole URL: `s3://bucket/prefix/<Flow>/data/xx/<sha>`.
        if loc.hasPrefix("s3://") {
            let parts = loc.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count > 6, parts[parts.count - 3] == "data" { return parts.dropLast(4).joined(separator: "/") }
        }
        return nil
    }

    /// The artifact's serialized bytes (the pickle), read once per session for small blobs.
    public func serializedBytes() throws -> [UInt8] {
        let flow = pathComponents[0]
        let key = flow + "/" + sha
        if let cached = session.blobs.get(key) { return cached }
        if let loc = record["location"]?.stringValue, !loc.hasPrefix(":root:"), !loc.isEmpty, !loc.hasPrefix("/"),
           recordedRoot == nil {
            throw MetaflowError.data("Artifact \(pathspec) is stored at '\(loc)', which this mfsh build cannot read yet")
        }
        let reporter = session.progress
        let label = "loading \(pathspec)"
        defer { reporter?.finish() }
        var bytes = try session.datastore.loadBlob(flow: flow, sha: sha, recordedRoot: recordedRoot,
                                                   expectedSize: { [self] in recordedSize() },
                                                   progress: reporter.map { r in { r.report(label, done: $0, total: $1, bytes: true) } })
        bytes = try Self.unwrapLegacy(bytes, contentType: contentType, name: pathspec)
        session.blobs.put(key, bytes)
        return bytes
    }

    /// The serialized size the writer recorded in the task's `<attempt>.data.json`
    /// (`info[name].size`), when that file lists this very blob for the name.
    func recordedSize() -> Int? {
        let c = pathComponents
        guard c.count == 5, let attemptID = record["attempt_id"]?.intValue,
              let bytes = try? session.datastore.taskFile(recordedRoot: recordedRoot, path: Array(c[0..<4]),
                                                          name: "\(attemptID).data.json"),
              let json = try? JSONParser.parse(bytes),
              json["objects"]?[id]?.stringValue == sha else { return nil }
        return json["info"]?[id]?["size"]?.intValue
    }

    /// Legacy encodings wrap the pickle in another gzip layer.
    static func unwrapLegacy(_ bytes: [UInt8], contentType: String, name: String) throws -> [UInt8] {
        guard contentType.hasPrefix("gzip+") && Gzip.isGzip(bytes) else { return bytes }
        return try Gzip.decompress(bytes, name: name)
    }

    /// The decoded value. Unknown encodings fail as Python's client does.
    public func data() throws -> PickleValue {
        let encoding = contentType
        guard ["pickle-v2", "pickle-v4", "gzip+pickle-v2", "gzip+pickle-v4"].contains(encoding) else {
            throw MetaflowError.data("No deserializer claimed artifact '\(id)' (encoding: \(encoding), serializer_info: {}).")
        }
        let bytes = try serializedBytes()
        do {
            return try unpickle(bytes, reconstructors: session.pickleReconstructors)
        } catch {
            throw MetaflowError(type: "UnpicklingError", message: "artifact \(pathspec): \(error)")
        }
    }

    /// Size of the serialized artifact, from the attempt's `data.json` (as Python's client does:
    /// the latest started attempt, which must be done).
    public var size: Int {
        get throws {
            guard let task = try parent as? Task else { throw MetaflowError.data("no task for \(pathspec)") }
            let c = pathComponents
            let md = try task.metadataDict()
            let recorded = md["ds-root"]?.stringValue
            let taskPath = Array(c.prefix(4))
            var attemptToRead = attempt
            if attemptToRead == nil {
                // Upward, stopping at the first gap after an attempt, as Python's TaskDataStore walks
                // (attempts are numbered without gaps): two checks for a task run once, not six.
                for a in 0..<MetaflowObject.maxAttempts {
                    if session.datastore.hasTaskFile(recordedRoot: recorded, path: taskPath, name: "\(a).attempt.json") {
                        attemptToRead = a
                    } else if attemptToRead != nil {
                        break
                    }
                }
            }
            guard let a = attemptToRead,
                  session.datastore.hasTaskFile(recordedRoot: recorded, path: taskPath, name: "\(a).DONE.lock"),
                  let bytes = try session.datastore.taskFile(recordedRoot: recorded, path: taskPath, name: "\(a).data.json") else {
                throw MetaflowError.data("No completed attempts of the task was found for task '\(taskPath.joined(separator: "/"))'")
            }
            let index: JSONValue
            do { index = try JSONParser.parse(bytes) } catch {
                throw MetaflowError.data("corrupt \(a).data.json of \(taskPath.joined(separator: "/")): \(error)")
            }
            guard let n = index["info"]?[id]?["size"]?.intValue else { throw MetaflowError.keyError(id) }
            return n
        }
    }
}

extension PickleValue {
    /// Python truthiness for the values Metaflow's status artifacts hold.
    public var truthy: Bool {
        switch self {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .list(let l): return l.count > 0
        case .tuple(let t): return t.count > 0
        case .dict(let d): return d.count > 0
        default: return true
        }
    }

    var stringValue: String? { if case .string(let s) = self { return s }; return nil }
}

/// The parts of the `_graph_info` artifact the client (and the shell's pictures of a run) need.
package struct GraphInfo {
    package struct Node {
        package let name: String
        /// Metaflow's node type: start, linear, split-static, split-foreach, split-parallel,
        /// split-switch, join, end.
        package let type: String
        package let next: [String]
        package let foreachArtifact: String?
        package let matchingJoin: String?

        package init(name: String, type: String, next: [String], foreachArtifact: String? = nil, matchingJoin: String? = nil) {
            self.name = name
            self.type = type
            self.next = next
            self.foreachArtifact = foreachArtifact
            self.matchingJoin = matchingJoin
        }
    }
    /// `graph_structure`: the steps in order, a split's branches nested as lists of blocks (what
    /// Metaflow's UI lays the graph out from).
    package indirect enum Block: Equatable {
        case step(String)
        case split([[Block]])
    }
    package let steps: [Node]
    package let startStep: String
    package let endStep: String
    /// Absent in graphs written by Metaflow versions without `graph_structure`.
    package let structure: [Block]?

    package init(steps: [Node], startStep: String = "start", endStep: String = "end", structure: [Block]?) {
        self.steps = steps
        self.startStep = startStep
        self.endStep = endStep
        self.structure = structure
    }

    package init?(_ v: PickleValue) {
        guard case .dict(let d) = v, case .dict(let stepsDict)? = d[string: "steps"] else { return nil }
        var nodes: [Node] = []
        for (k, value) in stepsDict.entries {
            guard let name = k.stringValue, case .dict(let attrs) = value else { return nil }
            var next: [String] = []
            if case .list(let l)? = attrs[string: "next"] { next = l.items.compactMap { $0.stringValue } }
            nodes.append(Node(name: name, type: attrs[string: "type"]?.stringValue ?? "", next: next,
                              foreachArtifact: attrs[string: "foreach_artifact"]?.stringValue,
                              matchingJoin: attrs[string: "matching_join"]?.stringValue))
        }
        steps = nodes
        startStep = d[string: "start_step"]?.stringValue ?? "start"
        endStep = d[string: "end_step"]?.stringValue ?? "end"
        if case .list(let l)? = d[string: "graph_structure"] { structure = Self.blocks(l.items, depth: 0) } else { structure = nil }
    }

    /// A list of `graph_structure` items; nil when its shape is not the one Metaflow writes.
    private static func blocks(_ items: [PickleValue], depth: Int) -> [Block]? {
        guard depth < 64 else { return nil }
        var out: [Block] = []
        for item in items {
            if let name = item.stringValue { out.append(.step(name)); continue }
            guard case .list(let branches) = item else { return nil }
            var lists: [[Block]] = []
            for b in branches.items {
                guard case .list(let inner) = b, let blocks = blocks(inner.items, depth: depth + 1) else { return nil }
                lists.append(blocks)
            }
            out.append(.split(lists))
        }
        return out
    }

    package func step(_ name: String) -> Node? { steps.first { $0.name == name } }
    func previousSteps(of name: String) -> [String] { steps.filter { $0.next.contains(name) }.map { $0.name } }
}
