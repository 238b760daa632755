// What the REPL keeps in its history file: real entries, never a line that carries a credential
// (a password or token named as such, an Authorization or API-key header, a URL with a password,
// a presigned URL's signature, a private key, or a well-known token shape by itself).

enum HistoryPolicy {
    /// What to store for a line, or nil to store nothing.
    static func entry(for line: String) -> String? {
        let t = line.trimmingCharacters(in: " \t")
        if t.isEmpty { return nil }
        let lower = t.lowercased()
        if secretMarkers.contains(where: { lower.contains($0) }) { return nil }
        if hasURLPassword(lower) || looksLikeEncodedKey(t) { return nil }
        if t.split(whereSeparator: { !isTokenCharacter($0) }).contains(where: looksLikeToken) { return nil }
        return t
    }

    /// Lower-case text that names a credential or a header, parameter or block that carries one.
    static let secretMarkers = [
        "password", "passwd", "secret", "token", "api_key", "apikey", "api-key", "auth_key", "aws_secret",
        "authorization", "bearer ", "private key", "x-amz-signature", "x-amz-credential",
        "x-goog-signature", "x-goog-credential",
    ]

    /// Prefixes of issued tokens with the shortest length a real one has (GitHub, GitLab, OpenAI
    /// and Anthropic, Stripe, Slack, Hugging Face, npm, PyPI, Google API keys, JWTs).
    static let tokenPrefixes: [(prefix: String, minLength: Int)] = [
        ("ghp_", 30), ("gho_", 30), ("ghu_", 30), ("ghs_", 30), ("ghr_", 30), ("github_pat_", 30),
        ("glpat-", 20), ("sk-", 20), ("sk_live_", 20), ("sk_test_", 20), ("rk_live_", 20),
        ("xoxb-", 15), ("xoxp-", 15), ("xoxa-", 15), ("xoxs-", 15), ("xapp-", 15),
        ("hf_", 30), ("npm_", 30), ("pypi-", 30), ("AIza", 35), ("eyJ", 30),
    ]

    static func isTokenCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-")
    }

    static func looksLikeToken(_ word: Substring) -> Bool {
        if tokenPrefixes.contains(where: { word.hasPrefix($0.prefix) && word.count >= $0.minLength }) { return true }
        // AWS access key ids: AKIA (long-term) or ASIA (temporary) and 16 upper-case letters or digits.
        return word.count == 20 && (word.hasPrefix("AKIA") || word.hasPrefix("ASIA"))
            && word.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }

    /// `scheme://user:password@host`: a password in a URL's authority.
    static func hasURLPassword(_ s: String) -> Bool {
        var rest = Substring(s)
        while let scheme = rest.firstRange(of: "://") {
            rest = rest[scheme.upperBound...]
            let authority = rest.prefix { !"/?# \t\"'".contains($0) }
            if let at = authority.lastIndex(of: "@"), authority[..<at].contains(":") { return true }
        }
        return false
    }

    /// A line that is one long run of base64 (a key's body, an encoded secret): not code anyone types.
    static func looksLikeEncodedKey(_ s: String) -> Bool {
        s.count >= 40 && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0)) }
            && s.contains(where: \.isNumber) && s.contains(where: \.isUppercase) && s.contains(where: \.isLowercase)
    }
}

/// HistoryPolicy across lines: a pasted private-key block stays out whole, its body lines too.
struct HistoryFilter {
    private var insidePrivateKey = false

    mutating func entry(for line: String) -> String? {
        let upper = line.uppercased()
        if upper.contains("PRIVATE KEY"), upper.contains("-----") {
            insidePrivateKey = upper.contains("-----BEGIN") && !upper.contains("-----END")
            return nil
        }
        if insidePrivateKey { return nil }
        return HistoryPolicy.entry(for: line)
    }
}
