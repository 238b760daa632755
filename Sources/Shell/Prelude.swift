// Finding the Prelude: $MFSH_PRELUDE, next to the binary (a checkout's .build/<config>/mfsh), or
// the install location (<prefix>/share/mfsh/Prelude).
import MetaflowClient
#if canImport(Glibc)
import Glibc
#endif

enum Prelude {
    static func executablePath() -> String? {
        FileSystem.readLink("/proc/self/exe").flatMap { $0.isEmpty ? nil : $0 }
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
