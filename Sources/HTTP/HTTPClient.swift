// The client: one libcurl multi handle, whose connection cache keeps connections to each host alive
// between requests, and a pool of easy handles. Requests are synchronous for the caller (the
// object model is); many are run in parallel, at most `parallel` at a time, as one batch.
import CCurl
#if canImport(Glibc)
import Glibc
#endif

public final class HTTPClient {
    /// The process environment, for proxies (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`).
    private let environment: [String: String]
    /// Asked about every tenth of a second while waiting; true abandons the batch (Ctrl-C).
    public var isInterrupted: (() -> Bool)?
    /// A CA bundle this client's user chose (boto3's `verify=<path>`), ahead of the environment's.
    public var caBundleOverride: String?
    /// Requests sent so far (each try counts), for tests and benchmarks.
    public private(set) var requestsSent = 0
    private var curl: Curl?
    private var multi: UnsafeMutableRawPointer?
    private var idle: [UnsafeMutableRawPointer] = []

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// Opens libcurl on a thread of its own, so that a process which will make requests does not
    /// wait for it later: loading libcurl and the ~30 libraries it links takes about 4 ms, as long
    /// as the rest of mfsh's start-up. The first request waits for it only if it is not done yet
    /// (the library is a once-initialised static). Only callers that know a request is coming
    /// (a configured service) call this: local-only processes never load libcurl.
    public static func preload() { _ = preloading }

    private static let preloading: Void = {
        var tid = pthread_t()
        var attr = pthread_attr_t()
        pthread_attr_init(&attr)
        defer { pthread_attr_destroy(&attr) }
        pthread_attr_setdetachstate(&attr, Int32(PTHREAD_CREATE_DETACHED))
        // If no thread can be made, the first request loads it as before.
        _ = pthread_create(&tid, &attr, { _ in
            _ = try? Curl.get(for: "")
            return nil
        }, nil)
    }()

    /// The CA certificates to trust, as Python's requests finds them: `REQUESTS_CA_BUNDLE`, then
    /// `CURL_CA_BUNDLE`; nil for the system's (libcurl's default, /etc/ssl/certs on Debian).
    var caBundle: String? {
        if let caBundleOverride { return caBundleOverride }
        for name in ["REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"] {
            if let v = environment[name], !v.isEmpty { return v }
        }
        return nil
    }

    deinit {
        guard let curl else { return }
        for h in idle { curl.easyCleanup(h) }
        if let multi { _ = curl.multiCleanup(multi) }
    }

    /// One request; the response whatever its status, or why none came.
    public func send(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        try sendAll([request], parallel: 1)[0].get()
    }

    /// Many requests, at most `parallel` in flight; results in the order of `requests`.
    public func sendAll(_ requests: [HTTPRequest], parallel: Int) -> [Result<HTTPResponse, HTTPError>] {
        var results = [Result<HTTPResponse, HTTPError>?](repeating: nil, count: requests.count)
        sendEach(requests, parallel: parallel) { i, result in results[i] = result }
        return results.enumerated().map { i, r in
            r ?? .failure(HTTPError(.interrupted, url: requests[i].url, detail: ""))
        }
    }

    /// Many requests, at most `parallel` in flight; `received(index, result)` is called on this
    /// thread as each one ends, in the order they end (exactly once per request), so a caller can
    /// use and drop each answer (a large download in ranges) before the others arrive.
    public func sendEach(_ requests: [HTTPRequest], parallel: Int,
                         _ received: (Int, Result<HTTPResponse, HTTPError>) -> Void) {
        guard !requests.isEmpty else { return }
        let curl: Curl
        let multi: UnsafeMutableRawPointer
        do throws(HTTPError) {
            (curl, multi) = try ready(for: requests[0].url)
        } catch {
            for (i, r) in requests.enumerated() { received(i, .failure(HTTPError(error.kind, url: r.url, detail: error.detail))) }
            return
        }
        var delivered = [Bool](repeating: false, count: requests.count)
        func deliver(_ i: Int, _ result: Result<HTTPResponse, HTTPError>) {
            delivered[i] = true
            received(i, result)
        }
        var active: [UnsafeMutableRawPointer: (index: Int, transfer: Transfer)] = [:]
        var next = 0

        func start(_ i: Int) {
            let request = requests[i]
            guard let handle = idle.popLast() ?? curl.easyInit() else {
                deliver(i, .failure(HTTPError(.unavailable, url: request.url, detail: "curl_easy_init failed")))
                return
            }
            curl.easyReset(handle)
            do {
                let transfer = try Transfer(request, handle: handle, curl: curl,
                                            proxy: Proxy.forURL(request.url, environment: environment),
                                            caBundle: caBundle)
                let added = curl.multiAdd(multi, handle)
                guard added == CURLM_OK else {
                    idle.append(handle)
                    deliver(i, .failure(HTTPError(.unavailable, url: request.url, detail: multiText(curl, added))))
                    return
                }
                requestsSent += 1
                active[handle] = (i, transfer)
            } catch {
                idle.append(handle)
                deliver(i, .failure(error))
            }
        }
        func fill() {
            while next < requests.count && active.count < max(1, parallel) {
                start(next)
                next += 1
            }
        }

        fill()
        while !active.isEmpty {
            var running: Int32 = 0
            let performed = curl.multiPerform(multi, &running)
            if performed != CURLM_OK {
                abandon(&active, deliver, curl: curl, multi: multi, .other, multiText(curl, performed))
                break
            }
            var left: Int32 = 0
            while let message = curl.multiInfoRead(multi, &left) {
                guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                      let (index, transfer) = active.removeValue(forKey: handle) else { continue }
                _ = curl.multiRemove(multi, handle)
                idle.append(handle)
                deliver(index, transfer.outcome(message.pointee.data.result))
            }
            fill()
            if active.isEmpty { break }
            if isInterrupted?() == true {
                abandon(&active, deliver, curl: curl, multi: multi, .interrupted, "")
                break
            }
            _ = curl.multiPoll(multi, nil, 0, 100, nil)
        }
        // Requests never started (interrupted before their turn) fail the same way.
        for i in requests.indices where !delivered[i] {
            received(i, .failure(HTTPError(.interrupted, url: requests[i].url, detail: "")))
        }
    }

    private func ready(for url: String) throws(HTTPError) -> (Curl, UnsafeMutableRawPointer) {
        if let curl, let multi { return (curl, multi) }
        let loaded = try Curl.get(for: url)
        guard let m = loaded.multiInit() else { throw HTTPError(.unavailable, url: url, detail: "curl_multi_init failed") }
        // Keep a few connections per host for the parallel scans; reuse them across batches.
        _ = mfsh_curl_multi_setopt_long(loaded.multiSetopt, m, CURLMOPT_MAX_HOST_CONNECTIONS, 16)
        _ = mfsh_curl_multi_setopt_long(loaded.multiSetopt, m, CURLMOPT_MAXCONNECTS, 32)
        curl = loaded
        multi = m
        return (loaded, m)
    }

    private func abandon(_ active: inout [UnsafeMutableRawPointer: (index: Int, transfer: Transfer)],
                         _ deliver: (Int, Result<HTTPResponse, HTTPError>) -> Void, curl: Curl, multi: UnsafeMutableRawPointer,
                         _ kind: HTTPError.Kind, _ detail: String) {
        for (handle, (index, transfer)) in active {
            _ = curl.multiRemove(multi, handle)
            // A half-used handle may hold a half-read connection: not reused.
            curl.easyCleanup(handle)
            deliver(index, .failure(HTTPError(kind, url: transfer.request.url, detail: detail)))
        }
        active = [:]
    }

    private func multiText(_ curl: Curl, _ code: CURLMcode) -> String {
        curl.multiStrerror(code).map { String(cString: $0) } ?? "curl multi error \(code.rawValue)"
    }
}
