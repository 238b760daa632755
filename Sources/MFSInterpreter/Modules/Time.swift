// The time module: clocks, sleep (Sleep.swift), and the C library's calendar functions as CPython
// wraps them: gmtime, localtime, mktime, strftime, asctime, ctime, struct_time.
import Glibc

/// `time.struct_time`: a 9-tuple with named fields (and tm_zone / tm_gmtoff by name only).
final class StructTime: HostObject {
    static let fields = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"]
    unowned let interp: Interpreter
    let values: [Value]
    let zone: Value, offset: Value

    init(_ interp: Interpreter, _ values: [Value], zone: Value = .none, offset: Value = .none) {
        self.interp = interp; self.values = values; self.zone = zone; self.offset = offset
    }

    convenience init(_ interp: Interpreter, _ t: tm) {
        let zone = t.tm_zone.map { Value.str(String(cString: $0)) } ?? .none
        self.init(interp, [t.tm_year + 1900, t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, (t.tm_wday + 6) % 7,
                           t.tm_yday + 1, t.tm_isdst].map { .int(Int($0)) }, zone: zone, offset: .int(t.tm_gmtoff))
    }

    var typeName: String { "struct_time" }
    var attributeNames: [String] { Self.fields + ["tm_gmtoff", "tm_zone"] }
    func getAttribute(_ name: String) throws -> Value? {
        if let i = Self.fields.firstIndex(of: name) { return values[i] }
        let comparisons: [String: CmpOp] = ["__eq__": .eq, "__ne__": .ne, "__lt__": .lt, "__le__": .le, "__gt__": .gt, "__ge__": .ge]
        switch name {
        case "tm_zone": return zone
        case "tm_gmtoff": return offset
        case "n_fields", "n_sequence_fields": return .int(name == "n_fields" ? 11 : 9)
        default:
            guard let op = comparisons[name] else { return nil }
            return .newBuiltin(name) { [self] args, _ in
                var other = args.first ?? .none
                if case .host(let h as StructTime) = other { other = .tuple(h.values) }
                guard case .tuple = other else { return interp.builtins["NotImplemented"] ?? .none }
                return try interp.compareOp(op, .tuple(values), other)
            }
        }
    }
    func getItem(_ key: Value) throws -> Value { try interp.getItem(.tuple(values), key) }
    func makeIterator() throws -> PyIterator { ArrayIterator(values, typeName: "tuple_iterator") }
    func length() throws -> Int { values.count }
    func equals(_ other: any HostObject) -> Bool { (other as? StructTime).map { zip($0.values, values).allSatisfy { pyEquals($0, $1) } } ?? false }
    var hashValue: Int { (try? pyHash(.tuple(values))) ?? 0 }
    func repr() -> String {
        "time.struct_time(" + zip(Self.fields, values).map { "\($0)=\(reprForMessage($1))" }.joined(separator: ", ") + ")"
    }
}

extension Interpreter {
    func makeTimeModule() -> Value {
        func clock(_ id: clockid_t) -> timespec {
            var ts = timespec()
            clock_gettime(id, &ts)
            return ts
        }
        func seconds(_ id: clockid_t) -> Value { let ts = clock(id); return .float(Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9) }
        func nanoseconds(_ id: clockid_t) -> Value { let ts = clock(id); return .int(Int(ts.tv_sec) * 1_000_000_000 + Int(ts.tv_nsec)) }
        func clocks(_ name: String, _ id: clockid_t) -> [(String, Value)] {
            [fn(name) { args, _ in try checkArgs("time." + name, args, 0, 0); return seconds(id) },
             fn(name + "_ns") { args, _ in try checkArgs("time." + name + "_ns", args, 0, 0); return nanoseconds(id) }]
        }
        func broken(_ name: String, local: Bool) -> (String, Value) {
            fn(name) { [unowned self] args, _ in
                try checkArgs(name, args, 0, 1)
                var t = time_t(clock(CLOCK_REALTIME).tv_sec)
                if let a = args.first, !a.isNone { t = time_t(try self.epochSeconds(a)) }
                var result = tm()
                let ok = local ? localtime_r(&t, &result) != nil : gmtime_r(&t, &result) != nil
                if !ok { throw PyException.overflow("timestamp out of range for platform time_t") }
                return .host(StructTime(self, result))
            }
        }
        let structTime = registerHostClass(name: "struct_time", module: "time") { [unowned self] args, _ in
            guard let sequence = args.first else { throw PyException.typeError("time.struct_time() missing required argument 'sequence' (pos 1)") }
            let items = try self.toArray(sequence)
            if items.count < 9 { throw PyException.typeError("time.struct_time() takes an at least 9-sequence (\(items.count)-sequence given)") }
            if items.count > 11 { throw PyException.typeError("time.struct_time() takes an at most 11-sequence (\(items.count)-sequence given)") }
            return .host(StructTime(self, Array(items.prefix(9)), zone: items.count > 9 ? items[9] : .none, offset: items.count > 10 ? items[10] : .none))
        }
        return module("time", clocks("time", CLOCK_REALTIME) + clocks("perf_counter", CLOCK_MONOTONIC) + clocks("monotonic", CLOCK_MONOTONIC)
                      + clocks("process_time", CLOCK_PROCESS_CPUTIME_ID) + clocks("thread_time", CLOCK_THREAD_CPUTIME_ID) + [
            fn("sleep") { [unowned self] args, _ in try self.sleep(args) },
            ("struct_time", structTime),
            broken("gmtime", local: false),
            broken("localtime", local: true),
            fn("mktime") { [unowned self] args, _ in
                try checkArgs("mktime", args, 1, 1)
                var t = try self.brokenDownTime(args[0], "mktime")
                t.tm_wday = -1
                let r = Glibc.mktime(&t)
                if r == -1 && t.tm_wday == -1 { throw PyException.overflow("mktime argument out of range") }
                return .float(Double(r))
            },
            fn("strftime") { [unowned self] args, _ in
                try checkArgs("strftime", args, 1, 2)
                let format = try expectStr(args[0], "strftime() argument 1")
                var t: tm
                if args.count > 1 {
                    t = try self.brokenDownTime(args[1], "strftime")
                } else {
                    var now = time_t(clock(CLOCK_REALTIME).tv_sec)
                    t = tm()
                    localtime_r(&now, &t)
                }
                return .str(try cStrftime(format, &t))
            },
            fn("asctime") { [unowned self] args, _ in
                try checkArgs("asctime", args, 0, 1)
                var t = tm()
                if let a = args.first { t = try self.brokenDownTime(a, "asctime") } else {
                    var now = time_t(clock(CLOCK_REALTIME).tv_sec)
                    localtime_r(&now, &t)
                }
                return .str(asctimeText(t))
            },
            fn("ctime") { [unowned self] args, _ in
                try checkArgs("ctime", args, 0, 1)
                var now = time_t(clock(CLOCK_REALTIME).tv_sec)
                if let a = args.first, !a.isNone { now = time_t(try self.epochSeconds(a)) }
                var t = tm()
                localtime_r(&now, &t)
                return .str(asctimeText(t))
            },
        ] + localZone())
    }

    /// timezone, altzone, daylight and tzname as CPython's init_timezone finds them: from the local
    /// time of January and of July of this year (no C globals, which are not concurrency-safe).
    private func localZone() -> [(String, Value)] {
        let year = (365 * 24 + 6) * 3600
        func zone(_ at: Int) -> (offset: Int, name: String) {
            var t = time_t(at), result = tm()
            localtime_r(&t, &result)
            return (-result.tm_gmtoff, result.tm_zone.map { String(cString: $0) } ?? "UTC")
        }
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let start = Int(now.tv_sec) / year * year
        let january = zone(start), july = zone(start + year / 2)
        let (standard, summer) = january.offset < july.offset ? (july, january) : (january, july)
        return [("timezone", .int(standard.offset)), ("altzone", .int(summer.offset)),
                ("daylight", .int(january.offset != july.offset ? 1 : 0)), ("tzname", .tuple([.str(standard.name), .str(summer.name)]))]
    }

    /// A timestamp argument as whole seconds, rounded toward minus infinity as CPython's gmtime does.
    private func epochSeconds(_ v: Value) throws -> Int {
        switch v {
        case .float(let d):
            if d.isNaN { throw PyException.valueError("Invalid value NaN (not a number)") }
            guard let i = Int(exactly: d.rounded(.down)) else { throw PyException.overflow("timestamp out of range for platform time_t") }
            return i
        case .bigint: throw PyException.overflow("timestamp out of range for platform time_t")
        default: return try expectInt(v)
        }
    }

    /// A struct_time or 9-tuple as the C `tm`, with the range checks CPython's gettmarg/checktm make.
    private func brokenDownTime(_ v: Value, _ function: String) throws -> tm {
        let items: [Value]
        switch v {
        case .tuple(let t): items = t
        case .host(let h as StructTime): items = h.values
        default: throw PyException.typeError("Tuple or struct_time argument required")
        }
        guard items.count == 9 else { throw PyException.typeError("\(function)(): illegal time tuple argument") }
        let n = try items.map { try expectInt($0) }
        var t = tm()
        t.tm_year = Int32(truncatingIfNeeded: n[0] - 1900); t.tm_mon = Int32(truncatingIfNeeded: n[1] - 1)
        t.tm_mday = Int32(truncatingIfNeeded: n[2]); t.tm_hour = Int32(truncatingIfNeeded: n[3])
        t.tm_min = Int32(truncatingIfNeeded: n[4]); t.tm_sec = Int32(truncatingIfNeeded: n[5])
        t.tm_wday = Int32(truncatingIfNeeded: (n[6] + 1) % 7); t.tm_yday = Int32(truncatingIfNeeded: n[7] - 1)
        t.tm_isdst = Int32(truncatingIfNeeded: n[8])
        if function == "mktime" { return t }
        // strftime and asctime accept 0 for month, day and day of year, as CPython does.
        if function == "strftime" {
            if t.tm_mon == -1 { t.tm_mon = 0 }
            if t.tm_mday == 0 { t.tm_mday = 1 }
            if t.tm_yday == -1 { t.tm_yday = 0 }
            if t.tm_isdst < -1 { t.tm_isdst = -1 } else if t.tm_isdst > 1 { t.tm_isdst = 1 }
        }
        let checks: [(Bool, String)] = [
            (t.tm_mon < 0 || t.tm_mon > 11, "month out of range"), (t.tm_mday < 1 || t.tm_mday > 31, "day of month out of range"),
            (t.tm_hour < 0 || t.tm_hour > 23, "hour out of range"), (t.tm_min < 0 || t.tm_min > 59, "minute out of range"),
            (t.tm_sec < 0 || t.tm_sec > 61, "seconds out of range"), (n[6] < 0, "day of week out of range"),
            (t.tm_yday < 0 || t.tm_yday > 365, "day of year out of range"),
        ]
        for (failed, message) in checks where failed { throw PyException.valueError(message) }
        return t
    }
}

private func cStrftime(_ format: String, _ t: inout tm) throws -> String {
    if format.isEmpty { return "" }
    var size = 256
    while size <= 1 << 20 {
        var buffer = [CChar](repeating: 0, count: size)
        let n = strftime(&buffer, size, format, &t)
        if n > 0 { return String(decoding: buffer.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        size *= 4
    }
    return ""
}

/// CPython's own asctime layout (not the C library's, which adds a newline).
private func asctimeText(_ t: tm) -> String {
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
    let day = t.tm_mday < 10 ? " \(t.tm_mday)" : "\(t.tm_mday)"
    return "\(days[Int(t.tm_wday) % 7]) \(months[Int(t.tm_mon) % 12]) \(day) \(two(t.tm_hour)):\(two(t.tm_min)):\(two(t.tm_sec)) \(Int(t.tm_year) + 1900)"
}
