import Testing
@testable import Shell

@Suite struct HistoryFilterTests {
    @Test func credentialsAreNotStored() {
        let secrets = [
            "h = 'Authorization: Bearer abc.def'",
            "requests.get(u, headers={'x-api-key': 'q1w2'})",
            "u = 'https://alice:hunter2@example.com/repo.git'",
            "u = 'https://b.s3.amazonaws.com/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=3f2a'",
            "g = 'ghp_0123456789abcdefghijABCDEFGHIJ012345'",
            "g = 'github_pat_11ABCDEFG0123456789_abcdefghijklmnop'",
            "o = 'sk-proj-0123456789abcdefghijklmnop'",
            "a = 'AKIAIOSFODNN7EXAMPLE'",
            "j = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.sig'",
            "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
        ]
        for s in secrets { #expect(HistoryPolicy.entry(for: s) == nil, "\(s)") }
    }

    @Test func ordinaryCodeIsStored() {
        let code = [
            "x = 'ask-me about sklearn'", "Flow('TrainFlow').latest_run", "u = 'https://example.com/a:b'",
            "run['end'].task.data.accuracy", "sk = 3", "task_id = 'AKIA'",
        ]
        for s in code { #expect(HistoryPolicy.entry(for: s) == s, "\(s)") }
    }

    @Test func aPrivateKeyBlockStaysOutWhole() {
        var filter = HistoryFilter()
        let lines = ["k = '''-----BEGIN RSA PRIVATE KEY-----", "MIIEpAIBAAKCAQEA", "kY3Q==", "-----END RSA PRIVATE KEY-----'''"]
        for l in lines { #expect(filter.entry(for: l) == nil, "\(l)") }
        #expect(filter.entry(for: "print(1)") == "print(1)")
    }
}
