// numpy's datetime64/timedelta64 arithmetic: datetime - datetime is a timedelta, datetime ± timedelta a
// datetime, timedelta ± timedelta a timedelta, timedelta * integer a timedelta, timedelta / timedelta a
// float64, and comparisons between values of one kind; all in the finer of the two units, NaT
// propagating. Calendar units (years, months) do not convert to the others and are refused.
import MFSInterpreter
import Pickle

/// The nanoseconds in one of numpy's linear time units.
private let nanosecondsPerUnit: [String: Int64] = [
    "W": 604_800_000_000_000, "D": 86_400_000_000_000, "h": 3_600_000_000_000, "m": 60_000_000_000,
    "s": 1_000_000_000, "ms": 1_000_000, "us": 1_000, "ns": 1,
]

/// Time values taking part in an operation: counts (nil for NaT) in `unit`, C order.
private struct TimeOperands {
    let kind: Character
    let unit: String
    let counts: [Int64?]
    let shape: [Int]

    init?(_ a: NDArray) {
        guard "Mm".contains(a.dtype.kind), a.dtype.unitCount == 1 else { return nil }
        kind = a.dtype.kind
        unit = a.dtype.unit ?? "generic"
        counts = (0..<a.count).map { a.timeCount(atFlat: $0) }
        shape = a.shape
    }

    init?(_ v: Value) {
        if let h = NumericHosts.object(v) as? NDArrayHost { self.init(h.array) }
        else if let s = NumericHosts.object(v) as? NDScalarHost { self.init(s.asArray) }
        else { return nil }
    }

    /// The counts in `target`, a unit at least as fine as this one.
    func counts(in target: String) throws -> [Int64?] {
        guard target != unit else { return counts }
        guard let from = nanosecondsPerUnit[unit], let to = nanosecondsPerUnit[target] else {
            throw PyException.typeError("Cannot convert between datetime64 units [\(unit)] and [\(target)] in mfsh")
        }
        let factor = from / to
        return try counts.map { c in
            guard let c else { return nil }
            let (v, overflow) = c.multipliedReportingOverflow(by: factor)
            guard !overflow else { throw PyException.overflow("Integer overflow converting datetime64[\(unit)] to [\(target)]") }
            return v
        }
    }
}

/// The finer of two units, or nil when either is a calendar unit that cannot be converted.
private func finerUnit(_ a: String, _ b: String) -> String? {
    if a == b { return a }
    guard let x = nanosecondsPerUnit[a], let y = nanosecondsPerUnit[b] else { return nil }
    return x <= y ? a : b
}

extension NDArrayHost {
    /// `self op other` when either side holds datetime64/timedelta64 values; nil when neither does or
    /// numpy has no such operation (then Python's TypeError follows).
    func timeArithmetic(_ op: NumericOp, _ other: Value, reflected: Bool) throws -> Value? {
        guard let mine = TimeOperands(array) else { return nil }
        if let theirs = TimeOperands(other) {
            let (x, y) = reflected ? (theirs, mine) : (mine, theirs)
            guard let unit = finerUnit(x.unit, y.unit) else {
                throw PyException.typeError("Cannot combine datetime64 units [\(x.unit)] and [\(y.unit)] in mfsh")
            }
            let (shape, ix, iy) = try NumPyMath.broadcast(x.shape, y.shape)
            let n = try NumPyMath.resultCount(shape)
            let cx = try x.counts(in: unit), cy = try y.counts(in: unit)
            func pair(_ i: Int) -> (Int64?, Int64?) {
                (cx[ix?[i] ?? (cx.count == 1 ? 0 : i)], cy[iy?[i] ?? (cy.count == 1 ? 0 : i)])
            }
            let resultKind: Character
            switch (op, x.kind, y.kind) {
            case (.sub, "M", "M"), (.add, "m", "m"), (.sub, "m", "m"): resultKind = "m"
            case (.add, "M", "m"), (.add, "m", "M"), (.sub, "M", "m"): resultKind = "M"
            case (.truediv, "m", "m"):
                let out = (0..<n).map { i -> Double in
                    let (a, b) = pair(i)
                    guard let a, let b else { return .nan }
                    return Double(a) / Double(b)
                }
                return NumPyMath.result(.float64(out, shape: shape), env: env)
            case (_, let k, let l) where op.isComparison && k == l:
                let out = (0..<n).map { i -> Bool in
                    let (a, b) = pair(i)
                    guard let a, let b else { return op == .ne }
                    return NumPyMath.compare(op, a, b)
                }
                return NumPyMath.result(.bool(out, shape: shape), env: env)
            default:
                return nil
            }
            let out = try (0..<n).map { i -> Int in
                let (a, b) = pair(i)
                guard let a, let b else { return Int(notATime) }
                let (v, overflow) = op == .add ? a.addingReportingOverflow(b) : a.subtractingReportingOverflow(b)
                guard !overflow, v != notATime else { throw PyException.overflow("Overflow in int64 time arithmetic") }
                return Int(v)
            }
            let type = NDDType(kind: resultKind, itemSize: 8, byteOrder: "<", unit: unit)
            return NumPyMath.result(.make(dtype: type, ints: out, shape: shape), env: env)
        }
        // A timedelta scaled by an integer.
        guard mine.kind == "m", op == .mul || (op == .floordiv && !reflected) else { return nil }
        let factor: Int64
        switch other {
        case .int(let k): factor = Int64(k)
        default:
            guard let s = NumericHosts.object(other) as? NDScalarHost, case .int(let k) = s.value else { return nil }
            factor = Int64(k)
        }
        let out = try mine.counts.map { c -> Int in
            guard let c else { return Int(notATime) }
            if op == .floordiv { return factor == 0 ? Int(notATime) : floorDivMod(Int(c), Int(factor)).0 }
            let (v, overflow) = c.multipliedReportingOverflow(by: factor)
            guard !overflow else { throw PyException.overflow("Overflow in int64 time arithmetic") }
            return Int(v)
        }
        return NumPyMath.result(.make(dtype: array.dtype.nativeOrder, ints: out, shape: mine.shape), env: env)
    }
}
