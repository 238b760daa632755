import Testing
@testable import Pickle

/// Hand-assembled opcode streams checked structurally (no repr involved).
@Suite struct OpcodeTests {
    @Test func smallIntsAndContainers() throws {
        // PROTO 2, EMPTY_LIST, BINPUT 0, MARK, K 1, K 2, APPENDS, STOP
        let value = try unpickle([0x80, 2, 0x5D, 0x71, 0, 0x28, 0x4B, 1, 0x4B, 2, 0x65, 0x2E])
        guard case .list(let list) = value else { Issue.record("not a list: \(value)"); return }
        #expect(list.count == 2)
        guard case .int(2) = list.items[1] else { Issue.record("item 1: \(list.items[1])"); return }
    }

    @Test func memoSharesObjects() throws {
        // EMPTY_LIST MEMOIZE ... : [x, x] where x = []
        let value = try unpickle([0x80, 4, 0x5D, 0x94, 0x28, 0x5D, 0x94, 0x68, 1, 0x65, 0x2E])
        guard case .list(let outer) = value, case .list(let a) = outer.items[0], case .list(let b) = outer.items[1]
        else { Issue.record("shape: \(value)"); return }
        #expect(a === b)
    }

    @Test func dictKeysUsePythonEquality() throws {
        // {1: 'a', 1.0: 'b', True: 'c'} has one key in Python.
        let dict = PickleDict()
        dict.set(.int(1), .string("a"))
        dict.set(.float(1.0), .string("b"))
        dict.set(.bool(true), .string("c"))
        #expect(dict.count == 1)
        guard case .string("c")? = dict[.int(1)] else { Issue.record("value"); return }
    }
}
