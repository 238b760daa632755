// Classes, instances, functions and the variable storage they use.

/// A Python class: built-in types (int, str, ...), exception classes, user classes and host classes.
public final class PyClass {
    public let name: String
    /// `builtins` for built-in types; `__main__` for script classes; host modules otherwise.
    public var module: String
    public let bases: [PyClass]
    public private(set) var mro: [PyClass] = []
    public var dict: [String: Value]
    public var doc: String?
    /// Calls `cls(...)` for built-in types (int, str, list...).
    var constructor: (([Value], [(String, Value)]) throws -> Value)?
    public let isException: Bool
    /// For a host-made class: `a < b` as a truth value straight from the host, or nil to go through
    /// `__lt__`. Sorting and min/max compare this way, without making a result object per comparison.
    public var lessThan: ((Value, Value) throws -> Bool?)?
    /// For a host-made class: the number an instance's `<` compares (nil when it is not one), so a
    /// list of them sorts as numbers (`numericSortOrder`).
    public var sortKey: ((Value) -> SortKey?)?
    /// The interpreter that created a script class (used to run __hash__/__eq__ for dict keys).
    weak var owner: Interpreter?

    public init(name: String, module: String = "__main__", bases: [PyClass], dict: [String: Value] = [:]) {
        self.name = name
        self.module = module
        self.bases = bases
        self.dict = dict
        var isExc = false
        for b in bases where b.isException { isExc = true }
        if name == "BaseException" && module == "builtins" { isExc = true }
        self.isException = isExc
        self.mro = [self] + PyClass.linearize(bases)
    }

    private static func linearize(_ bases: [PyClass]) -> [PyClass] {
        // C3 linearisation, falling back to depth-first order when inconsistent.
        var seqs: [[PyClass]] = bases.map { $0.mro } + [bases]
        var result: [PyClass] = []
        while true {
            seqs = seqs.filter { !$0.isEmpty }
            if seqs.isEmpty { return result }
            var candidate: PyClass?
            for s in seqs {
                let head = s[0]
                if !seqs.contains(where: { $0.dropFirst().contains { $0 === head } }) { candidate = head; break }
            }
            guard let c = candidate else {
                for s in seqs { for k in s where !result.contains(where: { $0 === k }) { result.append(k) } }
                return result
            }
            result.append(c)
            seqs = seqs.map { $0.first === c ? Array($0.dropFirst()) : $0 }
        }
    }

    public func lookup(_ attr: String) -> Value? {
        for c in mro { if let v = c.dict[attr] { return v } }
        return nil
    }

    public func isSubclass(of other: PyClass) -> Bool { mro.contains { $0 === other } }

    /// `module.Name` unless the class is a builtin or lives in `__main__`, as CPython prints in tracebacks.
    var qualifiedName: String {
        (module == "builtins" || module == "__main__") ? name : "\(module).\(name)"
    }
}

/// An instance of a user or exception class.
///
/// Open for one reason: a host value made by the million (a numpy scalar per element of a loop) can
/// be its own instance, a subclass whose `host` is itself, instead of an instance pointing at a
/// second object: one allocation per element instead of two. Nothing else is overridable.
open class PyInstance {
    public let cls: PyClass
    public var attrs: [String: Value] = [:]
    /// Exception arguments (`e.args`).
    public var args: [Value] = []
    /// For an instance of a host-made class (numpy and pandas values), the Swift object behind it:
    /// a field of its own, not an `args` array, as a loop makes one such instance per element.
    open var host: (any HostObject)? { hostStorage }
    private let hostStorage: (any HostObject)?
    /// What only a raised exception has, made when first set: instances are made by the million
    /// (a numpy scalar per element of a loop), and each field costs at every deallocation.
    private var exceptionState: ExceptionState?

    private final class ExceptionState {
        var traceback: [TracebackEntry] = []
        var cause: PyInstance?
        var context: PyInstance?
        var suppressContext = false
        var suggestion: String?
        var tracebackNote: (() -> String?)?
    }

    private var state: ExceptionState {
        if let s = exceptionState { return s }
        let s = ExceptionState()
        exceptionState = s
        return s
    }

    var traceback: [TracebackEntry] {
        get { exceptionState?.traceback ?? [] }
        set { state.traceback = newValue }
    }
    var cause: PyInstance? {
        get { exceptionState?.cause }
        set { state.cause = newValue }
    }
    var context: PyInstance? {
        get { exceptionState?.context }
        set { state.context = newValue }
    }
    var suppressContext: Bool {
        get { exceptionState?.suppressContext ?? false }
        set { state.suppressContext = newValue }
    }
    /// "Did you mean" text CPython appends when printing a NameError.
    var suggestion: String? {
        get { exceptionState?.suggestion }
        set { state.suggestion = newValue }
    }
    /// A host's line printed under the exception's own line in tracebacks (a hint such as "Did you
    /// mean 'train'?"), worked out only when the traceback is shown; `str(e)` never includes it.
    public var tracebackNote: (() -> String?)? {
        get { exceptionState?.tracebackNote }
        set { state.tracebackNote = newValue }
    }
    public init(cls: PyClass) { self.cls = cls; hostStorage = nil }
    /// An instance of a host-made class with its Swift object.
    public init(cls: PyClass, host: any HostObject) { self.cls = cls; hostStorage = host }
}

/// A variable captured by a closure.
final class Cell {
    var value: Value?
    init(_ value: Value? = nil) { self.value = value }
}

/// Growable slot storage read through raw memory, so hot-path reads and writes avoid
/// Swift's dynamic exclusivity bookkeeping (the interpreter is single-threaded).
final class SlotStorage {
    private let cell: UnsafeMutablePointer<UnsafeMutablePointer<Value?>>
    private let capacityCell: UnsafeMutablePointer<Int>

    init() {
        cell = .allocate(capacity: 1)
        capacityCell = .allocate(capacity: 1)
        let buf = UnsafeMutablePointer<Value?>.allocate(capacity: 64)
        buf.initialize(repeating: nil, count: 64)
        cell.initialize(to: buf)
        capacityCell.initialize(to: 64)
    }
    deinit {
        cell.pointee.deinitialize(count: capacityCell.pointee)
        cell.pointee.deallocate()
        cell.deallocate()
        capacityCell.deallocate()
    }

    /// Makes slots `0..<n` addressable.
    func ensure(_ n: Int) {
        let cap = capacityCell.pointee
        guard n > cap else { return }
        var newCap = cap
        while newCap < n { newCap *= 2 }
        let nb = UnsafeMutablePointer<Value?>.allocate(capacity: newCap)
        nb.moveInitialize(from: cell.pointee, count: cap)
        (nb + cap).initialize(repeating: nil, count: newCap - cap)
        cell.pointee.deallocate()
        cell.pointee = nb
        capacityCell.pointee = newCap
    }

    subscript(i: Int) -> Value? {
        @inline(__always) get { cell.pointee[i] }
        @inline(__always) set { cell.pointee[i] = newValue }
    }
}

/// Module-level variables, stored in slots resolved at parse time.
final class Globals {
    var slotOf: [String: Int] = [:]
    var names: [String] = []
    let values = SlotStorage()

    func slot(_ name: String) -> Int {
        if let s = slotOf[name] { return s }
        let s = names.count
        slotOf[name] = s
        names.append(name)
        values.ensure(s + 1)
        return s
    }
    func get(_ name: String) -> Value? {
        guard let s = slotOf[name] else { return nil }
        return values[s]
    }
    func set(_ name: String, _ v: Value) { values[slot(name)] = v }
}

/// A function defined in mfs (def or lambda).
public final class PyFunction {
    let code: FunctionCode
    var defaults: [Value]
    var kwDefaults: [String: Value]
    let closure: [Cell]
    let globals: Globals
    public var name: String
    var qualname: String
    public var doc: String?
    var attrs: [String: Value] = [:]
    init(code: FunctionCode, defaults: [Value], kwDefaults: [String: Value], closure: [Cell], globals: Globals) {
        self.code = code; self.defaults = defaults; self.kwDefaults = kwDefaults
        self.closure = closure; self.globals = globals
        self.name = code.name; self.qualname = code.qualname; self.doc = code.doc
    }
}
