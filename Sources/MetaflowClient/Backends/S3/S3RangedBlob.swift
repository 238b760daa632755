// One large blob read from S3 in byte ranges: a few ranges in flight at a time, each used and
// dropped as soon as the bytes before it have been: gunzipped into the output (or copied, for a
// raw blob). The first wave also fetches the last range, whose gzip trailer sizes the output.

import HTTP

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
        var arrived: [Int: [UInt8]] = [:]
        var fetched = 0
        var received = first.count
        let reportProgress = total >= progressMinimumBytes ? progress : nil

        /// The next pieces not yet asked for (and `extra`), all at once; throws the first failure.
        func fetchWave(including extra: Int?) throws {
            var wanted = Array(fetched..<min(fetched + S3DataStore.parallelPieces, pieces.count))
            fetched = wanted.last.map { $0 + 1 } ?? fetched
            if let extra, !wanted.contains(extra) { wanted.append(extra) }
            wanted.removeAll { arrived[$0] != nil }
            let reads = wanted.map { S3Read(location: location, range: pieces[$0], maxBodyBytes: pieces[$0].count) }
            var failure: MetaflowError?
            client.read(reads, parallel: S3DataStore.parallelPieces) { j, outcome in
                let piece = pieces[wanted[j]]
                switch outcome {
                case .success(let response?):
                    let start = response.header("Content-Range").flatMap(Self.rangeStart)
                    guard response.status == 206, response.body.count == piece.count, start == piece.lowerBound else {
                        failure = failure ?? MetaflowError.data(
                            "S3 GET \(location): asked for bytes \(piece.lowerBound)-\(piece.upperBound), got "
                            + "\(response.body.count) bytes (status \(response.status)); the object changed while being read?")
                        return
                    }
                    arrived[wanted[j]] = response.body
                    received += response.body.count
                    reportProgress?(received, total)
                case .success(nil):
                    failure = failure ?? MetaflowError.data("S3 GET \(location): the object disappeared while being read")
                case .failure(let error):
                    failure = failure ?? error
                }
            }
            if let failure { throw failure }
        }

        reportProgress?(received, total)
        try fetchWave(including: raw ? nil : lastPiece)
        var next = -1  // -1: the first read's bytes
        func nextChunk() throws -> ArraySlice<UInt8> {
            let chunk = try takeChunk()
            keeper?.append(chunk)
            return chunk
        }
        func takeChunk() throws -> ArraySlice<UInt8> {
            if next == -1 { next = 0; return first[...] }
            guard next < pieces.count else { return [] }
            if arrived[next] == nil { try fetchWave(including: nil) }
            guard let bytes = arrived.removeValue(forKey: next) else {
                throw MetaflowError.data("S3 GET \(location): range \(next) never arrived")
            }
            next += 1
            return bytes[...]
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
        let hint = S3DataStore.sizeHint(expectedSize, arrived[lastPiece] ?? [], compressed: total)
        return try S3DataStore.gunzipChunks(location, hint: hint, next: nextChunk)
    }

    /// `a` of `bytes a-b/total`.
    static func rangeStart(_ header: String) -> Int? {
        guard header.hasPrefix("bytes "), let dash = header.firstIndex(of: "-") else { return nil }
        return Int(header[header.index(header.startIndex, offsetBy: 6)..<dash])
    }
}
