// `with run.code.extract() as tmp_dir:`: a temporary folder removed when the block exits.
import MFSInterpreter
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
        Self.removeTree(path)
    }

    /// Removes a folder tree without following symbolic links.
    static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            var entries: [String] = []
            if let dir = opendir(path) {
                while let ent = readdir(dir) {
                    let name = withUnsafePointer(to: ent.pointee.d_name) {
                        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                    }
                    if name != "." && name != ".." { entries.append(name) }
                }
                closedir(dir)
            }
            for e in entries { removeTree(path + "/" + e) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
