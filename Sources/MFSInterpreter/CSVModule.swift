// The csv module: writer (writerow/writerows) and reader over an iterable of lines.

final class CSVWriterObject: HostObject {
    unowned let interp: Interpreter
    let target: Value
    let delimiter: String
    let lineterminator: String
    init(_ interp: Interpreter, _ target: Value, delimiter: String, lineterminator: String) {
        self.interp = interp; self.target = target; self.delimiter = delimiter; self.lineterminator = lineterminator
    }
    var typeName: String { "_csv.writer" }
    func field(_ v: Value) throws -> String {
        let s: String
        switch v {
        case .none: s = ""
        case .float(let d): s = floatRepr(d)
        default: s = try interp.str(v)
        }
        if s.contains(delimiter) || s.contains("\"") || s.contains("\n") || s.contains("\r") {
            return "\"" + s.replacingOccurrences("\"", "\"\"") + "\""
        }
        return s
    }
    func writeRow(_ row: Value) throws -> Value {
        let line = try interp.toArray(row).map { try field($0) }.joined(separator: delimiter) + lineterminator
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
    func makeCSVWriter(_ args: [Value], _ kw: [(String, Value)]) throws -> Value {
        guard let target = args.first else { throw PyException.typeError("expected file object") }
        let delim = try kw.first { $0.0 == "delimiter" }.map { try expectStr($0.1, "delimiter") } ?? ","
        let term = try kw.first { $0.0 == "lineterminator" }.map { try expectStr($0.1, "lineterminator") } ?? "\r\n"
        return .host(CSVWriterObject(self, target, delimiter: delim, lineterminator: term))
    }

    func makeCSVReader(_ args: [Value], _ kw: [(String, Value)]) throws -> CSVReaderIterator {
        let delim = try kw.first { $0.0 == "delimiter" }.map { try expectStr($0.1, "delimiter") } ?? ","
        return CSVReaderIterator(self, try makeIterator(args.first ?? .none), delimiter: delim.unicodeScalars.first ?? ",")
    }

    func makeCSVModule() -> Value {
        module("csv", [
            ("QUOTE_MINIMAL", .int(0)), ("QUOTE_ALL", .int(1)), ("QUOTE_NONNUMERIC", .int(2)), ("QUOTE_NONE", .int(3)),
            fn("writer") { [unowned self] args, kw in try self.makeCSVWriter(args, kw) },
            fn("reader") { [unowned self] args, kw in .iterator(try self.makeCSVReader(args, kw)) },
            fn("DictWriter") { [unowned self] args, kw in try self.makeDictWriter(args, kw) },
            fn("DictReader") { [unowned self] args, kw in try self.makeDictReader(args, kw) },
        ])
    }
}
