// Credentials from environment variables, as botocore's EnvProvider reads them:
// AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, the token from AWS_SECURITY_TOKEN or else
// AWS_SESSION_TOKEN, an expiry from AWS_CREDENTIAL_EXPIRATION. A key id without its secret is an
// error naming the missing variable; a secret alone is ignored, as botocore ignores it (the
// provider is keyed on the key id).

enum EnvironmentProvider {
    static let source = "environment variables"

    static func lookup(_ context: ResolutionContext) throws(AWSError) -> Lookup {
        guard let key = context.variable("AWS_ACCESS_KEY_ID") else { return .absent("environment variables (AWS_ACCESS_KEY_ID not set)") }
        guard let secret = context.variable("AWS_SECRET_ACCESS_KEY") else {
            throw AWSError(.configuration, "environment variables: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        }
        let token = context.variable("AWS_SECURITY_TOKEN") ?? context.variable("AWS_SESSION_TOKEN")
        var expiration: Double?
        if let text = context.variable("AWS_CREDENTIAL_EXPIRATION") {
            guard let parsed = Timestamp.parseISO8601(text) else {
                throw AWSError(.configuration, "environment variables: AWS_CREDENTIAL_EXPIRATION '\(text)' is not an ISO 8601 time")
            }
            expiration = parsed
        }
        return .found(AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token,
                                     expiration: expiration, source: source))
    }
}
