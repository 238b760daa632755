// The `re` module: compile, match, search, fullmatch, findall, finditer, sub, subn, split, escape.

final class RegexPatternObject: HostObject {
    let regex: CompiledRegex
    unowned let interp: Interpreter
    init(_ r: CompiledRegex, _ interp: Interpreter) { regex = r; self.interp = interp }
    var typeName: String { "Pattern" }
    func repr() -> String { "re.compile(\(strRepr(regex.pattern)))" }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "pattern": return .str(regex.pattern)
        case "flags": return .int(regex.flags.rawValue | 32)
        case "groups": return .int(regex.groupCount)
        case "match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split":
            return .newBuiltin(name) { [unowned self] args, kw in try self.interp.reCall(name, self.regex, args, kw) }
        default: return nil
        }
    }
    var attributeNames: [String] { ["findall", "finditer", "flags", "fullmatch", "groups", "match", "pattern", "search", "split", "sub", "subn"] }
}

final class RegexMatchObject: HostObject {
    let regex: CompiledRegex
    let text: [Unicode.Scalar]
    let string: String
    let spans: [(Int, Int)?]
    init(_ regex: CompiledRegex, _ text: [Unicode.Scalar], _ string: String, _ spans: [(Int, Int)?]) {
        self.regex = regex; self.text = text; self.string = string; self.spans = spans
    }
    var typeName: String { "Match" }
    var whole: String { group(0).map { if case .str(let s) = $0 { return s }; return "" } ?? "" }
    func repr() -> String {
        let (a, b) = spans[0] ?? (0, 0)
        return "<re.Match object; span=(\(a), \(b)), match=\(strRepr(whole))>"
    }
    func index(_ v: Value) throws -> Int {
        switch v {
        case .int(let i) where i >= 0 && i < spans.count: return i
        case .str(let n): if let i = regex.names[n] { return i }
        default: break
        }
        throw PyException.indexError("no such group")
    }
    func group(_ i: Int) -> Value? {
        guard i < spans.count else { return nil }
        guard let (a, b) = spans[i] else { return Value.none }
        return .str(String(String.UnicodeScalarView(text[a..<b])))
    }
    func getItem(_ key: Value) throws -> Value { group(try index(key)) ?? .none }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "group":
            return .newBuiltin("group") { [unowned self] args, _ in
                if args.isEmpty { return self.group(0) ?? .none }
                if args.count == 1 { return self.group(try self.index(args[0])) ?? .none }
                return .tuple(try args.map { self.group(try self.index($0)) ?? .none })
            }
        case "groups":
            return .newBuiltin("groups") { [unowned self] args, kw in
                let dflt = argAt(args, 0, kw, "default") ?? .none
                return .tuple((1..<max(self.spans.count, 1)).map { i in
                    if case .none? = self.group(i) { return dflt }
                    return self.group(i) ?? dflt
                })
            }
        case "groupdict":
            return .newBuiltin("groupdict") { [unowned self] _, _ in
                try .newDict(self.regex.names.sorted { $0.value < $1.value }.map { (.str($0.key), self.group($0.value) ?? .none) })
            }
        case "start", "end", "span":
            return .newBuiltin(name) { [unowned self] args, _ in
                let i = try args.first.map { try self.index($0) } ?? 0
                let (a, b) = self.spans[i] ?? (-1, -1)
                switch name {
                case "start": return .int(a)
                case "end": return .int(b)
                default: return .tuple([.int(a), .int(b)])
                }
            }
        case "string": return .str(string)
        case "lastindex":
            let idx = (1..<max(spans.count, 1)).last { spans[$0] != nil }
            return idx.map { .int($0) } ?? Value.none
        case "re": return nil
        default: return nil
        }
    }
    var attributeNames: [String] { ["end", "group", "groupdict", "groups", "lastindex", "span", "start", "string"] }
}

extension Interpreter {
    func makeReModule() -> Value {
        func flagsArg(_ args: [Value], _ i: Int, _ kw: [(String, Value)]) throws -> RegexFlags {
            RegexFlags(rawValue: try argAt(args, i, kw, "flags").map { try expectInt($0) } ?? 0)
        }
        var members: [(String, Value)] = [
            ("IGNORECASE", .int(2)), ("I", .int(2)), ("MULTILINE", .int(8)), ("M", .int(8)),
            ("DOTALL", .int(16)), ("S", .int(16)), ("VERBOSE", .int(64)), ("X", .int(64)), ("ASCII", .int(256)), ("A", .int(256)),
            ("error", .type(BuiltinClasses.exc("ValueError"))),
            fn("compile") { [unowned self] args, kw in
                guard case .str(let p)? = argAt(args, 0, kw, "pattern") else { throw PyException.typeError("first argument must be string or compiled pattern") }
                return .host(RegexPatternObject(try self.compileRegex(p, try flagsArg(args, 1, kw)), self))
            },
            fn("escape") { args, _ in
                let s = try expectStr(args.first ?? .none, "escape() argument")
                var out = ""
                for u in s.unicodeScalars {
                    if u.properties.isAlphabetic || (u >= "0" && u <= "9") || u == "_" || u.value > 127 { out.unicodeScalars.append(u) }
                    else { out += "\\"; out.unicodeScalars.append(u) }
                }
                return .str(out)
            },
        ]
        for name in ["match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split"] {
            members.append(fn(name) { [unowned self] args, kw in
                guard let p = args.first else { throw PyException.typeError("\(name)() missing required argument 'pattern' (pos 1)") }
                let flagIndex = name == "sub" ? 4 : name == "subn" ? 4 : name == "split" ? 3 : 2
                let regex: CompiledRegex
                if case .host(let h) = p, let po = h as? RegexPatternObject { regex = po.regex }
                else { regex = try self.compileRegex(try expectStr(p, "pattern"), try flagsArg(args, flagIndex, kw)) }
                var rest = Array(args.dropFirst())
                if rest.count >= flagIndex { rest = Array(rest.prefix(flagIndex - 1)) }
                return try self.reCall(name, regex, rest, kw.filter { $0.0 != "flags" })
            })
        }
        return module("re", members)
    }

    func compileRegex(_ p: String, _ flags: RegexFlags) throws -> CompiledRegex {
        let key = "\(flags.rawValue):\(p)"
        if let r = regexCache[key] { return r }
        let r = try CompiledRegex(p, flags: flags)
        if regexCache.count > 200 { regexCache.removeAll() }
        regexCache[key] = r
        return r
    }

    func reCall(_ name: String, _ regex: CompiledRegex, _ args: [Value], _ kw: [(String, Value)]) throws -> Value {
        func stringArg(_ i: Int, _ n: String) throws -> String {
            guard case .str(let s)? = argAt(args, i, kw, n) else {
                throw PyException.typeError("expected string or bytes-like object, got '\(argAt(args, i, kw, n)?.typeName ?? "NoneType")'")
            }
            return s
        }
        switch name {
        case "match", "search", "fullmatch":
            let s = try stringArg(0, "string")
            let text = Array(s.unicodeScalars)
            let spans: [(Int, Int)?]?
            switch name {
            case "match": spans = regex.match(text, at: 0)
            case "fullmatch": spans = regex.match(text, at: 0, fullMatch: true)
            default: spans = regex.search(text, from: 0)
            }
            return spans.map { .host(RegexMatchObject(regex, text, s, $0)) } ?? .none
        case "findall", "finditer":
            let s = try stringArg(0, "string")
            let text = Array(s.unicodeScalars)
            let all = allMatches(regex, text)
            if name == "finditer" { return .iterator(ArrayIterator(all.map { .host(RegexMatchObject(regex, text, s, $0)) }, typeName: "callable_iterator")) }
            func str(_ sp: (Int, Int)?) -> Value { sp.map { .str(String(String.UnicodeScalarView(text[$0.0..<$0.1]))) } ?? .str("") }
            return .list(PyList(all.map { spans in
                if regex.groupCount == 0 { return str(spans[0]) }
                if regex.groupCount == 1 { return str(spans[1]) }
                return .tuple((1...regex.groupCount).map { str(spans[$0]) })
            }))
        case "sub", "subn":
            guard let repl = argAt(args, 0, kw, "repl") else { throw PyException.typeError("sub() missing required argument 'repl'") }
            let s = try stringArg(1, "string")
            let count = try argAt(args, 2, kw, "count").map { try expectInt($0) } ?? 0
            let text = Array(s.unicodeScalars)
            var out = String.UnicodeScalarView()
            var last = 0
            var n = 0
            for spans in allMatches(regex, text) {
                if count > 0 && n >= count { break }
                guard let (a, b) = spans[0] else { continue }
                out.append(contentsOf: text[last..<a])
                let replacement: String
                if case .str(let template) = repl {
                    replacement = try expandTemplate(template, regex, text, spans)
                } else {
                    let r = try callValue(repl, [.host(RegexMatchObject(regex, text, s, spans))], [])
                    replacement = try expectStr(r, "expected str instance, \(r.typeName) found; repl result")
                }
                out.append(contentsOf: replacement.unicodeScalars)
                last = b
                n += 1
            }
            out.append(contentsOf: text[last...])
            return name == "sub" ? .str(String(out)) : .tuple([.str(String(out)), .int(n)])
        case "split":
            let s = try stringArg(0, "string")
            let maxsplit = try argAt(args, 1, kw, "maxsplit").map { try expectInt($0) } ?? 0
            let text = Array(s.unicodeScalars)
            var parts: [Value] = []
            var last = 0
            var n = 0
            for spans in allMatches(regex, text) {
                if maxsplit > 0 && n >= maxsplit { break }
                guard let (a, b) = spans[0] else { continue }
                parts.append(.str(String(String.UnicodeScalarView(text[last..<a]))))
                if regex.groupCount > 0 {
                    for g in 1...regex.groupCount {
                        parts.append(spans[g].map { .str(String(String.UnicodeScalarView(text[$0.0..<$0.1]))) } ?? .none)
                    }
                }
                last = b
                n += 1
            }
            parts.append(.str(String(String.UnicodeScalarView(text[last...]))))
            return .list(PyList(parts))
        default:
            throw PyException.attributeError("module 're' has no attribute '\(name)'")
        }
    }

    func allMatches(_ regex: CompiledRegex, _ text: [Unicode.Scalar]) -> [[(Int, Int)?]] {
        var out: [[(Int, Int)?]] = []
        var pos = 0
        var lastEmptyAt = -1
        while pos <= text.count {
            guard let spans = regex.search(text, from: pos), let (a, b) = spans[0] else { break }
            if a == b && a == lastEmptyAt {
                pos = a + 1
                continue
            }
            out.append(spans)
            if a == b { lastEmptyAt = a; pos = b } else { pos = b; lastEmptyAt = -1 }
        }
        return out
    }

    func expandTemplate(_ t: String, _ regex: CompiledRegex, _ text: [Unicode.Scalar], _ spans: [(Int, Int)?]) throws -> String {
        let cs = Array(t.unicodeScalars)
        var out = String.UnicodeScalarView()
        func group(_ g: Int) throws {
            guard g < spans.count else { throw PyException.builtin("ValueError", "invalid group reference \(g)") }
            if let (a, b) = spans[g] { out.append(contentsOf: text[a..<b]) }
        }
        var i = 0
        while i < cs.count {
            let c = cs[i]
            if c != "\\" || i + 1 >= cs.count { out.append(c); i += 1; continue }
            let n = cs[i + 1]
            i += 2
            switch n {
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "\\": out.append("\\")
            case "g":
                guard i < cs.count, cs[i] == "<", let close = cs[i...].firstIndex(of: ">") else { throw PyException.valueError("missing <") }
                let name = String(String.UnicodeScalarView(cs[(i + 1)..<close]))
                i = close + 1
                if let g = Int(name) { try group(g) } else if let g = regex.names[name] { try group(g) } else {
                    throw PyException.indexError("unknown group name '\(name)'")
                }
            case "0"..."9":
                var g = Int(n.value - 48)
                if i < cs.count, cs[i] >= "0", cs[i] <= "9" { g = g * 10 + Int(cs[i].value - 48); i += 1 }
                try group(g)
            default:
                out.append("\\"); out.append(n)
            }
        }
        return String(out)
    }
}
