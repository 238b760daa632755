// Completion over a remote metadata provider (the metadata service): a Tab must not wait on the
// network. Listings are made on a thread of their own, through a provider with its own
// connection (the session's is not shared between threads); a Tab waits for one at most
// `patience` and otherwise offers what it knows, nothing, without a word. The listing lands in a
// cache kept for the session, so the next Tab shows it and a repeated Tab asks the service
// nothing. Errors are dropped quietly (the next Tab asks again).
import MetaflowBindings
import MetaflowClient
import MFSInterpreter
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

final class BackgroundListings: @unchecked Sendable {  // the provider is used by the worker thread only; the rest is in `state`
    typealias Job = @Sendable (MetadataProvider) throws -> [String]

    private struct State {
        var done: [String: [String]] = [:]
        var queued: [(key: String, job: Job)] = []
        var pending: Set<String> = []
        var workerRunning = false
    }
    private let state = Mutex(State())
    private let provider: MetadataProvider
    /// How long a Tab waits for a listing being made.
    let patience: Double

    init(provider: MetadataProvider, patience: Double = 0.08) {
        self.provider = provider
        self.patience = patience
    }

    /// The listing for `key`: from the cache, or made by `job` on the worker thread if it is done
    /// within `patience`; nil while it is not known yet.
    func names(_ key: String, _ job: @escaping Job) -> [String]? {
        let startWorker: Bool = state.withLock { s in
            if s.done[key] != nil || s.pending.contains(key) { return false }
            s.pending.insert(key)
            s.queued.append((key, job))
            if s.workerRunning { return false }
            s.workerRunning = true
            return true
        }
        if startWorker { spawnWorker() }
        let deadline = CompletionListings.now() + patience
        while true {
            if let names = state.withLock({ $0.done[key] }) { return names }
            if !state.withLock({ $0.pending.contains(key) }) || CompletionListings.now() >= deadline { return nil }
            usleep(2_000)
        }
    }

    private func spawnWorker() {
        let me = Unmanaged.passRetained(self)
        var tid = pthread_t()
        let rc = pthread_create(&tid, nil, { raw in
            guard let raw else { return nil }
            let listings = Unmanaged<BackgroundListings>.fromOpaque(raw).takeRetainedValue()
            InterruptSignal.blockInThisThread()
            listings.work()
            return nil
        }, me.toOpaque())
        if rc == 0 {
            pthread_detach(tid)
        } else {
            me.release()
            state.withLock { s in s.workerRunning = false; s.pending.removeAll(); s.queued.removeAll() }
        }
    }

    /// Takes jobs until none is left, then ends (the next Tab that needs one starts it again).
    private func work() {
        while true {
            let next: (key: String, job: Job)? = state.withLock { s in
                if s.queued.isEmpty { s.workerRunning = false; return nil }
                return s.queued.removeFirst()
            }
            guard let next else { return }
            let names = try? next.job(provider)
            state.withLock { s in
                s.pending.remove(next.key)
                if let names { s.done[next.key] = names }
            }
        }
    }
}

extension Completion {
    /// The background lister for the session's provider when it is remote; nil for local files.
    private func background() -> BackgroundListings? {
        guard let service = context.session.provider as? ServiceMetadataProvider else { return nil }
        let id = ObjectIdentifier(service)
        if let b = backgrounds[id] { return b }
        let made = BackgroundListings(provider: service.independentCopy())
        backgrounds[id] = made
        return made
    }

    /// One pathspec level from a remote provider: what is known now, [] while it is being listed;
    /// nil when the provider is local.
    func remoteListing(_ parents: [String], namespace: String?, inNamespaceOnly: Bool) -> [String]? {
        guard let background = background() else { return nil }
        // Flows in a namespace: those with a run in it, found by the same job (one listing per flow).
        let filtered = parents.isEmpty && namespace != nil && inNamespaceOnly
        let key = "\(filtered ? "flows-in" : "level")|\(namespace ?? "*")|" + parents.joined(separator: "/")
        return background.names(key) { provider in
            let lister = PathspecLister(provider: provider, namespace: namespace)
            let names = try lister.children(parents)
            return filtered ? try names.filter { try !lister.children([$0]).isEmpty } : names
        } ?? []
    }

    /// The namespace-making tags on the runs of `flows`, listed by one background job.
    func remoteNamespaceTags(_ flows: [String]) -> [String]? {
        guard let background = background() else { return nil }
        return background.names("tags|" + flows.joined(separator: "/")) { provider in
            let lister = PathspecLister(provider: provider, namespace: nil)
            return try flows.flatMap { try lister.namespaceTags($0) }
        } ?? []
    }

    /// `X.data.` over a remote provider, where X is a task: its artifact names from a background
    /// listing (the data object would ask the service on this thread). nil otherwise.
    func remoteArtifactNames(dataOf expr: String) -> [String]? {
        guard background() != nil, expr.hasSuffix(".data") else { return nil }
        guard case .host(let h)? = safeEvaluate(String(expr.dropLast(5))), let task = ClientHosts.object(of: h),
              task.kind == .task else { return nil }
        return listing(task.pathspec.split(separator: "/").map(String.init))
    }

    /// Runs `body` with the remote provider's requests cut off after `budget` seconds, so that a Tab
    /// evaluating a chain over the service (`Flow("F").latest_run.`) comes back quickly, with
    /// nothing if the service is slow.
    func withRemoteTimeBudget<T>(_ budget: Double = 0.1, _ body: () -> T) -> T {
        guard let service = context.session.provider as? ServiceMetadataProvider else { return body() }
        let previous = service.isInterrupted
        let deadline = CompletionListings.now() + budget
        service.isInterrupted = { CompletionListings.now() > deadline || (previous?() ?? false) }
        defer { service.isInterrupted = previous }
        return body()
    }
}
