// The shell: one interpreter with the `metaflow` module registered, the Prelude loaded, and the
// ways to run code (command, file, stdin script, interactive loop).
import MFSInterpreter
import MetaflowClient
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
    /// The last script or command ended in an uncaught KeyboardInterrupt.
    public private(set) var endedByInterrupt = false

    public init(options: ShellOptions) throws {
        self.options = options
        var env = ProcessEnvironment.all()
        if let root = options.datastoreRoot { env["METAFLOW_DATASTORE_SYSROOT_LOCAL"] = root }
        let config = try Configuration(environment: env, workingDirectory: FileSystem.currentDirectory())
        let session = ClientSession(config: config)
        // Long work draws a progress line on stderr, only when stderr is a terminal.
        ProgressLine.active = ProgressLine.forTerminal(environment: env)
        session.progress = ProgressLine.active
        interpreter = Interpreter(stdout: StandardOutput.stdout, stderr: StandardOutput.stderr)
        context = ClientContext(session: session, interpreter: interpreter)
        colour = isatty(STDERR_FILENO) != 0 && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
        let members = MetaflowModule.members(context)
        clientMembers = members
        interpreter.registerModule("metaflow", members)
        // The shell starts as if `from metaflow import *` had run: `Flow("X")` works at once.
        for (name, value) in members { interpreter.registerGlobal(name, value) }
        // `from metaflow.exception import MetaflowNotFound` works as in Python.
        let exceptionNames = Set(metaflowExceptionHierarchy.map { $0.0 })
        interpreter.registerModule("metaflow.exception", members.filter { exceptionNames.contains($0.0) })
        OsModule.register(in: interpreter, environment: env)
        interpreter.registerGlobal("open", OpenBuiltin.make(datastoreRoot: config.localDatastoreRoot))
        if let m = options.metadata { _ = try context.bridge { try session.metadata(m) } }
        if options.allNamespaces { _ = try session.namespace(nil) }
        else if let ns = options.namespace { _ = try session.namespace(ns) }
    }

    /// Reads Prelude/*.mfs and runs them with ~/.mfshrc, or, when the Prelude only defines things
    /// (see PreludePlan), keeps it to run before the first code that could see it. A missing
    /// Prelude is a warning, not an error.
    public func loadPrelude() {
        guard !options.noPrelude else { return }
        var files: [(path: String, source: String)] = []
        if let dir = Prelude.directory() {
            for file in Prelude.files(in: dir) {
                guard let source = try? FileSystem.readText(file) else {
                    writeErr("mfsh: warning: cannot read \(file); skipped\n")
                    continue
                }
                files.append((file, source))
            }
        } else {
            writeErr("mfsh: warning: Prelude not found (set MFSH_PRELUDE to its folder); continuing without it\n")
        }
        var rc: (path: String, source: String)?
        if let home = FileSystem.environment("HOME") {
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

    func writeErr(_ s: String) { StandardOutput.stderr.write(s) }

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

    public func runCommand(_ code: String) -> Int32 {
        if options.json { return runJSON(code) }
        return runProgram(code, filename: "<string>")
    }

    public func runFile(_ path: String, arguments: [String]) -> Int32 {
        let source: String
        do { source = try FileSystem.readText(path) } catch {
            writeErr("mfsh: can't open file '\(path)': \(error)\n")
            return 2
        }
        interpreter.argv = [path] + arguments
        return runProgram(Self.dropShebang(source), filename: path)
    }

    public func runStdinScript() -> Int32 {
        var lines: [String] = []
        while let l = readLine(strippingNewline: true) { lines.append(l) }
        return runProgram(lines.joined(separator: "\n") + "\n", filename: "<stdin>")
    }

    static func dropShebang(_ s: String) -> String {
        guard s.hasPrefix("#!") else { return s }
        // Keep the line (as a comment) so line numbers stay right.
        return "#" + s.dropFirst(2)
    }

    /// `--json`: the value of the code (an expression, or the last expression statement) as JSON.
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
    let files: [(path: String, source: String)]
    let plan: PreludePlan
}
