// The credential chain: providers tried in boto3's order (environment; assume-role profile; web
// identity; the profile's SSO, shared credentials file, credential_process and config file keys;
// container endpoint; EC2 instance metadata), the first that finds credentials wins. They are
// cached; temporary ones are refreshed by the provider that found them, as botocore's
// RefreshableCredentials are: inside the advisory window (15 min before expiry) a refresh is tried
// (at most once a minute) and its failure tolerated; inside the mandatory window (10 min) a refresh
// must succeed. Never a lookup per request.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HTTP
import Synchronization

public final class AWSCredentialChain: @unchecked Sendable {
    static let advisoryWindow = 15.0 * 60
    static let mandatoryWindow = 10.0 * 60
    static let advisoryRetryInterval = 60.0

    private let environment: [String: String]
    private let send: @Sendable (HTTPRequest) throws(HTTPError) -> HTTPResponse
    private let now: @Sendable () -> Double
    private let containerBaseURL: String
    private let pause: @Sendable (Double) -> Void

    private struct Cache {
        var credentials: AWSCredentials?
        var provider: ProviderKind?
        var lastAdvisoryAttempt = -Double.infinity
    }
    /// Held across a lookup, so that concurrent callers wait for one lookup instead of each making one.
    private let cache = Mutex(Cache())

    /// `send` makes the HTTP requests (STS, container endpoint, IMDS).
    public convenience init(environment: [String: String], send: @escaping @Sendable (HTTPRequest) throws(HTTPError) -> HTTPResponse,
                            now: @escaping @Sendable () -> Double = { AWSCredentialChain.wallClock() }) {
        self.init(environment: environment, send: send, now: now, containerBaseURL: "http://169.254.170.2",
                  pause: { seconds in
                      var ts = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
                      nanosleep(&ts, nil)
                  })
    }

    /// Seconds since 1970 by the system's real-time clock.
    public static func wallClock() -> Double { Timestamp.now() }

    /// Tests point the container endpoint at a stand-in and make retries instant.
    init(environment: [String: String], send: @escaping @Sendable (HTTPRequest) throws(HTTPError) -> HTTPResponse,
         now: @escaping @Sendable () -> Double, containerBaseURL: String, pause: @escaping @Sendable (Double) -> Void) {
        self.environment = environment; self.send = send; self.now = now
        self.containerBaseURL = containerBaseURL; self.pause = pause
    }

    /// Credentials, from the cache while they are fresh.
    public func credentials() throws(AWSError) -> AWSCredentials {
        try cache.withLock { (cache: inout Cache) throws(AWSError) -> AWSCredentials in
            let time = now()
            if let held = cache.credentials, let provider = cache.provider {
                guard let expiration = held.expiration, expiration - time <= Self.advisoryWindow else { return held }
                let mandatory = expiration - time <= Self.mandatoryWindow
                if !mandatory && time - cache.lastAdvisoryAttempt < Self.advisoryRetryInterval { return held }
                cache.lastAdvisoryAttempt = time
                do throws(AWSError) {
                    let context = try self.context()
                    guard case .found(let fresh) = try provider.lookup(context) else {
                        throw AWSError(.noCredentials, "\(held.source) no longer gives credentials")
                    }
                    try Self.checkNotExpired(fresh, at: time, refreshed: true)
                    cache.credentials = fresh
                    return fresh
                } catch {
                    if !mandatory { return held }
                    throw AWSError(error.kind == .configuration ? .configuration : .expired,
                                   "credentials from \(held.source) expire at \(Timestamp.iso8601(expiration)) "
                                   + "and could not be refreshed: \(error.message)")
                }
            }
            let (found, provider) = try self.resolve()
            try Self.checkNotExpired(found, at: time, refreshed: false)
            cache.credentials = found
            cache.provider = provider
            cache.lastAdvisoryAttempt = time
            return found
        }
    }

    /// AWS_REGION, AWS_DEFAULT_REGION, then the profile's `region` in the config file.
    public func region() -> String? {
        for name in ["AWS_REGION", "AWS_DEFAULT_REGION"] {
            if let value = environment[name], !value.isEmpty { return value }
        }
        guard let files = try? SharedConfigFiles.load(environment: environment) else { return nil }
        let value = files.configProfiles[profileName]?["region"] ?? ""
        return value.isEmpty ? nil : value
    }

    /// AWS_DEFAULT_PROFILE, then AWS_PROFILE (botocore's order), else `default`.
    var profileName: String {
        for name in ["AWS_DEFAULT_PROFILE", "AWS_PROFILE"] {
            if let value = environment[name], !value.isEmpty { return value }
        }
        return "default"
    }

    private func context() throws(AWSError) -> ResolutionContext {
        let files = try SharedConfigFiles.load(environment: environment)
        return ResolutionContext(environment: environment, files: files, profileName: profileName, region: region(),
                                 send: send, now: now, containerBaseURL: containerBaseURL, pause: pause)
    }

    private func resolve() throws(AWSError) -> (AWSCredentials, ProviderKind) {
        let context = try context()
        let profile = context.profileName
        if profile != "default" && context.files.profile(profile) == nil {
            throw AWSError(.configuration, "the profile '\(profile)' (\(environment["AWS_DEFAULT_PROFILE"] != nil ? "AWS_DEFAULT_PROFILE" : "AWS_PROFILE")) "
                           + "is in neither \(context.shown(context.files.credentialsPath)) nor \(context.shown(context.files.configPath))")
        }
        var tried: [String] = []
        for provider in ProviderKind.chain(profile: profile) {
            switch try provider.lookup(context) {
            case .found(let credentials): return (credentials, provider)
            case .absent(let looked): if !looked.isEmpty { tried.append(looked) }
            }
        }
        throw AWSError(.noCredentials, "no AWS credentials found; tried " + tried.joined(separator: "; "))
    }

    /// Credentials inside the mandatory window are as good as expired (botocore refuses them too).
    private static func checkNotExpired(_ credentials: AWSCredentials, at time: Double, refreshed: Bool) throws(AWSError) {
        guard let expiration = credentials.expiration, expiration - time <= mandatoryWindow else { return }
        let verb = expiration <= time ? "expired" : "expire"
        throw AWSError(.expired, "credentials from \(credentials.source) \(verb) at \(Timestamp.iso8601(expiration))"
                       + (refreshed ? " even after a refresh" : ""))
    }
}
