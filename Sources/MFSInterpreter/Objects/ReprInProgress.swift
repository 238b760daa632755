// The containers whose repr is being built, per thread, so a list that contains itself prints
// `[...]`. Per thread, not global: several interpreters may run at once in one process (the
// test suite runs corpus programs in parallel) and a shared set mutated from two threads
// corrupted the heap.
#if canImport(Glibc)
import Glibc
#endif

final class ReprInProgress {
    private var ids: Set<ObjectIdentifier> = []

    private static let key: pthread_key_t = {
        var k = pthread_key_t()
        pthread_key_create(&k) { raw in
            guard let raw else { return }
            Unmanaged<ReprInProgress>.fromOpaque(raw).release()
        }
        return k
    }()

    private static var current: ReprInProgress {
        if let p = pthread_getspecific(key) { return Unmanaged<ReprInProgress>.fromOpaque(p).takeUnretainedValue() }
        let made = ReprInProgress()
        pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque())
        return made
    }

    /// False when `id` is already being shown on this thread (a cycle).
    static func enter(_ id: ObjectIdentifier) -> Bool { current.ids.insert(id).inserted }
    static func leave(_ id: ObjectIdentifier) { current.ids.remove(id) }
}
