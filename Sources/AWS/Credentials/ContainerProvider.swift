// ECS / EKS Pod Identity container credentials: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (on
// 169.254.170.2) or AWS_CONTAINER_CREDENTIALS_FULL_URI (https, a loopback address, or one of the
// container hosts botocore allows), with AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (read at each
// fetch) or AWS_CONTAINER_AUTHORIZATION_TOKEN as the Authorization header. Two-second timeouts,
// three attempts a second apart, as botocore's ContainerMetadataFetcher.
import HTTP

enum ContainerProvider {
    static let source = "container credentials endpoint"
    static let allowedHosts: Set<String> = ["169.254.170.2", "169.254.170.23", "fd00:ec2::23", "[fd00:ec2::23]", "localhost"]

    static func lookup(_ c: ResolutionContext) throws(AWSError) -> Lookup {
        let url: String
        if let relative = c.environment["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] {
            url = c.containerBaseURL + relative
        } else if let full = c.environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] {
            let parts = URLParts(full)
            guard parts.scheme == "https" || isLoopback(parts.host) || allowedHosts.contains(parts.host) else {
                throw AWSError(.configuration, "\(source): AWS_CONTAINER_CREDENTIALS_FULL_URI must use https, a loopback "
                               + "address or one of \(allowedHosts.sorted().joined(separator: ", ")) (not \(parts.host))")
            }
            url = full
        } else {
            return .absent("container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI not set)")
        }
        var headers: [(name: String, value: String)] = [("Accept", "application/json")]
        if let token = try authorizationToken(c) { headers.append(("Authorization", token)) }
        let request = HTTPRequest(url: url, headers: headers, connectTimeout: 2, stallTimeout: 2, totalTimeout: 2,
                                  maxBodyBytes: 1 << 20)
        var failure = ""
        for attempt in 0..<3 {
            if attempt > 0 { c.pause(1) }
            let response: HTTPResponse
            do throws(HTTPError) { response = try c.send(request) } catch {
                failure = error.description
                continue
            }
            guard response.status == 200 else {
                failure = "HTTP \(response.status) from \(HTTPError.redacted(url))"
                continue
            }
            guard let fields = JSONObject.strings(String(decoding: response.body, as: UTF8.self)) else {
                failure = "the answer of \(HTTPError.redacted(url)) is not a JSON object"
                continue
            }
            return .found(try CredentialProcess.credentials(from: fields, source: source, tokenKey: "Token"))
        }
        throw AWSError(.endpoint, "\(source): \(failure)")
    }

    static func authorizationToken(_ c: ResolutionContext) throws(AWSError) -> String? {
        let token: String
        if let path = c.environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] {
            guard let text = try LocalFile.readText(path) else {
                throw AWSError(.configuration, "\(source): AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(path) does not exist")
            }
            token = text
        } else if let text = c.environment["AWS_CONTAINER_AUTHORIZATION_TOKEN"] {
            token = text
        } else {
            return nil
        }
        guard !token.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) else {
            throw AWSError(.configuration, "\(source): the authorization token contains a line break (not a legal header value)")
        }
        return token
    }

    /// 127.0.0.0/8 and ::1, as Python's ipaddress `is_loopback`.
    static func isLoopback(_ host: String) -> Bool {
        if host == "::1" || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) else { return false }
        return octets[0] == "127"
    }
}
