// The io module's in-memory text file, io.StringIO: what scripts hand to json.dump, csv.writer,
// print(file=...) and pprint(stream=...) to get the text back.

final class StringIOObject: HostObject {
    private var text: [Unicode.Scalar]
    private var position = 0
    private(set) var closed = false
    unowned let interp: Interpreter

    init(_ interp: Interpreter, _ initial: String) { self.interp = interp; text = Array(initial.unicodeScalars) }

    var typeName: String { "StringIO" }
    var attributeNames: [String] {
        ["close", "closed", "getvalue", "isatty", "read", "readable", "readline", "readlines", "seek", "seekable", "tell",
         "truncate", "writable", "write", "writelines"]
    }
    func repr() -> String { "<_io.StringIO object at 0x\(String(UInt(bitPattern: ObjectIdentifier(self)), radix: 16))>" }

    /// CPython's StringIO words this with a final period only in readlines and iter.
    private func checkOpen(period: Bool = false) throws {
        if closed { throw PyException.valueError("I/O operation on closed file" + (period ? "." : "")) }
    }

    private func size(_ v: Value?) throws -> Int? {
        guard let v, !v.isNone else { return nil }
        let n = try expectInt(v)
        return n < 0 ? nil : n
    }

    func write(_ s: String) throws -> Int {
        try checkOpen()
        let scalars = Array(s.unicodeScalars)
        if position > text.count { text += [Unicode.Scalar](repeating: "\u{0}", count: position - text.count) }
        let end = min(position + scalars.count, text.count)
        text.replaceSubrange(position..<end, with: scalars)
        position += scalars.count
        return scalars.count
    }

    func readLine(limit: Int?) -> String {
        guard position < text.count else { return "" }
        var end = position
        while end < text.count {
            if let limit, end - position >= limit { break }
            end += 1
            if text[end - 1] == "\n" { break }
        }
        defer { position = end }
        return String(String.UnicodeScalarView(text[position..<end]))
    }

    func getAttribute(_ name: String) throws -> Value? {
        func method(_ body: @escaping ([Value], [(String, Value)]) throws -> Value) -> Value { .newBuiltin(name, body) }
        switch name {
        case "closed": return .bool(closed)
        case "write":
            return method { [self] args, _ in
                try checkArgs("write", args, 1, 1)
                guard case .str(let s) = args[0] else { throw PyException.typeError("string argument expected, got '\(args[0].typeName)'") }
                return .int(try write(s))
            }
        case "writelines":
            return method { [self] args, _ in
                try checkArgs("writelines", args, 1, 1)
                for line in try argumentLines(args[0]) { _ = try write(line) }
                return .none
            }
        case "getvalue": return method { [self] _, _ in try checkOpen(); return .str(String(String.UnicodeScalarView(text))) }
        case "read":
            return method { [self] args, _ in
                try checkOpen()
                let start = min(position, text.count)
                let end = try size(args.first).map { min(start + $0, text.count) } ?? text.count
                position = max(position, end)
                return .str(String(String.UnicodeScalarView(text[start..<end])))
            }
        case "readline": return method { [self] args, _ in try checkOpen(); return .str(readLine(limit: try size(args.first))) }
        case "readlines":
            return method { [self] _, _ in
                try checkOpen(period: true)
                var lines: [Value] = []
                while position < text.count { lines.append(.str(readLine(limit: nil))) }
                return .newList(lines)
            }
        case "seek":
            return method { [self] args, _ in
                try checkOpen()
                try checkArgs("seek", args, 1, 2)
                let offset = try expectInt(args[0]), whence = args.count > 1 ? try expectInt(args[1]) : 0
                switch whence {
                case 0:
                    if offset < 0 { throw PyException.valueError("Negative seek position \(offset)") }
                    position = offset
                case 1, 2:
                    if offset != 0 { throw PyException.builtin("OSError", "Can't do nonzero cur-relative seeks") }
                    if whence == 2 { position = text.count }
                default: throw PyException.valueError("Invalid whence (\(whence), should be 0, 1 or 2)")
                }
                return .int(position)
            }
        case "tell": return method { [self] _, _ in try checkOpen(); return .int(position) }
        case "truncate":
            return method { [self] args, _ in
                try checkOpen()
                let n = try size(args.first) ?? position
                if n < text.count { text.removeSubrange(n...) }
                return .int(n)
            }
        case "close": return method { [self] _, _ in closed = true; return .none }
        case "isatty": return method { _, _ in .bool(false) }
        case "readable", "writable", "seekable": return method { [self] _, _ in try checkOpen(); return .bool(true) }
        default: return nil
        }
    }

    private func argumentLines(_ v: Value) throws -> [String] {
        try interp.toArray(v).map { line in
            guard case .str(let s) = line else { throw PyException.typeError("string argument expected, got '\(line.typeName)'") }
            return s
        }
    }

    func makeIterator() throws -> PyIterator {
        try checkOpen(period: true)
        return ClosureIterator("StringIO") { [self] in
            let line = readLine(limit: nil)
            return line.isEmpty ? nil : .str(line)
        }
    }
    func enter() throws -> Value { try checkOpen(); return .host(self) }
    func exit(error: PyException?) throws { closed = true }
}

extension Interpreter {
    func makeIOModule() -> Value {
        let stringIO = registerHostClass(name: "StringIO", module: "_io") { [unowned self] args, kw in
            let a = try PythonSignature("StringIO", ["initial_value", "newline"], required: 0).bind(args, kw)
            let initial = a[0] ?? .str("")
            if initial.isNone { return .host(StringIOObject(self, "")) }
            guard case .str(let s) = initial else {
                throw PyException.typeError("initial_value must be str or None, not \(initial.typeName)")
            }
            return .host(StringIOObject(self, s))
        }
        return module("io", [("StringIO", stringIO)])
    }
}
