// Block editing as in IPython and Python 3.13's REPL, the parts that are plain text: the
// indentation a continuation line starts with, what Tab does at the start of a line, and how
// pasted text is cleaned before it goes into the line being edited.

enum BlockEditing {
    static let indentUnit = 4
    /// Statements after which nothing more of their block runs: the next line is one level out.
    static let blockEnders: Set<Substring> = ["return", "pass", "break", "continue", "raise"]

    /// The indentation the next continuation line starts with, given the input's lines so far: the
    /// last line's, one level more after a line ending in `:`, one level less after `return`,
    /// `pass`, `break`, `continue` or `raise`. Nothing inside an open triple-quoted string.
    static func indentation(after lines: [String]) -> String {
        guard let last = lines.last(where: { !isBlank($0) }) else { return "" }
        if insideTripleQuotedString(lines) { return "" }
        let lead = last.prefix { $0 == " " || $0 == "\t" }
        let code = codeOf(last)
        if code.hasSuffix(":") { return lead + String(repeating: " ", count: indentUnit) }
        let firstWord = code.dropFirst(lead.count).prefix { $0.isLetter || $0.isNumber || $0 == "_" }
        if blockEnders.contains(firstWord) { return String(lead.dropLast(min(indentUnit, lead.count))) }
        return String(lead)
    }

    /// What Tab inserts when only spaces and tabs precede the cursor on its line (`lineSoFar`):
    /// spaces up to the next indentation level; nil when there is code before the cursor, so Tab
    /// completes.
    static func indentForTab(lineSoFar: some Collection<UInt8>) -> String? {
        guard lineSoFar.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
        return String(repeating: " ", count: indentUnit - lineSoFar.count % indentUnit)
    }

    /// Pasted text as it goes into the line: line ends made `\n` (terminals send `\r`), trailing
    /// blank lines and the final newline dropped, so the paste waits for Enter like a typed line.
    static func cleanPaste(_ raw: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        var i = 0
        while i < raw.count {
            let s = raw[i]
            if s == "\r" {
                out.append("\n")
                if i + 1 < raw.count, raw[i + 1] == "\n" { i += 1 }
            } else {
                out.append(s)
            }
            i += 1
        }
        while let l = out.last, l == "\n" || l == " " || l == "\t" { out.removeLast() }
        return String(out)
    }

    /// Pasted text brings its own indentation: it replaces the indentation the prompt put in
    /// (when only that precedes the cursor) if it spans lines or starts indented itself.
    static func pasteReplacesIndentation(_ text: String) -> Bool {
        text.contains("\n") || text.first == " " || text.first == "\t"
    }

    static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" } }

    /// The line without its comment and trailing spaces (strings are skipped, so `"#:"` stays).
    static func codeOf(_ line: String) -> Substring {
        var quote: Character?
        var escaped = false
        var end = line.endIndex
        for i in line.indices {
            let c = line[i]
            if let q = quote {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "#" {
                end = i
                break
            }
        }
        var code = line[..<end]
        while let l = code.last, l == " " || l == "\t" { code = code.dropLast() }
        return code
    }

    /// An odd number of `"""` (or `'''`) so far: the next line is inside the string.
    static func insideTripleQuotedString(_ lines: [String]) -> Bool {
        let text = lines.joined(separator: "\n")
        return ["\"\"\"", "'''"].contains { text.split(separator: $0, omittingEmptySubsequences: false).count % 2 == 0 }
    }
}
