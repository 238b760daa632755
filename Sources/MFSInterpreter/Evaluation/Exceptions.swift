// Python exceptions as Swift errors, and the built-in exception hierarchy.
import Glibc

/// A source span: 1-based lines, 0-based character columns (end exclusive).
public struct SrcRange: Sendable, Equatable {
    public var line: Int32, col: Int32, endLine: Int32, endCol: Int32
    public init(line: Int, col: Int, endLine: Int, endCol: Int) {
        self.line = Int32(truncatingIfNeeded: line); self.col = Int32(truncatingIfNeeded: col)
        self.endLine = Int32(truncatingIfNeeded: endLine); self.endCol = Int32(truncatingIfNeeded: endCol)
    }
    func to(_ other: SrcRange) -> SrcRange {
        SrcRange(line: Int(line), col: Int(col), endLine: Int(other.endLine), endCol: Int(other.endCol))
    }
}

/// One line of a traceback.
struct TracebackEntry {
    let filename: String
    let name: String
    let range: SrcRange
}

/// The built-in object type and exception hierarchy (shared, immutable after start-up).
enum BuiltinClasses {
    nonisolated(unsafe) static let object = PyClass(name: "object", module: "builtins", bases: [])
    nonisolated(unsafe) static let exceptions: [String: PyClass] = makeExceptions()

    /// `object()` and the `__init__` of `object` and `BaseException`, set once (a global's
    /// initializer runs exactly once, whatever thread gets there first).
    static func installSharedMembers() { _ = sharedMembers }
    private static let sharedMembers: Void = {
        object.constructor = { args, _ in
            if !args.isEmpty { throw PyException.typeError("object() takes no arguments") }
            return .instance(PyInstance(cls: BuiltinClasses.object))
        }
        object.dict["__init__"] = .builtin(PyBuiltin(name: "__init__") { _, _ in .none })
        if let base = exceptions["BaseException"] {
            base.dict["__init__"] = .builtin(PyBuiltin(name: "__init__") { args, _ in
                if case .instance(let i)? = args.first { i.args = Array(args.dropFirst()) }
                return .none
            })
        }
    }()

    private static func makeExceptions() -> [String: PyClass] {
        var t: [String: PyClass] = [:]
        let base = PyClass(name: "BaseException", module: "builtins", bases: [object])
        t["BaseException"] = base
        let tree: [(String, String)] = [
            ("Exception", "BaseException"), ("KeyboardInterrupt", "BaseException"),
            ("SystemExit", "BaseException"), ("GeneratorExit", "BaseException"),
            ("ArithmeticError", "Exception"), ("ZeroDivisionError", "ArithmeticError"),
            ("OverflowError", "ArithmeticError"), ("FloatingPointError", "ArithmeticError"),
            ("LookupError", "Exception"), ("KeyError", "LookupError"), ("IndexError", "LookupError"),
            ("ValueError", "Exception"), ("UnicodeError", "ValueError"),
            ("UnicodeDecodeError", "UnicodeError"), ("UnicodeEncodeError", "UnicodeError"),
            ("TypeError", "Exception"), ("NameError", "Exception"), ("UnboundLocalError", "NameError"),
            ("AttributeError", "Exception"), ("RuntimeError", "Exception"),
            ("RecursionError", "RuntimeError"), ("NotImplementedError", "RuntimeError"),
            ("StopIteration", "Exception"), ("AssertionError", "Exception"),
            ("ImportError", "Exception"), ("ModuleNotFoundError", "ImportError"),
            ("OSError", "Exception"), ("FileNotFoundError", "OSError"), ("PermissionError", "OSError"),
            ("FileExistsError", "OSError"), ("IsADirectoryError", "OSError"), ("TimeoutError", "OSError"),
            ("ConnectionError", "OSError"), ("BrokenPipeError", "ConnectionError"),
            ("SyntaxError", "Exception"), ("IndentationError", "SyntaxError"), ("TabError", "IndentationError"),
            ("EOFError", "Exception"), ("MemoryError", "Exception"), ("BufferError", "Exception"),
            ("Warning", "Exception"), ("UserWarning", "Warning"), ("DeprecationWarning", "Warning"),
            ("RuntimeWarning", "Warning"),
        ]
        for (name, parent) in tree {
            guard let p = t[parent] else { continue }
            t[name] = PyClass(name: name, module: "builtins", bases: [p])
        }
        return t
    }

    static func exc(_ name: String) -> PyClass {
        exceptions[name] ?? exceptions["Exception"] ?? object
    }
}

/// A Python exception in flight. Host code throws these to raise Python exceptions
/// (`throw PyException.keyError(.str("x"))`, `throw PyException(cls, "message")`).
public final class PyException: Error, @unchecked Sendable {
    public let instance: PyInstance
    /// Where in the current frame the exception surfaced (the failing expression).
    var pendingRange: SrcRange?
    /// True once the current frame's traceback entry was recorded (exception caught in that frame).
    var entryAddedForFrame = false

    public init(instance: PyInstance) { self.instance = instance }

    /// Raises an instance of `cls` (a `.type` value from `Interpreter.defineExceptionClass` or a builtin).
    public convenience init(_ cls: Value, _ message: String) {
        if case .type(let c) = cls {
            self.init(cls: c, args: [.str(message)])
        } else {
            self.init(cls: BuiltinClasses.exc("TypeError"), args: [.str("exceptions must derive from BaseException")])
        }
    }

    public convenience init(cls: PyClass, args: [Value]) {
        let inst = PyInstance(cls: cls)
        inst.args = args
        self.init(instance: inst)
    }

    /// A built-in exception by name, e.g. `PyException.builtin("ValueError", "bad value")`.
    public static func builtin(_ name: String, _ message: String) -> PyException {
        PyException(cls: BuiltinClasses.exc(name), args: [.str(message)])
    }
    public static func typeError(_ m: String) -> PyException { builtin("TypeError", m) }
    public static func valueError(_ m: String) -> PyException { builtin("ValueError", m) }
    public static func attributeError(_ m: String) -> PyException { builtin("AttributeError", m) }
    public static func indexError(_ m: String) -> PyException { builtin("IndexError", m) }
    public static func nameError(_ m: String) -> PyException { builtin("NameError", m) }
    public static func keyError(_ key: Value) -> PyException { PyException(cls: BuiltinClasses.exc("KeyError"), args: [key]) }
    public static func zeroDivision(_ m: String) -> PyException { builtin("ZeroDivisionError", m) }
    public static func overflow(_ m: String) -> PyException { builtin("OverflowError", m) }
    public static func runtimeError(_ m: String) -> PyException { builtin("RuntimeError", m) }
    public static func stopIteration() -> PyException { PyException(cls: BuiltinClasses.exc("StopIteration"), args: []) }
    /// The OSError a failed write raises (`[Errno 28] No space left on device`), BrokenPipeError for EPIPE.
    public static func writeError(errno code: Int32) -> PyException {
        builtin(code == EPIPE ? "BrokenPipeError" : "OSError", "[Errno \(code)] \(String(cString: strerror(code)))")
    }

    /// The exception class name (`KeyError`).
    public var typeName: String { instance.cls.name }
    public var exceptionClass: PyClass { instance.cls }
    /// `str(exception)`.
    public var message: String { exceptionMessage(instance) }

    public func isInstance(of name: String) -> Bool {
        instance.cls.mro.contains { $0.name == name }
    }
}

/// The last line of the exception's traceback (`ValueError: bad value`): what a Swift caller shows
/// when it prints the error, never the type's Swift name.
extension PyException: CustomStringConvertible {
    public var description: String {
        let text = message
        return text.isEmpty ? instance.cls.qualifiedName : "\(instance.cls.qualifiedName): \(text)"
    }
}

/// `str(e)` for exceptions, following BaseException.__str__ (and KeyError's repr of its key).
func exceptionMessage(_ inst: PyInstance) -> String {
    if inst.args.isEmpty { return "" }
    if inst.args.count == 1 {
        if inst.cls.isSubclass(of: BuiltinClasses.exc("KeyError")) { return reprForMessage(inst.args[0]) }
        return strForMessage(inst.args[0])
    }
    return reprForMessage(.tuple(inst.args))
}

/// A non-throwing repr used where an exception message must always be produced.
func reprForMessage(_ v: Value) -> String { (try? formatRepr(v, interp: nil)) ?? "<\(v.typeName) object>" }
func strForMessage(_ v: Value) -> String { (try? formatStr(v, interp: nil)) ?? "<\(v.typeName) object>" }

/// The error `Interpreter.execute` throws for an uncaught exception: the exception plus CPython-formatted traceback text.
public struct UncaughtException: Error, @unchecked Sendable, CustomStringConvertible {
    public let exception: PyException
    /// Full text as CPython prints it to stderr (ends with a newline).
    public let tracebackText: String
    public var description: String { tracebackText }
    /// True for `SystemExit` (exit()/quit()/sys.exit()).
    public var isSystemExit: Bool { exception.isInstance(of: "SystemExit") }
    /// The exit status for SystemExit (None → 0, int → that, other → 1).
    public var exitCode: Int32 {
        guard isSystemExit else { return 1 }
        guard let a = exception.instance.args.first else { return 0 }
        switch a {
        case .none: return 0
        case .int(let i): return Int32(truncatingIfNeeded: i)
        case .bool(let b): return b ? 1 : 0
        default: return 1
        }
    }
}
