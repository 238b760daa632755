// libFuzzer entry point for the pickle decoder: compiled together with Sources/Pickle/*.swift by
// Scripts/fuzz-pickle. Any crash, sanitizer report, hang or leak of the stack is a bug.

@_cdecl("LLVMFuzzerTestOneInput")
public func pickleFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var decoder = PickleDecoder()
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
    switch value {
    case .ndarray(let a):
        if a.count <= 10_000 {
            _ = a.toList(limit: 100_000)
            _ = a.doubleValues()
        }
        _ = a.element(at: a.count - 1)
        _ = a.element(at: a.shape.map { _ in -1 })
    case .numpyScalar(let s): _ = s.value
    case .dict(let d):
        for (k, _) in d.entries.prefix(100) { _ = d[k] }
    default: break
    }
}
