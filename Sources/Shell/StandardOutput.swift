// The process's stdout/stderr as the interpreter's output sinks, shared by the shell's own messages
// so everything is written in order.
import MFSInterpreter

enum StandardOutput {
    nonisolated(unsafe) static let stdout: OutputSink = FileOutputSink(fd: 1)
    nonisolated(unsafe) static let stderr: OutputSink = FileOutputSink(fd: 2, unbuffered: true)
}
