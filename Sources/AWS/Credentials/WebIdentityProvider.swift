// Web identity (how Kubernetes pods, Metaflow's among them, get AWS credentials):
// AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN and AWS_ROLE_SESSION_NAME, each over the profile's
// web_identity_token_file, role_arn and role_session_name, exchanged through STS
// AssumeRoleWithWebIdentity (unsigned). The token file is read again at every refresh: the
// cluster rotates it.

enum WebIdentityProvider {
    static func lookup(_ c: ResolutionContext, profile: String, useEnvironment: Bool) throws(AWSError) -> Lookup {
        let values = c.files.profile(profile) ?? [:]
        func setting(_ key: String, _ variable: String) -> String? {
            if useEnvironment, let value = c.environment[variable] { return value }
            return values[key]
        }
        guard let tokenFile = setting("web_identity_token_file", "AWS_WEB_IDENTITY_TOKEN_FILE"), !tokenFile.isEmpty else {
            return .absent("web identity (AWS_WEB_IDENTITY_TOKEN_FILE not set)")
        }
        guard let roleARN = setting("role_arn", "AWS_ROLE_ARN"), !roleARN.isEmpty else {
            throw AWSError(.configuration, "web identity: a token file is set (\(tokenFile)) but no role ARN "
                           + "(AWS_ROLE_ARN or the profile's role_arn)")
        }
        let what = "web identity (role \(roleARN))"
        guard let token = try LocalFile.readText(tokenFile) else {
            throw AWSError(.configuration, "\(what): the token file \(tokenFile) does not exist")
        }
        let sessionName = setting("role_session_name", "AWS_ROLE_SESSION_NAME") ?? "botocore-session-\(Int(c.now()))"
        return .found(try c.sts.assumeRoleWithWebIdentity(roleARN: roleARN, sessionName: sessionName, token: token,
                                                          describedAs: what))
    }
}
