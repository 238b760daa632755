// HTTP: one HTTP client for every remote backend (the metadata service, S3), on libcurl opened with
// dlopen on first use (keep-alive connection reuse, HTTP/2, TLS with the system's CA certificates,
// proxies, parallel transfers through one multi handle). It knows nothing of Metaflow, JSON or
// retries policy: callers build requests and judge answers. Local-only mfsh processes never load
// libcurl, so start-up does not pay for it.
//
// Files: Curl.swift (the library, looked up by dlopen), Transfer.swift (one request on an easy
// handle), HTTPClient.swift (the client: one request, or many in parallel), Proxy.swift (which
// proxy a URL goes through, by the rules Python's requests uses).
//
// This file: requests, responses and errors.

/// One HTTP request.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    /// Sent in order; names as given.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]?
    /// Longest wait for the connection (TCP and TLS).
    public var connectTimeout: Double
    /// Longest time the transfer may go without receiving a byte (a stalled server).
    public var stallTimeout: Double
    /// Longest time the whole request may take; nil for no limit (large downloads).
    public var totalTimeout: Double?
    /// Largest body accepted; a longer one is an error, not a truncated answer.
    public var maxBodyBytes: Int
    /// Whether a `Content-Encoding` (gzip, br) is undone: stored objects (S3 blobs, byte ranges of
    /// them) must arrive exactly as stored.
    public var decodeContent = true
    /// Whether the server's certificate is checked (peer and host name). Only a user's explicit
    /// setting turns it off (`METAFLOW_S3_VERIFY_CERTIFICATE=false`, as boto3's `verify=False`).
    public var verifyCertificate = true

    public init(method: String = "GET", url: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil,
                connectTimeout: Double = 10, stallTimeout: Double = 30, totalTimeout: Double? = 120,
                maxBodyBytes: Int = 1 << 30) {
        self.method = method; self.url = url; self.headers = headers; self.body = body
        self.connectTimeout = connectTimeout; self.stallTimeout = stallTimeout; self.totalTimeout = totalTimeout
        self.maxBodyBytes = maxBodyBytes
    }
}

/// A complete HTTP response (any status).
public struct HTTPResponse: Sendable {
    public let status: Int
    /// The final response's headers, in order (names as the server sent them).
    public let headers: [(name: String, value: String)]
    public let body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)], body: [UInt8]) {
        self.status = status; self.headers = headers; self.body = body
    }

    /// The first header of that name, compared without case.
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}

/// Why no complete response arrived. Messages name the URL (without any credentials in it) and
/// what happened, in words a user can act on.
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Nothing listens there, or the host is unreachable.
        case refused
        /// The host name does not resolve.
        case dns
        /// Certificate or handshake failure.
        case tls
        /// No connection or no bytes within the time allowed.
        case timeout
        /// The connection broke mid-answer, or the answer was shorter than announced.
        case truncated
        /// The answer is larger than the caller accepts.
        case tooLarge
        /// libcurl is missing, or the request could not be made at all.
        case unavailable
        /// The caller's interrupt check said stop (Ctrl-C).
        case interrupted
        case other
    }
    public let kind: Kind
    public let url: String
    public let detail: String

    public init(_ kind: Kind, url: String, detail: String) {
        self.kind = kind; self.url = HTTPError.redacted(url); self.detail = detail
    }

    /// Whether trying again may help (the server or network may recover).
    public var isTransient: Bool { [.refused, .timeout, .truncated].contains(kind) }

    public var description: String {
        let what: String
        switch kind {
        case .refused: what = "connection refused or host unreachable"
        case .dns: what = "host name not found"
        case .tls: what = "TLS failure"
        case .timeout: what = "timed out"
        case .truncated: what = "connection closed before the whole answer arrived"
        case .tooLarge: what = "answer too large"
        case .unavailable: what = "cannot make HTTP requests"
        case .interrupted: what = "interrupted"
        case .other: what = "request failed"
        }
        return detail.isEmpty ? "\(url): \(what)" : "\(url): \(what) (\(detail))"
    }

    /// `scheme://user:password@host/…` without the user and password.
    public static func redacted(_ url: String) -> String {
        guard let (scheme, rest) = splitScheme(url) else { return url }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return url }
        return scheme + "://" + rest[rest.index(after: at)...]
    }
}

/// `scheme` and what follows `://` in an absolute URL.
func splitScheme(_ url: String) -> (scheme: String, rest: Substring)? {
    let chars = Array(url.utf8)
    guard chars.count >= 3 else { return nil }
    for i in 0..<(chars.count - 2) where chars[i] == UInt8(ascii: ":") && chars[i + 1] == UInt8(ascii: "/")
        && chars[i + 2] == UInt8(ascii: "/") {
        let cut = url.utf8.index(url.utf8.startIndex, offsetBy: i)
        let restStart = url.utf8.index(cut, offsetBy: 3)
        return (String(url[..<cut]), url[restStart...])
    }
    return nil
}
