// pandas' scalars of time: Timestamp (naive), Timedelta and NaT, as counts of a unit (pandas 3 keeps
// the unit of the column they came from: s, ms, us or ns). Their printed forms are pandas': a
// Timestamp always shows its time, a Timedelta always its days (`16 days 18:46:11`), and fractions
// take 6 digits unless nanoseconds need 9.
import Pickle

/// The resolutions pandas' datetime and timedelta values come in.
public enum PandasTimeUnit: String, Sendable {
    case s, ms, us, ns

    public var ticksPerSecond: Int64 {
        switch self {
        case .s: return 1
        case .ms: return 1_000
        case .us: return 1_000_000
        case .ns: return 1_000_000_000
        }
    }

    /// numpy's NPY_DATETIMEUNIT code, as pandas pickles it (`reso`).
    init?(numpyCode: Int) {
        switch numpyCode {
        case 7: self = .s
        case 8: self = .ms
        case 9: self = .us
        case 10: self = .ns
        default: return nil
        }
    }

    /// The finer of two units (what arithmetic between them gives).
    static func finer(_ a: PandasTimeUnit, _ b: PandasTimeUnit) -> PandasTimeUnit { a.ticksPerSecond >= b.ticksPerSecond ? a : b }
}

/// A count in `unit` converted to the finer `target`; nil when it does not fit in 64 bits.
func rescale(_ count: Int64, from unit: PandasTimeUnit, to target: PandasTimeUnit) -> Int64? {
    guard target.ticksPerSecond >= unit.ticksPerSecond else { return count / (unit.ticksPerSecond / target.ticksPerSecond) }
    let (v, overflow) = count.multipliedReportingOverflow(by: target.ticksPerSecond / unit.ticksPerSecond)
    return overflow ? nil : v
}

/// The unit and count pandas gives an element of a datetime64/timedelta64 array: the array's own unit
/// when pandas supports it (s, ms, us, ns), seconds for coarser ones; nil for NaT or a count that cannot be
/// expressed.
func pandasTimeCount(_ raw: Int64, _ dtype: NDDType) -> (Int64, PandasTimeUnit)? {
    guard raw != notATime else { return nil }
    let (n, overflow) = raw.multipliedReportingOverflow(by: Int64(dtype.unitCount))
    guard !overflow else { return nil }
    if let unit = PandasTimeUnit(rawValue: dtype.unit ?? "") { return (n, unit) }
    let secondsPer: [String: Int64] = ["W": 604_800, "D": 86_400, "h": 3_600, "m": 60]
    guard let per = dtype.unit.flatMap({ secondsPer[$0] }) else { return nil }
    let (s, o) = n.multipliedReportingOverflow(by: per)
    return o ? nil : (s, .s)
}

/// `pd.Timestamp` without a time zone; `count` nil is `pd.NaT`.
public final class PandasTimestamp {
    public let count: Int64?
    public let unit: PandasTimeUnit

    public init(count: Int64?, unit: PandasTimeUnit) { self.count = count; self.unit = unit }

    /// Calendar fields: (year, month, day, hour, minute, second, nanosecond).
    public var fields: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int)? {
        guard let count else { return nil }
        let perDay = unit.ticksPerSecond * 86_400
        let (days, rem) = floorDivMod(Int(count), Int(perDay))
        let date = civilDate(daysSinceEpoch: days)
        let seconds = rem / Int(unit.ticksPerSecond)
        let nanos = (rem % Int(unit.ticksPerSecond)) * Int(1_000_000_000 / unit.ticksPerSecond)
        return (date.year, date.month, date.day, seconds / 3600, seconds / 60 % 60, seconds % 60, nanos)
    }

    /// `str(ts)`: `2024-03-01 00:00:29`, with `.500000` or `.000000001` when there is a fraction.
    public var text: String {
        guard let f = fields else { return "NaT" }
        func pad(_ v: Int, _ width: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, width - s.count)) + s }
        var s = "\(f.year < 0 ? "-" : "")\(pad(abs(f.year), 4))-\(pad(f.month, 2))-\(pad(f.day, 2)) \(pad(f.hour, 2)):\(pad(f.minute, 2)):\(pad(f.second, 2))"
        if f.nanosecond != 0 { s += f.nanosecond % 1000 == 0 ? "." + pad(f.nanosecond / 1000, 6) : "." + pad(f.nanosecond, 9) }
        return s
    }
}

/// `pd.Timedelta`; `count` nil is `pd.NaT`.
public final class PandasTimedelta {
    public let count: Int64?
    public let unit: PandasTimeUnit

    public init(count: Int64?, unit: PandasTimeUnit) { self.count = count; self.unit = unit }

    /// pandas' components: whole days (floored), then seconds and nanoseconds within the day.
    public var components: (days: Int, seconds: Int, nanoseconds: Int)? {
        guard let count else { return nil }
        let (days, rem) = floorDivMod(Int(count), Int(unit.ticksPerSecond * 86_400))
        return (days, rem / Int(unit.ticksPerSecond), (rem % Int(unit.ticksPerSecond)) * Int(1_000_000_000 / unit.ticksPerSecond))
    }

    /// `str(td)`: `16 days 18:46:11`, `-1 days +23:59:59`, `0 days 00:00:00.001500`.
    public var text: String {
        guard let c = components else { return "NaT" }
        func pad(_ v: Int, _ width: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, width - s.count)) + s }
        var s = "\(c.days) days \(c.days < 0 ? "+" : "")\(pad(c.seconds / 3600, 2)):\(pad(c.seconds / 60 % 60, 2)):\(pad(c.seconds % 60, 2))"
        if c.nanoseconds != 0 { s += c.nanoseconds % 1000 == 0 ? "." + pad(c.nanoseconds / 1000, 6) : "." + pad(c.nanoseconds, 9) }
        return s
    }
}

extension PandasTimestamp: ReconstructedValue {
    public var pythonTypeName: String { count == nil ? "NaTType" : "Timestamp" }
    public func pythonRepr() -> String { count == nil ? "NaT" : "Timestamp('\(text)')" }
}

extension PandasTimedelta: ReconstructedValue {
    public var pythonTypeName: String { count == nil ? "NaTType" : "Timedelta" }
    public func pythonRepr() -> String { count == nil ? "NaT" : "Timedelta('\(text)')" }
}

/// Timestamps, Timedeltas and NaT pickled on their own (`_unpickle_timestamp(value, freq, tz, reso)`,
/// `_timedelta_unpickle(value, reso)`, `_nat_unpickle`). A Timestamp with a time zone stays an object.
func reconstructPandasTime(name: String, _ o: PickleObject) -> PickleValue? {
    switch name {
    case "_unpickle_timestamp":
        guard o.args.count >= 4, case .int(let value) = o.args[0], case .none = o.args[2],
              case .int(let reso) = o.args[3], let unit = PandasTimeUnit(numpyCode: reso) else { return nil }
        return .reconstructed(PandasTimestamp(count: Int64(value), unit: unit))
    case "_timedelta_unpickle":
        guard o.args.count >= 2, case .int(let value) = o.args[0], case .int(let reso) = o.args[1],
              let unit = PandasTimeUnit(numpyCode: reso) else { return nil }
        return .reconstructed(PandasTimedelta(count: Int64(value), unit: unit))
    case "_nat_unpickle":
        return .reconstructed(PandasTimestamp(count: nil, unit: .ns))
    default:
        return nil
    }
}

extension NDArray {
    /// The element at a C-order flat index as pandas gives it out of a datetime64 or timedelta64 column:
    /// a Timestamp or Timedelta (NaT for not-a-time); nil for arrays of other kinds.
    func pandasTimeElement(at flat: Int) -> PickleValue? {
        guard "Mm".contains(dtype.kind), flat >= 0, flat < count else { return nil }
        let time = timeCount(atFlat: flat).flatMap { pandasTimeCount($0, dtype) }
        let unit = time?.1 ?? PandasTimeUnit(rawValue: dtype.unit ?? "") ?? .ns
        if dtype.kind == "M" { return .reconstructed(PandasTimestamp(count: time?.0, unit: unit)) }
        return .reconstructed(PandasTimedelta(count: time?.0, unit: unit))
    }
}
