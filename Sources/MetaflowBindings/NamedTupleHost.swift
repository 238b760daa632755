// namedtuples the client hands out (`Metadata`, `MetaflowEvent`): fields by name and by index,
// iteration, tuple equality and a repr like `Metadata(name=..., value=...)`.
import MFSInterpreter

/// A `collections.namedtuple` instance made by the host: fields by name and index, tuple equality.
final class NamedTupleHost: HostObject {
    let typeName: String
    let fields: [String]
    let values: [Value]
    unowned let interpreter: Interpreter

    init(_ typeName: String, _ fields: [String], _ values: [Value], interpreter: Interpreter) {
        self.typeName = typeName; self.fields = fields; self.values = values; self.interpreter = interpreter
    }

    func getAttribute(_ name: String) throws -> Value? {
        if name == "_fields" { return .tuple(fields.map { .str($0) }) }
        return fields.firstIndex(of: name).map { values[$0] }
    }
    var attributeNames: [String] { fields }
    func getItem(_ key: Value) throws -> Value {
        guard case .int(let i) = key else { throw PyException.typeError("tuple indices must be integers or slices, not \(key.typeName)") }
        let j = i < 0 ? i + values.count : i
        guard j >= 0, j < values.count else { throw PyException.indexError("tuple index out of range") }
        return values[j]
    }
    func makeIterator() throws -> PyIterator {
        var i = 0
        let v = values
        return ClosureIterator("tuple_iterator") { guard i < v.count else { return nil }; defer { i += 1 }; return v[i] }
    }
    func length() throws -> Int { values.count }
    func repr() -> String {
        let parts = zip(fields, values).map { "\($0)=\((try? interpreter.repr($1)) ?? "?")" }
        return typeName + "(" + parts.joined(separator: ", ") + ")"
    }
    func str() -> String { repr() }
    var isTruthy: Bool { !values.isEmpty }
    func equals(_ other: any HostObject) -> Bool {
        guard let o = other as? NamedTupleHost, o.values.count == values.count else { return false }
        return (try? interpreter.equal(.tuple(values), .tuple(o.values))) ?? false
    }
    var hashValue: Int { fields.count }
    var doc: String? { nil }
}
