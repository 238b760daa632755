// SystemModules: what scripts use to reach the operating system — a read-only `os` / `os.path`,
// `open()`, and the guard that keeps writes out of the datastore. It knows no client object and
// nothing of the terminal; from MetaflowClient it uses only the file-system helpers.
//
// A read-only `os` / `os.path` for scripts that look at files next to their analysis, e.g. what
// `run.code.extract()` unpacked: listing folders, testing and naming paths, the environment.
// Nothing here writes, renames or deletes.
import MFSInterpreter
import MetaflowClient
#if canImport(Glibc)
import Glibc
#endif

package enum OsModule {
    package static func register(in interpreter: Interpreter, environment: [String: String]) {
        let pathFunctions = pathMembers()
        let path = interpreter.moduleValue("posixpath", pathFunctions)
        interpreter.registerModule("os.path", pathFunctions)
        var members = pathShared()
        members += [
            ("path", path),
            fn("getcwd") { _, _ in .str(FileSystem.currentDirectory()) },
            fn("listdir") { args, _ in
                let dir = try string(args.first ?? .str("."), "listdir")
                guard let names = FileSystem.list(dir) else { throw osError(dir) }
                return .newList(names.map { .str($0) })
            },
            fn("getenv") { args, _ in
                let key = try string(args.first ?? .none, "getenv")
                return environment[key].map { .str($0) } ?? (args.count > 1 ? args[1] : Value.none)
            },
            ("environ", (try? Value.newDict(environment.sorted { $0.key < $1.key }.map { (.str($0.key), .str($0.value)) })) ?? Value.none),
            ("name", .str("posix")),
            ("linesep", .str("\n")),
        ]
        interpreter.registerModule("os", members)
    }

    private static func fn(_ name: String, _ body: @escaping ([Value], [(String, Value)]) throws -> Value) -> (String, Value) {
        (name, .newBuiltin(name, body))
    }

    private static func pathShared() -> [(String, Value)] {
        [("sep", .str("/")), ("curdir", .str(".")), ("pardir", .str(".."))]
    }

    private static func pathMembers() -> [(String, Value)] {
        pathShared() + [
            fn("join") { args, _ in
                guard !args.isEmpty else { throw PyException.typeError("join() missing 1 required positional argument: 'a'") }
                var out = ""
                for (i, a) in args.enumerated() {
                    let p = try string(a, "join")
                    if p.hasPrefix("/") || i == 0 { out = p } else if out.isEmpty || out.hasSuffix("/") { out += p } else { out += "/" + p }
                }
                return .str(out)
            },
            fn("exists") { args, _ in .bool(FileSystem.exists(try string(args.first ?? .none, "exists"))) },
            fn("isdir") { args, _ in .bool(FileSystem.isDirectory(try string(args.first ?? .none, "isdir"))) },
            fn("isfile") { args, _ in .bool(FileSystem.isFile(try string(args.first ?? .none, "isfile"))) },
            fn("getsize") { args, _ in
                let p = try string(args.first ?? .none, "getsize")
                guard let n = FileSystem.size(p) else { throw osError(p) }
                return .int(n)
            },
            fn("basename") { args, _ in
                let p = try string(args.first ?? .none, "basename")
                return .str(p.lastIndex(of: "/").map { String(p[p.index(after: $0)...]) } ?? p)
            },
            fn("dirname") { args, _ in .str(dirname(try string(args.first ?? .none, "dirname"))) },
            fn("split") { args, _ in
                let p = try string(args.first ?? .none, "split")
                let tail = p.lastIndex(of: "/").map { String(p[p.index(after: $0)...]) } ?? p
                return .tuple([.str(dirname(p)), .str(tail)])
            },
            fn("splitext") { args, _ in
                let p = try string(args.first ?? .none, "splitext")
                let (root, ext) = splitext(p)
                return .tuple([.str(root), .str(ext)])
            },
            fn("isabs") { args, _ in .bool(try string(args.first ?? .none, "isabs").hasPrefix("/")) },
            fn("abspath") { args, _ in
                let p = try string(args.first ?? .none, "abspath")
                return .str(normpath(p.hasPrefix("/") ? p : FileSystem.currentDirectory() + "/" + p))
            },
            fn("normpath") { args, _ in .str(normpath(try string(args.first ?? .none, "normpath"))) },
            fn("islink") { args, _ in
                var st = stat()
                return .bool(lstat(try string(args.first ?? .none, "islink"), &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK)
            },
            fn("lexists") { args, _ in
                var st = stat()
                return .bool(lstat(try string(args.first ?? .none, "lexists"), &st) == 0)
            },
            fn("realpath") { args, kw in
                let p = try string(args.first ?? .none, "realpath")
                let strict = try kw.first { $0.0 == "strict" }.map { try boolean($0.1, "realpath") } ?? false
                return .str(try realpath(p, strict: strict))
            },
            fn("samefile") { args, _ in
                guard args.count == 2 else { throw PyException.typeError("samefile() takes 2 positional arguments but \(args.count) were given") }
                let (a, b) = (try string(args[0], "samefile"), try string(args[1], "samefile"))
                var sa = stat(), sb = stat()
                guard stat(a, &sa) == 0 else { throw osError(a) }
                guard stat(b, &sb) == 0 else { throw osError(b) }
                return .bool(sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino)
            },
            fn("expanduser") { args, _ in
                let p = try string(args.first ?? .none, "expanduser")
                guard p == "~" || p.hasPrefix("~/"), let home = FileSystem.environment("HOME") else { return .str(p) }
                return .str(home + p.dropFirst())
            },
        ]
    }

    private static func string(_ v: Value, _ fn: String) throws -> String {
        guard case .str(let s) = v else {
            throw PyException.typeError("\(fn)(): expected str, bytes or os.PathLike object, not \(v.typeName)")
        }
        return s
    }

    /// Python's OSError subclass and message for a failed call on `path` (errno as left by it).
    package static func osError(_ path: String, errno e: Int32 = errno) -> PyException {
        let code = e == 0 ? ENOENT : e
        let name: String
        switch code {
        case ENOENT: name = "FileNotFoundError"
        case ENOTDIR: name = "NotADirectoryError"
        case EACCES, EPERM: name = "PermissionError"
        case EEXIST: name = "FileExistsError"
        case EISDIR: name = "IsADirectoryError"
        default: name = "OSError"
        }
        return PyException.builtin(name, "[Errno \(code)] \(String(cString: strerror(code))): \(PythonText.repr(path))")
    }

    private static func boolean(_ v: Value, _ fn: String) throws -> Bool {
        switch v {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .none: return false
        default: throw PyException.typeError("\(fn)(): strict must be a bool, not \(v.typeName)")
        }
    }

    /// posixpath.join of two parts.
    static func join(_ a: String, _ b: String) -> String {
        if b.hasPrefix("/") { return b }
        return a.isEmpty || a.hasSuffix("/") ? a + b : a + "/" + b
    }

    /// posixpath.realpath: symbolic links resolved component by component (posixpath._joinrealpath);
    /// a missing part or a link loop ends resolution and keeps the rest as written, unless strict.
    static func realpath(_ p: String, strict: Bool) throws -> String {
        var seen: [String: String?] = [:]
        let path = try joinRealpath("", p, strict: strict, seen: &seen).path
        return normpath(path.hasPrefix("/") ? path : join(FileSystem.currentDirectory(), path))
    }

    private static func joinRealpath(_ start: String, _ rest: String, strict: Bool, seen: inout [String: String?]) throws -> (path: String, ok: Bool) {
        var path = start
        var rest = Substring(rest)
        if rest.hasPrefix("/") { rest = rest.dropFirst(); path = "/" }
        while !rest.isEmpty {
            let name: Substring
            if let slash = rest.firstIndex(of: "/") { name = rest[..<slash]; rest = rest[rest.index(after: slash)...] } else { name = rest; rest = "" }
            if name.isEmpty || name == "." { continue }
            if name == ".." {
                if path.isEmpty { path = ".." } else {
                    let tail = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
                    path = dirname(path)
                    if tail == ".." { path = join(join(path, ".."), "..") }
                }
                continue
            }
            let newPath = join(path, String(name))
            var st = stat()
            guard lstat(newPath, &st) == 0 else {
                if strict { throw osError(newPath) }
                path = newPath
                continue
            }
            guard (st.st_mode & S_IFMT) == S_IFLNK else { path = newPath; continue }
            if let cached = seen[newPath] {
                if let resolved = cached { path = resolved; continue }
                // Seen but not resolved: a loop.
                if strict { throw osError(newPath, errno: ELOOP) }
                return (join(newPath, String(rest)), false)
            }
            seen[newPath] = .some(nil)
            let (resolved, ok) = try joinRealpath(path, try readLink(newPath), strict: strict, seen: &seen)
            if !ok { return (join(resolved, String(rest)), false) }
            path = resolved
            seen[newPath] = .some(resolved)
        }
        return (path, true)
    }

    private static func readLink(_ path: String) throws -> String {
        guard let target = FileSystem.readLink(path) else { throw osError(path) }
        return target
    }

    /// posixpath.dirname: everything before the last '/', trailing slashes removed unless all slashes.
    static func dirname(_ p: String) -> String {
        guard let i = p.lastIndex(of: "/") else { return "" }
        var head = String(p[...i])
        if head.contains(where: { $0 != "/" }) { while head.hasSuffix("/") { head.removeLast() } }
        return head
    }

    /// posixpath.splitext: the extension starts at the last dot of the last component, unless
    /// the component is only dots before it (".bashrc" has none).
    static func splitext(_ p: String) -> (String, String) {
        let nameStart = p.lastIndex(of: "/").map { p.index(after: $0) } ?? p.startIndex
        guard let dot = p[nameStart...].lastIndex(of: "."), p[nameStart..<dot].contains(where: { $0 != "." }) else { return (p, "") }
        return (String(p[..<dot]), String(p[dot...]))
    }

    static func normpath(_ p: String) -> String {
        if p.isEmpty { return "." }
        let absolute = p.hasPrefix("/")
        let leading = absolute && p.hasPrefix("//") && !p.hasPrefix("///") ? "//" : (absolute ? "/" : "")
        var parts: [Substring] = []
        for c in p.split(separator: "/") where c != "." {
            if c == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            if c == "..", absolute { continue }
            parts.append(c)
        }
        let joined = leading + parts.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}
