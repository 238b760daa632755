// `series.dt` of a datetime64 Series (pandas' DatetimeProperties): calendar fields as int32 (float64
// with NaN when the Series has NaT), the is_* flags (False for NaT), `date`/`time` as Python objects,
// day and month names, strftime and normalize. The Series' index and name are kept.
import MFSInterpreter
import Pickle

final class DatetimePropertiesHost: NumericObject {
    let series: SeriesHost
    let values: NDArray
    var env: NumericEnvironment { series.env }
    init(_ series: SeriesHost, values: NDArray) { self.series = series; self.values = values }

    static let integerFields = ["year", "month", "day", "hour", "minute", "second", "microsecond", "nanosecond",
                                "day_of_week", "dayofweek", "weekday", "day_of_year", "dayofyear", "quarter",
                                "days_in_month", "daysinmonth"]
    static let flags = ["is_month_start", "is_month_end", "is_quarter_start", "is_quarter_end", "is_year_start",
                        "is_year_end", "is_leap_year"]
    static let methods = ["day_name", "month_name", "normalize", "strftime"]

    var typeName: String { "DatetimeProperties" }
    var moduleName: String { "pandas.core.indexes.accessors" }
    var attributeNames: [String] { Self.integerFields + Self.flags + ["date", "time"] + Self.methods }
    var methodNames: [String] { Self.methods }
    var lazyAttributeNames: [String] { Self.integerFields + Self.flags + ["date", "time"] }
    func repr() -> String { "<pandas.core.indexes.accessors.DatetimeProperties object>" }

    /// Each row's timestamp fields (nil for NaT).
    private func rows() -> [Fields?] {
        (0..<values.count).map { i in
            guard case .reconstructed(let t as PandasTimestamp)? = values.pandasTimeElement(at: i), let f = t.fields else { return nil }
            return Fields(f)
        }
    }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case _ where Self.integerFields.contains(name):
            let fields = rows()
            let numbers = fields.map { $0.map { $0.integer(name) } }
            if numbers.allSatisfy({ $0 != nil }) {
                return series.withValues(.ndarray(.make(dtype: NumPyMath.dtype("i", 4), ints: numbers.map { $0 ?? 0 }, shape: [numbers.count])), dtypeName: "int32")
            }
            return series.withValues(.ndarray(.float64(numbers.map { $0.map(Double.init) ?? .nan }, shape: [numbers.count])), dtypeName: "float64")
        case _ where Self.flags.contains(name):
            let flags = rows().map { $0?.flag(name) ?? false }
            return series.withValues(.ndarray(.bool(flags, shape: [flags.count])), dtypeName: "bool")
        case "date", "time":
            let nat = PickleValue.reconstructed(PandasTimestamp(count: nil, unit: .ns))
            let objects = rows().map { f -> PickleValue in
                guard let f else { return nat }
                return name == "date" ? .date(PickleDate(year: f.year, month: f.month, day: f.day))
                    : .time(PickleTime(hour: f.hour, minute: f.minute, second: f.second, microsecond: f.nanosecond / 1000, fold: 0, tzinfo: nil))
            }
            return series.withValues(.ndarray(.objects(objects, shape: [objects.count])), dtypeName: "object")
        case "day_name", "month_name":
            return .newBuiltin(name) { [self] args, kwargs in
                let a = try CallArguments(name, args, kwargs, ["locale"])
                guard a["locale"] == nil else { throw PyException.typeError("\(name)(locale=...) is not supported by mfsh") }
                return texts { name == "day_name" ? Self.dayNames[$0.dayOfWeek] : Self.monthNames[$0.month - 1] }
            }
        case "strftime":
            return .newBuiltin(name) { [self] args, kwargs in
                let a = try CallArguments("strftime", args, kwargs, ["date_format"], required: 1)
                guard case .str(let format)? = a["date_format"] else { throw PyException.typeError("strftime() needs a format string") }
                let interpreter = env.converter.interpreter
                return try textsThrowing { f in
                    let moment = try env.python(.dateTime(PickleDateTime(
                        date: PickleDate(year: f.year, month: f.month, day: f.day),
                        time: PickleTime(hour: f.hour, minute: f.minute, second: f.second, microsecond: f.nanosecond / 1000, fold: 0, tzinfo: nil))))
                    return try interpreter.str(try interpreter.call(try interpreter.attribute(of: moment, "strftime"), [.str(format)]))
                }
            }
        case "normalize":
            return .newBuiltin(name) { [self] args, kwargs in
                guard args.isEmpty, kwargs.isEmpty else { throw PyException.typeError("normalize() takes no arguments") }
                let unit = PandasTimeUnit(rawValue: values.dtype.unit ?? "") ?? .ns
                let perDay = Int(unit.ticksPerSecond) * 86_400
                let counts = (0..<values.count).map { i -> Int in
                    guard let raw = values.timeCount(atFlat: i), let (count, _) = pandasTimeCount(raw, values.dtype) else { return Int(notATime) }
                    return Int(count) - floorDivMod(Int(count), perDay).1
                }
                let dtype = values.dtype.nativeOrder
                return series.withValues(.ndarray(.make(dtype: dtype, ints: counts, shape: [counts.count])), dtypeName: series.series.dtypeName)
            }
        default:
            return nil
        }
    }

    /// A `str` Series of `text(row)`, NaN where the row is NaT.
    private func texts(_ text: (Fields) -> String) -> Value {
        let cells = rows().map { $0.map { PickleValue.string(text($0)) } ?? .float(.nan) }
        return series.withValues(.ndarray(.objects(cells, shape: [cells.count])), dtypeName: "str")
    }

    private func textsThrowing(_ text: (Fields) throws -> String) throws -> Value {
        let cells = try rows().map { try $0.map { PickleValue.string(try text($0)) } ?? .float(.nan) }
        return series.withValues(.ndarray(.objects(cells, shape: [cells.count])), dtypeName: "str")
    }

    static let dayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// One timestamp's calendar, and the fields pandas derives from it.
    struct Fields {
        let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int
        init(_ f: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, nanosecond: Int)) {
            year = f.year; month = f.month; day = f.day; hour = f.hour; minute = f.minute; second = f.second; nanosecond = f.nanosecond
        }
        var isLeap: Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }
        var daysInMonth: Int { month == 2 ? (isLeap ? 29 : 28) : [4, 6, 9, 11].contains(month) ? 30 : 31 }
        /// Monday is 0; 1970-01-01 was a Thursday.
        var dayOfWeek: Int { ((daysFromCivil(year, month, day) % 7) + 7 + 3) % 7 }
        var dayOfYear: Int { daysFromCivil(year, month, day) - daysFromCivil(year, 1, 1) + 1 }

        func integer(_ name: String) -> Int {
            switch name {
            case "year": return year
            case "month": return month
            case "day": return day
            case "hour": return hour
            case "minute": return minute
            case "second": return second
            case "microsecond": return nanosecond / 1000
            case "nanosecond": return nanosecond % 1000
            case "day_of_week", "dayofweek", "weekday": return dayOfWeek
            case "day_of_year", "dayofyear": return dayOfYear
            case "quarter": return (month - 1) / 3 + 1
            default: return daysInMonth
            }
        }

        func flag(_ name: String) -> Bool {
            switch name {
            case "is_month_start": return day == 1
            case "is_month_end": return day == daysInMonth
            case "is_quarter_start": return day == 1 && (month - 1) % 3 == 0
            case "is_quarter_end": return day == daysInMonth && month % 3 == 0
            case "is_year_start": return day == 1 && month == 1
            case "is_year_end": return day == 31 && month == 12
            default: return isLeap
            }
        }
    }
}
