// Answers of the metadata service kept on disk for runs that can no longer change, so that a
// repeated query in a new process asks the service only for what may have moved.
//
// What is kept: the answers under a run (`/flows/F/runs/R/…`: its steps, tasks, artifact lists,
// metadata) once the run is known finished and its heartbeat has stopped: nothing writes there
// any more. Never the run's own record (tags, heartbeat), the run lists (new runs appear) or the
// flows. Tags are the one thing that still changes: the service grafts the run's current tags
// onto steps, tasks and artifacts, so records served from here get the run's current tags laid
// over them by the provider (from the run's record, which is always asked fresh).
//
// Layout: <root>/<hash of the service URL>/<hash of F/R>/FINISHED and one file per answer, named
// by a hash of its path, whose first line is the path itself (a hash collision reads as a miss).
// Folders 0700, files 0600, written atomically; anything unreadable or unexpected is a miss.
#if canImport(Glibc)
import Glibc
#endif

final class ServiceDiskCache {
    let directory: String

    /// `MFSH_SERVICE_CACHE`: `off` (or `0`) for none, a folder, or by default
    /// `$XDG_CACHE_HOME/mfsh/service` (else `~/.cache/mfsh/service`); per service URL below that.
    static func make(serviceURL: String, environment: [String: String]) -> ServiceDiskCache? {
        guard let base = CacheFolder.resolve(setting: environment["MFSH_SERVICE_CACHE"], name: "service",
                                             environment: environment) else { return nil }
        return ServiceDiskCache(directory: base + "/" + hash(serviceURL))
    }

    init(directory: String) { self.directory = directory }

    /// The flow and run of a cacheable path (anything strictly below a run), else nil.
    static func run(of path: String) -> (flow: String, run: String)? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        // "", "flows", F, "runs", R, <more…>
        guard parts.count >= 6, parts[0].isEmpty, parts[1] == "flows", parts[3] == "runs", !parts[5].isEmpty,
              parts[5] != "tag", !parts[4].isEmpty else { return nil }
        return (String(parts[2]), String(parts[4]))
    }

    private func runFolder(_ flow: String, _ run: String) -> String { directory + "/" + Self.hash(flow + "/" + run) }

    func isFinished(flow: String, run: String) -> Bool {
        FileSystem.isFile(runFolder(flow, run) + "/FINISHED")
    }

    func markFinished(flow: String, run: String) {
        let folder = runFolder(flow, run)
        guard CacheFolder.makeFolders(folder) else { return }
        try? FileSystem.writeAtomically(folder + "/FINISHED", Array("/flows/\(flow)/runs/\(run)\n".utf8))
    }

    /// The answer kept for `path`, if its run is finished and the answer was kept.
    func read(_ path: String) -> JSONValue? {
        guard let (flow, run) = Self.run(of: path), isFinished(flow: flow, run: run),
              let read = try? FileSystem.readFileIfPresent(runFolder(flow, run) + "/" + Self.hash(path), limit: 256 << 20)
        else { return nil }
        let bytes = read.0
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")),
              String(decoding: bytes[..<newline], as: UTF8.self) == path else { return nil }
        return try? JSONParser.parse(Array(bytes[(newline + 1)...]))
    }

    /// Keeps the answer for `path` (nil: the service said 404) when its run is finished.
    func write(_ path: String, body: [UInt8]) {
        guard let (flow, run) = Self.run(of: path), isFinished(flow: flow, run: run) else { return }
        try? FileSystem.writeAtomically(runFolder(flow, run) + "/" + Self.hash(path), Array((path + "\n").utf8) + body)
    }

    /// FNV-1a, 64 bits, as 16 hex digits: a file name, not a security boundary.
    static func hash(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
