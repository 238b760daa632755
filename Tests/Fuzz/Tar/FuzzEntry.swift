// libFuzzer entry point for the code-package reader: compiled with Sources/MetaflowClient's
// TarReader, ExtractionFolder, LibArchive, FileSystem and MetaflowError by Scripts/fuzz-tar.
// Each input is listed, read and extracted into a fresh folder inside a sandbox folder; a crash,
// a sanitizer report, a hang, or anything left in the sandbox beside that folder (an escape) or
// after a refusal (a partial folder kept) is a bug.
#if canImport(Glibc)
import Glibc
#endif

private let sandbox: String = {
    let base = FileSystem.environment("TAR_FUZZ_SANDBOX") ?? "/tmp/tar-fuzz-sandbox"
    FileSystem.removeTree(base)
    mkdir(base, 0o700)
    return base
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func tarFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? TarReader.names(bytes)
    _ = try? TarReader.read(bytes, wanting: [".mf_meta/INFO", "flow.py"])
    let root = sandbox + "/root"
    guard mkdir(root, 0o700) == 0 else { fatalError("cannot make \(root)") }
    let refused: Bool
    do { try TarReader.extract(bytes, into: root) { _ in true }; refused = false } catch { refused = true }
    let left = FileSystem.list(sandbox) ?? []
    if left.contains(where: { $0 != "root" }) { fatalError("extraction wrote outside its folder: \(left)") }
    if refused && left.contains("root") { fatalError("a refused extraction left its folder behind") }
    FileSystem.removeTree(root)
    return 0
}
