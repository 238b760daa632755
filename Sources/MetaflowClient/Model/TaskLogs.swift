// Task logs in mflog format: `<attempt>.runtime_<stream>.log` and `<attempt>.task_<stream>.log`,
// merged by timestamp as Python's mflog.merge_logs does (lines that don't parse sort last).

public struct LogLine {
    /// `%Y-%m-%dT%H:%M:%S.%f` in UTC, or nil for lines without an mflog header.
    public let utcTimestamp: String?
    public let message: String
}

struct TaskLogs {
    let task: Task
    static let sources = ["runtime", "task"]
    static let missingTimestamp = "3000-01-01T00:00:00.000000"

    private func location() throws -> (recordedRoot: String, attempt: Int)? {
        // The three fields needed are read alone when they are all there (a task of the latest
        // attempt); otherwise the full metadata_dict decides (attempts, fields inherited by clones).
        if task.attempt == nil {
            let latest = try task.latestValues(of: ["ds-type", "ds-root", "attempt"])
            if latest["ds-type"] != nil, let root = latest["ds-root"]?.stringValue,
               let a = latest["attempt"].flatMap({ $0.intValue ?? $0.stringValue.flatMap { Int($0) } }) {
                return (root, a)
            }
        }
        let md = try task.metadataDict()
        guard md["ds-type"]?.stringValue != nil, let root = md["ds-root"]?.stringValue else { return nil }
        let attempt: Int
        if let a = task.attempt { attempt = a } else {
            attempt = md["attempt"].flatMap { $0.intValue ?? $0.stringValue.flatMap { Int($0) } } ?? 0
        }
        return (root, attempt)
    }

    func size(_ stream: String) throws -> Int {
        guard let (root, attempt) = try location() else { return 0 }
        let c = task.pathComponents
        return Self.sources.reduce(0) { sum, s in
            sum + (task.session.datastore.taskFileSize(recordedRoot: root, path: c, name: "\(attempt).\(s)_\(stream).log") ?? 0)
        }
    }

    func lines(_ stream: String) throws -> [LogLine] {
        guard let (root, attempt) = try location() else { return [LogLine(utcTimestamp: nil, message: "")] }
        let c = task.pathComponents
        // Both sources at once (one round trip on S3).
        let blobs = try task.session.datastore.taskFiles(recordedRoot: root, path: c,
                                                          names: Self.sources.map { "\(attempt).\($0)_\(stream).log" })
        let perSource = blobs.map { Self.parse($0 ?? []) }
        // heapq.merge of already sorted lists: ties go to the earlier source.
        var out: [LogLine] = []
        var idx = Array(repeating: 0, count: perSource.count)
        while true {
            var best: Int?
            for i in perSource.indices where idx[i] < perSource[i].count {
                if let b = best {
                    if perSource[i][idx[i]].key.lexicographicallyPrecedes(perSource[b][idx[b]].key) { best = i }
                } else { best = i }
            }
            guard let b = best else { break }
            out.append(perSource[b][idx[b]].line)
            idx[b] += 1
        }
        return out
    }

    func text(_ stream: String) throws -> String {
        var s = ""
        for l in try lines(stream) { s += l.message; s += "\n" }
        return s
    }

    /// Lines of one blob sorted by (timestamp string, header fields, message), unparsed last.
    static func parse(_ blob: [UInt8]) -> [(key: [UInt8], line: LogLine)] {
        var parsed: [(key: [UInt8], line: LogLine)] = []
        var missing: [(key: [UInt8], line: LogLine)] = []
        var start = 0
        while start < blob.count {
            var end = start
            while end < blob.count, blob[end] != 0x0A { end += 1 }
            let lineEnd = end < blob.count ? end + 1 : end   // Python's line iteration keeps "\n"
            let raw = Array(blob[start..<lineEnd])
            if let (ts, header, msg) = parseHeader(raw) {
                parsed.append((Array(ts.utf8) + [0] + header + [0] + msg, LogLine(utcTimestamp: ts, message: String(decoding: msg, as: UTF8.self))))
            } else {
                missing.append((Array(missingTimestamp.utf8) + [1] + raw, LogLine(utcTimestamp: nil, message: String(decoding: raw, as: UTF8.self))))
            }
            start = lineEnd
        }
        parsed.sort { $0.key.lexicographicallyPrecedes($1.key) }
        return parsed + missing
    }

    /// `(\[!)?\[MFLOG\|(0)\|(.+?)Z\|(.+?)\|(.+?)\](.*)` with a valid `%Y-%m-%dT%H:%M:%S.%f` stamp.
    static func parseHeader(_ line: [UInt8]) -> (String, [UInt8], [UInt8])? {
        var i = 0
        var persist: [UInt8] = []
        if line.starts(with: Array("[!".utf8)) { persist = Array("[!".utf8); i = 2 }
        let tag = Array("[MFLOG|0|".utf8)
        guard line.count >= i + tag.count, Array(line[i..<(i + tag.count)]) == tag else { return nil }
        i += tag.count
        // timestamp up to the first "Z|"
        var j = i
        while j + 1 < line.count, !(line[j] == UInt8(ascii: "Z") && line[j + 1] == UInt8(ascii: "|")) { j += 1 }
        guard j + 1 < line.count, j > i else { return nil }
        let ts = String(decoding: line[i..<j], as: UTF8.self)
        guard isValidTimestamp(ts) else { return nil }
        var k = j + 2
        let sourceStart = k
        while k < line.count, line[k] != UInt8(ascii: "|"), line[k] != 0x0A { k += 1 }
        guard k < line.count, line[k] == UInt8(ascii: "|"), k > sourceStart else { return nil }
        let source = Array(line[sourceStart..<k])
        k += 1
        let idStart = k
        while k < line.count, line[k] != UInt8(ascii: "]"), line[k] != 0x0A { k += 1 }
        guard k < line.count, line[k] == UInt8(ascii: "]"), k > idStart else { return nil }
        let lineId = Array(line[idStart..<k])
        var msgEnd = line.count
        if msgEnd > k + 1, line[msgEnd - 1] == 0x0A { msgEnd -= 1 }
        let msg = k + 1 <= msgEnd ? Array(line[(k + 1)..<msgEnd]) : []
        return (ts, persist + [0] + source + [0] + lineId, msg)
    }

    static func isValidTimestamp(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 20 else { return false }
        let digits: Set<Int> = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        for i in 0..<19 {
            if digits.contains(i) { guard (0x30...0x39).contains(u[i]) else { return false } }
        }
        guard u[4] == 0x2D, u[7] == 0x2D, u[10] == 0x54, u[13] == 0x3A, u[16] == 0x3A, u[19] == 0x2E else { return false }
        let frac = u[20...]
        return !frac.isEmpty && frac.count <= 6 && frac.allSatisfy { (0x30...0x39).contains($0) }
    }
}
