// Datetimes the client hands out: `created_at` is Python's datetime.fromtimestamp(ms / 1000)
// (naive local time); log line stamps are naive UTC parsed from mflog headers.
import MFSInterpreter

extension Interpreter {
    func localDatetime(epochMilliseconds ms: Int) -> Value {
        guard let dt = try? PyDateTime.fromEpochMilliseconds(Int64(ms)) else { return .none }
        return .datetime(dt)
    }

    func makeDatetime(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, microsecond: Int) -> Value {
        guard let dt = try? PyDateTime(year: year, month: month, day: day, hour: hour, minute: minute,
                                       second: second, microsecond: microsecond) else { return .none }
        return .datetime(dt)
    }

    func makeDate(year: Int, month: Int, day: Int) -> Value {
        guard let d = try? PyDate(year: year, month: month, day: day) else { return .none }
        return .date(d)
    }

    func makeTimedelta(days: Int, seconds: Int, microseconds: Int) -> Value {
        let (a, o1) = days.multipliedReportingOverflow(by: 86_400_000_000)
        let (b, o2) = seconds.multipliedReportingOverflow(by: 1_000_000)
        let (s1, o3) = a.addingReportingOverflow(b)
        let (total, o4) = s1.addingReportingOverflow(microseconds)
        guard !(o1 || o2 || o3 || o4) else { return .none }
        return .timedelta(PyTimedelta(micros: total))
    }

    /// `%Y-%m-%dT%H:%M:%S.%f` → naive datetime.
    func naiveDatetime(isoFormat s: String) -> Value? {
        let u = Array(s.utf8)
        func num(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= u.count else { return nil }
            var v = 0
            for b in u[r] { guard b >= 0x30 && b <= 0x39 else { return nil }; v = v * 10 + Int(b - 0x30) }
            return v
        }
        guard u.count >= 21, let y = num(0..<4), let mo = num(5..<7), let d = num(8..<10), let h = num(11..<13),
              let mi = num(14..<16), let se = num(17..<19) else { return nil }
        let fracDigits = u.count - 20
        guard fracDigits >= 1, fracDigits <= 6, var frac = num(20..<u.count) else { return nil }
        for _ in fracDigits..<6 { frac *= 10 }
        return makeDatetime(year: y, month: mo, day: d, hour: h, minute: mi, second: se, microsecond: frac)
    }
}

extension String {
    /// ISO 8601 from a datetime's str(): the space between date and time becomes `T`.
    package func replacingSpaceWithT() -> String {
        guard let i = firstIndex(of: " ") else { return self }
        return String(self[..<i]) + "T" + String(self[index(after: i)...])
    }
}
