import Testing
@testable import NumPyPandas
@testable import Pickle

/// The accessors the shell uses, on values from the CPython corpus (numpy and pandas ones rebuilt by
/// NumPyPandas' reconstructor, as mfsh decodes artifacts).
@Suite struct ValueAPITests {
    func corpusValue(_ name: String) throws -> PickleValue {
        guard let record = Corpus.records.first(where: { $0.name == name }) else {
            Issue.record("corpus record \(name) missing")
            return .none
        }
        return try unpickle(record.pickle, reconstructors: [NumPyPandasReconstructor()])
    }

    /// `toList()[i][j]` is `element(at: [i, j])` for a 2-D array.
    func expectListMatchesElements(_ a: NDArray, sourceLocation: SourceLocation = #_sourceLocation) {
        guard case .list(let rows)? = a.toList(), rows.count == a.shape[0] else {
            Issue.record("toList shape", sourceLocation: sourceLocation); return
        }
        for (i, row) in rows.items.enumerated() {
            guard case .list(let cells) = row, cells.count == a.shape[1] else {
                Issue.record("row \(i)", sourceLocation: sourceLocation); return
            }
            for (j, cell) in cells.items.enumerated() {
                #expect(pythonRepr(cell) == pythonRepr(a.element(at: [i, j]) ?? .none), sourceLocation: sourceLocation)
            }
        }
    }

    @Test func arrayElementsAndConversions() throws {
        guard let a = try corpusValue("np_2d_int.p4").ndarray else { Issue.record("not an array"); return }
        #expect(a.shape == [3, 4])
        #expect(a.dtype.name == "int64" && a.dtype.str == "<i8")
        guard case .int(11)? = a.element(at: [-1, -1]), case .int(4)? = a.element(at: [1, 0]) else {
            Issue.record("elements"); return
        }
        #expect(a.element(at: [3, 0]) == nil)
        #expect(a.doubleValues()?.count == 12)
        expectListMatchesElements(a)
    }

    @Test func fortranOrderIsLogicalOrder() throws {
        guard let a = try corpusValue("np_fortran.p4").ndarray else { Issue.record("not an array"); return }
        #expect(a.isFortranOrder)
        expectListMatchesElements(a)
        guard case .int(3)? = a.element(at: [1, 0]) else { Issue.record("row-major [1, 0]"); return }
    }

    @Test func datetimeElementsFollowItem() throws {
        guard let a = try corpusValue("np_datetime.p4").ndarray else { Issue.record("not an array"); return }
        #expect(pythonRepr(a.element(at: 1) ?? .none) == "datetime.date(2024, 1, 2)")
    }

    @Test func scalarsAndDtypes() throws {
        guard let s = try corpusValue("np_scalar_f8.p2").numpyScalar else { Issue.record("not a scalar"); return }
        guard case .float(1.5) = s.value else { Issue.record("value \(s.value)"); return }
        guard let d = try corpusValue("np_dtype_m8.p4").dtype else { Issue.record("not a dtype"); return }
        #expect(d.kind == "M" && d.unit == "ns" && d.name == "datetime64[ns]")
    }

    @Test func dataFrameStructure() throws {
        guard let df = try corpusValue("pd_frame.p4").dataFrame else { Issue.record("not a DataFrame"); return }
        #expect(df.columnValues.count == 3)
        #expect(df.columnDTypeNames == ["int64", "float64", "str"])
        guard case .range(0, 3, 1) = df.index.values else { Issue.record("index \(df.index.values)"); return }
        guard let c = df.columnValues[2].ndarray, case .string("z")? = c.element(at: 2) else {
            Issue.record("column c"); return
        }
    }

    @Test func objectsKeepEverything() throws {
        guard case .object(let o) = try corpusValue("model_linear.p4") else { Issue.record("not an object"); return }
        #expect(o.module == "__main__" && o.qualifiedName == "LinearModel")
        guard case .dict(let state)? = o.state, let coef = state[string: "coef_"]?.ndarray else {
            Issue.record("state"); return
        }
        #expect(coef.count == 3)
    }

    /// A 40 MB float64 array is decoded without copying its data: the array's bytes are the input's.
    @Test func largeArrayIsNotCopied() throws {
        let count = 5_000_000
        var bytes: [UInt8] = [0x80, 4]
        func unicode(_ s: String) { bytes += [0x8C, UInt8(s.utf8.count)] + Array(s.utf8) }
        unicode("numpy._core.multiarray"); unicode("_reconstruct"); bytes.append(0x93)
        unicode("numpy"); unicode("ndarray"); bytes.append(0x93)
        bytes += [0x4B, 0, 0x85, 0x43, 1, 0x62, 0x87, 0x52]  // (0,), b'b', TUPLE3, REDUCE
        bytes += [0x28, 0x4B, 1]  // MARK, version 1
        bytes += [0x4A] + withUnsafeBytes(of: Int32(count).littleEndian, Array.init) + [0x85]  // shape
        unicode("numpy"); unicode("dtype"); bytes.append(0x93)
        unicode("f8"); bytes += [0x89, 0x88, 0x87, 0x52]
        bytes += [0x28, 0x4B, 3]; unicode("<")
        bytes += [0x4E, 0x4E, 0x4E, 0x4A, 0xFF, 0xFF, 0xFF, 0xFF, 0x4A, 0xFF, 0xFF, 0xFF, 0xFF, 0x4B, 0, 0x74, 0x62]
        bytes.append(0x89)  // not Fortran
        bytes += [0x8E] + withUnsafeBytes(of: UInt64(count * 8).littleEndian, Array.init)
        let payloadStart = bytes.count
        bytes.reserveCapacity(payloadStart + count * 8 + 3)
        for i in 0..<count { bytes += withUnsafeBytes(of: Double(i).bitPattern.littleEndian, Array.init) }
        bytes += [0x74, 0x62, 0x2E]

        let value = try unpickle(bytes, reconstructors: [NumPyPandasReconstructor()])
        guard let a = value.ndarray, case .raw(let raw) = a.storage else { Issue.record("not a raw array"); return }
        #expect(a.count == count)
        let shared = bytes.withUnsafeBufferPointer { input in
            raw.withUnsafeBytes { data in
                guard let dataStart = data.baseAddress, let inputStart = input.baseAddress else { return false }
                return dataStart == UnsafeRawPointer(inputStart + payloadStart)
            }
        }
        #expect(shared, "array data must be a view of the input, not a copy")
        guard case .float(4_999_999)? = a.element(at: count - 1) else { Issue.record("last element"); return }
        let text = pythonRepr(value)
        #expect(text.contains(", ..., ") && text.hasSuffix("shape=(5000000,))") && text.utf8.count < 200)
    }

    /// The decoder itself knows nothing of numpy: without a reconstructor an array stays the object the
    /// pickle recorded, and a reconstructor's refusal is the decode's error.
    @Test func numpyNeedsItsReconstructor() throws {
        guard let record = Corpus.records.first(where: { $0.name == "np_2d_int.p4" }) else {
            Issue.record("corpus record missing"); return
        }
        guard case .object(let o) = try unpickle(record.pickle) else { Issue.record("not a plain object"); return }
        #expect(o.module.hasPrefix("numpy"))
        struct Refuses: ClassReconstructor {
            func reconstruct(_ object: PickleObject, module: String, name: String) throws(ReconstructionError) -> PickleValue? {
                if name == "_reconstruct" { throw ReconstructionError("refused \(module).\(name)") }
                return nil
            }
        }
        do {
            _ = try unpickle(record.pickle, reconstructors: [Refuses()])
            Issue.record("decoded")
        } catch {
            #expect(error.message.contains("refused numpy") && error.message.contains("_reconstruct"))
        }
    }
}
