// Entries of a local tree that listings leave out because they cannot be read or are not what their
// folder says (a link that loops, a folder of mode 000, a `_self.json` of another object). One bad
// entry must not disable its whole flow or step: Python's client skips most of these silently
// (glob and isfile swallow the errors); mfsh skips them too, but says so once per entry.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

enum SkippedEntries {
    private static let warned = Mutex<Set<String>>([])

    /// Writes `mfsh: warning: skipped '<path>': <reason>` to stderr, the first time only for a path.
    static func warn(_ path: String, _ reason: String) {
        let first = warned.withLock { $0.insert(path).inserted }
        guard first else { return }
        let line = Array("mfsh: warning: skipped '\(path)': \(reason)\n".utf8)
        line.withUnsafeBytes { buf in
            guard let base = buf.baseAddress else { return }
            var off = 0
            while off < buf.count {
                let n = write(2, base + off, buf.count - off)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                off += n
            }
        }
    }

    /// The path and reason to report for an entry whose record could not be read.
    static func describe(_ error: any Error) -> (path: String?, reason: String) {
        if case FileError.unreadable(let p, let code)? = error as? FileError {
            return (FileSystem.culprit(of: p, error: code), String(cString: strerror(code)))
        }
        if let e = error as? MetaflowError { return (nil, e.message) }  // a record that does not parse
        return (nil, "\(error)")
    }
}
