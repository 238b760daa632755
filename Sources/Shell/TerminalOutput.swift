// How the interactive shell shows what is too big for the terminal: the echo of a list, dict,
// tuple or set that does not fit the width is laid out one item per line as pprint does, and text
// taller than the screen (help, a task's stdout/stderr echoed at the prompt) goes through a pager,
// `$PAGER` or `less -R`, as IPython and pydoc do. Only at the prompt with both stdin and stdout on
// a terminal: scripts, -c and pipes get the plain text.
import MetaflowClient
import MFSInterpreter
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

enum TerminalOutput {
    /// Columns and rows of the terminal on stdout, or nil when stdout is not a terminal.
    static func size() -> (columns: Int, rows: Int)? {
        var ws = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 else { return nil }
        return (Int(ws.ws_col), Int(ws.ws_row))
    }

    /// `shutil.get_terminal_size().columns`, the width pandas fits frames to in scripts and at the
    /// prompt alike: $COLUMNS when it is a positive number, else the terminal on stdout, else 80.
    static func pythonTerminalColumns(columnsVariable: String?) -> Int {
        if let text = columnsVariable, let columns = Int(text.trimmingPythonWhitespace()), columns > 0 { return columns }
        return size()?.columns ?? 80
    }

    /// The echo of `value`: its repr, or pprint's layout when the repr is wider than `columns`
    /// and the value is a container pprint breaks up.
    static func echoText(_ value: Value, interpreter: Interpreter, columns: Int?) throws -> String {
        let text = try interpreter.repr(value)
        guard let columns, text.count > columns else { return text }
        switch value {
        case .list, .tuple, .dict, .set, .frozenset: return try interpreter.pformat(value, width: columns)
        default: return text
        }
    }

    /// True when `text` has more lines (wrapped at the width) than fit on the screen, leaving
    /// a line for the prompt.
    static func isTallerThanScreen(_ text: String, size: (columns: Int, rows: Int)) -> Bool {
        var lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += max(1, (line.count + size.columns - 1) / size.columns)
            if lines >= size.rows { return true }
        }
        return false
    }

    /// The pager's command line: `$PAGER` when set and not empty, else `less -R`.
    static func pagerCommand() -> String {
        if let p = FileSystem.environment("PAGER"), !p.trimmingCharacters(in: " \t").isEmpty { return p }
        return "less -R"
    }

    /// Runs the pager with `text` on its stdin and waits for it; false when it could not start
    /// (the caller then writes the text itself).
    static func page(_ text: String) -> Bool {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        let words: [String] = ["/bin/sh", "-c", pagerCommand()]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { (w: String) -> UnsafeMutablePointer<CChar>? in strdup(w) } + [nil]
        defer { for a in argv { free(a) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        close(fds[0])
        guard rc == 0 else { close(fds[1]); return false }
        // A pager that quits early closes the pipe: the rest of the text is not wanted.
        let previous = signal(SIGPIPE, SIG_IGN)
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(fds[1], $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; break }
            bytes = bytes.dropFirst(n)
        }
        close(fds[1])
        signal(SIGPIPE, previous)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        mfsInterruptRequested.store(false, ordering: .relaxed)   // Ctrl-C inside the pager is its own
        return true
    }
}

extension MFShell {
    /// Writes `text` to stdout, through the pager when the REPL is on a terminal and the text is
    /// taller than the screen.
    func showLong(_ text: String) {
        if pagesLongOutput, let size = TerminalOutput.size(), TerminalOutput.isTallerThanScreen(text, size: size) {
            StandardOutput.stdout.flush()
            interpreter.stdout.flush()
            if TerminalOutput.page(text) { return }
        }
        interpreter.stdout.write(text)
    }

    /// The REPL's echo of one value (sys.displayhook), laid out for the terminal.
    func echo(_ value: Value, source: String) throws {
        let columns = pagesLongOutput ? TerminalOutput.size()?.columns : nil
        // `task.stdout` / `task.stderr` typed alone: a long log is read in the pager as text.
        if pagesLongOutput, case .str(let s) = value, Self.isLogExpression(source),
           let size = TerminalOutput.size(), TerminalOutput.isTallerThanScreen(s, size: size) {
            showLong(s.hasSuffix("\n") ? s : s + "\n")
            return
        }
        StandardOutput.stdout.write(try TerminalOutput.echoText(value, interpreter: interpreter, columns: columns) + "\n")
    }

    /// An input that is one expression ending in `.stdout` or `.stderr`.
    static func isLogExpression(_ source: String) -> Bool {
        let s = source.trimmingCharacters(in: " \t\n")
        guard !s.contains("\n"), !s.contains(";") else { return false }
        return s.hasSuffix(".stdout") || s.hasSuffix(".stderr")
    }
}

extension String {
    /// What Python's `int()` ignores around a number.
    fileprivate func trimmingPythonWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0B}" || $0 == "\u{0C}" }
        var text = self[...]
        while let c = text.first, isSpace(c) { text = text.dropFirst() }
        while let c = text.last, isSpace(c) { text = text.dropLast() }
        return text
    }
}
