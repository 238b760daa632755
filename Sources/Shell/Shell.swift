// Shell: the terminal side of mfsh — the shell driver, the REPL, line editing and history,
// completion, help, the progress line, standard and JSON output, and the Prelude. It binds the
// client into the language only through MetaflowBindings, and knows nothing of how client objects,
// numpy values or the `os` module work inside.
//
// The shell: one interpreter with the `metaflow` module registered, the Prelude loaded, and the
// ways to run code (command, file, stdin script, interactive loop).
import MFSInterpreter
import MetaflowBindings
import MetaflowClient
import NumPyPandas
import SystemModules
import Views
#if canImport(Glibc)
import Glibc
#endif

public struct ShellOptions {
    public var datastoreRoot: String?
    public var metadata: String?
    public var namespace: String?
    public var allNamespaces = false
    public var noPrelude = false
    public var json = false
    /// Hidden `--complete TEXT`: print the completions of TEXT (tests, benchmarks).
    public var complete: String?
    public init() {}
}

/// A command-line option the shell could not apply, told with the error's own text (the text the
/// same call inside the language shows).
/// What is wrong with an option's value, in words.
public struct OptionProblem: Error, CustomStringConvertible {
    public let description: String
    init(_ text: String) { description = text }
}

public struct OptionError: Error, CustomStringConvertible {
    public let option: String
    public let value: String
    public let error: Error
    public var description: String { "\(option) \(PythonText.repr(value)): \(error)" }
}

public enum CommandLineText {
    /// CPython takes no -c code it cannot decode: undecodable bytes stop it with this message (and
    /// status 1). Arguments arrive repaired (U+FFFD for bad bytes); the raw ones tell which was bad.
    public static func undecodableCommandMessage(_ command: String) -> String? {
        guard command.unicodeScalars.contains("\u{FFFD}") else { return nil }
        for i in 1..<Int(CommandLine.argc) {
            guard let raw = CommandLine.unsafeArgv[i] else { continue }
            let bytes = UnsafeRawBufferPointer(start: raw, count: strlen(raw)).map { $0 }
            guard let bad = SourceBytes.firstInvalidUTF8(in: bytes[...]), String(decoding: bytes, as: UTF8.self) == command else { continue }
            // Python decodes with surrogateescape: the bad byte becomes the surrogate U+DC00 + byte,
            // at its position in characters.
            let position = String(decoding: bytes[..<bad], as: UTF8.self).unicodeScalars.count
            return "Unable to decode the command from the command line:\n"
                + "UnicodeEncodeError: 'utf-8' codec can't encode character '\\udc\(String(bytes[bad], radix: 16))' in position \(position): surrogates not allowed\n"
        }
        return nil
    }
}

public final class MFShell {
    let interpreter: Interpreter
    let context: ClientContext
    let options: ShellOptions
    let colour: Bool
    /// The Prelude, read but not yet run (nil once run, or when there is none).
    var prelude: PendingPrelude?
    /// The `metaflow` module's members, as registered (help() describes them).
    let clientMembers: [(String, Value)]
    var helpInstalled = false
    /// The REPL on a terminal: long echoes are laid out for its width, tall text is paged.
    var pagesLongOutput = false
    /// The file names the Prelude's functions carry (help() lists them as its helpers).
    var preludeFiles: Set<String> = []
    /// The last script or command ended in an uncaught KeyboardInterrupt.
    public private(set) var endedByInterrupt = false

    public init(options: ShellOptions) throws {
        self.options = options
        var env = ProcessEnvironment.all()
        if let root = options.datastoreRoot {
            // A typo here would otherwise read as an empty datastore: `[]`, a wrong answer.
            if !FileSystem.isDirectory(root) {
                throw OptionError(option: "--datastore-root", value: root, error: OptionProblem("no such folder"))
            }
            if !FileSystem.isDirectory(FileSystem.join(root, ".metaflow")) {
                throw OptionError(option: "--datastore-root", value: root, error: OptionProblem(
                    "it holds no .metaflow folder (give the folder your flows ran in, the one that contains .metaflow)"))
            }
            env["METAFLOW_DATASTORE_SYSROOT_LOCAL"] = root
        }
        let config = try Configuration(environment: env, workingDirectory: FileSystem.currentDirectory())
        try config.checkSupported()
        let session = try ClientSession(config: config)
        // Long work draws a progress line on stderr, only when stderr is a terminal.
        ProgressLine.active = ProgressLine.forTerminal(environment: env)
        session.progress = ProgressLine.active
        interpreter = Interpreter(stdout: StandardOutput.stdout, stderr: StandardOutput.stderr)
        context = ClientContext(session: session, interpreter: interpreter)
        colour = isatty(STDERR_FILENO) != 0 && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
        let members = MetaflowModule.members(context)
        clientMembers = members
        // `metaflow.cards` is a submodule (`import metaflow.cards`, `from metaflow.cards import
        // get_cards`), an attribute of `metaflow` as in Python, but no shell global.
        let cards = interpreter.moduleValue("metaflow.cards", CardsModule.members(context))
        // The exception classes live in `metaflow.exception` only, as in Python (`from metaflow
        // import MetaflowNotFound` fails there, so it must fail here); the shell still has them
        // as globals, for `except MetaflowNotFound:` typed at the prompt.
        let exceptionNames = Set(metaflowExceptionHierarchy.map { $0.0 })
        interpreter.registerModule("metaflow", members.filter { !exceptionNames.contains($0.0) } + [("cards", cards)])
        interpreter.registerModule("metaflow.cards", value: cards)
        // The shell starts as if `from metaflow import *` had run: `Flow("X")` works at once.
        for (name, value) in members { interpreter.registerGlobal(name, value) }
        interpreter.registerModule("metaflow.exception", members.filter { exceptionNames.contains($0.0) })
        OsModule.register(in: interpreter, environment: env)
        NumericModules.register(in: interpreter, converter: context)
        let columnsVariable = env["COLUMNS"]
        PandasDisplay.setTerminalWidth { TerminalOutput.pythonTerminalColumns(columnsVariable: columnsVariable) }
        interpreter.registerBuiltin("open", OpenBuiltin.make(datastoreRoot: config.localDatastoreRoot))
        // Pictures are coloured only on a terminal, and never with NO_COLOR (no-color.org).
        let pictureColour = isatty(STDOUT_FILENO) != 0 && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
        Views.register(in: interpreter, context: context, environment: ViewsEnvironment(
            terminalWidth: { TerminalOutput.pythonTerminalColumns(columnsVariable: columnsVariable) },
            colour: pictureColour, datastoreRoot: config.localDatastoreRoot))
        if let m = options.metadata {
            do { _ = try context.bridge { try session.metadata(m) } } catch { throw OptionError(option: "--metadata", value: m, error: error) }
        }
        if options.allNamespaces { _ = try session.namespace(nil) }
        else if let ns = options.namespace {
            do { _ = try context.bridge { try session.namespace(ns) } } catch { throw OptionError(option: "--namespace", value: ns, error: error) }
        }
    }

    /// Runs the Prelude (the embedded one, or MFSH_PRELUDE's files) and, for the interactive shell
    /// only (`startupFile`, as Python reads PYTHONSTARTUP), ~/.mfshrc; or, when the Prelude only
    /// defines things (see PreludePlan), keeps it to run before the first code that could see it.
    public func loadPrelude(startupFile: Bool = false) {
        guard !options.noPrelude else { return }
        let (files, warnings) = Prelude.files()
        preludeFiles = Set(files.map(\.path))
        for w in warnings { writeErr("mfsh: warning: \(w)\n") }
        var rc: (path: String, source: String)?
        if startupFile, let home = FileSystem.environment("HOME") {
            let path = home + "/.mfshrc"
            if FileSystem.isFile(path), let source = try? FileSystem.readText(path) { rc = (path, source) }
        }
        var plan = PreludePlan()
        // ~/.mfshrc runs after the Prelude and may do anything: then nothing waits.
        plan.canDefer = rc == nil && FileSystem.environment("MFSH_EAGER_PRELUDE") == nil
        let interpreter = self.interpreter
        for f in files where plan.canDefer { plan.add(source: f.source) { interpreter.global($0) != nil } }
        prelude = PendingPrelude(files: files, plan: plan)
        if !plan.canDefer { runPendingPrelude() }
        if let rc {
            do { try interpreter.execute(source: rc.source, filename: rc.path) } catch { report(error) }
        }
    }

    /// Runs the Prelude now if it is still waiting and `source` could see it.
    func preparePrelude(for source: String) {
        if !helpInstalled && source.contains("help") { installHelp() }
        guard let prelude, prelude.plan.isMentioned(in: source) else { return }
        runPendingPrelude()
    }

    /// Runs the waiting Prelude; names it imports from metaflow keep what the user bound them to.
    func runPendingPrelude() {
        guard let pending = prelude else { return }
        prelude = nil
        let kept = pending.plan.canDefer ? pending.plan.metaflowImports.map { ($0, interpreter.global($0)) } : []
        for file in pending.files {
            do { try interpreter.execute(source: file.source, filename: file.path) } catch { report(error) }
        }
        for (name, value) in kept {
            if let value { interpreter.registerGlobal(name, value) }
            else { _ = try? interpreter.executeInteractive(source: "del \(name)\n") }
        }
    }

    /// The shell's own messages (warnings, errors) on stderr, after what stdout holds.
    func writeErr(_ s: String) {
        StandardOutput.stdout.flush()
        StandardOutput.stderr.write(s)
    }

    /// Prints an uncaught error the way Python does (traceback), in colour on a terminal.
    func report(_ error: Error) {
        StandardOutput.stdout.flush()
        var text: String
        if let u = error as? UncaughtException { text = u.tracebackText }
        else if let e = error as? PyException { text = "\(e.typeName): \(e.message)\n" }
        else { text = "mfsh: \(error)\n" }
        if !text.hasSuffix("\n") { text += "\n" }
        if colour, let lastLineStart = text.dropLast().lastIndex(of: "\n").map({ text.index(after: $0) }) ?? Optional(text.startIndex) {
            let last = text[lastLineStart...]
            if let colon = last.firstIndex(of: ":") {
                text = String(text[..<lastLineStart]) + "\u{1B}[1;31m" + last[..<colon] + "\u{1B}[0m" + last[colon...]
            }
        }
        writeErr(text)
        StandardOutput.stderr.flush()
    }

    /// The status to exit with once stdout is flushed. A write that failed and was not raised in
    /// the program (the last buffer, --json's answer) is reported as CPython reports a failed flush
    /// at exit, with its status 120: lost output never looks like success.
    public func statusAfterFlushingOutput(_ status: Int32) -> Int32 {
        // A progress line left up by the last work must not stay on the terminal after mfsh.
        ProgressLine.active?.finish()
        StandardOutput.stdout.flush()
        guard let code = StandardOutput.stdout.takeWriteError() else { return status }
        let e = PyException.writeError(errno: code)
        writeErr("Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n\(e.typeName): \(e.message)\n")
        return 120
    }

    static func isSyntaxError(_ error: Error) -> Bool {
        if let u = error as? UncaughtException { return u.exception.isInstance(of: "SyntaxError") }
        return false
    }

    /// Exit status of an error: SystemExit's code, 2 for syntax errors, 130 for Ctrl-C (noted, so that
    /// main ends by the signal as CPython does), 1 otherwise.
    func exitStatus(for error: Error) -> Int32 {
        if let u = error as? UncaughtException, u.exception.isInstance(of: "KeyboardInterrupt") {
            endedByInterrupt = true
            return 130
        }
        if let u = error as? UncaughtException, u.isSystemExit { return u.exitCode }
        return Self.isSyntaxError(error) ? 2 : 1
    }

    private func runProgram(_ source: String, filename: String) -> Int32 {
        installInterruptHandler()
        preparePrelude(for: source)
        do {
            try interpreter.execute(source: source, filename: filename)
            StandardOutput.stdout.flush()
            return 0
        } catch {
            if let u = error as? UncaughtException, u.isSystemExit {
                StandardOutput.stdout.flush()
                if let msg = Self.exitMessage(u) { writeErr(msg + "\n") }
                return u.exitCode
            }
            report(error)
            return exitStatus(for: error)
        }
    }

    /// Ends the process as CPython does after an uncaught KeyboardInterrupt: killed by SIGINT, so the
    /// caller sees status 130 (and a shell running a loop of scripts stops too).
    public static func exitInterrupted() -> Never {
        StandardOutput.stdout.flush()
        // The main thread does not block SIGINT here (it blocks it only while the code runs).
        signal(SIGINT, SIG_DFL)
        kill(getpid(), SIGINT)
        exit(130)
    }

    /// `-c CODE`: sys.argv is `['-c', *arguments]`, as in Python.
    public func runCommand(_ code: String, arguments: [String] = []) -> Int32 {
        interpreter.argv = ["-c"] + arguments
        if options.json { return runJSON(code) }
        return runProgram(code, filename: "<string>")
    }

    public func runFile(_ path: String, arguments: [String]) -> Int32 {
        let bytes: [UInt8]
        do { bytes = try FileSystem.readFile(path, anyKind: true) } catch {
            writeErr("mfsh: can't open file '\(path)': \(Self.openErrorText(error))\n")
            return 2
        }
        interpreter.argv = [path] + arguments
        return runScript(bytes, filename: path)
    }

    /// Script bytes checked as CPython's tokenizer checks them (BOM, UTF-8, NUL), then run.
    private func runScript(_ bytes: [UInt8], filename: String) -> Int32 {
        let source: String
        do { source = try interpreter.decodeSource(bytes, filename: filename) } catch {
            report(error)
            return exitStatus(for: error)
        }
        return runProgram(Self.dropShebang(source), filename: filename)
    }

    /// A script read from stdin; sys.argv is `['']`, or `['-', ...]` for `mfsh - ARGS`, as in Python.
    public func runStdinScript(argv: [String] = [""]) -> Int32 {
        interpreter.argv = argv
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes += chunk[..<n]
        }
        return runScript(bytes, filename: "<stdin>")
    }

    /// CPython's words for a script it cannot open: `[Errno 2] No such file or directory`.
    static func openErrorText(_ error: FileError) -> String {
        switch error {
        case .notFound: return "[Errno \(ENOENT)] \(String(cString: strerror(ENOENT)))"
        case .unreadable(_, let code): return "[Errno \(code)] \(String(cString: strerror(code)))"
        case .tooLarge, .notRegular: return error.description
        }
    }

    static func dropShebang(_ s: String) -> String {
        guard s.hasPrefix("#!") else { return s }
        // Keep the line (as a comment) so line numbers stay right.
        return "#" + s.dropFirst(2)
    }

    /// `--json`: the value of the code's last statement, when it is an expression, as JSON (the
    /// statements before it run first; otherwise null), as a notebook cell shows its last value.
    func runJSON(_ code: String) -> Int32 {
        installInterruptHandler()
        preparePrelude(for: code)
        do {
            let v = try interpreter.executeInteractive(source: code) ?? Value.none
            StandardOutput.stdout.write(try JSONOutput.encode(v, context: context) + "\n")
            StandardOutput.stdout.flush()
            return 0
        } catch {
            report(error)
            return exitStatus(for: error)
        }
    }

    /// `sys.exit("message")` prints the message to stderr, as Python does.
    static func exitMessage(_ u: UncaughtException) -> String? {
        guard let a = u.exception.instance.args.first else { return nil }
        switch a {
        case .none, .int, .bool: return nil
        case .str(let s): return s
        default: return nil
        }
    }

    func installInterruptHandler() {
        installSigint()
    }
}

struct PendingPrelude {
    let files: [Prelude.File]
    let plan: PreludePlan
}
