// The csv module: writer (writerow/writerows, CPython's quoting rules) and reader over an iterable of lines.

/// The writer's formatting parameters (CPython's Dialect, for the writer side).
struct CSVDialect {
    var delimiter: Unicode.Scalar = ","
    var quotechar: Unicode.Scalar? = "\""
    var escapechar: Unicode.Scalar?
    var doublequote = true
    var lineterminator = "\r\n"
    var quoting = 0  // QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE

    init(_ kw: [(String, Value)], _ interp: Interpreter) throws {
        func char(_ name: String, _ v: Value) throws -> Unicode.Scalar? {
            if case .none = v { return nil }
            guard case .str(let s) = v else { throw PyException.typeError("\"\(name)\" must be string, not \(v.typeName)") }
            guard s.unicodeScalars.count == 1, let c = s.unicodeScalars.first else {
                throw PyException.typeError("\"\(name)\" must be a 1-character string")
            }
            return c
        }
        var quotingGiven = false
        for (k, v) in kw {
            switch k {
            case "delimiter":
                guard let c = try char(k, v) else { throw PyException.typeError("\"delimiter\" must be string, not NoneType") }
                delimiter = c
            case "quotechar": quotechar = try char(k, v)
            case "escapechar": escapechar = try char(k, v)
            case "doublequote": doublequote = try interp.isTruthy(v)
            case "lineterminator":
                guard case .str(let s) = v else { throw PyException.typeError("\"lineterminator\" must be a string") }
                lineterminator = s
            case "quoting":
                guard case .int(let q) = v else { throw PyException.typeError("\"quoting\" must be an integer") }
                guard (0...3).contains(q) else { throw PyException.typeError("bad \"quoting\" value") }
                quoting = q; quotingGiven = true
            default: break
            }
        }
        if quotechar == nil && !quotingGiven { quoting = 3 }
    }
}

/// `csv.writer(f, **fmtparams)`: formats rows as CPython's _csv writer does and calls `f.write`.
final class CSVWriterObject: HostObject {
    unowned let interp: Interpreter
    let target: Value
    let dialect: CSVDialect
    let errorClass: PyClass
    init(_ interp: Interpreter, _ target: Value, dialect: CSVDialect, errorClass: PyClass) {
        self.interp = interp; self.target = target; self.dialect = dialect; self.errorClass = errorClass
    }
    var typeName: String { "_csv.writer" }

    func csvError(_ message: String) -> PyException { PyException(cls: errorClass, args: [.str(message)]) }

    /// CPython's join_append_data: escape or double special characters, and decide whether to quote.
    func field(_ text: String, quoted startQuoted: Bool) throws -> String {
        let d = dialect
        var quoted = startQuoted
        var body = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            var wantEscape = false
            if c == d.delimiter || c == d.escapechar || c == d.quotechar || d.lineterminator.unicodeScalars.contains(c) {
                if d.quoting == 3 {
                    wantEscape = true
                } else {
                    if c == d.quotechar {
                        if d.doublequote { body.append(c) } else { wantEscape = true }
                    } else if c == d.escapechar {
                        wantEscape = true
                    }
                    if !wantEscape { quoted = true }
                }
                if wantEscape {
                    guard let e = d.escapechar else { throw csvError("need to escape, but no escapechar set") }
                    body.append(e)
                }
            }
            body.append(c)
        }
        guard quoted, let q = d.quotechar else { return String(body) }
        return String(q) + String(body) + String(q)
    }

    func writeRow(_ row: Value) throws -> Value {
        let fields = try interp.toArray(row)
        var parts: [String] = []
        for v in fields {
            let quoted: Bool
            switch dialect.quoting {
            case 1: quoted = true
            case 2:
                switch v { case .int, .bigint, .float, .bool: quoted = false; default: quoted = true }
            default: quoted = false
            }
            switch v {
            case .none: parts.append(try field("", quoted: quoted))
            case .float(let x): parts.append(try field(floatRepr(x), quoted: quoted))
            default: parts.append(try field(try interp.str(v), quoted: quoted))
            }
        }
        var line = parts.joined(separator: String(dialect.delimiter))
        if !fields.isEmpty && line.isEmpty {
            // A record of one empty field would read back as no fields, so CPython quotes it.
            guard dialect.quoting != 3 else { throw csvError("single empty field record must be quoted") }
            line = try field("", quoted: true)
        }
        line += dialect.lineterminator
        _ = try interp.callMethod(target, "write", [.str(line)], [])
        return .int(line.unicodeScalars.count)
    }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "writerow": return .newBuiltin("writerow") { [unowned self] args, _ in try self.writeRow(args.first ?? .none) }
        case "writerows":
            return .newBuiltin("writerows") { [unowned self] args, _ in
                try self.interp.forEach(args.first ?? .none) { _ = try self.writeRow($0); return true }
                return .none
            }
        default: return nil
        }
    }
    var attributeNames: [String] { ["writerow", "writerows"] }
}

/// `csv.reader(lines)`: parses each line into a list of fields; counts lines read as `line_num`.
final class CSVReaderIterator: PyIterator {
    unowned let interp: Interpreter
    let lines: PyIterator
    let delimiter: Unicode.Scalar
    var lineNum = 0
    init(_ interp: Interpreter, _ lines: PyIterator, delimiter: Unicode.Scalar) {
        self.interp = interp; self.lines = lines; self.delimiter = delimiter
    }
    override var typeName: String { "_csv.reader" }
    override func next() throws -> Value? {
        guard let line = try lines.next() else { return nil }
        lineNum += 1
        return .list(PyList(parseCSVLine(try expectStr(line, "iterator should return strings"), delimiter: delimiter)))
    }
}

/// One line's fields; a blank line has none, as in CPython.
func parseCSVLine(_ s: String, delimiter d: Unicode.Scalar) -> [Value] {
    var chars = Array(s.unicodeScalars)
    while let l = chars.last, l == "\n" || l == "\r" { chars.removeLast() }
    if chars.isEmpty { return [] }
    var fields: [Value] = []
    var cur = String.UnicodeScalarView()
    var inQuotes = false
    var i = 0
    while i < chars.count {
        let c = chars[i]
        if inQuotes {
            if c == "\"" {
                if i + 1 < chars.count && chars[i + 1] == "\"" { cur.append("\""); i += 1 } else { inQuotes = false }
            } else { cur.append(c) }
        } else if c == "\"" { inQuotes = true }
        else if c == d { fields.append(.str(String(cur))); cur = String.UnicodeScalarView() }
        else { cur.append(c) }
        i += 1
    }
    fields.append(.str(String(cur)))
    return fields
}

extension Interpreter {
    func makeCSVWriter(_ args: [Value], _ kw: [(String, Value)], errorClass: PyClass) throws -> Value {
        guard let target = args.first else { throw PyException.typeError("expected file object") }
        return .host(CSVWriterObject(self, target, dialect: try CSVDialect(kw, self), errorClass: errorClass))
    }

    func makeCSVReader(_ args: [Value], _ kw: [(String, Value)]) throws -> CSVReaderIterator {
        let delim = try kw.first { $0.0 == "delimiter" }.map { try expectStr($0.1, "delimiter") } ?? ","
        return CSVReaderIterator(self, try makeIterator(args.first ?? .none), delimiter: delim.unicodeScalars.first ?? ",")
    }

    func makeCSVModule() -> Value {
        let error = PyClass(name: "Error", module: "_csv", bases: [BuiltinClasses.exc("Exception")])
        return module("csv", [
            ("QUOTE_MINIMAL", .int(0)), ("QUOTE_ALL", .int(1)), ("QUOTE_NONNUMERIC", .int(2)), ("QUOTE_NONE", .int(3)),
            ("Error", .type(error)),
            fn("writer") { [unowned self] args, kw in try self.makeCSVWriter(args, kw, errorClass: error) },
            fn("reader") { [unowned self] args, kw in .iterator(try self.makeCSVReader(args, kw)) },
            fn("DictWriter") { [unowned self] args, kw in try self.makeDictWriter(args, kw, errorClass: error) },
            fn("DictReader") { [unowned self] args, kw in try self.makeDictReader(args, kw) },
        ])
    }
}
