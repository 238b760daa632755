// datetime.datetime.strptime: CPython's _strptime in the C locale. CPython compiles the format into a
// case-insensitive regex and takes the first match in backtracking order; here each directive lists its
// candidate match lengths in that same order, and a small backtracking matcher picks the first that lets
// the rest of the format match.
import Glibc

private let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
private let monthNamesLower = ["january", "february", "march", "april", "may", "june", "july", "august",
                               "september", "october", "november", "december"]

private enum FormatToken {
    case literal(Unicode.Scalar)
    case whitespace
    case directive(Unicode.Scalar)
}

/// Characters CPython escapes before reading directives: "%" followed by one of them, or by
/// whitespace, is reported as the bad directive '%'.
private let regexSpecials: Set<Unicode.Scalar> = ["\\", ".", "^", "$", "*", "+", "?", "(", ")", "{", "}", "[", "]", "|"]
private let supportedDirectives: Set<Unicode.Scalar> = ["Y", "y", "m", "d", "H", "I", "M", "S", "f", "b", "B", "a", "A",
                                                         "j", "p", "z", "Z", "w", "u", "%"]

private func lowerScalar(_ c: Unicode.Scalar) -> Unicode.Scalar {
    c.value >= 65 && c.value <= 90 ? Unicode.Scalar(c.value + 32) ?? c : c
}
private func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

private func tokenize(_ format: String) throws -> [FormatToken] {
    let cs = Array(format.unicodeScalars)
    var out: [FormatToken] = []
    var i = 0
    while i < cs.count {
        let c = cs[i]
        if isPySpace(c) {
            while i < cs.count && isPySpace(cs[i]) { i += 1 }
            out.append(.whitespace)
            continue
        }
        if c == "%" {
            guard i + 1 < cs.count else { throw PyException.valueError("stray % in format '\(format)'") }
            let d = cs[i + 1]
            if regexSpecials.contains(d) || isPySpace(d) {
                throw PyException.valueError("'%' is a bad directive in format '\(format)'")
            }
            guard supportedDirectives.contains(d) else {
                throw PyException.valueError("'\(Character(d))' is a bad directive in format '\(format)'")
            }
            out.append(d == "%" ? .literal("%") : .directive(d))
            i += 2
            continue
        }
        out.append(.literal(c))
        i += 1
    }
    var seen: Set<Unicode.Scalar> = []
    for case .directive(let d) in out where !seen.insert(d).inserted {
        // CPython fails here with re.error from compiling a regex with a repeated group name.
        throw PyException.valueError("redefinition of group name '\(Character(d))' in format '\(format)'")
    }
    return out
}

/// Ends of the matches of one directive at `p`, in the order CPython's regex alternation tries them.
private func candidates(_ d: Unicode.Scalar, _ s: [Unicode.Scalar], _ p: Int) -> [Int] {
    func digit(_ i: Int) -> Bool { i < s.count && isDigit(s[i]) }
    func at(_ i: Int) -> UInt32 { i < s.count ? s[i].value : 0 }
    func inRange(_ i: Int, _ lo: Character, _ hi: Character) -> Bool {
        guard let l = lo.unicodeScalars.first?.value, let h = hi.unicodeScalars.first?.value else { return false }
        return at(i) >= l && at(i) <= h
    }
    func ch(_ i: Int, _ c: Character) -> Bool { c.unicodeScalars.first?.value == at(i) }
    /// Alternatives given as per-position predicates; each alternative is fixed-length.
    func alternatives(_ alts: [[(Int) -> Bool]]) -> [Int] {
        alts.compactMap { alt in alt.enumerated().allSatisfy { $0.element(p + $0.offset) } ? p + alt.count : nil }
    }
    let dg: (Int) -> Bool = digit
    switch d {
    case "d":  // 3[01]|[12]\d|0[1-9]|[1-9]| [1-9]
        return alternatives([[{ ch($0, "3") }, { inRange($0, "0", "1") }], [{ inRange($0, "1", "2") }, dg],
                             [{ ch($0, "0") }, { inRange($0, "1", "9") }], [{ inRange($0, "1", "9") }],
                             [{ ch($0, " ") }, { inRange($0, "1", "9") }]])
    case "f":  // [0-9]{1,6}, greedy
        var n = 0
        while n < 6 && digit(p + n) { n += 1 }
        return n == 0 ? [] : (1...n).reversed().map { p + $0 }
    case "H":  // 2[0-3]|[0-1]\d|\d
        return alternatives([[{ ch($0, "2") }, { inRange($0, "0", "3") }], [{ inRange($0, "0", "1") }, dg], [dg]])
    case "I", "m":  // 1[0-2]|0[1-9]|[1-9]
        return alternatives([[{ ch($0, "1") }, { inRange($0, "0", "2") }], [{ ch($0, "0") }, { inRange($0, "1", "9") }],
                             [{ inRange($0, "1", "9") }]])
    case "j":  // 36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9]
        return alternatives([[{ ch($0, "3") }, { ch($0, "6") }, { inRange($0, "0", "6") }],
                             [{ ch($0, "3") }, { inRange($0, "0", "5") }, dg], [{ inRange($0, "1", "2") }, dg, dg],
                             [{ ch($0, "0") }, { inRange($0, "1", "9") }, dg], [{ ch($0, "0") }, { ch($0, "0") }, { inRange($0, "1", "9") }],
                             [{ inRange($0, "1", "9") }, dg], [{ ch($0, "0") }, { inRange($0, "1", "9") }], [{ inRange($0, "1", "9") }]])
    case "M":  // [0-5]\d|\d
        return alternatives([[{ inRange($0, "0", "5") }, dg], [dg]])
    case "S":  // 6[0-1]|[0-5]\d|\d
        return alternatives([[{ ch($0, "6") }, { inRange($0, "0", "1") }], [{ inRange($0, "0", "5") }, dg], [dg]])
    case "w": return alternatives([[{ inRange($0, "0", "6") }]])
    case "u": return alternatives([[{ inRange($0, "1", "7") }]])
    case "y": return alternatives([[dg, dg]])
    case "Y": return alternatives([[dg, dg, dg, dg]])
    case "z": return offsetCandidates(s, p)
    case "A": return nameCandidates(weekdayNames, s, p)
    case "a": return nameCandidates(weekdayNames.map { String($0.prefix(3)) }, s, p)
    case "B": return nameCandidates(monthNamesLower, s, p)
    case "b": return nameCandidates(monthNamesLower.map { String($0.prefix(3)) }, s, p)
    case "p": return nameCandidates(["am", "pm"], s, p)
    case "Z": return nameCandidates(timezoneNames(), s, p)
    default: return []
    }
}

/// `[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z)` with greedy optionals.
private func offsetCandidates(_ s: [Unicode.Scalar], _ p: Int) -> [Int] {
    func digit(_ i: Int) -> Bool { i < s.count && isDigit(s[i]) }
    func sixty(_ i: Int) -> Bool { i < s.count && s[i].value >= 48 && s[i].value <= 53 && digit(i + 1) }
    if p < s.count && s[p] == "Z" { return [p + 1] }
    guard p < s.count, s[p] == "+" || s[p] == "-", digit(p + 1), digit(p + 2) else { return [] }
    var out: [Int] = []
    // `:?` is greedy: with the colon first, then without.
    for afterHours in (p + 3 < s.count && s[p + 3] == ":") ? [p + 4, p + 3] : [p + 3] where sixty(afterHours) {
        let minutesEnd = afterHours + 2
        for afterMinutes in (minutesEnd < s.count && s[minutesEnd] == ":") ? [minutesEnd + 1, minutesEnd] : [minutesEnd]
        where sixty(afterMinutes) {
            let secondsEnd = afterMinutes + 2
            if secondsEnd + 1 < s.count && s[secondsEnd] == "." && digit(secondsEnd + 1) {
                var n = 0
                while n < 6 && digit(secondsEnd + 1 + n) { n += 1 }
                for k in (1...n).reversed() { out.append(secondsEnd + 1 + k) }
            }
            out.append(secondsEnd)
        }
        out.append(minutesEnd)
    }
    return out
}

/// CPython sorts the names longest first; matching ignores case.
private func nameCandidates(_ names: [String], _ s: [Unicode.Scalar], _ p: Int) -> [Int] {
    let sorted = names.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(\.element)
    return sorted.compactMap { name in
        let n = Array(name.unicodeScalars)
        guard p + n.count <= s.count else { return nil }
        for (k, c) in n.enumerated() where lowerScalar(s[p + k]) != c { return nil }
        return p + n.count
    }
}

/// The names %Z accepts without a tz database: utc, gmt and the local zone's names. CPython on glibc
/// takes time.tzname from localtime() at a January and a July instant of the current year (not the C
/// `tzname` global), southern-hemisphere zones reversed.
private func timezoneNames() -> [String] {
    let yearSeconds = (365 * 24 + 6) * 3600
    var jan = time_t(Int(time(nil)) / yearSeconds * yearSeconds)
    var jul = jan + time_t(yearSeconds / 2)
    var janTm = tm(), julTm = tm()
    guard localtime_r(&jan, &janTm) != nil, localtime_r(&jul, &julTm) != nil else { return ["utc", "gmt"] }
    func zoneName(_ t: tm) -> String { t.tm_zone.map { String(cString: $0) }?.lowercased() ?? "" }
    let janName = zoneName(janTm), julName = zoneName(julTm)
    let daylight = janTm.tm_gmtoff != julTm.tm_gmtoff
    let standard = -janTm.tm_gmtoff < -julTm.tm_gmtoff ? julName : janName
    let saving = -janTm.tm_gmtoff < -julTm.tm_gmtoff ? janName : julName
    var names: [String] = []
    for name in ["utc", "gmt", standard] + (daylight ? [saving] : []) where !name.isEmpty && !names.contains(name) {
        names.append(name)
    }
    return names
}

/// First overall match in backtracking order: the captured text of each directive and the end of the match.
private func matchFormat(_ tokens: [FormatToken], _ s: [Unicode.Scalar]) -> ([Unicode.Scalar: String], Int)? {
    var captures: [Unicode.Scalar: String] = [:]
    func go(_ t: Int, _ p: Int) -> Int? {
        guard t < tokens.count else { return p }
        switch tokens[t] {
        case .literal(let c):
            guard p < s.count, lowerScalar(s[p]) == lowerScalar(c) else { return nil }
            return go(t + 1, p + 1)
        case .whitespace:
            var e = p
            while e < s.count && isPySpace(s[e]) { e += 1 }
            while e > p { if let r = go(t + 1, e) { return r }; e -= 1 }
            return nil
        case .directive(let d):
            for e in candidates(d, s, p) {
                captures[d] = String(String.UnicodeScalarView(s[p..<e]))
                if let r = go(t + 1, e) { return r }
            }
            captures[d] = nil
            return nil
        }
    }
    guard let end = go(0, 0) else { return nil }
    return (captures, end)
}

extension Interpreter {
    /// `datetime.datetime.strptime(date_string, format)`.
    func strptime(_ args: [Value]) throws -> PyDateTime {
        guard args.count == 2 else { throw PyException.typeError("strptime() takes exactly 2 arguments (\(args.count) given)") }
        guard case .str(let data) = args[0] else {
            throw PyException.typeError("strptime() argument 1 must be str, not \(argTypeText(args[0]))")
        }
        guard case .str(let format) = args[1] else {
            throw PyException.typeError("strptime() argument 2 must be str, not \(argTypeText(args[1]))")
        }
        let tokens = try tokenize(format)
        let scalars = Array(data.unicodeScalars)
        guard let (found, end) = matchFormat(tokens, scalars) else {
            throw PyException.valueError("time data \(strRepr(data)) does not match format \(strRepr(format))")
        }
        if end != scalars.count {
            throw PyException.valueError("unconverted data remains: " + String(String.UnicodeScalarView(scalars[end...])))
        }
        return try strptimeFields(found)
    }

    /// CPython's field resolution: 12-hour clock with %p, %y pivot at 69, %j overriding month/day.
    private func strptimeFields(_ found: [Unicode.Scalar: String]) throws -> PyDateTime {
        // int() in CPython: %d may capture " 5".
        func int(_ d: Unicode.Scalar) -> Int? { found[d].flatMap { Int(String($0.drop { $0 == " " })) } }
        var year: Int? = int("Y")
        if let y = int("y") { year = y <= 68 ? y + 2000 : y + 1900 }
        var month = int("m") ?? 1
        if let b = found["B"]?.lowercased(), let i = monthNamesLower.firstIndex(of: b) { month = i + 1 }
        if let b = found["b"]?.lowercased(), let i = monthNamesLower.firstIndex(where: { $0.prefix(3) == b }) { month = i + 1 }
        var day = int("d") ?? 1
        var hour = int("H") ?? 0
        if let h = int("I") {
            let ampm = found["p"]?.lowercased() ?? ""
            hour = h
            if ampm == "" || ampm == "am" { if h == 12 { hour = 0 } } else if h != 12 { hour += 12 }
        }
        let minute = int("M") ?? 0, second = int("S") ?? 0
        var fraction = 0
        if let f = found["f"] { fraction = Int(f + String(repeating: "0", count: 6 - f.count)) ?? 0 }
        var tz: PyTimezone?
        if let z = found["z"] { tz = try parsedOffset(z, name: found["Z"]) }
        let leapYearFix = year == nil && month == 2 && day == 29
        var y = year ?? (leapYearFix ? 1904 : 1900)
        if let julian = int("j") {
            let (jy, jm, jd) = civilFromDays(daysFromCivil(y, 1, 1) + julian - 1)
            y = jy; month = jm; day = jd
        } else {
            _ = try PyDate(year: y, month: month, day: day)  // CPython computes the day of the year here
        }
        if leapYearFix { y = 1900 }
        return try PyDateTime(year: y, month: month, day: day, hour: hour, minute: minute, second: second,
                              microsecond: fraction, tz: tz)
    }

    private func parsedOffset(_ text: String, name: String?) throws -> PyTimezone {
        if text == "Z" { return try PyTimezone.fixed(offsetMicros: 0, name: name) }
        var z = Array(text.unicodeScalars)
        if z.count > 3 && z[3] == ":" {
            z.remove(at: 3)
            if z.count > 5 {
                guard z[5] == ":" else { throw PyException.valueError("Inconsistent use of : in \(text)") }
                z.remove(at: 5)
            }
        }
        func num(_ a: Int, _ b: Int) -> Int {
            guard a < z.count else { return 0 }
            return Int(String(String.UnicodeScalarView(z[a..<min(b, z.count)]))) ?? 0
        }
        var micros = ((num(1, 3) * 60 + num(3, 5)) * 60 + num(5, 7)) * 1_000_000
        if z.count > 8 {
            let frac = String(String.UnicodeScalarView(z[8...]))
            micros += Int(frac + String(repeating: "0", count: max(0, 6 - frac.count))) ?? 0
        }
        return try PyTimezone.fixed(offsetMicros: z.first == "-" ? -micros : micros, name: name)
    }
}

/// CPython's argument-type errors name None as "None", other values by their type name.
private func argTypeText(_ v: Value) -> String {
    if case .none = v { return "None" }
    return v.typeName
}
