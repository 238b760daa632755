// Hints under a failed lookup's traceback, in the spirit of CPython's "Did you mean" for names: a
// mistyped flow, run, step, task or artifact id gets the closest id that exists in the current
// namespace; an object outside the current namespace gets the namespace it is in and the
// `namespace(None)` hint. The exception itself (its class, args and str) stays what Python's client
// raises, so scripts and compat see no difference; the hint is worked out only when a traceback
// shows it.
import MFSInterpreter
import MetaflowClient

extension ClientContext {
    /// `parent[id]` failed with `error` (KeyError, or the namespace mismatch of an existing child).
    /// The hint names the id alone ("Did you mean 'train'?").
    func noteChildLookup(_ error: PyException, parent: MetaflowObject, id: String) {
        noteLookup(error, pathspec: parent.pathspec + "/" + id, wholePath: false)
    }

    /// Constructing `pathspec` failed with `error`; the hint names the corrected pathspec.
    func noteLookup(_ error: PyException, pathspec: String, wholePath: Bool = true) {
        let session = self.session
        let interpreter = self.interpreter
        switch error.typeName {
        case "MetaflowNamespaceMismatch":
            error.instance.tracebackNote = { Self.namespaceHint(pathspec: pathspec, session: session) }
        case "MetaflowNotFound", "KeyError":
            error.instance.tracebackNote = {
                Self.typoHint(pathspec: pathspec, wholePath: wholePath, session: session, interpreter: interpreter)
            }
        default:
            break
        }
    }

    /// The object at `pathspec` (its depth tells the type), whatever the namespace, or nil.
    private static func anyNamespaceObject(_ pathspec: String, session: ClientSession) -> MetaflowObject? {
        let type: MetaflowObject.Type
        switch pathspec.split(separator: "/", omittingEmptySubsequences: false).count {
        case 1: type = Flow.self
        case 2: type = Run.self
        case 3: type = Step.self
        case 4: type = Task.self
        case 5: type = DataArtifact.self
        default: return nil
        }
        return try? type.init(pathspec: pathspec, attempt: nil, session: session, namespaceCheck: false)
    }

    /// "Did you mean 'TrainFlow/12/train'?": the first component of `pathspec` that does not exist,
    /// replaced by the closest id among its siblings in the current namespace (that id alone
    /// unless `wholePath`).
    static func typoHint(pathspec: String, wholePath: Bool, session: ClientSession, interpreter: Interpreter) -> String? {
        let parts = pathspec.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var parent: MetaflowObject?
        for (i, part) in parts.enumerated() {
            if let found = anyNamespaceObject(parts[...i].joined(separator: "/"), session: session) {
                parent = found
                continue
            }
            let siblings: [String]
            if let parent {
                let namespace = (try? session.getNamespace()) ?? nil
                // Runs are what a namespace selects; the levels below belong to their run.
                siblings = ((try? parent.children()) ?? [])
                    .filter { $0.kind != .run || namespace == nil || ((try? $0.isInNamespace(namespace)) ?? false) }
                    .map(\.id)
            } else {
                siblings = ((try? MetaflowRoot(session: session).flows()) ?? []).map(\.id)
            }
            guard let closest = interpreter.closestName(to: part, among: siblings) else { return nil }
            var fixed = parts
            fixed[i] = closest
            return "Did you mean '\(wholePath ? fixed.joined(separator: "/") : closest)'?"
        }
        return nil
    }

    /// Where an object outside the current namespace is: its owner's `user:` tag if it has one,
    /// else its first tag.
    static func namespaceHint(pathspec: String, session: ClientSession) -> String? {
        guard let object = anyNamespaceObject(pathspec, session: session) else { return nil }
        let tags = object.systemTags + object.userTags
        guard let home = tags.first(where: { $0.hasPrefix("user:") }) ?? tags.first else { return nil }
        let current = ((try? session.getNamespace()) ?? nil).map { ", not '\($0)'" } ?? ""
        return "\(object.pathspec) is in namespace '\(home)'\(current): namespace('\(home)') or namespace(None) to see it."
    }
}
