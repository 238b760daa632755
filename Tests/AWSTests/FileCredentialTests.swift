import Foundation
import Testing
@testable import AWS

/// Environment variables, the shared files, credential_process, the order between them, regions,
/// and what messages may show.
@Suite struct FileCredentialTests {
    @Test func environmentVariables() throws {
        let home = try TempHome()
        let chain = testChain(home.environment(["AWS_ACCESS_KEY_ID": "AKIAENVIRONMENT1234", "AWS_SECRET_ACCESS_KEY": "envsecret",
                                                "AWS_SESSION_TOKEN": "envsession", "AWS_SECURITY_TOKEN": "envsecurity"]))
        let c = try chain.credentials()
        #expect(c.accessKeyID == "AKIAENVIRONMENT1234" && c.secretAccessKey == "envsecret")
        #expect(c.sessionToken == "envsecurity")  // botocore reads AWS_SECURITY_TOKEN first
        #expect(c.source == "environment variables" && c.expiration == nil)
        #expect(c.description == "AWS credentials AKIA****1234 from environment variables")

        let partial = awsError { try testChain(home.environment(["AWS_ACCESS_KEY_ID": "AKIAX"])).credentials() }
        #expect(partial?.kind == .configuration)
        #expect(partial?.message.contains("AWS_SECRET_ACCESS_KEY is not") == true)
        // A secret alone does not stop the chain (botocore keys the provider on the key id).
        try home.write(".aws/credentials", "[default]\naws_access_key_id = AKIAFILE\naws_secret_access_key = filesecret\n")
        let fromFile = try testChain(home.environment(["AWS_SECRET_ACCESS_KEY": "stray"])).credentials()
        #expect(fromFile.accessKeyID == "AKIAFILE")
    }

    @Test func environmentBeatsProfilesAndCredentialsFileBeatsConfigFile() throws {
        let home = try TempHome()
        try home.write(".aws/credentials", """
            # comment
            ; another comment
            [default]
              aws_access_key_id=AKIACREDFILEDEFAULT
            aws_secret_access_key : credfilesecret
            [dev]
            aws_access_key_id = AKIACREDFILEDEV
            aws_secret_access_key = devsecret
            aws_session_token = devtoken
            """)
        try home.write(".aws/config", """
            [default]
            region = eu-west-3
            s3 =
              addressing_style = path
              max_concurrent_requests = 20
            aws_access_key_id = AKIACONFIGDEFAULT
            aws_secret_access_key = configsecret

            [profile cfg]
            region=ap-south-1
            aws_access_key_id = AKIACONFIGCFG
            aws_secret_access_key = cfgsecret
            [sso-session x]
            sso_region = us-east-1
            """)
        let env = try testChain(home.environment(["AWS_ACCESS_KEY_ID": "AKIAENV", "AWS_SECRET_ACCESS_KEY": "s",
                                                  "AWS_PROFILE": "dev"])).credentials()
        #expect(env.source == "environment variables")
        let plain = try testChain(home.environment()).credentials()
        #expect(plain.accessKeyID == "AKIACREDFILEDEFAULT" && plain.secretAccessKey == "credfilesecret")
        #expect(plain.source == "shared credentials file ~/.aws/credentials, profile 'default'")
        let dev = try testChain(home.environment(["AWS_PROFILE": "dev"])).credentials()
        #expect(dev.accessKeyID == "AKIACREDFILEDEV" && dev.sessionToken == "devtoken")
        // AWS_DEFAULT_PROFILE wins over AWS_PROFILE, as in botocore.
        let cfg = testChain(home.environment(["AWS_DEFAULT_PROFILE": "cfg", "AWS_PROFILE": "dev"]))
        #expect(try cfg.credentials().source == "config file ~/.aws/config, profile 'cfg'")
        #expect(cfg.region() == "ap-south-1")
        #expect(testChain(home.environment()).region() == "eu-west-3")
        #expect(testChain(home.environment(["AWS_DEFAULT_REGION": "us-west-1"])).region() == "us-west-1")
        #expect(testChain(home.environment(["AWS_DEFAULT_REGION": "us-west-1", "AWS_REGION": "us-east-2"])).region() == "us-east-2")
        #expect(testChain(home.environment(["AWS_PROFILE": "dev"])).region() == nil)

        let missing = awsError { try testChain(home.environment(["AWS_PROFILE": "nope"])).credentials() }
        #expect(missing?.message == "the profile 'nope' (AWS_PROFILE) is in neither ~/.aws/credentials nor ~/.aws/config")
    }

    @Test func fileLocationOverridesAndPartialKeys() throws {
        let home = try TempHome()
        try home.write("elsewhere/creds", "[default]\naws_access_key_id = AKIAELSEWHERE\n")
        try home.write("elsewhere/conf", "[profile p]\nregion = sa-east-1\naws_secret_access_key = x\n")
        let env = home.environment(["AWS_SHARED_CREDENTIALS_FILE": "~/elsewhere/creds", "AWS_CONFIG_FILE": home.path + "/elsewhere/conf"])
        let partial = awsError { try testChain(env).credentials() }
        #expect(partial?.message == "shared credentials file ~/elsewhere/creds, profile 'default': aws_access_key_id without aws_secret_access_key")
        var p = env
        p["AWS_PROFILE"] = "p"
        #expect(testChain(p).region() == "sa-east-1")
        #expect(awsError { try testChain(p).credentials() }?.message
                == "config file ~/elsewhere/conf, profile 'p': aws_secret_access_key without aws_access_key_id")
    }

    @Test func noCredentialsListsTheSourcesTried() throws {
        let home = try TempHome()
        let error = awsError { try testChain(home.environment()).credentials() }
        #expect(error?.kind == .noCredentials)
        let tried = [
            "environment variables (AWS_ACCESS_KEY_ID not set)", "assume-role profile (profile 'default' has no role_arn)",
            "web identity (AWS_WEB_IDENTITY_TOKEN_FILE not set)", "shared credentials file ~/.aws/credentials (no profile 'default')",
            "credential_process (none in profile 'default')", "config file ~/.aws/config (no profile 'default')",
            "container credentials (AWS_CONTAINER_CREDENTIALS_RELATIVE_URI/FULL_URI not set)",
            "EC2 instance metadata (disabled by AWS_EC2_METADATA_DISABLED)",
        ]
        #expect(error?.message == "no AWS credentials found; tried " + tried.joined(separator: "; "))
    }

    @Test func credentialProcess() throws {
        let home = try TempHome()
        // The helper counts its runs in a file and prints what its arguments say.
        try home.write("bin/cred helper.py", """
            #!/usr/bin/env python3
            import json, sys, os
            with open(os.environ["HOME"] + "/runs", "a") as f: f.write(sys.argv[1] + "\\n")
            if sys.argv[1] == "fail":
                print("SECRETSTDOUT"); print("helper: the vault is sealed\\nsecond line", file=sys.stderr); sys.exit(3)
            out = {"Version": int(sys.argv[2]), "AccessKeyId": "AKIAPROCESS" + sys.argv[1], "SecretAccessKey": "processsecret",
                   "SessionToken": "processtoken"}
            if len(sys.argv) > 3: out["Expiration"] = sys.argv[3]
            print(json.dumps(out))
            """, executable: true)
        try home.write(".aws/config", """
            [default]
            credential_process = "\(home.path)/bin/cred helper.py" 'a b' 1
            [profile expiring]
            credential_process = "\(home.path)/bin/cred helper.py" exp 1 2033-05-18T03:40:00Z
            [profile failing]
            credential_process = "\(home.path)/bin/cred helper.py" fail 1
            [profile v2]
            credential_process = "\(home.path)/bin/cred helper.py" v2 2
            """)
        let c = try testChain(home.environment()).credentials()
        #expect(c.accessKeyID == "AKIAPROCESSa b" && c.sessionToken == "processtoken" && c.expiration == nil)
        #expect(c.source == "credential_process of profile 'default'")

        let clock = TestClock(2_000_000_000 - 3600)  // 2033-05-18T03:33:20Z minus an hour
        let chain = testChain(home.environment(["AWS_PROFILE": "expiring"]), clock: clock)
        #expect(try chain.credentials().expiration == 2_000_000_400)
        _ = try chain.credentials()
        let runs = { (try? String(contentsOfFile: home.path + "/runs", encoding: .utf8))?.split(separator: "\n").filter { $0 == "exp" }.count }
        #expect(runs() == 1)  // cached
        clock.now = 2_000_000_400 - 14 * 60  // inside the advisory window: run again
        _ = try chain.credentials()
        #expect(runs() == 2)
        _ = try chain.credentials()
        #expect(runs() == 2)  // at most one advisory attempt a minute
        clock.now = 2_000_000_400 - 5 * 60  // mandatory window, and the process still gives the same expiry
        let stale = awsError { try chain.credentials() }
        #expect(stale?.kind == .expired)
        #expect(stale?.message.hasPrefix("credentials from credential_process of profile 'expiring' expire at 2033-05-18T03:40:00Z and could not be refreshed") == true)

        let failing = awsError { try testChain(home.environment(["AWS_PROFILE": "failing"])).credentials() }
        #expect(failing?.message == "credential_process of profile 'failing': \(home.path)/bin/cred helper.py exited with status 3: helper: the vault is sealed")
        #expect(failing?.message.contains("SECRETSTDOUT") == false)
        let v2 = awsError { try testChain(home.environment(["AWS_PROFILE": "v2"])).credentials() }
        #expect(v2?.message == "credential_process of profile 'v2': unsupported Version 2 (only 1 is)")
    }

    @Test func shellWordsSplitAsPythonShlex() throws {
        let samples = [#"a "b c" 'd e' f\ g"#, #"cmd --x="y z" '' "a\"b" 'it'"'"'s'"#, "  tabs\tand  spaces ", #""a\$b\\c\qd""#,
                       #"x"y"'z'"#, "", "unterminated 'quote", #"trailing\"#]
        let out = try runPython("""
            import json, shlex, sys
            res = []
            for s in json.load(sys.stdin):
                try: res.append(shlex.split(s))
                except ValueError: res.append(None)
            print(json.dumps(res))
            """, input: String(decoding: try JSONSerialization.data(withJSONObject: samples), as: UTF8.self))
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [Any])
        for (sample, python) in zip(samples, expected) {
            #expect(CredentialProcess.shellWords(sample) == python as? [String], "\(sample)")
        }
    }

    @Test func timestampsAndParsersAgreeWithPython() throws {
        let texts = ["2033-05-18T03:33:20Z", "2033-05-18T03:33:20.250Z", "2033-05-18T05:33:20+02:00", "2033-05-18T01:03:20-0230",
                     "1999-12-31T23:59:59", "2024-02-29T12:00:00Z", "1969-07-20T20:17:40Z"]
        let out = try runPython("""
            import datetime, sys
            for t in sys.stdin.read().split():
                d = datetime.datetime.fromisoformat(t.replace("Z", "+00:00"))
                if d.tzinfo is None: d = d.replace(tzinfo=datetime.timezone.utc)
                print(repr(d.timestamp()), d.astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ"))
            """, input: texts.joined(separator: "\n"))
        for (text, line) in zip(texts, out.split(separator: "\n")) {
            let parts = line.split(separator: " ")
            let seconds = try #require(Timestamp.parseISO8601(text), "\(text)")
            #expect(seconds == Double(parts[0]), "\(text)")
            #expect(Timestamp.amzDate(seconds) == String(parts[1]), "\(text)")
        }
        #expect(Timestamp.parseISO8601("2033-13-01T00:00:00Z") == nil)
        #expect(Timestamp.parseISO8601("yesterday") == nil)
        #expect(JSONObject.strings(#"{"a": "x\u00e9\n", "n": 12, "nested": {"b": [1, "]"]}, "t": true}"#) == ["a": "xé\n", "n": "12"])
        #expect(JSONObject.strings("[1]") == nil)
        #expect(XMLText.element("Message", in: "<Error><Message>a &amp; b &lt;c&gt; &#65;&</Message></Error>") == "a & b <c> A&")
    }
}
