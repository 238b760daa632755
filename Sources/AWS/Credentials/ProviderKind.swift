// The providers of the chain, in boto3's order, as values: the chain remembers which one found
// the credentials it holds and asks that one again to refresh them (as botocore's refreshable
// credentials keep their fetcher).

enum ProviderKind: Sendable, Equatable {
    case environment
    case assumeRole(String)
    /// AWS_WEB_IDENTITY_TOKEN_FILE etc. over the profile's keys.
    case webIdentity(String)
    /// The profile's keys only (a source profile: environment variables not consulted).
    case webIdentityOfProfile(String)
    case sso(String)
    case sharedCredentialsFile(String)
    case credentialProcess(String)
    case configFile(String)
    case container
    case instanceMetadata

    /// The chain for `profile`.
    static func chain(profile: String) -> [ProviderKind] {
        [.environment, .assumeRole(profile), .webIdentity(profile), .sso(profile), .sharedCredentialsFile(profile),
         .credentialProcess(profile), .configFile(profile), .container, .instanceMetadata]
    }

    func lookup(_ c: ResolutionContext) throws(AWSError) -> Lookup {
        switch self {
        case .environment: return try EnvironmentProvider.lookup(c)
        case .assumeRole(let profile): return try AssumeRoleProvider.lookup(c, profile: profile)
        case .webIdentity(let profile): return try WebIdentityProvider.lookup(c, profile: profile, useEnvironment: true)
        case .webIdentityOfProfile(let profile): return try WebIdentityProvider.lookup(c, profile: profile, useEnvironment: false)
        case .sso(let profile): return try ProfileProviders.sso(c, profile: profile)
        case .sharedCredentialsFile(let profile): return try ProfileProviders.sharedCredentialsFile(c, profile: profile)
        case .credentialProcess(let profile): return try ProfileProviders.credentialProcess(c, profile: profile)
        case .configFile(let profile): return try ProfileProviders.configFile(c, profile: profile)
        case .container: return try ContainerProvider.lookup(c)
        case .instanceMetadata: return try InstanceMetadataProvider.lookup(c)
        }
    }
}
