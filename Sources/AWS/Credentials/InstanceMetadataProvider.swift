// EC2 instance metadata (IMDSv2): PUT /latest/api/token for a session token, then
// GET /latest/meta-data/iam/security-credentials/ for the role name and …/<role> for the
// credentials, the token in each request. AWS_EC2_METADATA_DISABLED=true skips it;
// AWS_EC2_METADATA_SERVICE_ENDPOINT (or the profile's ec2_metadata_service_endpoint, or the IPv6
// endpoint mode) moves it. Timeouts of AWS_METADATA_SERVICE_TIMEOUT (1 s) and one retry; a token
// request nobody answers (refused, timed out: not on EC2) ends the lookup at once, so a laptop
// pays one short timeout. A token request refused with 403/404/405 falls back to IMDSv1 as
// botocore does, unless AWS_EC2_METADATA_V1_DISABLED is true.
import HTTP

enum InstanceMetadataProvider {
    static let source = "EC2 instance metadata"

    static func lookup(_ c: ResolutionContext) throws(AWSError) -> Lookup {
        let profile = c.files.profile(c.profileName) ?? [:]
        if (c.environment["AWS_EC2_METADATA_DISABLED"] ?? "").lowercased() == "true" {
            return .absent("EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)")
        }
        var endpoint = c.variable("AWS_EC2_METADATA_SERVICE_ENDPOINT") ?? profile["ec2_metadata_service_endpoint"]
            ?? ((c.variable("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE") ?? profile["ec2_metadata_service_endpoint_mode"] ?? "")
                .lowercased() == "ipv6" ? "http://[fd00:ec2::254]" : "http://169.254.169.254")
        while endpoint.hasSuffix("/") { endpoint.removeLast() }
        let timeout = Double(c.variable("AWS_METADATA_SERVICE_TIMEOUT") ?? profile["metadata_service_timeout"] ?? "") ?? 1
        let attempts = max(1, Int(c.variable("AWS_METADATA_SERVICE_NUM_ATTEMPTS") ?? profile["metadata_service_num_attempts"] ?? "") ?? 2)
        let v1Disabled = (c.variable("AWS_EC2_METADATA_V1_DISABLED") ?? profile["ec2_metadata_v1_disabled"] ?? "").lowercased() == "true"

        func request(_ method: String, _ path: String, _ headers: [(name: String, value: String)]) -> HTTPRequest {
            HTTPRequest(method: method, url: endpoint + path, headers: headers, connectTimeout: timeout, stallTimeout: timeout,
                        totalTimeout: timeout, maxBodyBytes: 1 << 20)
        }

        // The session token.
        var token: String?
        var tokenAnswered = false
        var failure = ""
        for _ in 0..<attempts where !tokenAnswered {
            let r: HTTPResponse
            do throws(HTTPError) {
                r = try c.send(request("PUT", "/latest/api/token", [("x-aws-ec2-metadata-token-ttl-seconds", "21600")]))
            } catch {
                if error.kind == .refused || error.kind == .timeout || error.kind == .dns {
                    return .absent("EC2 instance metadata (\(error.description))")
                }
                failure = error.description
                continue
            }
            switch r.status {
            case 200: token = String(decoding: r.body, as: UTF8.self); tokenAnswered = true
            case 403, 404, 405: tokenAnswered = true  // IMDSv1 only
            case 400: throw AWSError(.endpoint, "\(source) at \(endpoint): the token request was refused (HTTP 400)")
            default: failure = "HTTP \(r.status) for the token"
            }
        }
        guard tokenAnswered else { throw AWSError(.endpoint, "\(source) at \(endpoint): \(failure)") }
        if token == nil && v1Disabled {
            throw AWSError(.endpoint, "\(source) at \(endpoint): no IMDSv2 token and AWS_EC2_METADATA_V1_DISABLED is set")
        }
        let tokenHeader: [(name: String, value: String)] = token.map { [("x-aws-ec2-metadata-token", $0)] } ?? []

        func get(_ path: String) throws(AWSError) -> HTTPResponse {
            var last = ""
            for _ in 0..<attempts {
                do {
                    let r = try c.send(request("GET", path, tokenHeader))
                    if r.status == 200 || r.status == 404 { return r }
                    last = "HTTP \(r.status) for \(path)"
                } catch {
                    last = error.description
                }
            }
            throw AWSError(.endpoint, "\(source) at \(endpoint): \(last)")
        }
        let roles = try get("/latest/meta-data/iam/security-credentials/")
        let role = String(decoding: roles.body, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).first
            .map { String($0).trimmingSpaces } ?? ""
        guard roles.status == 200, !role.isEmpty else {
            return .absent("EC2 instance metadata (no IAM role attached to the instance)")
        }
        let answer = try get("/latest/meta-data/iam/security-credentials/" + SigV4.uriEncode(role, encodeSlash: true))
        guard answer.status == 200, let fields = JSONObject.strings(String(decoding: answer.body, as: UTF8.self)) else {
            throw AWSError(.endpoint, "\(source) at \(endpoint): no credentials for the role \(role) (HTTP \(answer.status))")
        }
        if let code = fields["Code"], code != "Success" {
            throw AWSError(.endpoint, "\(source) at \(endpoint): the role \(role) answered Code \(code)")
        }
        return .found(try CredentialProcess.credentials(from: fields, source: source, tokenKey: "Token"))
    }
}
