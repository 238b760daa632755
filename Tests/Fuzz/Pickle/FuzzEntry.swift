// libFuzzer entry point for the pickle decoder and NumPyPandas' reconstruction and printing of numpy
// and pandas values: compiled by Scripts/fuzz-pickle with NumPyPandas' Arrays/, Frames/ and Printing/
// against the Pickle module. Any crash, sanitizer report, hang or leak of the stack is a bug.
import Pickle

@_cdecl("LLVMFuzzerTestOneInput")
public func pickleFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var decoder = PickleDecoder()
    decoder.reconstructors = [NumPyPandasReconstructor()]
    decoder.allocationFloor = 16 << 20
    for encoding in [PickleStringEncoding.ascii, .latin1] {
        decoder.stringEncoding = encoding
        guard let value = try? decoder.decode(bytes) else { continue }
        exercise(value)
    }
    return 0
}

/// Walks the displays and accessors the shell will use.
private func exercise(_ value: PickleValue) {
    _ = pythonRepr(value)
    _ = pythonStructure(value)
    if let a = value.ndarray {
        if a.count <= 10_000 {
            _ = a.toList(limit: 100_000)
            _ = a.doubleValues()
        }
        _ = a.element(at: a.count - 1)
        _ = a.element(at: a.shape.map { _ in -1 })
    }
    if let s = value.numpyScalar { _ = s.value }
    if case .dict(let d) = value {
        for (k, _) in d.entries.prefix(100) { _ = d[k] }
    }
}
