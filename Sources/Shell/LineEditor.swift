// Interactive line reading through libedit (see shared/docs/libedit-swift.md): EL_CLIENTDATA +
// Unmanaged instead of globals, history saved after every input, SIGINT without SA_RESTART so
// Ctrl-C interrupts el_gets, key bindings after el_source so ~/.editrc cannot wipe them.
// Blocks: a continuation line starts with the indentation the REPL asks for (pushed as typed
// input, so it can be edited away), Tab at the start of a line indents, a bracketed paste goes
// into the line as it is (newlines included: libedit draws a buffer with newlines over several
// lines), history keeps a whole input, block or paste, as one entry that Up brings back whole, and
// Enter inside such a block (a newline after the cursor) opens a new line there.
import CEditLine
#if canImport(Glibc)
import Glibc
#endif

enum ReadResult: Equatable { case line(String), interrupted, eof }

protocol LineReader: AnyObject {
    /// One line, or a block when the user pasted or recalled one (lines joined by `\n`). A
    /// continuation line starts with `indentation`, which the user can edit.
    func readLine(prompt: String, indentation: String) -> ReadResult
    /// Keeps a whole input (a line or a block) in the history.
    func remember(_ input: String)
}

/// Pipes, files and tests: no prompt, no editing.
final class PlainLineReader: LineReader {
    func readLine(prompt: String, indentation: String) -> ReadResult {
        guard let l = Swift.readLine(strippingNewline: true) else { return .eof }
        return .line(l)
    }

    func remember(_ input: String) {}
}

final class LineEditor: LineReader {
    private let el: OpaquePointer
    private let hist: OpaquePointer
    private var promptC: UnsafeMutablePointer<CChar>?
    private let historyPath: String?
    private var historyFilter = HistoryFilter()
    /// The terminal is asked to mark pastes (ESC[200~ … ESC[201~) while a line is read.
    private var pastesBracketed = false
    /// True once the history file is known to exist (created 0600 by us, or there before).
    private var historyFileReady = false
    /// Called with the text before the cursor; returns (replacement start offset in bytes, candidates).
    var completer: ((String) -> (Int, [String]))?

    static let historySize: Int32 = 2000

    init?(program: String, historyPath: String?) {
        guard let el = cel_init(program), let hist = history_init() else { return nil }
        self.el = el
        self.hist = hist
        self.historyPath = historyPath
        cel_hist_setsize(hist, Self.historySize)
        cel_hist_setunique(hist, 1)
        if let historyPath { cel_hist_load(hist, historyPath) }
        cel_set_editor(el, "emacs")
        cel_set_signal(el, 1)
        cel_set_hist(el, hist)
        cel_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        cel_set_prompt(el) { el in
            guard let el, let raw = cel_get_clientdata(el) else { return nil }
            return Unmanaged<LineEditor>.fromOpaque(raw).takeUnretainedValue().promptC
        }
        cel_add_fn(el, "mfsh-complete", "complete the current word") { el, _ in
            guard let el, let raw = cel_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(raw).takeUnretainedValue().complete()
        }
        cel_add_fn(el, "mfsh-tab", "indent at the start of a line, complete elsewhere") { el, _ in
            guard let el, let raw = cel_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(raw).takeUnretainedValue().indentOrComplete()
        }
        cel_add_fn(el, "mfsh-paste", "insert bracketed-pasted text as it is") { el, _ in
            guard let el, let raw = cel_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(raw).takeUnretainedValue().paste()
        }
        cel_add_fn(el, "mfsh-enter", "run the input, or start a new line inside a block") { el, _ in
            guard let el, let raw = cel_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(raw).takeUnretainedValue().newlineOrAccept()
        }
        el_source(el, nil)
        cel_bind(el, "^I", "mfsh-tab")
        // Enter arrives as ^J (the terminal driver maps CR to NL); ^M stays libedit's ed-newline.
        cel_bind(el, "^J", "mfsh-enter")
        // Bracketed paste in emacs mode only: in vi mode ESC must switch to command mode at once,
        // and binding ESC[200~ would make it wait for a sequence (Esc 0 would be lost).
        if let mode = cel_get_editor(el), String(cString: mode) == "emacs" {
            pastesBracketed = true
            cel_bind(el, "\\e[200~", "mfsh-paste")
            // Home, End and Delete in every encoding terminals use (libedit binds only the one the
            // terminfo entry names, and a TERM that does not match the terminal left `~` in the line).
            for key in ["\\e[1~", "\\e[7~", "\\e[H", "\\eOH"] { cel_bind(el, key, "ed-move-to-beg") }
            for key in ["\\e[4~", "\\e[8~", "\\e[F", "\\eOF"] { cel_bind(el, key, "ed-move-to-end") }
            cel_bind(el, "\\e[3~", "ed-delete-next-char")
            cel_install_sigtstp()
        }
    }

    deinit {
        el_end(el)
        history_end(hist)
        free(promptC)
    }

    func readLine(prompt: String, indentation: String) -> ReadResult {
        free(promptC)
        promptC = strdup(prompt)
        // Read before anything typed ahead, as if typed: Backspace or Ctrl-U take it away.
        if !indentation.isEmpty { el_push(el, indentation) }
        if pastesBracketed { cel_set_bracketed_paste(1) }
        defer { if pastesBracketed { cel_set_bracketed_paste(0) } }
        var count: Int32 = 0
        errno = 0
        guard let p = el_gets(el, &count) else {
            return (count == -1 && errno == EINTR) ? .interrupted : .eof
        }
        var bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p)))
        while let b = bytes.last, b == 0x0A || b == 0x0D { bytes.removeLast() }
        return .line(String(decoding: bytes, as: UTF8.self))
    }

    /// History keeps real entries only: no blank lines, nothing that looks like a secret. A block
    /// is one entry with its indentation (libedit's file encodes its newlines, `\^J`).
    func remember(_ input: String) {
        guard let entry = historyFilter.entry(for: input) else { return }
        cel_hist_enter(hist, entry)
        guard let historyPath else { return }
        if !historyFileReady { historyFileReady = Self.createPrivately(historyPath) }
        if historyFileReady { cel_hist_save(hist, historyPath) }
    }

    /// Creates the history file readable by its owner only, by the call that creates it: libedit's
    /// save would create it 0666 & ~umask and fchmod it after, a moment in which others can open
    /// it. An existing file is kept (libedit's save makes it 0600 before writing).
    private static func createPrivately(_ path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if fd >= 0 { close(fd); return true }
        return errno == EEXIST
    }

    /// The text being edited (UTF-8 bytes) before and after the cursor.
    private func editedText() -> (beforeCursor: [UInt8], afterCursor: [UInt8])? {
        guard let li = el_line(el) else { return nil }
        let info = li.pointee
        func bytes(_ from: UnsafePointer<CChar>, _ to: UnsafePointer<CChar>) -> [UInt8] {
            UnsafeRawPointer(from).withMemoryRebound(to: UInt8.self, capacity: to - from) {
                Array(UnsafeBufferPointer(start: $0, count: to - from))
            }
        }
        return (bytes(info.buffer, info.cursor), bytes(info.cursor, info.lastchar))
    }

    /// The bytes of the line being edited, up to the cursor (for a block: from its last newline).
    private func currentLineBeforeCursor() -> [UInt8]? {
        guard let before = editedText()?.beforeCursor else { return nil }
        return Array(before[(before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)...])
    }

    fileprivate func indentOrComplete() -> UInt8 {
        guard let line = currentLineBeforeCursor() else { return UInt8(CC_ERROR) }
        guard let indent = BlockEditing.indentForTab(lineSoFar: line) else { return complete() }
        el_insertstr(el, indent)
        return UInt8(CC_REFRESH)
    }

    /// Enter runs the input, except with a newline after the cursor (inside a pasted or recalled
    /// block): there it starts a new line, indented as a continuation line would be, as Python
    /// 3.13's REPL does.
    fileprivate func newlineOrAccept() -> UInt8 {
        guard let (before, after) = editedText() else { return UInt8(CC_ERROR) }
        guard after.contains(0x0A) else {
            // ^M: libedit's own ed-newline, which also moves below an input drawn over several lines.
            el_push(el, "\r")
            return UInt8(CC_NORM)
        }
        let lines = before.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        el_insertstr(el, "\n" + BlockEditing.indentation(after: lines))
        return UInt8(CC_REFRESH)
    }

    /// Called on ESC[200~: reads up to ESC[201~ and inserts the text unchanged (no completion, no
    /// auto-indent: it is read here, not through the key bindings), replacing the indentation the
    /// prompt put in when the text brings its own.
    fileprivate func paste() -> UInt8 {
        let end: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]
        var scalars: [Unicode.Scalar] = []
        var c: wchar_t = 0
        while el_wgetc(el, &c) == 1 {
            guard let s = Unicode.Scalar(UInt32(bitPattern: c)) else { continue }
            scalars.append(s)
            if scalars.count >= end.count, scalars.suffix(end.count).elementsEqual(end) {
                scalars.removeLast(end.count)
                break
            }
        }
        let text = BlockEditing.cleanPaste(scalars)
        if let line = currentLineBeforeCursor(), !line.isEmpty, BlockEditing.indentForTab(lineSoFar: line) != nil,
           BlockEditing.pasteReplacesIndentation(text) {
            el_deletestr(el, Int32(line.count))
        }
        if !text.isEmpty { el_insertstr(el, text) }
        return UInt8(CC_REFRESH)
    }

    fileprivate func complete() -> UInt8 {
        guard let completer, let li = el_line(el) else { return UInt8(CC_ERROR) }
        let info = li.pointee
        let len = info.cursor - info.buffer
        let typed = UnsafeRawPointer(info.buffer).withMemoryRebound(to: UInt8.self, capacity: len) {
            Array(UnsafeBufferPointer(start: $0, count: len))
        }
        let text = String(decoding: typed, as: UTF8.self)
        let (start, candidates) = completer(text)
        let word = Array(typed[min(start, typed.count)...])
        let matches = word.isEmpty ? candidates : candidates.filter { $0.utf8.starts(with: word) }
        if matches.isEmpty { return UInt8(CC_REFRESH_BEEP) }
        if matches.count == 1 {
            el_insertstr(el, String(decoding: Array(matches[0].utf8).dropFirst(word.count), as: UTF8.self))
            return UInt8(CC_REFRESH)
        }
        let common = commonPrefix(matches)
        if common.utf8.count > word.count {
            el_insertstr(el, String(decoding: Array(common.utf8).dropFirst(word.count), as: UTF8.self))
            return UInt8(CC_REFRESH)
        }
        let (width, height) = terminalSize()
        cel_puts("\n" + Completion.listing(matches, width: width, rows: max(3, height - 3)) + "\n")
        return UInt8(CC_REDISPLAY)
    }

    private func terminalSize() -> (width: Int, height: Int) {
        var ws = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0, ws.ws_row > 0 { return (Int(ws.ws_col), Int(ws.ws_row)) }
        return (80, 24)
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}

/// Longest common prefix in Unicode scalars, so a multi-byte character is never split.
func commonPrefix(_ words: [String]) -> String {
    guard var prefix = words.first.map({ Array($0.unicodeScalars) }) else { return "" }
    for w in words.dropFirst() {
        let s = Array(w.unicodeScalars)
        var i = 0
        while i < prefix.count, i < s.count, prefix[i] == s[i] { i += 1 }
        prefix = Array(prefix[..<i])
    }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: prefix)
    return String(out)
}
