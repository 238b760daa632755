// `with run.code.extract() as tmp_dir:`: a temporary folder removed when the block exits.
import MFSInterpreter
import MetaflowClient
#if canImport(Glibc)
import Glibc
#endif

final class TemporaryDirectoryHost: HostObject {
    let path: String
    private var removed = false
    init(_ path: String) { self.path = path }
    deinit { cleanup() }

    var typeName: String { "TemporaryDirectory" }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "name": return .str(path)
        case "cleanup": return .newBuiltin("cleanup") { _, _ in self.cleanup(); return .none }
        default: return nil
        }
    }
    var attributeNames: [String] { ["cleanup", "name"] }
    func enter() throws -> Value { .str(path) }
    func exit(error: PyException?) throws { cleanup() }
    func repr() -> String { "<TemporaryDirectory '\(path)'>" }
    func str() -> String { repr() }
    var isTruthy: Bool { true }
    func equals(_ other: any HostObject) -> Bool { other === self }
    var hashValue: Int { path.hashValue }
    var doc: String? { "A temporary folder holding extracted code; removed at the end of the `with` block." }

    func cleanup() {
        guard !removed else { return }
        removed = true
        FileSystem.removeTree(path)
    }
}
