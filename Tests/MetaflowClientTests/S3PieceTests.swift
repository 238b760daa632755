import HTTP
import Testing
@testable import MetaflowClient

/// The S3 datastore's pure pieces: roots and keys, URLs for AWS and for other endpoints, S3's
/// error bodies, old full-URL artifact locations, which root a read goes to.
@Suite struct S3PieceTests {
    @Test func locationsFromRoots() {
        let root = S3Location(url: "s3://mf-bucket/metaflow/")
        #expect(root == S3Location(bucket: "mf-bucket", key: "metaflow"))
        #expect(root?.description == "s3://mf-bucket/metaflow")
        #expect(S3Location(url: "s3://b")?.key == "")
        #expect(S3Location(url: "s3:///x") == nil)
        #expect(S3Location(url: "/tmp/.metaflow") == nil)
        let blob = S3DataStore.blobLocation(S3Location(bucket: "b", key: "p/q"), flow: "F", sha: "abcdef")
        #expect(blob.key == "p/q/F/data/ab/abcdef")
        #expect(S3Location(bucket: "b", key: "").appending(["F", "1"]).key == "F/1")
    }

    @Test func urlsForAWSAndOtherEndpoints() {
        var settings = S3Settings()
        let loc = S3Location(bucket: "mf-bucket", key: "a b/ü~x")
        #expect(settings.url(for: loc, region: "eu-west-1") == "https://mf-bucket.s3.eu-west-1.amazonaws.com/a%20b/%C3%BC~x")
        // A bucket with dots is not a safe host label under TLS: path style.
        #expect(settings.url(for: S3Location(bucket: "my.bucket", key: "k"), region: "us-east-1")
                == "https://s3.us-east-1.amazonaws.com/my.bucket/k")
        settings.endpoint = "http://127.0.0.1:8333/"
        #expect(settings.url(for: loc, region: "us-east-1") == "http://127.0.0.1:8333/mf-bucket/a%20b/%C3%BC~x")
        // Nothing in a key can become a query or a fragment.
        #expect(S3Settings.encodeKey("x?y#z%") == "x%3Fy%23z%25")
    }

    @Test func errorBodies() {
        let body = Array("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchKey</Code><Message>The key &lt;x&gt; &amp; more</Message><Key>x</Key></Error>
            """.utf8)
        let e = S3ErrorBody(body)
        #expect(e.code == "NoSuchKey")
        #expect(e.message == "The key <x> & more")
        #expect(S3ErrorBody(Array("not xml".utf8)).code == nil)
        #expect(S3ErrorBody([]).code == nil)
    }

    @Test func contentRanges() {
        let r = HTTPResponse(status: 206, headers: [(name: "content-range", value: "bytes 0-8388607/41943040")], body: [])
        #expect(S3DataStore.totalSize(r) == 41_943_040)
        #expect(S3RangedBlob.rangeStart("bytes 8388608-16777215/41943040") == 8_388_608)
        #expect(S3RangedBlob.rangeStart("garbage") == nil)
    }

    @Test func oldFullURLLocations() {
        let record: JSONValue = .object([("location", .string("s3://b/pre/fix/MyFlow/data/ab/abcdef0123"))])
        #expect(DataArtifact.recordedRoot(of: record) == "s3://b/pre/fix")
        let rooted: JSONValue = .object([("location", .string(":root:s3://b/metaflow"))])
        #expect(DataArtifact.recordedRoot(of: rooted) == "s3://b/metaflow")
        let odd: JSONValue = .object([("location", .string("s3://b/x"))])
        #expect(DataArtifact.recordedRoot(of: odd) == nil)
    }

    @Test func casFlagFromUserMetadata() throws {
        let loc = S3Location(bucket: "b", key: "k")
        func response(_ meta: String?) -> HTTPResponse {
            HTTPResponse(status: 200, headers: meta.map { [(name: "x-amz-meta-metaflow-user-attributes", value: $0)] } ?? [], body: [])
        }
        #expect(try S3DataStore.isRaw(response(#"{"cas_raw": true, "cas_version": 1}"#), loc))
        #expect(try !S3DataStore.isRaw(response(#"{"cas_raw": false, "cas_version": 1}"#), loc))
        #expect(try !S3DataStore.isRaw(response(nil), loc))
        #expect(throws: MetaflowError.self) { try S3DataStore.isRaw(response(#"{"cas_version": 2}"#), loc) }
        #expect(throws: MetaflowError.self) { try S3DataStore.isRaw(response("{"), loc) }
    }
}
