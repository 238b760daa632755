import Foundation
import HTTP
import Testing
@testable import AWS

@Suite struct SigV4Tests {
    static let suiteCredentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE",
                                                 secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                                 source: "test")
    static let suiteDate = 1_440_938_160.0  // 2015-08-30T12:36:00Z

    /// A raw request of the suite (request line, headers, blank line, body) as an HTTPRequest.
    static func request(fromRaw raw: String) -> HTTPRequest {
        let (head, body): (String, String?) = {
            guard let blank = raw.range(of: "\n\n") else { return (raw, nil) }
            return (String(raw[..<blank.lowerBound]), String(raw[blank.upperBound...]))
        }()
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let requestLine = lines.removeFirst()
        let method = String(requestLine.prefix { $0 != " " })
        let target = String(requestLine.dropFirst(method.count + 1).dropLast(" HTTP/1.1".count))
        let headers = lines.map { line -> (name: String, value: String) in
            let colon = line.firstIndex(of: ":") ?? line.endIndex
            return (String(line[..<colon]), String(line[line.index(after: colon)...]))
        }
        return HTTPRequest(method: method, url: "https://example.amazonaws.com" + target, headers: headers,
                           body: body.map { Array($0.utf8) })
    }

    @Test(arguments: sigV4Suite.map(\.name)) func awsTestSuite(name: String) throws {
        let vector = try #require(sigV4Suite.first { $0.name == name })
        let hasToken = vector.request.contains("X-Amz-Security-Token")
        let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: Self.suiteCredentials.secretAccessKey,
                                         sessionToken: hasToken ? suiteSessionToken : nil, source: "test")
        let request = Self.request(fromRaw: vector.request)
        let signed = SigV4.signature(of: request, credentials: credentials, region: "us-east-1", service: "service",
                                     payloadHash: nil, date: Self.suiteDate)
        #expect(signed.canonicalRequest == vector.canonicalRequest)
        #expect(signed.stringToSign == "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                + vector.canonicalRequestHash)
        let signedHeaders = vector.canonicalRequest.split(separator: "\n", omittingEmptySubsequences: false).dropLast().last ?? ""
        #expect(signed.authorization == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=\(signedHeaders), Signature=\(vector.signature)")
        var sent = request
        SigV4.sign(&sent, credentials: credentials, region: "us-east-1", service: "service", date: Self.suiteDate)
        #expect(sent.headers.last?.name == "Authorization" && sent.headers.last?.value == signed.authorization)
        #expect(sent.headers.filter { $0.name.lowercased() == "x-amz-date" }.map(\.value) == ["20150830T123600Z"])
    }

    // The examples of AWS's S3 documentation ("Signature Calculations for the Authorization Header:
    // Transferring Payload in a Single Chunk", and the GET Bucket lifecycle / list objects ones).
    static let s3Credentials = AWSCredentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE",
                                              secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", source: "test")
    static let s3Date = 1_369_353_600.0  // 2013-05-24T00:00:00Z

    @Test func s3GetObjectWithRange() {
        let request = HTTPRequest(url: "https://examplebucket.s3.amazonaws.com/test.txt", headers: [("Range", "bytes=0-9")])
        let signed = SigV4.signature(of: request, credentials: Self.s3Credentials, region: "us-east-1", service: "s3",
                                     payloadHash: nil, date: Self.s3Date)
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        #expect(signed.canonicalRequest == """
            GET
            /test.txt

            host:examplebucket.s3.amazonaws.com
            range:bytes=0-9
            x-amz-content-sha256:\(empty)
            x-amz-date:20130524T000000Z

            host;range;x-amz-content-sha256;x-amz-date
            \(empty)
            """)
        #expect(signed.stringToSign == "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
                + "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972")
        #expect(signed.authorization == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
        #expect(signed.headers.contains { $0.name == "X-Amz-Content-SHA256" && $0.value == empty })
    }

    @Test func s3PutObjectWithAnEncodedKey() {
        // The key is test$file.text; the caller encodes it as the wire form, and a raw '$' signs the same.
        for path in ["/test%24file.text", "/test$file.text"] {
            let request = HTTPRequest(method: "PUT", url: "https://examplebucket.s3.amazonaws.com" + path,
                                      headers: [("Date", "Fri, 24 May 2013 00:00:00 GMT"),
                                                ("x-amz-storage-class", "REDUCED_REDUNDANCY")],
                                      body: Array("Welcome to Amazon S3.".utf8))
            let signed = SigV4.signature(of: request, credentials: Self.s3Credentials, region: "us-east-1", service: "s3",
                                         payloadHash: nil, date: Self.s3Date)
            #expect(signed.canonicalRequest.hasPrefix("PUT\n/test%24file.text\n\n"))
            #expect(signed.authorization.hasSuffix("SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class, "
                    + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"))
        }
    }

    @Test func s3QueryExamples() {
        let cases = [("https://examplebucket.s3.amazonaws.com/?lifecycle",
                      "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"),
                     ("https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J",
                      "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"),
                     ("https://examplebucket.s3.amazonaws.com/?prefix=J&max-keys=2",
                      "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7")]
        for (url, signature) in cases {
            let signed = SigV4.signature(of: HTTPRequest(url: url), credentials: Self.s3Credentials, region: "us-east-1",
                                         service: "s3", payloadHash: nil, date: Self.s3Date)
            #expect(signed.authorization.hasSuffix("Signature=" + signature), "\(url)")
        }
    }

    @Test func hostCarriesANonDefaultPortTokenIsSignedAndResigningReplaces() {
        let credentials = AWSCredentials(accessKeyID: "ciaccesskey", secretAccessKey: "cisecretkey", sessionToken: "tok",
                                         source: "test")
        var request = HTTPRequest(url: "http://127.0.0.1:8333/mf-bucket/a%20b?list-type=2&prefix=probe%2F")
        SigV4.sign(&request, credentials: credentials, region: "us-east-1", service: "s3", payloadHash: "UNSIGNED-PAYLOAD",
                   date: 1_700_000_000)
        let first = request.headers
        #expect(first.map(\.name) == ["X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Content-SHA256", "Authorization"])
        #expect(first.first { $0.name == "X-Amz-Content-SHA256" }?.value == "UNSIGNED-PAYLOAD")
        let signed = SigV4.signature(of: HTTPRequest(url: request.url), credentials: credentials, region: "us-east-1",
                                     service: "s3", payloadHash: "UNSIGNED-PAYLOAD", date: 1_700_000_000)
        #expect(signed.canonicalRequest.contains("\nhost:127.0.0.1:8333\n"))
        #expect(signed.canonicalRequest.hasPrefix("GET\n/mf-bucket/a%20b\nlist-type=2&prefix=probe%2F\n"))
        #expect(signed.canonicalRequest.contains("x-amz-security-token:tok\n"))
        // A retry signed later replaces every signing header instead of adding a second one.
        SigV4.sign(&request, credentials: credentials, region: "us-east-1", service: "s3", payloadHash: "UNSIGNED-PAYLOAD",
                   date: 1_700_000_100)
        #expect(request.headers.count == 4)
        #expect(request.headers[0].value == "20231114T221500Z")
        // Default ports are left out, as libcurl leaves them out of Host.
        #expect(URLParts("https://h.example:443/x").hostHeader == "h.example")
        #expect(URLParts("http://user:pw@H.example:80/x").hostHeader == "h.example")
        #expect(URLParts("http://[::1]:9000/x").hostHeader == "[::1]:9000")
    }

    @Test func uriEncodingIsAWSs() {
        #expect(SigV4.uriEncode("a b*(c)/~-_.ሴ+=", encodeSlash: false) == "a%20b%2A%28c%29/~-_.%E1%88%B4%2B%3D")
        #expect(SigV4.uriEncode("p/q", encodeSlash: true) == "p%2Fq")
        #expect(SigV4.percentDecoded("a%20b%2fc%zz%") == "a b/c%zz%")
    }
}
