// Generator functions: each generator body runs on its own thread and hands values to its consumer
// through a pair of semaphores, so exactly one of the two threads runs at any time.
//
// Why threads: the evaluator is a recursive tree-walker, so suspending in the middle of a body
// (inside loops, try blocks, nested expressions) needs a stack of its own. Only one thread of an
// interpreter ever runs at a time (strict hand-over), which keeps the single-threaded interpreter
// state consistent; the semaphores give the happens-before ordering between the two sides.
import Glibc
import Synchronization

/// Thrown at a suspended `yield` to tear a generator down without running any Python code
/// (used when the interpreter itself is gone, or a generator keeps ignoring GeneratorExit).
struct GeneratorKill: Error {}

/// Shared between an Interpreter and its generators: lets a generator dropped after its interpreter
/// finish its thread without touching the dead interpreter.
final class InterpreterLifetime: @unchecked Sendable {
    var alive = true
    /// Generator bodies started and not yet finished (each holds a pooled thread). Changed by the
    /// generator threads themselves as they end, so atomically (ThreadSanitizer saw two end at once).
    let runningBodies = Atomic<Int>(0)
}

/// The two-semaphore hand-over and the messages passed across it.
final class GeneratorChannel {
    enum Command { case send(Value), throwIn(PyException), close, kill }
    enum Outcome { case yielded(Value), returned(Value), raised(any Error), delegating(PyGenerator) }
    var command: Command = .send(.none)
    var outcome: Outcome = .returned(.none)
    let toGenerator: UnsafeMutablePointer<sem_t>
    let toConsumer: UnsafeMutablePointer<sem_t>

    init() {
        toGenerator = .allocate(capacity: 1)
        toConsumer = .allocate(capacity: 1)
        sem_init(toGenerator, 0, 0)
        sem_init(toConsumer, 0, 0)
    }
    deinit {
        sem_destroy(toGenerator); sem_destroy(toConsumer)
        toGenerator.deallocate(); toConsumer.deallocate()
    }

    /// Spins briefly first: the other side usually answers within microseconds, and a futex sleep
    /// plus wake-up costs more than that.
    static func wait(_ s: UnsafeMutablePointer<sem_t>) {
        for _ in 0..<2000 where sem_trywait(s) == 0 { return }
        while sem_wait(s) != 0 && errno == EINTR {}
    }

    /// Generator side of `yield`: publish the value, sleep until the consumer resumes us.
    func yieldValue(_ v: Value) throws -> Value { try suspend(.yielded(v)) }

    /// Generator side of `yield from sub`: the consumer runs `sub` until it ends, then resumes us with
    /// its return value (or the exception it raised).
    func delegate(to sub: PyGenerator) throws -> Value { try suspend(.delegating(sub)) }

    private func suspend(_ o: Outcome) throws -> Value {
        outcome = o
        sem_post(toConsumer)
        Self.wait(toGenerator)
        switch command {
        case .send(let x): return x
        case .throwIn(let e): throw e
        case .close: throw PyException(cls: BuiltinClasses.exc("GeneratorExit"), args: [])
        case .kill: throw GeneratorKill()
        }
    }
}

/// What the generator thread needs; handed over as an opaque retained pointer.
final class GeneratorThreadWork {
    let channel: GeneratorChannel
    var frame: Frame?
    let code: FunctionCode
    let lifetime: InterpreterLifetime
    init(channel: GeneratorChannel, frame: Frame, code: FunctionCode, lifetime: InterpreterLifetime) {
        self.channel = channel; self.frame = frame; self.code = code; self.lifetime = lifetime
    }
    func run() {
        guard let frame else { return }
        do {
            _ = try execBlock(code.body, frame)
            channel.outcome = .returned(frame.returnValue)
        } catch let e as PyException {
            frame.leaveWithError(e, fallback: code.firstLine)
            channel.outcome = .raised(e)
        } catch {
            channel.outcome = .raised(error)
        }
        // The frame's locals are released here, while the consumer still waits: their deinit may run code.
        self.frame = nil
        lifetime.runningBodies.subtract(1, ordering: .relaxed)
        sem_post(channel.toConsumer)
    }
}

/// Threads that ran a finished generator wait here for the next one (creating a thread with a large
/// stack costs far more than a hand-over).
final class GeneratorThreadPool: @unchecked Sendable {
    final class Worker: @unchecked Sendable {
        let wake: UnsafeMutablePointer<sem_t> = {
            let p = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)
            sem_init(p, 0, 0)
            return p
        }()
        var work: GeneratorThreadWork?
        deinit { sem_destroy(wake); wake.deallocate() }
    }
    static let shared = GeneratorThreadPool()
    static let maxIdle = 8
    private let mutex: UnsafeMutablePointer<pthread_mutex_t> = {
        let m = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(m, nil)
        return m
    }()
    private var idle: [Worker] = []

    /// Runs `work` on an idle worker or a new thread; false if no thread could be created.
    func start(_ work: GeneratorThreadWork) -> Bool {
        pthread_mutex_lock(mutex)
        let reused = idle.popLast()
        pthread_mutex_unlock(mutex)
        if let w = reused {
            w.work = work
            sem_post(w.wake)
            return true
        }
        let w = Worker()
        w.work = work
        var attr = zeroedThreadAttributes()
        pthread_attr_init(&attr)
        defer { pthread_attr_destroy(&attr) }
        pthread_attr_setstacksize(&attr, generatorStackSize)
        pthread_attr_setdetachstate(&attr, Int32(PTHREAD_CREATE_DETACHED))
        let ctx = Unmanaged.passRetained(w)
        var tid = pthread_t()
        let rc = pthread_create(&tid, &attr, { raw in
            guard let raw else { return nil }
            let w = Unmanaged<Worker>.fromOpaque(raw).takeRetainedValue()
            InterruptSignal.blockInThisThread()
            GeneratorThreadPool.shared.loop(w)
            return nil
        }, ctx.toOpaque())
        if rc != 0 { ctx.release(); return false }
        return true
    }

    private func loop(_ w: Worker) {
        while let work = w.work {
            w.work = nil
            work.run()
            pthread_mutex_lock(mutex)
            let keep = idle.count < Self.maxIdle
            if keep { idle.append(w) }
            pthread_mutex_unlock(mutex)
            guard keep else { return }
            GeneratorChannel.wait(w.wake)
        }
    }
}

/// Native stack of a generator thread. Only touched pages are committed, so this is address space,
/// sized so a generator body can still recurse to the recursion limit before RecursionError.
let generatorStackSize = 256 << 20

/// The object returned by calling a generator function.
final class PyGenerator: PyIterator {
    enum State { case created, suspended, running, finished }
    private(set) var state: State = .created
    let channel = GeneratorChannel()
    private var frame: Frame?
    /// The generator this one is running `yield from` on.
    private var delegate: PyGenerator?
    let code: FunctionCode
    unowned(unsafe) let interp: Interpreter
    let lifetime: InterpreterLifetime

    init(interp: Interpreter, frame: Frame, code: FunctionCode) {
        self.interp = interp; self.frame = frame; self.code = code; self.lifetime = interp.lifetime
    }

    override var typeName: String { "generator" }
    var qualname: String { code.qualname }

    override func next() throws -> Value? {
        switch try resume(.send(.none)) {
        case .yielded(let v): return v
        default: return nil
        }
    }

    /// `gen.send(v)`: the next yielded value; StopIteration (carrying the return value) at the end.
    func send(_ v: Value) throws -> Value {
        switch try resume(.send(v)) {
        case .yielded(let y): return y
        case .returned(let r): throw PyException.stopIteration(value: r)
        case .raised(let e): throw e
        case .delegating: return .none  // never returned by resume
        }
    }

    /// `gen.throw(exc)`.
    func throwIn(_ e: PyException) throws -> Value {
        switch try resume(.throwIn(e)) {
        case .yielded(let y): return y
        case .returned(let r): throw PyException.stopIteration(value: r)
        case .raised(let e): throw e
        case .delegating: return .none  // never returned by resume
        }
    }

    /// `gen.close()`: GeneratorExit at the suspended yield; RuntimeError if the body yields again.
    func close() throws {
        guard state == .suspended else { state = .finished; frame = nil; return }
        switch try resume(.close) {
        case .yielded: throw PyException.runtimeError("generator ignored GeneratorExit")
        case .returned, .raised, .delegating: return
        }
    }

    /// Runs the body until its next yield or its end. Errors from the body are rethrown here.
    func resume(_ command: GeneratorChannel.Command) throws -> GeneratorChannel.Outcome {
        switch state {
        case .finished:
            switch command {
            case .throwIn(let e): throw e
            default: return .returned(.none)
            }
        case .running:
            throw PyException.valueError("generator already executing")
        case .created:
            switch command {
            case .send(let v) where !v.isNone:
                throw PyException.typeError("can't send non-None value to a just-started generator")
            case .throwIn(let e):
                state = .finished; frame = nil
                throw e
            case .close, .kill:
                state = .finished; frame = nil
                return .returned(.none)
            case .send: break
            }
        case .suspended: break
        }
        try interp.enterCall()
        defer { interp.depth -= 1 }
        state = .running
        var command = command
        while true {
            // `yield from` another generator: the consumer drives the innermost generator directly,
            // so a chain of delegating generators costs one hand-over per value, not one per level.
            if let d = delegate {
                switch command {
                case .kill:
                    delegate = nil
                case .close:
                    delegate = nil
                    do { try d.close() } catch let e as PyException { command = .throwIn(e) }
                default:
                    do {
                        let o = try d.resume(command)
                        if case .yielded = o { state = .suspended; return o }
                        if case .returned(let r) = o { command = .send(r) }
                    } catch let e as PyException {
                        command = .throwIn(e)
                    }
                    delegate = nil
                }
            }
            channel.command = command
            if let frame {
                self.frame = nil
                guard startThread(frame) else {
                    state = .finished
                    throw PyException.runtimeError("can't start a new thread for a generator")
                }
            } else {
                sem_post(channel.toGenerator)
            }
            GeneratorChannel.wait(channel.toConsumer)
            let outcome = channel.outcome
            switch outcome {
            case .delegating(let sub):
                delegate = sub
                command = .send(.none)
                continue
            case .yielded:
                state = .suspended
            case .returned:
                finish()
            case .raised(let e):
                finish()
                if let pe = e as? PyException, pe.isInstance(of: "StopIteration") {
                    let r = PyException.runtimeError("generator raised StopIteration")
                    r.instance.cause = pe.instance
                    r.instance.context = pe.instance
                    throw r
                }
                if case .close = command, let pe = e as? PyException, pe.isInstance(of: "GeneratorExit") {
                    return .returned(.none)
                }
                throw e
            }
            return outcome
        }
    }

    private func startThread(_ frame: Frame) -> Bool {
        lifetime.runningBodies.add(1, ordering: .relaxed)
        if GeneratorThreadPool.shared.start(GeneratorThreadWork(channel: channel, frame: frame, code: code, lifetime: lifetime)) { return true }
        lifetime.runningBodies.subtract(1, ordering: .relaxed)
        return false
    }

    private func finish() { state = .finished }

    deinit {
        guard state == .suspended else { return }
        // Like CPython, a generator dropped mid-way is closed (its finally blocks run) — unless its
        // interpreter is gone, or it keeps yielding, in which case it is unwound without running code.
        if lifetime.alive {
            _ = try? resume(.close)
        }
        delegate = nil
        while state == .suspended {
            channel.command = .kill
            sem_post(channel.toGenerator)
            GeneratorChannel.wait(channel.toConsumer)
            if case .yielded = channel.outcome { continue }
            finish()
        }
    }
}

/// `yield value` (inside a generator function's own frame).
final class YieldExpr: Expr {
    let value: Expr?
    init(_ value: Expr?, _ r: SrcRange) { self.value = value; super.init(r) }
    override func eval(_ f: Frame) throws -> Value {
        let v = try value?.eval(f) ?? .none
        guard let ch = f.generatorChannel else { throw PyException.runtimeError("yield outside a running generator") }
        return try ch.yieldValue(v)
    }
}

/// `yield from iterable`: re-yields every item; its value is the sub-generator's return value.
final class YieldFromExpr: Expr {
    let source: Expr
    init(_ source: Expr, _ r: SrcRange) { self.source = source; super.init(r) }
    override func eval(_ f: Frame) throws -> Value {
        let src = try source.eval(f)
        guard let ch = f.generatorChannel else { throw PyException.runtimeError("yield outside a running generator") }
        let it: PyIterator
        do { it = try f.interp.makeIterator(src) } catch { throw mark(error, source.r) }
        guard let sub = it as? PyGenerator else {
            while let v = try it.next() { _ = try ch.yieldValue(v) }
            return .none
        }
        return try ch.delegate(to: sub)
    }
}

extension PyException {
    /// StopIteration carrying a generator's return value (`e.value`).
    static func stopIteration(value: Value) -> PyException {
        let e = PyException(cls: BuiltinClasses.exc("StopIteration"), args: value.isNone ? [] : [value])
        e.instance.attrs["value"] = value
        return e
    }
}

extension Interpreter {
    /// Attributes of generator objects: send/throw/close/__next__ and the names.
    func generatorAttribute(_ g: PyGenerator, _ name: String) -> Value? {
        switch name {
        case "__name__": return .str(g.code.name)
        case "__qualname__": return .str(g.code.qualname)
        case "send":
            return .builtin(PyBuiltin(name: "send", boundSelf: .iterator(g)) { args, _ in
                try checkArgs("send", args, 1, 1)
                return try g.send(args[0])
            })
        case "__next__":
            return .builtin(PyBuiltin(name: "__next__", boundSelf: .iterator(g)) { args, _ in
                try checkArgs("__next__", args, 0, 0)
                return try g.send(.none)
            })
        case "throw":
            return .builtin(PyBuiltin(name: "throw", boundSelf: .iterator(g)) { [unowned self] args, _ in
                try checkArgs("throw", args, 1, 3)
                var exc = args[0]
                if args.count > 1, case .type = exc, !args[1].isNone { exc = try self.callValue(exc, [args[1]], []) }
                return try g.throwIn(PyException(instance: try self.makeExceptionInstance(exc)))
            })
        case "close":
            return .builtin(PyBuiltin(name: "close", boundSelf: .iterator(g)) { args, _ in
                try checkArgs("close", args, 0, 0)
                try g.close()
                return .none
            })
        default: return nil
        }
    }
}
