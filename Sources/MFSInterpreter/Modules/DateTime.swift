// datetime.datetime / date / timedelta values with CPython's str, repr and arithmetic.
import Glibc

/// Days since 1970-01-01 of a proleptic Gregorian date (also for pandas' Timestamps in NumPyPandas).
package func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
}

func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
    let z = z0 + 719468
    let era = (z >= 0 ? z : z - 146096) / 146097
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
}

func daysInMonth(_ y: Int, _ m: Int) -> Int {
    switch m {
    case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
}

private func pad2(_ n: Int) -> String { String(n).leftPad(2) }

private let microsPerDay = 86_400_000_000

/// `datetime.datetime`: naive, or aware with a fixed-offset `tz`.
public final class PyDateTime {
    public let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, microsecond: Int
    public let tz: PyTimezone?

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, microsecond: Int = 0,
                tz: PyTimezone? = nil) throws {
        guard year >= 1 && year <= 9999 else { throw PyException.valueError("year \(year) is out of range") }
        guard month >= 1 && month <= 12 else { throw PyException.valueError("month must be in 1..12") }
        guard day >= 1 && day <= daysInMonth(year, month) else { throw PyException.valueError("day is out of range for month") }
        guard hour >= 0 && hour < 24 else { throw PyException.valueError("hour must be in 0..23") }
        guard minute >= 0 && minute < 60 else { throw PyException.valueError("minute must be in 0..59") }
        guard second >= 0 && second < 60 else { throw PyException.valueError("second must be in 0..59") }
        guard microsecond >= 0 && microsecond < 1_000_000 else { throw PyException.valueError("microsecond must be in 0..999999") }
        self.year = year; self.month = month; self.day = day
        self.hour = hour; self.minute = minute; self.second = second; self.microsecond = microsecond
        self.tz = tz
    }

    /// Microseconds since 1970-01-01 00:00 on the naive timeline (for arithmetic and ordering).
    package var epochMicros: Int {
        let days = daysFromCivil(year, month, day)
        return days * microsPerDay + ((hour * 60 + minute) * 60 + second) * 1_000_000 + microsecond
    }

    /// The instant on the UTC timeline, for comparing and subtracting aware datetimes.
    var utcMicros: Int { epochMicros - (tz?.offsetMicros ?? 0) }

    static func fromEpochMicros(_ us: Int, tz: PyTimezone? = nil) throws -> PyDateTime {
        let days = us >= 0 ? us / microsPerDay : -((-us + microsPerDay - 1) / microsPerDay)
        let rem = us - days * microsPerDay
        let (y, m, d) = civilFromDays(days)
        let secs = rem / 1_000_000
        return try PyDateTime(year: y, month: m, day: d, hour: secs / 3600, minute: secs / 60 % 60, second: secs % 60, microsecond: rem % 1_000_000, tz: tz)
    }

    /// `datetime.fromtimestamp(ms / 1000)`: local time from epoch milliseconds (TZ via localtime_r).
    public static func fromEpochMilliseconds(_ ms: Int64) throws -> PyDateTime {
        let secs = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000)
        let frac = Int(ms - secs * 1000)
        return try fromEpochSeconds(Int(secs), microsecond: frac * 1000)
    }

    static func fromEpochSeconds(_ secs: Int, microsecond: Int) throws -> PyDateTime {
        var t = time_t(secs)
        var tmv = tm()
        guard localtime_r(&t, &tmv) != nil else { throw PyException.overflow("timestamp out of range for platform time_t") }
        return try PyDateTime(year: Int(tmv.tm_year) + 1900, month: Int(tmv.tm_mon) + 1, day: Int(tmv.tm_mday),
                              hour: Int(tmv.tm_hour), minute: Int(tmv.tm_min), second: min(Int(tmv.tm_sec), 59), microsecond: microsecond)
    }

    /// Seconds since the epoch, interpreting this naive datetime as local time (`dt.timestamp()`).
    var timestamp: Double {
        if tz != nil { return Double(utcMicros) / 1e6 }
        var tmv = tm()
        tmv.tm_year = Int32(year - 1900); tmv.tm_mon = Int32(month - 1); tmv.tm_mday = Int32(day)
        tmv.tm_hour = Int32(hour); tmv.tm_min = Int32(minute); tmv.tm_sec = Int32(second); tmv.tm_isdst = -1
        let t = mktime(&tmv)
        return Double(t) + Double(microsecond) / 1e6
    }

    var timePart: String {
        var s = "\(pad2(hour)):\(pad2(minute)):\(pad2(second))"
        if microsecond != 0 { s += "." + String(microsecond).leftPad(6) }
        return s
    }
    var datePart: String { "\(String(year).leftPad(4))-\(pad2(month))-\(pad2(day))" }
    var offsetPart: String { tz.map { formatUTCOffset($0.offsetMicros, separator: ":") } ?? "" }
    public var str: String { datePart + " " + timePart + offsetPart }
    public func isoformat(sep: String = "T") -> String { datePart + sep + timePart + offsetPart }
    public var repr: String {
        var parts = [year, month, day, hour, minute].map(String.init)
        if second != 0 || microsecond != 0 { parts.append(String(second)) }
        if microsecond != 0 { parts.append(String(microsecond)) }
        if let tz { parts.append("tzinfo=" + tz.repr()) }
        return "datetime.datetime(\(parts.joined(separator: ", ")))"
    }
    var weekday: Int { ((daysFromCivil(year, month, day) % 7) + 7 + 3) % 7 }

    func strftime(_ fmt: String) -> String {
        formatTime(fmt, year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                   microsecond: microsecond, weekday: weekday, yday: daysFromCivil(year, month, day) - daysFromCivil(year, 1, 1) + 1,
                   utcOffset: tz?.offsetMicros, tzname: tz?.tzname)
    }
}

/// `datetime.date`.
public final class PyDate {
    public let year: Int, month: Int, day: Int
    public init(year: Int, month: Int, day: Int) throws {
        guard year >= 1 && year <= 9999 else { throw PyException.valueError("year \(year) is out of range") }
        guard month >= 1 && month <= 12 else { throw PyException.valueError("month must be in 1..12") }
        guard day >= 1 && day <= daysInMonth(year, month) else { throw PyException.valueError("day is out of range for month") }
        self.year = year; self.month = month; self.day = day
    }
    var ordinal: Int { daysFromCivil(year, month, day) }
    static func fromDays(_ d: Int) throws -> PyDate { let (y, m, dd) = civilFromDays(d); return try PyDate(year: y, month: m, day: dd) }
    public var isoformat: String { "\(String(year).leftPad(4))-\(pad2(month))-\(pad2(day))" }
    public var repr: String { "datetime.date(\(year), \(month), \(day))" }
    var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 }
    func strftime(_ fmt: String) -> String {
        formatTime(fmt, year: year, month: month, day: day, hour: 0, minute: 0, second: 0, microsecond: 0,
                   weekday: weekday, yday: ordinal - daysFromCivil(year, 1, 1) + 1)
    }
}

/// `datetime.timedelta`, stored as total microseconds.
public final class PyTimedelta {
    public let totalMicros: Int
    public init(micros: Int) { totalMicros = micros }
    public var days: Int { totalMicros >= 0 ? totalMicros / microsPerDay : -((-totalMicros + microsPerDay - 1) / microsPerDay) }
    public var seconds: Int { (totalMicros - days * microsPerDay) / 1_000_000 }
    public var microseconds: Int { (totalMicros - days * microsPerDay) % 1_000_000 }
    public var str: String {
        var s = ""
        if days != 0 { s = "\(days) day\(abs(days) == 1 ? "" : "s"), " }
        s += "\(seconds / 3600):\(pad2(seconds / 60 % 60)):\(pad2(seconds % 60))"
        if microseconds != 0 { s += "." + String(microseconds).leftPad(6) }
        return s
    }
    public var repr: String {
        var parts: [String] = []
        if days != 0 { parts.append("days=\(days)") }
        if seconds != 0 { parts.append("seconds=\(seconds)") }
        if microseconds != 0 { parts.append("microseconds=\(microseconds)") }
        return "datetime.timedelta(\(parts.isEmpty ? "0" : parts.joined(separator: ", ")))"
    }
}

private let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
private let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

func formatTime(_ fmt: String, year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int,
                microsecond: Int, weekday: Int, yday: Int, utcOffset: Int? = nil, tzname: String? = nil) -> String {
    var out = ""
    var it = fmt.makeIterator()
    while let c = it.next() {
        guard c == "%" else { out.append(c); continue }
        guard let f = it.next() else { out.append("%"); break }
        switch f {
        case "Y": out += String(year).leftPad(4)
        case "y": out += pad2(year % 100)
        case "m": out += pad2(month)
        case "d": out += pad2(day)
        case "H": out += pad2(hour)
        case "I": out += pad2(hour % 12 == 0 ? 12 : hour % 12)
        case "M": out += pad2(minute)
        case "S": out += pad2(second)
        case "f": out += String(microsecond).leftPad(6)
        case "p": out += hour < 12 ? "AM" : "PM"
        case "A": out += dayNames[weekday]
        case "a": out += String(dayNames[weekday].prefix(3))
        case "B": out += monthNames[month - 1]
        case "b", "h": out += String(monthNames[month - 1].prefix(3))
        case "j": out += String(yday).leftPad(3)
        case "w": out += String((weekday + 1) % 7)
        case "U": out += pad2((yday - 1 + 7 - (weekday + 1) % 7) / 7)
        case "W": out += pad2((yday - 1 + 7 - weekday) / 7)
        case "u": out += String(weekday + 1)
        case "e": out += String(day).leftPad(2, " ")
        case "D": out += "\(pad2(month))/\(pad2(day))/\(pad2(year % 100))"
        case "F": out += "\(String(year).leftPad(4))-\(pad2(month))-\(pad2(day))"
        case "T": out += "\(pad2(hour)):\(pad2(minute)):\(pad2(second))"
        case "R": out += "\(pad2(hour)):\(pad2(minute))"
        case "c": out += "\(String(dayNames[weekday].prefix(3))) \(String(monthNames[month - 1].prefix(3))) \(String(day).leftPad(2, " ")) \(pad2(hour)):\(pad2(minute)):\(pad2(second)) \(year)"
        case "x": out += "\(pad2(month))/\(pad2(day))/\(pad2(year % 100))"
        case "X": out += "\(pad2(hour)):\(pad2(minute)):\(pad2(second))"
        case "z": out += utcOffset.map { formatUTCOffset($0, separator: "") } ?? ""
        case "Z": out += tzname ?? ""
        case "%": out += "%"
        default: out.append("%"); out.append(f)
        }
    }
    return out
}

func timedeltaFrom(_ args: [Value], _ kw: [(String, Value)]) throws -> PyTimedelta {
    let names = ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"]
    let factors: [Double] = [86_400e6, 1e6, 1, 1e3, 60e6, 3600e6, 604_800e6]
    let intFactors = [86_400_000_000, 1_000_000, 1, 1000, 60_000_000, 3_600_000_000, 604_800_000_000]
    var totalInt = 0
    var totalFrac = 0.0
    func add(_ i: Int, _ v: Value) throws {
        switch v {
        case .int(let n):
            let (p, o) = n.multipliedReportingOverflow(by: intFactors[i])
            if o { throw PyException.overflow("days=\(n); must have magnitude <= 999999999") }
            totalInt += p
        case .bool(let b): totalInt += b ? intFactors[i] : 0
        case .float(let d): totalFrac += d * factors[i]
        default: throw PyException.typeError("unsupported type for timedelta \(names[i]) component: \(v.typeName)")
        }
    }
    if args.count > names.count { throw PyException.typeError("timedelta expected at most 7 arguments") }
    for (i, a) in args.enumerated() { try add(i, a) }
    for (k, v) in kw {
        guard let i = names.firstIndex(of: k) else { throw PyException.typeError("'\(k)' is an invalid keyword argument for __new__()") }
        try add(i, v)
    }
    let frac = totalFrac.rounded(.toNearestOrEven)
    guard abs(frac) < 9.2e18 else { throw PyException.overflow("timedelta too large") }
    return PyTimedelta(micros: totalInt + Int(frac))
}

extension Interpreter {
    func dateArithmetic(_ op: BinOp, _ a: Value, _ b: Value) throws -> Value? {
        switch (op, a, b) {
        case (.add, .datetime(let d), .timedelta(let t)), (.add, .timedelta(let t), .datetime(let d)):
            return .datetime(try PyDateTime.fromEpochMicros(d.epochMicros + t.totalMicros, tz: d.tz))
        case (.sub, .datetime(let d), .timedelta(let t)):
            return .datetime(try PyDateTime.fromEpochMicros(d.epochMicros - t.totalMicros, tz: d.tz))
        case (.sub, .datetime(let x), .datetime(let y)):
            if (x.tz == nil) != (y.tz == nil) { throw PyException.typeError("can't subtract offset-naive and offset-aware datetimes") }
            return .timedelta(PyTimedelta(micros: x.utcMicros - y.utcMicros))
        case (.add, .date(let d), .timedelta(let t)), (.add, .timedelta(let t), .date(let d)):
            return .date(try PyDate.fromDays(d.ordinal + PyTimedelta(micros: t.totalMicros).days))
        case (.sub, .date(let d), .timedelta(let t)):
            return .date(try PyDate.fromDays(d.ordinal - PyTimedelta(micros: t.totalMicros).days))
        case (.sub, .date(let x), .date(let y)):
            return .timedelta(PyTimedelta(micros: (x.ordinal - y.ordinal) * microsPerDay))
        case (.add, .timedelta(let x), .timedelta(let y)): return .timedelta(PyTimedelta(micros: x.totalMicros + y.totalMicros))
        case (.sub, .timedelta(let x), .timedelta(let y)): return .timedelta(PyTimedelta(micros: x.totalMicros - y.totalMicros))
        case (.mul, .timedelta(let t), .int(let n)), (.mul, .int(let n), .timedelta(let t)):
            return .timedelta(PyTimedelta(micros: t.totalMicros * n))
        case (.mul, .timedelta(let t), .float(let f)), (.mul, .float(let f), .timedelta(let t)):
            return .timedelta(PyTimedelta(micros: Int((Double(t.totalMicros) * f).rounded(.toNearestOrEven))))
        case (.truediv, .timedelta(let x), .timedelta(let y)):
            if y.totalMicros == 0 { throw PyException.zeroDivision("division by zero") }
            return .float(Double(x.totalMicros) / Double(y.totalMicros))
        case (.floordiv, .timedelta(let x), .timedelta(let y)):
            if y.totalMicros == 0 { throw PyException.zeroDivision("integer division or modulo by zero") }
            return try numericOp(.floordiv, .i(x.totalMicros), .i(y.totalMicros))
        case (.truediv, .timedelta(let t), .int(let n)):
            if n == 0 { throw PyException.zeroDivision("division by zero") }
            return .timedelta(PyTimedelta(micros: Int((Double(t.totalMicros) / Double(n)).rounded(.toNearestOrEven))))
        case (.truediv, .timedelta(let t), .float(let f)):
            if f == 0 { throw PyException.zeroDivision("division by zero") }
            return .timedelta(PyTimedelta(micros: Int((Double(t.totalMicros) / f).rounded(.toNearestOrEven))))
        case (.floordiv, .timedelta(let t), .int(let n)):
            if n == 0 { throw PyException.zeroDivision("integer division or modulo by zero") }
            if case .int(let q)? = try numericOp(.floordiv, .i(t.totalMicros), .i(n)) { return .timedelta(PyTimedelta(micros: q)) }
        default: break
        }
        return nil
    }

    func dateAttribute(_ v: Value, _ name: String) throws -> Value? {
        switch v {
        case .datetime(let d):
            switch name {
            case "year": return .int(d.year)
            case "month": return .int(d.month)
            case "day": return .int(d.day)
            case "hour": return .int(d.hour)
            case "minute": return .int(d.minute)
            case "second": return .int(d.second)
            case "microsecond": return .int(d.microsecond)
            case "tzinfo": return d.tz.map { .host($0) } ?? Value.none
            default: return nil
            }
        case .date(let d):
            switch name {
            case "year": return .int(d.year)
            case "month": return .int(d.month)
            case "day": return .int(d.day)
            default: return nil
            }
        case .timedelta(let t):
            switch name {
            case "days": return .int(t.days)
            case "seconds": return .int(t.seconds)
            case "microseconds": return .int(t.microseconds)
            default: return nil
            }
        default: return nil
        }
    }

    func dateMethod(_ v: Value, _ name: String, _ args: [Value], _ kw: [(String, Value)]) throws -> Value {
        switch (v, name) {
        case (.datetime(let d), "isoformat"):
            let sep = try argAt(args, 0, kw, "sep").map { try expectStr($0, "sep") } ?? "T"
            return .str(d.isoformat(sep: sep))
        case (.datetime(let d), "strftime"): return .str(d.strftime(try expectStr(args.first ?? .none, "strftime() argument 1")))
        case (.datetime(let d), "date"): return .date(try PyDate(year: d.year, month: d.month, day: d.day))
        case (.datetime(let d), "timestamp"): return .float(d.timestamp)
        case (.datetime(let d), "utcoffset"): return d.tz.map { .timedelta(PyTimedelta(micros: $0.offsetMicros)) } ?? .none
        case (.datetime(let d), "tzname"): return d.tz.map { .str($0.tzname) } ?? .none
        case (.datetime, "dst"): return .none
        case (.datetime(let d), "weekday"): return .int(d.weekday)
        case (.datetime(let d), "isoweekday"): return .int(d.weekday + 1)
        case (.datetime(let d), "replace"):
            func pick(_ n: String, _ cur: Int) throws -> Int { try kw.first { $0.0 == n }.map { try expectInt($0.1) } ?? cur }
            return .datetime(try PyDateTime(year: try pick("year", d.year), month: try pick("month", d.month), day: try pick("day", d.day),
                                            hour: try pick("hour", d.hour), minute: try pick("minute", d.minute),
                                            second: try pick("second", d.second), microsecond: try pick("microsecond", d.microsecond),
                                            tz: try replacedTimezone(kw, d.tz)))
        case (.date(let d), "isoformat"): return .str(d.isoformat)
        case (.date(let d), "strftime"): return .str(d.strftime(try expectStr(args.first ?? .none, "strftime() argument 1")))
        case (.date(let d), "weekday"): return .int(d.weekday)
        case (.date(let d), "isoweekday"): return .int(d.weekday + 1)
        case (.date(let d), "replace"):
            func pick(_ n: String, _ cur: Int) throws -> Int { try kw.first { $0.0 == n }.map { try expectInt($0.1) } ?? cur }
            return .date(try PyDate(year: try pick("year", d.year), month: try pick("month", d.month), day: try pick("day", d.day)))
        case (.timedelta(let t), "total_seconds"):
            return .float(Double(t.totalMicros) / 1e6)
        default:
            throw noAttribute(v, name)
        }
    }

    /// `replace(tzinfo=...)`: None makes the datetime naive; otherwise a `datetime.timezone`.
    func replacedTimezone(_ kw: [(String, Value)], _ current: PyTimezone?) throws -> PyTimezone? {
        guard let v = kw.first(where: { $0.0 == "tzinfo" })?.1 else { return current }
        return try timezoneArgument(v)
    }

    func parseISODateTime(_ s: String) throws -> PyDateTime {
        let bad = PyException.valueError("Invalid isoformat string: \(strRepr(s))")
        let all = Array(s.utf8)
        // A UTC offset ("Z", "+HH:MM", "-HHMM", "+HH:MM:SS.ffffff") may follow the time.
        let tzStart = all.count > 11 ? all[11...].firstIndex { $0 == 43 || $0 == 45 || $0 == 90 } : nil
        let cs = Array(all[..<(tzStart ?? all.count)])
        func num(_ a: Int, _ n: Int) throws -> Int {
            guard a + n <= cs.count else { throw bad }
            var v = 0
            for i in a..<(a + n) { guard cs[i] >= 48 && cs[i] <= 57 else { throw bad }; v = v * 10 + Int(cs[i] - 48) }
            return v
        }
        guard cs.count >= 10, cs[4] == 45, cs[7] == 45 else { throw bad }
        let y = try num(0, 4), mo = try num(5, 2), d = try num(8, 2)
        var h = 0, mi = 0, sec = 0, us = 0
        if cs.count > 10 {
            guard cs.count >= 16 else { throw bad }
            h = try num(11, 2); mi = try num(14, 2)
            if cs.count >= 19 { sec = try num(17, 2) }
            if cs.count > 20 && cs[19] == 46 {
                var digits = 0, v = 0, i = 20
                while i < cs.count && cs[i] >= 48 && cs[i] <= 57 { if digits < 6 { v = v * 10 + Int(cs[i] - 48); digits += 1 }; i += 1 }
                while digits < 6 { v *= 10; digits += 1 }
                us = v
            }
        }
        var tz: PyTimezone?
        if let tzStart { tz = try parseISOOffset(Array(all[tzStart...]), bad) }
        return try PyDateTime(year: y, month: mo, day: d, hour: h, minute: mi, second: sec, microsecond: us, tz: tz)
    }

    /// "Z" or ±HH[[:]MM[[:]SS[.ffffff]]], as CPython 3.11's fromisoformat accepts.
    private func parseISOOffset(_ z: [UInt8], _ bad: PyException) throws -> PyTimezone {
        if z == [90] { return try PyTimezone.fixed(offsetMicros: 0) }
        guard let sign = z.first, sign == 43 || sign == 45 else { throw bad }
        var i = 1
        func two() throws -> Int {
            guard i + 2 <= z.count, z[i] >= 48 && z[i] <= 57, z[i + 1] >= 48 && z[i + 1] <= 57 else { throw bad }
            defer { i += 2 }
            return Int(z[i] - 48) * 10 + Int(z[i + 1] - 48)
        }
        let colon = z.count > 3 && z[3] == 58
        var parts = [try two()]
        while i < z.count && parts.count < 3 {
            if colon { guard z[i] == 58 else { throw bad }; i += 1 }
            parts.append(try two())
        }
        var micros = 0
        if parts.count == 3 && i < z.count && z[i] == 46 {
            i += 1
            var digits = 0
            while i < z.count && z[i] >= 48 && z[i] <= 57 && digits < 6 { micros = micros * 10 + Int(z[i] - 48); digits += 1; i += 1 }
            guard digits > 0 else { throw bad }
            while digits < 6 { micros *= 10; digits += 1 }
        }
        guard i == z.count else { throw bad }
        parts += [0, 0]
        let total = ((parts[0] * 60 + parts[1]) * 60 + parts[2]) * 1_000_000 + micros
        return try PyTimezone.fixed(offsetMicros: sign == 45 ? -total : total)
    }
}
