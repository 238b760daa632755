// datetime.timezone: a fixed UTC offset (what strptime's %z produces), and the offset texts CPython prints.

private let microsPerDayTZ = 86_400_000_000

/// `datetime.timezone(offset, name=None)`.
public final class PyTimezone: HostObject, Sendable {
    public let offsetMicros: Int
    public let name: String?

    /// `timezone.utc`: `timezone(timedelta(0))` returns this same object, as in CPython.
    public static let utc = PyTimezone(checkedOffset: 0, name: nil)

    private init(checkedOffset: Int, name: String?) { self.offsetMicros = checkedOffset; self.name = name }

    /// `timezone(offset, name)`: the offset must lie strictly within a day.
    public static func fixed(offsetMicros: Int, name: String? = nil) throws -> PyTimezone {
        guard abs(offsetMicros) < microsPerDayTZ else {
            throw PyException.valueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                                         + "timedelta(hours=24), not \(PyTimedelta(micros: offsetMicros).repr).")
        }
        if offsetMicros == 0 && name == nil { return utc }
        return PyTimezone(checkedOffset: offsetMicros, name: name)
    }

    public var typeName: String { "timezone" }
    /// `timezone(timedelta(0))` without a name is the `timezone.utc` singleton.
    var isUTCSingleton: Bool { name == nil && offsetMicros == 0 }
    public func repr() -> String {
        if isUTCSingleton { return "datetime.timezone.utc" }
        return "datetime.timezone(\(PyTimedelta(micros: offsetMicros).repr)\(name.map { ", " + strRepr($0) } ?? ""))"
    }
    /// `tzname()`: the given name, else "UTC" or "UTC+HH:MM".
    public var tzname: String {
        if let name { return name }
        return offsetMicros == 0 ? "UTC" : "UTC" + formatUTCOffset(offsetMicros, separator: ":")
    }
    public func str() -> String { tzname }
    public func equals(_ other: any HostObject) -> Bool { (other as? PyTimezone)?.offsetMicros == offsetMicros }
    public var hashValue: Int { offsetMicros.hashValue }

    public func getAttribute(_ attr: String) throws -> Value? {
        switch attr {
        case "utcoffset": return .newBuiltin("utcoffset") { [offsetMicros] _, _ in .timedelta(PyTimedelta(micros: offsetMicros)) }
        case "tzname": return .newBuiltin("tzname") { [tzname] _, _ in .str(tzname) }
        case "dst": return .newBuiltin("dst") { _, _ in .none }
        default: return nil
        }
    }
    public var attributeNames: [String] { ["dst", "tzname", "utcoffset"] }
}

/// "+HH:MM" (isoformat, separator ":") or "+HHMM" (strftime %z, no separator), with seconds and
/// microseconds only when present, as CPython's `_format_offset`.
func formatUTCOffset(_ micros: Int, separator: String) -> String {
    let sign = micros < 0 ? "-" : "+"
    let m = abs(micros)
    let secs = m / 1_000_000, us = m % 1_000_000
    var s = sign + String(secs / 3600).leftPad(2) + separator + String(secs / 60 % 60).leftPad(2)
    if secs % 60 != 0 || us != 0 {
        s += separator + String(secs % 60).leftPad(2)
        if us != 0 { s += "." + String(us).leftPad(6) }
    }
    return s
}

/// A `tzinfo=` argument: None for naive, or a `datetime.timezone`.
func timezoneArgument(_ v: Value?) throws -> PyTimezone? {
    switch v {
    case nil, .none?: return nil
    case .host(let z as PyTimezone)?: return z
    case let other?: throw PyException.typeError("tzinfo argument must be None or of a tzinfo subclass, not type '\(other.typeName)'")
    }
}

extension Interpreter {
    /// `datetime.timezone`: the class of every tzinfo this interpreter makes, so isinstance works.
    func makeTimezoneClass() -> PyClass {
        let cls = hostClass("timezone")
        cls.module = "datetime"
        cls.constructor = { args, kw in
            guard let offset = argAt(args, 0, kw, "offset") else {
                throw PyException.typeError("timezone() missing required argument 'offset' (pos 1)")
            }
            guard case .timedelta(let delta) = offset else {
                throw PyException.typeError("timezone() argument 1 must be datetime.timedelta, not \(offset.typeName)")
            }
            var name: String?
            if let n = argAt(args, 1, kw, "name") {
                guard case .str(let s) = n else { throw PyException.typeError("timezone() argument 2 must be str, not \(n.typeName)") }
                name = s
            }
            return .host(try PyTimezone.fixed(offsetMicros: delta.totalMicros, name: name))
        }
        cls.dict["utc"] = .host(PyTimezone.utc)
        return cls
    }

    /// `datetime.now(tz)` / `fromtimestamp(t, tz)`: the wall time at that fixed offset.
    func awareFromEpoch(seconds: Int, microsecond: Int, tz: PyTimezone) throws -> PyDateTime {
        try PyDateTime.fromEpochMicros(seconds * 1_000_000 + microsecond + tz.offsetMicros, tz: tz)
    }
}
