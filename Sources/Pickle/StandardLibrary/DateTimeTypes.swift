// datetime classes from their pickled state: the packed bytes of date/datetime/time, or
// timedelta/timezone constructor arguments.

func interpretDateTime(_ name: String, _ o: PickleObject) -> PickleValue? {
    let args = o.args
    switch name {
    case "date":
        guard args.count == 1, let b = packedBytes(args[0], count: 4) else { return nil }
        return validDate(b, monthByte: b[2]).map { .date($0) }
    case "datetime":
        guard (1...2).contains(args.count), let b = packedBytes(args[0], count: 10),
              let date = validDate(b, monthByte: b[2] & 0x7F) else { return nil }
        let hour = Int(b[4]), minute = Int(b[5]), second = Int(b[6])
        let micro = Int(b[7]) << 16 | Int(b[8]) << 8 | Int(b[9])
        guard hour < 24, minute < 60, second < 60, micro < 1_000_000 else { return nil }
        let tz = args.count == 2 ? tzinfo(args[1]) : nil
        let time = PickleTime(hour: hour, minute: minute, second: second, microsecond: micro,
                              fold: b[2] & 0x80 != 0 ? 1 : 0, tzinfo: tz)
        return .dateTime(PickleDateTime(date: date, time: time))
    case "time":
        guard (1...2).contains(args.count), let b = packedBytes(args[0], count: 6) else { return nil }
        let hour = Int(b[0] & 0x7F), minute = Int(b[1]), second = Int(b[2])
        let micro = Int(b[3]) << 16 | Int(b[4]) << 8 | Int(b[5])
        guard hour < 24, minute < 60, second < 60, micro < 1_000_000 else { return nil }
        let tz = args.count == 2 ? tzinfo(args[1]) : nil
        return .time(PickleTime(hour: hour, minute: minute, second: second, microsecond: micro,
                                fold: b[0] & 0x80 != 0 ? 1 : 0, tzinfo: tz))
    case "timedelta":
        guard args.count <= 3 else { return nil }
        var parts: [Int] = []
        for arg in args {
            guard case .int(let i) = arg else { return nil }
            parts.append(i)
        }
        while parts.count < 3 { parts.append(0) }
        return normalizedTimeDelta(days: parts[0], seconds: parts[1], microseconds: parts[2]).map { .timeDelta($0) }
    case "timezone":
        guard (1...2).contains(args.count), case .timeDelta(let offset) = args[0] else { return nil }
        var name: String?
        if args.count == 2 {
            guard case .string(let s) = args[1] else { return nil }
            name = s
        }
        return .timeZone(PickleTimeZone(offset: offset, name: name))
    default:
        return nil
    }
}

/// The packed state: bytes, or (protocol 0-2 / Python 2) a str whose code points are the bytes.
private func packedBytes(_ value: PickleValue, count: Int) -> [UInt8]? {
    var bytes: [UInt8]
    switch value {
    case .bytes(let b): bytes = b.array
    case .string(let s):
        bytes = []
        for scalar in s.unicodeScalars {
            guard scalar.value < 256 else { return nil }
            bytes.append(UInt8(scalar.value))
        }
    default: return nil
    }
    return bytes.count == count ? bytes : nil
}

private func validDate(_ b: [UInt8], monthByte: UInt8) -> PickleDate? {
    let year = Int(b[0]) << 8 | Int(b[1]), month = Int(monthByte), day = Int(b[3])
    guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
    return PickleDate(year: year, month: month, day: day)
}

private func tzinfo(_ value: PickleValue) -> PickleValue? {
    if case .none = value { return nil }
    return value
}

private func normalizedTimeDelta(days: Int, seconds: Int, microseconds: Int) -> PickleTimeDelta? {
    let (s1, us) = floorDivMod(microseconds, 1_000_000)
    let (totalSeconds, o1) = seconds.addingReportingOverflow(s1)
    guard !o1 else { return nil }
    let (d1, s) = floorDivMod(totalSeconds, 86_400)
    let (d, o2) = days.addingReportingOverflow(d1)
    guard !o2, d >= -999_999_999, d <= 999_999_999 else { return nil }
    return PickleTimeDelta(days: d, seconds: s, microseconds: us)
}

package func floorDivMod(_ a: Int, _ b: Int) -> (Int, Int) {
    var q = a / b, r = a % b
    if r != 0, (r < 0) != (b < 0) { q -= 1; r += b }
    return (q, r)
}
