// The wire side of the metadata service provider: URLs, headers, Python's retry rules, JSON bodies
// decoded by content (the service labels JSON `text/plain`), errors in the Python client's words,
// and the in-process answer cache that keeps one query from asking the same URL twice.
import HTTP
#if canImport(Glibc)
import Glibc
#endif

/// What the service was configured with (metaflow_config.py's SERVICE_* settings).
public struct ServiceSettings: Sendable {
    /// Without a trailing `/`; may carry a path prefix (`https://host/api`).
    public let url: String
    /// `METAFLOW_SERVICE_HEADERS`, then `x-api-key` from `METAFLOW_SERVICE_AUTH_KEY`. Secret: never shown.
    let headers: [(name: String, value: String)]
    /// `METAFLOW_SERVICE_RETRY_COUNT`: tries per request (Python's default 5).
    let tries: Int
    /// `MFSH_SERVICE_TIMEOUT` (seconds, default 60): the longest one request may take, and the longest
    /// a connection may take to open (at most 10 s). Python's client waits forever on a hung service.
    let timeout: Double

    public init(url: String, config: Configuration) throws {
        var u = url
        while u.hasSuffix("/") { u.removeLast() }
        self.url = u
        var headers: [(String, String)] = []
        if let raw = config.rawValue("SERVICE_HEADERS") {
            var parsed = raw
            if case .string(let text) = raw {
                // Not the value itself in the message: headers carry credentials.
                guard let p = try? JSONParser.parse(text) else {
                    throw MetaflowError.generic("ValueError", "Expected a valid JSON for METAFLOW_SERVICE_HEADERS")
                }
                parsed = p
            }
            guard case .object(let members) = parsed else {
                throw MetaflowError.generic("ValueError", "Expected value of type '<class 'dict'>' for METAFLOW_SERVICE_HEADERS")
            }
            for (name, value) in members {
                switch value {
                case .string(let s): headers.append((name, s))
                case .int(let i): headers.append((name, String(i)))
                case .bool(let b): headers.append((name, b ? "True" : "False"))
                default: continue
                }
            }
        }
        if let key = config.value("SERVICE_AUTH_KEY") {
            headers.removeAll { $0.0.lowercased() == "x-api-key" }
            headers.append(("x-api-key", key))
        }
        self.headers = headers
        let count = config.value("SERVICE_RETRY_COUNT").flatMap { Int($0) } ?? 5
        tries = max(1, min(count, 20))
        let seconds = config.environment["MFSH_SERVICE_TIMEOUT"].flatMap { Double($0) } ?? 60
        timeout = seconds.isFinite && seconds > 0 ? min(seconds, 3600) : 60
    }
}

final class ServiceConnection {
    let settings: ServiceSettings
    let http: HTTPClient
    /// Answers by path: the decoded body (nil for a 404), when it was read, and for paths below a
    /// run the body as it came (kept for the disk cache once the run is known finished).
    private var answers: [String: (readAt: UInt64, value: JSONValue?, body: [UInt8]?)] = [:]
    /// Answers for runs that can no longer change, across processes (nil: disabled).
    let disk: ServiceDiskCache?
    /// Paths answered from the disk cache in this process (their records need the run's current tags).
    private(set) var servedFromDisk: Set<String> = []
    /// Failures of reads made ahead (`keepingFailures`), handed once to the read that wanted the
    /// answer: a failed read ahead is not tried again (with its retries) a moment later.
    private var failedAhead: [String: (at: UInt64, error: any Error)] = [:]
    /// How long an answer is trusted: long enough that one query never asks twice, short enough
    /// that a loop waiting for a run sees it move.
    static let trustNanos: UInt64 = 2_000_000_000
    /// The service's version from `/ping` (nil inside: asked, no header).
    private var version: String??

    init(settings: ServiceSettings, environment: [String: String]) {
        self.settings = settings
        http = HTTPClient(environment: environment)
        disk = settings.url.isEmpty ? nil : ServiceDiskCache.make(serviceURL: settings.url, environment: environment)
        // A configured service will be asked: libcurl loads while the rest of the shell starts.
        if !settings.url.isEmpty { HTTPClient.preload() }
    }

    /// Requests sent so far (each try counts).
    var requestsSent: Int { http.requestsSent }

    /// Python's error when no URL was configured, raised at the first request as Python does.
    private func requireURL() throws {
        guard !settings.url.isEmpty else {
            throw MetaflowError.generic("MetaflowException",
                "Missing Metaflow Service URL. Specify with METAFLOW_SERVICE_URL environment variable")
        }
    }

    private func request(_ method: String, _ path: String, body: [UInt8]? = nil) -> HTTPRequest {
        var headers = settings.headers
        if body != nil { headers.append(("Content-Type", "application/json")) }
        return HTTPRequest(method: method, url: settings.url + path, headers: headers, body: body,
                           connectTimeout: min(10, settings.timeout), stallTimeout: settings.timeout,
                           totalTimeout: settings.timeout, maxBodyBytes: 1 << 30)
    }

    // MARK: reads

    /// The decoded answer to `GET path`; nil when the service says 404.
    func get(_ path: String) throws -> JSONValue? {
        try requireURL()
        return try getMany([path])[0].get()
    }

    /// Many GETs, the ones not answered recently sent in parallel; results in order.
    /// `keepingFailures`: reads made ahead of need, whose failures the next read of the same path
    /// gets (once, within the trust window) instead of asking again.
    func getMany(_ paths: [String], parallel: Int = 8, keepingFailures: Bool = false) -> [Result<JSONValue?, any Error>] {
        let now = Freshness.now()
        var results = [Result<JSONValue?, any Error>?](repeating: nil, count: paths.count)
        var wanted: [String] = []
        for (i, path) in paths.enumerated() {
            if let failed = failedAhead.removeValue(forKey: path), now &- failed.at < Self.trustNanos {
                results[i] = .failure(failed.error)
            } else if let a = answers[path], now &- a.readAt < Self.trustNanos || servedFromDisk.contains(path) {
                results[i] = .success(a.value)
            } else if let kept = disk?.read(path) {
                answers[path] = (now, kept, nil)
                servedFromDisk.insert(path)
                results[i] = .success(kept)
            } else if !wanted.contains(path) {
                wanted.append(path)
            }
        }
        if !wanted.isEmpty {
            let fetched = fetch(wanted, parallel: parallel)
            var byPath: [String: Result<JSONValue?, any Error>] = [:]
            for (path, outcome) in zip(wanted, fetched) {
                switch outcome {
                case .success(let (value, body)):
                    byPath[path] = .success(value)
                    // Only whole, decoded answers are kept: a failure is asked again next time.
                    let belowRun = ServiceDiskCache.run(of: path) != nil
                    answers[path] = (Freshness.now(), value, belowRun ? body : nil)
                    if belowRun, value != nil, let body { disk?.write(path, body: body) }
                case .failure(let error):
                    byPath[path] = .failure(error)
                    // Ctrl-C is not the path's failure: a later read asks again.
                    if keepingFailures, !(error is KeyboardInterruptError) { failedAhead[path] = (Freshness.now(), error) }
                }
            }
            for (i, path) in paths.enumerated() where results[i] == nil { results[i] = byPath[path] }
        }
        return results.map { $0 ?? .failure(MetaflowError.generic("MetaflowInternalError", "no answer")) }
    }

    /// Keeps an answer learnt another way (a run-level list split by task) as if `path` had said it.
    func remember(_ path: String, _ value: JSONValue) {
        answers[path] = (Freshness.now(), value, nil)
    }

    /// The answer in memory for `path`, however old (the provider's run record from a run list).
    func remembered(_ path: String) -> JSONValue?? {
        answers[path].map { $0.value }
    }

    /// The run can no longer change: from now on its answers are kept on disk, the ones already
    /// read included.
    func markFinished(flow: String, run: String) {
        guard let disk, !disk.isFinished(flow: flow, run: run) else { return }
        disk.markFinished(flow: flow, run: run)
        let prefix = "/flows/\(flow)/runs/\(run)/"
        for (path, answer) in answers where path.hasPrefix(prefix) && answer.value != nil {
            if let body = answer.body { disk.write(path, body: body) }
        }
    }

    /// Forgets answers under `prefix` (a run whose tags changed).
    func forget(prefix: String) {
        answers = answers.filter { !$0.key.hasPrefix(prefix) || servedFromDisk.contains($0.key) }
    }

    /// GETs with Python's retry rules, batch by batch: what failed transiently is tried again.
    private func fetch(_ paths: [String], parallel: Int) -> [Result<(JSONValue?, [UInt8]?), any Error>] {
        var outcomes = [Result<(JSONValue?, [UInt8]?), any Error>?](repeating: nil, count: paths.count)
        var pending = Array(paths.indices)
        for attempt in 0..<settings.tries {
            if attempt > 0 { Self.backoff(attempt) }
            let responses = http.sendAll(pending.map { request("GET", paths[$0]) }, parallel: parallel)
            var again: [Int] = []
            for (i, response) in zip(pending, responses) {
                let last = attempt == settings.tries - 1
                switch Self.judge(response, path: paths[i]) {
                case .done(let value, let body): outcomes[i] = .success((value, body))
                case .failed(let error): outcomes[i] = .failure(error)
                case .retry(let error): if last { outcomes[i] = .failure(error) } else { again.append(i) }
                }
            }
            pending = again
            if pending.isEmpty { break }
        }
        return outcomes.map { $0 ?? .failure(MetaflowError.generic("MetaflowInternalError", "no answer")) }
    }

    private enum Judgement {
        /// The decoded answer (nil: 404) and the body it came from.
        case done(JSONValue?, [UInt8]?)
        case failed(any Error)
        case retry(any Error)
    }

    /// Python's rules: < 300 is the answer, 404 is "does not exist", 5xx and connection errors are
    /// tried again (Python retries only 503; every 5xx is a server in trouble), the rest fails.
    private static func judge(_ response: Result<HTTPResponse, HTTPError>, path: String) -> Judgement {
        switch response {
        case .failure(let e):
            let error = serviceError(path, "\(e)")
            if e.kind == .interrupted { return .failed(KeyboardInterruptError()) }
            return e.isTransient ? .retry(error) : .failed(error)
        case .success(let r):
            if r.status == 404 { return .done(nil, nil) }
            if r.status >= 500 { return .retry(statusError(path, r)) }
            guard r.status < 300 else { return .failed(statusError(path, r)) }
            do {
                return .done(try JSONParser.parse(r.body), r.body)
            } catch {
                return .failed(serviceError(path, "the answer is not the JSON expected (\(error)): \(preview(r.body))"))
            }
        }
    }

    // MARK: writes

    /// A PATCH/POST with a JSON body; the raw response (any status), after Python's retries on
    /// connection errors and 503.
    func send(_ method: String, _ path: String, json: String) throws -> HTTPResponse {
        try requireURL()
        var lastError: any Error = Self.serviceError(path, "no answer")
        for attempt in 0..<settings.tries {
            if attempt > 0 { Self.backoff(attempt) }
            do {
                let r = try http.send(request(method, path, body: Array(json.utf8)))
                if r.status == 503 { lastError = Self.statusError(path, r); continue }
                return r
            } catch {
                if error.kind == .interrupted { throw KeyboardInterruptError() }
                lastError = Self.serviceError(path, "\(error)")
                if !error.isTransient { throw lastError }
            }
        }
        throw lastError
    }

    /// `GET /ping`'s `METADATA_SERVICE_VERSION` header (500 and 503 retried, as Python does).
    func serviceVersion() throws -> String? {
        if let version { return version }
        try requireURL()
        var lastError: any Error = Self.serviceError("/ping", "no answer")
        for attempt in 0..<settings.tries {
            if attempt > 0 { Self.backoff(attempt) }
            do {
                let r = try http.send(request("GET", "/ping"))
                if r.status < 300 {
                    version = .some(r.header("METADATA_SERVICE_VERSION"))
                    return r.header("METADATA_SERVICE_VERSION")
                }
                lastError = Self.statusError(settings.url + "/ping", r)
                if r.status != 500 && r.status != 503 { throw lastError }
            } catch let e as HTTPError {
                if e.kind == .interrupted { throw KeyboardInterruptError() }
                lastError = Self.serviceError("/ping", "\(e)")
                if !e.isTransient { throw lastError }
            }
        }
        throw lastError
    }

    // MARK: errors and waiting

    /// Python sleeps 2**i seconds between tries (15 s before giving up on a dead server); the same
    /// number of tries here, from a quarter second up.
    static func backoff(_ attempt: Int) {
        let seconds = 0.25 * Double(1 << min(attempt - 1, 6))
        var ts = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
        _ = nanosleep(&ts, nil)
    }

    static func statusError(_ path: String, _ r: HTTPResponse) -> MetaflowError {
        let text = String(decoding: r.body.prefix(2000), as: UTF8.self)
        return MetaflowError.generic("ServiceException", "Metadata request (\(path)) failed (code \(r.status)): \(text)")
    }

    static func serviceError(_ path: String, _ why: String) -> MetaflowError {
        MetaflowError.generic("ServiceException", "Metadata request (\(path)) failed: \(why)")
    }

    static func preview(_ body: [UInt8]) -> String {
        let head = String(decoding: body.prefix(80), as: UTF8.self)
        return body.count > 80 ? head + "…" : (head.isEmpty ? "(empty)" : head)
    }
}

/// Ctrl-C during a request: the shell turns it into KeyboardInterrupt.
public struct KeyboardInterruptError: Error, Sendable {}
