// A backtracking regular-expression engine for the `re` module (the common subset of Python's syntax).

indirect enum RNode {
    case char(Unicode.Scalar)
    case any
    case set([RClassItem], negated: Bool)
    case lineStart, lineEnd, textStart, textEnd
    case wordBoundary(Bool)
    case group(Int?, RNode)
    case concat([RNode])
    case alt([RNode])
    case rep(RNode, min: Int, max: Int, greedy: Bool)
    case backref(Int)
    case look(RNode, ahead: Bool, negate: Bool)
}

enum RClassItem {
    case range(UInt32, UInt32)
    case digit(Bool), word(Bool), space(Bool)
}

struct RegexFlags: OptionSet {
    let rawValue: Int
    static let ignoreCase = RegexFlags(rawValue: 2)
    static let multiline = RegexFlags(rawValue: 8)
    static let dotAll = RegexFlags(rawValue: 16)
    static let verbose = RegexFlags(rawValue: 64)
}

struct RegexParser {
    let p: [Unicode.Scalar]
    var i = 0
    var groupCount = 0
    var names: [String: Int] = [:]
    var flags: RegexFlags

    init(_ pattern: String, flags: RegexFlags) { p = Array(pattern.unicodeScalars); self.flags = flags }

    func err(_ m: String) -> PyException { PyException.builtin("ValueError", "\(m) at position \(i)") }

    mutating func parse() throws -> RNode {
        let n = try parseAlt()
        if i < p.count { throw err(p[i] == ")" ? "unbalanced parenthesis" : "unexpected character") }
        return n
    }

    mutating func parseAlt() throws -> RNode {
        var branches = [try parseConcat()]
        while i < p.count && p[i] == "|" { i += 1; branches.append(try parseConcat()) }
        return branches.count == 1 ? branches[0] : .alt(branches)
    }

    mutating func parseConcat() throws -> RNode {
        var items: [RNode] = []
        while i < p.count && p[i] != "|" && p[i] != ")" {
            if flags.contains(.verbose) {
                if p[i] == " " || p[i] == "\t" || p[i] == "\n" { i += 1; continue }
                if p[i] == "#" { while i < p.count && p[i] != "\n" { i += 1 }; continue }
            }
            var atom = try parseAtom()
            // Quantifiers.
            while i < p.count {
                var lo = 0, hi = Int.max
                let c = p[i]
                if c == "*" { i += 1 } else if c == "+" { lo = 1; i += 1 } else if c == "?" { hi = 1; i += 1 }
                else if c == "{", let (a, b, len) = braces(at: i) { lo = a; hi = b; i += len }
                else { break }
                var greedy = true
                if i < p.count && p[i] == "?" { greedy = false; i += 1 }
                atom = .rep(atom, min: lo, max: hi, greedy: greedy)
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : .concat(items)
    }

    func braces(at start: Int) -> (Int, Int, Int)? {
        var j = start + 1
        var a = "", b = ""
        var comma = false
        while j < p.count && p[j] != "}" {
            if p[j] == "," { if comma { return nil }; comma = true }
            else if p[j].properties.numericType != nil && p[j].value < 128 { if comma { b.unicodeScalars.append(p[j]) } else { a.unicodeScalars.append(p[j]) } }
            else { return nil }
            j += 1
        }
        guard j < p.count, !(a.isEmpty && !comma) else { return nil }
        let lo = Int(a) ?? 0
        let hi = comma ? (Int(b) ?? Int.max) : lo
        return (lo, hi, j - start + 1)
    }

    mutating func parseAtom() throws -> RNode {
        let c = p[i]
        i += 1
        switch c {
        case ".": return .any
        case "^": return .lineStart
        case "$": return .lineEnd
        case "(":
            var capture: Int? = nil
            if i < p.count && p[i] == "?" {
                i += 1
                guard i < p.count else { throw err("unexpected end of pattern") }
                switch p[i] {
                case ":": i += 1
                case "=", "!":
                    let neg = p[i] == "!"
                    i += 1
                    let inner = try parseAlt()
                    try close()
                    return .look(inner, ahead: true, negate: neg)
                case "<" where i + 1 < p.count && (p[i + 1] == "=" || p[i + 1] == "!"):
                    let neg = p[i + 1] == "!"
                    i += 2
                    let inner = try parseAlt()
                    try close()
                    return .look(inner, ahead: false, negate: neg)
                case "P":
                    i += 1
                    if i < p.count && p[i] == "<" {
                        i += 1
                        var name = ""
                        while i < p.count && p[i] != ">" { name.unicodeScalars.append(p[i]); i += 1 }
                        i += 1
                        groupCount += 1
                        names[name] = groupCount
                        capture = groupCount
                    } else if i < p.count && p[i] == "=" {
                        i += 1
                        var name = ""
                        while i < p.count && p[i] != ")" { name.unicodeScalars.append(p[i]); i += 1 }
                        i += 1
                        guard let g = names[name] else { throw err("unknown group name '\(name)'") }
                        return .backref(g)
                    }
                case "#":
                    while i < p.count && p[i] != ")" { i += 1 }
                    i += 1
                    return .concat([])
                default:
                    // Inline flags like (?i).
                    while i < p.count && p[i] != ")" && p[i] != ":" {
                        switch p[i] {
                        case "i": flags.insert(.ignoreCase)
                        case "m": flags.insert(.multiline)
                        case "s": flags.insert(.dotAll)
                        case "x": flags.insert(.verbose)
                        default: throw err("unknown extension ?\(Character(p[i]))")
                        }
                        i += 1
                    }
                    if i < p.count && p[i] == ")" { i += 1; return .concat([]) }
                    i += 1
                }
            } else {
                groupCount += 1
                capture = groupCount
            }
            let inner = try parseAlt()
            try close()
            return .group(capture, inner)
        case "[": return try parseClass()
        case "\\": return try parseEscape(inClass: false).0
        case "*", "+", "?": throw err("nothing to repeat")
        default: return .char(c)
        }
    }

    mutating func close() throws {
        guard i < p.count, p[i] == ")" else { throw err("missing ), unterminated subpattern") }
        i += 1
    }

    /// Returns the node, and for class use a class item when the escape is a class.
    mutating func parseEscape(inClass: Bool) throws -> (RNode, RClassItem?) {
        guard i < p.count else { throw err("bad escape (end of pattern)") }
        let c = p[i]
        i += 1
        switch c {
        case "d": return (.set([.digit(true)], negated: false), .digit(true))
        case "D": return (.set([.digit(false)], negated: false), .digit(false))
        case "w": return (.set([.word(true)], negated: false), .word(true))
        case "W": return (.set([.word(false)], negated: false), .word(false))
        case "s": return (.set([.space(true)], negated: false), .space(true))
        case "S": return (.set([.space(false)], negated: false), .space(false))
        case "b": return inClass ? (.char("\u{08}"), .range(8, 8)) : (.wordBoundary(true), nil)
        case "B": return (.wordBoundary(false), nil)
        case "A": return (.textStart, nil)
        case "Z": return (.textEnd, nil)
        case "n": return (.char("\n"), .range(10, 10))
        case "t": return (.char("\t"), .range(9, 9))
        case "r": return (.char("\r"), .range(13, 13))
        case "f": return (.char("\u{0C}"), .range(12, 12))
        case "v": return (.char("\u{0B}"), .range(11, 11))
        case "0": return (.char("\0"), .range(0, 0))
        case "x", "u", "U":
            let len = c == "x" ? 2 : c == "u" ? 4 : 8
            guard i + len <= p.count, let v = UInt32(String(String.UnicodeScalarView(p[i..<(i + len)])), radix: 16), let u = Unicode.Scalar(v) else {
                throw err("incomplete escape \\\(Character(c))")
            }
            i += len
            return (.char(u), .range(v, v))
        case "1"..."9":
            var n = Int(c.value - 48)
            if i < p.count, p[i] >= "0", p[i] <= "9" { n = n * 10 + Int(p[i].value - 48); i += 1 }
            return (.backref(n), nil)
        default:
            if (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") { throw err("bad escape \\\(Character(c))") }
            return (.char(c), .range(c.value, c.value))
        }
    }

    mutating func parseClass() throws -> RNode {
        var items: [RClassItem] = []
        var negated = false
        if i < p.count && p[i] == "^" { negated = true; i += 1 }
        var first = true
        while i < p.count && (p[i] != "]" || first) {
            first = false
            var lo: UInt32
            if p[i] == "\\" {
                i += 1
                let (_, item) = try parseEscape(inClass: true)
                guard let item else { continue }
                if case .range(let a, _) = item { lo = a } else { items.append(item); continue }
            } else {
                lo = p[i].value
                i += 1
            }
            if i + 1 < p.count && p[i] == "-" && p[i + 1] != "]" {
                i += 1
                var hi: UInt32
                if p[i] == "\\" {
                    i += 1
                    let (_, item) = try parseEscape(inClass: true)
                    guard case .range(let a, _)? = item else { throw err("bad character range") }
                    hi = a
                } else {
                    hi = p[i].value
                    i += 1
                }
                if hi < lo { throw err("bad character range") }
                items.append(.range(lo, hi))
            } else {
                items.append(.range(lo, lo))
            }
        }
        guard i < p.count else { throw err("unterminated character set") }
        i += 1
        return .set(items, negated: negated)
    }
}

/// A compiled pattern with its matcher.
final class CompiledRegex {
    let pattern: String
    let root: RNode
    let groupCount: Int
    let names: [String: Int]
    let flags: RegexFlags

    init(_ pattern: String, flags: RegexFlags) throws {
        var parser = RegexParser(pattern, flags: flags)
        root = try parser.parse()
        groupCount = parser.groupCount
        names = parser.names
        self.flags = parser.flags
        self.pattern = pattern
    }

    /// Attempts a match starting exactly at `start`; returns group spans (index 0 = whole match).
    func match(_ s: [Unicode.Scalar], at start: Int, fullMatch: Bool = false, endLimit: Int? = nil) -> [(Int, Int)?]? {
        let m = Matcher(s: s, flags: flags, caps: Array(repeating: nil, count: groupCount + 1), limit: endLimit ?? s.count)
        var result: [(Int, Int)?]?
        _ = m.run(root, start) { end, caps in
            if fullMatch && end != m.limit { return false }
            var c = caps
            c[0] = (start, end)
            result = c
            return true
        }
        return result
    }

    func search(_ s: [Unicode.Scalar], from: Int) -> [(Int, Int)?]? {
        var pos = from
        while pos <= s.count {
            if let r = match(s, at: pos) { return r }
            pos += 1
        }
        return nil
    }
}

final class Matcher {
    let s: [Unicode.Scalar]
    let flags: RegexFlags
    var caps: [(Int, Int)?]
    let limit: Int

    init(s: [Unicode.Scalar], flags: RegexFlags, caps: [(Int, Int)?], limit: Int) {
        self.s = s; self.flags = flags; self.caps = caps; self.limit = limit
    }

    func isWord(_ u: Unicode.Scalar) -> Bool { u == "_" || u.properties.isAlphabetic || u.properties.numericType != nil }
    func isDigit(_ u: Unicode.Scalar) -> Bool { u.properties.numericType == .decimal }
    func isSpace(_ u: Unicode.Scalar) -> Bool { isPySpace(u) }

    func fold(_ u: Unicode.Scalar) -> UInt32 {
        guard flags.contains(.ignoreCase) else { return u.value }
        return u.properties.lowercaseMapping.unicodeScalars.first?.value ?? u.value
    }

    func classMatches(_ items: [RClassItem], _ negated: Bool, _ u: Unicode.Scalar) -> Bool {
        var hit = false
        for it in items {
            switch it {
            case .range(let a, let b):
                if u.value >= a && u.value <= b { hit = true }
                else if flags.contains(.ignoreCase) {
                    let l = fold(u)
                    let upper = u.properties.uppercaseMapping.unicodeScalars.first?.value ?? u.value
                    if (l >= a && l <= b) || (upper >= a && upper <= b) { hit = true }
                }
            case .digit(let pos): if isDigit(u) == pos { hit = true }
            case .word(let pos): if isWord(u) == pos { hit = true }
            case .space(let pos): if isSpace(u) == pos { hit = true }
            }
            if hit { break }
        }
        return hit != negated
    }

    /// Continuation-passing backtracking: `k` receives the end position and captures.
    func run(_ n: RNode, _ i: Int, _ k: (Int, [(Int, Int)?]) -> Bool) -> Bool {
        switch n {
        case .char(let c):
            guard i < limit, fold(s[i]) == fold(c) else { return false }
            return k(i + 1, caps)
        case .any:
            guard i < limit, flags.contains(.dotAll) || s[i] != "\n" else { return false }
            return k(i + 1, caps)
        case .set(let items, let neg):
            guard i < limit, classMatches(items, neg, s[i]) else { return false }
            return k(i + 1, caps)
        case .lineStart:
            guard i == 0 || (flags.contains(.multiline) && s[i - 1] == "\n") else { return false }
            return k(i, caps)
        case .lineEnd:
            let ok = i == limit || (i == limit - 1 && s[i] == "\n") || (flags.contains(.multiline) && i < limit && s[i] == "\n")
            return ok ? k(i, caps) : false
        case .textStart: return i == 0 ? k(i, caps) : false
        case .textEnd: return i == limit ? k(i, caps) : false
        case .wordBoundary(let want):
            let before = i > 0 && isWord(s[i - 1])
            let after = i < limit && isWord(s[i])
            return (before != after) == want ? k(i, caps) : false
        case .group(let idx, let inner):
            let saved = caps
            let r = run(inner, i) { end, c in
                var c2 = c
                if let idx { c2[idx] = (i, end) }
                return k(end, c2)
            }
            if !r { caps = saved }
            return r
        case .concat(let items):
            return runSeq(items, 0, i, caps, k)
        case .alt(let branches):
            for b in branches {
                let saved = caps
                if run(b, i, k) { return true }
                caps = saved
            }
            return false
        case .rep(let inner, let lo, let hi, let greedy):
            return runRep(inner, lo, hi, greedy, 0, i, -1, caps, k)
        case .backref(let g):
            guard g < caps.count, let (a, b) = caps[g] else { return false }
            let len = b - a
            guard i + len <= limit else { return false }
            for j in 0..<len where fold(s[a + j]) != fold(s[i + j]) { return false }
            return k(i + len, caps)
        case .look(let inner, let ahead, let negate):
            let sub = Matcher(s: s, flags: flags, caps: caps, limit: ahead ? limit : i)
            var found = false
            if ahead {
                found = sub.run(inner, i) { _, _ in true }
            } else {
                for st in stride(from: i, through: 0, by: -1) {
                    if sub.run(inner, st, { end, _ in end == i }) { found = true; break }
                }
            }
            return found != negate ? k(i, caps) : false
        }
    }

    func runSeq(_ items: [RNode], _ idx: Int, _ i: Int, _ c: [(Int, Int)?], _ k: (Int, [(Int, Int)?]) -> Bool) -> Bool {
        if idx == items.count { return k(i, c) }
        caps = c
        return run(items[idx], i) { end, c2 in
            return self.runSeq(items, idx + 1, end, c2, k)
        }
    }

    func runRep(_ inner: RNode, _ lo: Int, _ hi: Int, _ greedy: Bool, _ count: Int, _ i: Int, _ lastStart: Int,
                         _ c: [(Int, Int)?], _ k: (Int, [(Int, Int)?]) -> Bool) -> Bool {
        caps = c
        let canStop = count >= lo
        if !greedy && canStop && k(i, c) { return true }
        if count < hi && i != lastStart {
            let matched = run(inner, i) { end, c2 in
                if end == i && count >= lo { return false }
                return self.runRep(inner, lo, hi, greedy, count + 1, end, i, c2, k)
            }
            if matched { return true }
        }
        if greedy && canStop { return k(i, c) }
        return false
    }
}
