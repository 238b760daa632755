// Caches of what the local provider reads: folder listings and parsed JSON records.
//
// Why a trust window: one query (`sum(t.data.x for t in run['train'])`) touches the same run
// record and task folders hundreds of times; re-validating each by `stat` cost more than the reads
// themselves. An entry checked less than `Freshness.window` ago is used as is; older ones are
// re-validated by mtime and size (a run in progress, or another process mutating tags, is seen on
// the next REPL line or the next poll of a script).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Freshness {
    static let windowNanos: UInt64 = 250_000_000

    static func now() -> UInt64 {
        var ts = timespec()
        #if canImport(Glibc)
        clock_gettime(CLOCK_MONOTONIC_COARSE, &ts)
        #else
        clock_gettime(CLOCK_MONOTONIC, &ts)
        #endif
        return UInt64(max(ts.tv_sec, 0)) &* 1_000_000_000 &+ UInt64(max(ts.tv_nsec, 0))
    }

    /// The version of something read without a stat: matches no file, so the entry is used for
    /// the trust window only and read again after it.
    static let unknownVersion: stat = {
        var st = stat()
        st.st_size = -1
        return st
    }()

    static func sameVersion(_ a: stat, _ b: stat) -> Bool {
        a.st_size == b.st_size && a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec
            && a.st_ino == b.st_ino
    }
}

/// Folder listings in readdir order; nil for a folder that does not exist.
final class DirectoryCache {
    private struct Entry { var checked: UInt64; let version: stat; let names: [String] }
    private var entries: [String: Entry] = [:]

    func list(_ dir: String) -> [String]? {
        let now = Freshness.now()
        if let e = entries[dir], now &- e.checked < Freshness.windowNanos { return e.names }
        var st = stat()
        guard stat(dir, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
            entries[dir] = nil
            return nil
        }
        if var e = entries[dir], Freshness.sameVersion(e.version, st) {
            e.checked = now
            entries[dir] = e
            return e.names
        }
        guard let names = FileSystem.list(dir) else { return nil }
        entries[dir] = Entry(checked: now, version: st, names: names)
        return names
    }

    /// Keeps a listing made elsewhere (e.g. in parallel) as if made here; `version` is the folder's
    /// stat taken before it was listed.
    func store(_ dir: String, names: [String], version: stat) {
        entries[dir] = Entry(checked: Freshness.now(), version: version, names: names)
    }

    func forget(_ dir: String) { entries[dir] = nil }
}

/// Parsed JSON records (`_self.json`, events, artifact registrations), parsed once per version.
final class RecordCache {
    private struct Entry { var checked: UInt64; let version: stat; let value: JSONValue }
    private var entries: [String: Entry] = [:]

    /// The parsed record, or nil when the file does not exist.
    func read(_ file: String) throws -> JSONValue? {
        let now = Freshness.now()
        if let e = entries[file] {
            if now &- e.checked < Freshness.windowNanos { return e.value }
            var st = stat()
            if stat(file, &st) == 0, Freshness.sameVersion(e.version, st) {
                entries[file]?.checked = now
                return e.value
            }
        }
        guard let (bytes, version) = try FileSystem.readFileIfPresent(file, limit: 64 << 20) else {
            entries[file] = nil
            return nil
        }
        let value = try Self.parse(bytes, file)
        entries[file] = Entry(checked: now, version: version, value: value)
        return value
    }

    /// Keeps records read elsewhere (e.g. in parallel) as if read here.
    func store(_ file: String, _ bytes: [UInt8], _ version: stat) throws -> JSONValue {
        let value = try Self.parse(bytes, file)
        entries[file] = Entry(checked: Freshness.now(), version: version, value: value)
        return value
    }

    /// Keeps a record read and parsed elsewhere.
    func store(_ file: String, value: JSONValue, version: stat) {
        entries[file] = Entry(checked: Freshness.now(), version: version, value: value)
    }

    func cached(_ file: String) -> Bool {
        guard let e = entries[file] else { return false }
        return Freshness.now() &- e.checked < Freshness.windowNanos
    }

    func forget(_ file: String) { entries[file] = nil }

    static func parse(_ bytes: [UInt8], _ file: String) throws -> JSONValue {
        do { return try JSONParser.parse(bytes) } catch {
            throw MetaflowError.generic("MetaflowException", "corrupt metadata file '\(file)': \(error)")
        }
    }
}
