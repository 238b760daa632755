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
        #expect(c == [#"TrainFlow")"#])
        // Inside Run(" a flow is a level of the pathspec, not the end of it.
        #expect(complete(s, #"Run('Tr"#).1 == ["TrainFlow/"])
    }

    @Test func runIdsNewestFirstThenSteps() throws {
        let s = try shell()
        let (_, runs) = complete(s, #"Run("TrainFlow/"#)
        #expect(runs.count >= 3)
        let latest = try s.interpreter.executeInteractive(source: #"Flow("TrainFlow").latest_run.id"#)
        if case .str(let id)? = latest { #expect(runs.first == id) } else { Issue.record("no latest run id") }
        // Run ids end the pathspec of Run(: no "/", and nothing is offered past them.
        #expect(!runs.contains { $0.contains("/") })
        #expect(complete(s, "Run(\"TrainFlow/\(runs[0])/").1.isEmpty)
        let (_, steps) = complete(s, "Step(\"TrainFlow/\(runs[0])/")
        #expect(Set(steps) == ["start", "train", "join", "end"])
        #expect(complete(s, "Step(\"TrainFlow/\(runs[0])/_").1 == ["_parameters\")"])
        #expect(complete(s, "Task(\"TrainFlow/\(runs[0])/e").1 == ["end/"])
    }

    @Test func taskIdsInTheOrderPythonListsThem() throws {
        let s = try shell()
        let run = try s.interpreter.executeInteractive(source: #"Flow("TrainFlow").latest_run.id"#)
        guard case .str(let id)? = run else { Issue.record("no latest run id"); return }
        let listed = try s.interpreter.executeInteractive(source: "[t.id for t in Step('TrainFlow/\(id)/train')]")
        guard case .list(let ids)? = listed else { Issue.record("no task list"); return }
        let expected = ids.items.compactMap { v -> String? in if case .str(let t) = v { return t }; return nil }
        #expect(complete(s, "Task(\"TrainFlow/\(id)/train/").1 == expected)
    }

    @Test func modulesAfterImportAndFrom() throws {
        let s = try shell()
        #expect(complete(s, "import js").1 == ["json"])
        #expect(complete(s, "x = 1; from itertoo").1 == ["itertools"])
        #expect(complete(s, "import os, ma").1 == ["math"])
        #expect(complete(s, "import metaf").1 == ["metaflow", "metaflow.cards", "metaflow.exception"])
        #expect(complete(s, "mat").1 != ["math"])
    }

    @Test func keysCloseTheSubscript() throws {
        let s = try shell()
        _ = try s.interpreter.executeInteractive(source: #"d = {"alpha": 1, "beta": 2, 'q"uote': 3}"#)
        #expect(complete(s, #"d["al"#).1 == [#"alpha"]"#])
        #expect(complete(s, #"d['b"#).1 == ["beta']"])
        #expect(!complete(s, #"d[""#).1.contains { $0.contains("\"") })
    }

    @Test func stepKeysAndAttributes() throws {
        let s = try shell()
        _ = try s.interpreter.executeInteractive(source: #"r = Flow("TrainFlow").latest_run"#)
        #expect(complete(s, #"r["e"#).1 == [#"end"]"#])
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
        guard let newest = before.first else { Issue.record("no runs listed"); return }
        // A run newer than all others: the newest's record with a new id and a later ts_epoch.
        let flow = dir + "/.metaflow/TrainFlow"
        let script = "mkdir -p '\(flow)/9\(newest)/_meta' && sed -e 's/\(newest)/9\(newest)/' -e 's/\"ts_epoch\": \\([0-9]*\\)/\"ts_epoch\": 9\\1/' "
            + "'\(flow)/\(newest)/_meta/_self.json' > '\(flow)/9\(newest)/_meta/_self.json'"
        #expect(system(script) == 0)
        let after = c.complete(#"Run("TrainFlow/"#).1
        #expect(after.first == "9\(newest)")
        #expect(after.count == before.count + 1)
        #expect(c.listings.misses == 2)
    }

    @Test func onlyTheCurrentNamespaceUnlessNone() throws {
        var o = ShellOptions()
        o.datastoreRoot = Self.demo
        o.noPrelude = true
        let s = try MFShell(options: o)
        let everyRun = try s.interpreter.executeInteractive(source: "namespace(None); [r.id for r in Flow('TrainFlow')]")
        let mine = try s.interpreter.executeInteractive(source: "namespace('user:alice'); [r.id for r in Flow('TrainFlow')]")
        guard case .list(let all)? = everyRun, case .list(let own)? = mine else { Issue.record("no run lists"); return }
        let ids = { (l: PyList) in l.items.compactMap { v -> String? in if case .str(let t) = v { return t }; return nil } }
        #expect(ids(own).count < ids(all).count)
        let c = Completion(context: s.context)
        #expect(c.complete(#"Run("TrainFlow/"#).1 == ids(own))
        guard let foreign = ids(all).first(where: { !ids(own).contains($0) }) else { Issue.record("no foreign run"); return }
        #expect(c.complete("Step(\"TrainFlow/\(foreign)/").1.isEmpty)
        _ = try s.interpreter.executeInteractive(source: "namespace(None)")
        #expect(c.complete(#"Run("TrainFlow/"#).1 == ids(all))
        #expect(!c.complete("Step(\"TrainFlow/\(foreign)/").1.isEmpty)
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
