// Finding the Prelude: $MFSH_PRELUDE, next to the binary (a checkout's .build/<config>/mfsh), or
// the install location (<prefix>/share/mfsh/Prelude).
import MetaflowClient
#if canImport(Glibc)
import Glibc
#endif

enum Prelude {
    static func executablePath() -> String? {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buf, buf.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func directory() -> String? {
        if let env = FileSystem.environment("MFSH_PRELUDE"), !env.isEmpty {
            return FileSystem.isDirectory(env) ? env : nil
        }
        guard let exe = executablePath() else { return nil }
        let binDir = FileSystem.dirname(exe)
        let candidates = [
            binDir + "/Prelude",
            binDir + "/../share/mfsh/Prelude",
            binDir + "/../../Prelude",          // .build/release/mfsh in a checkout
            binDir + "/../../../Prelude",       // .build/x86_64-unknown-linux-gnu/release/mfsh
        ]
        return candidates.first { FileSystem.isDirectory($0) }
    }

    /// The `.mfs` files of the folder in name order (so numbered files load in order).
    static func files(in dir: String) -> [String] {
        (FileSystem.list(dir) ?? []).filter { $0.hasSuffix(".mfs") && !$0.hasPrefix(".") }.sorted().map { dir + "/" + $0 }
    }
}
