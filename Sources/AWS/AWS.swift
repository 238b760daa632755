// AWS: request signing (SigV4) and credentials resolved as boto3 resolves them. It knows nothing of
// Metaflow, of S3 object semantics (buckets, keys, ranges: the caller's business) or of any JSON
// the client reads; it makes HTTP requests only through the `send` function it is given (STS, the
// container credentials endpoint, EC2 instance metadata), so tests point it at loopback stand-ins.
//
// Files: Signing/ (SHA256 and HMAC in plain Swift, SigV4), Credentials/ (the chain in boto3's
// order and one file per provider, the INI and JSON readers they share), Time.swift (clock and
// timestamps). Secrets never appear in a description or an error.
//
// This file: credentials and the error type.

/// One set of AWS credentials and where they came from.
public struct AWSCredentials: Sendable, Equatable, CustomStringConvertible {
    public let accessKeyID: String
    public let secretAccessKey: String
    public let sessionToken: String?
    /// Seconds since 1970; nil: does not expire.
    public let expiration: Double?
    /// Where they came from, for messages: "environment variables", "EC2 instance metadata", …
    public let source: String

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil,
                expiration: Double? = nil, source: String) {
        self.accessKeyID = accessKeyID; self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken; self.expiration = expiration; self.source = source
    }

    /// The key id masked (AKIA****1234), the source and the expiry; never the secret or the token.
    public var description: String {
        var text = "AWS credentials \(AWSCredentials.masked(accessKeyID)) from \(source)"
        if let expiration { text += ", expiring \(Timestamp.iso8601(expiration))" }
        return text
    }

    /// The first and last four characters of a long key id; nothing of a short one.
    static func masked(_ keyID: String) -> String {
        let chars = Array(keyID)
        guard chars.count >= 12 else { return "****" }
        return String(chars[0..<4]) + "****" + String(chars[(chars.count - 4)...])
    }
}

/// Why no credentials (or no signed answer) could be had: one line naming what failed and the
/// source tried. Never carries a secret: messages are built from names, paths and statuses.
public struct AWSError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// No provider found any credentials.
        case noCredentials
        /// A provider's configuration is incomplete or wrong (a variable without its partner, a
        /// profile loop, an unreadable token file, a failing credential_process).
        case configuration
        /// An endpoint (STS, container, instance metadata) refused or could not be reached.
        case endpoint
        /// The credentials found have already expired and cannot be refreshed.
        case expired
    }
    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind; self.message = message
    }

    public var description: String { message }
}
