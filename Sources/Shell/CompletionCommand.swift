// `mfsh --complete TEXT`: what a Tab after TEXT would offer, one candidate per line, for tests and
// the benchmark (Scripts/bench-shell). With MFSH_COMPLETION_TIMING set, stderr gets the time of
// the first completion and of the same completion repeated (served from the session's cache).
import MetaflowClient
import MFSInterpreter

extension MFShell {
    public func printCompletions(_ text: String) -> Int32 {
        let completion = Completion(context: context) { [unowned self] in self.runPendingPrelude() }
        let t0 = CompletionListings.now()
        let first = Self.matches(completion.complete(text), text)
        let t1 = CompletionListings.now()
        let again = Self.matches(completion.complete(text), text)
        let t2 = CompletionListings.now()
        if FileSystem.environment("MFSH_COMPLETION_TIMING") != nil {
            writeErr("completion: first \(Self.milliseconds(t1 - t0)) ms, repeated \(Self.milliseconds(t2 - t1)) ms, "
                     + "\(first.count) candidates, \(completion.listings.misses) listing(s) read\n")
        }
        guard first == again else {
            writeErr("mfsh: completion changed between two calls\n")
            return 1
        }
        StandardOutput.stdout.write(first.map { $0 + "\n" }.joined())
        StandardOutput.stdout.flush()
        return 0
    }

    /// The candidates a Tab would consider: those extending the word before the cursor.
    static func matches(_ result: (Int, [String]), _ text: String) -> [String] {
        let typed = Array(text.utf8)
        let word = Array(typed[min(result.0, typed.count)...])
        return word.isEmpty ? result.1 : result.1.filter { $0.utf8.starts(with: word) }
    }

    static func milliseconds(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10_000).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
