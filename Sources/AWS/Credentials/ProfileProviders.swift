// The providers that read a profile of the shared files, in botocore's order after web identity:
// the shared credentials file's static keys, the profile's credential_process, the config file's
// static keys. (AWS SSO profiles are recognised and reported, not resolved.)

enum ProfileProviders {
    /// Source-profile credentials as botocore's profile chain finds them (environment variables
    /// not consulted): web identity, SSO, shared credentials file, credential_process, config file.
    static func sourceProfile(_ c: ResolutionContext, profile: String) throws(AWSError) -> AWSCredentials? {
        let lookups: [ProviderKind] = [.webIdentityOfProfile(profile), .sso(profile), .sharedCredentialsFile(profile),
                                       .credentialProcess(profile), .configFile(profile)]
        for kind in lookups {
            if case .found(let credentials) = try kind.lookup(c) { return credentials }
        }
        return nil
    }

    static func sharedCredentialsFile(_ c: ResolutionContext, profile: String) throws(AWSError) -> Lookup {
        try staticKeys(c.files.credentialsProfiles[profile], file: "shared credentials file \(c.shown(c.files.credentialsPath))",
                       profile: profile)
    }

    static func configFile(_ c: ResolutionContext, profile: String) throws(AWSError) -> Lookup {
        try staticKeys(c.files.configProfiles[profile], file: "config file \(c.shown(c.files.configPath))", profile: profile)
    }

    static func credentialProcess(_ c: ResolutionContext, profile: String) throws(AWSError) -> Lookup {
        guard let command = c.files.profile(profile)?["credential_process"], !command.isEmpty else {
            return .absent("credential_process (none in profile '\(profile)')")
        }
        return .found(try CredentialProcess.credentials(command: command, profile: profile, environment: c.environment))
    }

    static func sso(_ c: ResolutionContext, profile: String) throws(AWSError) -> Lookup {
        let values = c.files.profile(profile) ?? [:]
        guard values["sso_start_url"] != nil || values["sso_session"] != nil else { return .absent("") }
        // botocore would use the SSO token cache; a profile made only for SSO has nothing else.
        return .absent("AWS SSO of profile '\(profile)' (not supported: run `aws configure export-credentials` "
                       + "as a credential_process, or export the keys)")
    }

    /// aws_access_key_id with aws_secret_access_key (and aws_session_token or aws_security_token)
    /// of one file's profile; one without the other is an error naming the missing key, as
    /// botocore's PartialCredentialsError.
    static func staticKeys(_ values: [String: String]?, file: String, profile: String) throws(AWSError) -> Lookup {
        guard let values else { return .absent("\(file) (no profile '\(profile)')") }
        let source = "\(file), profile '\(profile)'"
        switch (values["aws_access_key_id"], values["aws_secret_access_key"]) {
        case (nil, nil):
            return .absent("\(file) (profile '\(profile)' has no keys)")
        case (.some, nil):
            throw AWSError(.configuration, "\(source): aws_access_key_id without aws_secret_access_key")
        case (nil, .some):
            throw AWSError(.configuration, "\(source): aws_secret_access_key without aws_access_key_id")
        case let (.some(key), .some(secret)):
            let token = values["aws_session_token"] ?? values["aws_security_token"]
            return .found(AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token, source: source))
        }
    }
}
