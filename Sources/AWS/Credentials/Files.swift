// Reading the files credentials come from (INI files, token files), with `~` expanded against the
// HOME of the environment the chain was given, not the process's.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum LocalFile {
    /// The file's bytes; nil when it does not exist. Any other failure (a directory, no
    /// permission) is an error naming the path and the reason.
    static func contents(_ path: String) throws(AWSError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw AWSError(.configuration, "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw AWSError(.configuration, "cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    static func readText(_ path: String) throws(AWSError) -> String? {
        try contents(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// `~` and `~/…` against HOME (as Python's os.path.expanduser); anything else unchanged.
    static func expandUser(_ path: String, environment: [String: String]) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = environment["HOME"], !home.isEmpty else { return path }
        return home + path.dropFirst()
    }
}
