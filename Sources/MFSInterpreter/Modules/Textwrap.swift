// The textwrap module after CPython 3.11's Lib/textwrap.py: TextWrapper's chunking (its word-separator
// regular expression, run by this interpreter's re engine) and line filling, wrap, fill, shorten,
// dedent and indent.

/// TextWrapper's settings; `wrap` is Lib/textwrap.py's _wrap_chunks step for step.
struct TextWrapSettings {
    static let names = ["width", "initial_indent", "subsequent_indent", "expand_tabs", "replace_whitespace",
                        "fix_sentence_endings", "break_long_words", "drop_whitespace", "break_on_hyphens", "tabsize",
                        "max_lines", "placeholder"]
    var values: [String: Value] = [
        "width": .int(70), "initial_indent": .str(""), "subsequent_indent": .str(""), "expand_tabs": .bool(true),
        "replace_whitespace": .bool(true), "fix_sentence_endings": .bool(false), "break_long_words": .bool(true),
        "drop_whitespace": .bool(true), "break_on_hyphens": .bool(true), "tabsize": .int(8), "max_lines": .none,
        "placeholder": .str(" [...]"),
    ]

    static let whitespace = #"[\t\n\x0b\x0c\r ]"#
    static let wordSeparator: String = {
        let ws = whitespace, nws = #"[^\t\n\x0b\x0c\r ]"#, wp = #"[\w!"'&.,?]"#, lt = #"[^\d\W]"#
        return "(\(ws)+|(?<=\(wp))-{2,}(?=\\w)|\(nws)+?(?:-(?:(?<=\(lt){2}-)|(?<=\(lt)-\(lt)-))(?=\(lt)-?\(lt))"
            + "|(?=\(ws)|\\Z)|(?<=\(wp))(?=-{2,}\\w)))"
    }()
}

extension Interpreter {
    private func wrapSetting(_ s: TextWrapSettings, _ name: String) throws -> String {
        try expectStr(s.values[name] ?? .str(""), name)
    }
    private func wrapFlag(_ s: TextWrapSettings, _ name: String) throws -> Bool { try isTruthy(s.values[name] ?? .none) }
    private func textLength(_ s: String) -> Int { s.unicodeScalars.count }
    private func isBlank(_ s: String) -> Bool { s.unicodeScalars.allSatisfy(isPySpace) }

    func textWrap(_ text: String, _ s: TextWrapSettings) throws -> [String] {
        var text = text
        if try wrapFlag(s, "expand_tabs") {
            text = try expectStr(try callMethod(.str(text), "expandtabs", [s.values["tabsize"] ?? .int(8)], []), "text")
        }
        if try wrapFlag(s, "replace_whitespace") {
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { "\t\n\u{0B}\u{0C}\r".unicodeScalars.contains($0) ? " " : $0 }))
        }
        // `break_on_hyphens is True`: only the True object selects the hyphen-aware separator.
        let hyphenAware: Bool
        if case .bool(true)? = s.values["break_on_hyphens"] { hyphenAware = true } else { hyphenAware = false }
        let pattern = hyphenAware ? TextWrapSettings.wordSeparator : "(\(TextWrapSettings.whitespace)+)"
        var chunks = try toArray(try reCall("split", try compileRegex(pattern, []), [.str(text)], [])).compactMap { v -> String? in
            if case .str(let c) = v, !c.isEmpty { return c }
            return nil
        }
        if try wrapFlag(s, "fix_sentence_endings") {
            var i = 0
            while i < chunks.count - 1 {
                if chunks[i + 1] == " " && endsSentence(chunks[i]) { chunks[i + 1] = "  "; i += 2 } else { i += 1 }
            }
        }
        return try wrapChunks(chunks, s)
    }

    /// `[a-z][.!?]["']?\Z`
    private func endsSentence(_ chunk: String) -> Bool {
        var tail = Array(chunk.unicodeScalars.suffix(3))
        if let last = tail.last, last == "\"" || last == "'" { tail.removeLast() } else if tail.count == 3 { tail.removeFirst() }
        guard tail.count >= 2 else { return false }
        let letter = tail[tail.count - 2], mark = tail[tail.count - 1]
        return ("a"..."z").contains(letter) && ".!?".unicodeScalars.contains(mark)
    }

    private func wrapChunks(_ chunks: [String], _ s: TextWrapSettings) throws -> [String] {
        let width = try expectInt(s.values["width"] ?? .int(70))
        let initial = try wrapSetting(s, "initial_indent"), subsequent = try wrapSetting(s, "subsequent_indent")
        let placeholder = try wrapSetting(s, "placeholder")
        let dropWhitespace = try wrapFlag(s, "drop_whitespace")
        let maxLines = try (s.values["max_lines"]).flatMap { $0.isNone ? nil : try expectInt($0) }
        if width <= 0 { throw PyException.valueError("invalid width \(width) (must be > 0)") }
        if let maxLines {
            let indent = maxLines > 1 ? subsequent : initial
            let stripped = String(String.UnicodeScalarView(placeholder.unicodeScalars.drop(while: isPySpace)))
            if textLength(indent) + textLength(stripped) > width { throw PyException.valueError("placeholder too large for max width") }
        }
        var pending = Array(chunks.reversed())
        var lines: [String] = []
        while !pending.isEmpty {
            var line: [String] = [], lineLength = 0
            let indent = lines.isEmpty ? initial : subsequent
            let room = width - textLength(indent)
            if dropWhitespace, let next = pending.last, isBlank(next), !lines.isEmpty { pending.removeLast() }
            while let next = pending.last, lineLength + textLength(next) <= room {
                line.append(next); lineLength += textLength(next); pending.removeLast()
            }
            if let next = pending.last, textLength(next) > room {
                try handleLongWord(&pending, &line, lineLength, room, s)
                lineLength = line.reduce(0) { $0 + textLength($1) }
            }
            if dropWhitespace, let last = line.last, isBlank(last) { lineLength -= textLength(last); line.removeLast() }
            guard !line.isEmpty else { continue }
            let onlyBlankLeft = pending.isEmpty || (dropWhitespace && pending.count == 1 && isBlank(pending[0]))
            if maxLines == nil || lines.count + 1 < (maxLines ?? 0) || (onlyBlankLeft && lineLength <= room) {
                lines.append(indent + line.joined())
                continue
            }
            var placed = false
            while let last = line.last {
                if !isBlank(last) && lineLength + textLength(placeholder) <= room {
                    lines.append(indent + line.joined() + placeholder)
                    placed = true
                    break
                }
                lineLength -= textLength(last); line.removeLast()
            }
            if !placed {
                if let previous = lines.last {
                    let trimmed = String(String.UnicodeScalarView(previous.unicodeScalars.reversed().drop(while: isPySpace).reversed()))
                    if textLength(trimmed) + textLength(placeholder) <= width {
                        lines[lines.count - 1] = trimmed + placeholder
                        break
                    }
                }
                lines.append(indent + String(String.UnicodeScalarView(placeholder.unicodeScalars.drop(while: isPySpace))))
            }
            break
        }
        return lines
    }

    private func handleLongWord(_ pending: inout [String], _ line: inout [String], _ lineLength: Int, _ room: Int,
                                _ s: TextWrapSettings) throws {
        let spaceLeft = room < 1 ? 1 : room - lineLength
        if try wrapFlag(s, "break_long_words"), let chunk = pending.last {
            let scalars = Array(chunk.unicodeScalars)
            var end = spaceLeft
            if try wrapFlag(s, "break_on_hyphens") && scalars.count > spaceLeft,
               let hyphen = scalars.prefix(max(spaceLeft, 0)).lastIndex(of: "-"), hyphen > 0,
               scalars.prefix(hyphen).contains(where: { $0 != "-" }) {
                end = hyphen + 1
            }
            let cut = min(max(end, 0), scalars.count)
            line.append(String(String.UnicodeScalarView(scalars[..<cut])))
            pending[pending.count - 1] = String(String.UnicodeScalarView(scalars[cut...]))
        } else if line.isEmpty, let chunk = pending.popLast() {
            line.append(chunk)
        }
    }

    /// Lines are cut at "\n" only and indents are spaces and tabs, as dedent's regular expressions have them.
    func dedent(_ text: String) -> String {
        typealias Scalars = [Unicode.Scalar]
        func isIndent(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\t" }
        var lines: [Scalars] = Array(text.unicodeScalars).split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        for (i, line) in lines.enumerated() where !line.isEmpty && line.allSatisfy(isIndent) { lines[i] = [] }
        var margin: Scalars?
        for line in lines {
            let indent = Array(line.prefix(while: isIndent))
            guard indent.count < line.count else { continue }
            guard let m = margin else { margin = indent; continue }
            if indent.starts(with: m) { continue }
            if m.starts(with: indent) { margin = indent; continue }
            margin = zip(m, indent).prefix { $0 == $1 }.map { $0.0 }
        }
        if let margin, !margin.isEmpty {
            lines = lines.map { $0.starts(with: margin) ? Array($0.dropFirst(margin.count)) : $0 }
        }
        return String(String.UnicodeScalarView(Array(lines.joined(separator: ["\n"]))))
    }

    func makeTextwrapModule() -> Value {
        func settings(_ kw: [(String, Value)], _ function: String, base: [(String, Value)] = []) throws -> TextWrapSettings {
            var s = TextWrapSettings()
            for (k, v) in base + kw {
                guard TextWrapSettings.names.contains(k) else {
                    throw PyException.typeError("TextWrapper.__init__() got an unexpected keyword argument '\(k)'")
                }
                s.values[k] = v
            }
            return s
        }
        let wrapperClass = registerHostClass(name: "TextWrapper", module: "textwrap") { [unowned self] args, kw in
            let names = TextWrapSettings.names
            let a = try PythonSignature("TextWrapper.__init__", Array(names.prefix(10)), required: 0,
                                        keywordOnly: Array(names.suffix(2)), isMethod: true).bind(args, kw)
            var s = TextWrapSettings()
            for (name, value) in zip(names, a) { if let value { s.values[name] = value } }
            return .host(TextWrapperObject(self, s))
        }
        return module("textwrap", [
            ("TextWrapper", wrapperClass),
            fn("wrap") { [unowned self] args, kw in
                let a = try PythonSignature("wrap", ["text", "width"], required: 1).bind(args, kw.filter { $0.0 == "text" || $0.0 == "width" })
                let s = try settings(kw.filter { $0.0 != "text" && $0.0 != "width" }, "wrap", base: [("width", a[1] ?? .int(70))])
                return .newList(try self.textWrap(try expectStr(a[0] ?? .none, "text"), s).map { .str($0) })
            },
            fn("fill") { [unowned self] args, kw in
                let a = try PythonSignature("fill", ["text", "width"], required: 1).bind(args, kw.filter { $0.0 == "text" || $0.0 == "width" })
                let s = try settings(kw.filter { $0.0 != "text" && $0.0 != "width" }, "fill", base: [("width", a[1] ?? .int(70))])
                return .str(try self.textWrap(try expectStr(a[0] ?? .none, "text"), s).joined(separator: "\n"))
            },
            fn("shorten") { [unowned self] args, kw in
                let a = try PythonSignature("shorten", ["text", "width"]).bind(args, kw.filter { $0.0 == "text" || $0.0 == "width" })
                let s = try settings(kw.filter { $0.0 != "text" && $0.0 != "width" }, "shorten",
                                     base: [("width", a[1] ?? .none), ("max_lines", .int(1))])
                let words = try self.callMethod(.str(try expectStr(a[0] ?? .none, "text")), "split", [], [])
                let joined = try self.toArray(words).map { try expectStr($0, "word") }.joined(separator: " ")
                return .str(try self.textWrap(joined, s).joined(separator: "\n"))
            },
            fn("dedent") { [unowned self] args, kw in
                let a = try PythonSignature("dedent", ["text"]).bind(args, kw)
                guard case .str(let text)? = a[0] else { throw PyException.typeError("expected string or bytes-like object, got '\(a[0]?.typeName ?? "NoneType")'") }
                return .str(self.dedent(text))
            },
            fn("indent") { [unowned self] args, kw in
                let a = try PythonSignature("indent", ["text", "prefix", "predicate"], required: 2).bind(args, kw)
                let text = a[0] ?? .none, prefix = try expectStr(a[1] ?? .none, "prefix")
                let predicate = a[2].flatMap { $0.isNone ? nil : $0 }
                var out = ""
                for line in try self.toArray(try self.callMethod(text, "splitlines", [.bool(true)], [])) {
                    let s = try expectStr(line, "line")
                    let keep = try predicate.map { try self.isTruthy(try self.callValue($0, [line], [])) } ?? !self.isBlankLine(s)
                    out += keep ? prefix + s : s
                }
                return .str(out)
            },
        ])
    }

    private func isBlankLine(_ s: String) -> Bool { s.unicodeScalars.allSatisfy(isPySpace) }
}

/// `textwrap.TextWrapper(...)`: its settings are attributes a script may change between calls.
final class TextWrapperObject: HostObject {
    unowned let interp: Interpreter
    var settings: TextWrapSettings
    init(_ interp: Interpreter, _ settings: TextWrapSettings) { self.interp = interp; self.settings = settings }
    var typeName: String { "TextWrapper" }
    var attributeNames: [String] { TextWrapSettings.names + ["fill", "wrap"] }
    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "wrap", "fill":
            return .newBuiltin(name) { [self] args, kw in
                let text = try PythonSignature("TextWrapper.\(name)", ["text"], isMethod: true).bind(args, kw)[0] ?? .none
                let lines = try interp.textWrap(try expectStr(text, "text"), settings)
                return name == "wrap" ? .newList(lines.map { .str($0) }) : .str(lines.joined(separator: "\n"))
            }
        default: return settings.values[name]
        }
    }
    func setAttribute(_ name: String, _ value: Value) throws {
        guard TextWrapSettings.names.contains(name) else {
            throw PyException.attributeError("'TextWrapper' object has no attribute '\(name)'")
        }
        settings.values[name] = value
    }
    func repr() -> String { "<textwrap.TextWrapper object at \(interp.addressText(of: self))>" }
}
