// The `metaflow` module as scripts see it: `from metaflow import Flow, Run, namespace, ...`.
import MFSInterpreter
import MetaflowClient

package enum MetaflowModule {
    package static func members(_ c: ClientContext) -> [(String, Value)] {
        var out: [(String, Value)] = []
        func constructor<T: MetaflowObject>(_ type: T.Type) -> (String, Value) {
            let name = type.className
            let fn = c.interpreter.registerHostClass(name: name, module: "metaflow.client.core", doc: ClientDocs.text[name]) { args, kwargs in
                var pathspec: Value? = args.first
                var attempt: Value = args.count > 1 ? args[1] : .none
                var namespaceCheck = true
                for (k, v) in kwargs {
                    switch k {
                    case "pathspec": pathspec = v
                    case "attempt": attempt = v
                    case "_namespace_check": namespaceCheck = try c.interpreter.truthy(v)
                    default: throw PyException.typeError("\(name).__init__() got an unexpected keyword argument '\(k)'")
                    }
                }
                guard case .str(let p)? = pathspec else {
                    throw PyException.typeError("\(name)() needs a pathspec string")
                }
                var n: Int?
                switch attempt {
                case .none: n = nil
                case .int(let i): n = i
                case .str(let s):
                    guard let i = Int(s) else { throw c.pythonException(.notFound("Attempt can only be an integer")) }
                    n = i
                default: throw c.pythonException(.notFound("Attempt can only be an integer"))
                }
                do {
                    return try c.bridge { c.host(try type.init(pathspec: p, attempt: n, session: c.session, namespaceCheck: namespaceCheck)) }
                } catch let e as PyException {
                    if n == nil { c.noteLookup(e, pathspec: p) }
                    throw e
                }
            }
            return (name, fn)
        }
        out.append(constructor(Flow.self))
        out.append(constructor(Run.self))
        out.append(constructor(Step.self))
        out.append(constructor(Task.self))
        out.append(constructor(DataArtifact.self))
        out.append(("Metaflow", c.interpreter.registerHostClass(name: "Metaflow", module: "metaflow.client.core",
                                                                doc: ClientDocs.text["Metaflow"]) { _, _ in .host(MetaflowRootHost(c)) }))

        func optionalString(_ args: [Value], _ fn: String) throws -> String? {
            guard let first = args.first else { throw PyException.typeError("\(fn)() missing 1 required positional argument") }
            switch first {
            case .none: return nil
            case .str(let s): return s
            default: throw PyException.typeError("\(fn)() expects a string or None")
            }
        }
        out.append(("namespace", .newBuiltin("namespace") { args, _ in
            let ns = try optionalString(args, "namespace")
            return try c.bridge { try c.session.namespace(ns).map { .str($0) } ?? Value.none }
        }))
        out.append(("get_namespace", .newBuiltin("get_namespace") { _, _ in
            try c.bridge { try c.session.getNamespace().map { .str($0) } ?? Value.none }
        }))
        out.append(("default_namespace", .newBuiltin("default_namespace") { _, _ in
            try c.bridge { .str(try c.session.defaultNamespace()) }
        }))
        out.append(("metadata", .newBuiltin("metadata") { args, _ in
            guard let spec = try optionalString(args, "metadata") else { throw PyException.typeError("metadata() expects a string") }
            return try c.bridge { .str(try c.session.metadata(spec)) }
        }))
        out.append(("get_metadata", .newBuiltin("get_metadata") { _, _ in .str(c.session.getMetadata()) }))
        out.append(("default_metadata", .newBuiltin("default_metadata") { _, _ in
            try c.bridge { .str(try c.session.defaultMetadata()) }
        }))
        // Classes of objects scripts get but do not construct, named as Python names them.
        for (name, module) in [("MetaflowData", "metaflow.client.core"), ("MetaflowCode", "metaflow.client.core"),
                               ("Metadata", "metaflow.client.core"), ("MetaflowArtifacts", "metaflow.client.core"),
                               ("Trigger", "metaflow.events"), ("MetaflowEvent", "metaflow.events"), ("TarFile", "tarfile")] {
            c.interpreter.setHostClassModule(name: name, module: module)
        }
        for (name, _) in metaflowExceptionHierarchy {
            if let cls = c.exceptionClasses[name] { out.append((name, cls)) }
        }
        return out
    }
}

/// `Metaflow()`.
final class MetaflowRootHost: HostObject {
    unowned let context: ClientContext
    init(_ context: ClientContext) { self.context = context }

    var typeName: String { "Metaflow" }
    private var root: MetaflowRoot { MetaflowRoot(session: context.session) }

    func getAttribute(_ name: String) throws -> Value? {
        guard name == "flows" else { return nil }
        return try context.bridge { context.list(try root.flows()) }
    }
    var attributeNames: [String] { ["flows"] }
    func getItem(_ key: Value) throws -> Value {
        guard case .str(let name) = key else { throw PyException.keyError(key) }
        return try context.bridge { context.host(try root.flow(name)) }
    }
    func makeIterator() throws -> PyIterator {
        let flows = try context.bridge { try root.flows() }
        var i = 0
        let c = context
        return ClosureIterator("generator") { guard i < flows.count else { return nil }; defer { i += 1 }; return c.host(flows[i]) }
    }
    func repr() -> String { "Metaflow()" }
    func str() -> String { "Metaflow()" }
    var isTruthy: Bool { true }
    func equals(_ other: any HostObject) -> Bool { other is MetaflowRootHost }
    var hashValue: Int { 0 }
    var doc: String? { ClientDocs.text["Metaflow"] }
}

/// `run.code`.
final class MetaflowCodeHost: HostObject {
    let code: MetaflowCode
    unowned let context: ClientContext
    init(_ code: MetaflowCode, context: ClientContext) { self.code = code; self.context = context }

    var typeName: String { "MetaflowCode" }
    func getAttribute(_ name: String) throws -> Value? {
        let c = context
        switch name {
        case "path": return .str(code.path)
        case "script_name": return .str(code.scriptName)
        case "info": return try c.value(code.info)
        case "flowspec": return .bytes(code.flowspec)
        case "tarball": return .host(TarballHost(try c.bridge { try code.memberNames() }))
        case "extract":
            return .newBuiltin("extract") { _, _ in
                .host(TemporaryDirectoryHost(try c.bridge { try self.code.extract() }))
            }
        default: return nil
        }
    }
    var attributeNames: [String] { ["extract", "flowspec", "info", "path", "script_name", "tarball"] }
    func repr() -> String { "<MetaflowCode: \(code.scriptName)>" }
    func str() -> String { repr() }
    var isTruthy: Bool { true }
    func equals(_ other: any HostObject) -> Bool { other === self }
    var hashValue: Int { code.sha.hashValue }
    var doc: String? { ClientDocs.text["MetaflowCode"] }
}

/// `code.tarball`: the member names of the package, as a read-only stand-in for tarfile.TarFile.
final class TarballHost: HostObject {
    let names: [String]
    init(_ names: [String]) { self.names = names }
    var typeName: String { "TarFile" }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "getnames": return .newBuiltin(name) { [names] _, _ in .newList(names.map { .str($0) }) }
        default: return nil
        }
    }
    var attributeNames: [String] { ["getnames"] }
    func makeIterator() throws -> PyIterator {
        var i = 0
        let n = names
        return ClosureIterator("iterator") { guard i < n.count else { return nil }; defer { i += 1 }; return .str(n[i]) }
    }
    func repr() -> String { "<tarfile.TarFile object>" }
    func str() -> String { repr() }
    var isTruthy: Bool { true }
    func equals(_ other: any HostObject) -> Bool { other === self }
    var hashValue: Int { ObjectIdentifier(self).hashValue }
    var doc: String? { "The code package archive: getnames() lists its members." }
}
