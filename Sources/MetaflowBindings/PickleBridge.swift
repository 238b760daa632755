// Decoded pickles into language values. Builtins become the language's own values (fresh
// containers each time, as Python's client unpickles anew on every access); everything else
// becomes an inert object that shows and opens up like the real thing.
import MFSInterpreter
import NumPyPandas
import Pickle

/// Numeric values hand out their elements as the values the client gives for them anywhere else.
extension ClientContext: PickleValueConverter {}

extension ClientContext {
    static let maxConversionDepth = 400

    package func pythonValue(_ v: PickleValue) throws -> Value {
        var seen: [ObjectIdentifier: Value] = [:]
        return try convert(v, depth: 0, seen: &seen)
    }

    private func convert(_ v: PickleValue, depth: Int, seen: inout [ObjectIdentifier: Value]) throws -> Value {
        guard depth < Self.maxConversionDepth else {
            throw PyException.builtin("RecursionError", "artifact nested more than \(Self.maxConversionDepth) levels deep")
        }
        switch v {
        case .none: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .bigInt(let b): return .integer(b)
        case .float(let d): return .float(d)
        case .string(let s): return .str(s)
        case .bytes(let b): return .bytes(Array(b.storage))
        case .tuple(let t):
            return .tuple(try t.items.map { try convert($0, depth: depth + 1, seen: &seen) })
        case .list(let l):
            let id = ObjectIdentifier(l)
            if let done = seen[id] { return done }
            let out = PyList()
            seen[id] = .list(out)
            out.items = try l.items.map { try convert($0, depth: depth + 1, seen: &seen) }
            return .list(out)
        case .dict(let d):
            let id = ObjectIdentifier(d)
            if let done = seen[id] { return done }
            let out = PyDict()
            seen[id] = .dict(out)
            for (k, val) in d.entries {
                try out.set(try convert(k, depth: depth + 1, seen: &seen), try convert(val, depth: depth + 1, seen: &seen))
            }
            return .dict(out)
        case .set(let s):
            return try .newSet(s.items.map { try convert($0, depth: depth + 1, seen: &seen) })
        case .frozenset(let s):
            return try .newFrozenSet(s.items.map { try convert($0, depth: depth + 1, seen: &seen) })
        case .dateTime(let dt) where dt.tzinfo == nil:
            return interpreter.makeDatetime(year: dt.year, month: dt.month, day: dt.day, hour: dt.hour,
                                            minute: dt.minute, second: dt.second, microsecond: dt.microsecond)
        case .range(.int(let start), .int(let stop), .int(let step)) where step != 0:
            return .range(PyRange(start, stop, step))
        case .date(let d):
            return interpreter.makeDate(year: d.year, month: d.month, day: d.day)
        case .timeDelta(let t):
            return interpreter.makeTimedelta(days: t.days, seconds: t.seconds, microseconds: t.microseconds)
        case .reconstructed:
            return NumericHosts.make(v, converter: self) ?? .host(PickledObjectHost(v, context: self))
        default:
            return .host(PickledObjectHost(v, context: self))
        }
    }
}

/// Any value the language has no native form for: numpy arrays, pandas frames, user classes,
/// exceptions. Shown as Python shows it; attributes read from the pickled state.
final class PickledObjectHost: HostObject {
    let value: PickleValue
    unowned let context: ClientContext
    init(_ value: PickleValue, context: ClientContext) { self.value = value; self.context = context }

    var typeName: String { PickledText.typeName(value) }

    private var wrapperState: PickleDict? {
        guard case .object(let o) = value, o.module == "metaflow.exception", o.qualifiedName == "MetaflowExceptionWrapper",
              case .dict(let d)? = o.state else { return nil }
        return d
    }

    private var stateDict: PickleDict? {
        guard case .object(let o) = value else { return nil }
        switch o.state {
        case .dict(let d)?: return d
        case .tuple(let t)?:
            if let first = t.items.first, case .dict(let d) = first { return d }
            return nil
        default: return nil
        }
    }

    func getAttribute(_ name: String) throws -> Value? {
        if let fields = ForeachFrameFields(value) {
            guard let i = ForeachFrameFields.names.firstIndex(of: name) else { return nil }
            return try context.pythonValue(fields.values[i])
        }
        if let special = try PickledText.attribute(value, name, context: context) { return special }
        if name == "__dict__", let d = stateDict { return try context.pythonValue(.dict(d)) }
        guard let d = stateDict, let v = d[string: name] else { return nil }
        return try context.pythonValue(v)
    }

    var attributeNames: [String] {
        if ForeachFrameFields(value) != nil { return ForeachFrameFields.names }
        return stateDict?.keys.compactMap { if case .string(let s) = $0 { return s }; return nil } ?? []
    }

    func repr() -> String {
        if let w = wrapperState {
            if case .string(let st)? = w[string: "stacktrace"], !st.isEmpty { return st }
            let type = (w[string: "type"]).flatMap { if case .string(let s) = $0 { return s }; return nil } ?? ""
            let exc = (w[string: "exception"]).flatMap { if case .string(let s) = $0 { return s }; return nil } ?? ""
            return "[no stacktrace]\n\(type): \(exc)"
        }
        if let f = ForeachFrameFields(value) {
            return "ForeachFrame(" + zip(ForeachFrameFields.names, f.values).map { "\($0)=\(pythonRepr($1))" }.joined(separator: ", ") + ")"
        }
        return pythonRepr(value)
    }
    func str() -> String { PickledText.str(value) ?? repr() }

    func getItem(_ key: Value) throws -> Value {
        guard let f = ForeachFrameFields(value) else { throw PyException.typeError("'\(typeName)' object is not subscriptable") }
        guard case .int(let i) = key else { throw PyException.typeError("tuple indices must be integers or slices, not \(key.typeName)") }
        let j = i < 0 ? i + 5 : i
        guard j >= 0, j < 5 else { throw PyException.indexError("tuple index out of range") }
        return try context.pythonValue(f.values[j])
    }

    func length() throws -> Int {
        if ForeachFrameFields(value) != nil { return 5 }
        if case .bytearray(let b) = value { return b.bytes.count }
        throw PyException.typeError("object of type '\(typeName)' has no len()")
    }
    var isTruthy: Bool { true }
    func equals(_ other: any HostObject) -> Bool { other === self }
    var hashValue: Int { ObjectIdentifier(self).hashValue }
    var doc: String? { "A value decoded from a pickle without running any code." }
}
