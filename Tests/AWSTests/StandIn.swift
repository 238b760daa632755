import Foundation
import HTTP
import Synchronization
@testable import AWS

/// The loopback stand-in for STS, the container endpoint and IMDS (standins/aws_standin.py),
/// started on a free port of 127.0.0.1 and killed by PID when the test drops it.
final class AWSStandIn {
    let process = Process()
    let port: Int
    let workdir: URL

    init() throws {
        workdir = FileManager.default.temporaryDirectory.appendingPathComponent("mfsh-aws-standin-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workdir, withIntermediateDirectories: true)
        let script = repoTop + "/Tests/AWSTests/standins/aws_standin.py"
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, workdir.path]
        do { try process.run() } catch { throw PythonFailed(description: "cannot start python3 for the AWS stand-in: \(error)") }
        let portFile = workdir.appendingPathComponent("port").path
        var found: Int?
        for _ in 0..<1200 {  // 30 s: a loaded CI machine starts python3 slowly
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8), let p = Int(text) { found = p; break }
            if !process.isRunning { break }
            usleep(25_000)
        }
        guard let found else {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            throw PythonFailed(description: "the AWS stand-in (python3 \(script)) did not start within 30 s")
        }
        port = found
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: workdir)
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// What the stand-in accepts and answers (read at each request).
    func setState(_ state: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: state)
        let tmp = workdir.appendingPathComponent("state.tmp")
        try data.write(to: tmp)
        // rename(2): the stand-in never reads a half-written state.
        guard rename(tmp.path, workdir.appendingPathComponent("state.json").path) == 0 else {
            throw PythonFailed(description: "cannot write the stand-in's state")
        }
    }

    /// The requests it received, in order.
    func log() -> [[String: Any]] {
        guard let text = try? String(contentsOf: workdir.appendingPathComponent("log.jsonl"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }
}

/// libcurl's client behind a lock, counting requests: the `send` the chain is given.
final class CountingSender: @unchecked Sendable {
    private let client = Mutex(HTTPClient(environment: [:]))
    private let count = Atomic<Int>(0)

    var sent: Int { count.load(ordering: .relaxed) }

    var send: @Sendable (HTTPRequest) throws(HTTPError) -> HTTPResponse {
        { [self] (request: HTTPRequest) throws(HTTPError) -> HTTPResponse in
            count.add(1, ordering: .relaxed)
            return try client.withLock { (c: inout HTTPClient) throws(HTTPError) -> HTTPResponse in try c.send(request) }
        }
    }
}

/// A settable clock for refresh tests.
final class TestClock: @unchecked Sendable {
    private let time: Mutex<Double>
    init(_ start: Double) { time = Mutex(start) }
    var now: Double {
        get { time.withLock { $0 } }
        set { time.withLock { $0 = newValue } }
    }
    var read: @Sendable () -> Double { { [self] in now } }
}

/// A temporary HOME with ~/.aws files.
final class TempHome {
    let path: String
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("mfsh-aws-home-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path + "/.aws", withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String, executable: Bool = false) throws {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: full) }
    }

    /// An environment with this HOME, PATH for credential_process, IMDS off unless asked for.
    func environment(_ extra: [String: String] = [:], imds: Bool = false) -> [String: String] {
        var env = ["HOME": path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        if !imds { env["AWS_EC2_METADATA_DISABLED"] = "true" }
        return env.merging(extra) { _, new in new }
    }
}

/// A chain whose container endpoint is the stand-in and whose retries do not sleep.
func testChain(_ environment: [String: String], sender: CountingSender = CountingSender(), standIn: AWSStandIn? = nil,
               clock: TestClock? = nil) -> AWSCredentialChain {
    var now: @Sendable () -> Double = { AWSCredentialChain.wallClock() }
    if let clock { now = clock.read }
    let base = (standIn?.url ?? "http://127.0.0.1:9") + "/container"
    return AWSCredentialChain(environment: environment, send: sender.send, now: now, containerBaseURL: base, pause: { _ in })
}

/// The error a throwing call gave, for message checks.
func awsError(_ body: () throws -> AWSCredentials) -> AWSError? {
    do { _ = try body(); return nil } catch let error as AWSError { return error } catch { return nil }
}
