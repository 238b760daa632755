// Methods of str (str.format and %-formatting are in StrFormatting.swift).

/// Positional-or-keyword argument lookup for built-in methods.
@inline(__always) func argAt(_ args: [Value], _ i: Int, _ kw: [(String, Value)], _ name: String) -> Value? {
    if i < args.count { return args[i] }
    for (k, v) in kw where k == name { return v }
    return nil
}

func expectStr(_ v: Value, _ what: String) throws -> String {
    guard case .str(let s) = v else { throw PyException.typeError("\(what) must be str, not \(v.typeName)") }
    return s
}

func expectInt(_ v: Value, _ what: String = "") throws -> Int {
    switch v {
    case .int(let i): return i
    case .bool(let b): return b ? 1 : 0
    case .bigint: throw PyException.overflow("Python int too large to convert to C ssize_t")
    default: throw PyException.typeError("'\(v.typeName)' object cannot be interpreted as an integer")
    }
}

func isPySpace(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0: return true
    default: return u.value > 127 && u.properties.isWhitespace
    }
}

func checkArgs(_ name: String, _ args: [Value], _ min: Int, _ max: Int) throws {
    if args.count < min || args.count > max {
        if min == max {
            if min == 0 { throw PyException.typeError("\(name)() takes no arguments (\(args.count) given)") }
            if min == 1 { throw PyException.typeError("\(name)() takes exactly one argument (\(args.count) given)") }
            throw PyException.typeError("\(name) expected \(min) arguments, got \(args.count)")
        }
        if args.count < min { throw PyException.typeError("\(name) expected at least \(min) argument\(min == 1 ? "" : "s"), got \(args.count)") }
        throw PyException.typeError("\(name) expected at most \(max) argument\(max == 1 ? "" : "s"), got \(args.count)")
    }
}

extension Interpreter {
    func stripChars(_ s: String, _ chars: Value?, left: Bool, right: Bool) throws -> String {
        var set: Set<Unicode.Scalar>?
        if let c = chars, !c.isNone { set = Set(try expectStr(c, "strip arg").unicodeScalars) }
        let scalars = Array(s.unicodeScalars)
        var a = 0, b = scalars.count
        func strip(_ u: Unicode.Scalar) -> Bool { set.map { $0.contains(u) } ?? isPySpace(u) }
        if left { while a < b && strip(scalars[a]) { a += 1 } }
        if right { while b > a && strip(scalars[b - 1]) { b -= 1 } }
        return String(String.UnicodeScalarView(scalars[a..<b]))
    }

    func splitString(_ s: String, _ sepV: Value?, _ maxV: Value?, fromRight: Bool) throws -> [Value] {
        var maxsplit = -1
        if let m = maxV { maxsplit = try expectInt(m) }
        if let sv = sepV, !sv.isNone {
            let sep = try expectStr(sv, "must be str or None")
            if sep.isEmpty { throw PyException.valueError("empty separator") }
            var parts = fromRight ? Array(s.unicodeScalars.reversed()).split(sepScalars: Array(sep.unicodeScalars.reversed()), max: maxsplit)
                                  : Array(s.unicodeScalars).split(sepScalars: Array(sep.unicodeScalars), max: maxsplit)
            if fromRight { parts = parts.reversed().map { Array($0.reversed()) } }
            return parts.map { .str(String(String.UnicodeScalarView($0))) }
        }
        var scalars = Array(s.unicodeScalars)
        if fromRight { scalars.reverse() }
        var out: [[Unicode.Scalar]] = []
        var i = 0
        while i < scalars.count {
            while i < scalars.count && isPySpace(scalars[i]) { i += 1 }
            if i >= scalars.count { break }
            if maxsplit >= 0 && out.count == maxsplit {
                var end = scalars.count
                while end > i && isPySpace(scalars[end - 1]) { end -= 1 }
                out.append(Array(scalars[i..<end]))
                break
            }
            let start = i
            while i < scalars.count && !isPySpace(scalars[i]) { i += 1 }
            out.append(Array(scalars[start..<i]))
        }
        if fromRight { out = out.reversed().map { Array($0.reversed()) } }
        return out.map { .str(String(String.UnicodeScalarView($0))) }
    }

    func strMethod(_ s: String, _ name: String, _ args: [Value], _ kw: [(String, Value)]) throws -> Value {
        switch name {
        case "upper": return .str(s.uppercased())
        case "lower": return .str(s.lowercased())
        case "casefold": return .str(s.lowercased())
        case "strip": return .str(try stripChars(s, args.first, left: true, right: true))
        case "lstrip": return .str(try stripChars(s, args.first, left: true, right: false))
        case "rstrip": return .str(try stripChars(s, args.first, left: false, right: true))
        case "split": return .list(PyList(try splitString(s, argAt(args, 0, kw, "sep"), argAt(args, 1, kw, "maxsplit"), fromRight: false)))
        case "rsplit": return .list(PyList(try splitString(s, argAt(args, 0, kw, "sep"), argAt(args, 1, kw, "maxsplit"), fromRight: true)))
        case "join":
            try checkArgs("join", args, 1, 1)
            var parts: [String] = []
            var idx = 0
            try forEach(args[0]) { v in
                // numpy's str_ derives from str, so it joins as the text it holds.
                guard case .str(let p) = builtinBaseValue(v, "str") ?? v else {
                    throw PyException.typeError("sequence item \(idx): expected str instance, \(v.typeName) found")
                }
                parts.append(p); idx += 1
                return true
            }
            return .str(parts.joined(separator: s))
        case "replace":
            try checkArgs("replace", args, 2, 3)
            let old = try expectStr(args[0], "replace() argument 1")
            let new = try expectStr(args[1], "replace() argument 2")
            var count = args.count > 2 ? try expectInt(args[2]) : -1
            if old.isEmpty {
                var out = String.UnicodeScalarView()
                for u in s.unicodeScalars {
                    if count != 0 { out.append(contentsOf: new.unicodeScalars); count -= 1 }
                    out.append(u)
                }
                if count != 0 { out.append(contentsOf: new.unicodeScalars) }
                return .str(String(out))
            }
            let parts = Array(s.unicodeScalars).split(sepScalars: Array(old.unicodeScalars), max: count)
            return .str(parts.map { String(String.UnicodeScalarView($0)) }.joined(separator: new))
        case "startswith", "endswith":
            try checkArgs(name, args, 1, 3)
            var sub = Array(s.unicodeScalars)
            let start = args.count > 1 && !args[1].isNone ? try expectInt(args[1]) : 0
            let end = args.count > 2 && !args[2].isNone ? try expectInt(args[2]) : sub.count
            let idx = try sliceIndices(PySlice(.int(start), .int(end), .none), count: sub.count)
            sub = idx.map { sub[$0] }
            if start > sub.count + start && false { return .bool(false) }
            let candidates: [Value]
            if case .tuple(let t) = args[0] { candidates = t } else { candidates = [args[0]] }
            for c in candidates {
                guard case .str(let p) = c else {
                    throw PyException.typeError("\(name) first arg must be str or a tuple of str, not \(c.typeName)")
                }
                let ps = Array(p.unicodeScalars)
                if name == "startswith" ? sub.starts(with: ps) : sub.reversed().starts(with: ps.reversed()) { return .bool(true) }
            }
            return .bool(false)
        case "find", "rfind", "index", "rindex", "count":
            try checkArgs(name, args, 1, 3)
            let sub = Array(try expectStr(args[0], "must be str").unicodeScalars)
            let all = Array(s.unicodeScalars)
            var start = args.count > 1 && !args[1].isNone ? try expectInt(args[1]) : 0
            var end = args.count > 2 && !args[2].isNone ? try expectInt(args[2]) : all.count
            if start < 0 { start = max(start + all.count, 0) }
            if end < 0 { end = max(end + all.count, 0) }
            end = min(end, all.count)
            if name == "count" {
                if start > end { return .int(0) }
                if sub.isEmpty { return .int(end - start + 1) }
                var n = 0, i = start
                while i + sub.count <= end {
                    if all[i..<(i + sub.count)].elementsEqual(sub) { n += 1; i += sub.count } else { i += 1 }
                }
                return .int(n)
            }
            var found = -1
            if start <= end && sub.count <= end - start {
                if name == "find" || name == "index" {
                    var i = start
                    while i + sub.count <= end { if all[i..<(i + sub.count)].elementsEqual(sub) { found = i; break }; i += 1 }
                } else {
                    var i = end - sub.count
                    while i >= start { if all[i..<(i + sub.count)].elementsEqual(sub) { found = i; break }; i -= 1 }
                }
            }
            if found < 0 && (name == "index" || name == "rindex") { throw PyException.valueError("substring not found") }
            return .int(found)
        case "format": return .str(try strFormat(s, args, kw))
        case "format_map":
            try checkArgs("format_map", args, 1, 1)
            guard case .dict(let d) = args[0] else { throw PyException.typeError("format_map() argument must be a mapping, not \(args[0].typeName)") }
            return .str(try strFormat(s, [], d.items.compactMap { k, v in if case .str(let ks) = k { return (ks, v) }; return nil }))
        case "maketrans": return try strMaketrans(args)
        case "translate":
            try checkArgs("translate", args, 1, 1)
            var out = ""
            for u in s.unicodeScalars {
                let mapped: Value?
                do { mapped = try getItem(args[0], .int(Int(u.value))) } catch let e as PyException where e.isInstance(of: "LookupError") { mapped = nil }
                switch mapped {
                case nil: out.unicodeScalars.append(u)
                case .none?: break
                case .str(let r)?: out += r
                case .int(let c)?:
                    guard let r = Unicode.Scalar(UInt32(clamping: max(c, 0))), c >= 0, c < 0x110000 else {
                        throw PyException.valueError("character mapping must be in range(0x110000)")
                    }
                    out.unicodeScalars.append(r)
                case let other?: throw PyException.typeError("character mapping must return integer, None or str, not \(other.typeName)")
                }
            }
            return .str(out)
        case "isdecimal":
            return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.generalCategory == .decimalNumber })
        case "isdigit":
            return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal || $0.properties.numericType == .digit })
        case "isnumeric":
            return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType != nil })
        case "isalpha": return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy(isPyAlpha))
        case "isalnum": return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { isPyAlpha($0) || $0.properties.numericType != nil })
        case "isspace": return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy(isPySpace))
        case "isascii": return .bool(s.unicodeScalars.allSatisfy { $0.value < 128 })
        case "isprintable": return .bool(s.unicodeScalars.allSatisfy(isPrintable))
        case "isupper":
            let cased = s.unicodeScalars.filter { $0.properties.isCased }
            return .bool(!cased.isEmpty && cased.allSatisfy { $0.properties.isUppercase })
        case "islower":
            let cased = s.unicodeScalars.filter { $0.properties.isCased }
            return .bool(!cased.isEmpty && cased.allSatisfy { $0.properties.isLowercase })
        case "isidentifier":
            guard let f = s.unicodeScalars.first, Lexer.isIdentStart(f) else { return .bool(false) }
            return .bool(s.unicodeScalars.allSatisfy(Lexer.isIdentChar))
        case "istitle": return .bool(!s.isEmpty && titleCase(s) == s && s.unicodeScalars.contains { $0.properties.isCased })
        case "title": return .str(titleCase(s))
        case "capitalize":
            guard let f = s.first else { return .str("") }
            return .str(String(f).uppercased() + s.dropFirst().lowercased())
        case "swapcase":
            return .str(String(s.map { c -> String in c.isUppercase ? c.lowercased() : c.uppercased() }.joined()))
        case "center", "ljust", "rjust":
            try checkArgs(name, args, 1, 2)
            let width = try expectInt(args[0])
            var fill: Character = " "
            if args.count > 1 {
                let f = try expectStr(args[1], "fill character")
                guard f.count == 1, let c = f.first else { throw PyException.typeError("The fill character must be exactly one character long") }
                fill = c
            }
            let n = s.unicodeScalars.count
            if width <= n { return .str(s) }
            try MemoryCheck.reserve(count: width, size: 1)
            let pad = width - n
            switch name {
            case "ljust": return .str(s + String(repeating: fill, count: pad))
            case "rjust": return .str(String(repeating: fill, count: pad) + s)
            default:
                let left = pad / 2 + (pad & width & 1)
                return .str(String(repeating: fill, count: left) + s + String(repeating: fill, count: pad - left))
            }
        case "zfill":
            let width = try expectInt(args.first ?? .int(0))
            let n = s.unicodeScalars.count
            if width <= n { return .str(s) }
            try MemoryCheck.reserve(count: width, size: 1)
            let zeros = String(repeating: "0", count: width - n)
            if let f = s.first, f == "+" || f == "-" { return .str(String(f) + zeros + s.dropFirst()) }
            return .str(zeros + s)
        case "splitlines":
            let keep = try argAt(args, 0, kw, "keepends").map { try isTruthy($0) } ?? false
            var out: [Value] = []
            var cur = String.UnicodeScalarView()
            let cs = Array(s.unicodeScalars)
            var i = 0
            while i < cs.count {
                let c = cs[i]
                if c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" || c == "\u{1C}" || c == "\u{1D}" || c == "\u{1E}" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}" {
                    var end = String.UnicodeScalarView([c])
                    if c == "\r" && i + 1 < cs.count && cs[i + 1] == "\n" { end.append("\n"); i += 1 }
                    if keep { cur.append(contentsOf: end) }
                    out.append(.str(String(cur)))
                    cur = String.UnicodeScalarView()
                } else {
                    cur.append(c)
                }
                i += 1
            }
            if !cur.isEmpty { out.append(.str(String(cur))) }
            return .list(PyList(out))
        case "partition", "rpartition":
            try checkArgs(name, args, 1, 1)
            let sep = try expectStr(args[0], "must be str")
            if sep.isEmpty { throw PyException.valueError("empty separator") }
            let r = try strMethod(s, name == "partition" ? "find" : "rfind", [args[0]], [])
            guard case .int(let i) = r, i >= 0 else {
                return name == "partition" ? .tuple([.str(s), .str(""), .str("")]) : .tuple([.str(""), .str(""), .str(s)])
            }
            let cs = Array(s.unicodeScalars)
            let n = sep.unicodeScalars.count
            return .tuple([.str(String(String.UnicodeScalarView(cs[..<i]))), .str(sep), .str(String(String.UnicodeScalarView(cs[(i + n)...])))])
        case "removeprefix":
            let p = try expectStr(args.first ?? .none, "removeprefix() argument")
            return .str(s.hasPrefix(p) ? String(s.unicodeScalars.dropFirst(p.unicodeScalars.count)) : s)
        case "removesuffix":
            let p = try expectStr(args.first ?? .none, "removesuffix() argument")
            return .str(s.hasSuffix(p) && !p.isEmpty ? String(s.unicodeScalars.dropLast(p.unicodeScalars.count)) : s)
        case "encode": return .bytes(Array(s.utf8))
        case "expandtabs":
            let size = try args.first.map { try expectInt($0) } ?? 8
            var out = ""
            var col = 0
            for c in s {
                if c == "\t" {
                    let n = size > 0 ? size - col % size : 0
                    out += String(repeating: " ", count: n); col += n
                } else {
                    out.append(c)
                    col = (c == "\n" || c == "\r") ? 0 : col + 1
                }
            }
            return .str(out)
        default:
            throw noAttribute(.str(s), name)
        }
    }

    func titleCase(_ s: String) -> String {
        var out = ""
        var prevCased = false
        for c in s {
            if c.isLetter {
                out += prevCased ? c.lowercased() : c.uppercased()
                prevCased = true
            } else {
                out.append(c)
                prevCased = false
            }
        }
        return out
    }
}

extension Array where Element == Unicode.Scalar {
    /// Splits on a separator sequence; `max` < 0 means no limit.
    func split(sepScalars sep: [Unicode.Scalar], max: Int) -> [[Unicode.Scalar]] {
        var out: [[Unicode.Scalar]] = []
        var cur: [Unicode.Scalar] = []
        var i = 0
        var splits = 0
        while i < count {
            if (max < 0 || splits < max) && i + sep.count <= count && self[i..<(i + sep.count)].elementsEqual(sep) {
                out.append(cur); cur = []
                i += sep.count
                splits += 1
            } else {
                cur.append(self[i]); i += 1
            }
        }
        out.append(cur)
        return out
    }
}

extension String {
    func expandingTabs(_ size: Int = 8) -> String {
        guard contains("\t") else { return self }
        var out = ""
        var col = 0
        for c in self {
            if c == "\t" { let n = size - col % size; out += String(repeating: " ", count: n); col += n }
            else { out.append(c); col = c == "\n" ? 0 : col + 1 }
        }
        return out
    }
}

/// `str.isalpha` per character: Unicode letters (categories Lu, Ll, Lt, Lm, Lo).
func isPyAlpha(_ u: Unicode.Scalar) -> Bool {
    switch u.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
}

/// `str.maketrans(x[, y[, z]])`: a dict from code points to code points, strings or None.
func strMaketrans(_ args: [Value]) throws -> Value {
    try checkArgs("maketrans", args, 1, 3)
    let table = PyDict()
    if args.count == 1 {
        guard case .dict(let d) = args[0] else {
            throw PyException.typeError("if you give only one argument to maketrans it must be a dict")
        }
        for (k, v) in d.items {
            switch k {
            case .int: try table.set(k, v)
            case .str(let s) where s.unicodeScalars.count == 1:
                try table.set(.int(Int(s.unicodeScalars.first?.value ?? 0)), v)
            default: throw PyException.valueError("string keys in translate table must be of length 1")
            }
        }
        return .dict(table)
    }
    guard case .str(let x) = args[0], case .str(let y) = args[1] else {
        throw PyException.typeError("maketrans() arguments must be strings")
    }
    let xs = Array(x.unicodeScalars), ys = Array(y.unicodeScalars)
    guard xs.count == ys.count else { throw PyException.valueError("the first two maketrans arguments must have equal length") }
    for (a, b) in zip(xs, ys) { try table.set(.int(Int(a.value)), .int(Int(b.value))) }
    if args.count == 3 {
        guard case .str(let z) = args[2] else { throw PyException.typeError("maketrans() argument 3 must be str") }
        for c in z.unicodeScalars { try table.set(.int(Int(c.value)), .none) }
    }
    return .dict(table)
}
