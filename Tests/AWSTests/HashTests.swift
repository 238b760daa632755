import Foundation
import Testing
@testable import AWS

@Suite struct HashTests {
    // FIPS 180-2 appendix B / NIST's example values.
    @Test func sha256NISTVectors() {
        #expect(hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(hex(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    // RFC 4231 test cases 1, 2, 3, 4, 6 and 7 (HMAC-SHA-256 rows).
    @Test func hmacRFC4231Vectors() {
        func check(_ key: [UInt8], _ data: [UInt8], _ expected: String) {
            #expect(hex(HMACSHA256.authenticate(key: key, message: data)) == expected)
        }
        check([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
              "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        check(Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
              "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        check([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
              "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe")
        check(Array(1...25), [UInt8](repeating: 0xcd, count: 50),
              "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b")
        check([UInt8](repeating: 0xaa, count: 131), Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
              "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        check([UInt8](repeating: 0xaa, count: 131),
              Array("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.".utf8),
              "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2")
    }

    /// Random inputs of every length around the block boundaries, hashed by python3's hashlib and hmac.
    @Test func matchesPythonOnRandomInputs() throws {
        var generator = SystemRandomNumberGenerator()
        var cases: [(key: [UInt8], data: [UInt8])] = []
        for length in Array(0...200) + [1000, 4095, 65_537] {
            let keyLength = Int.random(in: 0...150, using: &generator)
            cases.append(((0..<keyLength).map { _ in UInt8.random(in: 0...255, using: &generator) },
                          (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        }
        let input = cases.map { hex($0.key) + " " + hex($0.data) }.joined(separator: "\n") + "\n"
        let out = try runPython("""
            import sys, hashlib, hmac
            for line in sys.stdin.read().splitlines():
                k, d = (bytes.fromhex(x) for x in line.split(" "))
                print(hashlib.sha256(d).hexdigest(), hmac.new(k, d, hashlib.sha256).hexdigest())
            """, input: input)
        let lines = out.split(separator: "\n")
        #expect(lines.count == cases.count)
        for (c, line) in zip(cases, lines) {
            let parts = line.split(separator: " ").map(String.init)
            #expect(hex(SHA256.hash(c.data)) == parts.first, "sha256 of \(c.data.count) bytes")
            #expect(hex(HMACSHA256.authenticate(key: c.key, message: c.data)) == parts.last,
                    "hmac with a \(c.key.count)-byte key over \(c.data.count) bytes")
        }
    }
}
