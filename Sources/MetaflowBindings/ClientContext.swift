// MetaflowBindings: the client in the language — Flow, Run, Step, Task and DataArtifact as
// language objects under their Python names, the `metaflow` module, and decoded artifacts as the
// values Python's client would give. It knows nothing of the terminal (REPL, line editing,
// completion, output): the shell, or any other embedder, builds a ClientContext and registers
// `MetaflowModule.members` in its interpreter.
//
// What the bindings share: the client session, the interpreter, and the exception
// classes registered under Metaflow's names, so client errors surface as the Python exception
// the Python client would raise (`except MetaflowNotFound:` works).
import MFSInterpreter
import MetaflowClient
import NumPyPandas
import Pickle
import SystemModules
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

public final class ClientContext {
    public let session: ClientSession
    public let interpreter: Interpreter
    private(set) var exceptionClasses: [String: Value] = [:]

    package init(session: ClientSession, interpreter: Interpreter) {
        self.session = session
        self.interpreter = interpreter
        // Artifacts' numpy and pandas values become the language's numpy and pandas values.
        session.pickleReconstructors = [NumPyPandasReconstructor()]
        // Ctrl-C reaches requests waiting on the network.
        session.isInterrupted = { mfsInterruptRequested.load(ordering: .relaxed) }
        var defined: [String: Value] = [:]
        for (name, base) in metaflowExceptionHierarchy {
            let baseClass = defined[base] ?? interpreter.builtinExceptionClass(base)
            // Where Python defines each: ServiceException lives with the service provider.
            let module = name == "ServiceException" ? "metaflow.plugins.metadata_providers.service" : "metaflow.exception"
            let cls = interpreter.defineExceptionClass(name: name, base: baseClass, module: module)
            if case .type(let c) = cls, let headline = metaflowExceptionHeadlines[name] { c.dict["headline"] = .str(headline) }
            defined[name] = cls
        }
        if let base = defined["MetaflowException"] {
            for (name, headline) in cardExceptionClasses {
                let cls = interpreter.defineExceptionClass(name: name, base: base, module: "metaflow.plugins.cards.exception")
                if case .type(let c) = cls { c.dict["headline"] = .str(headline) }
                defined[name] = cls
            }
        }
        defined["UnpicklingError"] = interpreter.defineExceptionClass(
            name: "UnpicklingError", base: interpreter.builtinExceptionClass("Exception"), module: "pickle")
        exceptionClasses = defined
    }

    /// Runs client code, turning its errors into the Python exceptions Python's client raises.
    package func bridge<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as MetaflowError {
            throw pythonException(e)
        } catch let e as PyException {
            throw e
        } catch is KeyboardInterruptError {
            mfsInterruptRequested.store(false, ordering: .relaxed)
            throw PyException.builtin("KeyboardInterrupt", "")
        } catch let e as FileError {
            throw Self.pythonException(e)
        } catch {
            throw PyException.builtin("RuntimeError", "\(error)")
        }
    }

    /// Python's OSError subclass for the errno, naming the path that could not be reached (the
    /// folder of mode 000 or the looping link, not the file below it).
    static func pythonException(_ e: FileError) -> PyException {
        switch e {
        case .notFound(let p): return OsModule.osError(p, errno: ENOENT)
        case .unreadable(let p, let code): return OsModule.osError(FileSystem.culprit(of: p, error: code), errno: code)
        case .tooLarge, .notRegular: return PyException.builtin("OSError", e.description)
        }
    }

    func pythonException(_ e: MetaflowError) -> PyException {
        switch e.type {
        case "KeyError": return PyException.keyError(.str(e.key ?? e.message))
        case "AttributeError": return PyException.attributeError(e.message)
        case "TypeError", "ValueError", "OSError", "RuntimeError", "MemoryError", "Exception":
            return PyException.builtin(e.type, e.message)
        case "KeyboardInterrupt":  // Ctrl-C while S3 requests were under way
            mfsInterruptRequested.store(false, ordering: .relaxed)
            return PyException.builtin("KeyboardInterrupt", "")
        default:
            if let cls = exceptionClasses[e.type] { return PyException(cls, e.message) }
            return PyException(exceptionClasses["MetaflowException"] ?? interpreter.builtinExceptionClass("Exception") ?? Value.none, e.message)
        }
    }

    // MARK: value conversion

    func datetime(millis: Int) -> Value {
        interpreter.localDatetime(epochMilliseconds: millis)
    }

    func frozenset(_ strings: [String]) throws -> Value {
        try Value.newFrozenSet(strings.map { .str($0) })
    }

    func value(_ json: JSONValue) throws -> Value {
        switch json {
        case .null: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .float(d)
        case .string(let s): return .str(s)
        case .array(let a): return .newList(try a.map { try value($0) })
        case .object(let m): return try .newDict(try m.map { (.str($0.0), try value($0.1)) })
        }
    }

    func value(_ info: EnvironmentInfo?) throws -> Value {
        switch info {
        case nil: return .none
        case .text(let s)?: return .str(s)
        case .value(let v)?: return try value(v)
        }
    }

    func host(_ object: MetaflowObject?) -> Value {
        guard let object else { return .none }
        return .host(ClientObjectHost.make(object, context: self))
    }

    func list(_ objects: [MetaflowObject]) -> Value {
        .newList(objects.map { host($0) })
    }

    /// A generator-like iterator over ready values.
    func generator(_ values: [Value]) -> Value {
        var i = 0
        return .iterator(ClosureIterator("generator") {
            guard i < values.count else { return nil }
            defer { i += 1 }
            return values[i]
        })
    }

    /// A lazy Python iterator over client objects (Python returns generators here).
    func iterator(_ name: String, _ objects: [MetaflowObject]) -> Value {
        var i = 0
        return .iterator(ClosureIterator(name) { [self] in
            guard i < objects.count else { return nil }
            defer { i += 1 }
            return host(objects[i])
        })
    }

    /// The children of `parent`, reporting progress (a long loop over 200 tasks shows
    /// "tasks of F/1/train: 57 of 200" when stderr is a terminal).
    func iterator(_ name: String, _ objects: [MetaflowObject], of parent: MetaflowObject) -> Value {
        .iterator(iteratorObject(name, objects, of: parent))
    }

    func iteratorObject(_ name: String, _ objects: [MetaflowObject], of parent: MetaflowObject) -> PyIterator {
        var i = 0
        let reporter = objects.count >= 20 ? session.progress : nil
        let kind: String
        switch parent {
        case is Flow: kind = "runs"
        case is Run: kind = "steps"
        case is Step: kind = "tasks"
        case is Task: kind = "artifacts"
        default: kind = "flows"
        }
        let label = "\(kind) of \(parent.pathspec)"
        return ClosureIterator(name) { [self] in
            guard i < objects.count else { reporter?.finish(); return nil }
            defer { i += 1 }
            reporter?.report(label, done: i, total: objects.count, bytes: false)
            return host(objects[i])
        }
    }
}
