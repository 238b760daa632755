// MFSInterpreter: the mfs language, a subset of Python 3.11 that prints what CPython prints —
// Parser/ (tokens, grammar, scopes), Evaluation/ (nodes, calls, operators, builtins, errors and
// tracebacks), Objects/ (the built-in types), Modules/ (the standard library). It knows nothing of
// Metaflow, pickles or the terminal: hosts reach in only through HostObject and registration here.
//
// This file is its public face: configuration, host registration and execution entry points.
import Glibc
import Synchronization

/// Where `print` output goes. Implementations may buffer; `flush` is called at the end of each execution.
public protocol OutputSink: AnyObject {
    func write(_ text: String)
    func flush()
    /// The errno of a write that failed since the last call, or nil; the call clears it.
    func takeWriteError() -> Int32?
}

extension OutputSink {
    public func takeWriteError() -> Int32? { nil }
}

/// Writes to a file descriptor with a 64 KiB buffer; `lineBuffered` also flushes every write that
/// holds a newline (CPython's line_buffering, which its stdout has on a terminal).
public final class FileOutputSink: OutputSink {
    let fd: Int32
    var buffer: [UInt8] = []
    let unbuffered: Bool
    let lineBuffered: Bool
    /// Kept until taken: output that could not be written must surface as an error, never vanish.
    private var writeError: Int32?
    public init(fd: Int32, unbuffered: Bool = false, lineBuffered: Bool = false) {
        self.fd = fd
        self.unbuffered = unbuffered
        self.lineBuffered = lineBuffered
        buffer.reserveCapacity(1 << 16)
    }
    deinit { flush() }
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if unbuffered || buffer.count >= 1 << 16 || (lineBuffered && text.utf8.contains(0x0A)) { flush() }
    }
    public func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return -1 }
                return Glibc.write(fd, base + offset, buffer.count - offset)
            }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 {
                if writeError == nil { writeError = n < 0 ? errno : EIO }
                break
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
    public func takeWriteError() -> Int32? {
        defer { writeError = nil }
        return writeError
    }
}

/// Collects output in memory (tests, capturing).
public final class StringOutputSink: OutputSink {
    public private(set) var text = ""
    public init() {}
    public func write(_ s: String) { text += s }
    public func flush() {}
    public func reset() { text = "" }
}

/// Set from a SIGINT handler; the interpreter polls it in loops and calls and raises KeyboardInterrupt.
public let mfsInterruptRequested = Atomic<Bool>(false)

/// A tree-walking interpreter for the mfs Python subset. Not thread-safe: use one interpreter per thread.
public final class Interpreter {
    public let stdout: OutputSink
    public let stderr: OutputSink
    /// Maximum Python call depth before RecursionError.
    public var recursionLimit = 1000
    /// `sys.argv`.
    public var argv: [String] = [""]
    /// Current Python call depth (raw memory: touched on every call).
    let depthCell: UnsafeMutablePointer<Int> = {
        let p = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()
    var depth: Int {
        @inline(__always) get { depthCell.pointee }
        @inline(__always) set { depthCell.pointee = newValue }
    }
    let globals = Globals()
    var builtins: [String: Value] = [:]
    var registeredModules: [String: Value] = [:]
    var loadedModules: [String: Value] = [:]
    /// Modules built on first import (numpy, pandas): registering them costs nothing at start-up.
    var moduleFactories: [String: () throws -> [(String, Value)]] = [:]
    var sources: [String: [String]] = [:]
    var hiddenSources: Set<String> = []
    var handling: [PyException] = []
    var interactiveCount = 0
    /// Receives the values of displayed expression statements (see executeDisplaying).
    var displayHook: ((Value) throws -> Void)?
    var typeOnlyClasses: [String: PyClass] = [:]
    var regexCache: [String: CompiledRegex] = [:]
    /// Code-point positions of the long strings indexed last.
    let strPositions = StrPositionCache()

    /// Requests a KeyboardInterrupt in code run by any interpreter (safe to call from a signal handler).
    public static func requestInterrupt() { mfsInterruptRequested.store(true, ordering: .relaxed) }
    /// Per-interpreter interrupt flag: set it (from any thread) to raise KeyboardInterrupt in this interpreter's code.
    public let interruptRequested = Atomic<Bool>(false)

    /// Tells generators outliving this interpreter not to run code in it.
    let lifetime = InterpreterLifetime()

    deinit {
        // Generators still suspended are unwound now, while every field is intact, without running Python code.
        lifetime.alive = false
        for i in 0..<globals.names.count { globals.values[i] = nil }
        depthCell.deallocate()
    }

    public init(stdout: OutputSink = FileOutputSink(fd: 1), stderr: OutputSink = FileOutputSink(fd: 2, unbuffered: true)) {
        self.stdout = stdout
        self.stderr = stderr
        installBuiltins()
        globals.set("__name__", .str("__main__"))
        globals.set("__doc__", .none)
    }

    // MARK: host registration

    public func registerGlobal(_ name: String, _ value: Value) { globals.set(name, value) }

    /// Makes `import name` / `from name import member` work.
    public func registerModule(_ name: String, _ members: [(String, Value)]) {
        registeredModules[name] = .module(PyModule(name: name, members: members))
        loadedModules[name] = nil
    }

    /// Makes a module value (`moduleValue`) importable under `name`: the same object that is a
    /// member of its parent (`import a.b; a.b is b`).
    public func registerModule(_ name: String, value: Value) {
        registeredModules[name] = value
        loadedModules[name] = nil
    }

    /// Makes `import name` work, building the module's members on the first import only.
    public func registerLazyModule(_ name: String, _ members: @escaping () throws -> [(String, Value)]) {
        moduleFactories[name] = members
        registeredModules[name] = nil
        loadedModules[name] = nil
    }

    /// Creates an exception class scripts can catch by name; `base` defaults to Exception.
    public func defineExceptionClass(name: String, base: Value?, module: String = "__main__", doc: String? = nil) -> Value {
        var b = BuiltinClasses.exc("Exception")
        if case .type(let c)? = base { b = c }
        let cls = PyClass(name: name, module: module, bases: [b])
        cls.doc = doc
        return .type(cls)
    }

    /// A built-in exception class by name (`KeyError`), for host code that wants the class value.
    public func builtinExceptionClass(_ name: String) -> Value? {
        BuiltinClasses.exceptions[name].map { .type($0) }
    }

    /// A built-in function by name (`print`, `open`), for host code that must act as the language would
    /// (honouring a redirected stdout, the host's rules for files).
    public func builtinFunction(_ name: String) -> Value? { builtins[name] }

    /// Replaces a builtin for every script and for host code that calls it by name (the shell's
    /// `open`, which writes files but never inside the datastore); a script's own global of that
    /// name still shadows it, as in Python.
    public func registerBuiltin(_ name: String, _ value: Value) { builtins[name] = value }

    // MARK: running code

    /// Runs a module. Uncaught exceptions (including SyntaxError and SystemExit) throw `UncaughtException`.
    public func execute(source: String, filename: String) throws {
        var outcome: Result<Value?, any Error> = .success(nil)
        runWithLargeStack { outcome = Result { try self.run(source: source, filename: filename, interactive: false) } }
        stdout.flush()
        _ = try outcome.get()
    }

    /// Runs code as a notebook cell: when its last top-level statement is an expression, returns
    /// that expression's value (the statements before it run first); otherwise nil.
    public func executeInteractive(source: String) throws -> Value? {
        var outcome: Result<Value?, any Error> = .success(nil)
        runWithLargeStack { outcome = Result { try self.run(source: source, filename: "<stdin>", interactive: true) } }
        stdout.flush()
        return try outcome.get()
    }

    /// Runs one REPL input as CPython compiles it in 'single' mode: every expression statement
    /// outside functions and classes (`x; x + 1`, a loop body at top level) hands its value to
    /// `display`, in order, as sys.displayhook receives it. With `lastStatementOnly` (Python 3.13's
    /// REPL running a pasted block) the statements before the last run as a file's, unechoed.
    public func executeDisplaying(source: String, lastStatementOnly: Bool = false, display: @escaping (Value) throws -> Void) throws {
        var outcome: Result<Value?, any Error> = .success(nil)
        let previous = displayHook
        displayHook = display
        defer { displayHook = previous }
        runWithLargeStack {
            outcome = Result { try self.run(source: source, filename: "<stdin>", interactive: true, displaying: true, displayingLastOnly: lastStatementOnly) }
        }
        stdout.flush()
        _ = try outcome.get()
    }

    /// True when `source` needs more lines: open brackets or triple quotes, a trailing backslash,
    /// or a compound statement not yet ended by a blank line.
    public func isIncomplete(_ source: String) -> Bool {
        var lx = Lexer(source)
        do {
            let toks = try lx.tokenize()
            let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
            let endsWithBlank = source.hasSuffix("\n") && (lines.dropLast().last?.allSatisfy { $0 == " " || $0 == "\t" } ?? true)
            if toks.contains(where: { $0.kind == .indent }) { return !endsWithBlank }
            if toks.first?.isOp("@") == true { return !endsWithBlank }
            let meaningful = toks.filter { $0.kind != .newline && $0.kind != .dedent && $0.kind != .endmarker }
            if let last = meaningful.last, last.isOp(":") { return true }
            if lines.count > 1 && toks.contains(where: { $0.kind == .indent }) { return !endsWithBlank }
            return false
        } catch let e as SyntaxErrorInfo {
            return e.incomplete && !e.message.hasPrefix("unexpected EOF") || e.message.hasPrefix("unexpected EOF")
        } catch {
            return false
        }
    }

    public func repr(_ v: Value) throws -> String { try formatRepr(v, interp: self) }
    /// `format(v, spec)`, e.g. for a host's `__format__` formatting its elements.
    public func format(_ v: Value, spec: String) throws -> String { try formatValue(v, spec) }
    public func str(_ v: Value) throws -> String { try formatStr(v, interp: self) }

    /// Calls any callable value (functions, builtins, classes, host callables).
    public func call(_ callee: Value, _ args: [Value], _ kwargs: [(String, Value)] = []) throws -> Value {
        try callValue(callee, args, kwargs)
    }

    /// Names visible at module level (globals and builtins), sorted.
    public func globalNames() -> [String] {
        var s = Set(builtins.keys)
        for (i, n) in globals.names.enumerated() where globals.values[i] != nil { s.insert(n) }
        return s.sorted()
    }

    /// The value of a global, if set.
    public func global(_ name: String) -> Value? { globals.get(name) }

    /// Attribute names of a value, as `dir()` lists them, for completion.
    public func attributeNames(of v: Value) -> [String] { dirNames(v) }
    /// `a op b` for a comparison operator (`<`, `<=`, `>`, `>=`, `==`, `!=`), as the language evaluates it.
    public func compare(_ a: Value, _ op: String, _ b: Value) throws -> Value {
        let ops: [String: CmpOp] = ["<": .lt, "<=": .le, ">": .gt, ">=": .ge, "==": .eq, "!=": .ne]
        guard let cmp = ops[op] else { throw PyException.valueError("unknown comparison operator \(op)") }
        return try compareOp(cmp, a, b)
    }
    /// `getattr(v, name)`, with Python's AttributeError when it has none.
    public func attribute(of v: Value, _ name: String) throws -> Value { try getAttr(v, name) }

    /// CPython-style text for an exception (traceback, chained exceptions, final line).
    public func formatException(_ e: PyException) -> String { formatExceptionText(e.instance) }

    // MARK: internals

    func run(source: String, filename: String, interactive: Bool, displaying: Bool = false, displayingLastOnly: Bool = false) throws -> Value? {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        sources[filename] = lines
        if interactive { hiddenSources.insert(filename) }
        let body: [Stmt]
        do {
            var lx = Lexer(source)
            let toks = try lx.tokenize()
            var p = Parser(tokens: toks, filename: filename)
            p.displaysExpressions = displaying
            body = try p.parseModule()
            ScopeResolver(globals: globals).resolve(p.module)
            if !interactive {
                if let e = body.first as? ExprStmt, let c = e.expr as? ConstExpr, case .str = c.value { globals.set("__doc__", c.value) }
            }
        } catch let e as SyntaxErrorInfo {
            let exc = makeSyntaxError(e, filename: filename, lines: lines)
            throw UncaughtException(exception: exc, tracebackText: formatExceptionText(exc.instance))
        }
        let frame = Frame(interp: self, nLocals: 0, cells: [], globals: globals, name: "<module>", filename: filename)
        handling = []
        depth = 1  // the module frame counts towards the recursion limit, as in CPython
        do {
            if interactive, !displaying, let es = body.last as? ExprStmt {
                _ = try execBlock(Array(body.dropLast()), frame)
                do { return try es.expr.eval(frame) } catch { throw mark(error, es.r) }
            }
            if displaying, displayingLastOnly, body.count > 1 {
                let hook = displayHook
                displayHook = nil
                defer { displayHook = hook }
                _ = try execBlock(Array(body.dropLast()), frame)
                displayHook = hook
                _ = try execBlock(Array(body.suffix(1)), frame)
                return nil
            }
            _ = try execBlock(body, frame)
            return nil
        } catch let e as PyException {
            frame.leaveWithError(e, fallback: body.first?.r ?? SrcRange(line: 1, col: 0, endLine: 1, endCol: 0))
            stdout.flush()
            throw UncaughtException(exception: e, tracebackText: formatExceptionText(e.instance))
        }
    }

    func makeSyntaxError(_ e: SyntaxErrorInfo, filename: String, lines: [String]) -> PyException {
        let exc = PyException.builtin(e.kind, e.message)
        let inst = exc.instance
        inst.attrs["msg"] = .str(e.message)
        inst.attrs["filename"] = .str(filename)
        inst.attrs["lineno"] = .int(e.line)
        inst.attrs["offset"] = .int(e.col + 1)
        if let ec = e.endCol { inst.attrs["end_offset"] = .int(ec + 1) } else { inst.attrs["end_offset"] = Value.none }
        let text = e.line >= 1 && e.line <= lines.count ? lines[e.line - 1] : ""
        inst.attrs["text"] = .str(text)
        inst.args = [.str(e.message)]
        return exc
    }

    @inline(__always) func checkInterrupt() throws {
        if interruptRequested.load(ordering: .relaxed) || mfsInterruptRequested.load(ordering: .relaxed) {
            interruptRequested.store(false, ordering: .relaxed)
            mfsInterruptRequested.store(false, ordering: .relaxed)
            throw PyException(cls: BuiltinClasses.exc("KeyboardInterrupt"), args: [])
        }
    }

    @inline(__always) func enterCall() throws {
        depth += 1
        if depth > recursionLimit {
            depth -= 1
            throw PyException(cls: BuiltinClasses.exc("RecursionError"), args: [.str("maximum recursion depth exceeded")])
        }
    }
}

/// Runs `body` on a thread with a large stack so deep (but limited) recursion cannot overflow.
private final class ThreadWork {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

func runWithLargeStack(_ body: @escaping () -> Void) {
    var attr = zeroedThreadAttributes()
    pthread_attr_init(&attr)
    defer { pthread_attr_destroy(&attr) }
    pthread_attr_setstacksize(&attr, 1 << 30)
    let work = Unmanaged.passRetained(ThreadWork(body))
    var tid = pthread_t()
    let rc = pthread_create(&tid, &attr, { raw in
        guard let raw else { return nil }
        let w = Unmanaged<ThreadWork>.fromOpaque(raw).takeRetainedValue()
        w.body()
        return nil
    }, work.toOpaque())
    if rc != 0 {
        work.release()
        body()
        return
    }
    // SIGINT goes to the thread running the code (its sleeps and reads end with EINTR), not to this
    // one, which only waits.
    InterruptSignal.whileBlocked { _ = pthread_join(tid, nil) }
}

// MARK: value constructors for hosts

extension Interpreter {
    /// `datetime.fromtimestamp(ms / 1000)` in the local time zone (TZ); None if out of range.
    public func localDatetime(epochMilliseconds ms: Int) -> Value {
        (try? PyDateTime.fromEpochMilliseconds(Int64(ms))).map { .datetime($0) } ?? .none
    }
    /// A naive datetime; None if the fields are out of range.
    public func makeDatetime(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, microsecond: Int = 0) -> Value {
        (try? PyDateTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second, microsecond: microsecond))
            .map { .datetime($0) } ?? .none
    }
    public func makeDate(year: Int, month: Int, day: Int) -> Value {
        (try? PyDate(year: year, month: month, day: day)).map { .date($0) } ?? .none
    }
    public func makeTimedelta(days: Int, seconds: Int = 0, microseconds: Int = 0) -> Value {
        .timedelta(PyTimedelta(micros: days &* 86_400_000_000 &+ seconds &* 1_000_000 &+ microseconds))
    }
    /// Parses `YYYY-MM-DD[THH:MM[:SS[.ffffff]]]` (a trailing `Z` or offset is ignored) into a naive datetime.
    public func naiveDatetime(isoFormat s: String) -> Value? {
        var t = s
        if t.hasSuffix("Z") { t.removeLast() }
        if t.count > 19, let plus = t.lastIndex(where: { $0 == "+" || $0 == "-" }), t.distance(from: t.startIndex, to: plus) >= 19 {
            t = String(t[..<plus])
        }
        guard let d = try? parseISODateTime(t) else { return nil }
        if d.tz == nil { return .datetime(d) }
        return (try? PyDateTime(year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute,
                                second: d.second, microsecond: d.microsecond)).map { .datetime($0) }
    }
}
