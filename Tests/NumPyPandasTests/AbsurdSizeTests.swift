import Testing
@testable import NumPyPandas
import Pickle

/// Values that are legal in a pickle but absurd in size: accessors must refuse, not trap or hang.
@Suite struct AbsurdSizeTests {
    @Test func emptyArrayWithHugeDimension() throws {
        let a = NDArray(dtype: NDDType(kind: "f", itemSize: 8, byteOrder: "<"), shape: [1 << 60, 0],
                        isFortranOrder: false, storage: .raw(PickleBytes([UInt8]())))
        #expect(a.toList() == nil)
        #expect(pythonRepr(.ndarray(a)).hasPrefix("array([]"))
    }

    @Test func extremeRangeIndexAndDates() {
        #expect(rangeLength(start: Int.min, stop: Int.max, step: 1) == Int.max)
        #expect(rangeLength(start: 0, stop: 10, step: 3) == 4)
        #expect(rangeLength(start: 10, stop: 0, step: -3) == 4)
        let years = NDDType(kind: "M", itemSize: 8, byteOrder: "<", unit: "Y")
        #expect(datetime64Text(Int64.max - 1, years) == String(Int64.max - 1))
    }
}
