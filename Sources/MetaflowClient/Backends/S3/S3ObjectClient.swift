// The wire side of S3: signed GET and HEAD of objects (whole, or a byte range), many at a time,
// with boto3's retry rules (throttling, 5xx, broken connections, tried again with backoff), and S3's
// XML errors turned into one-line messages that name the bucket, the key and where the
// credentials came from, never the credentials themselves.

import AWS
import HTTP
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// One object read: where, and which bytes (nil: all of it).
struct S3Read: Sendable {
    let location: S3Location
    var range: ClosedRange<Int>? = nil
    var method = "GET"
    /// The URL's query (already encoded), e.g. a listing's `list-type=2&prefix=…`.
    var query: String? = nil
    /// Largest body accepted.
    var maxBodyBytes = 1 << 30
}

final class S3ObjectClient: Sendable {
    let settings: S3Settings
    private let credentials: AWSCredentialChain
    /// The region to sign for: the client parameters', else AWS's settings (read once: the
    /// chain reads ~/.aws/config for it), else us-east-1 as boto3.
    private var region: String {
        regionOnce.withLock { known in
            if let known { return known }
            let found = settings.region ?? credentials.region() ?? "us-east-1"
            known = found
            return found
        }
    }
    private let regionOnce = Mutex<String?>(nil)
    /// Region per bucket, learnt from S3's redirects (`x-amz-bucket-region`).
    private let bucketRegions = Mutex<[String: String]>([:])
    /// Idle HTTP clients (each keeps its connections alive); one per thread at a time.
    private let idle = Mutex<[HTTPClientBox]>([])
    private let environment: [String: String]
    /// Requests sent so far (each try counts), for tests and benchmarks.
    let requestsSent = Atomic<Int>(0)
    /// Asked while waiting; true abandons the requests (Ctrl-C).
    let isInterrupted: (@Sendable () -> Bool)?

    init(settings: S3Settings, environment: [String: String], isInterrupted: (@Sendable () -> Bool)?) {
        self.settings = settings
        self.environment = environment
        self.isInterrupted = isInterrupted
        credentials = AWSCredentialChain(environment: environment, send: { request throws(HTTPError) in
            // Credential endpoints (STS, container, instance metadata) on a client of their own.
            try HTTPClient(environment: environment).send(request)
        })
    }

    /// Reads each of `reads`, at most `parallel` at a time; `received(i, outcome)` is called on this
    /// thread as each ends (after its retries): the response (status 200 or 206), nil for an object
    /// that does not exist, or the error. Failed ones are tried again together, after a backoff.
    /// `cancelled` stops early (the reader gave up); what is not done then fails as interrupted.
    func read(_ reads: [S3Read], parallel: Int, cancelled: (@Sendable () -> Bool)? = nil,
              _ received: (Int, Result<HTTPResponse?, MetaflowError>) -> Void) {
        guard !reads.isEmpty else { return }
        let signing: (creds: AWSCredentials, region: String)
        do throws(AWSError) {
            signing = (try currentCredentials(), region)
        } catch {
            let message = "cannot read \(reads[0].location) from S3: \(error)"
            for i in reads.indices { received(i, .failure(MetaflowError.data(message))) }
            return
        }
        let client = takeClient()
        let interrupted: (() -> Bool)? = cancelled.map { c in { [isInterrupted] in c() || isInterrupted?() == true } }
            ?? isInterrupted
        client.http.isInterrupted = interrupted
        defer { putBack(client) }
        var pending = Array(reads.indices)
        var attempt = 0
        while !pending.isEmpty {
            if attempt > 0 { Self.backoff(attempt) }
            let last = attempt >= settings.retryCount
            let requests = pending.map { request(for: reads[$0], signing: signing) }
            var again: [Int] = []
            client.http.sendEach(requests, parallel: parallel) { j, result in
                let i = pending[j]
                switch judge(result, reads[i]) {
                case .done(let response): received(i, .success(response))
                case .failed(let error): received(i, .failure(error))
                case .retry(let error): if last { received(i, .failure(error)) } else { again.append(i) }
                case .redirected(let region, let error):
                    // Signed for the wrong region: the bucket's region is known now; no backoff needed.
                    if last || region == nil { received(i, .failure(error)) } else { again.append(i) }
                }
            }
            requestsSent.add(requests.count, ordering: .relaxed)
            pending = again.sorted()
            attempt += 1
            if interrupted?() == true {
                for i in pending { received(i, .failure(MetaflowError.generic("KeyboardInterrupt", ""))) }
                return
            }
        }
    }

    /// One read, after retries: the response, or nil for a missing object.
    func readOne(_ read: S3Read) throws(MetaflowError) -> HTTPResponse? {
        var outcome: Result<HTTPResponse?, MetaflowError> = .success(nil)
        self.read([read], parallel: 1) { _, r in outcome = r }
        return try outcome.get()
    }

    private func request(for read: S3Read, signing: (creds: AWSCredentials, region: String)) -> HTTPRequest {
        let region = bucketRegions.withLock { $0[read.location.bucket] } ?? signing.region
        let url = settings.url(for: read.location, region: region) + (read.query.map { "?" + $0 } ?? "")
        var request = HTTPRequest(method: read.method, url: url,
                                  connectTimeout: 10, stallTimeout: 30, totalTimeout: nil,
                                  maxBodyBytes: read.maxBodyBytes)
        if let range = read.range { request.headers.append((name: "Range", value: "bytes=\(range.lowerBound)-\(range.upperBound)")) }
        // Objects arrive exactly as stored: a gzip blob must not be un-gzipped on the way.
        request.decodeContent = false
        request.verifyCertificate = settings.verifyCertificate
        SigV4.sign(&request, credentials: signing.creds, region: region, service: "s3", date: Self.now())
        return request
    }

    private enum Judgement {
        case done(HTTPResponse?)
        case failed(MetaflowError)
        case retry(MetaflowError)
        case redirected(region: String?, MetaflowError)
    }

    private func judge(_ result: Result<HTTPResponse, HTTPError>, _ read: S3Read) -> Judgement {
        let what = "\(read.method) \(read.location)"
        switch result {
        case .failure(let e):
            let error = MetaflowError.data("S3 \(what) failed: \(e)")
            if e.kind == .interrupted { return .failed(MetaflowError.generic("KeyboardInterrupt", "")) }
            return e.isTransient ? .retry(error) : .failed(error)
        case .success(let r):
            if r.status == 200 || r.status == 206 { return .done(r) }
            let error = S3ErrorBody(r.body)
            let code = error.code ?? Self.defaultCode(r.status)
            if r.status == 404 && (code == "NoSuchKey" || code == "NotFound") { return .done(nil) }
            var message = "S3 \(what): \(code)"
            if let m = error.message, !m.isEmpty, m != code { message += " (\(m))" }
            if r.status == 301 || r.status == 307 || code == "AuthorizationHeaderMalformed" || code == "PermanentRedirect" {
                let region = r.header("x-amz-bucket-region") ?? error.region
                if let region, bucketRegions.withLock({ $0[read.location.bucket] }) != region {
                    bucketRegions.withLock { $0[read.location.bucket] = region }
                    return .redirected(region: region, MetaflowError.data(message))
                }
                return .failed(MetaflowError.data(message + ": the bucket is in another region or behind another endpoint"))
            }
            if r.status == 403 || r.status == 401 || code == "ExpiredToken" || code == "InvalidAccessKeyId" {
                return .failed(MetaflowError.data(message + " with " + credentialsSource()))
            }
            if r.status == 404 { return .failed(MetaflowError.data(message)) }
            if r.status >= 500 || r.status == 429 || code == "SlowDown" || code == "RequestTimeout" || code == "Throttling" {
                return .retry(MetaflowError.data(message + " (tried \(settings.retryCount + 1) times)"))
            }
            return .failed(MetaflowError.data(message))
        }
    }

    /// Where the credentials came from, for messages (never the credentials).
    private func credentialsSource() -> String {
        guard let c = try? currentCredentials() else { return "no credentials" }
        return "credentials from \(c.source)"
    }

    /// The chain's credentials. A failed search is remembered for a few seconds: it may have
    /// waited on endpoints that are not there (instance metadata), and a scan asks once per batch.
    private func currentCredentials() throws(AWSError) -> AWSCredentials {
        if let (error, at) = lastFailure.withLock({ $0 }), Self.now() - at < 10 { throw error }
        do throws(AWSError) {
            return try credentials.credentials()
        } catch {
            lastFailure.withLock { $0 = (error, Self.now()) }
            throw error
        }
    }
    private let lastFailure = Mutex<(AWSError, Double)?>(nil)

    private static func defaultCode(_ status: Int) -> String {
        switch status {
        case 400: return "BadRequest"
        case 403: return "AccessDenied"
        case 404: return "NotFound"
        case 503: return "SlowDown"
        default: return "HTTP \(status)"
        }
    }

    /// boto3's standard retry mode: exponential backoff with full jitter, from 50 ms, at most 20 s.
    static func backoff(_ attempt: Int) {
        let base = min(20.0, 0.05 * Double(1 << min(attempt, 20)))
        let seconds = Double.random(in: base / 2...base)
        var ts = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
        _ = nanosleep(&ts, nil)
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    private func takeClient() -> HTTPClientBox {
        if let box = idle.withLock({ $0.popLast() }) { return box }
        let box = HTTPClientBox(HTTPClient(environment: environment))
        if let caBundle = settings.caBundle { box.http.caBundleOverride = caBundle }
        return box
    }

    private func putBack(_ box: HTTPClientBox) { idle.withLock { $0.append(box) } }
}

/// An HTTP client handed from thread to thread, used by one at a time (the pool's lock orders it).
final class HTTPClientBox: @unchecked Sendable {
    let http: HTTPClient
    init(_ http: HTTPClient) { self.http = http }
}

/// What S3 says in an error body: `<Error><Code>…</Code><Message>…</Message>…</Error>`.
struct S3ErrorBody {
    var code: String?
    var message: String?
    var region: String?

    init(_ body: [UInt8]) {
        guard body.count < 1 << 16 else { return }
        let text = String(decoding: body, as: UTF8.self)
        code = Self.element("Code", in: text)
        message = Self.element("Message", in: text)
        region = Self.element("Region", in: text)
    }

    /// The text of the first `<name>` element, XML entities undone.
    static func element(_ name: String, in text: String) -> String? {
        guard let open = text.firstRange(of: "<\(name)>"),
              let close = text[open.upperBound...].firstRange(of: "</\(name)>") else { return nil }
        var out = String(text[open.upperBound..<close.lowerBound])
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            out = out.replacing(entity, with: char)
        }
        return out
    }
}
