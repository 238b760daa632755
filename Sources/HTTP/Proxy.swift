// Which proxy a URL goes through, by the rules Python's requests applies (so that a user's proxy
// settings mean the same to mfsh as to Metaflow's Python client): `<scheme>_proxy` in either case
// (lower case first), then `all_proxy`; `no_proxy` (either case) lists hosts, domain suffixes,
// `host:port`, IP addresses or CIDR blocks that go direct, and `*` sends everything direct.

enum Proxy {
    /// The proxy URL for `url`, or nil to connect directly.
    static func forURL(_ url: String, environment: [String: String]) -> String? {
        guard let (scheme, host, port) = parts(url) else { return nil }
        if bypasses(host: host, port: port, environment: environment) { return nil }
        for name in [scheme + "_proxy", "all_proxy"] {
            if let v = value(name, environment), !v.isEmpty { return v }
        }
        return nil
    }

    private static func value(_ name: String, _ environment: [String: String]) -> String? {
        environment[name.lowercased()] ?? environment[name.uppercased()]
    }

    /// Scheme (lower case), host (lower case, without brackets) and port of an absolute URL.
    static func parts(_ url: String) -> (String, String, Int?)? {
        guard let (rawScheme, rest) = splitScheme(url) else { return nil }
        let scheme = rawScheme.lowercased()
        var authority = rest[..<(rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex)]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = authority
        var port: Int?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { port = Int(after.dropFirst()) }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = Int(authority[authority.index(after: colon)...])
        }
        return (scheme, host.lowercased(), port)
    }

    static func bypasses(host: String, port: Int?, environment: [String: String]) -> Bool {
        guard let list = value("no_proxy", environment), !list.isEmpty else { return false }
        let entries = list.split(whereSeparator: { $0 == "," || $0 == " " }).map { $0.lowercased() }.filter { !$0.isEmpty }
        if entries.contains("*") { return true }
        if let address = IPv4(host) {
            for entry in entries {
                if let (network, bits) = cidr(entry) {
                    let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
                    if address & mask == network & mask { return true }
                } else if entry == host {
                    return true
                }
            }
            return false
        }
        let hostWithPort = port.map { "\(host):\($0)" } ?? host
        for entry in entries {
            let bare = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            for candidate in [host, hostWithPort] where candidate == bare || candidate.hasSuffix("." + bare) {
                return true
            }
        }
        return false
    }

    private static func IPv4(_ s: String) -> UInt32? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for p in parts {
            guard let n = UInt8(p) else { return nil }
            value = value << 8 | UInt32(n)
        }
        return value
    }

    private static func cidr(_ s: String) -> (UInt32, Int)? {
        let parts = s.split(separator: "/")
        guard parts.count == 2, let network = IPv4(String(parts[0])), let bits = Int(parts[1]), (0...32).contains(bits) else {
            return nil
        }
        return (network, bits)
    }
}
