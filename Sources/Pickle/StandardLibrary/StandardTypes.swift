// Values of well-known standard-library classes, decoded from their pickled state as plain data.

/// `datetime.date`.
public struct PickleDate: Equatable, Hashable, Sendable {
    public var year: Int, month: Int, day: Int
    public init(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }
}

/// `datetime.time`; `tzinfo` is any decoded value (usually `.timeZone`, or an object such as a zoneinfo/pytz zone).
public struct PickleTime {
    public var hour: Int, minute: Int, second: Int, microsecond: Int
    public var fold: Int
    public var tzinfo: PickleValue?
    public init(hour: Int, minute: Int, second: Int, microsecond: Int, fold: Int, tzinfo: PickleValue?) {
        self.hour = hour; self.minute = minute; self.second = second; self.microsecond = microsecond
        self.fold = fold; self.tzinfo = tzinfo
    }
}

/// `datetime.datetime`.
public struct PickleDateTime {
    public var date: PickleDate
    public var time: PickleTime
    public init(date: PickleDate, time: PickleTime) { self.date = date; self.time = time }
    public var year: Int { date.year }
    public var month: Int { date.month }
    public var day: Int { date.day }
    public var hour: Int { time.hour }
    public var minute: Int { time.minute }
    public var second: Int { time.second }
    public var microsecond: Int { time.microsecond }
    public var fold: Int { time.fold }
    public var tzinfo: PickleValue? { time.tzinfo }
}

/// `datetime.timedelta`, normalised like Python: `0 <= seconds < 86400`, `0 <= microseconds < 1000000`.
public struct PickleTimeDelta: Equatable, Hashable, Sendable {
    public var days: Int, seconds: Int, microseconds: Int
    public init(days: Int, seconds: Int, microseconds: Int) {
        self.days = days; self.seconds = seconds; self.microseconds = microseconds
    }
}

/// `datetime.timezone`: a fixed offset with an optional name.
public struct PickleTimeZone {
    public var offset: PickleTimeDelta
    public var name: String?
    /// True for `datetime.timezone.utc` (offset 0, no name).
    public var isUTC: Bool { offset == PickleTimeDelta(days: 0, seconds: 0, microseconds: 0) && name == nil }
}

/// `uuid.UUID`: 16 big-endian bytes.
public struct PickleUUID: Equatable, Hashable, Sendable {
    public var bytes: [UInt8]
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Canonical form `12345678-1234-5678-1234-567812345678`.
    public var string: String {
        let hex = bytes.map { b -> String in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
        }.joined()
        let c = Array(hex)
        guard c.count == 32 else { return hex }
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-"
            + String(c[16..<20]) + "-" + String(c[20..<32])
    }
}
