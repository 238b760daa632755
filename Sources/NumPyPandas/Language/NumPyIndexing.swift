// numpy's N-d indexing beyond ints and slices: None/np.newaxis, `...`, integer and boolean arrays (and
// lists) anywhere in the key. Boolean arrays stand for their nonzero() positions; all index arrays (and
// the integers beside them) are broadcast together, and their result dimensions go where the arrays
// are when they are adjacent in the key, in front otherwise — numpy's rules, with its IndexErrors.
import MFSInterpreter
import Pickle

extension NDArrayHost {
    /// `a[key]` when the key needs numpy's general indexing; nil for the keys getItem's own path takes
    /// (an int, a slice, a tuple of those, one boolean mask, one integer array or flat list of ints).
    func generalItem(_ key: Value) throws -> Value? {
        let parts: [Value]
        if case .tuple(let t) = key {
            parts = t
            if t.allSatisfy(Self.isPlainIndex) { return nil }
        } else {
            if Self.isPlainIndex(key) { return nil }
            // `x[True]` / `x[np.True_]`: getItem's own path (a new axis holding x once, or not at all).
            if let s = NumericHosts.object(key) as? NDScalarHost, case .bool = s.value { return nil }
            if let a = Self.indexArray(key), a.dtype.kind == "b" || (a.shape.count == 1 && "iu".contains(a.dtype.kind)) { return nil }
            if case .list(let l) = key, l.items.allSatisfy({ if case .int = $0 { return true }; return false }) { return nil }
            parts = [key]
        }
        return try index(parts)
    }

    private static func isPlainIndex(_ v: Value) -> Bool {
        switch v {
        case .int, .slice: return true
        default:
            if let s = NumericHosts.object(v) as? NDScalarHost, case .int = s.value { return true }
            return false
        }
    }

    private static func indexArray(_ v: Value) -> NDArray? {
        (NumericHosts.object(v) as? NDArrayHost)?.array ?? (NumericHosts.object(v) as? SeriesHost)?.valuesArray
    }

    private enum Part {
        case newAxis, ellipsis, slice(PySlice), integer(Int), indices([Int], shape: [Int]), mask(NDArray)
        var consumed: Int {
            switch self {
            case .newAxis, .ellipsis: return 0
            case .mask(let m): return m.shape.count
            default: return 1
            }
        }
    }

    private func part(_ v: Value) throws -> Part {
        let invalid = PyException.indexError("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
        switch v {
        case .none: return .newAxis
        case .int(let i): return .integer(i)
        case .slice(let s): return .slice(s)
        case .bool: throw PyException.indexError("a boolean scalar index is not supported by mfsh")
        case .list, .tuple: break
        default:
            if PyEllipsis.isEllipsis(v) { return .ellipsis }
            if let s = NumericHosts.object(v) as? NDScalarHost {
                if case .int(let i) = s.value { return .integer(i) }
                throw invalid
            }
            guard Self.indexArray(v) != nil else { throw invalid }
        }
        let a = try Self.indexArray(v) ?? env.toArray(v)
        if a.dtype.kind == "b" {
            guard !a.shape.isEmpty else { throw PyException.indexError("a 0-d boolean array index is not supported by mfsh") }
            return .mask(a)
        }
        if a.count == 0 { return .indices([], shape: a.shape) }
        guard "iu".contains(a.dtype.kind), let ints = NumericOperand(array: a)?.ints else {
            if "f".contains(a.dtype.kind) || a.dtype.kind == "U" { throw PyException.indexError("arrays used as indices must be of integer (or boolean) type") }
            throw invalid
        }
        return .indices(ints, shape: a.shape)
    }

    private func index(_ keys: [Value]) throws -> Value {
        var parts = try keys.map(part)
        let ndim = array.shape.count
        guard parts.filter({ if case .ellipsis = $0 { return true }; return false }).count <= 1 else {
            throw PyException.indexError("an index can only have a single ellipsis ('...')")
        }
        let consumed = parts.reduce(0) { $0 + $1.consumed }
        guard consumed <= ndim else {
            throw PyException.indexError("too many indices for array: array is \(ndim)-dimensional, but \(consumed) were indexed")
        }
        let full = Part.slice(PySlice(.none, .none, .none))
        if let e = parts.firstIndex(where: { if case .ellipsis = $0 { return true }; return false }) {
            parts.replaceSubrange(e...e, with: Array(repeating: full, count: ndim - consumed))
        } else {
            parts += Array(repeating: full, count: ndim - consumed)
        }
        var strides = Array(repeating: 1, count: ndim)
        for a in stride(from: ndim - 2, through: 0, by: -1) { strides[a] = strides[a + 1] * array.shape[a + 1] }

        // Each part over its source axes: basic dimensions, or advanced indices (flattened, with their shape).
        enum Resolved { case dimension([Int], size: Int), constant(Int), advanced([(values: [Int], shape: [Int], stride: Int)]) }
        var resolved: [Resolved] = []
        var axis = 0
        let hasArrays = parts.contains { if case .indices = $0 { return true }; if case .mask = $0 { return true }; return false }
        func checked(_ raw: Int, _ axis: Int) throws -> Int {
            let n = array.shape[axis]
            let i = raw < 0 ? raw + n : raw
            guard i >= 0, i < n else { throw PyException.indexError("index \(raw) is out of bounds for axis \(axis) with size \(n)") }
            return i
        }
        for p in parts {
            switch p {
            case .newAxis: resolved.append(.dimension([0], size: 1))
            case .ellipsis: break
            case .slice(let s):
                let positions = try sliceIndices(s, count: array.shape[axis])
                resolved.append(.dimension(positions.map { $0 * strides[axis] }, size: positions.count))
                axis += 1
            case .integer(let raw):
                let i = try checked(raw, axis)
                resolved.append(hasArrays ? .advanced([([i], [], strides[axis])]) : .constant(i * strides[axis]))
                axis += 1
            case .indices(let values, let shape):
                resolved.append(.advanced([(try values.map { try checked($0, axis) }, shape, strides[axis])]))
                axis += 1
            case .mask(let m):
                for (k, size) in m.shape.enumerated() where size != array.shape[axis + k] {
                    throw PyException.indexError("boolean index did not match indexed array along axis \(axis + k); size of axis is \(array.shape[axis + k]) but size of corresponding boolean axis is \(size)")
                }
                let picked = (0..<m.count).filter { if case .bool(true)? = m.element(at: $0) { return true }; return false }
                var coordinates: [[Int]] = Array(repeating: [], count: m.shape.count)
                for flat in picked {
                    var rest = flat
                    for k in stride(from: m.shape.count - 1, through: 0, by: -1) { coordinates[k].append(rest % m.shape[k]); rest /= m.shape[k] }
                }
                resolved.append(.advanced(coordinates.enumerated().map { ($1, [picked.count], strides[axis + $0]) }))
                axis += m.shape.count
            }
        }

        // The advanced indices broadcast together, and where their dimensions go.
        let advanced = resolved.enumerated().filter { if case .advanced = $0.element { return true }; return false }.map(\.offset)
        let indexArrays = advanced.flatMap { i -> [(values: [Int], shape: [Int], stride: Int)] in
            if case .advanced(let list) = resolved[i] { return list }
            return []
        }
        var blockShape: [Int] = []
        for a in indexArrays {
            do { blockShape = try NumPyMath.broadcast(blockShape, a.shape).0 } catch {
                let shapes = indexArrays.map { "(" + $0.shape.map(String.init).joined(separator: ",") + ($0.shape.count == 1 ? ",)" : ")") }
                throw PyException.indexError("shape mismatch: indexing arrays could not be broadcast together with shapes \(shapes.joined(separator: " ")) ")
            }
        }
        let blockCount = try NumPyMath.resultCount(blockShape)
        var blockOffsets = Array(repeating: 0, count: blockCount)
        for a in indexArrays {
            let map = try NumPyMath.broadcast(a.shape, blockShape).1
            for b in 0..<blockCount { blockOffsets[b] += a.values[map?[b] ?? (a.values.count == 1 ? 0 : b)] * a.stride }
        }
        let inPlace = advanced.isEmpty || advanced.last.map { $0 - advanced[0] + 1 == advanced.count } ?? true
        var dimensions: [([Int], [Int])] = []  // (offsets, result shape part)
        var constant = 0
        if !advanced.isEmpty && !inPlace { dimensions.append((blockOffsets, blockShape)) }
        for (i, r) in resolved.enumerated() {
            switch r {
            case .dimension(let offsets, let size): dimensions.append((offsets, [size]))
            case .constant(let c): constant += c
            case .advanced: if inPlace && i == advanced.first { dimensions.append((blockOffsets, blockShape)) }
            }
        }
        let shape = dimensions.flatMap(\.1)
        let total = try NumPyMath.resultCount(shape)
        var flat = [constant]
        flat.reserveCapacity(total)
        for (offsets, _) in dimensions {
            var next: [Int] = []
            next.reserveCapacity(flat.count * offsets.count)
            for base in flat { for o in offsets { next.append(base + o) } }
            flat = next
        }
        if shape.isEmpty { return try item(flat.first ?? 0) }
        return env.wrap(NDArrayHost(array.gathering(flat, shape: shape), env: env))
    }
}
