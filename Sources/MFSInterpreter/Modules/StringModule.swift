// The string module: its constants, capwords, and Template ($-substitution as CPython's default
// pattern reads it: $$, $name, ${name}, anything else after $ invalid).

/// One `$` placeholder of a template, at the scalar offset of the `$`.
private enum Placeholder {
    case escaped, named(String), invalid(Int)
}

/// `string.Template(template)`.
final class TemplateObject: HostObject {
    unowned let interp: Interpreter
    let template: String
    init(_ interp: Interpreter, _ template: String) { self.interp = interp; self.template = template }

    var typeName: String { "Template" }
    var attributeNames: [String] { ["delimiter", "get_identifiers", "idpattern", "is_valid", "safe_substitute", "substitute", "template"] }
    func repr() -> String { "<string.Template object at \(interp.addressText(of: self))>" }

    /// The text between placeholders and the placeholders, in order.
    private func pieces() -> [(text: String, placeholder: Placeholder?, source: String)] {
        let s = Array(template.unicodeScalars)
        func isStart(_ u: Unicode.Scalar) -> Bool { u == "_" || ("a"..."z").contains(u) || ("A"..."Z").contains(u) }
        func isPart(_ u: Unicode.Scalar) -> Bool { isStart(u) || ("0"..."9").contains(u) }
        func text(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(s[r])) }
        var out: [(String, Placeholder?, String)] = [], literalStart = 0, i = 0
        while i < s.count {
            guard s[i] == "$" else { i += 1; continue }
            out.append((text(literalStart..<i), nil, ""))
            let start = i
            i += 1
            if i < s.count && s[i] == "$" {
                i += 1
                out.append(("", .escaped, "$$"))
            } else if i < s.count && isStart(s[i]) {
                var end = i
                while end < s.count && isPart(s[end]) { end += 1 }
                out.append(("", .named(text(i..<end)), text(start..<end)))
                i = end
            } else if i + 1 < s.count && s[i] == "{" && isStart(s[i + 1]),
                      let close = s[(i + 1)...].firstIndex(where: { !isPart($0) }), s[close] == "}" {
                out.append(("", .named(text((i + 1)..<close)), text(start..<(close + 1))))
                i = close + 1
            } else {
                out.append(("", .invalid(i), "$"))
            }
            literalStart = i
        }
        out.append((text(literalStart..<s.count), nil, ""))
        return out
    }

    private func substitute(_ args: [Value], _ kw: [(String, Value)], safe: Bool) throws -> Value {
        let name = safe ? "safe_substitute" : "substitute"
        if args.count > 1 { throw PyException.typeError("Template.\(name)() takes from 1 to 2 positional arguments but \(args.count + 1) were given") }
        let mapping = args.first
        func lookup(_ key: String) throws -> Value {
            if let v = kw.first(where: { $0.0 == key })?.1 { return v }
            guard let mapping else { throw PyException.keyError(.str(key)) }
            return try interp.getItem(mapping, .str(key))
        }
        var out = ""
        for (text, placeholder, source) in pieces() {
            out += text
            switch placeholder {
            case .escaped?: out += "$"
            case .named(let key)?:
                do { out += try interp.str(try lookup(key)) } catch let e as PyException where safe && e.isInstance(of: "KeyError") { out += source }
            case .invalid(let offset)?:
                if safe { out += source; continue }
                let before = String(String.UnicodeScalarView(Array(template.unicodeScalars)[..<offset]))
                let lines = try interp.toArray(try interp.callMethod(.str(before), "splitlines", [.bool(true)], [])).map { try expectStr($0, "line") }
                let column = lines.isEmpty ? 1 : offset - lines.dropLast().reduce(0) { $0 + $1.unicodeScalars.count }
                throw PyException.valueError("Invalid placeholder in string: line \(max(lines.count, 1)), col \(column)")
            case nil: break
            }
        }
        return .str(out)
    }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "template": return .str(template)
        case "delimiter": return .str("$")
        case "idpattern": return .str("(?a:[_a-z][_a-z0-9]*)")
        case "substitute", "safe_substitute":
            return .newBuiltin(name) { [self] args, kw in try substitute(args, kw, safe: name == "safe_substitute") }
        case "get_identifiers":
            return .newBuiltin(name) { [self] _, _ in
                var ids: [String] = []
                for case (_, .named(let key)?, _) in pieces() where !ids.contains(key) { ids.append(key) }
                return .newList(ids.map { .str($0) })
            }
        case "is_valid":
            return .newBuiltin(name) { [self] _, _ in
                .bool(!pieces().contains { if case .invalid? = $0.placeholder { return true }; return false })
            }
        default: return nil
        }
    }
}

extension Interpreter {
    func makeStringModule() -> Value {
        let lower = "abcdefghijklmnopqrstuvwxyz", upper = lower.uppercased(), digits = "0123456789"
        let punctuation = ##"!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"##, whitespace = " \t\n\r\u{0B}\u{0C}"
        let template = registerHostClass(name: "Template", module: "string") { [unowned self] args, kw in
            let a = try PythonSignature("Template.__init__", ["template"], isMethod: true).bind(args, kw)
            guard case .str(let text)? = a[0] else { throw PyException.typeError("expected string or bytes-like object, got '\(a[0]?.typeName ?? "NoneType")'") }
            return .host(TemplateObject(self, text))
        }
        return module("string", [
            ("ascii_letters", .str(lower + upper)), ("ascii_lowercase", .str(lower)), ("ascii_uppercase", .str(upper)),
            ("digits", .str(digits)), ("hexdigits", .str(digits + "abcdefABCDEF")), ("octdigits", .str("01234567")),
            ("punctuation", .str(punctuation)), ("whitespace", .str(whitespace)),
            ("printable", .str(digits + lower + upper + punctuation + whitespace)),
            ("Template", template),
            fn("capwords") { [unowned self] args, kw in
                let a = try PythonSignature("capwords", ["s", "sep"], required: 1).bind(args, kw)
                let s = a[0] ?? .none, sep = a[1] ?? .none
                let words = try self.toArray(try self.callMethod(s, "split", sep.isNone ? [] : [sep], []))
                let capitalized = try words.map { try self.callMethod($0, "capitalize", [], []) }
                let joiner = (try? self.isTruthy(sep)) == true ? sep : .str(" ")
                return try self.callMethod(joiner, "join", [.newList(capitalized)], [])
            },
        ])
    }
}
