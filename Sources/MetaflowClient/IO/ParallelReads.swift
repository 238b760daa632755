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
        map(paths.count) { i in Outcome { () throws(FileError) in try FileSystem.readFileIfPresent(paths[i], limit: limit) } }
    }

    /// `body(0..<count)` spread over the cores (in order of index on each thread), results in index
    /// order. `serialBelow`: fewer items than this run on the calling thread.
    static func map<T: Sendable>(_ count: Int, serialBelow: Int = minimumBatch,
                                 _ body: @escaping @Sendable (Int) -> T) -> [T] {
        let workers = count >= serialBelow ? min(cores, max(1, count / max(1, serialBelow / 2))) : 1
        let batch = ParallelBatch(count: count, body: body)
        guard workers > 1 else {
            batch.run(worker: 0, of: 1)
            return batch.results
        }
        var threads: [pthread_t] = []
        for w in 1..<workers {
            let share = { batch.run(worker: w, of: workers) }
            // No thread: do its share here.
            if let tid = WorkerThread.start(share) { threads.append(tid) } else { share() }
        }
        batch.run(worker: 0, of: workers)
        for t in threads { pthread_join(t, nil) }
        return batch.results
    }
}

/// Shared by the threads of one `map`; each writes only its own slots (worker, worker+of, ...) of a
/// buffer allocated up front (not a Swift array: concurrent `modify` access to one array would be
/// an exclusivity violation), read only after every thread has been joined.
private final class ParallelBatch<T: Sendable>: @unchecked Sendable {
    let count: Int
    let body: @Sendable (Int) -> T
    private let slots: UnsafeMutableBufferPointer<T?>

    init(count: Int, body: @escaping @Sendable (Int) -> T) {
        self.count = count
        self.body = body
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    /// Every slot is filled by the time the threads are joined.
    var results: [T] { slots.compactMap { $0 } }

    func run(worker: Int, of workers: Int) {
        var i = worker
        while i < count {
            slots[i] = body(i)
            i += workers
        }
    }
}

