// What every provider needs to look for credentials: the environment, the shared files as read
// at this resolution, the profile, and the ways out (HTTP, the clock).
import HTTP

/// One provider's answer: credentials, or what it looked at and did not find (for the message
/// listing the sources tried when none had any).
enum Lookup {
    case found(AWSCredentials)
    case absent(String)
}

struct ResolutionContext: Sendable {
    let environment: [String: String]
    let files: SharedConfigFiles
    let profileName: String
    let region: String?
    let send: @Sendable (HTTPRequest) throws(HTTPError) -> HTTPResponse
    let now: @Sendable () -> Double
    /// The container endpoint of AWS_CONTAINER_CREDENTIALS_RELATIVE_URI; tests replace it.
    let containerBaseURL: String
    /// Sleeps between retries of the metadata endpoints; tests make it instant.
    let pause: @Sendable (Double) -> Void

    var sts: STSClient {
        STSClient(environment: environment, profile: files.profile(profileName) ?? [:], region: region, send: send, now: now)
    }

    /// A non-empty environment variable.
    func variable(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// The user's own way of writing a path under HOME, for messages: ~/.aws/credentials.
    func shown(_ path: String) -> String {
        guard let home = environment["HOME"], !home.isEmpty, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }
}

