// Where S3 objects are and how to reach them: `s3://bucket/prefix` roots, the endpoint and
// addressing style, certificate checks and retries, from the same settings Python's client reads
// (`METAFLOW_S3_*`, `METAFLOW_DATATOOLS_CLIENT_PARAMS`, then boto3's `AWS_ENDPOINT_URL*`).

import AWS

/// A place in S3: a bucket and a key (or key prefix) without leading or trailing slashes.
public struct S3Location: Sendable, Equatable, CustomStringConvertible {
    public let bucket: String
    public let key: String

    /// `s3://bucket/some/prefix` → (bucket, "some/prefix"); nil for anything else.
    public init?(url: String) {
        guard url.hasPrefix("s3://") else { return nil }
        let rest = url.dropFirst(5)
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let bucket = String(rest[..<slash])
        guard !bucket.isEmpty else { return nil }
        self.bucket = bucket
        key = S3Location.trimSlashes(String(rest[slash...]))
    }

    public init(bucket: String, key: String) {
        self.bucket = bucket
        self.key = S3Location.trimSlashes(key)
    }

    /// The location `parts` below this one.
    public func appending(_ parts: [String]) -> S3Location {
        S3Location(bucket: bucket, key: ([key].filter { !$0.isEmpty } + parts).joined(separator: "/"))
    }

    public var description: String { key.isEmpty ? "s3://\(bucket)" : "s3://\(bucket)/\(key)" }

    private static func trimSlashes(_ s: String) -> String {
        var t = Substring(s)
        while t.hasPrefix("/") { t = t.dropFirst() }
        while t.hasSuffix("/") { t = t.dropLast() }
        return String(t)
    }
}

/// How this process talks to S3.
public struct S3Settings: Sendable {
    /// `scheme://host[:port][/path]` of a non-AWS server (SeaweedFS, MinIO, R2…), nil for AWS.
    public var endpoint: String?
    /// Checking the server's certificate; a path names the CA bundle to trust (boto3's `verify`).
    public var verifyCertificate = true
    public var caBundle: String?
    /// Retries after the first try (`METAFLOW_S3_RETRY_COUNT`, 7 as in Python).
    public var retryCount = 7
    /// The region to sign for when the credentials' configuration names none.
    public var region: String?
    /// The configured datastore root (`METAFLOW_DATASTORE_SYSROOT_S3`), for runs whose metadata
    /// records none.
    public var sysroot: S3Location?

    public init() {}

    /// The settings Python's client would use under `config`.
    public init(config: Configuration) {
        let params = (try? config.rawValue("DATATOOLS_CLIENT_PARAMS").map(Self.jsonObject)) ?? nil
        let env = config.environment
        endpoint = Self.nonEmpty(params?["endpoint_url"]?.stringValue) ?? Self.nonEmpty(config.value("S3_ENDPOINT_URL"))
            ?? Self.nonEmpty(env["AWS_ENDPOINT_URL_S3"]) ?? Self.nonEmpty(env["AWS_ENDPOINT_URL"])
        let verify: JSONValue? = params?["verify"] ?? config.value("S3_VERIFY_CERTIFICATE").map { .string($0) }
        switch verify {
        case .bool(let b)?: verifyCertificate = b
        case .string(let s)?:
            // boto3's `verify` is a bool or the path of a CA bundle; the setting arrives as text.
            switch s.lowercased() {
            case "false", "0", "no", "off": verifyCertificate = false
            case "true", "1", "yes", "on", "": break
            default: caBundle = s
            }
        default: break
        }
        if let v = config.value("S3_RETRY_COUNT"), let n = Int(v.trimmingSpaces), n >= 0 { retryCount = min(n, 50) }
        region = Self.nonEmpty(params?["region_name"]?.stringValue)
        sysroot = config.value("DATASTORE_SYSROOT_S3").flatMap(S3Location.init(url:))
    }

    private static func jsonObject(_ v: JSONValue) throws -> JSONValue? {
        if case .string(let s) = v { return try JSONParser.parse(Array(s.utf8)) }
        return v
    }

    private static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.trimmingSpaces.isEmpty else { return nil }
        return s.trimmingSpaces
    }

    /// The URL of an object (or of a bucket listing when `location.key` is empty), and the host
    /// to sign for. AWS: virtual-hosted style for DNS-safe buckets, path style otherwise; any other
    /// endpoint: path style, which every S3-compatible server accepts.
    public func url(for location: S3Location, region: String) -> String {
        let path = location.key.isEmpty ? "" : "/" + S3Settings.encodeKey(location.key)
        if let endpoint {
            var base = endpoint
            while base.hasSuffix("/") { base.removeLast() }
            return base + "/" + S3Settings.encodeKey(location.bucket) + path
        }
        if S3Settings.isVirtualHostable(location.bucket) {
            return "https://\(location.bucket).s3.\(region).amazonaws.com" + (path.isEmpty ? "/" : path)
        }
        return "https://s3.\(region).amazonaws.com/" + S3Settings.encodeKey(location.bucket) + path
    }

    /// A key as it goes in a URL path: SigV4's encoding (once, '/' kept), so what is sent is
    /// what is signed.
    public static func encodeKey(_ key: String) -> String { SigV4.uriEncode(key, encodeSlash: false) }

    /// Whether a bucket can be a host name label (lowercase letters, digits, hyphens; no dots,
    /// which TLS wildcard certificates do not cover).
    static func isVirtualHostable(_ bucket: String) -> Bool {
        guard (3...63).contains(bucket.utf8.count), !bucket.hasPrefix("-"), !bucket.hasSuffix("-") else { return false }
        return bucket.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                || $0 == UInt8(ascii: "-")
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
