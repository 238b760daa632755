// The Prelude: the one the binary carries (PreludeEmbedded.swift, written by Scripts/make-prelude
// from Prelude/*.mfs), or, for working on it, the *.mfs files of the folder MFSH_PRELUDE names.
import MetaflowClient

enum Prelude {
    /// A Prelude file: the name tracebacks show, and its source.
    typealias File = (path: String, source: String)

    /// The files to run, in order, with warnings for those that could not be read.
    static func files() -> (files: [File], warnings: [String]) {
        guard let dir = FileSystem.environment("MFSH_PRELUDE"), !dir.isEmpty else {
            return (EmbeddedPrelude.files.map { ("<prelude>/" + $0.name, $0.source + "\n") }, [])
        }
        guard FileSystem.isDirectory(dir) else {
            return ([], ["MFSH_PRELUDE=\(dir) is not a folder; continuing without the Prelude"])
        }
        var files: [File] = []
        var warnings: [String] = []
        let names = (FileSystem.list(dir) ?? []).filter { $0.hasSuffix(".mfs") && !$0.hasPrefix(".") }.sorted()
        for name in names {
            let path = dir + "/" + name
            if let source = try? FileSystem.readText(path) { files.append((path, source)) }
            else { warnings.append("cannot read \(path); skipped") }
        }
        return (files, warnings)
    }
}
