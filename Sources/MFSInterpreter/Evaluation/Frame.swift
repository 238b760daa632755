// Execution frames, control flow signals and error-location bookkeeping.
import Synchronization

/// What a statement asks its enclosing block to do next.
enum Flow { case normal, breakLoop, continueLoop, returnValue }

/// Where a name lives, decided by the scope resolver.
enum NameLoc {
    case unresolved
    case fast(Int)
    case cell(Int)
    case global(Int)
    /// Inside a class body: the class namespace, then globals (slot), then builtins.
    case classBody(Int)
}

/// A class body's namespace while it executes.
final class ClassNamespace {
    var values: [String: Value] = [:]
    var order: [String] = []
    func set(_ k: String, _ v: Value) { if values[k] == nil { order.append(k) }; values[k] = v }
}

/// One activation: module body, function call, comprehension or class body.
final class Frame {
    /// The interpreter outlives every frame it runs; unowned(unsafe) avoids refcount traffic on the hot path.
    unowned(unsafe) let interp: Interpreter
    let locals: UnsafeMutablePointer<Value?>
    let nLocals: Int
    let cells: [Cell]
    let globals: Globals
    let name: String
    let filename: String
    var classNS: ClassNamespace?
    var returnValue: Value = .none
    /// The code being run (nil for module bodies), for NameError suggestions.
    var code: FunctionCode?
    /// Set when this frame is a generator body: where `yield` hands its values.
    var generatorChannel: GeneratorChannel?

    init(interp: Interpreter, nLocals: Int, cells: [Cell], globals: Globals, name: String, filename: String) {
        self.interp = interp
        self.nLocals = nLocals
        self.locals = UnsafeMutablePointer<Value?>.allocate(capacity: max(nLocals, 1))
        self.locals.initialize(repeating: nil, count: max(nLocals, 1))
        self.cells = cells
        self.globals = globals
        self.name = name
        self.filename = filename
    }
    deinit {
        locals.deinitialize(count: max(nLocals, 1))
        locals.deallocate()
    }

    /// Records this frame's traceback line for an exception leaving (or caught in) it.
    func recordTraceback(_ e: PyException, fallback: SrcRange) {
        if !e.entryAddedForFrame {
            e.instance.traceback.insert(TracebackEntry(filename: filename, name: name, range: e.pendingRange ?? fallback), at: 0)
            e.entryAddedForFrame = true
        }
    }
    /// Called when an exception propagates out of the frame.
    func leaveWithError(_ e: PyException, fallback: SrcRange) {
        recordTraceback(e, fallback: fallback)
        e.entryAddedForFrame = false
        e.pendingRange = nil
    }
}

/// Notes the failing expression's location on an exception unless an inner node already did.
@inline(__always) func mark(_ error: any Error, _ r: SrcRange) -> any Error {
    if let e = error as? PyException, e.pendingRange == nil { e.pendingRange = r }
    return error
}

@inline(__always) func execBlock(_ body: [Stmt], _ f: Frame) throws -> Flow {
    for s in body {
        let flow: Flow
        do { flow = try s.exec(f) } catch { throw mark(error, s.r) }
        if case .normal = flow { continue }
        return flow
    }
    return .normal
}

/// A function body or comprehension, with its resolved variable layout.
final class FunctionCode {
    enum ParamKind { case positional, varargs, kwonly, varkw }
    struct Param {
        let name: String
        let kind: ParamKind
        var loc: NameLoc = .unresolved
    }
    let name: String
    var qualname: String
    var params: [Param] = [] {
        didSet { allPositional = params.allSatisfy { $0.kind == .positional } }
    }
    /// Every parameter is a plain positional one (enables the fast binding path).
    private(set) var allPositional = true
    var body: [Stmt] = []
    var nLocals = 0
    var nCells = 0
    /// For each free variable: the index of the cell in the defining frame's `cells`.
    var freeSources: [Int] = []
    var doc: String?
    let filename: String
    var firstLine: SrcRange
    /// The lines of REPL input that defined it (later inputs replace `<stdin>`'s lines).
    var definingLines: [String]?
    /// Names of the fast-local slots and of the cells, by index (for NameError suggestions).
    var localNames: [String] = []
    var cellNames: [String] = []
    /// For class bodies: the class most recently created from this code (zero-argument super()).
    var definedClass: PyClass?
    /// The body contains `yield`: calling the function returns a generator instead of running it.
    var isGenerator = false
    var nPositional: Int { params.filter { $0.kind == .positional }.count }

    init(name: String, qualname: String, filename: String, range: SrcRange) {
        self.name = name; self.qualname = qualname; self.filename = filename; self.firstLine = range
    }
}
