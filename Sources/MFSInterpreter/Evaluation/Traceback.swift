// CPython 3.11-compatible traceback text, including the `~~~^^^` location markers.

extension Interpreter {
    func formatExceptionText(_ inst: PyInstance) -> String {
        var seen: Set<ObjectIdentifier> = []
        return formatChain(inst, &seen)
    }

    private func formatChain(_ inst: PyInstance, _ seen: inout Set<ObjectIdentifier>) -> String {
        seen.insert(ObjectIdentifier(inst))
        var out = ""
        if let cause = inst.cause, !seen.contains(ObjectIdentifier(cause)) {
            out += formatChain(cause, &seen)
            out += "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if let ctx = inst.context, !inst.suppressContext, !seen.contains(ObjectIdentifier(ctx)) {
            out += formatChain(ctx, &seen)
            out += "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        if !inst.traceback.isEmpty {
            out += "Traceback (most recent call last):\n"
            var last: TracebackEntry?
            var count = 0
            func flushRepeats() {
                if count > 3 {
                    let n = count - 3
                    out += "  [Previous line repeated \(n) more time\(n > 1 ? "s" : "")]\n"
                }
            }
            for e in inst.traceback {
                if let l = last, l.filename == e.filename, l.range.line == e.range.line, l.name == e.name {
                    count += 1
                } else {
                    flushRepeats()
                    last = e
                    count = 1
                }
                if count > 3 { continue }
                out += formatEntry(e)
            }
            flushRepeats()
        }
        out += exceptionOnly(inst)
        return out
    }

    func exceptionOnly(_ inst: PyInstance) -> String {
        let name = inst.cls.qualifiedName
        if inst.cls.isSubclass(of: BuiltinClasses.exc("SyntaxError")), case .str(let file)? = inst.attrs["filename"] {
            var out = ""
            let lineno: Int
            if case .int(let l)? = inst.attrs["lineno"] { lineno = l } else { lineno = 0 }
            out += "  File \"\(file)\", line \(lineno)\n"
            if case .str(let text)? = inst.attrs["text"] {
                // Mirrors traceback._format_syntax_error.
                var rtext = Substring(text)
                while rtext.hasSuffix("\n") { rtext = rtext.dropLast() }
                let ltext = rtext.drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{0C}" }
                let spaces = rtext.count - ltext.count
                out += "    \(ltext)\n"
                if case .int(let offset)? = inst.attrs["offset"] {
                    var endOffset = offset
                    if case .int(let e)? = inst.attrs["end_offset"], e != 0 { endOffset = e }
                    if offset == endOffset || endOffset == -1 { endOffset = offset + 1 }
                    let colno = offset - 1 - spaces
                    let endColno = endOffset - 1 - spaces
                    if colno >= 0 {
                        let caretSpace = ltext.prefix(colno).map { $0.isWhitespace ? String($0) : " " }.joined()
                        out += "    " + caretSpace + String(repeating: "^", count: max(endColno - colno, 0)) + "\n"
                    }
                }
            }
            let msg: String
            if case .str(let m)? = inst.attrs["msg"] { msg = m } else { msg = exceptionMessage(inst) }
            return out + "\(name): \(msg)\n"
        }
        var msg: String
        if let strMethod = inst.cls.lookup("__str__"), case .function = strMethod,
           let v = try? callValue(strMethod, [.instance(inst)], []), case .str(let s) = v {
            msg = s
        } else {
            msg = exceptionMessage(inst)
        }
        if inst.cls.isSubclass(of: BuiltinClasses.exc("NameError")), let s = inst.suggestion {
            msg += ". Did you mean: '\(s)'?"
        } else if inst.cls.isSubclass(of: BuiltinClasses.exc("AttributeError")), case .str(let name)? = inst.attrs["name"],
                  let obj = inst.attrs["obj"], let s = bestSuggestion(name, dirNames(obj)) {
            msg += ". Did you mean: '\(s)'?"
        }
        let note = inst.tracebackNote?().map { $0 + "\n" } ?? ""
        return (msg.isEmpty ? "\(name)\n" : "\(name): \(msg)\n") + note
    }

    func formatEntry(_ e: TracebackEntry) -> String {
        let line = Int(e.range.line)
        var out = "  File \"\(e.filename)\", line \(line), in \(e.name)\n"
        guard !hiddenSources.contains(e.filename), let lines = sources[e.filename], line >= 1, line <= lines.count else { return out }
        let text = Array(lines[line - 1].unicodeScalars)
        var lead = 0
        while lead < text.count, text[lead] == " " || text[lead] == "\t" || text[lead] == "\u{0C}" { lead += 1 }
        var end = text.count
        while end > lead, text[end - 1] == " " || text[end - 1] == "\t" { end -= 1 }
        if lead >= end { return out }
        out += "    " + String(String.UnicodeScalarView(text[lead..<end])) + "\n"
        var start = Int(e.range.col)
        var stop = Int(e.range.endCol)
        var anchors: (Int, Int, Character, Character)?
        if e.range.endLine != e.range.line {
            stop = end
        } else {
            start = min(max(start, 0), text.count)
            stop = min(max(stop, start), text.count)
            anchors = caretAnchors(String(String.UnicodeScalarView(text[start..<stop])))
        }
        if start < lead { start = lead }
        if stop - start == end - lead && anchors == nil { return out }
        if stop <= start { return out }
        var carets = ""
        for i in 0..<(stop - start) {
            if let (l, r, primary, secondary) = anchors {
                carets.append(i < l ? secondary : i < r ? primary : secondary)
            } else {
                carets.append("^")
            }
        }
        out += "    " + String(repeating: " ", count: start - lead) + carets + "\n"
        return out
    }

    /// Finds the operator of a binary operation or the `[...]` of a subscript inside a failing segment.
    func caretAnchors(_ segment: String) -> (Int, Int, Character, Character)? {
        var lx = Lexer(segment)
        guard let toks = try? lx.tokenize() else { return nil }
        var p = Parser(tokens: toks, filename: "<segment>")
        guard let body = try? p.parseModule(), body.count == 1, let es = body[0] as? ExprStmt else { return nil }
        let seg = Array(segment.unicodeScalars)
        switch es.expr {
        case let b as BinOpExpr:
            let lEnd = Int(b.left.r.endCol), rStart = Int(b.right.r.col)
            guard b.left.r.endLine == 1, b.right.r.line == 1 else { return nil }
            var i = lEnd
            while i < rStart {
                if seg[i] == " " || seg[i] == "\t" || seg[i] == "\n" || seg[i] == "\\" { i += 1; continue }
                var right = i + 1
                if i + 1 < rStart && !(seg[i + 1] == " " || seg[i + 1] == "\t") { right += 1 }
                if i + 1 < rStart && seg[i] == ")" { i += 1; continue }
                return (i, right, "^", "~")
            }
            return nil
        case let s as SubscriptExpr:
            guard s.obj.r.endLine == 1, s.index.r.endLine == 1 else { return nil }
            return (Int(s.obj.r.endCol), Int(s.index.r.endCol) + 1, "^", "~")
        default:
            return nil
        }
    }
}

extension Interpreter {
    /// CPython's NameError suggestion: locals, then globals, then builtins.
    func suggestName(_ name: String, _ f: Frame) -> String? {
        var locals: [String] = []
        if let code = f.code {
            for (i, n) in code.localNames.enumerated() where i < f.nLocals && f.locals[i] != nil { locals.append(n) }
            for (i, n) in code.cellNames.enumerated() where i < f.cells.count && f.cells[i].value != nil { locals.append(n) }
            if let s = bestSuggestion(name, locals) { return s }
        }
        var globalNames: [String] = []
        for (i, n) in globals.names.enumerated() where globals.values[i] != nil { globalNames.append(n) }
        if let s = bestSuggestion(name, globalNames) { return s }
        return bestSuggestion(name, builtins.keys.sorted())
    }

    /// The candidate CPython would suggest for a mistyped `name` ("Did you mean"), if any.
    public func closestName(to name: String, among candidates: [String]) -> String? {
        bestSuggestion(name, candidates)
    }

    /// calculate_suggestions from CPython's Python/suggestions.c.
    func bestSuggestion(_ name: String, _ candidates: [String]) -> String? {
        if candidates.count >= 750 { return nil }
        let a = Array(name.utf8)
        if a.count > 40 { return nil }
        var best: String?
        var bestDistance = Int.max
        for c in candidates {
            if c == name { continue }
            let b = Array(c.utf8)
            var maxDistance = (a.count + b.count + 3) * 2 / 6
            maxDistance = min(maxDistance, bestDistance - 1)
            let d = levenshtein(a, b, maxDistance)
            if d > maxDistance { continue }
            if best == nil || d < bestDistance { best = c; bestDistance = d }
        }
        return best
    }

    func levenshtein(_ a0: [UInt8], _ b0: [UInt8], _ maxCost: Int) -> Int {
        var a = a0[...], b = b0[...]
        while let x = a.first, let y = b.first, x == y { a = a.dropFirst(); b = b.dropFirst() }
        while let x = a.last, let y = b.last, x == y { a = a.dropLast(); b = b.dropLast() }
        if a.isEmpty || b.isEmpty { return (a.count + b.count) * 2 }
        if a.count > 40 || b.count > 40 { return maxCost + 1 }
        if b.count < a.count { swap(&a, &b) }
        if (b.count - a.count) * 2 > maxCost { return maxCost + 1 }
        let av = Array(a), bv = Array(b)
        func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
        func subst(_ x: UInt8, _ y: UInt8) -> Int { x == y ? 0 : lower(x) == lower(y) ? 1 : 2 }
        var buffer = (0..<av.count).map { ($0 + 1) * 2 }
        var result = 0
        for bi in 0..<bv.count {
            let code = bv[bi]
            var distance = bi * 2
            result = distance
            var minimum = Int.max
            for i in 0..<av.count {
                let substitute = distance + subst(code, av[i])
                distance = buffer[i]
                let insertDelete = min(result, distance) + 2
                result = min(insertDelete, substitute)
                buffer[i] = result
                if result < minimum { minimum = result }
            }
            if minimum > maxCost { return maxCost + 1 }
        }
        return result
    }
}
