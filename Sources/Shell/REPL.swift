// The interactive loop, in the manner of Lua's lua.c: expression statements echo their repr (not
// None) and set `_`, each of `x; x + 1` as in CPython's 'single' mode; unfinished input (open brackets, strings, block headers) reads continuation lines
// until it is complete (a blank line ends a block); errors are shown and the loop goes on.
import CEditLine
import Synchronization
import MFSInterpreter
import MetaflowBindings
import MetaflowClient
#if canImport(Glibc)
import Glibc
#endif

extension MFShell {
    public static let prompt = "mfsh> "
    public static let continuationPrompt = "...   "

    /// Both stdin and stdout are terminals: the shell reads lines with editing and prompts.
    public static var terminalIsInteractive: Bool { isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 }

    public func repl(banner: Bool = true) -> Int32 {
        if !Self.terminalIsInteractive { return runStdinScript() }
        Locale.setUTF8()
        installSigint()
        let completion = Completion(context: context) { [unowned self] in self.runPendingPrelude() }
        guard let editor = LineEditor(program: "mfsh", historyPath: Self.historyPath()) else {
            writeErr("mfsh: cannot start line editing; reading plain lines\n")
            return loop(PlainLineReader())
        }
        editor.completer = { completion.complete($0) }
        pagesLongOutput = true
        if banner {
            writeErr("mfsh — Metaflow client shell. \(context.session.getMetadata()); help(Flow), Ctrl-D to leave.\n")
        }
        return loop(editor)
    }

    func loop(_ reader: LineReader) -> Int32 {
        var buffer: [String] = []
        // A paste or a recalled block is part of the input: it runs as Python 3.13 runs one.
        var hasBlock = false
        while true {
            // A loop left early (break, Ctrl-C) may leave its progress line up; the prompt replaces it.
            ProgressLine.active?.finish()
            StandardOutput.stdout.flush()
            let result = reader.readLine(prompt: buffer.isEmpty ? Self.prompt : Self.continuationPrompt,
                                         indentation: buffer.isEmpty ? "" : BlockEditing.indentation(after: buffer))
            switch result {
            case .eof:
                if buffer.isEmpty { StandardOutput.stdout.write("\n"); StandardOutput.stdout.flush(); return 0 }
                buffer = []
                hasBlock = false
                StandardOutput.stdout.write("\n")
            case .interrupted:
                buffer = []
                hasBlock = false
                mfsInterruptRequested.store(false, ordering: .relaxed)
                StandardOutput.stdout.write("^C\n")
                StandardOutput.stdout.flush()
            case .line(let line):
                let isBlock = line.contains("\n")
                hasBlock = hasBlock || isBlock
                buffer.append(contentsOf: line.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
                let source = buffer.joined(separator: "\n")
                if isBlock {
                    // Complete as a file's statements are: blank lines inside a function do not end it.
                    if interpreter.isIncomplete(source + "\n\n") { continue }
                } else {
                    let blank = line.trimmingCharacters(in: " \t").isEmpty
                    // A block (or an open bracket) keeps reading; a blank line closes a block.
                    if interpreter.isIncomplete(source) && !(blank && buffer.count > 1 && Self.endsBlock(buffer)) { continue }
                    if buffer.count > 1 && Self.needsBlankLine(buffer) && !blank { continue }
                }
                buffer = []
                let asStatements = hasBlock
                hasBlock = false
                if source.trimmingCharacters(in: " \t\n").isEmpty { continue }
                reader.remember(Self.historyEntry(source))
                if isLeaveCommand(source) { StandardOutput.stdout.flush(); return 0 }
                if let request = Self.inspectRequest(source) {
                    inspect(request.chain, withSource: request.withSource)
                    continue
                }
                evaluate(source, lastStatementDisplayed: asStatements)
            }
        }
    }

    /// An input as history keeps it: its lines and their indentation, without the blank line that
    /// closed a block.
    static func historyEntry(_ source: String) -> String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        while let l = lines.last, l.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Compound statements (`for x in y:`) take lines until a blank one, like Python's REPL.
    static func needsBlankLine(_ lines: [String]) -> Bool {
        guard let first = lines.first?.trimmingCharacters(in: " \t") else { return false }
        return first.hasSuffix(":") || lines.dropFirst().contains { $0.hasPrefix(" ") || $0.hasPrefix("\t") }
    }

    /// A bare `exit` or `quit` leaves, as in Python 3.13's REPL, unless the name was rebound.
    func isLeaveCommand(_ source: String) -> Bool {
        let word = source.trimmingCharacters(in: " \t\n")
        return (word == "exit" || word == "quit") && interpreter.global(word) == nil
    }

    static func endsBlock(_ lines: [String]) -> Bool { needsBlankLine(lines) }

    /// Runs an input. `lastStatementDisplayed` (a pasted or recalled block): its statements run as a
    /// file's and only the last one's values are echoed, as Python 3.13's REPL runs a paste.
    func evaluate(_ source: String, lastStatementDisplayed: Bool = false) {
        mfsInterruptRequested.store(false, ordering: .relaxed)
        preparePrelude(for: source)
        do {
            try interpreter.executeDisplaying(source: source + "\n", lastStatementOnly: lastStatementDisplayed) { [unowned self] v in
                // sys.displayhook: None is not shown and leaves `_` alone.
                if case .none = v { return }
                try self.echo(v, source: source)
                self.interpreter.registerGlobal("_", v)
            }
            StandardOutput.stdout.flush()
            if let code = StandardOutput.stdout.takeWriteError() { report(PyException.writeError(errno: code)) }
        } catch {
            if let u = error as? UncaughtException, u.isSystemExit { exit(statusAfterFlushingOutput(u.exitCode)) }
            report(error)
        }
    }

    static func historyPath() -> String? {
        if let state = FileSystem.environment("XDG_STATE_HOME"), !state.isEmpty, FileSystem.isDirectory(state + "/mfsh") {
            return state + "/mfsh/history"
        }
        guard let home = FileSystem.environment("HOME"), !home.isEmpty else { return nil }
        return home + "/.mfsh_history"
    }
}

enum Locale {
    /// Non-ASCII keys are dropped by libedit without a UTF-8 LC_CTYPE.
    static func setUTF8() {
        if let l = setlocale(LC_CTYPE, ""), String(cString: l).uppercased().contains("UTF") { return }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
}

func installSigint() {
    cel_install_sigint { _ in
        mfsInterruptRequested.store(true, ordering: .relaxed)
    }
}
