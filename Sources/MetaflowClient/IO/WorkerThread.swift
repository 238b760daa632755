// A joinable thread for work beside the calling thread (parallel file reads, an S3 download
// that runs while the caller decompresses what has arrived).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum WorkerThread {
    /// Starts `body` on a new thread, with Ctrl-C blocked there (SIGINT is for the thread that runs
    /// the script: MFSInterpreter's InterruptSignal, which this module cannot see); nil when no
    /// thread could be made (the caller then does the work itself).
    static func start(_ body: @escaping () -> Void) -> pthread_t? {
        let job = Unmanaged.passRetained(Job(run: body))
        var tid = pthread_t()
        let rc = pthread_create(&tid, nil, { raw in
            guard let raw else { return nil }
            var interrupt = sigset_t()
            sigemptyset(&interrupt)
            sigaddset(&interrupt, SIGINT)
            pthread_sigmask(SIG_BLOCK, &interrupt, nil)
            Unmanaged<Job>.fromOpaque(raw).takeRetainedValue().run()
            return nil
        }, job.toOpaque())
        guard rc == 0 else {
            job.release()
            return nil
        }
        return tid
    }

    private final class Job {
        let run: () -> Void
        init(run: @escaping () -> Void) { self.run = run }
    }
}
