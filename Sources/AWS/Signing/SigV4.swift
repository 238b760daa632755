// AWS Signature Version 4 on an HTTPRequest, by AWS's rules as botocore applies them:
// - the canonical URI is the URL's path as written, normalized (dot segments and empty segments
//   removed) and URI-encoded once more, except for S3, which signs the path URI-encoded once and
//   not normalized (here: percent-escapes decoded, then encoded once with AWS's unreserved set, so
//   a path written raw or already encoded signs the same);
// - query parameters decoded, encoded with AWS's set ('/' too), sorted by name then value;
// - every header signed except the hop-by-hop and tracing ones botocore leaves out; values trimmed
//   and inner runs of whitespace collapsed; repeated headers joined with ',' in order;
// - `host` from a Host header if the caller set one, else from the URL, with the port unless it is
//   the scheme's default (what libcurl sends).
import HTTP

public enum SigV4 {
    /// Adds x-amz-date, x-amz-content-sha256 (S3 only), x-amz-security-token (temporary
    /// credentials) and Authorization to `request`, replacing any left from an earlier signing
    /// (a retry is signed afresh). `payloadHash` nil: the sha256 of the body (or of nothing); S3
    /// callers may pass "UNSIGNED-PAYLOAD".
    public static func sign(_ request: inout HTTPRequest, credentials: AWSCredentials, region: String, service: String,
                            payloadHash: String? = nil, date: Double) {
        let signed = signature(of: request, credentials: credentials, region: region, service: service,
                               payloadHash: payloadHash, date: date)
        request.headers = signed.headers
        request.headers.append((name: "Authorization", value: signed.authorization))
    }

    public static func sha256Hex(_ bytes: [UInt8]) -> String { hexString(SHA256.hash(bytes)) }

    /// The steps of one signing, for tests that compare each with AWS's published ones.
    struct Signed {
        var headers: [(name: String, value: String)]
        var canonicalRequest: String
        var stringToSign: String
        var authorization: String
    }

    static func signature(of request: HTTPRequest, credentials: AWSCredentials, region: String, service: String,
                          payloadHash: String?, date: Double) -> Signed {
        let isS3 = service == "s3"
        let amzDate = Timestamp.amzDate(date)
        let day = String(amzDate.prefix(8))
        let hash = payloadHash ?? sha256Hex(request.body ?? [])

        var replaced: Set<String> = ["authorization", "x-amz-date"]
        if credentials.sessionToken != nil { replaced.insert("x-amz-security-token") }
        if isS3 { replaced.insert("x-amz-content-sha256") }
        var headers = request.headers.filter { !replaced.contains($0.name.lowercased()) }
        headers.append((name: "X-Amz-Date", value: amzDate))
        if let token = credentials.sessionToken { headers.append((name: "X-Amz-Security-Token", value: token)) }
        if isS3 { headers.append((name: "X-Amz-Content-SHA256", value: hash)) }

        let url = URLParts(request.url)
        var byName: [String: [String]] = [:]
        var order: [String] = []
        for (name, value) in headers {
            let lower = name.lowercased().trimmingSpaces
            if unsignedHeaders.contains(lower) { continue }
            if byName[lower] == nil { order.append(lower) }
            byName[lower, default: []].append(collapsedWhitespace(value))
        }
        if byName["host"] == nil { byName["host"] = [url.hostHeader]; order.append("host") }
        let names = order.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let canonicalHeaders = names.map { "\($0):\(byName[$0, default: []].joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")

        let path = isS3 ? uriEncode(percentDecoded(url.path.isEmpty ? "/" : url.path), encodeSlash: false)
                        : uriEncode(removingDotSegments(url.path), encodeSlash: false)
        let canonicalRequest = [request.method.uppercased(), path, canonicalQuery(url.query), canonicalHeaders,
                                signedHeaders, hash].joined(separator: "\n")
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = "AWS4-HMAC-SHA256\n\(amzDate)\n\(scope)\n\(sha256Hex(Array(canonicalRequest.utf8)))"
        var key = HMACSHA256.authenticate(key: Array("AWS4\(credentials.secretAccessKey)".utf8), message: day)
        for part in [region, service, "aws4_request"] { key = HMACSHA256.authenticate(key: key, message: part) }
        let signature = hexString(HMACSHA256.authenticate(key: key, message: stringToSign))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
        return Signed(headers: headers, canonicalRequest: canonicalRequest, stringToSign: stringToSign,
                      authorization: authorization)
    }

    /// Headers botocore never signs: hop-by-hop ones a proxy may change, and tracing ones.
    static let unsignedHeaders: Set<String> = [
        "baggage", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te",
        "traceparent", "tracestate", "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
    ]

    /// AWS's URI encoding: every byte of the UTF-8 form except A-Z a-z 0-9 - . _ ~ (and '/' when
    /// `encodeSlash` is false) as %XX with upper-case hex. S3 callers build their paths with it, so
    /// what they send is what is signed.
    public static func uriEncode(_ text: String, encodeSlash: Bool) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: "~"):
                out.append(byte)
            case UInt8(ascii: "/") where !encodeSlash:
                out.append(byte)
            default:
                out.append(UInt8(ascii: "%")); out.append(hex[Int(byte >> 4)]); out.append(hex[Int(byte & 0x0f)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// %XX sequences replaced by their bytes; anything else (a lone '%', '+') kept as written.
    static func percentDecoded(_ text: String) -> String {
        let b = Array(text.utf8)
        func hexValue(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var out: [UInt8] = []
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "%"), i + 2 < b.count, let hi = hexValue(b[i + 1]), let lo = hexValue(b[i + 2]) {
                out.append(hi << 4 | lo); i += 3
            } else {
                out.append(b[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 3986's dot-segment removal, plus AWS's collapsing of empty segments ('//'); "/" for "".
    static func removingDotSegments(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var kept: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) {
            if segment == "." { continue }
            if segment == ".." { if !kept.isEmpty { kept.removeLast() }; continue }
            kept.append(segment)
        }
        let lead = path.hasPrefix("/") ? "/" : ""
        let trail = path.hasSuffix("/") && !kept.isEmpty ? "/" : ""
        return lead + kept.joined(separator: "/") + trail
    }

    static func canonicalQuery(_ query: String) -> String {
        guard !query.isEmpty else { return "" }
        // Empty pairs ("a=1&&b=2") are kept as "=", as botocore keeps them.
        let pairs: [(String, String)] = query.split(separator: "&", omittingEmptySubsequences: false).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = uriEncode(percentDecoded(String(parts[0])), encodeSlash: true)
            let value = parts.count > 1 ? uriEncode(percentDecoded(String(parts[1])), encodeSlash: true) : ""
            return (name, value)
        }
        // Byte order of the encoded text (all ASCII now), name first, then value.
        let sorted = pairs.sorted { a, b in
            a.0 != b.0 ? Array(a.0.utf8).lexicographicallyPrecedes(Array(b.0.utf8))
                       : Array(a.1.utf8).lexicographicallyPrecedes(Array(b.1.utf8))
        }
        return sorted.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }

    /// Trimmed, and each run of whitespace inside made one space (botocore's `' '.join(v.split())`).
    static func collapsedWhitespace(_ value: String) -> String {
        value.split(whereSeparator: { $0.unicodeScalars.allSatisfy { (9...13).contains($0.value) || $0 == " " } })
            .joined(separator: " ")
    }
}

/// The pieces of an absolute URL the signer needs.
struct URLParts {
    var scheme = ""
    var host = ""
    var port: Int?
    var path = ""
    var query = ""

    init(_ url: String) {
        var rest = Substring(url)
        if let range = rest.firstRange(of: "://") {
            scheme = rest[..<range.lowerBound].lowercased()
            rest = rest[range.upperBound...]
        }
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        rest = rest[authorityEnd...]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = String(authority[...close]).lowercased()
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { port = Int(after.dropFirst()) }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon].lowercased()
            port = Int(authority[authority.index(after: colon)...])
        } else {
            host = authority.lowercased()
        }
        if let question = rest.firstIndex(of: "?") {
            path = String(rest[..<question])
            query = String(rest[rest.index(after: question)...])
        } else {
            path = String(rest)
        }
    }

    /// What libcurl sends as Host: the port only when it is not the scheme's default.
    var hostHeader: String {
        let defaultPort = scheme == "https" ? 443 : scheme == "http" ? 80 : nil
        guard let port, port != defaultPort else { return host }
        return "\(host):\(port)"
    }
}
