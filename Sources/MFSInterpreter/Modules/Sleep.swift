// time.sleep with CPython's argument checks, interruptible by Ctrl-C; and where SIGINT may land.
import Glibc

/// SIGINT is for the thread running Python code: worker threads block it, so that the kernel hands it
/// to a thread whose blocking calls it should cut short (a sleep returns with EINTR).
public enum InterruptSignal {
    /// Blocks SIGINT in the calling thread (threads inherit the mask of the thread that creates them).
    public static func blockInThisThread() {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Runs `body` with SIGINT blocked in the calling thread, then restores the previous mask.
    static func whileBlocked(_ body: () -> Void) {
        var set = sigset_t(), old = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_BLOCK, &set, &old)
        body()
        pthread_sigmask(SIG_SETMASK, &old, nil)
    }
}

extension Interpreter {
    /// `time.sleep(secs)`: CPython's checks and messages, then a sleep in short slices so that Ctrl-C
    /// raises KeyboardInterrupt within a slice even when the signal went to another thread.
    func sleep(_ args: [Value]) throws -> Value {
        guard args.count == 1 else { throw PyException.typeError("time.sleep() takes exactly one argument (\(args.count) given)") }
        let nanoseconds = try Self.sleepNanoseconds(args[0])
        var started = timespec()
        clock_gettime(CLOCK_MONOTONIC, &started)
        let (sum, overflow) = (Int64(started.tv_sec) * 1_000_000_000 + Int64(started.tv_nsec)).addingReportingOverflow(nanoseconds)
        let end = overflow ? Int64.max : sum
        let slice: Int64 = 50_000_000
        while true {
            try checkInterrupt()
            var now = timespec()
            clock_gettime(CLOCK_MONOTONIC, &now)
            let left = end - (Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec))
            if left <= 0 { return .none }
            let step = min(left, slice)
            var ts = timespec(tv_sec: Int(step / 1_000_000_000), tv_nsec: Int(step % 1_000_000_000))
            _ = nanosleep(&ts, nil)  // EINTR: the loop checks the flag and sleeps what is left.
        }
    }

    /// The duration in nanoseconds, as CPython's `_PyTime_FromSecondsObject` reads it.
    static func sleepNanoseconds(_ v: Value) throws -> Int64 {
        let ns: Int64
        switch v {
        case .float(let d):
            if d.isNaN { throw PyException.valueError("Invalid value NaN (not a number)") }
            // _PyTime_ROUND_TIMEOUT rounds away from zero: -1e-10 s is -1 ns, so an error.
            let scaled = (d * 1e9).rounded(.awayFromZero)
            guard scaled >= -9.223372036854775808e18 && scaled < 9.223372036854775808e18 else {
                throw PyException.overflow("timestamp out of range for platform time_t")
            }
            ns = Int64(scaled)
        case .int, .bool, .bigint:
            let seconds: Int
            switch v {
            case .int(let i): seconds = i
            case .bool(let b): seconds = b ? 1 : 0
            default: seconds = Int.max  // a big int: beyond any duration
            }
            let (scaled, overflow) = Int64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
            if overflow { throw PyException.overflow("timestamp too large to convert to C _PyTime_t") }
            ns = scaled
        default:
            throw PyException.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
        }
        if ns < 0 { throw PyException.valueError("sleep length must be non-negative") }
        return ns
    }
}
