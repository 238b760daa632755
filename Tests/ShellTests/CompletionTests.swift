import Testing
@testable import Shell
import MFSInterpreter

/// Completion on the committed demo datastore (real Metaflow output).
@Suite(.serialized) struct CompletionTests {
    static let demo: String = {
        let here = "\(#filePath)"
        let tests = here.split(separator: "/").dropLast(3).joined(separator: "/")
        return "/" + tests + "/Tests/Fixtures/demo"
    }()

    func shell() throws -> MFShell {
        var o = ShellOptions()
        o.datastoreRoot = Self.demo
        o.allNamespaces = true
        o.noPrelude = true
        return try MFShell(options: o)
    }

    func complete(_ shell: MFShell, _ text: String) -> (String, [String]) {
        let (start, candidates) = Completion(context: shell.context).complete(text)
        let bytes = Array(text.utf8)
        let word = String(decoding: bytes[min(start, bytes.count)...], as: UTF8.self)
        return (word, candidates.filter { $0.hasPrefix(word) })
    }

    @Test func flowNamesInsideFlowString() throws {
        let s = try shell()
        let (word, c) = complete(s, #"Flow("Tr"#)
        #expect(word == "Tr")
        #expect(c == ["TrainFlow/"])
    }

    @Test func runIdsNewestFirstThenSteps() throws {
        let s = try shell()
        let (_, runs) = complete(s, #"Run("TrainFlow/"#)
        #expect(runs.count >= 3)
        let latest = try s.interpreter.executeInteractive(source: #"Flow("TrainFlow").latest_run.id"#)
        if case .str(let id)? = latest { #expect(runs.first == id + "/") } else { Issue.record("no latest run id") }
        let (_, steps) = complete(s, "Step(\"TrainFlow/\(runs[0])")
        #expect(Set(steps) == ["start/", "train/", "join/", "end/", "_parameters/"])
    }

    @Test func stepKeysAndAttributes() throws {
        let s = try shell()
        _ = try s.interpreter.executeInteractive(source: #"r = Flow("TrainFlow").latest_run"#)
        #expect(complete(s, #"r["e"#).1 == ["end"])
        #expect(complete(s, "r.succ").1 == ["successful"])
        #expect(complete(s, #"r["end"].task.data.acc"#).1 == ["accuracy"])
    }

    @Test func namesInScopeAndKeywords() throws {
        let s = try shell()
        #expect(complete(s, "get_nam").1 == ["get_namespace"])
        #expect(complete(s, "Fl").1.contains("Flow"))
        #expect(complete(s, "whi").1 == ["while"])
    }

    @Test func arbitraryCallsAreNotRunForCompletion() throws {
        let s = try shell()
        _ = try s.interpreter.executeInteractive(source: "hits = []\ndef f():\n    hits.append(1)\n    return 'x'\n")
        _ = complete(s, "f().up")
        let hits = try s.interpreter.executeInteractive(source: "len(hits)")
        if case .int(let n)? = hits { #expect(n == 0) } else { Issue.record("len(hits) not an int") }
    }
}

@Suite struct HistoryPolicyTests {
    @Test func blankAndSecretLinesAreNotStored() {
        #expect(HistoryPolicy.entry(for: "   ") == nil)
        #expect(HistoryPolicy.entry(for: "token = 'abc'") == nil)
        #expect(HistoryPolicy.entry(for: "METAFLOW_SERVICE_AUTH_KEY") == nil)
        #expect(HistoryPolicy.entry(for: "  Flow('X')  ") == "Flow('X')")
    }

    @Test func columnsFitTheWidth() {
        let text = Completion.columns(["alpha", "beta", "gamma", "delta"], width: 16)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 16 })
        #expect(text.split(separator: "\n").count == 2)
    }
}
