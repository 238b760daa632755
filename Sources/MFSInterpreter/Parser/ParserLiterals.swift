// Literal tokens into values: numbers, string and bytes escapes, f-strings (with their nested
// expressions parsed by a sub-parser).
import BigInt

extension Parser {
    // MARK: literals

    func parseNumber(_ t: Token) throws -> Value {
        let text = t.text.replacingOccurrences("_", "")
        let lower = text.lowercased()
        if lower.hasSuffix("j") {
            var s = String(lower.dropLast())
            if s.hasSuffix(".") { s += "0" }
            s = s.replacingOccurrences(".e", ".0e")
            if s.hasPrefix(".") { s = "0" + s }
            guard let d = Double(s) else { throw SyntaxErrorInfo(message: "invalid imaginary literal", line: t.line, col: t.col) }
            return .host(PyComplex(0, d))
        }
        var radix = 10
        var digits = Substring(lower)
        if lower.hasPrefix("0x") { radix = 16; digits = digits.dropFirst(2) }
        else if lower.hasPrefix("0o") { radix = 8; digits = digits.dropFirst(2) }
        else if lower.hasPrefix("0b") { radix = 2; digits = digits.dropFirst(2) }
        if radix != 10 || (!lower.contains(".") && !lower.contains("e")) {
            if radix == 10 && digits.count > 1 && digits.hasPrefix("0") && digits.contains(where: { $0 != "0" }) {
                throw SyntaxErrorInfo(message: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                                      line: t.line, col: t.col)
            }
            if digits.utf8.count <= 18, let i = Int(digits, radix: radix) { return .int(i) }
            do {
                if let b = try parseDigits(digits, radix: radix) { return .integer(b) }
            } catch let e as PyException {
                throw SyntaxErrorInfo(message: e.message + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
                                      line: t.line, col: t.col)
            }
            throw SyntaxErrorInfo(message: "invalid decimal literal", line: t.line, col: t.col)
        }
        var s = lower
        if s.hasSuffix(".") { s += "0" }
        s = s.replacingOccurrences(".e", ".0e")
        if s.hasPrefix(".") { s = "0" + s }
        guard let d = Double(s) else { throw SyntaxErrorInfo(message: "invalid decimal literal", line: t.line, col: t.col) }
        return .float(d)
    }

    mutating func parseStrings() throws -> Expr {
        let start = tok
        var parts: [FStringPart] = []
        var isBytes: Bool?
        var bytes: [UInt8] = []
        var hasF = false
        while tok.kind == .string {
            let t = advance()
            let b = t.prefix.contains("b")
            if let ib = isBytes, ib != b {
                throw SyntaxErrorInfo(message: "cannot mix bytes and nonbytes literals", line: start.line, col: start.col)
            }
            isBytes = b
            if b {
                bytes += try decodeBytes(t)
            } else if t.prefix.contains("f") {
                hasF = true
                parts += try parseFString(t)
            } else {
                parts.append(.literal(try decodeString(t.text, raw: t.prefix.contains("r"), t)))
            }
        }
        let r = range(from: start)
        if isBytes == true { return ConstExpr(.bytes(bytes), r) }
        if !hasF {
            var s = ""
            for p in parts { if case .literal(let l) = p { s += l } }
            return ConstExpr(.str(s), r)
        }
        return FStringExpr(parts, r)
    }

    func quoteLength(_ t: Token) -> Int {
        // Triple-quoted when the token is wider than prefix + body + 2 quotes.
        let bodyLen = t.text.unicodeScalars.count
        if t.line == t.endLine && t.endCol - t.col >= t.prefix.count + bodyLen + 6 { return 3 }
        if t.line != t.endLine { return 3 }
        return 1
    }

    func decodeString(_ body: String, raw: Bool, _ t: Token) throws -> String {
        if raw || !body.contains("\\") { return body }
        var out = String.UnicodeScalarView()
        let cs = Array(body.unicodeScalars)
        var i = 0
        while i < cs.count {
            let c = cs[i]
            if c != "\\" || i + 1 >= cs.count { out.append(c); i += 1; continue }
            let n = cs[i + 1]
            i += 2
            switch n {
            case "\n": break
            case "\\": out.append("\\")
            case "'": out.append("'")
            case "\"": out.append("\"")
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "n": out.append("\n")
            case "r": out.append("\r")
            case "t": out.append("\t")
            case "v": out.append("\u{0B}")
            case "0"..."7":
                var v = Int(n.value - 48)
                var k = 0
                while k < 2, i < cs.count, cs[i] >= "0", cs[i] <= "7" { v = v * 8 + Int(cs[i].value - 48); i += 1; k += 1 }
                if let u = Unicode.Scalar(v) { out.append(u) }
            case "x", "u", "U":
                let len = n == "x" ? 2 : n == "u" ? 4 : 8
                guard i + len <= cs.count, let v = UInt32(String(String.UnicodeScalarView(cs[i..<(i + len)])), radix: 16),
                      let u = Unicode.Scalar(v) else {
                    let kind = n == "x" ? "\\xXX" : n == "u" ? "\\uXXXX" : "\\UXXXXXXXX"
                    throw SyntaxErrorInfo(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(i - 2)-\(min(i + len - 1, cs.count - 1)): truncated \(kind) escape",
                                          line: t.line, col: t.col)
                }
                out.append(u)
                i += len
            case "N":
                let startPos = i - 2
                guard i < cs.count, cs[i] == "{", let close = cs[i...].firstIndex(of: "}"), close > i + 1 else {
                    let end = i < cs.count && cs[i] == "{" ? cs.count - 1 : startPos + 1
                    throw SyntaxErrorInfo(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(startPos)-\(end): malformed \\N character escape",
                                          line: t.endLine, col: t.endCol)
                }
                guard let u = unicodeScalar(named: String(String.UnicodeScalarView(cs[(i + 1)..<close]))) else {
                    throw SyntaxErrorInfo(message: "(unicode error) 'unicodeescape' codec can't decode bytes in position \(startPos)-\(close): unknown Unicode character name",
                                          line: t.endLine, col: t.endCol)
                }
                out.append(u)
                i = close + 1
            default:
                out.append("\\"); out.append(n)
            }
        }
        return String(out)
    }

    func decodeBytes(_ t: Token) throws -> [UInt8] {
        var out: [UInt8] = []
        let raw = t.prefix.contains("r")
        let cs = Array(t.text.unicodeScalars)
        var i = 0
        while i < cs.count {
            let c = cs[i]
            if c.value > 127 {
                throw SyntaxErrorInfo(message: "bytes can only contain ASCII literal characters", line: t.line, col: t.col)
            }
            if raw || c != "\\" || i + 1 >= cs.count { out.append(UInt8(c.value)); i += 1; continue }
            let n = cs[i + 1]
            i += 2
            switch n {
            case "\n": break
            case "\\": out.append(92)
            case "'": out.append(39)
            case "\"": out.append(34)
            case "a": out.append(7)
            case "b": out.append(8)
            case "f": out.append(12)
            case "n": out.append(10)
            case "r": out.append(13)
            case "t": out.append(9)
            case "v": out.append(11)
            case "x":
                guard i + 2 <= cs.count, let v = UInt8(String(String.UnicodeScalarView(cs[i..<(i + 2)])), radix: 16) else {
                    throw SyntaxErrorInfo(message: "(value error) invalid \\x escape at position \(i - 2)", line: t.line, col: t.col)
                }
                out.append(v); i += 2
            case "0"..."7":
                var v = Int(n.value - 48)
                var k = 0
                while k < 2, i < cs.count, cs[i] >= "0", cs[i] <= "7" { v = v * 8 + Int(cs[i].value - 48); i += 1; k += 1 }
                out.append(UInt8(truncatingIfNeeded: v))
            default:
                out.append(92); out.append(UInt8(truncatingIfNeeded: n.value))
            }
        }
        return out
    }

    /// Splits an f-string body into literal text and `{expr!c:spec}` fields.
    mutating func parseFString(_ t: Token) throws -> [FStringPart] {
        let cs = Array(t.text.unicodeScalars)
        let raw = t.prefix.contains("r")
        let bodyCol = t.col + t.prefix.count + quoteLength(t)
        var i = 0
        return try fstringParts(cs, &i, raw: raw, t: t, bodyCol: bodyCol, inSpec: false)
    }

    func position(of offset: Int, in cs: [Unicode.Scalar], t: Token, bodyCol: Int) -> (Int, Int) {
        var line = t.line, col = bodyCol
        for k in 0..<offset {
            if cs[k] == "\n" { line += 1; col = 0 } else { col += 1 }
        }
        return (line, col)
    }

    mutating func fstringParts(_ cs: [Unicode.Scalar], _ i: inout Int, raw: Bool, t: Token, bodyCol: Int, inSpec: Bool) throws -> [FStringPart] {
        var parts: [FStringPart] = []
        var lit = String.UnicodeScalarView()
        func flush() throws {
            if !lit.isEmpty { parts.append(.literal(try decodeString(String(lit), raw: raw, t))); lit = String.UnicodeScalarView() }
        }
        while i < cs.count {
            let c = cs[i]
            if c == "{" {
                if !inSpec && i + 1 < cs.count && cs[i + 1] == "{" { lit.append("{"); i += 2; continue }
                try flush()
                i += 1
                parts.append(try fstringField(cs, &i, raw: raw, t: t, bodyCol: bodyCol))
                continue
            }
            if c == "}" {
                if inSpec { break }
                if i + 1 < cs.count && cs[i + 1] == "}" { lit.append("}"); i += 2; continue }
                throw SyntaxErrorInfo(message: "f-string: single '}' is not allowed", line: t.line, col: t.col)
            }
            if c == "\\" && !raw && i + 1 < cs.count { lit.append(c); lit.append(cs[i + 1]); i += 2; continue }
            lit.append(c)
            i += 1
        }
        try flush()
        return parts
    }

    mutating func fstringField(_ cs: [Unicode.Scalar], _ i: inout Int, raw: Bool, t: Token, bodyCol: Int) throws -> FStringPart {
        let exprStart = i
        var depth = 0
        var quote: Unicode.Scalar?
        while i < cs.count {
            let c = cs[i]
            if let q = quote { if c == q { quote = nil }; i += 1; continue }
            if c == "'" || c == "\"" { quote = c; i += 1; continue }
            if c == "(" || c == "[" || c == "{" { depth += 1 }
            else if c == ")" || c == "]" || (c == "}" && depth > 0) { depth -= 1 }
            else if depth == 0 {
                if c == "}" || c == ":" { break }
                if c == "!" && !(i + 1 < cs.count && cs[i + 1] == "=") { break }
                if c == "=" && i > exprStart && !"=!<>".unicodeScalars.contains(cs[i - 1]) && !(i + 1 < cs.count && cs[i + 1] == "=") {
                    var k = i + 1
                    while k < cs.count && cs[k] == " " { k += 1 }
                    if k < cs.count && (cs[k] == "}" || cs[k] == "!" || cs[k] == ":") { break }
                }
            }
            i += 1
        }
        guard i < cs.count else { throw SyntaxErrorInfo(message: "f-string: expecting '}'", line: t.endLine, col: t.endCol) }
        var exprEnd = i
        var debugText: String?
        if cs[i] == "=" {
            i += 1
            while i < cs.count && cs[i] == " " { i += 1 }
            debugText = String(String.UnicodeScalarView(cs[exprStart..<i]))
        }
        let exprText = String(String.UnicodeScalarView(cs[exprStart..<exprEnd]))
        if exprText.contains("\\") {
            throw SyntaxErrorInfo(message: "f-string expression part cannot include a backslash", line: t.endLine, col: t.endCol)
        }
        if exprText.trimmedChars(" \t\n").isEmpty {
            throw SyntaxErrorInfo(message: "f-string: empty expression not allowed", line: t.line, col: t.col)
        }
        exprEnd = i
        var conversion: Character?
        if i < cs.count && cs[i] == "!" {
            guard i + 1 < cs.count, "rsa".unicodeScalars.contains(cs[i + 1]) else {
                throw SyntaxErrorInfo(message: "f-string: invalid conversion character: expected 's', 'r', or 'a'", line: t.line, col: t.col)
            }
            conversion = Character(cs[i + 1])
            i += 2
        }
        var spec: [FStringPart]?
        if i < cs.count && cs[i] == ":" {
            i += 1
            spec = try fstringParts(cs, &i, raw: raw, t: t, bodyCol: bodyCol, inSpec: true)
        }
        guard i < cs.count, cs[i] == "}" else { throw SyntaxErrorInfo(message: "f-string: expecting '}'", line: t.endLine, col: t.endCol) }
        i += 1
        let (line, col) = position(of: exprStart, in: cs, t: t, bodyCol: bodyCol)
        let expr = try parseSubExpression(exprText, line: line, col: col)
        return .field(expr, conversion: conversion, spec: spec, debugText: debugText)
    }

    mutating func parseSubExpression(_ text: String, line: Int, col: Int) throws -> Expr {
        var lx = Lexer(text, line: line, colOffset: col)
        let toks = try lx.tokenize()
        let savedTokens = tokens, savedPos = pos
        tokens = toks.filter { $0.kind != .indent && $0.kind != .dedent }
        pos = 0
        defer { tokens = savedTokens; pos = savedPos }
        let e = try parseStarExpressions()
        while tok.kind == .newline { pos += 1 }
        guard tok.kind == .endmarker else { throw SyntaxErrorInfo(message: "f-string: invalid syntax", line: tok.line, col: tok.col) }
        return e
    }
}
