// credential_process: a profile's command, run without a shell (argv split as Python's shlex.split
// does), whose standard output is JSON Version 1: AccessKeyId, SecretAccessKey, optional
// SessionToken and Expiration. A failing command is reported with its status and the first line
// of its standard error; its output is never shown (it holds secrets).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum CredentialProcess {
    static func credentials(command: String, profile: String, environment: [String: String]) throws(AWSError) -> AWSCredentials {
        let source = "credential_process of profile '\(profile)'"
        guard let argv = shellWords(command), let program = argv.first else {
            throw AWSError(.configuration, "\(source): cannot split the command (unbalanced quotes?)")
        }
        let result = try run(argv, environment: environment, what: source)
        guard result.status == 0 else {
            let firstLine = String(decoding: result.stderr, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).first
                .map { String($0).trimmingSpaces } ?? ""
            throw AWSError(.configuration, "\(source): \(program) exited with status \(result.status)"
                           + (firstLine.isEmpty ? "" : ": \(firstLine)"))
        }
        guard let fields = JSONObject.strings(String(decoding: result.stdout, as: UTF8.self)) else {
            throw AWSError(.configuration, "\(source): the output of \(program) is not a JSON object")
        }
        guard fields["Version"] == "1" else {
            throw AWSError(.configuration, "\(source): unsupported Version \(fields["Version"] ?? "(missing)") (only 1 is)")
        }
        return try credentials(from: fields, source: source, tokenKey: "SessionToken")
    }

    /// AccessKeyId, SecretAccessKey, the token under `tokenKey`, Expiration (ISO 8601), as the
    /// JSON-answering providers give them.
    static func credentials(from fields: [String: String], source: String, tokenKey: String) throws(AWSError) -> AWSCredentials {
        guard let key = fields["AccessKeyId"], !key.isEmpty else { throw AWSError(.configuration, "\(source): no AccessKeyId in the answer") }
        guard let secret = fields["SecretAccessKey"], !secret.isEmpty else {
            throw AWSError(.configuration, "\(source): no SecretAccessKey in the answer")
        }
        var expiration: Double?
        if let text = fields["Expiration"] {
            guard let parsed = Timestamp.parseISO8601(text) else {
                throw AWSError(.configuration, "\(source): Expiration '\(text)' is not an ISO 8601 time")
            }
            expiration = parsed
        }
        let token = fields[tokenKey].flatMap { $0.isEmpty ? nil : $0 }
        return AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token, expiration: expiration, source: source)
    }

    /// Python's shlex.split (POSIX mode, no comments): words split on whitespace; '…' literal;
    /// "…" with \ escaping only \ and "; \ outside quotes escaping the next character.
    /// Nil for an unterminated quote or a trailing backslash.
    static func shellWords(_ text: String) -> [String]? {
        var words: [String] = []
        var word = ""
        var inWord = false
        var chars = Array(text).makeIterator()
        while let c = chars.next() {
            switch c {
            case " ", "\t", "\n", "\r", "\r\n":
                if inWord { words.append(word); word = ""; inWord = false }
            case "'":
                inWord = true
                while true {
                    guard let d = chars.next() else { return nil }
                    if d == "'" { break }
                    word.append(d)
                }
            case "\"":
                inWord = true
                while true {
                    guard let d = chars.next() else { return nil }
                    if d == "\"" { break }
                    if d == "\\" {
                        guard let e = chars.next() else { return nil }
                        if e != "\\" && e != "\"" { word.append("\\") }
                        word.append(e)
                    } else {
                        word.append(d)
                    }
                }
            case "\\":
                guard let d = chars.next() else { return nil }
                inWord = true
                word.append(d)
            default:
                inWord = true
                word.append(c)
            }
        }
        if inWord { words.append(word) }
        return words
    }

    struct Outcome {
        var status: Int32
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    /// Runs `argv` (looked up on the environment's PATH) with that environment; both outputs read
    /// to the end at once (poll), so a chatty standard error cannot block the child.
    static func run(_ argv: [String], environment: [String: String], what: String) throws(AWSError) -> Outcome {
        var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0 else { throw AWSError(.configuration, "\(what): pipe failed") }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw AWSError(.configuration, "\(what): pipe failed")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        for fd in [outPipe[0], outPipe[1], errPipe[0], errPipe[1]] { posix_spawn_file_actions_addclose(&actions, fd) }

        let program = resolve(argv[0], path: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
        let cArgs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        let cEnv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in cArgs + cEnv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, cArgs, cEnv)
        close(outPipe[1]); close(errPipe[1])
        guard spawned == 0 else {
            close(outPipe[0]); close(errPipe[0])
            throw AWSError(.configuration, "\(what): cannot run \(argv[0]): \(String(cString: strerror(spawned)))")
        }
        var out: [UInt8] = [], err: [UInt8] = []
        var fds = [pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0), pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)]
        var open = 2
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while open > 0 {
            if poll(&fds, nfds_t(fds.count), -1) < 0 { if errno == EINTR { continue }; break }
            for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { read(fds[i].fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if i == 0 { out.append(contentsOf: buffer[0..<n]) } else { err.append(contentsOf: buffer[0..<n]) }
                } else if n == 0 || errno != EINTR {
                    close(fds[i].fd); fds[i].fd = -1; open -= 1
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, spelled out (the C macros are not imported).
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return Outcome(status: exitStatus, stdout: out, stderr: err)
    }

    /// A program name with a '/' as it is; otherwise the first executable of that name on PATH.
    private static func resolve(_ name: String, path: String) -> String {
        guard !name.contains("/") else { return name }
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return name
    }
}
