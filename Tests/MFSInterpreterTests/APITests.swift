// Tests of the host-facing API: registration, host objects, interactive mode, completion helpers.
import Testing
import Synchronization
@testable import MFSInterpreter

final class FakeRun: HostObject {
    let id: Int
    init(_ id: Int) { self.id = id }
    var typeName: String { "Run" }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "id": return .int(id)
        case "double": return .newBuiltin("double") { [id] _, _ in .int(id * 2) }
        default: return nil
        }
    }
    var attributeNames: [String] { ["double", "id"] }
    func repr() -> String { "Run('\(id)')" }
    func equals(_ other: any HostObject) -> Bool { (other as? FakeRun)?.id == id }
    var hashValue: Int { id }
}

final class FakeFlow: HostObject {
    var typeName: String { "Flow" }
    func makeIterator() throws -> PyIterator {
        var i = 0
        return ClosureIterator("generator") {
            i += 1
            return i <= 10_000 ? .host(FakeRun(i)) : nil
        }
    }
    func getItem(_ key: Value) throws -> Value {
        guard case .str(let s) = key, let n = Int(s) else { throw PyException.keyError(key) }
        return .host(FakeRun(n))
    }
    func enter() throws -> Value { .str("entered") }
}

func run(_ source: String, setup: (Interpreter) -> Void = { _ in }) -> (String, String) {
    let out = StringOutputSink(), err = StringOutputSink()
    let interp = Interpreter(stdout: out, stderr: err)
    setup(interp)
    do { try interp.execute(source: source, filename: "t.py") } catch let e as UncaughtException {
        err.write(e.tracebackText)
    } catch {
        err.write("\(error)")
    }
    return (out.text, err.text)
}

@Test func hostObjectsAttributesAndErrors() {
    let (out, err) = run("""
    from metaflow import Flow
    f = Flow()
    r = f['7']
    print(r, r.id, r.double(), type(r).__name__)
    print(sum(1 for _ in f))
    print(r == f['7'], {r: 1}[f['7']])
    with f as x:
        print(x)
    r.nope
    """) { interp in
        interp.registerModule("metaflow", [("Flow", .newBuiltin("Flow") { _, _ in .host(FakeFlow()) })])
    }
    #expect(out == "Run('7') 7 14 Run\n10000\nTrue 1\nentered\n")
    #expect(err.hasSuffix("AttributeError: 'Run' object has no attribute 'nope'\n"))
}

@Test func hostExceptionClassesAreCatchable() {
    var cls: Value = .none
    let (out, _) = run("""
    try:
        boom()
    except MetaflowNotFound as e:
        print("caught", e)
    try:
        boom()
    except Exception as e:
        print(type(e).__name__)
    """) { interp in
        cls = interp.defineExceptionClass(name: "MetaflowNotFound", base: nil)
        interp.registerGlobal("MetaflowNotFound", cls)
        let c = cls
        interp.registerGlobal("boom", .newBuiltin("boom") { _, _ in throw PyException(c, "Flow('X') does not exist") })
    }
    #expect(out == "caught Flow('X') does not exist\nMetaflowNotFound\n")
}

@Test func unknownModule() {
    let (_, err) = run("import nosuch\n")
    #expect(err.hasSuffix("ModuleNotFoundError: No module named 'nosuch'\n"))
}

@Test func interactiveReturnsExpressionValue() throws {
    let interp = Interpreter(stdout: StringOutputSink(), stderr: StringOutputSink())
    #expect(try interp.executeInteractive(source: "x = 41") == nil)
    let v = try interp.executeInteractive(source: "x + 1")
    #expect(try interp.repr(v ?? .none) == "42")
    #expect(interp.globalNames().contains("x"))
    #expect(interp.attributeNames(of: .list(PyList())).contains("append"))
}

@Test func incompleteInput() {
    let interp = Interpreter(stdout: StringOutputSink(), stderr: StringOutputSink())
    #expect(interp.isIncomplete("x = (1,"))
    #expect(interp.isIncomplete("if x:"))
    #expect(interp.isIncomplete("if x:\n    y = 1\n"))
    #expect(!interp.isIncomplete("if x:\n    y = 1\n\n"))
    #expect(interp.isIncomplete("s = '''abc"))
    #expect(!interp.isIncomplete("x = 1"))
    #expect(!interp.isIncomplete("x = )"))
}

@Test func recursionLimitDoesNotCrash() {
    let (_, err) = run("def f(n):\n    return f(n + 1)\nf(0)\n")
    #expect(err.hasSuffix("RecursionError: maximum recursion depth exceeded\n"))
}

@Test func datetimeFromEpochMillis() throws {
    let d = try PyDateTime.fromEpochMilliseconds(0)
    #expect(d.microsecond == 0)
    let interp = Interpreter(stdout: StringOutputSink(), stderr: StringOutputSink())
    let x = try PyDateTime(year: 2026, month: 11, day: 27, hour: 16, minute: 33, second: 52, microsecond: 983000)
    #expect(try interp.str(.datetime(x)) == "2026-11-27 16:33:52.983000")
    #expect(try interp.repr(.datetime(x)) == "datetime.datetime(2026, 11, 27, 16, 33, 52, 983000)")
}

@Test func interruptRaisesKeyboardInterrupt() {
    let (_, err) = run("while True:\n    pass\n") { interp in interp.interruptRequested.store(true, ordering: .relaxed) }
    #expect(err.hasSuffix("KeyboardInterrupt\n"))
}
