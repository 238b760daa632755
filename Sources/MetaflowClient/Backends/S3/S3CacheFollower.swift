// The disk copy of a blob kept decompressed, written while the blob is being decompressed: the
// writer follows the output on a thread of its own (OutputWatch), instead of writing the whole
// output once it is made. A cold read of a large, barely compressible array (random floats) spent a
// fifth of its time in that write, on the caller's path. Memory stays as it was: the thread writes
// from the output buffer itself, which the decompression does not move before the writes are done.
// The copy becomes visible only when the caller finishes the Writer after a whole, checked output.

#if canImport(Glibc)
import Glibc
#endif

final class S3CacheFollower: @unchecked Sendable {  // `queue`, `writing` and `stopping` behind `mutex`
    private let writer: BlobDiskCache.Writer  // used by the thread alone until `stop` has joined it
    // Allocated, not stored inline: pthread objects must not move.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queue: [UnsafeRawBufferPointer] = []
    private var writing = false
    private var stopping = false
    private var thread: pthread_t?

    init(_ writer: BlobDiskCache.Writer) {
        self.writer = writer
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
        thread = WorkerThread.start { [self] in run() }
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// What the decompression calls: stretches to write, and waits until they are written.
    var watch: OutputWatch {
        OutputWatch(made: { [self] in post($0) }, settle: { [self] in settle() })
    }

    /// Ends the thread (after what was posted is written); the writer is the caller's again.
    func stop() {
        guard let thread else { return }
        pthread_mutex_lock(mutex)
        stopping = true
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
        pthread_join(thread, nil)
        self.thread = nil
    }

    private func post(_ stretch: UnsafeRawBufferPointer) {
        guard thread != nil else {
            writer.append(stretch)  // no thread could be made: written here, as before
            return
        }
        pthread_mutex_lock(mutex)
        queue.append(stretch)
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }

    private func settle() {
        pthread_mutex_lock(mutex)
        while !queue.isEmpty || writing { pthread_cond_wait(changed, mutex) }
        pthread_mutex_unlock(mutex)
    }

    private func run() {
        pthread_mutex_lock(mutex)
        while true {
            if queue.isEmpty {
                if stopping { break }
                pthread_cond_wait(changed, mutex)
                continue
            }
            let stretch = queue.removeFirst()
            writing = true
            pthread_mutex_unlock(mutex)
            writer.append(stretch)
            pthread_mutex_lock(mutex)
            writing = false
            pthread_cond_broadcast(changed)
        }
        pthread_mutex_unlock(mutex)
    }
}
