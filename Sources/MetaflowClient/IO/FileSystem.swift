// Thin POSIX file access. Directory listings keep readdir order on purpose: Python's glob uses
// os.scandir, which is readdir order, and Metaflow's "provider order" is exactly that.
// The fuzzers compile this file with LargeBuffers' source in the same module.
#if canImport(LargeBuffers)
import LargeBuffers
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum FileError: Error, CustomStringConvertible, Sendable {
    case notFound(String)
    case unreadable(String, Int32)
    case tooLarge(String, Int)
    case notRegular(String)

    public var description: String {
        switch self {
        case .notFound(let p): return "No such file or directory: '\(p)'"
        case .unreadable(let p, let e): return "cannot read '\(p)': \(String(cString: strerror(e)))"
        case .tooLarge(let p, let n): return "'\(p)' is too large (\(n) bytes)"
        case .notRegular(let p): return "'\(p)' is not a regular file (a pipe, socket or device where data was expected)"
        }
    }
}

public enum FileSystem {
    /// `anyKind`: also pipes and devices (a script given as `<(...)`); otherwise the file must be
    /// a regular one, as every datastore file is.
    public static func readFile(_ path: String, limit: Int = Int.max, anyKind: Bool = false) throws(FileError) -> [UInt8] {
        guard let (bytes, _) = try readFileIfPresent(path, limit: limit, anyKind: anyKind) else { throw .notFound(path) }
        return bytes
    }

    /// The file's bytes and its `stat` (taken on the open descriptor, so they belong together),
    /// or nil when the file does not exist: one open, no separate existence check.
    ///
    /// Unless `anyKind`, the open does not wait (O_NONBLOCK) and anything but a regular file is an
    /// error: a FIFO planted in a datastore would otherwise block the open until a writer came.
    public static func readFileIfPresent(_ path: String, limit: Int = Int.max,
                                         anyKind: Bool = false) throws(FileError) -> ([UInt8], stat)? {
        try readOpened(open(path, O_RDONLY | O_CLOEXEC | (anyKind ? 0 : O_NONBLOCK)), path: path, limit: limit, anyKind: anyKind)
    }

    private static func readOpened(_ fd: Int32, path: String, limit: Int, anyKind: Bool) throws(FileError) -> ([UInt8], stat)? {
        if fd < 0 {
            let e = errno
            if e == ENOENT || e == ENOTDIR { return nil }
            throw .unreadable(path, e)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .unreadable(path, errno) }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path, EISDIR) }
        if !anyKind && (st.st_mode & S_IFMT) != S_IFREG { throw .notRegular(path) }
        // A short read of a regular file with a known size means its end; other files (pipes,
        // /proc entries reporting size 0) are read until read() returns 0.
        let sized = (st.st_mode & S_IFMT) == S_IFREG && st.st_size > 0
        return (try readAll(fd, path: path, expected: Int(st.st_size), limit: limit, shortReadIsEnd: sized), st)
    }

    static func readAll(_ fd: Int32, path: String, expected: Int, limit: Int,
                                shortReadIsEnd: Bool = false) throws(FileError) -> [UInt8] {
        if expected > limit { throw .tooLarge(path, expected) }
        // Read into exactly-sized storage (the size stat reported), then keep reading in case
        // the file grew; never zero-fill buffers through a generic iterator.
        var out = [UInt8]()
        var capacity = max(expected, 0) + 1
        while true {
            var readError: Int32 = 0
            var ended = false
            let before = out.count
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buf, count in
                count = 0
                guard let base = buf.baseAddress else { return }
                HugePages.advise(UnsafeMutableRawBufferPointer(buf))  // filled from end to end
                while count < buf.count {
                    let n = read(fd, base + count, buf.count - count)
                    if n < 0 {
                        if errno == EINTR { continue }
                        readError = errno
                        return
                    }
                    if n == 0 { ended = true; break }
                    count += n
                    if shortReadIsEnd && count < buf.count { ended = true; break }
                }
            }
            if readError != 0 { throw .unreadable(path, readError) }
            // The first chunk is the whole file nearly always: taken as is, not copied (a copy
            // doubled the memory of a 1 GB read for a moment).
            if out.isEmpty { out = chunk } else { out += chunk }
            if out.count > limit { throw .tooLarge(path, out.count) }
            if ended || chunk.count < capacity || out.count == before { break }
            capacity = min(max(capacity * 2, 1 << 16), 1 << 26)
        }
        return out
    }

    public static func readText(_ path: String) throws(FileError) -> String {
        String(decoding: try readFile(path), as: UTF8.self)
    }

    /// Entry names of a directory in readdir order, without "." and "..". nil when not a directory.
    public static func list(_ path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        return entries(dir)
    }

    /// The remaining entries of an open folder, in readdir order, without "." and "..".
    private static func entries(_ dir: OpaquePointer) -> [String] {
        var names: [String] = []
        while let ent = readdir(dir) {
            let name = withUnsafePointer(to: ent.pointee.d_name) { ptr in
                ptr.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        return names
    }

    /// A folder opened once: its entries, and files read relative to it (no stat of either: what
    /// is read here is trusted for the caches' window only, then read again).
    final class OpenFolder {
        let path: String
        let names: [String]
        private let dir: OpaquePointer

        /// nil when `path` is not a folder that can be read.
        init?(_ path: String) {
            guard let dir = opendir(path) else { return nil }
            self.path = path; self.names = FileSystem.entries(dir); self.dir = dir
        }

        deinit { closedir(dir) }

        /// A small file's bytes (nil when absent or unreadable), without a stat, into a buffer that
        /// starts at 4 KB. A short read is taken as the end, as for any regular file: callers parse
        /// what they get, and a file that is not one (a pipe cut short) fails to parse.
        func readSmallFile(_ name: String, limit: Int) -> [UInt8]? {
            let fd = openat(dirfd(dir), name, O_RDONLY | O_CLOEXEC | O_NONBLOCK)  // a FIFO reads as empty
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            return try? FileSystem.readAll(fd, path: path + "/" + name, expected: 4095, limit: limit, shortReadIsEnd: true)
        }
    }

    /// Like Python's glob on `prefix*suffix` in one folder: readdir order, hidden names skipped
    /// unless the prefix itself starts with a dot.
    public static func glob(_ dir: String, prefix: String = "", suffix: String = "") -> [String] {
        guard let names = list(dir) else { return [] }
        return names.filter { n in
            if n.hasPrefix("."), !prefix.hasPrefix(".") { return false }
            return n.count >= prefix.count + suffix.count && n.hasPrefix(prefix) && n.hasSuffix(suffix)
        }
    }

    /// The path to name when opening `path` failed with `error`: the first component that cannot be
    /// reached (a link that loops, a folder that cannot be searched), not the file below it, which
    /// may not even exist (`chmod 000 data` made "cannot read 'data/_meta/_self.json'").
    public static func culprit(of path: String, error: Int32) -> String {
        guard error != ENOENT, path.hasPrefix("/") else { return path }
        var reached = ""
        for component in path.split(separator: "/") {
            let next = reached + "/" + component
            var st = stat()
            if stat(next, &st) != 0 {
                // EACCES on stat means the folder holding `next` may not be searched.
                return errno == EACCES && !reached.isEmpty ? reached : next
            }
            reached = next
        }
        return path
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }

    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public static func isFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    public static func size(_ path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Int(st.st_size)
    }

    public static func currentDirectory() -> String {
        var buf = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buf, buf.count) != nil else { return "." }
        let len = buf.firstIndex(of: 0) ?? buf.count
        return String(decoding: buf[..<len].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    public static func environment(_ name: String) -> String? {
        guard let v = getenv(name) else { return nil }
        return String(cString: v)
    }

    public static func join(_ parts: String...) -> String { join(parts) }

    public static func join(_ parts: [String]) -> String {
        var out = ""
        for p in parts where !p.isEmpty {
            if p.hasPrefix("/") { out = p; continue }
            if out.isEmpty || out.hasSuffix("/") { out += p } else { out += "/" + p }
        }
        return out
    }

    public static func dirname(_ path: String) -> String {
        guard let i = path.lastIndex(of: "/") else { return "" }
        if i == path.startIndex { return "/" }
        return String(path[..<i])
    }

    public static func basename(_ path: String) -> String {
        guard let i = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: i)...])
    }

    /// Writes a file atomically (temp file + rename), mode 0600 like Metaflow's own writes.
    ///
    /// The folder may be shared with others who can write to it (a team's datastore), so the
    /// temporary name is unpredictable and created as `mkstemp` does (O_EXCL|O_NOFOLLOW): a link
    /// or file planted at a guessable name can never make this write land anywhere else.
    public static func writeAtomically(_ path: String, _ bytes: [UInt8]) throws(FileError) {
        var rng = SystemRandomNumberGenerator()
        var tmp = ""
        var fd: Int32 = -1
        for _ in 0..<100 {
            tmp = path + ".mfsh-tmp-" + String(rng.next(), radix: 36)
            fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        if fd < 0 { throw .unreadable(tmp, errno) }
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { buf -> Int in
                guard let base = buf.baseAddress else { return 0 }
                return write(fd, base + off, bytes.count - off)
            }
            if n < 0 {
                if errno == EINTR { continue }
                let e = errno
                close(fd); unlink(tmp)
                throw .unreadable(tmp, e)
            }
            off += n
        }
        close(fd)
        if rename(tmp, path) != 0 { let e = errno; unlink(tmp); throw .unreadable(path, e) }
    }

    /// The target of the symbolic link at `path` as written (readlink), or nil with errno set.
    public static func readLink(_ path: String) -> String? {
        var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buf, buf.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Removes a folder tree without following symbolic links (a link is removed, not what it
    /// points to).
    public static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        guard (st.st_mode & S_IFMT) == S_IFDIR else { unlink(path); return }
        for name in list(path) ?? [] { removeTree(path + "/" + name) }
        rmdir(path)
    }
}
