import Foundation

/// The repository's top directory (for the oracle venv and the stand-in scripts).
let repoTop: String = {
    let parts = "\(#filePath)".split(separator: "/").dropLast(3)
    return "/" + parts.joined(separator: "/")
}()

struct PythonFailed: Error, CustomStringConvertible {
    let description: String
}

/// Runs a Python program with `input` on its standard input and returns its standard output.
/// Output goes through a file: reading a pipe from Foundation's Process hung under the test runner.
/// A missing interpreter is an error with the reason, never a skip.
func runPython(_ script: String, input: String = "", python: String = "python3", arguments: [String] = []) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mfsh-aws-py-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let inPath = dir.appendingPathComponent("in").path, outPath = dir.appendingPathComponent("out").path
    let errPath = dir.appendingPathComponent("err").path
    _ = FileManager.default.createFile(atPath: inPath, contents: Data(input.utf8))
    _ = FileManager.default.createFile(atPath: outPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errPath, contents: nil)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: python.hasPrefix("/") ? python : "/usr/bin/env")
    p.arguments = (python.hasPrefix("/") ? [] : [python]) + ["-c", script] + arguments
    p.standardInput = FileHandle(forReadingAtPath: inPath)
    p.standardOutput = FileHandle(forWritingAtPath: outPath)
    p.standardError = FileHandle(forWritingAtPath: errPath)
    do { try p.run() } catch { throw PythonFailed(description: "cannot run \(python): \(error)") }
    p.waitUntilExit()
    let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    guard p.terminationStatus == 0 else {
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        throw PythonFailed(description: "\(python) failed (status \(p.terminationStatus)): \(err.suffix(2000))")
    }
    return out
}

/// The oracle venv's interpreter, which has botocore.
func oraclePython() throws -> String {
    let python = repoTop + "/.build-venv/bin/python"
    guard FileManager.default.isExecutableFile(atPath: python) else {
        throw PythonFailed(description: "\(python) is missing: run Scripts/venv (botocore is the signing oracle)")
    }
    return python
}

func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
