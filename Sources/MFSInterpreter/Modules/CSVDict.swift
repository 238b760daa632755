// csv.DictWriter and csv.DictReader: the dict-shaped layers CPython's csv.py puts over writer and reader.

/// `csv.DictWriter(f, fieldnames, restval="", extrasaction="raise", **writer_kwargs)`.
final class CSVDictWriterObject: HostObject {
    unowned let interp: Interpreter
    let writer: CSVWriterObject
    let fieldnames: Value
    let restval: Value
    let extrasaction: String
    init(_ interp: Interpreter, writer: CSVWriterObject, fieldnames: Value, restval: Value, extrasaction: String) {
        self.interp = interp; self.writer = writer; self.fieldnames = fieldnames
        self.restval = restval; self.extrasaction = extrasaction
    }
    var typeName: String { "DictWriter" }

    /// CPython's `_dict_to_list`: the row's values in fieldnames order, after the extra-keys check.
    func rowValues(_ rowdict: Value) throws -> [Value] {
        let names = try interp.toArray(fieldnames)
        if extrasaction == "raise" {
            // `rowdict.keys() - self.fieldnames` builds a set, so the message lists the fields in set order.
            let wrong = try PySet(try interp.toArray(try interp.callMethod(rowdict, "keys", [], [])))
            for n in names { try wrong.remove(n) }
            if wrong.count > 0 {
                let listed = try wrong.items.map { try interp.repr($0) }.joined(separator: ", ")
                throw PyException.valueError("dict contains fields not in fieldnames: " + listed)
            }
        }
        return try names.map { try interp.callMethod(rowdict, "get", [$0, restval], []) }
    }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "fieldnames": return fieldnames
        case "restval": return restval
        case "extrasaction": return .str(extrasaction)
        case "writer": return .host(writer)
        case "writeheader":
            return .newBuiltin("writeheader") { [unowned self] _, _ in
                try self.writer.writeRow(.list(PyList(try self.interp.toArray(self.fieldnames))))
            }
        case "writerow":
            return .newBuiltin("writerow") { [unowned self] args, _ in
                try checkArgs("writerow", args, 1, 1)
                return try self.writer.writeRow(.list(PyList(try self.rowValues(args[0]))))
            }
        case "writerows":
            return .newBuiltin("writerows") { [unowned self] args, _ in
                try checkArgs("writerows", args, 1, 1)
                try self.interp.forEach(args[0]) { _ = try self.writer.writeRow(.list(PyList(try self.rowValues($0)))); return true }
                return .none
            }
        default: return nil
        }
    }
    var attributeNames: [String] { ["extrasaction", "fieldnames", "restval", "writeheader", "writer", "writerow", "writerows"] }
}

/// `csv.DictReader(f, fieldnames=None, restkey=None, restval=None, **reader_kwargs)`: an iterator of dicts.
final class CSVDictReaderObject: HostObject {
    let rows: CSVReaderIterator
    var names: Value
    let restkey: Value
    let restval: Value
    var lineNum = 0
    init(rows: CSVReaderIterator, fieldnames: Value, restkey: Value, restval: Value) {
        self.rows = rows; self.names = fieldnames; self.restkey = restkey; self.restval = restval
    }
    var typeName: String { "DictReader" }

    /// The fieldnames property: read from the first row on first use unless given.
    func fieldnames() throws -> Value {
        if case .none = names, let first = try rows.next() { names = first }
        lineNum = rows.lineNum
        return names
    }

    func nextRow() throws -> Value? {
        if lineNum == 0 { _ = try fieldnames() }
        var row: [Value] = []
        repeat {
            guard case .list(let l)? = try rows.next() else { lineNum = rows.lineNum; return nil }
            row = l.items
        } while row.isEmpty
        lineNum = rows.lineNum
        let keys: [Value]
        switch names {
        case .list(let l): keys = l.items
        case .tuple(let t): keys = t
        case .none: throw PyException.typeError("'NoneType' object is not iterable")
        default: keys = try rows.interp.toArray(names)
        }
        let d = PyDict()
        for (k, v) in zip(keys, row) { try d.set(k, v) }
        if keys.count < row.count {
            try d.set(restkey, .list(PyList(Array(row[keys.count...]))))
        } else if keys.count > row.count {
            for k in keys[row.count...] { try d.set(k, restval) }
        }
        return .dict(d)
    }

    lazy var iterator: PyIterator = ClosureIterator("DictReader") { [unowned self] in try self.nextRow() }
    func makeIterator() throws -> PyIterator { iterator }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "fieldnames": return try fieldnames()
        case "restkey": return restkey
        case "restval": return restval
        case "line_num": return .int(lineNum)
        case "reader": return .iterator(rows)
        default: return nil
        }
    }
    func setAttribute(_ name: String, _ value: Value) throws {
        guard name == "fieldnames" else { throw PyException.attributeError("'DictReader' object has no attribute '\(name)'") }
        names = value
    }
    var attributeNames: [String] { ["fieldnames", "line_num", "reader", "restkey", "restval"] }
}

extension Interpreter {
    func makeDictWriter(_ args: [Value], _ kw: [(String, Value)], errorClass: PyClass) throws -> Value {
        guard let target = args.first else {
            throw PyException.typeError("DictWriter.__init__() missing 2 required positional arguments: 'f' and 'fieldnames'")
        }
        guard let fieldnames = argAt(args, 1, kw, "fieldnames") else {
            throw PyException.typeError("DictWriter.__init__() missing 1 required positional argument: 'fieldnames'")
        }
        let restval = argAt(args, 2, kw, "restval") ?? .str("")
        let action = try argAt(args, 3, kw, "extrasaction").map { try expectStr($0, "extrasaction") } ?? "raise"
        guard action.lowercased() == "raise" || action.lowercased() == "ignore" else {
            throw PyException.valueError("extrasaction (\(action)) must be 'raise' or 'ignore'")
        }
        let writerKw = kw.filter { !["fieldnames", "restval", "extrasaction"].contains($0.0) }
        guard case .host(let w as CSVWriterObject) = try makeCSVWriter([target], writerKw, errorClass: errorClass) else {
            throw PyException.typeError("csv.writer did not produce a writer")
        }
        return .host(CSVDictWriterObject(self, writer: w, fieldnames: fieldnames, restval: restval, extrasaction: action))
    }

    func makeDictReader(_ args: [Value], _ kw: [(String, Value)]) throws -> Value {
        guard let source = args.first else {
            throw PyException.typeError("DictReader.__init__() missing 1 required positional argument: 'f'")
        }
        let readerKw = kw.filter { !["fieldnames", "restkey", "restval"].contains($0.0) }
        let rows = try makeCSVReader([source], readerKw)
        return .host(CSVDictReaderObject(rows: rows, fieldnames: argAt(args, 1, kw, "fieldnames") ?? .none,
                                         restkey: argAt(args, 2, kw, "restkey") ?? .none,
                                         restval: argAt(args, 3, kw, "restval") ?? .none))
    }
}
