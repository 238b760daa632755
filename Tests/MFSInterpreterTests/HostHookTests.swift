// Host objects answering special methods through `getAttribute` behave like the Python class
// `Arr` of Tests/Language/dunder_hooks.py (whose output the corpus checks against CPython).
import Foundation
import Testing
@testable import MFSInterpreter

/// A Swift stand-in for `Arr`: rich comparisons return another HostArr, `__format__` formats
/// every element, `__abs__` maps abs, `__index__` is the length.
final class HostArr: HostObject {
    let items: [Value]
    unowned let interp: Interpreter
    init(_ items: [Value], _ interp: Interpreter) { self.items = items; self.interp = interp }
    var typeName: String { "Arr" }
    func repr() -> String { "Arr([" + items.map { (try? interp.repr($0)) ?? "?" }.joined(separator: ", ") + "])" }

    func getAttribute(_ name: String) throws -> Value? {
        let ops: [String: (Int, Int) -> Bool] = ["__lt__": (<), "__le__": (<=), "__gt__": (>), "__ge__": (>=), "__eq__": (==), "__ne__": (!=)]
        if let op = ops[name] {
            return .newBuiltin(name) { [items, interp] args, _ in
                guard case .int(let other) = args[0] else { throw PyException.typeError("Arr compares with ints only") }
                return .host(HostArr(try items.map { v -> Value in
                    guard case .int(let x) = v else { throw PyException.typeError("Arr holds ints only") }
                    return .bool(op(x, other))
                }, interp))
            }
        }
        switch name {
        case "__format__":
            return .newBuiltin(name) { [items, interp] args, _ in
                guard case .str(let spec) = args[0] else { throw PyException.typeError("spec must be a str") }
                return .str("[" + (try items.map { try interp.format($0, spec: spec) }).joined(separator: ", ") + "]")
            }
        case "__abs__":
            return .newBuiltin(name) { [items, interp] _, _ in
                .host(HostArr(items.map { if case .int(let x) = $0 { return .int(Swift.abs(x)) }; return $0 }, interp))
            }
        case "__index__":
            return .newBuiltin(name) { [items] _, _ in .int(items.count) }
        default:
            return nil
        }
    }
}

@Test func hostSpecialMethodsMatchThePythonClass() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Language/dunder_hooks.py")
    let source = try String(contentsOf: url, encoding: .utf8)
    let marker = try #require(source.range(of: "# --- host part\n"))
    let withPythonClass = run(source)
    let withHost = run(String(source[marker.upperBound...])) { interp in
        interp.registerGlobal("Arr", .newBuiltin("Arr") { [unowned interp] args, _ in
            guard case .list(let l) = args[0] else { throw PyException.typeError("Arr takes a list") }
            return .host(HostArr(l.items, interp))
        })
    }
    #expect(withPythonClass.1 == "")
    #expect(withHost.1 == "")
    #expect(withHost.0 == withPythonClass.0)
    #expect(withHost.0.contains("Arr([False, True, True])"))  // a != 1, an array, not one bool
}
