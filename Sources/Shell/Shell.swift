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
    public init() {}
}

public final class MFShell {
    let interpreter: Interpreter
    let context: ClientContext
    let options: ShellOptions
    let colour: Bool

    public init(options: ShellOptions) throws {
        self.options = options
        var env = ProcessEnvironment.all()
        if let root = options.datastoreRoot { env["METAFLOW_DATASTORE_SYSROOT_LOCAL"] = root }
        let config = try Configuration(environment: env, workingDirectory: FileSystem.currentDirectory())
        let session = ClientSession(config: config)
        interpreter = Interpreter(stdout: StandardOutput.stdout, stderr: StandardOutput.stderr)
        context = ClientContext(session: session, interpreter: interpreter)
        colour = isatty(STDERR_FILENO) != 0 && env["NO_COLOR"] == nil && env["TERM"] != "dumb"
        let members = MetaflowModule.members(context)
        interpreter.registerModule("metaflow", members)
        // The shell starts as if `from metaflow import *` had run: `Flow("X")` works at once.
        for (name, value) in members { interpreter.registerGlobal(name, value) }
        // `from metaflow.exception import MetaflowNotFound` works as in Python.
        let exceptionNames = Set(metaflowExceptionHierarchy.map { $0.0 })
        interpreter.registerModule("metaflow.exception", members.filter { exceptionNames.contains($0.0) })
        if let m = options.metadata { _ = try context.bridge { try session.metadata(m) } }
        if options.allNamespaces { _ = try session.namespace(nil) }
        else if let ns = options.namespace { _ = try session.namespace(ns) }
    }

    /// Loads Prelude/*.mfs and ~/.mfshrc. A missing Prelude is a warning, not an error.
    public func loadPrelude() {
        guard !options.noPrelude else { return }
        if let dir = Prelude.directory() {
            for file in Prelude.files(in: dir) {
                guard let source = try? FileSystem.readText(file) else { continue }
                do { try interpreter.execute(source: source, filename: file) } catch {
                    report(error)
                }
            }
        } else {
            writeErr("mfsh: warning: Prelude not found (set MFSH_PRELUDE to its folder); continuing without it\n")
        }
        if let home = FileSystem.environment("HOME") {
            let rc = home + "/.mfshrc"
            if FileSystem.isFile(rc), let source = try? FileSystem.readText(rc) {
                do { try interpreter.execute(source: source, filename: rc) } catch { report(error) }
            }
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

    /// Exit status of an error: SystemExit's code, 2 for syntax errors, 1 otherwise.
    func exitStatus(for error: Error) -> Int32 {
        if let u = error as? UncaughtException, u.isSystemExit { return u.exitCode }
        return Self.isSyntaxError(error) ? 2 : 1
    }

    private func runProgram(_ source: String, filename: String) -> Int32 {
        installInterruptHandler()
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
