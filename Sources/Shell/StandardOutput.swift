// The process's stdout/stderr as the interpreter's output sinks, shared by the shell's own messages
// so everything is written in order. stdout is buffered as CPython buffers it: by line on a
// terminal (a loop's prints show as they come), in blocks on a pipe or file. The shell flushes it
// before its prompts, errors, warnings and the progress line.
import MFSInterpreter
#if canImport(Glibc)
import Glibc
#endif

enum StandardOutput {
    nonisolated(unsafe) static let stdout: OutputSink =
        ProgressErasingSink(FileOutputSink(fd: 1, lineBuffered: isatty(STDOUT_FILENO) != 0))
    nonisolated(unsafe) static let stderr: OutputSink = ProgressErasingSink(FileOutputSink(fd: 2, unbuffered: true))
}

/// Takes the progress line away before any output, so text never lands on top of it.
final class ProgressErasingSink: OutputSink {
    let inner: OutputSink
    init(_ inner: OutputSink) { self.inner = inner }
    func write(_ text: String) {
        if let line = ProgressLine.active, line.visible {
            inner.flush()
            line.erase()
        }
        inner.write(text)
    }
    func flush() { inner.flush() }
    func takeWriteError() -> Int32? { inner.takeWriteError() }
}
