import Testing
@testable import Shell

/// When the Prelude may wait for its first use (see PreludePlan), and what wakes it.
@Suite struct PreludePlanTests {
    func plan(_ source: String, shellGlobals: Set<String> = ["Flow", "Run"]) -> PreludePlan {
        var p = PreludePlan()
        p.add(source: source) { shellGlobals.contains($0) }
        return p
    }

    @Test func definitionsAndImportsMayWait() {
        let p = plan(#"""
            # a comment
            """Module docstring,
            with a line in column 0."""
            from metaflow import Flow, Run
            import math as m, json


            def runs(flow, *tags, n=None, successful=None, **kw):
                """Docstring.
            not a statement: still inside the string
                """
                if n:
                    x = f(1)
                return x


            def _cell(v, width=-3, fmt="{:.6g}"):
                return v
            LIMIT = 10
            NAME = 'x'
            """#)
        #expect(p.canDefer)
        #expect(p.triggers == ["runs", "_cell", "m", "json", "LIMIT", "NAME"])
        #expect(p.metaflowImports == ["Flow", "Run"])
    }

    @Test func statementsWithEffectsRunAtOnce() {
        #expect(!plan("x = compute()\n").canDefer)
        #expect(!plan("x = y\n").canDefer)
        #expect(!plan("print('hi')\n").canDefer)
        #expect(!plan("if True:\n    x = 1\n").canDefer)
        #expect(!plan("@decorate\ndef f():\n    pass\n").canDefer)
        #expect(!plan("def f(ns=get_namespace()):\n    pass\n").canDefer)
        #expect(!plan("def f(x) -> int:\n    pass\n").canDefer)
        #expect(!plan("class A(B):\n    pass\n").canDefer)   // a base that is not a builtin is read at load
        #expect(!plan("from os import *\n").canDefer)
        #expect(!plan("x = f'{y}'\n").canDefer)
        #expect(!plan("def f(): return g()\n").canDefer)
    }

    @Test func anImportOfANameTheShellLacksIsATrigger() {
        let p = plan("from metaflow import Flow, Metaflow\n", shellGlobals: ["Flow"])
        #expect(p.canDefer)
        #expect(p.metaflowImports == ["Flow"])
        #expect(p.triggers == ["Metaflow"])
    }

    @Test func mentionsWakeThePrelude() {
        let p = plan("def runs(flow):\n    return flow\n")
        #expect(p.isMentioned(in: "x = runs('A')"))
        #expect(p.isMentioned(in: "runs"))
        #expect(!p.isMentioned(in: "reruns = 1; runs2 = 2"))
        #expect(!p.isMentioned(in: "Flow('A').latest_run"))
        #expect(!p.isMentioned(in: "1"))
        // Anything that can look at every global wakes it too.
        #expect(p.isMentioned(in: "print(dir())"))
        #expect(p.isMentioned(in: "globals()['x']"))
        #expect(p.isMentioned(in: "help(len)"))
    }

    /// The Prelude the binary carries must be able to wait: parsing it at start-up costs more than
    /// the rest of `mfsh -c 1` (a `_X = _Cls()` at top level once doubled start-up).
    @Test func theEmbeddedPreludeMayWait() {
        var p = PreludePlan()
        for file in EmbeddedPrelude.files { p.add(source: file.source) { ["Flow", "Run", "Step", "Task"].contains($0) } }
        #expect(p.canDefer)
        #expect(p.triggers.contains("diff") && p.triggers.contains("status") && p.triggers.contains("runs"))
    }

    @Test func classesWithoutEffectsMayWait() {
        #expect(plan("class _Marker:\n    \"\"\"Doc.\"\"\"\n\n\ndef f(x=1):\n    return _Marker\n").canDefer)
        #expect(plan("class E(Exception):\n    pass\n").canDefer)
        #expect(!plan("class C(Base):\n    pass\n").canDefer)
        #expect(!plan("class C:\n    pass\n\n\nX = C()\n").canDefer)
    }
}
