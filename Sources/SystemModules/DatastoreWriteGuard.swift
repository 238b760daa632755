// Opening a file for writing anywhere but inside a datastore, which mfsh never writes (tag
// mutation aside).
//
// Path text proves nothing: a symlink to `.metaflow`, `/proc/self/cwd/...`, a root configured
// through a symlink or a bind mount all name the datastore in other words. So the check is made on
// what the kernel opened: the folder that will hold the file is opened first, and it and each of
// its ancestors (walked with openat("..")) are compared by device and inode with the configured
// root. The file itself is then created relative to that folder's descriptor with O_NOFOLLOW, so
// nothing swapped in between the check and the write is followed. Any folder named `.metaflow`
// (every local datastore's name, including the roots recorded in other datastores) is refused too.
import MFSInterpreter
import MetaflowClient
#if canImport(Glibc)
import Glibc
#endif

package struct DatastoreWriteGuard {
    /// Device and inode of the configured datastore root, when there is one that exists.
    private let root: (dev: UInt64, ino: UInt64)?

    package init(datastoreRoot: String?) {
        var st = stat()
        if let r = datastoreRoot, stat(r, &st) == 0 { root = (UInt64(st.st_dev), UInt64(st.st_ino)) } else { root = nil }
    }

    private static func refusal(_ path: String) -> PyException {
        PyException.builtin("PermissionError", "[Errno 13] mfsh does not write inside the datastore: \(PythonText.repr(path))")
    }

    /// Opens `path` with `flags` (which create or write) after proving that it is outside every
    /// datastore; the descriptor, or the OSError Python would raise.
    package func open(_ path: String, flags: Int32) throws -> Int32 {
        let target = try Self.followFinalLinks(path)
        var folder = FileSystem.dirname(target)
        let leaf = FileSystem.basename(target)
        if folder.isEmpty { folder = "." }
        let dirFD = Glibc.open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirFD >= 0 else { throw OsModule.osError(path) }
        defer { close(dirFD) }
        if try isInsideDatastore(dirFD) || leaf == ".metaflow" { throw Self.refusal(path) }
        if leaf.isEmpty || leaf == "." || leaf == ".." { throw OsModule.osError(path, errno: EISDIR) }
        let fd = openat(dirFD, leaf, flags | O_NOFOLLOW, 0o644)
        if fd < 0 {
            // The name became a link after it was followed above: someone is racing the check.
            if errno == ELOOP { throw Self.refusal(path) }
            throw OsModule.osError(path)
        }
        return fd
    }

    /// The path a write to `path` really lands on: the final component's links followed (each
    /// relative to its own folder), at most 40 of them as the kernel allows.
    static func followFinalLinks(_ path: String) throws -> String {
        var current = path
        for _ in 0..<40 {
            var st = stat()
            guard lstat(current, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK else { return current }
            guard let link = FileSystem.readLink(current) else { throw OsModule.osError(path) }
            if link.hasPrefix("/") {
                current = link
            } else {
                let folder = FileSystem.dirname(current)
                current = folder.isEmpty ? link : (folder == "/" ? "/" + link : folder + "/" + link)
            }
        }
        throw OsModule.osError(path, errno: ELOOP)
    }

    /// Whether the open folder `dirFD`, or any folder above it, is the configured root or a
    /// folder named `.metaflow`.
    private func isInsideDatastore(_ dirFD: Int32) throws -> Bool {
        if let real = Self.realPath(dirFD), real.split(separator: "/").contains(".metaflow") { return true }
        guard let root else { return false }
        var fd = dup(dirFD)
        defer { if fd >= 0 { close(fd) } }
        var previous: (UInt64, UInt64)?
        for _ in 0..<4096 {
            var st = stat()
            guard fd >= 0, fstat(fd, &st) == 0 else { return false }
            let here = (UInt64(st.st_dev), UInt64(st.st_ino))
            if here == root { return true }
            if let previous, previous == here { return false }  // "/" is its own parent
            previous = here
            let up = openat(fd, "..", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            close(fd)
            fd = up
        }
        return false
    }

    /// The folder's absolute path as the kernel knows it (links resolved), from /proc.
    private static func realPath(_ dirFD: Int32) -> String? {
        FileSystem.readLink("/proc/self/fd/\(dirFD)").flatMap { $0.isEmpty ? nil : $0 }
    }
}
