// The Swift entry to pprint's layout (the REPL's echo of long values) gives the text the script-level
// pprint.pformat gives, which the language corpus holds to CPython's.
import Testing
@testable import MFSInterpreter

@Test func pformatFromSwiftIsThePprintModulesLayout() throws {
    let interp = Interpreter(stdout: StringOutputSink(), stderr: StringOutputSink())
    try interp.execute(source: """
    import pprint
    value = {"steps": ["start", "train", "end"] * 4, "params": {"alpha": 0.5, "layers": list(range(12))}}
    narrow = pprint.pformat(value, width=30)
    default = pprint.pformat(value)
    """, filename: "t.py")
    let value = try #require(interp.global("value"))
    guard case .str(let narrow)? = interp.global("narrow"), case .str(let wide)? = interp.global("default") else {
        Issue.record("pformat did not return str")
        return
    }
    #expect(try interp.pformat(value, width: 30) == narrow)
    #expect(try interp.pformat(value) == wide)
    #expect(narrow.contains("\n") && narrow != wide)
}
