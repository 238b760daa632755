import Testing
@testable import MetaflowClient

@Suite struct JSONTests {
    @Test func parsesWhatMetaflowWrites() throws {
        let v = try JSONParser.parse(#"{"run_number": "1795797267978466", "tags": ["a", "b"], "ts_epoch": 1795797267979, "x": 1.5e3, "n": null, "t": true}"#)
        #expect(v["run_number"]?.stringValue == "1795797267978466")
        #expect(v["tags"]?.stringArray == ["a", "b"])
        #expect(v["ts_epoch"]?.intValue == 1795797267979)
        #expect(v["x"] == .double(1500))
        #expect(v["n"] == .null)
        #expect(v["t"] == .bool(true))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let v = try JSONParser.parse(#""a\"b\\c\n\u00e9\ud83d\ude00""#)
        #expect(v.stringValue == "a\"b\\c\né😀")
    }

    @Test func duplicateKeysKeepTheLastLikePython() throws {
        #expect(try JSONParser.parse(#"{"a": 1, "a": 2}"#)["a"] == .int(2))
    }

    @Test(arguments: [
        (#"{"a": }"#, 6), (#"[1, 2"#, 5), (#""abc"#, 4), (#"{"a": 1} x"#, 9), ("", 0), ("tru", 0),
    ])
    func errorsNameTheOffset(_ input: String, _ offset: Int) {
        do {
            _ = try JSONParser.parse(input)
            Issue.record("\(input) should not parse")
        } catch {
            #expect(error.offset == offset, "\(input): \(error)")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONError.self) { try JSONParser.parse(deep) }
    }

    @Test func nonFiniteNumbersAsPythonWritesThem() throws {
        let v = try JSONParser.parse("[NaN, Infinity, -Infinity]")
        guard case .array(let a) = v, case .double(let nan) = a[0] else { Issue.record("not an array"); return }
        #expect(nan.isNaN)
        #expect(a[1] == .double(.infinity) && a[2] == .double(-.infinity))
    }
}
