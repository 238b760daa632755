// A folder that an archive is extracted into, which nothing written may leave.
//
// Member paths come from the archive, i.e. from whoever wrote the datastore. Checking them as text
// is not enough: a link `sub/l -> /etc` or a chain `s -> .`, `t -> s/..` looks harmless, and a later
// member `t/f` written through it lands outside. So every path is opened one component at a time
// from the folder's own descriptor with O_NOFOLLOW (a member through a link is refused, whatever
// the link's target), absolute link targets are refused, and once all links exist each is resolved
// through the others to prove it stays inside. Depth and name length are bounded, so a member
// 200,000 folders deep is refused at once instead of keeping extraction busy.
#if canImport(Glibc)
import Glibc
#endif

final class ExtractionFolder {
    static let maxPathBytes = Int(PATH_MAX)  // 4096
    static let maxDepth = 256
    static let maxLinkHops = 40              // Linux's own limit (ELOOP)

    let root: String
    private let rootFD: Int32
    /// Links made so far: normalized member path -> target as written in the archive.
    private var links: [String: String] = [:]

    init(_ root: String) throws {
        rootFD = Glibc.open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard rootFD >= 0 else { throw Self.osError("cannot open", root, errno) }
        self.root = root
    }

    deinit { close(rootFD) }

    private static func osError(_ what: String, _ path: String, _ code: Int32) -> MetaflowError {
        .generic("OSError", "[Errno \(code)] \(what) '\(path)': \(String(cString: strerror(code)))")
    }

    private func refuse(_ name: String, _ why: String) -> MetaflowError {
        .generic("MetaflowException", "refusing to extract '\(name)' from the code package: \(why)")
    }

    /// The member path as components below the root, `.` dropped and `..` applied; refused when it
    /// is absolute, climbs above the root, is too long or too deep.
    func components(_ name: String) throws -> [String] {
        if name.utf8.count > Self.maxPathBytes { throw refuse(String(name.prefix(80)) + "…", "its path is longer than \(Self.maxPathBytes) bytes") }
        if name.isEmpty { throw refuse(name, "it has no name") }
        if name.hasPrefix("/") { throw refuse(name, "it is an absolute path") }
        var parts: [String] = []
        for part in name.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { throw refuse(name, "it would land outside \(root)") }
                parts.removeLast()
                continue
            }
            if part.utf8.count > Int(NAME_MAX) { throw refuse(name, "a name in its path is longer than \(NAME_MAX) bytes") }
            parts.append(String(part))
            if parts.count > Self.maxDepth { throw refuse(String(name.prefix(80)) + "…", "it is more than \(Self.maxDepth) folders deep") }
        }
        if parts.isEmpty { throw refuse(name, "it names the extraction folder itself") }
        return parts
    }

    /// A descriptor of the folder holding `parts.last`, each component opened without following
    /// links and created when `create` and missing. The caller closes it.
    private func openParent(_ parts: [String], name: String, create: Bool) throws -> Int32 {
        var fd = dup(rootFD)
        guard fd >= 0 else { throw Self.osError("cannot open", root, errno) }
        for (i, part) in parts.dropLast().enumerated() {
            var next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if next < 0 && errno == ENOENT && create {
                if mkdirat(fd, part, 0o755) != 0 && errno != EEXIST {
                    let e = errno; close(fd)
                    throw Self.osError("cannot create", root + "/" + parts[...i].joined(separator: "/"), e)
                }
                next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            let e = errno
            close(fd)
            guard next >= 0 else {
                let here = parts[...i].joined(separator: "/")
                if e == ELOOP || e == ENOTDIR {
                    throw refuse(name, links[here] != nil ? "its path goes through the link '\(here)'" : "'\(here)' is not a folder")
                }
                throw Self.osError("cannot open", root + "/" + here, e)
            }
            fd = next
        }
        return fd
    }

    func makeFolder(_ name: String) throws {
        let parts = try components(name)
        let parent = try openParent(parts, name: name, create: true)
        defer { close(parent) }
        guard let leaf = parts.last else { return }
        if mkdirat(parent, leaf, 0o755) == 0 { return }
        let e = errno
        var st = stat()
        if e == EEXIST, fstatat(parent, leaf, &st, AT_SYMLINK_NOFOLLOW) == 0, (st.st_mode & S_IFMT) == S_IFDIR { return }
        if e == EEXIST { throw refuse(name, "something that is not a folder already has its name") }
        throw Self.osError("cannot create", root + "/" + parts.joined(separator: "/"), e)
    }

    /// A new regular file, open for writing. An earlier member of the same name (tar allows it)
    /// is replaced, as tar does; an earlier link of that name is replaced, never followed.
    func createFile(_ name: String, permissions: mode_t) throws -> Int32 {
        let parts = try components(name)
        let parent = try openParent(parts, name: name, create: true)
        defer { close(parent) }
        guard let leaf = parts.last else { throw refuse(name, "it has no name") }
        let mode = (permissions & 0o755) | 0o600
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
        var fd = openat(parent, leaf, flags, mode)
        if fd < 0 && errno == EEXIST {
            if unlinkat(parent, leaf, 0) != 0 { throw refuse(name, "a folder already has its name") }
            links[parts.joined(separator: "/")] = nil
            fd = openat(parent, leaf, flags, mode)
        }
        guard fd >= 0 else { throw Self.osError("cannot create", root + "/" + parts.joined(separator: "/"), errno) }
        return fd
    }

    static func writeAll(_ fd: Int32, _ chunk: UnsafeRawBufferPointer, name: String) throws {
        var off = 0
        while off < chunk.count {
            guard let base = chunk.baseAddress else { return }
            let n = write(fd, base + off, chunk.count - off)
            if n < 0 {
                if errno == EINTR { continue }
                throw osError("cannot write", name, errno)
            }
            off += n
        }
    }

    /// A hard-link member: a copy of the earlier member it names (read inside the folder, links
    /// not followed), so no link to anything outside can be made.
    func copyFile(_ source: String, to name: String) throws {
        let from = try components(source)
        let parent = try openParent(from, name: source, create: false)
        defer { close(parent) }
        guard let leaf = from.last else { return }
        let input = openat(parent, leaf, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else { throw refuse(name, "it is a hard link to '\(source)', which is not a file extracted before it") }
        defer { close(input) }
        var st = stat()
        guard fstat(input, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            throw refuse(name, "it is a hard link to '\(source)', which is not a file")
        }
        let output = try createFile(name, permissions: mode_t(st.st_mode & 0o777))
        defer { close(output) }
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; throw Self.osError("cannot read", root + "/" + source, errno) }
            if n == 0 { break }
            try buf.withUnsafeBytes { try Self.writeAll(output, UnsafeRawBufferPointer(rebasing: $0[0..<n]), name: name) }
        }
    }

    func makeLink(_ name: String, target: String) throws {
        let parts = try components(name)
        if target.isEmpty { throw refuse(name, "it is a link with no target") }
        if target.hasPrefix("/") { throw refuse(name, "it is a link to the absolute path '\(target)'") }
        if target.utf8.count > Self.maxPathBytes { throw refuse(name, "its link target is longer than \(Self.maxPathBytes) bytes") }
        let parent = try openParent(parts, name: name, create: true)
        defer { close(parent) }
        guard let leaf = parts.last else { return }
        if symlinkat(target, parent, leaf) != 0 {
            var e = errno
            if e == EEXIST, unlinkat(parent, leaf, 0) == 0 {
                e = symlinkat(target, parent, leaf) == 0 ? 0 : errno
            }
            if e != 0 { throw Self.osError("cannot create the link", root + "/" + parts.joined(separator: "/"), e) }
        }
        links[parts.joined(separator: "/")] = target
    }

    /// Proves that every link, followed through all the others as the kernel would, stays inside:
    /// done once all members exist, since a later link can change what an earlier one means.
    func checkLinks() throws {
        for (path, target) in links.sorted(by: { $0.key < $1.key }) {
            var hops = 0
            var folder = path.split(separator: "/").map(String.init)
            folder.removeLast()
            guard resolve(target, from: folder, hops: &hops) != nil else {
                throw refuse(path, hops > Self.maxLinkHops
                    ? "its link '\(target)' loops through other links"
                    : "its link '\(target)' leads outside \(root) through the links in the package")
            }
        }
    }

    /// Where `target`, taken relative to the folder `base` (components below the root), leads;
    /// nil when it leaves the root, is absolute, or takes more than `maxLinkHops` links.
    private func resolve(_ target: String, from base: [String], hops: inout Int) -> [String]? {
        if target.hasPrefix("/") { return nil }
        var at = base
        for part in target.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if at.isEmpty { return nil }
                at.removeLast()
                continue
            }
            at.append(String(part))
            if let next = links[at.joined(separator: "/")] {
                hops += 1
                if hops > Self.maxLinkHops { return nil }
                at.removeLast()
                guard let resolved = resolve(next, from: at, hops: &hops) else { return nil }
                at = resolved
            }
        }
        return at
    }
}
