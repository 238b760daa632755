// One large blob read from S3 in byte ranges. A download thread keeps a few ranges in flight while
// the calling thread gunzips (or copies, for a raw blob) the ranges in order as they arrive, each
// dropped once used: the compressed blob is never whole in memory, and decompression overlaps the
// download. Ranges are asked in waves reaching at most a few ranges beyond the one the reader needs
// next (each wave with its retries), so a slow range cannot let the others pile up. The output
// buffer is sized by the size the writer recorded (the task's data.json) when there is one, so the
// gunzip starts on the first range at once; only without it does the last range come first, for
// its gzip trailer. Either way zlib checks the trailer (CRC and length) at the end, and a blob that
// stops short is refused.

import HTTP
#if canImport(Glibc)
import Glibc
#endif

struct S3RangedBlob {
    let client: S3ObjectClient
    let location: S3Location
    /// The bytes of the first read (from offset 0).
    let first: [UInt8]
    let total: Int
    let raw: Bool
    let expectedSize: (() -> Int?)?
    let progress: ((Int, Int) -> Void)?
    /// Where the blob's bytes go on disk as they are used (the blob cache), if anywhere.
    let keeper: BlobDiskCache.Writer?
    /// Where the decompressed blob goes on disk as it is made (the blob cache, for a blob kept
    /// decompressed), if anywhere; the caller finishes it.
    var plainKeeper: BlobDiskCache.Writer? = nil

    func read() throws -> [UInt8] {
        let size = S3DataStore.pieceSize
        let pieces: [ClosedRange<Int>] = stride(from: first.count, to: total, by: size).map {
            $0...(min($0 + size, total) - 1)
        }
        guard let lastPiece = pieces.indices.last else { return first }
        let arrivals = PieceArrivals(progressFrom: first.count)
        let ahead = S3DataStore.parallelPieces - 1
        let location = self.location
        let recordedHint = raw ? nil : S3DataStore.sizeHint(expectedSize, [], compressed: total)
        let needsTrailer = !raw && recordedHint == nil
        let download = { [client] in
            var nextToFetch = 0
            var firstWave = true
            while nextToFetch < pieces.count, let wanted = arrivals.waitUntil(nextToFetch, isWithin: ahead) {
                var wave = Array(nextToFetch..<min(wanted + ahead + 1, pieces.count))
                nextToFetch = wave.last.map { $0 + 1 } ?? nextToFetch
                if firstWave && needsTrailer && !wave.contains(lastPiece) { wave.insert(lastPiece, at: 0) }
                firstWave = false
                wave.removeAll { arrivals.has($0) }  // the last range, come early
                let reads = wave.map { S3Read(location: location, range: pieces[$0], maxBodyBytes: pieces[$0].count) }
                client.read(reads, parallel: S3DataStore.parallelPieces, cancelled: { arrivals.isCancelled }) { j, outcome in
                    let index = wave[j]
                    let piece = pieces[index]
                    switch outcome {
                    case .success(let response?):
                        let start = response.header("Content-Range").flatMap(Self.rangeStart)
                        guard response.status == 206, response.body.count == piece.count, start == piece.lowerBound else {
                            arrivals.fail(MetaflowError.data(
                                "S3 GET \(location): asked for bytes \(piece.lowerBound)-\(piece.upperBound), got "
                                + "\(response.body.count) bytes (status \(response.status)); the object changed while being read?"))
                            return
                        }
                        arrivals.put(index, response.body)
                    case .success(nil):
                        arrivals.fail(MetaflowError.data("S3 GET \(location): the object disappeared while being read"))
                    case .failure(let error):
                        arrivals.fail(error)
                    }
                }
            }
            arrivals.finish()
        }
        // Without a thread, the download runs first, unbounded, and the ranges wait in memory.
        let thread = WorkerThread.start(download)
        if thread == nil {
            arrivals.unbounded = true
            download()
        }
        defer {
            arrivals.cancel()
            if let thread { pthread_join(thread, nil) }
        }

        let reportProgress = total >= progressMinimumBytes ? progress : nil
        var next = -1  // -1: the first read's bytes
        func nextChunk() throws -> ArraySlice<UInt8> {
            let chunk: ArraySlice<UInt8>
            if next == -1 {
                next = 0
                chunk = first[...]
            } else if next < pieces.count {
                chunk = try arrivals.take(next, report: reportProgress.map { r in { r($0, total) } })[...]
                next += 1
            } else {
                return []
            }
            keeper?.append(chunk)
            return chunk
        }

        if raw {
            guard Gzip.canAllocate(total) else {
                throw MetaflowError.generic("MemoryError", "out of memory for \(total) bytes of \(location)")
            }
            var out: [UInt8] = []
            out.reserveCapacity(total)
            while true {
                let chunk = try nextChunk()
                if chunk.isEmpty { return out }
                out.append(contentsOf: chunk)
            }
        }
        let hint = try recordedHint ?? S3DataStore.sizeHint(expectedSize, arrivals.peek(lastPiece), compressed: total)
        let follower = plainKeeper.map(S3CacheFollower.init)
        defer { follower?.stop() }
        return try S3DataStore.gunzipChunks(location, hint: hint, watch: follower?.watch, next: nextChunk)
    }

    /// `a` of `bytes a-b/total`.
    static func rangeStart(_ header: String) -> Int? {
        guard header.hasPrefix("bytes "), let dash = header.firstIndex(of: "-") else { return nil }
        return Int(header[header.index(header.startIndex, offsetBy: 6)..<dash])
    }
}

/// Ranges handed from the download thread to the reading one, and which range the reader needs
/// next (the download starts none far beyond it).
final class PieceArrivals: @unchecked Sendable {  // every field behind `mutex`
    // Allocated, not stored inline: pthread objects must not move.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var pieces: [Int: [UInt8]] = [:]
    private var wantedIndex = 0
    private var failure: MetaflowError?
    private var finished = false
    private var cancelled = false
    /// The download runs before the reader (no thread): it must never wait for it.
    var unbounded: Bool {
        get { locked { noWaiting } }
        set { locked { noWaiting = newValue } }
    }
    private var noWaiting = false
    private var arrivedBytes: Int

    init(progressFrom: Int) {
        arrivedBytes = progressFrom
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    var isCancelled: Bool { locked { cancelled } }

    func has(_ index: Int) -> Bool { locked { pieces[index] != nil } }

    /// Waits until range `index` is at most `ahead` beyond the one the reader needs next; that
    /// one, or nil when the reading has stopped (cancelled or failed).
    func waitUntil(_ index: Int, isWithin ahead: Int) -> Int? {
        locked {
            while index > wantedIndex + ahead && !cancelled && failure == nil && !noWaiting {
                pthread_cond_wait(changed, mutex)
            }
            return cancelled || failure != nil ? nil : wantedIndex
        }
    }

    func put(_ index: Int, _ bytes: [UInt8]) {
        locked {
            pieces[index] = bytes
            arrivedBytes += bytes.count
            pthread_cond_broadcast(changed)
        }
    }

    func fail(_ error: MetaflowError) {
        locked {
            if failure == nil { failure = error }
            pthread_cond_broadcast(changed)
        }
    }

    func finish() { locked { finished = true; pthread_cond_broadcast(changed) } }

    func cancel() { locked { cancelled = true; pthread_cond_broadcast(changed) } }

    /// Waits for range `index`, hands it over and forgets it.
    func take(_ index: Int, report: ((Int) -> Void)?) throws -> [UInt8] {
        let (bytes, arrived) = try locked { () throws -> ([UInt8], Int) in
            wantedIndex = index
            let bytes = try waitFor(index)
            pieces[index] = nil
            wantedIndex = index + 1
            pthread_cond_broadcast(changed)
            return (bytes, arrivedBytes)
        }
        report?(arrived)
        return bytes
    }

    /// Waits for range `index` and leaves it for `take`.
    func peek(_ index: Int) throws -> [UInt8] { try locked { try waitFor(index) } }

    /// With the lock held.
    private func waitFor(_ index: Int) throws -> [UInt8] {
        while true {
            if let bytes = pieces[index] { return bytes }
            if let failure { throw failure }
            if finished { throw MetaflowError.data("S3: range \(index) of a blob never arrived") }
            pthread_cond_wait(changed, mutex)
        }
    }
}
