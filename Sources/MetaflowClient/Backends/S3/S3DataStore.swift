// Metaflow's datastore in S3: the same content-addressed layout as the local one, rooted at the
// S3 root itself (`s3://bucket/prefix/<Flow>/data/<sha[:2]>/<sha>`, task files under
// `<Flow>/<run>/<step>/<task>/`), with the CAS flag in the object's user metadata
// (`x-amz-meta-metaflow-user-attributes`) instead of a `_meta` file.
//
// Large blobs come in 8 MiB ranges, several at a time, and are gunzipped as the ranges arrive
// into a buffer sized from the writer's recorded size (else the gzip trailer, fetched with the
// first ranges), so the compressed blob is never held whole: peak memory is the artifact plus the
// ranges in flight. Python's client downloads the whole blob to a temporary file first.

import AWS
import HTTP
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

public final class S3DataStore: DataStore, Sendable {
    let client: S3ObjectClient
    /// Blobs kept on disk between processes (nil: `MFSH_S3_CACHE=off`, or no home to keep them in).
    let cache: BlobDiskCache?
    /// Task files that never change once written (the attempt's data, attempt and done markers),
    /// by URL: asked once per session.
    private let settledFiles = Mutex<[String: [UInt8]]>([:])
    /// Sizes of such files seen by HEAD.
    private let settledSizes = Mutex<[String: Int]>([:])

    static let pieceSize = 8 << 20
    static let parallelPieces = 4
    static let parallelSmallReads = 16

    public init(settings: S3Settings, environment: [String: String], isInterrupted: (@Sendable () -> Bool)? = nil) {
        client = S3ObjectClient(settings: settings, environment: environment, isInterrupted: isInterrupted)
        cache = BlobDiskCache.make(environment: environment, setting: "MFSH_S3_CACHE", name: "s3", defaultMB: 10_000)
    }

    /// Requests sent so far (each try counts).
    public var requestsSent: Int { client.requestsSent.load(ordering: .relaxed) }

    /// The root a task recorded (`s3://bucket/prefix`), else the configured one.
    func root(_ recordedRoot: String?) throws -> S3Location {
        if let recordedRoot, !recordedRoot.isEmpty {
            guard let loc = S3Location(url: recordedRoot) else {
                throw MetaflowError.data("'\(recordedRoot)' is not an S3 location (s3://bucket/prefix)")
            }
            return loc
        }
        guard let root = client.settings.sysroot else {
            throw MetaflowError.data("No S3 datastore root: the run records none and METAFLOW_DATASTORE_SYSROOT_S3 is not set")
        }
        return root
    }

    static func blobLocation(_ root: S3Location, flow: String, sha: String) -> S3Location {
        root.appending([flow, "data", String(sha.prefix(2)), sha])
    }

    // MARK: blobs

    public func loadBlob(flow: String, sha: String, recordedRoot: String?, expectedSize: (() -> Int?)?,
                         progress: ((Int, Int) -> Void)?) throws -> [UInt8] {
        guard sha.count >= 3, sha.allSatisfy({ $0.isHexDigit }) else {
            throw MetaflowError.data("Invalid artifact key '\(sha)'")
        }
        let location = Self.blobLocation(try root(recordedRoot), flow: flow, sha: sha)
        let kept = cache?.path(store: Self.cacheStore(client.settings.endpoint, location), sha: sha)
        if let kept, let bytes = readKept(kept, progress: progress) { return bytes }
        // The first range tells the size and the CAS flag; a small blob is whole in it.
        let firstRead = S3Read(location: location, range: 0...(Self.pieceSize - 1), maxBodyBytes: Int.max / 2)
        guard let first = try client.readOne(firstRead) else {
            throw MetaflowError.data("Artifact blob \(sha) of flow \(flow) is missing (looked for \(location))")
        }
        let raw = try Self.isRaw(first, location)
        let total = first.status == 206 ? (Self.totalSize(first) ?? first.body.count) : first.body.count
        let keeper = kept.flatMap { cache?.writer($0, raw: raw) }
        guard total > first.body.count else {
            progress?(total, total)
            let bytes = raw ? first.body : try Self.gunzip([first.body[...]], location, hint: Self.sizeHint(expectedSize, first.body))
            keep(bytes, stored: first.body, compressed: total, raw: raw, keeper: keeper, at: kept)
            return bytes
        }
        // A blob gzip barely shrinks is kept decompressed (below): then the ranges need not go to
        // disk, and the output goes there as it is made.
        let keptPlain = !raw && keeper != nil && (expectedSize?().map { total >= $0 / 10 * 8 } ?? false)
        let plainKeeper = keptPlain ? kept.flatMap { cache?.writer($0, raw: true) } : nil
        let bytes = try S3RangedBlob(client: client, location: location, first: first.body, total: total, raw: raw,
                                     expectedSize: expectedSize, progress: progress,
                                     keeper: keptPlain ? nil : keeper, plainKeeper: plainKeeper).read()
        if keptPlain {
            plainKeeper?.finish()  // the compressed copy's keeper is dropped unfinished (never visible)
        } else {
            keep(bytes, stored: nil, compressed: total, raw: raw, keeper: keeper, at: kept)
        }
        return bytes
    }

    /// Keeps a blob read whole in the disk cache: as stored (the keeper has the bytes) or, when gzip
    /// saved little (random floats: a large array compresses by a few percent), as its decompressed
    /// bytes, so that the next read costs no decompression.
    /// `stored`: the blob as stored, when the keeper has not been given it yet.
    private func keep(_ bytes: [UInt8], stored: [UInt8]?, compressed: Int, raw: Bool, keeper: BlobDiskCache.Writer?,
                      at base: String?) {
        guard let keeper else { return }
        if raw || compressed < bytes.count / 10 * 8 {
            if let stored { keeper.append(stored[...]) }
            keeper.finish()
        } else if let base, let plain = cache?.writer(base, raw: true) {
            // The compressed copy is dropped unfinished (never visible).
            plain.append(bytes[...])
            plain.finish()
        }
    }

    /// The blob from the disk cache; nil when not kept or unreadable (a damaged copy is removed
    /// and the blob read from S3 again).
    private func readKept(_ base: String, progress: ((Int, Int) -> Void)?) -> [UInt8]? {
        guard let cache, let (path, raw) = cache.lookup(base) else { return nil }
        do {
            // Sized by the copy's own gzip trailer: asking S3 for the task's data.json would be a
            // request for a blob that is already here.
            return raw ? try FileSystem.readFile(path) : try Gzip.decompressFile(path, progress: progress)
        } catch {
            unlink(path)
            return nil
        }
    }

    /// The disk cache's folder for blobs of `location`'s bucket behind `endpoint`.
    static func cacheStore(_ endpoint: String?, _ location: S3Location) -> String {
        ServiceDiskCache.hash((endpoint ?? "aws") + "\n" + location.bucket)
    }

    /// Whether the blob is stored as is (`cas_raw`), from its user metadata; no metadata means an
    /// older writer's gzip, as in Python.
    static func isRaw(_ response: HTTPResponse, _ location: S3Location) throws -> Bool {
        guard let text = response.header("x-amz-meta-metaflow-user-attributes") else { return false }
        let meta: JSONValue
        do { meta = try JSONParser.parse(Array(text.utf8)) } catch {
            throw MetaflowError.data("corrupt metadata of '\(location)': \(error)")
        }
        if let v = meta["cas_version"]?.intValue, v != 1 {
            throw MetaflowError.data("Unknown encoding version \(v) for '\(location)'")
        }
        if case .bool(true)? = meta["cas_raw"] { return true }
        return false
    }

    /// The object's whole size from `Content-Range: bytes a-b/total`.
    static func totalSize(_ response: HTTPResponse) -> Int? {
        guard let range = response.header("Content-Range"), let slash = range.lastIndex(of: "/") else { return nil }
        return Int(range[range.index(after: slash)...])
    }

    /// What the decompressed blob should measure: the writer's record, else the gzip trailer at the
    /// end of `tail` (the size modulo 2^32), each believed only as far as Gzip's rules go.
    static func sizeHint(_ expectedSize: (() -> Int?)?, _ tail: [UInt8], compressed: Int? = nil) -> Int? {
        let size = compressed ?? tail.count
        let trailer = tail.count >= 4 ? Int(tail[tail.count - 4]) | Int(tail[tail.count - 3]) << 8
            | Int(tail[tail.count - 2]) << 16 | Int(tail[tail.count - 1]) << 24 : nil
        return Gzip.initialCapacity(fileSize: size, trailer: trailer,
                                    recorded: size >= Gzip.askRecordedSizeFrom ? expectedSize?() : nil)
    }

    static func gunzip(_ chunks: [ArraySlice<UInt8>], _ location: S3Location, hint: Int?) throws -> [UInt8] {
        var rest = chunks[...]
        return try gunzipChunks(location, hint: hint) { rest.popFirst() ?? [] }
    }

    static func gunzipChunks(_ location: S3Location, hint: Int?, watch: OutputWatch? = nil,
                             next: () throws -> ArraySlice<UInt8>) throws -> [UInt8] {
        do {
            return try Gzip.decompressChunks(name: location.description, sizeHint: hint, watch: watch, next: next)
        } catch let e as GzipError {
            throw e.outOfMemory ? MetaflowError.generic("MemoryError", e.description) : MetaflowError.data(e.description)
        }
    }

    public func prefetchBlobs(_ blobs: [(flow: String, sha: String, recordedRoot: String?)], maxBytes: Int,
                              budget: Int) -> [[UInt8]?] {
        var reads: [S3Read] = []
        var indices: [Int] = []
        var keptPaths: [String?] = []
        var out = [[UInt8]?](repeating: nil, count: blobs.count)
        var kept = 0
        for (i, b) in blobs.enumerated() {
            guard b.sha.count >= 3, b.sha.allSatisfy({ $0.isHexDigit }), let r = try? root(b.recordedRoot) else { continue }
            let location = Self.blobLocation(r, flow: b.flow, sha: b.sha)
            let keptPath = cache?.path(store: Self.cacheStore(client.settings.endpoint, location), sha: b.sha)
            if let keptPath, let bytes = readKept(keptPath, progress: nil) {
                if bytes.count <= maxBytes && kept + bytes.count <= budget { out[i] = bytes; kept += bytes.count }
                continue
            }
            // A compressed blob over the limit is (nearly always) larger still unpacked: the lazy path reads it.
            reads.append(S3Read(location: location, maxBodyBytes: maxBytes))
            indices.append(i)
            keptPaths.append(keptPath)
        }
        client.read(reads, parallel: Self.parallelSmallReads) { j, outcome in
            guard case .success(let response?) = outcome, response.status == 200, kept < budget,
                  let raw = try? Self.isRaw(response, reads[j].location) else { return }
            let bytes: [UInt8]?
            if raw {
                bytes = response.body.count <= maxBytes ? response.body : nil
            } else {
                var given = false
                bytes = try? Gzip.decompressChunks(name: reads[j].location.description, sizeHint: nil, maxOutput: maxBytes) {
                    if given { return [] }
                    given = true
                    return response.body[...]
                }
            }
            guard let bytes, kept + bytes.count <= budget else { return }
            kept += bytes.count
            out[indices[j]] = bytes
            if let path = keptPaths[j], let keeper = cache?.writer(path, raw: raw) {
                keeper.append(response.body[...])
                keeper.finish()
            }
        }
        return out
    }

    // MARK: task files

    public func taskFile(recordedRoot: String?, path: [String], name: String) throws -> [UInt8]? {
        let location = try root(recordedRoot).appending(path + [name])
        let settled = Self.neverChanges(name)
        if settled, let known = settledFiles.withLock({ $0[location.description] }) { return known }
        guard let response = try client.readOne(S3Read(location: location)) else { return nil }
        if settled { settledFiles.withLock { $0[location.description] = response.body } }
        return response.body
    }

    public func taskFiles(recordedRoot: String?, path: [String], names: [String]) throws -> [[UInt8]?] {
        let base = try root(recordedRoot)
        let reads = names.map { S3Read(location: base.appending(path + [$0])) }
        var out = [Result<HTTPResponse?, MetaflowError>](repeating: .success(nil), count: names.count)
        client.read(reads, parallel: Self.parallelSmallReads) { i, outcome in out[i] = outcome }
        return try out.map { try $0.get()?.body }
    }

    public func taskFileSize(recordedRoot: String?, path: [String], name: String) -> Int? {
        guard let location = try? root(recordedRoot).appending(path + [name]) else { return nil }
        if let known = settledFiles.withLock({ $0[location.description] }) { return known.count }
        let settled = Self.neverChanges(name)
        if settled, let known = settledSizes.withLock({ $0[location.description] }) { return known }
        guard let response = try? client.readOne(S3Read(location: location, method: "HEAD")),
              let size = response.header("Content-Length").flatMap({ Int($0) }) else { return nil }
        // Only what exists is kept: a missing marker may appear (a task still running).
        if settled { settledSizes.withLock { $0[location.description] = size } }
        return size
    }

    /// ListObjectsV2 with `/` as delimiter, page after page: the objects directly in the folder
    /// (files), then its sub-folders, in S3's order, as Metaflow's S3 list_paths gives them.
    public func listFolder(recordedRoot: String?, path: [String]) throws -> [FolderEntry] {
        let folder = try root(recordedRoot).appending(path)
        let prefix = folder.key.isEmpty ? "" : folder.key + "/"
        let bucket = S3Location(bucket: folder.bucket, key: "")
        var entries: [FolderEntry] = []
        var token: String?
        for _ in 0..<10_000 {
            var query = "list-type=2&delimiter=%2F&prefix=" + SigV4.uriEncode(prefix, encodeSlash: true)
            if let token { query += "&continuation-token=" + SigV4.uriEncode(token, encodeSlash: true) }
            guard let response = try client.readOne(S3Read(location: bucket, query: query)) else {
                throw MetaflowError.data("S3 listing of \(folder): the bucket \(folder.bucket) does not exist")
            }
            let page = S3ListPage(response.body, prefix: prefix)
            entries += page.files.map { FolderEntry(name: $0, isFile: true) } + page.folders.map { FolderEntry(name: $0, isFile: false) }
            guard page.truncated, let next = page.continuationToken else { return entries }
            token = next
        }
        throw MetaflowError.data("S3 listing of \(folder) did not end after 10,000 pages")
    }

    /// Files a task writes once, whole, and never again.
    static func neverChanges(_ name: String) -> Bool {
        name.hasSuffix(".data.json") || name.hasSuffix(".attempt.json") || name.hasSuffix(".DONE.lock")
    }
}

/// One page of a ListObjectsV2 answer: names below `prefix` (the prefix cut off, a folder's
/// trailing `/` too), whether more pages follow and the token for the next one.
struct S3ListPage {
    var files: [String] = []
    var folders: [String] = []
    var truncated = false
    var continuationToken: String?

    init(_ body: [UInt8], prefix: String) {
        let text = String(decoding: body, as: UTF8.self)
        for block in Self.blocks("Contents", in: text) {
            if let key = S3ErrorBody.element("Key", in: String(block)), key.hasPrefix(prefix), key.count > prefix.count {
                files.append(String(key.dropFirst(prefix.count)))
            }
        }
        for block in Self.blocks("CommonPrefixes", in: text) {
            if let key = S3ErrorBody.element("Prefix", in: String(block)), key.hasPrefix(prefix) {
                var name = Substring(key.dropFirst(prefix.count))
                while name.hasSuffix("/") { name = name.dropLast() }
                if !name.isEmpty { folders.append(String(name)) }
            }
        }
        truncated = S3ErrorBody.element("IsTruncated", in: text) == "true"
        continuationToken = S3ErrorBody.element("NextContinuationToken", in: text)
    }

    /// The inner text of each `<name>…</name>` element, in order.
    static func blocks(_ name: String, in text: String) -> [Substring] {
        var out: [Substring] = []
        var rest = text[...]
        while let open = rest.firstRange(of: "<\(name)>"), let close = rest[open.upperBound...].firstRange(of: "</\(name)>") {
            out.append(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return out
    }
}
