// One large blob read from S3 in byte ranges. A download thread keeps a few ranges in flight while
// the calling thread gunzips (or copies, for a raw blob) the ranges in order as they arrive, each
// dropped once used: the compressed blob is never whole in memory, and decompression overlaps the
// download. The last range is asked first: its gzip trailer sizes the output buffer.

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
    let keeper: S3BlobCache.Writer?

    func read() throws -> [UInt8] {
        let size = S3DataStore.pieceSize
        let pieces: [ClosedRange<Int>] = stride(from: first.count, to: total, by: size).map {
            $0...(min($0 + size, total) - 1)
        }
        guard let lastPiece = pieces.indices.last else { return first }
        // At most one range waits to be used beyond those in flight: memory stays near the output's size.
        let arrivals = PieceArrivals(limit: size, progressFrom: first.count)
        // The last piece first (its trailer), then in order.
        let order = raw ? Array(pieces.indices) : [lastPiece] + pieces.indices.dropLast()
        let location = self.location
        let reads = order.map { S3Read(location: location, range: pieces[$0], maxBodyBytes: pieces[$0].count) }
        let download = { [client] in
            client.read(reads, parallel: S3DataStore.parallelPieces, cancelled: { arrivals.isCancelled }) { j, outcome in
                let index = order[j]
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
            arrivals.finish()
        }
        // Without a thread, the download runs first and the ranges wait in memory.
        let thread = WorkerThread.start(download)
        if thread == nil { download() }
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
        let tail = try arrivals.peek(lastPiece)
        let hint = S3DataStore.sizeHint(expectedSize, tail, compressed: total)
        return try S3DataStore.gunzipChunks(location, hint: hint, next: nextChunk)
    }

    /// `a` of `bytes a-b/total`.
    static func rangeStart(_ header: String) -> Int? {
        guard header.hasPrefix("bytes "), let dash = header.firstIndex(of: "-") else { return nil }
        return Int(header[header.index(header.startIndex, offsetBy: 6)..<dash])
    }
}

/// Ranges handed from the download thread to the reading one. The download waits while more
/// than `limit` bytes wait to be used, unless the range the reader needs next is not among them
/// (a range being retried): then it goes on, so neither waits for the other.
final class PieceArrivals: @unchecked Sendable {  // every field behind `mutex`
    // Allocated, not stored inline: pthread objects must not move.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var pieces: [Int: [UInt8]] = [:]
    private var waitingBytes = 0
    private var wanted = 0
    private var failure: MetaflowError?
    private var finished = false
    private var cancelled = false
    private var arrivedBytes: Int
    private let limit: Int

    init(limit: Int, progressFrom: Int) {
        self.limit = limit
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

    func put(_ index: Int, _ bytes: [UInt8]) {
        locked {
            pieces[index] = bytes
            waitingBytes += bytes.count
            arrivedBytes += bytes.count
            pthread_cond_broadcast(changed)
            while waitingBytes > limit && pieces[wanted] != nil && !cancelled {
                pthread_cond_wait(changed, mutex)
            }
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
            wanted = index
            pthread_cond_broadcast(changed)
            let bytes = try waitFor(index)
            pieces[index] = nil
            waitingBytes -= bytes.count
            pthread_cond_broadcast(changed)
            return (bytes, arrivedBytes)
        }
        report?(arrived)
        return bytes
    }

    /// Waits for range `index` and leaves it for `take`.
    func peek(_ index: Int) throws -> [UInt8] {
        try locked {
            wanted = index  // the download must not wait while this one is missing
            pthread_cond_broadcast(changed)
            return try waitFor(index)
        }
    }

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
