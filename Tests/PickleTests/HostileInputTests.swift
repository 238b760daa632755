import Testing
@testable import Pickle

/// Inputs an attacker (or a corrupt datastore) could hand us: every one must fail with an
/// UnpicklingError, fast, without crashing or allocating what a length prefix claims.
@Suite struct HostileInputTests {
    func expectFailure(_ bytes: [UInt8], _ fragment: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let value = try unpickle(bytes)
            Issue.record("decoded instead of failing: \(pythonRepr(value).prefix(80))", sourceLocation: sourceLocation)
        } catch {
            #expect(error.description.contains(fragment), "\(error.description)", sourceLocation: sourceLocation)
            #expect(error.offset >= 0 && error.offset <= bytes.count, sourceLocation: sourceLocation)
        }
    }

    @Test func truncatedAtEveryOffset() {
        let samples = Corpus.records.enumerated().filter { $0.offset % 4 == 0 && $0.element.pickle.count < 700 }
        #expect(samples.count > 100)
        for (_, record) in samples {
            var decoder = PickleDecoder()
            if record.mode == .latin1 { decoder.stringEncoding = .latin1 }
            for cut in 0..<record.pickle.count {
                do {
                    _ = try decoder.decode(Array(record.pickle[..<cut]))
                    Issue.record("\(record.name) cut at \(cut) decoded")
                } catch {
                    #expect(error.offset <= cut, "\(record.name) cut at \(cut): \(error)")
                }
            }
        }
    }

    @Test func truncationMessageNamesOpcodeAndOffset() {
        // PROTO 4, BINUNICODE declaring 5 bytes with 2 present.
        do {
            _ = try unpickle([0x80, 4, 0x58, 5, 0, 0, 0, 0x61, 0x62])
            Issue.record("decoded")
        } catch {
            #expect(error.description == "UnpicklingError: truncated data at byte 3 (BINUNICODE declares 5 bytes, 2 left)")
        }
    }

    @Test func unknownOpcode() { expectFailure([0x80, 4, 0xFF, 0x2E], "unknown opcode 0xff at byte 2") }
    @Test func memoIndexOutOfRange() { expectFailure([0x80, 4, 0x68, 5, 0x2E], "memo value not found at index 5") }
    @Test func stackUnderflow() {
        expectFailure([0x80, 4, 0x2E], "stack underflow")
        expectFailure([0x80, 4, 0x4B, 1, 0x61, 0x2E], "stack underflow")
        expectFailure([0x80, 4, 0x87, 0x2E], "stack underflow")
        expectFailure([0x80, 4, 0x65, 0x2E], "no MARK")
    }
    @Test func persistentIDsAreRefused() { expectFailure(Array("Pabc\n.".utf8), "persistent IDs are not supported") }
    @Test func outOfBandBufferWithoutBuffers() { expectFailure([0x80, 5, 0x97, 0x2E], "out-of-band") }
    @Test func badProtocol() { expectFailure([0x80, 9, 0x4E, 0x2E], "unsupported pickle protocol 9") }
    @Test func invalidUTF8() { expectFailure([0x80, 4, 0x8C, 2, 0xC3, 0x28, 0x2E], "invalid UTF-8") }
    @Test func nonASCIIPython2StringNeedsAnEncoding() {
        expectFailure([0x55, 1, 0xE9, 0x2E], "non-ASCII")
        var decoder = PickleDecoder()
        decoder.stringEncoding = .latin1
        #expect((try? decoder.decode([0x55, 1, 0xE9, 0x2E])).map(pythonRepr) == "'\u{E9}'")
    }

    @Test func hugeLengthPrefixesFailFast() {
        let tenGB: [UInt8] = [0x00, 0xE4, 0x0B, 0x54, 0x02, 0x00, 0x00, 0x00]  // 10_000_000_000 little-endian
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            expectFailure([0x80, 4, 0x8E] + tenGB + [0x2E], "BINBYTES8 declares 10000000000 bytes")
            expectFailure([0x80, 4, 0x8D] + tenGB + [0x2E], "BINUNICODE8 declares")
            expectFailure([0x80, 5, 0x96] + tenGB + [0x2E], "BYTEARRAY8 declares")
            expectFailure([0x80, 4, 0x95] + tenGB + [0x2E], "FRAME declares")
            expectFailure([0x80, 4, 0x42, 0xFF, 0xFF, 0xFF, 0xFF, 0x2E], "BINBYTES declares 4294967295")
            expectFailure([0x80, 4, 0x8B, 0xFF, 0xFF, 0xFF, 0x7F, 0x2E], "LONG4 declares")
        }
        // Generous: a guard against allocating what the prefix declares, not a timing target.
        #expect(elapsed < .seconds(10))
    }

    @Test func deepNestingOnTheStackIsRejected() {
        // MARK x 100000, then LIST x 100000: lists nested 100,000 deep.
        let depth = 100_000
        let bytes: [UInt8] = [0x80, 2] + Array(repeating: 0x28, count: depth) + Array(repeating: 0x6C, count: depth) + [0x2E]
        expectFailure(bytes, "nesting deeper than the limit of 1000 levels")
    }

    @Test func deepNestingThroughTheMemoIsRejected() {
        // root = []; cur = root; 100000 times: new = []; cur.append(new); cur = new. Constant stack depth.
        var bytes: [UInt8] = [0x80, 4, 0x5D, 0x71, 0, 0x71, 1, 0x30]
        for _ in 0..<100_000 { bytes += [0x68, 1, 0x5D, 0x71, 1, 0x61, 0x30] }
        bytes += [0x68, 0, 0x2E]
        expectFailure(bytes, "nesting deeper than the limit")
        // The same chain left unreachable (only in the memo) must not crash on release either.
        var garbage = Array(bytes.dropLast(3))
        garbage += [0x4E, 0x2E]
        expectFailure(garbage, "nesting deeper than the limit")
    }

    @Test func nestingWithinTheLimitDecodes() throws {
        let depth = 900
        let bytes: [UInt8] = [0x80, 2] + Array(repeating: 0x28, count: depth) + Array(repeating: 0x6C, count: depth) + [0x2E]
        let value = try unpickle(bytes)
        #expect(pythonRepr(value).hasPrefix("[[[[["))
    }

    @Test func selfReferencesPrintLikePython() throws {
        // l = []; l.append(l)  ->  [[...]]
        let value = try unpickle([0x80, 4, 0x5D, 0x94, 0x68, 0, 0x61, 0x2E])
        #expect(pythonRepr(value) == "[[...]]")
        // An object whose state is itself.
        // SHORT_BINUNICODE 'm', SHORT_BINUNICODE 'C', STACK_GLOBAL, EMPTY_TUPLE, NEWOBJ, MEMOIZE, BINGET 0, BUILD
        let obj = try unpickle([0x80, 4, 0x8C, 1, 0x6D, 0x8C, 1, 0x43, 0x93, 0x29, 0x81, 0x94, 0x68, 0, 0x62, 0x2E])
        #expect(pythonRepr(obj) == "<m.C object>")
        #expect(pythonStructure(obj).hasPrefix("OBJECT m.C STATE <m.C object>"))
    }

    @Test func exponentialTupleDagStaysCheap() throws {
        // t = (); 64 times t = (t, t): 2^64 leaves as a tree, 64 nodes as a graph.
        var bytes: [UInt8] = [0x80, 4, 0x29, 0x71, 0]
        for _ in 0..<64 { bytes += [0x68, 0, 0x86, 0x71, 0] }
        bytes += [0x2E]
        let clock = ContinuousClock()
        var text = ""
        let elapsed = try clock.measure {
            let value = try unpickle(bytes)
            let dict = PickleDict()
            dict.set(value, .int(1))
            dict.set(value, .int(2))
            #expect(dict.count == 1)
            text = pythonRepr(value)
        }
        #expect(text.utf8.count <= maxReprLength + 10_000)  // closing brackets of the open levels
        #expect(elapsed < .seconds(30))
    }

    @Test func outOfBandBuffers() throws {
        var decoder = PickleDecoder()
        decoder.buffers = [PickleBytes([1, 2, 3])]
        let value = try decoder.decode([0x80, 5, 0x97, 0x98, 0x2E])
        #expect(pythonRepr(value) == "b'\\x01\\x02\\x03'")
    }

    @Test func allocationLimitStopsBlowUp() {
        var decoder = PickleDecoder()
        decoder.allocationFloor = 1 << 16
        decoder.allocationPerInputByte = 1
        let bytes: [UInt8] = [0x80, 4] + Array(repeating: 0x5D, count: 10_000) + [0x2E]
        do {
            _ = try decoder.decode(bytes)
            Issue.record("decoded")
        } catch {
            #expect(error.message.contains("allocation limit exceeded"))
        }
    }
}
