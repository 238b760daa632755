// Assume-role profiles (`role_arn` with `source_profile` or `credential_source`), as botocore's
// AssumeRoleProvider resolves them: source profiles may themselves assume roles (a chain); a
// profile met twice is a loop, except a profile naming itself to use its own static keys.
// The role is assumed through STS AssumeRole signed with the source credentials.

enum AssumeRoleProvider {
    static func lookup(_ c: ResolutionContext, profile: String) throws(AWSError) -> Lookup {
        let values = c.files.profile(profile) ?? [:]
        guard isAssumeRole(values) else { return .absent("assume-role profile (profile '\(profile)' has no role_arn)") }
        var visited = [profile]
        return .found(try assume(c, profile: profile, visited: &visited))
    }

    static func isAssumeRole(_ values: [String: String]) -> Bool {
        values["role_arn"] != nil && values["web_identity_token_file"] == nil
    }

    static func hasStaticKeys(_ values: [String: String]) -> Bool {
        values["aws_access_key_id"] != nil || values["aws_secret_access_key"] != nil
    }

    static func assume(_ c: ResolutionContext, profile: String, visited: inout [String]) throws(AWSError) -> AWSCredentials {
        let values = c.files.profile(profile) ?? [:]
        let roleARN = values["role_arn"] ?? ""
        let what = "assume role \(roleARN) (profile '\(profile)')"
        if values["mfa_serial"] != nil {
            throw AWSError(.configuration, "\(what): the profile needs an MFA code (mfa_serial), which mfsh cannot ask for")
        }
        let source: AWSCredentials
        switch (values["source_profile"], values["credential_source"]) {
        case (.some, .some):
            throw AWSError(.configuration, "\(what): the profile has both source_profile and credential_source")
        case (nil, nil):
            throw AWSError(.configuration, "\(what): the profile has role_arn but neither source_profile nor credential_source")
        case (nil, .some(let name)):
            source = try credentialSource(c, name: name, profile: profile)
        case (.some(let name), nil):
            guard let sourceValues = c.files.profile(name) else {
                throw AWSError(.configuration, "\(what): the source_profile '\(name)' does not exist")
            }
            if visited.contains(name) && (name != profile || !hasStaticKeys(sourceValues)) {
                throw AWSError(.configuration, "\(what): source_profile loop: \((visited + [name]).joined(separator: " -> "))")
            }
            visited.append(name)
            if hasStaticKeys(sourceValues) || !isAssumeRole(sourceValues) {
                guard let found = try ProfileProviders.sourceProfile(c, profile: name) else {
                    throw AWSError(.configuration, "\(what): the source profile '\(name)' has no credentials")
                }
                source = found
            } else {
                source = try assume(c, profile: name, visited: &visited)
            }
        }
        var duration: String?
        if let text = values["duration_seconds"] {
            guard let seconds = Int(text.trimmingSpaces), seconds > 0 else {
                throw AWSError(.configuration, "\(what): duration_seconds '\(text)' is not a whole number of seconds")
            }
            duration = String(seconds)
        }
        let sessionName = values["role_session_name"] ?? "botocore-session-\(Int(c.now()))"
        return try c.sts.assumeRole(roleARN: roleARN, sessionName: sessionName, externalID: values["external_id"],
                                    durationSeconds: duration, with: source, describedAs: what)
    }

    /// `credential_source`: Environment, Ec2InstanceMetadata or EcsContainer (botocore's names).
    static func credentialSource(_ c: ResolutionContext, name: String, profile: String) throws(AWSError) -> AWSCredentials {
        let lookup: Lookup
        switch name {
        case "Environment": lookup = try EnvironmentProvider.lookup(c)
        case "Ec2InstanceMetadata": lookup = try InstanceMetadataProvider.lookup(c)
        case "EcsContainer": lookup = try ContainerProvider.lookup(c)
        default:
            throw AWSError(.configuration, "profile '\(profile)': credential_source '\(name)' is not one of "
                           + "Environment, Ec2InstanceMetadata, EcsContainer")
        }
        switch lookup {
        case .found(let credentials): return credentials
        case .absent(let looked):
            throw AWSError(.noCredentials, "profile '\(profile)': credential_source \(name) found no credentials: \(looked)")
        }
    }
}
