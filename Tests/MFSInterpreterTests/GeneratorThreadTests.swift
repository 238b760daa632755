// Generator bodies run on pooled threads: abandoned generators must give their threads back, and a
// generator outliving its interpreter must unwind without touching it.
import Foundation
import Synchronization
import Testing
@testable import MFSInterpreter

@Test func abandonedGeneratorsGiveTheirThreadsBack() throws {
    var lifetime: InterpreterLifetime?
    do {
        let out = StringOutputSink(), err = StringOutputSink()
        let interp = Interpreter(stdout: out, stderr: err)
        lifetime = interp.lifetime
        try interp.execute(source: """
        def gen(n):
            try:
                for i in range(n):
                    yield i
            finally:
                pass
        total = 0
        for k in range(500):
            g = gen(10)
            total += next(g) + next(g)
        keep = [gen(5) for _ in range(50)]
        for x in keep:
            next(x)
        keep = None
        print(total)
        """, filename: "t.py")
        #expect(out.text == "500\n")
        #expect(err.text == "")
        // Only the generators still bound to `g` and `x` are suspended.
        #expect(interp.lifetime.runningBodies.load(ordering: .relaxed) == 2)
    }
    #expect(lifetime?.runningBodies.load(ordering: .relaxed) == 0)
}

@Test func generatorOutlivingItsInterpreterUnwinds() {
    var kept: Value = .none
    var lifetime: InterpreterLifetime?
    do {
        let out = StringOutputSink()
        let interp = Interpreter(stdout: out, stderr: StringOutputSink())
        lifetime = interp.lifetime
        try? interp.execute(source: """
        def gen():
            try:
                yield 1
                yield 2
            except ValueError:
                yield 3
            finally:
                print("finally runs only while the interpreter lives")
        g = gen()
        next(g)
        h = gen()
        next(h)
        """, filename: "t.py")
        kept = interp.global("h") ?? .none
        #expect(out.text == "")
    }
    // The interpreter is gone; dropping the last reference unwinds the suspended body without running it.
    #expect(lifetime?.alive == false)
    #expect(lifetime?.runningBodies.load(ordering: .relaxed) == 1)
    if case .iterator = kept {} else { Issue.record("expected a generator, got \(kept)") }
    kept = .none
    #expect(lifetime?.runningBodies.load(ordering: .relaxed) == 0)
}

@Test func interruptReachesCodeRunningInAGenerator() {
    let out = StringOutputSink(), err = StringOutputSink()
    let interp = Interpreter(stdout: out, stderr: err)
    nonisolated(unsafe) let target = interp
    let requester = Thread {
        usleep(200_000)
        target.interruptRequested.store(true, ordering: .relaxed)
    }
    requester.start()
    var caught = ""
    do {
        try interp.execute(source: """
        def spin():
            n = 0
            while True:
                n += 1
                if n % 1000 == 0:
                    yield n
        for v in spin():
            pass
        """, filename: "t.py")
    } catch let e as UncaughtException {
        caught = e.tracebackText
    } catch {
        caught = "\(error)"
    }
    #expect(caught.hasSuffix("KeyboardInterrupt\n"), "got: \(caught)")
}
