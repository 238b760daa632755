// mfsh: the Metaflow Client API as a shell. Thin: options in, Shell out.
//
// Start-up matters (the aim is under 10 ms): swift-argument-parser reflects over the command's
// properties (Mirror, protocol-conformance scans) on every parse, which cost about a quarter of
// `mfsh -c 1`. So the common command lines are read by `FastArguments` below, and everything else
// (--help, --version, completion scripts, unusual spellings, every error) goes to ArgumentParser,
// which stays the one definition of the interface.
import ArgumentParser
import Shell
#if canImport(Glibc)
import Glibc
#endif

/// What to do, however the command line was read.
struct Invocation {
    var options = ShellOptions()
    var command: String?
    var interactive = false
    var file: String?
    var scriptArguments: [String] = []

    func run() -> Never {
        let shell: MFShell
        do { shell = try MFShell(options: options) } catch {
            FileHandleStderr.write("mfsh: \(error)\n")
            exit(2)
        }
        // ~/.mfshrc is for the interactive shell alone, as PYTHONSTARTUP is (not -c, FILE, -i FILE).
        shell.loadPrelude(startupFile: command == nil && file == nil && options.complete == nil && MFShell.terminalIsInteractive)
        if let text = options.complete { exit(shell.statusAfterFlushingOutput(shell.printCompletions(text))) }
        var status: Int32 = 0
        if let command {
            if let message = CommandLineText.undecodableCommandMessage(command) {
                FileHandleStderr.write(message)
                exit(1)
            }
            // Words after -c CODE are sys.argv[1:], as in Python (ArgumentParser reads the first as FILE).
            status = shell.runCommand(command, arguments: (file.map { [$0] } ?? []) + scriptArguments)
        } else if file == "-" {
            status = shell.runStdinScript(argv: ["-"] + scriptArguments)
        } else if let file {
            status = shell.runFile(file, arguments: scriptArguments)
        } else {
            status = shell.repl()
            if shell.endedByInterrupt { MFShell.exitInterrupted() }
            exit(shell.statusAfterFlushingOutput(status))
        }
        if interactive { status = shell.repl(banner: false) }
        else if shell.endedByInterrupt { MFShell.exitInterrupted() }
        exit(shell.statusAfterFlushingOutput(status))
    }
}

struct MFSH: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mfsh",
        abstract: "Look inside Metaflow runs: the Metaflow Client API in a Python-like shell.",
        discussion: """
            With no arguments on a terminal, starts the interactive shell. A FILE runs as a script \
            (`#!/usr/bin/env mfsh` works); non-terminal stdin is read as a script.
            Configuration is Metaflow's own: METAFLOW_* variables, .metaflow/config.json, \
            ~/.metaflowconfig. Exit status: 0, 1 on an uncaught exception, 2 on usage or syntax errors, \
            120 when the last output could not be written (as CPython).
            """,
        version: "mfsh 0.1.0")

    @Option(name: .shortAndLong, help: "Run CODE and exit.")
    var command: String?

    @Flag(name: .short, help: "Stay interactive after running FILE or -c CODE.")
    var interactive = false

    @Option(help: "Datastore root (the folder that holds .metaflow); overrides METAFLOW_DATASTORE_SYSROOT_LOCAL.")
    var datastoreRoot: String?

    @Option(help: "Metadata provider: local, a path, or a service URL.")
    var metadata: String?

    @Option(help: "Namespace to start in (a tag such as user:alice or production).")
    var namespace: String?

    @Flag(help: "Start with namespace(None): every run is visible.")
    var allNamespaces = false

    @Flag(help: "Do not load the Prelude or ~/.mfshrc.")
    var noPrelude = false

    @Flag(help: "With -c: print the value of CODE as JSON.")
    var json = false

    @Option(help: .hidden)
    var complete: String?

    @Argument(help: "Script to run, followed by its arguments (sys.argv).")
    var file: String?

    @Argument(parsing: .captureForPassthrough, help: .hidden)
    var scriptArguments: [String] = []

    mutating func validate() throws {
        if json && command == nil { throw ValidationError("--json goes with -c CODE") }
        if allNamespaces && namespace != nil { throw ValidationError("--namespace and --all-namespaces exclude each other") }
    }

    var invocation: Invocation {
        var i = Invocation()
        i.options.datastoreRoot = datastoreRoot
        i.options.metadata = metadata
        i.options.namespace = namespace
        i.options.allNamespaces = allNamespaces
        i.options.noPrelude = noPrelude
        i.options.json = json
        i.options.complete = complete
        i.command = command
        i.interactive = interactive
        i.file = file
        i.scriptArguments = scriptArguments
        return i
    }

    func run() throws { invocation.run() }
}

/// The everyday command lines, read without reflection: `-c CODE`, `FILE ARGS...`, no arguments,
/// and the value options spelled `--name VALUE`. Returns nil for anything it is not sure of, so
/// ArgumentParser decides (and reports) exactly as before.
enum FastArguments {
    static func parse(_ args: ArraySlice<String>) -> Invocation? {
        var inv = Invocation()
        var seen = Set<String>()
        var i = args.startIndex
        func value() -> String? {
            let next = args.index(after: i)
            guard next < args.endIndex, !args[next].hasPrefix("-") else { return nil }
            i = next
            return args[next]
        }
        while i < args.endIndex {
            let a = args[i]
            // `-` is FILE: the script on stdin.
            guard a.hasPrefix("-") && a != "-" else {
                inv.file = a
                inv.scriptArguments = Array(args[args.index(after: i)...])
                // ArgumentParser's own reading of options after FILE is the reference.
                if inv.scriptArguments.contains(where: { $0.hasPrefix("-") }) { return nil }
                break
            }
            let name = a == "-c" ? "--command" : a
            guard seen.insert(name).inserted else { return nil }
            switch name {
            case "--command": guard let v = value() else { return nil }; inv.command = v
            case "-i": inv.interactive = true
            case "--datastore-root": guard let v = value() else { return nil }; inv.options.datastoreRoot = v
            case "--metadata": guard let v = value() else { return nil }; inv.options.metadata = v
            case "--namespace": guard let v = value() else { return nil }; inv.options.namespace = v
            case "--all-namespaces": inv.options.allNamespaces = true
            case "--no-prelude": inv.options.noPrelude = true
            case "--json": inv.options.json = true
            case "--complete": guard let v = value() else { return nil }; inv.options.complete = v
            default: return nil
            }
            i = args.index(after: i)
        }
        // The rules of MFSH.validate(): let ArgumentParser word the error.
        if inv.options.json && inv.command == nil { return nil }
        if inv.options.allNamespaces && inv.options.namespace != nil { return nil }
        // A file and -c together: ArgumentParser's reading is the reference.
        if inv.command != nil && inv.file != nil { return nil }
        return inv
    }
}

enum FileHandleStderr {
    static func write(_ s: String) {
        var s = s
        s.withUTF8 { buf in _ = Glibc.write(STDERR_FILENO, buf.baseAddress, buf.count) }
    }
}

/// Like ParsableCommand.main(), but usage errors exit with 2 (Python's convention) instead of 64.
func runMain() -> Never {
    if let fast = FastArguments.parse(CommandLine.arguments.dropFirst()) { fast.run() }
    do {
        var command = try MFSH.parseAsRoot()
        try command.run()
        exit(0)
    } catch {
        let code = MFSH.exitCode(for: error)
        let message = MFSH.fullMessage(for: error)
        if code == .validationFailure {
            FileHandleStderr.write(message + "\n")
            exit(2)
        }
        if !message.isEmpty {
            if code.isSuccess { print(message) } else { FileHandleStderr.write(message + "\n") }
        }
        exit(code.rawValue)
    }
}

/// Before anything opens a file: fds 0-2 closed at start are reopened on /dev/null, so the first
/// open() cannot become stdin, stdout or stderr (print output would land in that file, or -i would
/// read it as commands). SIGPIPE and SIGXFSZ are ignored, as CPython does: a write to a closed pipe
/// or past a file-size limit then fails with EPIPE/EFBIG and is reported, instead of killing mfsh
/// with its output cut.
func prepareProcess() {
    for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
        let opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY)
        if opened >= 0 && opened != fd {
            dup2(opened, fd)
            close(opened)
        }
    }
    signal(SIGPIPE, SIG_IGN)
    signal(SIGXFSZ, SIG_IGN)
}

prepareProcess()
runMain()
