import Foundation
import HTTP
import Testing
@testable import AWS

/// STS, container and instance-metadata credentials against the loopback stand-in, which checks
/// what a real endpoint checks (the SigV4 signature of AssumeRole, the container token, the IMDSv2
/// token).
@Suite(.serialized) struct EndpointCredentialTests {
    static let sourceKey = "AKIASOURCEKEY0000001", sourceSecret = "source/secret+KEY"

    func profiles(_ home: TempHome) throws {
        try home.write(".aws/credentials", """
            [base]
            aws_access_key_id = \(Self.sourceKey)
            aws_secret_access_key = \(Self.sourceSecret)
            [wrongsecret]
            aws_access_key_id = \(Self.sourceKey)
            aws_secret_access_key = not-the-secret
            """)
        try home.write(".aws/config", """
            [profile role]
            role_arn = arn:aws:iam::123456789012:role/reader
            source_profile = base
            role_session_name = mfsh-test
            external_id = ext-42
            duration_seconds = 1800
            [profile chained]
            role_arn = arn:aws:iam::123456789012:role/second
            source_profile = role
            [profile self]
            role_arn = arn:aws:iam::123456789012:role/self
            source_profile = self
            aws_access_key_id = \(Self.sourceKey)
            aws_secret_access_key = \(Self.sourceSecret)
            [profile loop-a]
            role_arn = arn:aws:iam::123456789012:role/a
            source_profile = loop-b
            [profile loop-b]
            role_arn = arn:aws:iam::123456789012:role/b
            source_profile = loop-a
            [profile bad]
            role_arn = arn:aws:iam::123456789012:role/bad
            source_profile = wrongsecret
            [profile fromenv]
            role_arn = arn:aws:iam::123456789012:role/env
            credential_source = Environment
            [profile web]
            role_arn = arn:aws:iam::123456789012:role/web-profile
            web_identity_token_file = \(home.path)/token
            """)
    }

    @Test func assumeRoleThroughSTSWithAVerifiedSignature() throws {
        let standIn = try AWSStandIn()
        try standIn.setState(["source_key": Self.sourceKey, "source_secret": Self.sourceSecret])
        let home = try TempHome()
        try profiles(home)
        let env = home.environment(["AWS_ENDPOINT_URL_STS": standIn.url, "AWS_DEFAULT_REGION": "eu-west-1"])
        var roleEnv = env
        roleEnv["AWS_PROFILE"] = "role"
        let c = try testChain(roleEnv).credentials()
        #expect(c.accessKeyID.hasPrefix("ASIAROLE") && c.sessionToken?.hasPrefix("ststoken") == true && c.expiration != nil)
        #expect(c.source == "assume role arn:aws:iam::123456789012:role/reader (profile 'role')")
        let call = try #require(standIn.log().last)
        #expect(call["signature"] as? String == "valid")
        let form = try #require(call["form"] as? [String: String])
        #expect(form == ["Action": "AssumeRole", "Version": "2011-06-15", "RoleArn": "arn:aws:iam::123456789012:role/reader",
                         "RoleSessionName": "mfsh-test", "ExternalId": "ext-42", "DurationSeconds": "1800"])
        #expect((call["authorization"] as? String)?.contains("/eu-west-1/sts/aws4_request") == true)

        // A chain: `chained` assumes its role with the credentials of `role`, themselves from STS.
        roleEnv["AWS_PROFILE"] = "chained"
        let chained = try testChain(roleEnv).credentials()
        #expect(chained.source == "assume role arn:aws:iam::123456789012:role/second (profile 'chained')")
        let lastTwo = standIn.log().suffix(2)
        #expect(lastTwo.map { ($0["form"] as? [String: String])?["RoleArn"] } ==
                ["arn:aws:iam::123456789012:role/reader", "arn:aws:iam::123456789012:role/second"])
        #expect(lastTwo.map { $0["signature"] as? String } == ["valid", "valid"])
        // The second call is signed with the first one's temporary credentials and token.
        #expect((lastTwo.last?["key_id"] as? String)?.hasPrefix("ASIAROLE") == true)
        #expect((lastTwo.last?["token"] as? String)?.hasPrefix("ststoken") == true)

        roleEnv["AWS_PROFILE"] = "self"
        try standIn.setState(["source_key": Self.sourceKey, "source_secret": Self.sourceSecret])
        #expect(try testChain(roleEnv).credentials().source == "assume role arn:aws:iam::123456789012:role/self (profile 'self')")
        roleEnv["AWS_PROFILE"] = "loop-a"
        #expect(awsError { try testChain(roleEnv).credentials() }?.message
                == "assume role arn:aws:iam::123456789012:role/b (profile 'loop-b'): source_profile loop: loop-a -> loop-b -> loop-a")
        roleEnv["AWS_PROFILE"] = "bad"
        let bad = try #require(awsError { try testChain(roleEnv).credentials() })
        #expect(bad.message == "assume role arn:aws:iam::123456789012:role/bad (profile 'bad'): STS AssumeRole at \(standIn.url)/ "
                + "refused: SignatureDoesNotMatch: signature mismatch")
        #expect(!bad.message.contains("not-the-secret"))
        roleEnv["AWS_PROFILE"] = "fromenv"
        roleEnv["AWS_ACCESS_KEY_ID"] = Self.sourceKey
        roleEnv["AWS_SECRET_ACCESS_KEY"] = Self.sourceSecret
        // The environment's keys win over the assume-role profile, as in boto3.
        #expect(try testChain(roleEnv).credentials().source == "environment variables")
    }

    @Test func credentialSourceEnvironmentAndSTSEndpoints() throws {
        let standIn = try AWSStandIn()
        try standIn.setState(["source_key": Self.sourceKey, "source_secret": Self.sourceSecret])
        let home = try TempHome()
        try profiles(home)
        // credential_source = Environment: as in botocore, environment keys would already have won
        // as the chain's first provider, so reaching this profile means there are none: an error
        // naming the profile and what the source looked at.
        let env = home.environment(["AWS_ENDPOINT_URL": standIn.url, "AWS_PROFILE": "fromenv"])
        #expect(awsError { try testChain(env).credentials() }?.message
                == "profile 'fromenv': credential_source Environment found no credentials: environment variables (AWS_ACCESS_KEY_ID not set)")

        func endpoint(_ env: [String: String], _ region: String?) -> String {
            let sts = STSClient(environment: env, profile: [:], region: region, send: { _ throws(HTTPError) in
                throw HTTPError(.other, url: "", detail: "")
            }, now: { 0 })
            return "\(sts.endpoint.url) \(sts.endpoint.signingRegion)"
        }
        #expect(endpoint([:], nil) == "https://sts.amazonaws.com us-east-1")
        #expect(endpoint([:], "eu-west-1") == "https://sts.eu-west-1.amazonaws.com eu-west-1")
        #expect(endpoint(["AWS_STS_REGIONAL_ENDPOINTS": "legacy"], "eu-west-1") == "https://sts.amazonaws.com us-east-1")
        #expect(endpoint(["AWS_STS_REGIONAL_ENDPOINTS": "legacy"], "af-south-1") == "https://sts.af-south-1.amazonaws.com af-south-1")
        #expect(endpoint([:], "cn-north-1") == "https://sts.cn-north-1.amazonaws.com.cn cn-north-1")
        #expect(endpoint(["AWS_ENDPOINT_URL": "http://a", "AWS_ENDPOINT_URL_STS": "http://b"], "eu-west-1") == "http://b eu-west-1")
        #expect(endpoint(["AWS_ENDPOINT_URL": "http://a"], nil) == "http://a us-east-1")
        #expect(endpoint(["AWS_ENDPOINT_URL": "http://a", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"], nil)
                == "https://sts.amazonaws.com us-east-1")
    }

    @Test func webIdentityFromEnvironmentAndProfileRereadsTheTokenFile() throws {
        let standIn = try AWSStandIn()
        let home = try TempHome()
        try profiles(home)
        try home.write("token", "first-token")
        try standIn.setState(["web_tokens": ["first-token", "second-token"], "expiration": 2_000_000_000])
        let clock = TestClock(2_000_000_000 - 3600)
        let sender = CountingSender()
        let env = home.environment(["AWS_ENDPOINT_URL_STS": standIn.url, "AWS_WEB_IDENTITY_TOKEN_FILE": home.path + "/token",
                                    "AWS_ROLE_ARN": "arn:aws:iam::123456789012:role/pod", "AWS_ROLE_SESSION_NAME": "pod-session"])
        let chain = testChain(env, sender: sender, clock: clock)
        let first = try chain.credentials()
        #expect(first.accessKeyID.hasPrefix("ASIAWEB") && first.source == "web identity (role arn:aws:iam::123456789012:role/pod)")
        let call = try #require(standIn.log().last)
        #expect(call["authorization"] is NSNull)
        #expect((call["form"] as? [String: String]) == ["Action": "AssumeRoleWithWebIdentity", "Version": "2011-06-15",
                                                        "RoleArn": "arn:aws:iam::123456789012:role/pod",
                                                        "RoleSessionName": "pod-session", "WebIdentityToken": "first-token"])
        for _ in 0..<5 { _ = try chain.credentials() }
        #expect(sender.sent == 1)
        // Near expiry the token file is read again (the cluster rotated it) and exchanged anew.
        try home.write("token", "second-token")
        try standIn.setState(["web_tokens": ["first-token", "second-token"], "expiration": 2_000_003_600])
        clock.now = 2_000_000_000 - 11 * 60
        let second = try chain.credentials()
        #expect(second.accessKeyID != first.accessKeyID && sender.sent == 2)
        #expect((standIn.log().last?["form"] as? [String: String])?["WebIdentityToken"] == "second-token")

        // From the profile (web_identity_token_file + role_arn), no environment variables.
        let fromProfile = try testChain(home.environment(["AWS_ENDPOINT_URL_STS": standIn.url, "AWS_PROFILE": "web"])).credentials()
        #expect(fromProfile.source == "web identity (role arn:aws:iam::123456789012:role/web-profile)")
        let noRole = awsError { try testChain(home.environment(["AWS_WEB_IDENTITY_TOKEN_FILE": home.path + "/token"])).credentials() }
        #expect(noRole?.message.hasPrefix("web identity: a token file is set") == true)
        try home.write("token", "rejected-token")
        let rejected = awsError { try testChain(env).credentials() }
        #expect(rejected?.message == "web identity (role arn:aws:iam::123456789012:role/pod): STS AssumeRoleWithWebIdentity at "
                + "\(standIn.url)/ refused: InvalidIdentityToken: token rejected")
        #expect(rejected?.message.contains("rejected-token") == false)
    }

    @Test func containerEndpointWithToken() throws {
        let standIn = try AWSStandIn()
        let home = try TempHome()
        try standIn.setState(["container_token": "Bearer container-secret-token"])
        let relative = home.environment(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc",
                                         "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Bearer container-secret-token"])
        let c = try testChain(relative, standIn: standIn).credentials()
        #expect(c.accessKeyID.hasPrefix("ASIAECS") && c.sessionToken?.hasPrefix("ecstoken") == true && c.expiration != nil)
        #expect(c.source == "container credentials endpoint")
        #expect(standIn.log().last?["path"] as? String == "/container/v2/credentials/abc")

        try home.write("ecs-token", "Bearer container-secret-token")
        let full = home.environment(["AWS_CONTAINER_CREDENTIALS_FULL_URI": standIn.url + "/container/full",
                                     "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE": home.path + "/ecs-token",
                                     "AWS_CONTAINER_AUTHORIZATION_TOKEN": "ignored: the file wins"])
        #expect(try testChain(full).credentials().accessKeyID.hasPrefix("ASIAECS"))

        let sender = CountingSender()
        let wrong = home.environment(["AWS_CONTAINER_CREDENTIALS_FULL_URI": standIn.url + "/container/full",
                                      "AWS_CONTAINER_AUTHORIZATION_TOKEN": "Bearer wrong"])
        let refused = awsError { try testChain(wrong, sender: sender).credentials() }
        #expect(refused?.message == "container credentials endpoint: HTTP 401 from \(standIn.url)/container/full")
        #expect(sender.sent == 3)  // three attempts, as botocore
        #expect(refused?.message.contains("Bearer") == false)

        let remote = home.environment(["AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://example.com/creds"])
        #expect(awsError { try testChain(remote).credentials() }?.message.hasPrefix(
            "container credentials endpoint: AWS_CONTAINER_CREDENTIALS_FULL_URI must use https, a loopback address") == true)
        #expect(ContainerProvider.isLoopback("127.1.2.3") && ContainerProvider.isLoopback("[::1]") && !ContainerProvider.isLoopback("128.0.0.1"))
    }

    @Test func instanceMetadataV2() throws {
        let standIn = try AWSStandIn()
        let home = try TempHome()
        let sender = CountingSender()
        let env = home.environment(["AWS_EC2_METADATA_SERVICE_ENDPOINT": standIn.url + "/"], imds: true)
        let c = try testChain(env, sender: sender).credentials()
        #expect(c.accessKeyID.hasPrefix("ASIAIMDS") && c.source == "EC2 instance metadata" && c.sessionToken != nil)
        let log = standIn.log()
        #expect(log.map { "\($0["method"] ?? "") \($0["path"] ?? "")" } == [
            "PUT /latest/api/token", "GET /latest/meta-data/iam/security-credentials/",
            "GET /latest/meta-data/iam/security-credentials/test-role",
        ])
        #expect(log[0]["ttl"] as? String == "21600")
        #expect(log.dropFirst().allSatisfy { ($0["imds_token"] as? String)?.hasPrefix("imds-token-") == true })

        // Nothing listening: one quick refusal ends the lookup, and the chain says what it tried.
        let closed = home.environment(["AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:9"], imds: true)
        let start = Date()
        let none = awsError { try testChain(closed).credentials() }
        #expect(Date().timeIntervalSince(start) < 1.5)
        #expect(none?.message.contains("; EC2 instance metadata (http://127.0.0.1:9/latest/api/token: connection refused") == true,
                "\(none?.message ?? "no error")")
        var disabled = env
        disabled["AWS_EC2_METADATA_DISABLED"] = "true"
        #expect(awsError { try testChain(disabled).credentials() }?.kind == .noCredentials)
    }

    @Test func refreshWindowsAndExpiry() throws {
        let standIn = try AWSStandIn()
        let home = try TempHome()
        let expiry = 2_000_000_000.0
        try standIn.setState(["expiration": expiry])
        let clock = TestClock(expiry - 3600)
        let sender = CountingSender()
        let chain = testChain(home.environment(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c"]), sender: sender, standIn: standIn,
                              clock: clock)
        let first = try chain.credentials()
        clock.now = expiry - 16 * 60
        #expect(try chain.credentials() == first && sender.sent == 1)
        // Advisory window: a refresh is tried; the endpoint failing then is tolerated.
        try standIn.setState(["expiration": expiry, "container_status": 500])
        clock.now = expiry - 14 * 60
        #expect(try chain.credentials() == first)
        #expect(sender.sent == 4)  // one refresh of three attempts
        #expect(try chain.credentials() == first && sender.sent == 4)  // not again within the minute
        // Mandatory window: the refresh must succeed.
        clock.now = expiry - 9 * 60
        let failed = awsError { try chain.credentials() }
        #expect(failed?.kind == .expired)
        #expect(failed?.message == "credentials from container credentials endpoint expire at 2033-05-18T03:33:20Z and could not be "
                + "refreshed: container credentials endpoint: HTTP 500 from \(standIn.url)/container/c")
        try standIn.setState(["expiration": expiry + 3600])
        let refreshed = try chain.credentials()
        #expect(refreshed != first && refreshed.expiration == expiry + 3600)

        // Credentials that are already expired when found are refused, naming the source.
        try standIn.setState(["expiration": expiry - 7200])
        let stale = awsError {
            try testChain(home.environment(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c"]), standIn: standIn, clock: clock).credentials()
        }
        #expect(stale?.message == "credentials from container credentials endpoint expired at 2033-05-18T01:33:20Z")
        let envExpired = awsError {
            try testChain(home.environment(["AWS_ACCESS_KEY_ID": "AKIAX", "AWS_SECRET_ACCESS_KEY": "y",
                                            "AWS_CREDENTIAL_EXPIRATION": "2033-05-18T03:00:00Z"]), clock: clock).credentials()
        }
        #expect(envExpired?.kind == .expired)
    }

    @Test func concurrentCallersShareOneLookup() async throws {
        let standIn = try AWSStandIn()
        let home = try TempHome()
        let sender = CountingSender()
        let chain = testChain(home.environment(["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/c"]), sender: sender, standIn: standIn)
        let keys = await withTaskGroup(of: String.self) { group in
            for _ in 0..<16 { group.addTask { (try? chain.credentials().accessKeyID) ?? "failed" } }
            var all: Set<String> = []
            for await key in group { all.insert(key) }
            return all
        }
        #expect(keys.count == 1 && !keys.contains("failed"))
        #expect(sender.sent == 1)
    }

    @Test func descriptionsNeverShowSecrets() {
        let c = AWSCredentials(accessKeyID: "ASIAEXAMPLEKEY123456", secretAccessKey: "wJalrXUtnFEMI/K7MDENG", sessionToken: "FwoGZXIvYXdz",
                               expiration: 2_000_000_000, source: "EC2 instance metadata")
        #expect(c.description == "AWS credentials ASIA****3456 from EC2 instance metadata, expiring 2033-05-18T03:33:20Z")
        #expect(!"\(c)".contains("wJalr") && !"\(c)".contains("FwoG") && !String(reflecting: c.description).contains("wJalr"))
        #expect(AWSCredentials(accessKeyID: "short", secretAccessKey: "s", source: "x").description == "AWS credentials **** from x")
    }
}
