// A one-line progress display on stderr for long work: loading a large artifact, walking many
// tasks or runs. Only used when stderr is a terminal; it appears after a short delay (quick work
// shows nothing), redraws at most ten times a second, and is erased before anything else is
// written, so output never mixes with it.
import MetaflowClient
import MFSInterpreter
#if canImport(Glibc)
import Glibc
#endif

final class ProgressLine: ProgressReporter {
    /// The line in use by this process, if any (output sinks erase it before writing).
    nonisolated(unsafe) static var active: ProgressLine?

    private let delayNanos: UInt64 = 400_000_000
    private let redrawNanos: UInt64 = 100_000_000
    private var label: String?
    private var labelStart: UInt64 = 0
    private var lastDraw: UInt64 = 0
    private(set) var visible = false

    /// A progress line when stderr is a terminal, else nil.
    static func forTerminal(environment: [String: String]) -> ProgressLine? {
        guard isatty(STDERR_FILENO) != 0, environment["TERM"] != "dumb", environment["MFSH_NO_PROGRESS"] == nil else { return nil }
        return ProgressLine()
    }

    func report(_ label: String, done: Int, total: Int, bytes: Bool) {
        let now = Self.now()
        if label != self.label {
            self.label = label
            labelStart = now
        }
        guard now &- labelStart >= delayNanos, now &- lastDraw >= redrawNanos || done >= total else { return }
        lastDraw = now
        var text = label + ": "
        if bytes {
            text += "\(Self.megabytes(done)) of \(Self.megabytes(total)) MB"
        } else {
            text += "\(done) of \(total)"
        }
        if total > 0 { text += " (\(min(100, done * 100 / total))%)" }
        draw(text)
    }

    func finish() {
        label = nil
        erase()
    }

    /// Takes the line away (before other output), keeping the current work's timing.
    func erase() {
        guard visible else { return }
        visible = false
        write("\r\u{1B}[2K")
    }

    private func draw(_ text: String) {
        var shown = text
        let width = Self.terminalWidth()
        if shown.count >= width { shown = String(shown.prefix(max(width - 2, 10))) + "…" }
        // What stdout holds goes out first: written after, it would land on the line.
        StandardOutput.stdout.flush()
        visible = true
        write("\r\u{1B}[2K\u{1B}[2m" + shown + "\u{1B}[0m")
    }

    private func write(_ s: String) {
        var bytes = Array(s.utf8)
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(STDERR_FILENO, $0.baseAddress.map { $0 + off }, $0.count - off) }
            if n < 0 { if errno == EINTR { continue }; return }
            off += n
        }
    }

    private static func megabytes(_ n: Int) -> String {
        let tenths = n / 104_858
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    private static func now() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return UInt64(max(ts.tv_sec, 0)) &* 1_000_000_000 &+ UInt64(max(ts.tv_nsec, 0))
    }
}
