import Foundation
import HTTP
import Testing
@testable import AWS

/// Random requests signed by botocore (the oracle venv's) and by SigV4: the same canonical request
/// and the same headers, byte for byte.
@Suite struct SigV4BotocoreTests {
    static let oracle = #"""
import json, random, sys, datetime
from urllib.parse import quote
import botocore.auth
from botocore.auth import SigV4Auth, S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.config import Config

rng = random.Random(int(sys.argv[1]))
segment_chars = list("abcXYZ019-._~ $&+,;=@!*'()") + ["\u1234", "\u00e9", "%", "é"]
def segment():
    return "".join(rng.choice(segment_chars) for _ in range(rng.randint(0, 8)))
def token():
    return "".join(rng.choice("abcdefghijKLMNOP0123456789-_.~ /=+&%\u00fc") for _ in range(rng.randint(0, 6)))
hosts = ["https://examplebucket.s3.amazonaws.com", "http://127.0.0.1:8333", "https://sts.us-west-2.amazonaws.com:443",
         "http://localhost:9000", "https://h.example.com:8443"]
out = []
for i in range(int(sys.argv[2])):
    service = rng.choice(["s3", "s3", "sts", "execute-api"])
    raw_path = "/" + "/".join(segment() for _ in range(rng.randint(0, 4)))
    if service == "s3":
        # botocore signs S3 paths as given: its serializer has already encoded the key.
        path = quote(raw_path, safe="/~")
    else:
        path = raw_path.replace("%", "%25") if rng.random() < 0.5 else quote(raw_path, safe="/~")
        if rng.random() < 0.3: path += rng.choice(["/..", "/./x", "//y/"])
    pairs = [(token(), token()) for _ in range(rng.randint(0, 4))]
    query = "&".join(quote(k, safe="-_.~") + ("=" + quote(v, safe="-_.~") if v or rng.random() < 0.5 else "") for k, v in pairs)
    url = rng.choice(hosts) + path + ("?" + query if query else "")
    headers = []
    names = set()
    for _ in range(rng.randint(0, 4)):
        name = rng.choice(["X-Custom-A", "x-amz-meta-metaflow-user-attributes", "Range", "Content-Type", "User-Agent", "If-None-Match", "Expect"])
        if name.lower() in names: continue
        names.add(name.lower())
        value = rng.choice(["  a   b  ", "bytes=0-9", "\t{\"cas_raw\": false}\t", "x", "100-continue", "v1 ,  v2"])
        headers.append([name, value])
    body = bytes(rng.randrange(256) for _ in range(rng.choice([0, 0, 5, 100])))
    token_value = rng.choice([None, "FwoGZXIvYXdzEBY//token+/=="])
    payload_hash = rng.choice([None, None, "UNSIGNED-PAYLOAD"]) if service == "s3" else None
    method = rng.choice(["GET", "PUT", "POST", "HEAD", "DELETE"])
    region = rng.choice(["us-east-1", "eu-west-3"])
    when = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc) + datetime.timedelta(seconds=rng.randrange(10**8))
    botocore.auth.get_current_datetime = lambda when=when: when
    creds = Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", token_value)
    request = AWSRequest(method=method, url=url, headers=dict(headers), data=body)
    # UNSIGNED-PAYLOAD: as botocore signs S3 with payload signing turned off.
    unsigned = Config(s3={"payload_signing_enabled": False})
    if payload_hash: request.context["client_config"] = unsigned
    auth = (S3SigV4Auth if service == "s3" else SigV4Auth)(creds, service, region)
    auth.add_auth(request)
    request.context["timestamp"] = when.strftime("%Y%m%dT%H%M%SZ")
    probe = AWSRequest(method=method, url=url, headers=dict(headers), data=body)
    if payload_hash: probe.context["client_config"] = unsigned
    probe.context["timestamp"] = request.context["timestamp"]
    auth._modify_request_before_signing(probe)
    out.append({"method": method, "url": url, "headers": headers, "body": body.hex(), "service": service, "region": region,
                "token": token_value, "payload_hash": payload_hash, "date": when.timestamp(),
                "canonical": auth.canonical_request(probe),
                "signed": {k.lower(): v for k, v in request.headers.items()
                           if k.lower() in ("authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256")}})
print(json.dumps(out))
"""#

    @Test func matchesBotocoreOnRandomRequests() throws {
        let seed = UInt32.random(in: 0...UInt32.max)
        let out = try runPython(Self.oracle, python: try oraclePython(), arguments: [String(seed), "400"])
        let cases = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        #expect(cases.count == 400)
        var failures = 0
        for c in cases {
            let url = try #require(c["url"] as? String)
            let headers = (c["headers"] as? [[String]] ?? []).map { (name: $0[0], value: $0[1]) }
            let bodyHex = c["body"] as? String ?? ""
            var body: [UInt8] = []
            var i = bodyHex.startIndex
            while i < bodyHex.endIndex {
                let j = bodyHex.index(i, offsetBy: 2)
                body.append(UInt8(bodyHex[i..<j], radix: 16) ?? 0)
                i = j
            }
            let service = try #require(c["service"] as? String), region = try #require(c["region"] as? String)
            let credentials = AWSCredentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE",
                                             secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                                             sessionToken: c["token"] as? String, source: "test")
            var request = HTTPRequest(method: try #require(c["method"] as? String), url: url, headers: headers, body: body)
            let date = try #require(c["date"] as? Double)
            let payloadHash = c["payload_hash"] as? String
            let steps = SigV4.signature(of: request, credentials: credentials, region: region, service: service,
                                        payloadHash: payloadHash, date: date)
            SigV4.sign(&request, credentials: credentials, region: region, service: service, payloadHash: payloadHash, date: date)
            let expected = try #require(c["signed"] as? [String: String])
            var got: [String: String] = [:]
            for (name, value) in request.headers where expected[name.lowercased()] != nil { got[name.lowercased()] = value }
            if got != expected || steps.canonicalRequest != c["canonical"] as? String {
                failures += 1
                if failures <= 3 {
                    Issue.record("seed \(seed): \(c["method"] ?? "") \(url) \(service)\nbotocore:\n\(c["canonical"] ?? "")\nours:\n\(steps.canonicalRequest)")
                }
            }
        }
        #expect(failures == 0, "seed \(seed)")
    }
}
