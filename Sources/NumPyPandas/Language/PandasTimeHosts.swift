// pandas Timestamp, Timedelta and NaT as language values: their fields, the methods people reach for
// (date(), strftime(), total_seconds() ...), and arithmetic: Timestamp - Timestamp is a Timedelta,
// Timestamp ± Timedelta a Timestamp, with Python's datetime and timedelta accepted on the other side.
import MFSInterpreter
import Pickle

/// A time operand: a Timestamp or Timedelta host, or Python's naive datetime / timedelta.
private enum TimeOperand {
    case stamp(Int64?, PandasTimeUnit)
    case delta(Int64?, PandasTimeUnit)

    init?(_ v: Value) {
        switch v {
        case .datetime(let d) where d.tz == nil: self = .stamp(Int64(d.epochMicros), .us)
        case .timedelta(let t): self = .delta(Int64(t.totalMicros), .us)
        default:
            if let h = NumericHosts.object(v) as? TimestampHost { self = .stamp(h.stamp.count, h.stamp.unit) }
            else if let h = NumericHosts.object(v) as? TimedeltaHost { self = .delta(h.delta.count, h.delta.unit) }
            else { return nil }
        }
    }
}

/// Counts of two operands in their finer unit; nil counts (NaT) stay nil.
private func common(_ a: Int64?, _ ua: PandasTimeUnit, _ b: Int64?, _ ub: PandasTimeUnit) throws -> (Int64?, Int64?, PandasTimeUnit) {
    let unit = PandasTimeUnit.finer(ua, ub)
    func scaled(_ c: Int64?, _ u: PandasTimeUnit) throws -> Int64? {
        guard let c else { return nil }
        guard let v = rescale(c, from: u, to: unit) else { throw PyException.overflow("Python int too large to convert to C long") }
        return v
    }
    return (try scaled(a, ua), try scaled(b, ub), unit)
}

private func timeResult(_ op: NumericOp, _ x: Int64?, _ y: Int64?) throws -> Int64? {
    guard let x, let y else { return nil }
    let (v, overflow) = op == .add ? x.addingReportingOverflow(y) : x.subtractingReportingOverflow(y)
    guard !overflow else { throw PyException.overflow("Overflow in int64 addition") }
    return v
}

private func compareTimes(_ op: NumericOp, _ x: Int64?, _ y: Int64?) -> Value {
    guard let x, let y else { return .bool(op == .ne) }  // NaT compares unequal to everything
    return .bool(NumPyMath.compare(op, x, y))
}

extension NumericEnvironment {
    func wrap(_ stamp: PandasTimestamp) -> Value { wrap(TimestampHost(stamp, env: self)) }
    func wrap(_ delta: PandasTimedelta) -> Value {
        delta.count == nil ? wrap(TimestampHost(PandasTimestamp(count: nil, unit: delta.unit), env: self)) : wrap(TimedeltaHost(delta, env: self))
    }
}

final class TimestampHost: NumericObject {
    let stamp: PandasTimestamp
    let env: NumericEnvironment
    init(_ stamp: PandasTimestamp, env: NumericEnvironment) { self.stamp = stamp; self.env = env }

    var typeName: String { stamp.pythonTypeName }
    var moduleName: String { "pandas" }
    var doc: String? { "A pandas Timestamp (naive): a datetime with nanoseconds." }
    func repr() -> String { stamp.pythonRepr() }
    func str() -> String { stamp.text }
    var isTruthy: Bool { true }

    private static let fieldNames = ["year", "month", "day", "hour", "minute", "second", "microsecond", "nanosecond",
                                     "value", "unit", "day_of_week", "day_of_year", "quarter"]
    private static let methodList = ["date", "day_name", "isoformat", "month_name", "normalize", "strftime", "timestamp",
                                     "to_pydatetime", "weekday"]
    var attributeNames: [String] { stamp.count == nil ? [] : Self.fieldNames + Self.methodList }
    var methodNames: [String] { stamp.count == nil ? [] : Self.methodList }

    /// The Python datetime of this Timestamp (nanoseconds dropped, as `to_pydatetime()` does).
    private func pythonDatetime() -> Value {
        guard let f = stamp.fields else { return .none }
        return env.converter.interpreter.makeDatetime(year: f.year, month: f.month, day: f.day, hour: f.hour, minute: f.minute,
                                                      second: f.second, microsecond: f.nanosecond / 1000)
    }

    func getAttribute(_ name: String) throws -> Value? {
        guard let f = stamp.fields, let count = stamp.count else { return nil }
        let days = daysFromCivil(f.year, f.month, f.day)
        let weekday = ((days % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday (3, Monday being 0)
        func noArguments(_ body: @escaping () throws -> Value) -> Value {
            .newBuiltin(name) { args, kwargs in
                guard args.isEmpty, kwargs.isEmpty else { throw PyException.typeError("\(name)() takes no arguments") }
                return try body()
            }
        }
        let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
        let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]
        switch name {
        case "year": return .int(f.year)
        case "month": return .int(f.month)
        case "day": return .int(f.day)
        case "hour": return .int(f.hour)
        case "minute": return .int(f.minute)
        case "second": return .int(f.second)
        case "microsecond": return .int(f.nanosecond / 1000)
        case "nanosecond": return .int(f.nanosecond % 1000)
        case "unit": return .str(stamp.unit.rawValue)
        case "value":
            guard let ns = rescale(count, from: stamp.unit, to: .ns) else {
                throw PyException.overflow("Cannot convert Timestamp to nanoseconds without overflow")
            }
            return .int(Int(ns))
        case "day_of_week": return .int(weekday)
        case "day_of_year": return .int(days - daysFromCivil(f.year, 1, 1) + 1)
        case "quarter": return .int((f.month - 1) / 3 + 1)
        case "weekday": return noArguments { .int(weekday) }
        case "day_name": return noArguments { .str(dayNames[weekday]) }
        case "month_name": return noArguments { .str(monthNames[f.month - 1]) }
        case "date": return noArguments { [self] in env.converter.interpreter.makeDate(year: f.year, month: f.month, day: f.day) }
        case "to_pydatetime": return noArguments { [self] in pythonDatetime() }
        case "timestamp": return noArguments { [self] in .float(Double(count) / Double(stamp.unit.ticksPerSecond)) }
        case "isoformat": return noArguments { [self] in .str(String(stamp.text.map { $0 == " " ? "T" : $0 })) }
        case "normalize":
            return noArguments { [self] in
                let perDay = stamp.unit.ticksPerSecond * 86_400
                return env.wrap(PandasTimestamp(count: Int64(days) * perDay, unit: stamp.unit))
            }
        case "strftime":
            return .newBuiltin(name) { [self] args, kwargs in
                let method = try env.converter.interpreter.attribute(of: pythonDatetime(), "strftime")
                return try env.converter.interpreter.call(method, args, kwargs)
            }
        default: return nil
        }
    }

    func binary(_ op: NumericOp, _ other: Value, reflected: Bool) throws -> Value? {
        guard let theirs = TimeOperand(other) else {
            if op == .eq || op == .ne { return .bool(op == .ne) }
            return nil
        }
        switch (op, theirs) {
        case (.sub, .stamp(let c, let u)):
            let (x, y, unit) = try common(stamp.count, stamp.unit, c, u)
            return env.wrap(PandasTimedelta(count: try reflected ? timeResult(.sub, y, x) : timeResult(.sub, x, y), unit: unit))
        case (.add, .delta(let c, let u)), (.sub, .delta(let c, let u)):
            guard !(reflected && op == .sub) else { return nil }
            let (x, y, unit) = try common(stamp.count, stamp.unit, c, u)
            return env.wrap(PandasTimestamp(count: try timeResult(op, x, y), unit: unit))
        case (_, .stamp(let c, let u)) where op.isComparison:
            let (x, y, _) = try common(stamp.count, stamp.unit, c, u)
            return compareTimes(reflected ? op.swapped : op, x, y)
        default:
            if op == .eq || op == .ne { return .bool(op == .ne) }
            return nil
        }
    }
}

final class TimedeltaHost: NumericObject {
    let delta: PandasTimedelta
    let env: NumericEnvironment
    init(_ delta: PandasTimedelta, env: NumericEnvironment) { self.delta = delta; self.env = env }

    var typeName: String { "Timedelta" }
    var moduleName: String { "pandas" }
    var doc: String? { "A pandas Timedelta: a duration with nanoseconds." }
    func repr() -> String { delta.pythonRepr() }
    func str() -> String { delta.text }
    var isTruthy: Bool { delta.count != 0 }

    var attributeNames: [String] { ["days", "microseconds", "nanoseconds", "seconds", "total_seconds", "unit", "value", "to_pytimedelta"] }
    var methodNames: [String] { ["to_pytimedelta", "total_seconds"] }

    func getAttribute(_ name: String) throws -> Value? {
        guard let c = delta.components, let count = delta.count else { return nil }
        switch name {
        case "days": return .int(c.days)
        case "seconds": return .int(c.seconds)
        case "microseconds": return .int(c.nanoseconds / 1000)
        case "nanoseconds": return .int(c.nanoseconds % 1000)
        case "unit": return .str(delta.unit.rawValue)
        case "value":
            guard let ns = rescale(count, from: delta.unit, to: .ns) else {
                throw PyException.overflow("Cannot convert Timedelta to nanoseconds without overflow")
            }
            return .int(Int(ns))
        case "total_seconds":
            return .newBuiltin(name) { [self] _, _ in .float(Double(count) / Double(delta.unit.ticksPerSecond)) }
        case "to_pytimedelta":
            return .newBuiltin(name) { [self] _, _ in
                env.converter.interpreter.makeTimedelta(days: c.days, seconds: c.seconds, microseconds: c.nanoseconds / 1000)
            }
        default: return nil
        }
    }

    func negated() throws -> Value? {
        guard let count = delta.count, count != Int64.min else { return nil }
        return env.wrap(PandasTimedelta(count: -count, unit: delta.unit))
    }

    func binary(_ op: NumericOp, _ other: Value, reflected: Bool) throws -> Value? {
        if let theirs = TimeOperand(other) {
            switch (op, theirs) {
            case (.add, .delta(let c, let u)), (.sub, .delta(let c, let u)):
                let (x, y, unit) = try common(delta.count, delta.unit, c, u)
                return env.wrap(PandasTimedelta(count: try reflected ? timeResult(op, y, x) : timeResult(op, x, y), unit: unit))
            case (.truediv, .delta(let c, let u)):
                let (x, y, _) = try common(delta.count, delta.unit, c, u)
                guard let x, let y else { return .float(.nan) }
                return .float(reflected ? Double(y) / Double(x) : Double(x) / Double(y))
            case (_, .delta(let c, let u)) where op.isComparison:
                let (x, y, _) = try common(delta.count, delta.unit, c, u)
                return compareTimes(reflected ? op.swapped : op, x, y)
            default:
                if op == .eq || op == .ne { return .bool(op == .ne) }
                return nil
            }
        }
        // Scaling by a number: `td * 2`, `td / 4` (a Timedelta, truncated to the unit).
        guard !reflected || op == .mul, let count = delta.count else { return op == .eq || op == .ne ? .bool(op == .ne) : nil }
        switch (op, other) {
        case (.mul, .int(let k)):
            let (v, overflow) = count.multipliedReportingOverflow(by: Int64(k))
            guard !overflow else { throw PyException.overflow("Python int too large to convert to C long") }
            return env.wrap(PandasTimedelta(count: v, unit: delta.unit))
        case (.mul, .float(let x)), (.truediv, .float(let x)):
            let scaled = op == .mul ? Double(count) * x : Double(count) / x
            guard scaled.isFinite, abs(scaled) < 9.2e18 else { return env.wrap(PandasTimedelta(count: nil, unit: delta.unit)) }
            return env.wrap(PandasTimedelta(count: Int64(scaled.rounded(.towardZero)), unit: delta.unit))
        case (.truediv, .int(let k)), (.floordiv, .int(let k)):
            guard k != 0 else { throw PyException.zeroDivision("division by zero") }
            let q = op == .floordiv ? Int64(floorDivMod(Int(count), k).0) : Int64((Double(count) / Double(k)).rounded(.towardZero))
            return env.wrap(PandasTimedelta(count: q, unit: delta.unit))
        default:
            if op == .eq || op == .ne { return .bool(op == .ne) }
            return nil
        }
    }
}

extension NumericEnvironment {
    /// `pd.Timestamp(value)`: an ISO date/time string (microsecond unit, nanoseconds when the fraction has
    /// more than six digits; 'NaT' is NaT), a naive datetime (microseconds), another Timestamp, or an
    /// integer count of nanoseconds since the epoch.
    func makeTimestamp(_ args: [Value], _ kwargs: [(String, Value)]) throws -> Value {
        let a = try CallArguments("Timestamp", args, kwargs, ["ts_input", "unit"])
        if a["unit"] != nil { throw PyException.typeError("Timestamp(unit=...) is not supported by mfsh") }
        guard let input = a["ts_input"] else { throw PyException.typeError("Timestamp() needs a value in mfsh (keyword fields are not supported)") }
        switch input {
        case .int(let ns): return wrap(PandasTimestamp(count: Int64(ns), unit: .ns))
        case .datetime(let d) where d.tz == nil: return wrap(PandasTimestamp(count: Int64(d.epochMicros), unit: .us))
        case .str(let raw):
            let text = String(raw.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            if text == "NaT" || text.isEmpty { return wrap(PandasTimestamp(count: nil, unit: .ns)) }
            // Python's datetime reads up to six fraction digits; pandas keeps nine.
            var head = text, extraNanos: Int64 = 0, extraDigits = 0
            if let dot = text.lastIndex(of: "."), text[text.index(after: dot)...].allSatisfy(\.isNumber) {
                let fraction = text[text.index(after: dot)...]
                if fraction.count > 6, fraction.count <= 9, let extra = Int64(fraction.dropFirst(6)) {
                    extraDigits = fraction.count - 6
                    extraNanos = extra * [1, 100, 10, 1][extraDigits]
                    head = String(text[..<dot]) + "." + fraction.prefix(6)
                }
            }
            guard case .datetime(let d)? = converter.interpreter.naiveDatetime(isoFormat: head) else {
                throw PyException.valueError("could not convert string to Timestamp")
            }
            if extraDigits > 0 {
                let (ns, overflow) = Int64(d.epochMicros).multipliedReportingOverflow(by: 1000)
                guard !overflow else { throw PyException.overflow("Out of bounds nanosecond timestamp: \(text)") }
                return wrap(PandasTimestamp(count: ns + extraNanos, unit: .ns))
            }
            return wrap(PandasTimestamp(count: Int64(d.epochMicros), unit: .us))
        default:
            if let t = NumericHosts.object(input) as? TimestampHost { return wrap(t.stamp) }
            throw PyException.typeError("Cannot convert input [\(try converter.interpreter.repr(input))] of type \(input.typeName) to Timestamp")
        }
    }
}
