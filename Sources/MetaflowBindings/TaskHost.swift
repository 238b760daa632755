// Task, MetaflowData (`task.data`) and Metadata entries as language objects.
import MFSInterpreter
import MetaflowClient

final class TaskHost: ClientObjectHost {
    let task: Task
    init(_ task: Task, context: ClientContext) { self.task = task; super.init(task, context: context) }

    override class var ownAttributes: [String] {
        ["artifacts", "child_task_pathspecs", "child_tasks", "code", "current_attempt", "data",
         "environment_info", "exception", "finished", "finished_at", "index", "loglines", "metadata",
         "metadata_dict", "parent_task_pathspecs", "parent_tasks", "runtime_name", "stderr",
         "stderr_size", "stdout", "stdout_size", "successful"]
    }

    override func attribute(_ name: String) throws -> Value? {
        let c = context
        switch name {
        case "data": return .host(MetaflowDataHost(task, context: c))
        case "artifacts": return .host(ArtifactsTupleHost(try task.artifacts, context: c))
        case "successful": return .bool(try task.successful)
        case "finished": return .bool(try task.finished)
        case "exception": return try task.exception.map { try c.pythonValue($0) } ?? Value.none
        case "finished_at": return try task.finishedAtMillis.map { c.datetime(millis: $0) } ?? Value.none
        case "index": return try task.index.map { .int($0) } ?? Value.none
        case "runtime_name": return task.runtimeName.map { .str($0) } ?? Value.none
        case "current_attempt": return .int(try task.currentAttempt)
        case "origin_pathspec": return try task.originPathspec.map { .str($0) } ?? Value.none
        case "metadata":
            // Metadata(name, value, created_at, type, task); created_at is raw int milliseconds.
            return .newList(try task.metadata().map { e in
                .host(NamedTupleHost("Metadata", ["name", "value", "created_at", "type", "task"],
                                     [.str(e.name), try c.value(e.value), .int(e.createdAt), e.type.map { .str($0) } ?? Value.none, .host(self)],
                                     interpreter: c.interpreter))
            })
        case "metadata_dict":
            return try .newDict(try task.metadataDictOrdered().map { (.str($0.0), try c.value($0.1)) })
        case "stdout": return .str(try task.log("stdout"))
        case "stderr": return .str(try task.log("stderr"))
        case "stdout_size": return .int(try task.logSize("stdout"))
        case "stderr_size": return .int(try task.logSize("stderr"))
        case "loglines":
            return method(name) { args, kwargs in
                var stream: Value? = args.first
                for (k, v) in kwargs where k == "stream" { stream = v }
                guard case .str(let s)? = stream else { throw PyException.typeError("loglines() missing 1 required positional argument: 'stream'") }
                return c.generator(try self.task.logLines(s).map { line in
                    .tuple([line.utcTimestamp.map { c.interpreter.naiveDatetime(isoFormat: $0) ?? Value.none } ?? Value.none, .str(line.message)])
                })
            }
        case "parent_task_pathspecs": return c.generator(try task.parentTaskPathspecs.map { .str($0) })
        case "child_task_pathspecs": return c.generator(try task.childTaskPathspecs.map { .str($0) })
        case "parent_tasks": return c.iterator("generator", try task.parentTasks)
        case "child_tasks": return c.iterator("generator", try task.childTasks)
        case "code": return try task.code.map { .host(MetaflowCodeHost($0, context: c)) } ?? Value.none
        case "environment_info": return try c.value(task.environmentInfo)
        default: return nil
        }
    }
}

/// `task.data`: attribute access loads the artifact; public artifacts only.
final class MetaflowDataHost: HostObject {
    let task: Task
    unowned let context: ClientContext
    init(_ task: Task, context: ClientContext) { self.task = task; self.context = context }

    var typeName: String { "MetaflowData" }

    private func names() throws -> [String] { try context.bridge { try task.artifacts.map { $0.id } } }

    func getAttribute(_ name: String) throws -> Value? {
        let c = context
        return try c.bridge {
            guard let a = try task.publicArtifact(name) else { throw MetaflowError.attributeError(name) }
            return try c.pythonValue(a.data())
        }
    }
    /// What `dir(task.data)` shows in Python: the object's own dunders and `_artifacts`, then the
    /// artifact names (its `__dir__` adds them), sorted by `dir()`.
    var attributeNames: [String] { Self.pythonObjectAttributes + ((try? names()) ?? []) }
    static let pythonObjectAttributes = [
        "__class__", "__contains__", "__delattr__", "__dict__", "__dir__", "__doc__", "__eq__", "__format__",
        "__ge__", "__getattr__", "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__",
        "__init_subclass__", "__le__", "__lt__", "__module__", "__ne__", "__new__", "__reduce__", "__reduce_ex__",
        "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__", "__weakref__", "_artifacts",
    ]
    func contains(_ v: Value) throws -> Bool {
        guard case .str(let s) = v else { return false }
        return try context.bridge { try task.publicArtifact(s) != nil }
    }
    func repr() -> String { "<MetaflowData: \(((try? names()) ?? []).joined(separator: ", "))>" }
    func str() -> String { repr() }
    var isTruthy: Bool { true }
    func equals(_ other: any HostObject) -> Bool { other === self }
    var hashValue: Int { ObjectIdentifier(self).hashValue }
    var doc: String? { "The artifacts of \(task.pathspec): read one with `.name`; `dir()` lists them." }
}

/// `task.artifacts`: a namedtuple of the public DataArtifacts, by name.
final class ArtifactsTupleHost: HostObject {
    let artifacts: [DataArtifact]
    unowned let context: ClientContext
    init(_ artifacts: [DataArtifact], context: ClientContext) { self.artifacts = artifacts; self.context = context }

    var typeName: String { "MetaflowArtifacts" }
    func getAttribute(_ name: String) throws -> Value? {
        if name == "_fields" { return .tuple(artifacts.map { .str($0.id) }) }
        return artifacts.first { $0.id == name }.map { context.host($0) }
    }
    var attributeNames: [String] { artifacts.map { $0.id } }
    func getItem(_ key: Value) throws -> Value {
        guard case .int(let i) = key else { throw PyException.typeError("tuple indices must be integers or slices, not \(key.typeName)") }
        let j = i < 0 ? i + artifacts.count : i
        guard j >= 0, j < artifacts.count else { throw PyException.indexError("tuple index out of range") }
        return context.host(artifacts[j])
    }
    func makeIterator() throws -> PyIterator {
        var i = 0
        let c = context, a = artifacts
        return ClosureIterator("tuple_iterator") { guard i < a.count else { return nil }; defer { i += 1 }; return c.host(a[i]) }
    }
    func length() throws -> Int { artifacts.count }
    func repr() -> String {
        "MetaflowArtifacts(" + artifacts.map { "\($0.id)=\($0.description)" }.joined(separator: ", ") + ")"
    }
    func str() -> String { repr() }
    var isTruthy: Bool { !artifacts.isEmpty }
    func equals(_ other: any HostObject) -> Bool { other === self }
    var hashValue: Int { ObjectIdentifier(self).hashValue }
    var doc: String? { nil }
}
