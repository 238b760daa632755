// The arguments of a view function (positional or by keyword, checked as Python checks them)
// and the numbers a chart is drawn from: lists, tuples, ranges, dicts, numpy arrays and scalars,
// pandas Series (its index kept as labels).
import MFSInterpreter
import NumPyPandas

struct CallArguments {
    let name: String
    private var values: [String: Value] = [:]

    init(_ name: String, _ args: [Value], _ kwargs: [(String, Value)], positional: [String], keywords: [String]) throws {
        self.name = name
        guard args.count <= positional.count else {
            throw PyException.typeError("\(name)() takes at most \(positional.count) positional argument\(positional.count == 1 ? "" : "s") (\(args.count) given)")
        }
        for (i, a) in args.enumerated() { values[positional[i]] = a }
        for (k, v) in kwargs {
            guard positional.contains(k) || keywords.contains(k) else { throw PyException.typeError("\(name)() got an unexpected keyword argument '\(k)'") }
            guard values[k] == nil else { throw PyException.typeError("\(name)() got multiple values for argument '\(k)'") }
            values[k] = v
        }
    }

    func value(_ key: String) -> Value? {
        guard let v = values[key], !v.isNone else { return nil }
        return v
    }

    func required(_ key: String) throws -> Value {
        guard let v = values[key] else { throw PyException.typeError("\(name)() missing required argument '\(key)'") }
        return v
    }

    func int(_ key: String) throws -> Int? {
        guard let v = value(key) else { return nil }
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: throw PyException.typeError("\(name)() argument '\(key)' must be int, not \(v.typeName)")
        }
    }

    func string(_ key: String) throws -> String? {
        guard let v = value(key) else { return nil }
        guard case .str(let s) = v else { throw PyException.typeError("\(name)() argument '\(key)' must be str, not \(v.typeName)") }
        return s
    }
}

enum Numbers {
    /// The values of `v` as numbers (None and NaN as NaN), with the keys of a dict or the index
    /// of a Series.
    static func read(_ v: Value, _ interpreter: Interpreter, for function: String) throws -> (keys: [Value]?, values: [Double]) {
        var value = v
        if let plain = try NumericHosts.plainValue(v, interpreter: interpreter) { value = plain }
        switch value {
        case .dict(let d): return (d.keys, try d.values.map { try number($0, interpreter, for: function) })
        case .str, .bytes: throw PyException.typeError("\(function)() needs numbers, not '\(value.typeName)'")
        default: return (nil, try doubles(value, interpreter, for: function))
        }
    }

    static func doubles(_ v: Value, _ interpreter: Interpreter, for function: String) throws -> [Double] {
        let items: [Value]
        switch v {
        case .list(let l): items = l.items
        case .tuple(let t): items = t
        case .int, .float, .bool, .none: throw PyException.typeError("\(function)() needs a sequence of numbers, not a single '\(v.typeName)'")
        default: items = try interpreter.iterateAll(v)
        }
        return try items.map { try number($0, interpreter, for: function) }
    }

    static func doubles(_ values: [Value], _ interpreter: Interpreter, for function: String) throws -> [Double] {
        try values.map { try number($0, interpreter, for: function) }
    }

    static func number(_ v: Value, _ interpreter: Interpreter, for function: String) throws -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .none: return .nan
        case .bigint: return Double(try interpreter.str(v)) ?? .nan
        default:
            // numpy scalars: their item().
            if let plain = try NumericHosts.plainValue(v, interpreter: interpreter) {
                switch plain {
                case .int, .float, .bool, .none: return try number(plain, interpreter, for: function)
                default: break
                }
            }
            throw PyException.typeError("\(function)() needs numbers, not '\(v.typeName)'")
        }
    }
}
