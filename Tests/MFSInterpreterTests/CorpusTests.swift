// Differential tests: every Tests/Language/*.py program must produce byte-identical stdout
// (and, when it ends in an uncaught exception, stderr) under CPython 3.11 and the interpreter.
import Foundation
import Testing
@testable import MFSInterpreter

struct ProgramOutput: Equatable {
    var stdout: String
    var stderr: String
}

enum Oracle {
    static let languageDir: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Language")

    static func corpusFiles() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: languageDir.path)) ?? []
        // MFS_CORPUS_PREFIX=gen_ narrows a run to the programs whose names start with it (while developing).
        let prefix = ProcessInfo.processInfo.environment["MFS_CORPUS_PREFIX"] ?? ""
        return names.filter { $0.hasSuffix(".py") && $0.hasPrefix(prefix) }.sorted().map { languageDir.appendingPathComponent($0) }
    }

    /// Locates python3 on PATH and checks it is CPython 3.11.
    static func python() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            let candidate = "\(dir)/python3"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw OracleError.missing("python3 (CPython 3.11) is not on PATH; the differential corpus needs it as the oracle")
    }

    static func runPython(_ file: URL) throws -> ProgramOutput {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try python())
        p.arguments = [file.path]
        var env = ProcessInfo.processInfo.environment
        env["PYTHONHASHSEED"] = "0"
        env["PYTHONIOENCODING"] = "utf-8"
        p.environment = env
        p.currentDirectoryURL = file.deletingLastPathComponent()
        // stderr goes to a file: a long traceback (mutual recursion prints ~2,000 lines) would fill a pipe
        // and block the child while this side still waits for the end of stdout.
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("mfs-oracle-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let errHandle = try FileHandle(forWritingTo: errURL)
        let out = Pipe()
        p.standardOutput = out
        p.standardError = errHandle
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try errHandle.close()
        let e = try Data(contentsOf: errURL)
        return ProgramOutput(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func runInterpreter(_ file: URL) throws -> ProgramOutput {
        let source = try String(contentsOf: file, encoding: .utf8)
        let out = StringOutputSink(), err = StringOutputSink()
        let interp = Interpreter(stdout: out, stderr: err)
        interp.argv = [file.path]
        do {
            try interp.execute(source: source, filename: file.path)
        } catch let e as UncaughtException {
            if !e.isSystemExit || e.exitCode != 0 {
                if e.isSystemExit, case .str(let s)? = e.exception.instance.args.first { err.write(s + "\n") }
                else if !e.isSystemExit { err.write(e.tracebackText) }
            }
        }
        return ProgramOutput(stdout: out.text, stderr: err.text)
    }
}

enum OracleError: Error, CustomStringConvertible {
    case missing(String)
    var description: String { if case .missing(let m) = self { return m }; return "" }
}

/// A short line-oriented diff for failure messages.
func lineDiff(_ expected: String, _ actual: String) -> String {
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(e.count, a.count) {
        let x = i < e.count ? String(e[i]) : nil
        let y = i < a.count ? String(a[i]) : nil
        if x != y {
            if let x { out.append("- \(x)") }
            if let y { out.append("+ \(y)") }
            if out.count > 24 { out.append("..."); break }
        } else if let x, out.isEmpty == false, out.count < 24 {
            out.append("  \(x)")
        }
    }
    return out.joined(separator: "\n")
}

@Suite struct LanguageCorpus {
    @Test func corpusIsPresent() {
        if ProcessInfo.processInfo.environment["MFS_CORPUS_PREFIX"] != nil { return }
        #expect(Oracle.corpusFiles().count >= 100, "Tests/Language should hold the differential corpus")
    }

    @Test(arguments: Oracle.corpusFiles().map { $0.lastPathComponent })
    func matchesCPython(_ name: String) throws {
        let file = Oracle.languageDir.appendingPathComponent(name)
        let expected = try Oracle.runPython(file)
        let actual = try Oracle.runInterpreter(file)
        #expect(actual.stdout == expected.stdout, "stdout differs for \(name) (- CPython, + mfs):\n\(lineDiff(expected.stdout, actual.stdout))")
        #expect(actual.stderr == expected.stderr, "stderr differs for \(name) (- CPython, + mfs):\n\(lineDiff(expected.stderr, actual.stderr))")
    }
}
