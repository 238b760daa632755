// mfsh: the Metaflow Client API as a shell. Thin: options in, Shell out.
import ArgumentParser
import Shell
#if canImport(Glibc)
import Glibc
#endif

struct MFSH: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mfsh",
        abstract: "Look inside Metaflow runs: the Metaflow Client API in a Python-like shell.",
        discussion: """
            With no arguments on a terminal, starts the interactive shell. A FILE runs as a script \
            (`#!/usr/bin/env mfsh` works); non-terminal stdin is read as a script.
            Configuration is Metaflow's own: METAFLOW_* variables, .metaflow/config.json, \
            ~/.metaflowconfig. Exit status: 0, 1 on an uncaught exception, 2 on usage or syntax errors.
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

    @Argument(help: "Script to run, followed by its arguments (sys.argv).")
    var file: String?

    @Argument(parsing: .captureForPassthrough, help: .hidden)
    var scriptArguments: [String] = []

    mutating func validate() throws {
        if json && command == nil { throw ValidationError("--json goes with -c CODE") }
        if allNamespaces && namespace != nil { throw ValidationError("--namespace and --all-namespaces exclude each other") }
    }

    func run() throws {
        var options = ShellOptions()
        options.datastoreRoot = datastoreRoot
        options.metadata = metadata
        options.namespace = namespace
        options.allNamespaces = allNamespaces
        options.noPrelude = noPrelude
        options.json = json
        let shell: MFShell
        do { shell = try MFShell(options: options) } catch {
            FileHandleStderr.write("mfsh: \(error)\n")
            throw ExitCode(2)
        }
        shell.loadPrelude()
        var status: Int32 = 0
        if let command {
            status = shell.runCommand(command)
        } else if let file {
            status = shell.runFile(file, arguments: scriptArguments)
        } else {
            status = shell.repl()
            throw ExitCode(status)
        }
        if interactive { status = shell.repl(banner: false) }
        throw ExitCode(status)
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

runMain()
