// Reads many small files on all cores. Listing a step of 200 tasks or a task's registrations means
// hundreds of open/read/close calls whose cost is mostly kernel time; splitting them over threads
// (the machine has 2 cores) roughly halves the wall time. Below a threshold a thread costs more
// than it saves, so small batches stay on the calling thread.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum ParallelReads {
    /// One file's outcome: its bytes and stat, nil when absent, or the error reading it.
    typealias Outcome = Result<([UInt8], stat)?, FileError>

    static let minimumBatch = 24
    static let cores: Int = {
        let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        return n > 0 ? min(Int(n), 8) : 1
    }()

    static func read(_ paths: [String], limit: Int) -> [Outcome] {
        let workers = paths.count >= minimumBatch ? min(cores, paths.count / (minimumBatch / 2)) : 1
        let batch = ReadBatch(paths: paths, limit: limit)
        guard workers > 1 else {
            batch.run(worker: 0, of: 1)
            return batch.results
        }
        var threads: [pthread_t] = []
        for w in 1..<workers {
            let job = Unmanaged.passRetained(ReadJob(batch: batch, worker: w, of: workers))
            var tid = pthread_t()
            let rc = pthread_create(&tid, nil, { raw in
                guard let raw else { return nil }
                let job = Unmanaged<ReadJob>.fromOpaque(raw).takeRetainedValue()
                job.batch.run(worker: job.worker, of: job.of)
                return nil
            }, job.toOpaque())
            if rc == 0 { threads.append(tid) } else {
                // No thread: do its share here.
                job.takeRetainedValue().batch.run(worker: w, of: workers)
            }
        }
        batch.run(worker: 0, of: workers)
        for t in threads { pthread_join(t, nil) }
        return batch.results
    }
}

/// Shared by the reading threads; each writes only its own slots (worker, worker+of, ...) of a
/// buffer allocated up front (not a Swift array: concurrent `modify` access to one array would be
/// an exclusivity violation), read only after every thread has been joined.
private final class ReadBatch: @unchecked Sendable {
    let paths: [String]
    let limit: Int
    private let slots: UnsafeMutableBufferPointer<ParallelReads.Outcome>

    init(paths: [String], limit: Int) {
        self.paths = paths
        self.limit = limit
        slots = .allocate(capacity: paths.count)
        slots.initialize(repeating: .success(nil))
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    var results: [ParallelReads.Outcome] { Array(slots) }

    func run(worker: Int, of workers: Int) {
        var i = worker
        while i < paths.count {
            do { slots[i] = .success(try FileSystem.readFileIfPresent(paths[i], limit: limit)) } catch {
                slots[i] = .failure(error)
            }
            i += workers
        }
    }
}

private final class ReadJob {
    let batch: ReadBatch
    let worker: Int
    let of: Int
    init(batch: ReadBatch, worker: Int, of: Int) { self.batch = batch; self.worker = worker; self.of = of }
}
