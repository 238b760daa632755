// The base of Flow, Run, Step, Task and DataArtifact, following client/core.py's MetaflowObject:
// direct construction by pathspec (with validation, not-found and namespace checks), children
// listed newest first, `obj[id]`, `id in obj`, tags taken from the run.

public class MetaflowObject: CustomStringConvertible {
    public let session: ClientSession
    public let kind: ObjectKind
    /// The provider's record (`_self.json` contents, or the artifact registration).
    public let record: JSONValue
    public let id: String
    public let pathspec: String
    public let attempt: Int?
    /// The namespace that was current when this object was made (objects remember it).
    public let namespace: String?
    public let namespaceCheck: Bool
    private var cachedParent: MetaflowObject?

    public static let maxAttempts = 6

    /// Python class name (`Run`, `DataArtifact`).
    public class var className: String { "MetaflowObject" }

    /// Direct construction: `Run('F/123')`, `Task('F/1/s/2', attempt=1)`.
    public required init(pathspec: String, attempt: Int? = nil, session: ClientSession,
                         namespaceCheck: Bool = true) throws {
        let kind = Self.objectKind
        let ns = try session.getNamespace()
        let checked = namespaceCheck && ns != nil
        try Self.validateAttempt(attempt, kind: kind)
        let ids = pathspec.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let expected = kind.rawValue
        if ids.count != expected {
            throw MetaflowError.invalidPathspec("Expects \(Self.className)('\(Self.pathspecShape)')")
        }
        let shown = attempt.map { "\(Self.className)('\(pathspec)', attempt=\($0))" } ?? "\(Self.className)('\(pathspec)')"
        if kind == .flow || kind == .step { session.provider.prefetchRecordAndChildren(kind, ids) }
        guard let rec = try session.provider.object(kind, ids, attempt: attempt) else {
            throw MetaflowError.notFound("\(shown) does not exist")
        }
        self.session = session
        self.kind = kind
        self.record = rec
        self.id = ids.last ?? pathspec
        self.pathspec = pathspec
        self.attempt = attempt
        self.namespace = ns
        self.namespaceCheck = checked
        if checked, let ns, !(try isInNamespace(ns)) {
            throw MetaflowError.namespaceMismatch(ns)
        }
    }

    /// A child made from a listing record (no namespace check: the listing filtered already).
    required convenience init(record: JSONValue, parent: MetaflowObject?, attempt: Int?, session: ClientSession,
                              namespace: String?, namespaceCheck: Bool) {
        self.init(record: record, parentPathspec: parent?.pathspec, attempt: attempt, session: session,
                  namespace: namespace, namespaceCheck: namespaceCheck)
        cachedParent = parent
    }

    /// A child made from a listing record whose parent object was not made (its record not read):
    /// `parent` reads it when asked.
    init(record: JSONValue, parentPathspec: String?, attempt: Int?, session: ClientSession,
         namespace: String?, namespaceCheck: Bool) {
        let kind = Self.objectKind
        self.session = session
        self.kind = kind
        self.record = record
        let id = record[kind.idField ?? "name"].map(Self.text) ?? ""
        self.id = id
        self.pathspec = parentPathspec.map { $0 + "/" + id } ?? id
        self.attempt = attempt
        self.namespace = namespace
        self.namespaceCheck = namespaceCheck && namespace != nil
    }

    class var objectKind: ObjectKind { .root }
    class var pathspecShape: String { "" }
    class var childClass: MetaflowObject.Type? { nil }
    class var parentClass: MetaflowObject.Type? { nil }

    static func text(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        default: return ""
        }
    }

    static func validateAttempt(_ attempt: Int?, kind: ObjectKind) throws {
        guard let attempt else { return }
        if kind != .task && kind != .artifact {
            throw MetaflowError.notFound("Attempts can only be specified for Task or DataArtifact")
        }
        if attempt < 0 { throw MetaflowError.notFound("Attempt can only be non-negative") }
        if attempt >= maxAttempts { throw MetaflowError.notFound("Attempt can only be smaller than \(maxAttempts)") }
    }

    // MARK: Python's properties

    public var description: String {
        if let attempt { return "\(Self.className)('\(pathspec)', attempt=\(attempt))" }
        return "\(Self.className)('\(pathspec)')"
    }

    public var pathComponents: [String] { pathspec.split(separator: "/", omittingEmptySubsequences: false).map(String.init) }

    /// `ts_epoch` in milliseconds; Python shows it as a naive local datetime.
    public var createdAtMillis: Int { record["ts_epoch"]?.intValue ?? 0 }

    /// Set by a tag mutation on this object (Python updates the object's tags in place).
    var mutatedUserTags: [String]?
    public var userTags: [String] { mutatedUserTags ?? record["tags"]?.stringArray ?? [] }
    public var systemTags: [String] { record["system_tags"]?.stringArray ?? [] }
    public var tags: [String] { systemTags + userTags }

    func hasTag(_ t: String) -> Bool { userTags.contains(t) || systemTags.contains(t) }

    public func isInNamespace(_ ns: String?) throws -> Bool {
        guard let ns else { return true }
        if kind == .flow { return try !children().isEmpty }
        return hasTag(ns)
    }

    /// `obj.is_in_namespace()`: against the session's current namespace.
    public func isInCurrentNamespace() throws -> Bool { try isInNamespace(session.getNamespace()) }

    public var parent: MetaflowObject? {
        get throws {
            if kind == .flow { return nil }
            if let p = cachedParent { return p }
            guard let parentType = Self.parentClass, let cut = pathspec.lastIndex(of: "/") else { return nil }
            let p = try parentType.init(pathspec: String(pathspec[..<cut]),
                                        attempt: kind == .artifact ? attempt : nil,
                                        session: session, namespaceCheck: false)
            cachedParent = p
            return p
        }
    }

    // MARK: children

    /// Children newest first (stable for ties, like Python's sorted(reverse=True)), filtered by
    /// the namespace this object remembers and by `iterFilter`.
    public func children() throws -> [MetaflowObject] {
        guard let childType = Self.childClass else { return [] }
        let filterTag = namespaceCheck ? namespace : nil
        let records: [JSONValue]
        if childType.objectKind == .artifact {
            records = try session.provider.artifacts(pathComponents, attempt: attempt, name: nil)
        } else {
            records = try session.provider.children(of: kind, pathComponents, anyTag: filterTag)
        }
        var made: [(Int, Int, MetaflowObject)] = []
        made.reserveCapacity(records.count)
        for (i, r) in records.enumerated() {
            let child = childType.init(record: r, parent: self, attempt: attempt, session: session,
                                       namespace: namespaceCheck ? namespace : nil, namespaceCheck: namespaceCheck)
            if childType.objectKind == .artifact, let tag = filterTag, !child.hasTag(tag) { continue }
            guard iterFilter(child) else { continue }
            made.append((child.createdAtMillis, i, child))
        }
        made.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        let children = made.map { $0.2 }
        if childType.objectKind == .task, children.count >= SiblingTasks.minimumBatch {
            // A scan: if the provider keeps finished runs, learning that this one is finished (a few
            // requests, once) lets the scan's answers be kept for the next process.
            let c = pathComponents
            if c.count >= 2, session.provider.wouldKeep(flow: c[0], run: c[1]),
               let run = try? Run(pathspec: c[0] + "/" + c[1], session: session, namespaceCheck: false) {
                _ = try? run.finished
            }
            let group = SiblingTasks(paths: children.map(\.pathComponents), attempts: children.map(\.attempt))
            for (i, child) in children.enumerated() { (child as? Task)?.siblings = (group, i) }
        }
        return children
    }

    /// Children whose tags include all of `tags` (`runs(*tags)`, `steps(*tags)`, `tasks(*tags)`).
    public func children(withTags tags: [String]) throws -> [MetaflowObject] {
        try children().filter { c in tags.allSatisfy { c.hasTag($0) } }
    }

    /// Hidden children: `_parameters` in a run, `_`-artifacts in a task.
    func iterFilter(_ child: MetaflowObject) -> Bool { true }

    func childRecord(_ id: String) throws -> JSONValue? {
        guard let childType = Self.childClass else { return nil }
        if childType.objectKind == .step { session.provider.prefetchRecordAndChildren(.step, pathComponents + [id]) }
        return try session.provider.object(childType.objectKind, pathComponents + [id], attempt: attempt)
    }

    /// `obj[id]`: KeyError when absent; the namespace this object remembers is kept.
    public func child(_ id: String) throws -> MetaflowObject {
        guard let childType = Self.childClass, let rec = try childRecord(id) else {
            throw MetaflowError.keyError(id)
        }
        let c = childType.init(record: rec, parent: self, attempt: attempt, session: session,
                               namespace: namespaceCheck ? namespace : nil, namespaceCheck: namespaceCheck)
        if c.namespaceCheck, let ns = c.namespace, !(try c.isInNamespace(ns)) {
            throw MetaflowError.namespaceMismatch(ns)
        }
        return c
    }

    /// `id in obj`: ignores the namespace.
    public func hasChild(_ id: String) throws -> Bool { try childRecord(id) != nil }
}
