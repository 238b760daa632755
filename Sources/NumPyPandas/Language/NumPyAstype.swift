// astype(str) and astype(object): numbers as numpy writes them (str() of each numpy scalar) in numpy's
// default string width for the source type, or as the Python objects `tolist()` gives.
import MFSInterpreter
import Pickle

extension NDArrayHost {
    /// nil when `target` names neither str nor object.
    func textOrObjectCast(_ target: Value) throws -> Value? {
        let name: String
        switch target {
        case .type(let c): name = c.name
        case .str(let s): name = s
        default: return nil
        }
        let n = array.count
        switch name {
        case "object", "O":
            return env.wrap(NDArrayHost(.objects((0..<n).map { array.element(at: $0) ?? .none }, shape: array.shape), env: env))
        case "str", "U":
            guard "biuf".contains(array.dtype.kind) else {
                if array.dtype.kind == "U" { return env.wrap(NDArrayHost(array.gathering(Array(0..<n), shape: array.shape), env: env)) }
                throw PyException.typeError("astype(str) of an array of \(array.dtype.name) is not supported by mfsh")
            }
            // numpy's width: enough for any value of the type (a float's repr fits in 32).
            let size = array.dtype.itemSize
            let width: Int
            switch array.dtype.kind {
            case "b": width = 5
            case "f": width = 32
            case "u": width = [1: 3, 2: 5, 4: 10][size] ?? 20
            default: width = [1: 4, 2: 6, 4: 11][size] ?? 21
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(n * width * 4)
            for i in 0..<n {
                let scalars = Array((array.scalar(atFlat: i)?.strText ?? "").unicodeScalars.prefix(width))
                for s in scalars { let c = s.value; bytes += [UInt8(c & 0xff), UInt8(c >> 8 & 0xff), UInt8(c >> 16 & 0xff), UInt8(c >> 24)] }
                bytes += [UInt8](repeating: 0, count: (width - scalars.count) * 4)
            }
            let text = NDArray(dtype: NDDType(kind: "U", itemSize: width * 4, byteOrder: "<"), shape: array.shape, isFortranOrder: false,
                               storage: .raw(PickleBytes(bytes)))
            return env.wrap(NDArrayHost(text, env: env))
        default:
            return nil
        }
    }
}
