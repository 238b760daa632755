// `open()` for analysis scripts: read any file, and write results (a CSV report, a JSON dump)
// anywhere except inside the datastore, which mfsh never writes (tag mutation aside). Text is
// UTF-8; reading translates \r\n and \r to \n as Python's universal newlines do.
import MFSInterpreter
import MetaflowClient
#if canImport(Glibc)
import Glibc
#endif

package enum OpenBuiltin {
    package static func make(datastoreRoot: String?) -> Value {
        .newBuiltin("open") { args, kwargs in
            var values: [String: Value] = [:]
            let names = ["file", "mode", "buffering", "encoding", "errors", "newline"]
            for (i, a) in args.enumerated() {
                guard i < names.count else { throw PyException.typeError("open() takes at most 6 arguments (\(args.count) given)") }
                values[names[i]] = a
            }
            for (k, v) in kwargs {
                guard names.contains(k) || k == "closefd" || k == "opener" else {
                    throw PyException.typeError("'\(k)' is an invalid keyword argument for open()")
                }
                values[k] = v
            }
            guard case .str(let path)? = values["file"] else {
                throw PyException.typeError("expected str, bytes or os.PathLike object, not \(values["file"]?.typeName ?? "NoneType")")
            }
            var mode = "r"
            if let m = values["mode"] { guard case .str(let s) = m else { throw PyException.typeError("open() argument 'mode' must be str") }; mode = s }
            if case .str(let enc)? = values["encoding"], !["utf-8", "utf8", "UTF-8", "UTF8"].contains(enc) {
                throw PyException.valueError("mfsh reads and writes UTF-8 only, not '\(enc)'")
            }
            var newline: String? = nil
            if case .str(let n)? = values["newline"] { newline = n }
            return .host(try FileHost(path: path, mode: mode, newline: newline, datastoreRoot: datastoreRoot))
        }
    }
}

final class FileHost: HostObject {
    let path: String
    let mode: String
    let binary: Bool
    let writing: Bool
    let newline: String?
    private var fd: Int32
    private var readBuffer: [UInt8]?
    private var position = 0

    init(path: String, mode: String, newline: String?, datastoreRoot: String?) throws {
        let chars = Set(mode)
        guard !mode.isEmpty, chars.isSubset(of: Set("rwaxbt+")), chars.intersection(Set("rwax")).count == 1,
              !(chars.contains("b") && chars.contains("t")) else {
            throw PyException.valueError("invalid mode: '\(mode)'")
        }
        if chars.contains("+") { throw PyException.valueError("mfsh opens files for reading or for writing, not both ('\(mode)')") }
        self.path = path
        self.mode = mode
        binary = chars.contains("b")
        writing = !chars.contains("r")
        self.newline = newline
        var flags = O_CLOEXEC
        if chars.contains("r") { flags |= O_RDONLY }
        if chars.contains("w") { flags |= O_WRONLY | O_CREAT | O_TRUNC }
        if chars.contains("a") { flags |= O_WRONLY | O_CREAT | O_APPEND }
        if chars.contains("x") { flags |= O_WRONLY | O_CREAT | O_EXCL }
        if writing {
            fd = try DatastoreWriteGuard(datastoreRoot: datastoreRoot).open(path, flags: flags)
        } else {
            fd = open(path, flags, 0o644)
            if fd < 0 { throw OsModule.osError(path) }
        }
    }

    deinit { if fd >= 0 { close(fd) } }

    var typeName: String { binary ? (writing ? "BufferedWriter" : "BufferedReader") : "TextIOWrapper" }
    var attributeNames: [String] { ["close", "closed", "flush", "mode", "name", "read", "readline", "readlines", "write", "writelines"] }

    private func ensureOpen() throws {
        if fd < 0 { throw PyException.valueError("I/O operation on closed file.") }
    }

    private func allBytes() throws -> [UInt8] {
        if let b = readBuffer { return b }
        try ensureOpen()
        guard !writing else { throw PyException.builtin("UnsupportedOperation", "not readable") }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw PyException.builtin("OSError", "[Errno \(errno)] cannot read \(PythonText.repr(path))") }
            if n == 0 { break }
            out += chunk[0..<n]
        }
        if !binary && newline == nil {
            // Universal newlines: \r\n and \r become \n.
            var t: [UInt8] = []
            t.reserveCapacity(out.count)
            var i = 0
            while i < out.count {
                if out[i] == 13 { t.append(10); if i + 1 < out.count, out[i + 1] == 10 { i += 1 } } else { t.append(out[i]) }
                i += 1
            }
            out = t
        }
        readBuffer = out
        return out
    }

    private func value(_ bytes: ArraySlice<UInt8>) throws -> Value {
        if binary { return .bytes(Array(bytes)) }
        guard let s = String(validating: bytes, as: UTF8.self) else {
            throw PyException.valueError("'utf-8' codec can't decode the contents of \(PythonText.repr(path))")
        }
        return .str(s)
    }

    private func nextLine() throws -> Value? {
        let b = try allBytes()
        guard position < b.count else { return nil }
        var end = position
        while end < b.count && b[end] != 10 { end += 1 }
        if end < b.count { end += 1 }
        defer { position = end }
        return try value(b[position..<end])
    }

    private func write(_ v: Value) throws -> Int {
        try ensureOpen()
        guard writing else { throw PyException.builtin("UnsupportedOperation", "not writable") }
        let bytes: [UInt8]
        let count: Int
        switch v {
        case .str(let s) where !binary: bytes = Array(s.utf8); count = s.unicodeScalars.count
        case .bytes(let b) where binary: bytes = b; count = b.count
        default:
            throw PyException.typeError(binary ? "a bytes-like object is required, not '\(v.typeName)'" : "write() argument must be str, not \(v.typeName)")
        }
        var off = 0
        while off < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress.map { $0 + off }, bytes.count - off) }
            if n < 0 { if errno == EINTR { continue }; throw PyException.builtin("OSError", "[Errno \(errno)] cannot write \(PythonText.repr(path))") }
            off += n
        }
        return count
    }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "name": return .str(path)
        case "mode": return .str(mode)
        case "closed": return .bool(fd < 0)
        case "read":
            return .newBuiltin("read") { [unowned self] args, _ in
                let b = try allBytes()
                var end = b.count
                if case .int(let n)? = args.first, n >= 0 { end = min(b.count, position + n) }
                defer { position = end }
                return try value(b[min(position, end)..<end])
            }
        case "readline": return .newBuiltin("readline") { [unowned self] _, _ in try nextLine() ?? (binary ? .bytes([]) : .str("")) }
        case "readlines":
            return .newBuiltin("readlines") { [unowned self] _, _ in
                var lines: [Value] = []
                while let l = try nextLine() { lines.append(l) }
                return .newList(lines)
            }
        case "write": return .newBuiltin("write") { [unowned self] args, _ in .int(try write(args.first ?? .none)) }
        case "writelines":
            return .newBuiltin("writelines") { [unowned self] args, _ in
                guard case .list(let l)? = args.first else { throw PyException.typeError("writelines() expects a list of strings") }
                for item in l.items { _ = try write(item) }
                return .none
            }
        case "flush": return .newBuiltin("flush") { _, _ in .none }
        case "close": return .newBuiltin("close") { [unowned self] _, _ in closeFile(); return .none }
        default: return nil
        }
    }

    private func closeFile() {
        if fd >= 0 { close(fd); fd = -1 }
    }

    func makeIterator() throws -> PyIterator {
        try ensureOpen()
        return ClosureIterator("TextIOWrapper") { [self] in try nextLine() }
    }
    func enter() throws -> Value { try ensureOpen(); return .host(self) }
    func exit(error: PyException?) throws { closeFile() }
    func repr() -> String { "<_io.\(typeName) name=\(PythonText.repr(path)) mode=\(PythonText.repr(mode)) encoding='UTF-8'>" }
    func str() -> String { repr() }
    var isTruthy: Bool { true }
    func equals(_ other: any HostObject) -> Bool { other === self }
    var hashValue: Int { ObjectIdentifier(self).hashValue }
    var doc: String? { "A file opened by open(): read(), readline(), readlines(), iteration by line, write(), close(); use it in `with`." }
}
