// pprint's layout, after CPython 3.11's Lib/pprint.py: an object whose repr fits the remaining
// width is written as its repr; a list, tuple, dict, set, Counter, defaultdict, str or bytes that
// does not is broken one item per line (or packed, with compact=True).

/// The settings of a `PrettyPrinter` and the layout they produce.
final class PrettyLayout {
    unowned let interp: Interpreter
    let indentPerLevel: Int
    let width: Int
    let depth: Int?
    let compact: Bool
    let sortDicts: Bool
    let underscoreNumbers: Bool
    private var active = Set<ObjectIdentifier>()

    init(_ interp: Interpreter, indent: Int = 1, width: Int = 80, depth: Int? = nil, compact: Bool = false,
         sortDicts: Bool = true, underscoreNumbers: Bool = false) throws {
        if indent < 0 { throw PyException.valueError("indent must be >= 0") }
        if let depth, depth <= 0 { throw PyException.valueError("depth must be > 0") }
        if width == 0 { throw PyException.valueError("width must be != 0") }
        self.interp = interp; self.indentPerLevel = indent; self.width = width; self.depth = depth
        self.compact = compact; self.sortDicts = sortDicts; self.underscoreNumbers = underscoreNumbers
    }

    func pformat(_ object: Value) throws -> String {
        var out = ""
        active = []
        try format(object, &out, indent: 0, allowance: 0, level: 0)
        return out
    }

    // MARK: the layout

    private func format(_ object: Value, _ out: inout String, indent: Int, allowance: Int, level: Int) throws {
        let id = identity(object)
        if let id, active.contains(id) { out += recursionText(object); return }
        var context = active
        let rep = try safeRepr(object, &context, level: level).text
        if length(rep) > width - indent - allowance {
            if let id { active.insert(id) }
            defer { if let id { active.remove(id) } }
            if try layOut(object, &out, indent: indent, allowance: allowance, level: level + 1) { return }
        }
        out += rep
    }

    /// The multi-line layout of the types pprint knows; false for any other object.
    private func layOut(_ object: Value, _ out: inout String, indent: Int, allowance: Int, level: Int) throws -> Bool {
        switch object {
        case .dict(let d) where d.isCounter:
            if d.count == 0 { return false }
            out += "Counter({"
            if indentPerLevel > 1 { out += String(repeating: " ", count: indentPerLevel - 1) }
            let items = try interp.toArray(try interp.callMethod(object, "most_common", [], [])).map { pair -> (Value, Value) in
                let p = try interp.toArray(pair)
                return (p[0], p[1])
            }
            try formatDictItems(items, &out, indent: indent + 8, allowance: allowance + 2, level: level)
            out += "})"
        case .dict(let d) where d.defaultFactory != nil:
            if d.count == 0 { return false }
            var context = active
            let factory = try safeRepr(d.defaultFactory ?? .none, &context, level: level).text
            let inner = indent + 12
            out += "defaultdict(\(factory),\n" + String(repeating: " ", count: inner)
            try formatDict(d, &out, indent: inner, allowance: allowance + 1, level: level)
            out += ")"
        case .dict(let d):
            try formatDict(d, &out, indent: indent, allowance: allowance, level: level)
        case .list(let l):
            out += "["
            try formatItems(l.items, &out, indent: indent, allowance: allowance + 1, level: level)
            out += "]"
        case .tuple(let t):
            let end = t.count == 1 ? ",)" : ")"
            out += "("
            try formatItems(t, &out, indent: indent, allowance: allowance + end.count, level: level)
            out += end
        case .set(let s), .frozenset(let s):
            if s.count == 0 { return false }
            var indent = indent
            let end: String
            if case .set = object { out += "{"; end = "}" } else { out += "frozenset({"; end = "})"; indent += 10 }
            try formatItems(try s.items.sorted(by: safeLess), &out, indent: indent, allowance: allowance + end.count, level: level)
            out += end
        case .str(let s):
            formatString(s, &out, indent: indent, allowance: allowance, level: level)
        case .bytes(let b):
            if b.count <= 4 { return false }
            formatBytes(b, &out, indent: indent, allowance: allowance, level: level)
        default:
            return false
        }
        return true
    }

    private func formatDict(_ d: PyDict, _ out: inout String, indent: Int, allowance: Int, level: Int) throws {
        out += "{"
        if indentPerLevel > 1 { out += String(repeating: " ", count: indentPerLevel - 1) }
        if d.count > 0 {
            var items = d.items
            if sortDicts { items = try items.sorted { try safeLess($0.0, $1.0) } }
            try formatDictItems(items, &out, indent: indent, allowance: allowance + 1, level: level)
        }
        out += "}"
    }

    private func formatDictItems(_ items: [(Value, Value)], _ out: inout String, indent: Int, allowance: Int, level: Int) throws {
        let indent = indent + indentPerLevel
        for (i, (key, value)) in items.enumerated() {
            let last = i == items.count - 1
            var context = active
            let rep = try safeRepr(key, &context, level: level).text
            out += rep + ": "
            try format(value, &out, indent: indent + length(rep) + 2, allowance: last ? allowance : 1, level: level)
            if !last { out += ",\n" + String(repeating: " ", count: indent) }
        }
    }

    private func formatItems(_ items: [Value], _ out: inout String, indent: Int, allowance: Int, level: Int) throws {
        let indent = indent + indentPerLevel
        if indentPerLevel > 1 { out += String(repeating: " ", count: indentPerLevel - 1) }
        let newlineDelimiter = ",\n" + String(repeating: " ", count: indent)
        var delimiter = ""
        var room = width - indent + 1, maxWidth = room
        for (i, item) in items.enumerated() {
            let last = i == items.count - 1
            if last { maxWidth -= allowance; room -= allowance }
            if compact {
                var context = active
                let rep = try safeRepr(item, &context, level: level).text
                let needed = length(rep) + 2
                if room < needed {
                    room = maxWidth
                    if !delimiter.isEmpty { delimiter = newlineDelimiter }
                }
                if room >= needed {
                    room -= needed
                    out += delimiter + rep
                    delimiter = ", "
                    continue
                }
            }
            out += delimiter
            delimiter = newlineDelimiter
            try format(item, &out, indent: indent, allowance: last ? allowance : 1, level: level)
        }
    }

    /// A long str is cut at whitespace into adjacent literals, in parentheses at the top level.
    private func formatString(_ s: String, _ out: inout String, indent: Int, allowance: Int, level: Int) {
        if s.isEmpty { out += strRepr(s); return }
        var indent = indent, allowance = allowance
        if level == 1 { indent += 1; allowance += 1 }
        let maxWidth = width - indent
        var firstWidth = maxWidth
        let lines = splitLinesKeepingEnds(s)
        var chunks: [String] = []
        var lastRep = ""
        for (i, line) in lines.enumerated() {
            lastRep = strRepr(line)
            if i == lines.count - 1 { firstWidth -= allowance }
            if length(lastRep) <= firstWidth { chunks.append(lastRep); continue }
            let parts = wordsWithTrailingSpace(line)
            var partWidth = maxWidth, current = ""
            for (j, part) in parts.enumerated() {
                let candidate = current + part
                if j == parts.count - 1 && i == lines.count - 1 { partWidth -= allowance }
                if length(strRepr(candidate)) > partWidth {
                    if !current.isEmpty { chunks.append(strRepr(current)) }
                    current = part
                } else {
                    current = candidate
                }
            }
            if !current.isEmpty { chunks.append(strRepr(current)) }
        }
        if chunks.count == 1 { out += lastRep; return }
        if level == 1 { out += "(" }
        out += chunks.joined(separator: "\n" + String(repeating: " ", count: indent))
        if level == 1 { out += ")" }
    }

    private func formatBytes(_ b: [UInt8], _ out: inout String, indent: Int, allowance: Int, level: Int) {
        var indent = indent, allowance = allowance
        if level == 1 { indent += 1; allowance += 1; out += "(" }
        var chunks: [String] = [], current: [UInt8] = []
        var room = width - indent
        let lastStart = b.count / 4 * 4
        for start in stride(from: 0, to: b.count, by: 4) {
            let part = Array(b[start..<min(start + 4, b.count)])
            if start == lastStart { room -= allowance }
            if length(bytesRepr(current + part)) > room {
                if !current.isEmpty { chunks.append(bytesRepr(current)) }
                current = part
            } else {
                current += part
            }
        }
        if !current.isEmpty { chunks.append(bytesRepr(current)) }
        out += chunks.joined(separator: "\n" + String(repeating: " ", count: indent))
        if level == 1 { out += ")" }
    }

    // MARK: the one-line form

    /// `_safe_repr`: the repr with dicts sorted, depth-limited, recursion marked; and whether it
    /// is readable (could be eval'd back) and recursive.
    func safeRepr(_ object: Value, _ context: inout Set<ObjectIdentifier>, level: Int) throws -> (text: String, readable: Bool, recursive: Bool) {
        func container(_ open: String, _ close: String, _ items: [Value], single: Bool = false) throws -> (String, Bool, Bool) {
            let id = identity(object)
            if let depth, level >= depth { return (open + "..." + close, false, id.map { context.contains($0) } ?? false) }
            if let id, context.contains(id) { return (recursionText(object), false, true) }
            if let id { context.insert(id) }
            defer { if let id { context.remove(id) } }
            var readable = true, recursive = false, parts: [String] = []
            for item in items {
                let r = try safeRepr(item, &context, level: level + 1)
                parts.append(r.text)
                readable = readable && r.readable
                recursive = recursive || r.recursive
            }
            return (open + parts.joined(separator: ", ") + (single ? "," : "") + close, readable, recursive)
        }
        switch object {
        case .int, .bigint:
            return (underscoreNumbers ? try interp.format(object, spec: "_d") : try interp.repr(object), true, false)
        case .list(let l):
            if l.items.isEmpty { return ("[]", true, false) }
            return try container("[", "]", l.items)
        case .tuple(let t):
            if t.isEmpty { return ("()", true, false) }
            return try container("(", ")", t, single: t.count == 1)
        case .dict(let d) where !d.isCounter && d.defaultFactory == nil:
            if d.count == 0 { return ("{}", true, false) }
            let id = ObjectIdentifier(d)
            if let depth, level >= depth { return ("{...}", false, context.contains(id)) }
            if context.contains(id) { return (recursionText(object), false, true) }
            context.insert(id)
            defer { context.remove(id) }
            var items = d.items
            if sortDicts { items = try items.sorted { try safeLess($0.0, $1.0) } }
            var readable = true, recursive = false, parts: [String] = []
            for (k, v) in items {
                let kr = try safeRepr(k, &context, level: level + 1), vr = try safeRepr(v, &context, level: level + 1)
                parts.append(kr.text + ": " + vr.text)
                readable = readable && kr.readable && vr.readable
                recursive = recursive || kr.recursive || vr.recursive
            }
            return ("{" + parts.joined(separator: ", ") + "}", readable, recursive)
        case .none, .bool, .float, .str, .bytes:
            return (try interp.repr(object), true, false)
        default:
            let rep = try interp.repr(object)
            return (rep, !rep.isEmpty && !rep.hasPrefix("<"), false)
        }
    }

    // MARK: helpers

    private func identity(_ v: Value) -> ObjectIdentifier? {
        switch v {
        case .list(let l): return ObjectIdentifier(l)
        case .dict(let d): return ObjectIdentifier(d)
        case .set(let s), .frozenset(let s): return ObjectIdentifier(s)
        default: return nil
        }
    }

    private func recursionText(_ v: Value) -> String {
        let id = identity(v).map { String(UInt(bitPattern: $0.hashValue)) } ?? "0"
        return "<Recursion on \(v.typeName) with id=\(id)>"
    }

    /// `_safe_key`: `<` where the values order, else by type name (then identity).
    private func safeLess(_ a: Value, _ b: Value) throws -> Bool {
        do {
            return try interp.lessThan(a, b)
        } catch let e as PyException where e.isInstance(of: "TypeError") {
            let ta = "<class '\(a.typeName)'>", tb = "<class '\(b.typeName)'>"
            if ta != tb { return ta.unicodeScalars.lexicographicallyPrecedes(tb.unicodeScalars) }
            return false
        }
    }

    private func length(_ s: String) -> Int { s.unicodeScalars.count }

    private func bytesRepr(_ b: [UInt8]) -> String { (try? interp.repr(.bytes(b))) ?? "" }

    private func splitLinesKeepingEnds(_ s: String) -> [String] {
        (try? interp.toArray(try interp.callMethod(.str(s), "splitlines", [.bool(true)], [])))?.compactMap {
            if case .str(let line) = $0 { return line }
            return nil
        } ?? [s]
    }

    /// `re.findall(r'\S*\s*', line)` without its final empty match.
    private func wordsWithTrailingSpace(_ line: String) -> [String] {
        var parts: [String] = [], current = String.UnicodeScalarView(), inSpace = false
        for u in line.unicodeScalars {
            let space = isPySpace(u)
            if !space && inSpace { parts.append(String(current)); current = String.UnicodeScalarView(); inSpace = false }
            if space { inSpace = true }
            current.append(u)
        }
        if !current.isEmpty { parts.append(String(current)) }
        return parts
    }
}

/// `pprint.PrettyPrinter(...)`.
final class PrettyPrinterObject: HostObject {
    let layout: PrettyLayout
    let stream: Value?
    init(_ layout: PrettyLayout, stream: Value?) { self.layout = layout; self.stream = stream }
    var typeName: String { "PrettyPrinter" }
    var attributeNames: [String] { ["format", "isreadable", "isrecursive", "pformat", "pprint"] }
    func getAttribute(_ name: String) throws -> Value? {
        let interp = layout.interp
        switch name {
        case "pformat": return .newBuiltin(name) { [layout] args, kw in
            .str(try layout.pformat(try PythonSignature("PrettyPrinter.pformat", ["object"], isMethod: true).bind(args, kw)[0] ?? .none))
        }
        case "pprint": return .newBuiltin(name) { [layout, stream] args, kw in
            let text = try layout.pformat(try PythonSignature("PrettyPrinter.pprint", ["object"], isMethod: true).bind(args, kw)[0] ?? .none)
            try interp.writeText(text + "\n", to: stream)
            return .none
        }
        case "isreadable", "isrecursive": return .newBuiltin(name) { [layout] args, kw in
            let object = try PythonSignature("PrettyPrinter.\(name)", ["object"], isMethod: true).bind(args, kw)[0] ?? .none
            var context = Set<ObjectIdentifier>()
            let r = try layout.safeRepr(object, &context, level: 0)
            return .bool(name == "isrecursive" ? r.recursive : r.readable && !r.recursive)
        }
        default: return nil
        }
    }
    func repr() -> String { "<pprint.PrettyPrinter object at \(layout.interp.addressText(of: self))>" }
}

extension Interpreter {
    /// pprint.pformat(value, width=width): the REPL's echo of long values uses it.
    package func pformat(_ value: Value, width: Int = 80) throws -> String {
        try PrettyLayout(self, width: width).pformat(value)
    }

    /// `print(text, end="", file=stream)`: sys.stdout when `stream` is None or absent.
    func writeText(_ text: String, to stream: Value?) throws {
        if let stream, !stream.isNone {
            _ = try callMethod(stream, "write", [.str(text)], [])
        } else {
            stdout.write(text)
            try raiseWriteError(of: stdout)
        }
    }

    /// Builds the layout from the values bound to indent, width, depth and the keyword-only options.
    private func prettyLayout(_ indent: Value?, _ width: Value?, _ depth: Value?, _ flags: ArraySlice<Value?>, sortDefault: Bool = true) throws -> PrettyLayout {
        let flagValues = try flags.map { try $0.map { try self.isTruthy($0) } }
        let depthValue = try depth.flatMap { $0.isNone ? nil : try expectInt($0) }
        return try PrettyLayout(self, indent: try indent.map { try expectInt($0) } ?? 1, width: try width.map { try expectInt($0) } ?? 80,
                                depth: depthValue, compact: flagValues[0] ?? false,
                                sortDicts: flagValues[1] ?? sortDefault,
                                underscoreNumbers: flagValues[2] ?? false)
    }

    func makePprintModule() -> Value {
        let options = ["compact", "sort_dicts", "underscore_numbers"]
        func scalar(_ name: String, _ pick: @escaping ((text: String, readable: Bool, recursive: Bool)) -> Value) -> (String, Value) {
            fn(name) { [unowned self] args, kw in
                let object = try PythonSignature(name, ["object"]).bind(args, kw)[0] ?? .none
                var context = Set<ObjectIdentifier>()
                return pick(try PrettyLayout(self).safeRepr(object, &context, level: 0))
            }
        }
        let printerClass = registerHostClass(name: "PrettyPrinter", module: "pprint") { [unowned self] args, kw in
            let a = try PythonSignature("PrettyPrinter.__init__", ["indent", "width", "depth", "stream"], required: 0,
                                        keywordOnly: options, isMethod: true).bind(args, kw)
            return .host(PrettyPrinterObject(try self.prettyLayout(a[0], a[1], a[2], a[4...]), stream: a[3]))
        }
        return module("pprint", [
            ("PrettyPrinter", printerClass),
            fn("pprint") { [unowned self] args, kw in
                let a = try PythonSignature("pprint", ["object", "stream", "indent", "width", "depth"], required: 1,
                                            keywordOnly: options).bind(args, kw)
                let text = try self.prettyLayout(a[2], a[3], a[4], a[5...]).pformat(a[0] ?? .none)
                try self.writeText(text + "\n", to: a[1])
                return .none
            },
            fn("pp") { [unowned self] args, kw in
                let a = try PythonSignature("pprint", ["object", "stream", "indent", "width", "depth"], required: 1,
                                            keywordOnly: options).bind(args, kw)
                let text = try self.prettyLayout(a[2], a[3], a[4], a[5...], sortDefault: false).pformat(a[0] ?? .none)
                try self.writeText(text + "\n", to: a[1])
                return .none
            },
            fn("pformat") { [unowned self] args, kw in
                let a = try PythonSignature("pformat", ["object", "indent", "width", "depth"], required: 1, keywordOnly: options).bind(args, kw)
                return .str(try self.prettyLayout(a[1], a[2], a[3], a[4...]).pformat(a[0] ?? .none))
            },
            scalar("saferepr") { .str($0.text) },
            scalar("isreadable") { .bool($0.readable) },
            scalar("isrecursive") { .bool($0.recursive) },
        ])
    }
}
