import Testing
@testable import Shell
import MFSInterpreter
#if canImport(Glibc)
import Glibc
#endif

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

    @Test func repeatedCompletionIsServedFromTheCache() throws {
        let s = try shell()
        let c = Completion(context: s.context)
        let first = c.complete(#"Run("TrainFlow/"#)
        let misses = c.listings.misses
        #expect(misses == 1)
        let again = c.complete(#"Run("TrainFlow/"#)
        #expect(again.1 == first.1)
        #expect(c.listings.misses == misses)
    }

    @Test func aNewRunInvalidatesTheCachedListing() throws {
        var template = Array("/tmp/mfsh-completion-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { Issue.record("mkdtemp failed"); return }
        let dir = String(cString: made)
        defer { _ = system("rm -rf '\(dir)'") }
        #expect(system("cp -r '\(Self.demo)/.metaflow' '\(dir)/'") == 0)
        var o = ShellOptions()
        o.datastoreRoot = dir
        o.allNamespaces = true
        o.noPrelude = true
        let s = try MFShell(options: o)
        let c = Completion(context: s.context)
        let before = c.complete(#"Run("TrainFlow/"#).1
        guard let newest = before.first?.dropLast() else { Issue.record("no runs listed"); return }
        // A run newer than all others: the newest's record with a new id and a later ts_epoch.
        let flow = dir + "/.metaflow/TrainFlow"
        let script = "mkdir -p '\(flow)/9\(newest)/_meta' && sed -e 's/\(newest)/9\(newest)/' -e 's/\"ts_epoch\": \\([0-9]*\\)/\"ts_epoch\": 9\\1/' "
            + "'\(flow)/\(newest)/_meta/_self.json' > '\(flow)/9\(newest)/_meta/_self.json'"
        #expect(system(script) == 0)
        let after = c.complete(#"Run("TrainFlow/"#).1
        #expect(after.first == "9\(newest)/")
        #expect(after.count == before.count + 1)
        #expect(c.listings.misses == 2)
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

    @Test func longListsShowWhatFitsAndCountTheRest() {
        let ids = (1...10_000).map { String(1_795_000_000_000_000 - $0) + "/" }
        let text = Completion.listing(ids, width: 80, rows: 20)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 20)
        #expect(lines.first?.hasPrefix(ids[0]) == true)
        #expect(lines.last?.hasPrefix("… and ") == true)
        #expect(Completion.listing(["a", "b"], width: 80, rows: 20) == "a  b")
    }

    @Test func columnsFitTheWidth() {
        let text = Completion.columns(["alpha", "beta", "gamma", "delta"], width: 16)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 16 })
        #expect(text.split(separator: "\n").count == 2)
    }
}
