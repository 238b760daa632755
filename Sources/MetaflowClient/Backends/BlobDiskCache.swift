// Blobs kept on disk between processes: a blob is named by the hash of its content, so a kept copy
// is never stale, and the next process reads it from disk instead of the network (S3: as S3 stores
// it, gzip or raw, or decompressed when gzip saved little; Python's client keeps such a cache too,
// in METAFLOW_CLIENT_CACHE_PATH) or instead of inflating it again (a local blob that gzip barely
// shrank: a large array of random floats, whose inflating is most of a fresh process's time).
// Bounded: past the limit, the least recently used go first.
//
// Layout: <root>/<store>/<sha[:2]>/<sha>.gz|.raw (the store: a hash of the S3 endpoint and bucket,
// or `local`); folders 0700, files 0600, written to a temporary name and renamed when whole, so a
// reader never sees half a blob.
// S3: `MFSH_S3_CACHE`: `off` (or `0`) for none, else a folder; default `$XDG_CACHE_HOME/mfsh/s3`
// (`~/.cache/mfsh/s3`). `MFSH_S3_CACHE_MAX_MB`: the bound (default 10000, Python's).
// Local blobs decompressed: `MFSH_BLOB_CACHE` (default `$XDG_CACHE_HOME/mfsh/blobs`) and
// `MFSH_BLOB_CACHE_MAX_MB` (default 4000).
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

final class BlobDiskCache: Sendable {
    let directory: String
    let maxBytes: Int
    /// Bytes kept, as last counted plus what this process added (nil: not counted yet).
    private let keptBytes = Mutex<Int?>(nil)

    /// The cache a setting names (`off`/`0`: none; unset: `$XDG_CACHE_HOME/mfsh/<name>`), bounded
    /// by `<setting>_MAX_MB`.
    static func make(environment: [String: String], setting: String, name: String, defaultMB: Int) -> BlobDiskCache? {
        guard let base = CacheFolder.resolve(setting: environment[setting], name: name, environment: environment)
        else { return nil }
        let mb = environment[setting + "_MAX_MB"].flatMap { Int($0) }.map { max(0, min($0, 1 << 30)) } ?? defaultMB
        return BlobDiskCache(directory: base, maxBytes: mb << 20)
    }

    init(directory: String, maxBytes: Int) {
        self.directory = directory
        self.maxBytes = maxBytes
    }

    /// Where a blob of a store is kept, without the suffix.
    func path(store: String, sha: String) -> String {
        "\(directory)/\(store)/\(sha.prefix(2))/\(sha)"
    }

    /// The kept copy: its path and whether it is raw; nil when none.
    func lookup(_ base: String) -> (path: String, raw: Bool)? {
        for (suffix, raw) in [(".gz", false), (".raw", true)] where FileSystem.isFile(base + suffix) {
            // Touched, so the least recently used go first when room is made.
            _ = utimes(base + suffix, nil)
            return (base + suffix, raw)
        }
        return nil
    }

    /// A file being written for `base`; `finish()` makes it visible, anything else drops it.
    func writer(_ base: String, raw: Bool) -> Writer? {
        guard maxBytes > 0, CacheFolder.makeFolders(FileSystem.dirname(base)) else { return nil }
        return Writer(cache: self, final: base + (raw ? ".raw" : ".gz"))
    }

    final class Writer {
        private let cache: BlobDiskCache
        private let final: String
        private let temporary: String
        private var fd: Int32
        private var written = 0

        fileprivate init?(cache: BlobDiskCache, final: String) {
            self.cache = cache
            self.final = final
            temporary = final + ".part-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd < 0 { return nil }
        }

        deinit { drop() }

        func append(_ bytes: ArraySlice<UInt8>) {
            bytes.withUnsafeBytes { append($0) }
        }

        func append(_ buf: UnsafeRawBufferPointer) {
            guard fd >= 0, let base = buf.baseAddress else { return }
            var done = 0
            while done < buf.count {
                let n = write(fd, base + done, buf.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    drop()  // a full disk: no copy, never half a copy
                    return
                }
                done += n
            }
            written += done
        }

        /// The blob is whole: keep it.
        func finish() {
            guard fd >= 0 else { return }
            let closed = close(fd) == 0
            fd = -1
            guard closed, rename(temporary, final) == 0 else { unlink(temporary); return }
            cache.added(written)
        }

        private func drop() {
            guard fd >= 0 else { return }
            close(fd)
            fd = -1
            unlink(temporary)
        }
    }

    /// Counts what was added; past the bound, removes the least recently used until 90% is left.
    private func added(_ bytes: Int) {
        let total = keptBytes.withLock { kept -> Int in
            let now = (kept ?? countKept()) + bytes
            kept = now
            return now
        }
        guard total > maxBytes else { return }
        let left = shrink(to: maxBytes / 10 * 9)
        keptBytes.withLock { $0 = left }
    }

    private func files() -> [(path: String, size: Int, used: Int)] {
        var out: [(String, Int, Int)] = []
        for store in FileSystem.list(directory) ?? [] {
            for prefix in FileSystem.list(directory + "/" + store) ?? [] {
                let folder = directory + "/" + store + "/" + prefix
                for name in FileSystem.list(folder) ?? [] {
                    var st = stat()
                    let path = folder + "/" + name
                    guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
                    out.append((path, Int(st.st_size), Int(st.st_mtim.tv_sec)))
                }
            }
        }
        return out
    }

    private func countKept() -> Int { files().reduce(0) { $0 + $1.size } }

    private func shrink(to target: Int) -> Int {
        var all = files()
        var total = all.reduce(0) { $0 + $1.size }
        all.sort { $0.used < $1.used }
        for f in all where total > target {
            if unlink(f.path) == 0 { total -= f.size }
        }
        return total
    }
}
