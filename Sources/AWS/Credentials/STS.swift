// AWS STS, the two calls credentials need: AssumeRole (signed with the source credentials) and
// AssumeRoleWithWebIdentity (unsigned: the web identity token is the proof). The endpoint is
// chosen as botocore chooses it: AWS_ENDPOINT_URL_STS, then AWS_ENDPOINT_URL (unless
// AWS_IGNORE_CONFIGURED_ENDPOINT_URLS), then the regional endpoint (the global one when there is no
// region, or for the legacy regions when sts_regional_endpoints is `legacy`).
import HTTP

struct STSClient {
    let environment: [String: String]
    /// The profile's settings (sts_regional_endpoints), if any.
    let profile: [String: String]
    let region: String?
    let send: @Sendable (HTTPRequest) throws(HTTPError) -> HTTPResponse
    let now: @Sendable () -> Double

    static let legacyGlobalRegions: Set<String> = [
        "ap-northeast-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "aws-global", "ca-central-1",
        "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1", "us-east-1",
        "us-east-2", "us-west-1", "us-west-2",
    ]

    /// The URL to post to and the region to sign for.
    var endpoint: (url: String, signingRegion: String) {
        let signingRegion = region ?? "us-east-1"
        if environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() != "true" {
            for name in ["AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL"] {
                if let url = environment[name], !url.isEmpty { return (url, signingRegion) }
            }
        }
        guard let region else { return ("https://sts.amazonaws.com", "us-east-1") }
        let mode = (environment["AWS_STS_REGIONAL_ENDPOINTS"] ?? profile["sts_regional_endpoints"] ?? "regional").lowercased()
        if mode == "legacy" && Self.legacyGlobalRegions.contains(region) { return ("https://sts.amazonaws.com", "us-east-1") }
        let domain = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return ("https://sts.\(region).\(domain)", region)
    }

    func assumeRole(roleARN: String, sessionName: String, externalID: String?, durationSeconds: String?,
                    with source: AWSCredentials, describedAs description: String) throws(AWSError) -> AWSCredentials {
        var form = [("Action", "AssumeRole"), ("Version", "2011-06-15"), ("RoleArn", roleARN), ("RoleSessionName", sessionName)]
        if let durationSeconds { form.append(("DurationSeconds", durationSeconds)) }
        if let externalID { form.append(("ExternalId", externalID)) }
        let (url, signingRegion) = endpoint
        var request = Self.formRequest(url: url, form)
        SigV4.sign(&request, credentials: source, region: signingRegion, service: "sts", date: now())
        return try call(request, action: "AssumeRole", describedAs: description)
    }

    func assumeRoleWithWebIdentity(roleARN: String, sessionName: String, token: String,
                                   describedAs description: String) throws(AWSError) -> AWSCredentials {
        let request = Self.formRequest(url: endpoint.url, [
            ("Action", "AssumeRoleWithWebIdentity"), ("Version", "2011-06-15"), ("RoleArn", roleARN),
            ("RoleSessionName", sessionName), ("WebIdentityToken", token),
        ])
        return try call(request, action: "AssumeRoleWithWebIdentity", describedAs: description)
    }

    private static func formRequest(url: String, _ form: [(String, String)]) -> HTTPRequest {
        let body = form.map { SigV4.uriEncode($0.0, encodeSlash: true) + "=" + SigV4.uriEncode($0.1, encodeSlash: true) }
            .joined(separator: "&")
        let base = url.hasSuffix("/") ? url : url + "/"
        return HTTPRequest(method: "POST", url: base,
                           headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
                           body: Array(body.utf8), totalTimeout: 60)
    }

    private func call(_ request: HTTPRequest, action: String, describedAs description: String) throws(AWSError) -> AWSCredentials {
        let response: HTTPResponse
        do { response = try send(request) } catch {
            throw AWSError(.endpoint, "\(description): STS \(action) failed: \(error)")
        }
        let text = String(decoding: response.body, as: UTF8.self)
        guard response.status == 200 else {
            let code = XMLText.element("Code", in: text) ?? "HTTP \(response.status)"
            let message = XMLText.element("Message", in: text).map { ": \($0)" } ?? ""
            throw AWSError(.endpoint, "\(description): STS \(action) at \(HTTPError.redacted(request.url)) refused: \(code)\(message)")
        }
        guard let key = XMLText.element("AccessKeyId", in: text), let secret = XMLText.element("SecretAccessKey", in: text),
              let token = XMLText.element("SessionToken", in: text) else {
            throw AWSError(.endpoint, "\(description): STS \(action) answered without credentials")
        }
        let expiration = XMLText.element("Expiration", in: text).flatMap(Timestamp.parseISO8601)
        return AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token, expiration: expiration,
                              source: description)
    }
}
