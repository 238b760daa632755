// Where mfsh keeps what it caches on disk (service answers, S3 blobs, local blobs kept decompressed).
#if canImport(Glibc)
import Glibc
#endif

enum CacheFolder {
    /// The folder a setting names: `off` (or `0`) for none, an absolute folder, or by default
    /// `$XDG_CACHE_HOME/mfsh/<name>` (else `~/.cache/mfsh/<name>`); nil with no home to keep it in.
    static func resolve(setting: String?, name: String, environment: [String: String]) -> String? {
        if setting == "off" || setting == "0" { return nil }
        if let s = setting, s.hasPrefix("/") { return s }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/mfsh/" + name }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/mfsh/" + name }
        return nil
    }

    /// Makes `path` and every folder above it that is missing, 0700 (caches hold private data).
    static func makeFolders(_ path: String) -> Bool {
        var built = ""
        for part in path.split(separator: "/") {
            built += "/" + part
            if mkdir(built, 0o700) != 0 && errno != EEXIST { return false }
        }
        return FileSystem.isDirectory(path)
    }
}
