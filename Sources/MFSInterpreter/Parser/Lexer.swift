// Tokenizer with Python's INDENT/DEDENT rules, implicit line joining and string prefixes.

enum TokKind: Equatable { case name, number, string, newline, indent, dedent, op, endmarker }

struct Token {
    var kind: TokKind
    /// Name, operator or number text; for strings the raw body between the quotes.
    var text: String
    /// Lower-cased string prefix (r, b, f, rb, fr...).
    var prefix: String = ""
    var line: Int, col: Int, endLine: Int, endCol: Int
    var range: SrcRange { SrcRange(line: line, col: col, endLine: endLine, endCol: endCol) }
    func isOp(_ s: String) -> Bool { kind == .op && text == s }
    func isKeyword(_ s: String) -> Bool { kind == .name && text == s }
}

/// A syntax error with the location CPython reports.
struct SyntaxErrorInfo: Error {
    var kind = "SyntaxError"
    var message: String
    var line: Int
    /// 0-based column of the caret start; -1 for no caret.
    var col: Int
    var endCol: Int? = nil
    /// True when more input could complete the source (used for REPL continuation).
    var incomplete = false
}

package let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]

struct Lexer {
    let chars: [Unicode.Scalar]
    var pos = 0
    var line: Int
    var lineStart = 0
    let colOffset: Int
    var firstLine: Int
    var tokens: [Token] = []
    var indents: [Int] = [0]
    /// Indentation widths counting a tab as one column: CPython's TabError check compares both measures.
    var altIndents: [Int] = [0]
    var brackets: [(Character, Int, Int)] = []  // bracket, line, col
    var atLineStart = true

    init(_ source: String, line: Int = 1, colOffset: Int = 0) {
        self.chars = Array(source.unicodeScalars)
        self.line = line
        self.firstLine = line
        self.colOffset = colOffset
    }

    var col: Int { pos - lineStart + (line == firstLine ? colOffset : 0) }

    func peek(_ o: Int = 0) -> Unicode.Scalar? {
        let i = pos + o
        return i < chars.count ? chars[i] : nil
    }

    static func isIdentStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c.value > 127 && c.properties.isXIDStart)
    }
    static func isIdentChar(_ c: Unicode.Scalar) -> Bool {
        isIdentStart(c) || (c >= "0" && c <= "9") || (c.value > 127 && c.properties.isXIDContinue)
    }

    mutating func add(_ kind: TokKind, _ text: String, _ l: Int, _ c: Int, prefix: String = "") {
        tokens.append(Token(kind: kind, text: text, prefix: prefix, line: l, col: c, endLine: line, endCol: col))
    }

    mutating func newline() { line += 1; lineStart = pos }

    mutating func tokenize() throws -> [Token] {
        while true {
            if atLineStart && brackets.isEmpty {
                atLineStart = false
                if try handleIndentation() { continue }
            }
            guard let c = peek() else { break }
            if c == " " || c == "\t" || c == "\u{0C}" { pos += 1; continue }
            if c == "#" { while let d = peek(), d != "\n", d != "\r" { pos += 1 }; continue }
            if c == "\\" {
                if peek(1) == "\n" { pos += 2; newline(); continue }
                if peek(1) == "\r" { pos += 2; if peek() == "\n" { pos += 1 }; newline(); continue }
                if peek(1) == nil {
                    throw SyntaxErrorInfo(message: "unexpected EOF while parsing", line: line, col: col, incomplete: true)
                }
                throw SyntaxErrorInfo(message: "unexpected character after line continuation character", line: line, col: col + 1)
            }
            if c == "\n" || c == "\r" {
                let l = line, cc = col
                pos += 1
                if c == "\r" && peek() == "\n" { pos += 1 }
                if brackets.isEmpty {
                    tokens.append(Token(kind: .newline, text: "\n", line: l, col: cc, endLine: l, endCol: cc + 1))
                    atLineStart = true
                }
                newline()
                continue
            }
            let l = line, startCol = col
            if Lexer.isIdentStart(c) {
                let start = pos
                while let d = peek(), Lexer.isIdentChar(d) { pos += 1 }
                let word = String(String.UnicodeScalarView(chars[start..<pos]))
                if let q = peek(), q == "\"" || q == "'", Lexer.isStringPrefix(word) {
                    try lexString(prefix: word.lowercased(), l, startCol)
                    continue
                }
                add(.name, word, l, startCol)
                continue
            }
            if c == "\"" || c == "'" { try lexString(prefix: "", l, startCol); continue }
            if (c >= "0" && c <= "9") || (c == "." && (peek(1).map { $0 >= "0" && $0 <= "9" } ?? false)) {
                try lexNumber(l, startCol)
                continue
            }
            try lexOperator(l, startCol)
        }
        if let (b, bl, bc) = brackets.last {
            throw SyntaxErrorInfo(message: "'\(b)' was never closed", line: bl, col: bc, incomplete: true)
        }
        if let last = tokens.last, last.kind != .newline && last.kind != .dedent && last.kind != .indent {
            tokens.append(Token(kind: .newline, text: "", line: line, col: col, endLine: line, endCol: col + 1))
        }
        while indents.count > 1 {
            indents.removeLast()
            tokens.append(Token(kind: .dedent, text: "", line: line, col: 0, endLine: line, endCol: 0))
        }
        tokens.append(Token(kind: .endmarker, text: "", line: line, col: 0, endLine: line, endCol: 0))
        return tokens
    }

    static func isStringPrefix(_ w: String) -> Bool {
        let l = w.lowercased()
        return ["r", "u", "b", "f", "br", "rb", "fr", "rf"].contains(l)
    }

    /// Measures indentation at the start of a logical line; returns true when the line was blank.
    mutating func handleIndentation() throws -> Bool {
        var width = 0, altWidth = 0
        while let c = peek(), c == " " || c == "\t" || c == "\u{0C}" {
            if c == " " { width += 1; altWidth += 1 } else if c == "\t" { width = (width / 8 + 1) * 8; altWidth += 1 } else { width = 0; altWidth = 0 }
            pos += 1
        }
        guard let c = peek() else { return false }
        if c == "#" || c == "\n" || c == "\r" {
            while let d = peek(), d != "\n", d != "\r" { pos += 1 }
            if peek() == "\r" { pos += 1 }
            if peek() == "\n" { pos += 1 }
            if peek() != nil || pos > lineStart { newline() }
            atLineStart = true
            return true
        }
        if c == "\\" && (peek(1) == "\n") { return false }
        let current = indents.last ?? 0
        let tabError = SyntaxErrorInfo(kind: "TabError", message: "inconsistent use of tabs and spaces in indentation", line: line, col: -1)
        if width == current && altWidth != (altIndents.last ?? 0) { throw tabError }
        if width > current {
            if altWidth <= (altIndents.last ?? 0) { throw tabError }
            if indents.count >= 100 {
                throw SyntaxErrorInfo(kind: "IndentationError", message: "too many levels of indentation", line: line, col: -1)
            }
            indents.append(width)
            altIndents.append(altWidth)
            tokens.append(Token(kind: .indent, text: "", line: line, col: 0, endLine: line, endCol: col))
        } else if width < current {
            while let last = indents.last, last > width {
                indents.removeLast()
                altIndents.removeLast()
                tokens.append(Token(kind: .dedent, text: "", line: line, col: col, endLine: line, endCol: col))
            }
            if indents.last != width {
                var end = pos
                while end < chars.count, chars[end] != "\n", chars[end] != "\r" { end += 1 }
                throw SyntaxErrorInfo(kind: "IndentationError", message: "unindent does not match any outer indentation level",
                                      line: line, col: end - lineStart)
            }
            if altWidth != (altIndents.last ?? 0) { throw tabError }
        }
        return false
    }

    mutating func lexString(prefix: String, _ l: Int, _ startCol: Int) throws {
        guard let q = peek() else { return }
        let triple = peek(1) == q && peek(2) == q
        pos += triple ? 3 : 1
        let raw = prefix.contains("r")
        let bodyStart = pos
        while true {
            guard let c = peek() else {
                if triple {
                    let detected = (pos > 0 && chars[pos - 1] == "\n") ? line - 1 : line
                    throw SyntaxErrorInfo(message: "unterminated triple-quoted string literal (detected at line \(detected))",
                                          line: l, col: startCol, incomplete: true)
                }
                throw SyntaxErrorInfo(message: "unterminated string literal (detected at line \(l))", line: l, col: startCol)
            }
            if c == "\\" {
                pos += 1
                if let n = peek() {
                    pos += 1
                    if n == "\n" { newline() } else if n == "\r" { if peek() == "\n" { pos += 1 }; newline() }
                }
                _ = raw
                continue
            }
            if c == "\n" || c == "\r" {
                if !triple {
                    throw SyntaxErrorInfo(message: "unterminated string literal (detected at line \(l))", line: l, col: startCol)
                }
                pos += 1
                if c == "\r" && peek() == "\n" { pos += 1 }
                newline()
                continue
            }
            if c == q {
                if !triple { break }
                if peek(1) == q && peek(2) == q { break }
            }
            pos += 1
        }
        let body = String(String.UnicodeScalarView(chars[bodyStart..<pos]))
        pos += triple ? 3 : 1
        add(.string, body, l, startCol, prefix: prefix)
    }

    mutating func lexNumber(_ l: Int, _ startCol: Int) throws {
        let start = pos
        func digits(_ ok: (Unicode.Scalar) -> Bool) {
            while let d = peek(), ok(d) || (d == "_" && (peek(1).map(ok) ?? false)) { pos += 1 }
        }
        let isDec: (Unicode.Scalar) -> Bool = { $0 >= "0" && $0 <= "9" }
        if peek() == "0", let x = peek(1), "xXoObB".unicodeScalars.contains(x) {
            pos += 2
            switch x {
            case "x", "X": digits { ($0 >= "0" && $0 <= "9") || ($0 >= "a" && $0 <= "f") || ($0 >= "A" && $0 <= "F") }
            case "o", "O": digits { $0 >= "0" && $0 <= "7" }
            default: digits { $0 == "0" || $0 == "1" }
            }
        } else {
            digits(isDec)
            if peek() == ".", !(peek(1).map { Lexer.isIdentStart($0) } ?? false) || peek(1) == "e" || peek(1) == "E" || peek(1) == "j" {
                pos += 1
                digits(isDec)
            }
            if let e = peek(), e == "e" || e == "E" {
                let save = pos
                pos += 1
                if let s = peek(), s == "+" || s == "-" { pos += 1 }
                if let d = peek(), isDec(d) { digits(isDec) } else { pos = save }
            }
            if let j = peek(), j == "j" || j == "J" { pos += 1 }
        }
        if let c = peek(), Lexer.isIdentStart(c) {
            throw SyntaxErrorInfo(message: "invalid decimal literal", line: l, col: col - 1)
        }
        add(.number, String(String.UnicodeScalarView(chars[start..<pos])), l, startCol)
    }

    static let ops3: Set<String> = ["**=", "//=", ">>=", "<<=", "..."]
    static let ops2: Set<String> = ["**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=", "%=",
                                    "&=", "|=", "^=", "@=", "->", ":="]

    mutating func lexOperator(_ l: Int, _ startCol: Int) throws {
        func str(_ n: Int) -> String? {
            guard pos + n <= chars.count else { return nil }
            return String(String.UnicodeScalarView(chars[pos..<(pos + n)]))
        }
        if let s = str(3), Lexer.ops3.contains(s) { pos += 3; add(.op, s, l, startCol); return }
        if let s = str(2), Lexer.ops2.contains(s) { pos += 2; add(.op, s, l, startCol); return }
        guard let c = peek() else { return }
        let ch = Character(c)
        switch ch {
        case "(", "[", "{":
            if brackets.count >= 200 { throw SyntaxErrorInfo(message: "too many nested parentheses", line: l, col: startCol) }
            brackets.append((ch, l, startCol))
        case ")", "]", "}":
            let open: Character = ch == ")" ? "(" : ch == "]" ? "[" : "{"
            guard let last = brackets.last else {
                throw SyntaxErrorInfo(message: "unmatched '\(ch)'", line: l, col: startCol)
            }
            if last.0 != open {
                if last.1 != l {
                    throw SyntaxErrorInfo(message: "closing parenthesis '\(ch)' does not match opening parenthesis '\(last.0)' on line \(last.1)", line: l, col: startCol)
                }
                throw SyntaxErrorInfo(message: "closing parenthesis '\(ch)' does not match opening parenthesis '\(last.0)'", line: l, col: startCol)
            }
            brackets.removeLast()
        case "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", ",", ":", ".", ";", "=", "!":
            break
        default:
            if c == "$" || c == "?" || c == "`" {
                throw SyntaxErrorInfo(message: "invalid syntax", line: l, col: startCol)
            }
            let code = String(c.value, radix: 16, uppercase: true).leftPad(4)
            // CPython names the character only when str.isprintable() would say it prints (a BOM does not).
            let message = isPrintable(c) ? "invalid character '\(ch)' (U+\(code))" : "invalid non-printable character U+\(code)"
            throw SyntaxErrorInfo(message: message, line: l, col: startCol)
        }
        pos += 1
        add(.op, String(ch), l, startCol)
    }
}

extension String {
    func leftPad(_ n: Int, _ c: Character = "0") -> String {
        count >= n ? self : String(repeating: c, count: n - count) + self
    }
}
