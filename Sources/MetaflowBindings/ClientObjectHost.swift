// Flow, Run, Step, Task and DataArtifact as language objects, under their Python names and
// attributes (client/core.py). Every client call goes through `context.bridge`, so errors are
// the Python client's exceptions.
import MFSInterpreter
import MetaflowClient

/// What code outside the bindings may ask of a host value about the client, without knowing the hosts.
package enum ClientHosts {
    /// The Flow, Run, Step, Task or DataArtifact a host value stands for, if it is one.
    package static func object(of h: any HostObject) -> MetaflowObject? { (h as? ClientObjectHost)?.object }
    /// Whether a host value is `Metaflow()`.
    package static func isMetaflowRoot(_ h: any HostObject) -> Bool { h is MetaflowRootHost }
}

class ClientObjectHost: HostObject {
    let object: MetaflowObject
    unowned let context: ClientContext

    init(_ object: MetaflowObject, context: ClientContext) {
        self.object = object
        self.context = context
    }

    static func make(_ object: MetaflowObject, context: ClientContext) -> ClientObjectHost {
        switch object {
        case let t as Task: return TaskHost(t, context: context)
        case let r as Run: return RunHost(r, context: context)
        case let f as Flow: return FlowHost(f, context: context)
        case let s as Step: return StepHost(s, context: context)
        case let a as DataArtifact: return DataArtifactHost(a, context: context)
        default: return ClientObjectHost(object, context: context)
        }
    }

    var typeName: String { type(of: object).className }
    func repr() -> String { object.description }
    func str() -> String { object.description }
    var isTruthy: Bool { true }
    var doc: String? { ClientDocs.text[typeName] }

    /// Python's client objects have no `__eq__`: equality is identity (of the client object, which
    /// may be wrapped more than once, e.g. `trigger.run` twice).
    func equals(_ other: any HostObject) -> Bool {
        guard let o = other as? ClientObjectHost else { return false }
        return o.object === object
    }
    var hashValue: Int { ObjectIdentifier(object).hashValue }

    /// Attributes every MetaflowObject has.
    class var commonAttributes: [String] {
        ["created_at", "id", "is_in_namespace", "origin_pathspec", "parent", "path_components",
         "pathspec", "system_tags", "tags", "user_tags"]
    }
    class var ownAttributes: [String] { [] }
    var attributeNames: [String] { (Self.commonAttributes + Self.ownAttributes).sorted() }

    func getAttribute(_ name: String) throws -> Value? {
        let c = context
        return try c.bridge { () throws -> Value? in
            switch name {
            case "id": return .str(object.id)
            case "pathspec": return .str(object.pathspec)
            case "path_components": return .newList(object.pathComponents.map { .str($0) })
            case "parent": return c.host(try object.parent)
            case "tags": return try c.frozenset(object.tags)
            case "user_tags": return try c.frozenset(object.userTags)
            case "system_tags": return try c.frozenset(object.systemTags)
            case "created_at": return c.datetime(millis: object.createdAtMillis)
            case "is_in_namespace":
                return method(name) { _, _ in .bool(try self.object.isInCurrentNamespace()) }
            default: return try attribute(name)
            }
        }
    }

    /// Class-specific attributes; nil → AttributeError.
    func attribute(_ name: String) throws -> Value? { nil }

    /// A method of the object; `__doc__` and help() give what Python's client gives for it.
    func method(_ name: String, _ body: @escaping ([Value], [(String, Value)]) throws -> Value) -> Value {
        let c = context
        let entry = ClientMethodDocs.entries[typeName + "." + name]
        let builtin = PyBuiltin(name: name, doc: entry?.doc) { args, kwargs in try c.bridge { try body(args, kwargs) } }
        builtin.helpText = entry?.help
        return .builtin(builtin)
    }

    static func stringArgs(_ args: [Value], _ fn: String) throws -> [String] {
        try args.map {
            guard case .str(let s) = $0 else { throw PyException.typeError("\(fn)() arguments must be strings") }
            return s
        }
    }

    // Children: iteration, obj[id], id in obj.
    func getItem(_ key: Value) throws -> Value {
        guard case .str(let id) = key else { throw PyException.keyError(key) }
        do {
            return try context.bridge { context.host(try object.child(id)) }
        } catch let e as PyException {
            context.noteChildLookup(e, parent: object, id: id)
            throw e
        }
    }

    func contains(_ v: Value) throws -> Bool {
        guard case .str(let id) = v else { return false }
        return try context.bridge { try object.hasChild(id) }
    }

    func makeIterator() throws -> PyIterator {
        let kids = try context.bridge { try object.children() }
        return context.iteratorObject("generator", kids, of: object)
    }

    func length() throws -> Int { throw PyException.typeError("object of type '\(typeName)' has no len()") }
}

final class FlowHost: ClientObjectHost {
    let flow: Flow
    init(_ flow: Flow, context: ClientContext) { self.flow = flow; super.init(flow, context: context) }
    override class var ownAttributes: [String] { ["latest_run", "latest_successful_run", "runs"] }

    override func attribute(_ name: String) throws -> Value? {
        switch name {
        case "latest_run": return context.host(try flow.latestRun)
        case "latest_successful_run": return context.host(try flow.latestSuccessfulRun)
        case "runs":
            return method(name) { args, _ in
                self.context.iterator("generator", try self.flow.runs(try Self.stringArgs(args, "runs")), of: self.flow)
            }
        default: return nil
        }
    }
}

final class RunHost: ClientObjectHost {
    let run: Run
    init(_ run: Run, context: ClientContext) { self.run = run; super.init(run, context: context) }
    override class var ownAttributes: [String] {
        ["add_tag", "add_tags", "code", "data", "end_task", "finished", "finished_at", "remove_tag",
         "remove_tags", "replace_tag", "replace_tags", "steps", "successful", "trigger"]
    }

    override func attribute(_ name: String) throws -> Value? {
        let c = context
        switch name {
        case "successful": return .bool(try run.successful)
        case "finished": return .bool(try run.finished)
        case "finished_at": return try run.finishedAtMillis.map { c.datetime(millis: $0) } ?? Value.none
        case "end_task": return c.host(try run.endTask)
        case "data":
            guard let end = try run.endTask else { return Value.none }
            return .host(MetaflowDataHost(end, context: c))
        case "origin_pathspec": return try run.originPathspec.map { .str($0) } ?? Value.none
        case "code": return try run.code.map { .host(MetaflowCodeHost($0, context: c)) } ?? Value.none
        case "trigger": return try run.triggerEvents.map { .host(TriggerHost($0, context: c)) } ?? Value.none
        case "steps":
            return method(name) { args, _ in c.iterator("generator", try self.run.steps(try Self.stringArgs(args, "steps")), of: self.run) }
        case "add_tag", "add_tags", "remove_tag", "remove_tags", "replace_tag", "replace_tags":
            return method(name) { args, kwargs in
                let params: [String] = name.hasPrefix("replace") ? ["tag_to_remove", "tag_to_add"]
                    : [name.hasSuffix("s") ? "tags" : "tag"]
                let values = try Self.bind(args, kwargs, params, function: name)
                // Python's wrappers: the singular forms (and replace_tag) turn one string into a list.
                let one = { (v: Value) -> Value in Self.isStringish(v) ? .newList([v]) : v }
                switch name {
                case "add_tag", "add_tags": try self.mutateTags(remove: .newList([]), add: one(values[0]))
                case "remove_tag": try self.mutateTags(remove: one(values[0]), add: .newList([]))
                case "remove_tags": try self.mutateTags(remove: values[0], add: .newList([]))
                case "replace_tag": try self.mutateTags(remove: one(values[0]), add: one(values[1]))
                default: try self.mutateTags(remove: values[0], add: values[1])
                }
                return .none
            }
        default: return nil
        }
    }
}

extension RunHost {
    /// Positional/keyword arguments bound to parameter names, all required.
    static func bind(_ args: [Value], _ kwargs: [(String, Value)], _ params: [String], function: String) throws -> [Value] {
        var out: [Value?] = params.map { _ in nil }
        if args.count > params.count {
            throw PyException.typeError("Run.\(function)() takes \(params.count + 1) positional arguments but \(args.count + 1) were given")
        }
        for (i, a) in args.enumerated() { out[i] = a }
        for (k, v) in kwargs {
            guard let i = params.firstIndex(of: k) else {
                throw PyException.typeError("Run.\(function)() got an unexpected keyword argument '\(k)'")
            }
            out[i] = v
        }
        return try out.enumerated().map { i, v in
            guard let v else { throw PyException.typeError("Run.\(function)() missing 1 required positional argument: '\(params[i])'") }
            return v
        }
    }

    static func isStringish(_ v: Value) -> Bool {
        switch v {
        case .str, .bytes: return true
        default: return false
        }
    }

    /// `mutate_user_tags_for_run`'s checks, in Python's order, on any iterables of tags.
    func mutateTags(remove: Value, add: Value) throws {
        let interp = context.interpreter
        if try !interp.truthy(add) && !interp.truthy(remove) {
            throw MetaflowError.tagging("Must add or remove at least one tag")
        }
        if Self.isStringish(add) { throw MetaflowError.tagging("tags_to_add may not be a string") }
        if Self.isStringish(remove) { throw MetaflowError.tagging("tags_to_remove may not be a string") }
        if !interp.isIterable(add) { throw MetaflowError.tagging("tags_to_add must be iterable") }
        if !interp.isIterable(remove) { throw MetaflowError.tagging("tags_to_remove must be iterable") }
        let addItems = try interp.iterateAll(add), removeItems = try interp.iterateAll(remove)
        for t in addItems + removeItems { try Self.validateTag(t) }
        // Python validates by iterating, then builds its sets from the same objects: a generator
        // is empty by then, so its tags are silently not applied.
        let adds = interp.isOneShotIterator(add) ? [] : addItems
        let removes = interp.isOneShotIterator(remove) ? [] : removeItems
        var addTags: [String] = [], removeTags: [String] = []
        for t in adds {
            switch t {
            case .str(let s): addTags.append(s)
            default:
                // A bytes tag passes validation, then the local provider's json.dump fails on it.
                throw PyException.typeError("Object of type bytes is not JSON serializable")
            }
        }
        for case .str(let s) in removes { removeTags.append(s) }
        if addTags.isEmpty && removeTags.isEmpty { return }
        try context.bridge { try run.replaceTags(remove: removeTags, add: addTags) }
    }

    /// `tagging_util.validate_tag`.
    static func validateTag(_ v: Value) throws {
        let length: Int
        switch v {
        case .str(let s): length = s.unicodeScalars.count
        case .bytes(let b):
            if String(validating: b, as: UTF8.self) == nil { throw MetaflowError.tagging("Tags must be UTF-8 decodable") }
            length = b.count
        default:
            // Python's own message here cannot even be printed (its str() raises TypeError).
            throw MetaflowError.tagging("Tags must be some kind of string (bytes or unicode), got <class '\(v.typeName)'>")
        }
        if length == 0 { throw MetaflowError.tagging("Tags must not be empty string") }
        if length > TagRules.maxTagLength { throw MetaflowError.tagging("Tag is too long \(length) > \(TagRules.maxTagLength)") }
    }
}

final class StepHost: ClientObjectHost {
    let step: Step
    init(_ step: Step, context: ClientContext) { self.step = step; super.init(step, context: context) }
    override class var ownAttributes: [String] {
        ["child_steps", "control_task", "control_tasks", "environment_info", "finished_at", "parent_steps", "task", "tasks"]
    }

    override func attribute(_ name: String) throws -> Value? {
        let c = context
        switch name {
        case "task": return c.host(try step.task)
        case "tasks":
            return method(name) { args, _ in c.iterator("generator", try self.step.tasks(try Self.stringArgs(args, "tasks")), of: self.step) }
        case "control_task": return c.host(try step.controlTasks().first)
        case "control_tasks":
            return method(name) { args, _ in c.iterator("generator", try self.step.controlTasks(try Self.stringArgs(args, "control_tasks"))) }
        case "finished_at": return try step.finishedAtMillis.map { c.datetime(millis: $0) } ?? Value.none
        case "parent_steps": return c.iterator("generator", try step.parentSteps)
        case "child_steps": return c.iterator("generator", try step.childSteps)
        case "environment_info": return try c.value(step.environmentInfo)
        default: return nil
        }
    }
}

final class DataArtifactHost: ClientObjectHost {
    let artifact: DataArtifact
    init(_ artifact: DataArtifact, context: ClientContext) { self.artifact = artifact; super.init(artifact, context: context) }
    override class var ownAttributes: [String] { ["data", "finished_at", "sha", "size"] }

    override func attribute(_ name: String) throws -> Value? {
        let c = context
        switch name {
        case "data": return try c.pythonValue(artifact.data())
        case "sha": return .str(artifact.sha)
        case "size": return .int(try artifact.size)
        case "finished_at": return c.datetime(millis: artifact.finishedAtMillis)
        default: return nil
        }
    }
}
