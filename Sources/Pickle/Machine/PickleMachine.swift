// The pickle virtual machine: an iterative loop over opcodes with an explicit stack, memo and marks.
// It only builds data: REDUCE / NEWOBJ / INST / OBJ record what would have been called as a PickleObject.
// Interpretation of well-known classes happens afterwards (see Interpreter.swift).

struct PickleMachine {
    var reader: Reader
    let options: PickleDecoder
    var stack: [PickleValue] = []
    /// Stack heights at each MARK.
    var marks: [Int] = []
    /// The memo: dense indices (MEMOIZE, and PUTs written by CPython) in an array, others in a dict.
    var memoDense: [PickleValue?] = []
    var memoSparse: [Int: PickleValue] = [:]
    /// Number of memo entries (MEMOIZE stores at `len(memo)`, like Python).
    var memoCount = 0
    var proto = 0
    var nextBuffer = 0
    /// Every container created, so that deep garbage can be dismantled without recursion.
    var nodes: [PickleValue] = []
    var allocated = 0
    let allocationLimit: Int

    init(input: [UInt8], decoder: PickleDecoder) {
        reader = Reader(input)
        options = decoder
        let perByte = input.count.multipliedReportingOverflow(by: max(decoder.allocationPerInputByte, 1))
        let sum = perByte.partialValue.addingReportingOverflow(decoder.allocationFloor)
        allocationLimit = perByte.overflow || sum.overflow ? Int.max : sum.partialValue
    }

    func error(_ message: String) -> UnpicklingError { reader.error(message) }

    mutating func charge(_ bytes: Int) throws(UnpicklingError) {
        allocated = allocated &+ bytes
        if allocated > allocationLimit || allocated < 0 {
            throw error("allocation limit exceeded (\(allocationLimit) bytes for \(reader.input.count) input bytes)")
        }
    }

    mutating func push(_ value: PickleValue) { stack.append(value) }

    /// A new container: charged and registered.
    mutating func pushNode(_ value: PickleValue, cost: Int = 64) throws(UnpicklingError) {
        try charge(cost)
        nodes.append(value)
        stack.append(value)
    }

    var frameBottom: Int { marks.last ?? 0 }

    mutating func pop() throws(UnpicklingError) -> PickleValue {
        guard stack.count > frameBottom, let value = stack.popLast() else {
            throw error("stack underflow (\(reader.opcodeName) needs a value)")
        }
        return value
    }

    func top() throws(UnpicklingError) -> PickleValue {
        guard stack.count > frameBottom, let value = stack.last else {
            throw error("stack underflow (\(reader.opcodeName) needs a value)")
        }
        return value
    }

    /// Pops everything above the most recent MARK, and the MARK.
    mutating func popMark() throws(UnpicklingError) -> [PickleValue] {
        guard let mark = marks.popLast() else { throw error("no MARK on the stack (\(reader.opcodeName))") }
        let items = Array(stack[mark...])
        stack.removeSubrange(mark...)
        return items
    }

    mutating func run() throws(UnpicklingError) -> PickleValue {
        do {
            let result = try loop()
            memoDense = []; memoSparse = [:]; stack = []
            return try finish(result)
        } catch {
            memoDense = []; memoSparse = [:]; stack = []
            dismantleAll()
            throw error
        }
    }

    /// Clears every container's children while `nodes` still holds them all, so that releasing a deep
    /// structure never recurses.
    mutating func dismantleAll() {
        for node in nodes { dismantle(node) }
        nodes = []
    }

    mutating func loop() throws(UnpicklingError) -> PickleValue {
        while true {
            reader.opcodeStart = reader.position
            guard reader.position < reader.input.count else {
                throw UnpicklingError("truncated data (pickle ended before STOP)", at: reader.position)
            }
            let op = reader.input[reader.position]
            reader.position += 1
            reader.opcodeName = opcodeName(op)
            if op == UInt8(ascii: ".") {
                let value = try pop()
                return value
            }
            try step(op)
        }
    }

    mutating func step(_ op: UInt8) throws(UnpicklingError) {
        switch op {
        // MARK: protocol and framing
        case 0x80:  // PROTO
            let p = Int(try reader.byte())
            guard p <= 5 else { throw error("unsupported pickle protocol \(p)") }
            proto = p
        case 0x95:  // FRAME: only checks that the frame is really there
            _ = try reader.length(8)
        // MARK: constants
        case UInt8(ascii: "N"): push(.none)
        case 0x88: push(.bool(true))
        case 0x89: push(.bool(false))
        // MARK: integers
        case UInt8(ascii: "J"): push(.int(Int(try reader.int32())))
        case UInt8(ascii: "K"): push(.int(Int(try reader.byte())))
        case UInt8(ascii: "M"): push(.int(Int(try reader.unsigned(2))))
        case 0x8A:  // LONG1
            let n = try reader.length(1)
            push(decodeLong(try reader.slice(n)))
        case 0x8B:  // LONG4
            let n = Int(try reader.int32())
            guard n >= 0 else { throw error("LONG4 byte count is negative (\(n))") }
            guard n <= reader.remaining else {
                throw UnpicklingError("truncated data (LONG4 declares \(n) bytes, \(reader.remaining) left)",
                                      at: reader.position - 4)
            }
            try charge(n)
            push(decodeLong(try reader.slice(n)))
        case UInt8(ascii: "I"):
            let line = try reader.line()
            if line.elementsEqual("00".utf8) { push(.bool(false)); break }
            if line.elementsEqual("01".utf8) { push(.bool(true)); break }
            guard let value = parseIntText(line) else { throw error("invalid INT literal \(quoted(line))") }
            push(value)
        case UInt8(ascii: "L"):
            let line = try reader.line()
            guard let value = parseIntText(line) else { throw error("invalid LONG literal \(quoted(line))") }
            push(value)
        // MARK: floats
        case UInt8(ascii: "G"):
            let bits = try reader.slice(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            push(.float(Double(bitPattern: bits)))
        case UInt8(ascii: "F"):
            let line = try reader.line()
            guard let value = parseFloatText(line) else { throw error("invalid FLOAT literal \(quoted(line))") }
            push(.float(value))
        // MARK: strings and bytes
        case UInt8(ascii: "X"): try pushUnicode(try reader.length(4))
        case 0x8C: try pushUnicode(try reader.length(1))
        case 0x8D: try pushUnicode(try reader.length(8))
        case UInt8(ascii: "V"):
            let line = try reader.line()
            guard let s = decodeRawUnicodeEscape(line) else { throw error("invalid raw-unicode-escape in UNICODE") }
            try charge(line.count)
            push(.string(s))
        case UInt8(ascii: "T"):
            let n = Int(try reader.int32())
            guard n >= 0 else { throw error("BINSTRING length is negative (\(n))") }
            try pushByteString(try reader.slice(n))
        case UInt8(ascii: "U"): try pushByteString(try reader.slice(try reader.length(1)))
        case UInt8(ascii: "S"):
            let line = try reader.line()
            guard let raw = decodeQuotedString(line) else { throw error("the STRING opcode argument must be quoted") }
            try pushByteString(raw[...])
        case UInt8(ascii: "B"): push(.bytes(PickleBytes(try reader.slice(try reader.length(4)))))
        case UInt8(ascii: "C"): push(.bytes(PickleBytes(try reader.slice(try reader.length(1)))))
        case 0x8E: push(.bytes(PickleBytes(try reader.slice(try reader.length(8)))))
        case 0x96:  // BYTEARRAY8
            let bytes = PickleBytes(try reader.slice(try reader.length(8)))
            try pushNode(.bytearray(PickleByteArray(bytes)))
        case 0x97:  // NEXT_BUFFER
            guard nextBuffer < options.buffers.count else {
                throw error("pickle stream refers to out-of-band data but no buffers were given")
            }
            try pushNode(.bytearray(PickleByteArray(options.buffers[nextBuffer])))
            nextBuffer += 1
        case 0x98:  // READONLY_BUFFER: a read-only view of the buffer on top
            let value = try pop()
            switch value {
            case .bytes: push(value)
            case .bytearray(let b): push(.bytes(b.bytes))
            default: throw error("READONLY_BUFFER needs a buffer on the stack, not \(kindName(value))")
            }
        // MARK: containers
        case UInt8(ascii: "]"): try pushNode(.list(PickleList()))
        case UInt8(ascii: "}"): try pushNode(.dict(PickleDict()))
        case UInt8(ascii: ")"): try pushNode(.tuple(PickleTuple([])))
        case 0x8F: try pushNode(.set(PickleSet()))
        case UInt8(ascii: "l"):
            let items = try popMark()
            try pushNode(.list(PickleList(items)), cost: 64 + 16 * items.count)
        case UInt8(ascii: "t"):
            let items = try popMark()
            try pushNode(.tuple(PickleTuple(items)), cost: 64 + 16 * items.count)
        case 0x85, 0x86, 0x87:  // TUPLE1..3
            let n = Int(op - 0x84)
            guard stack.count - frameBottom >= n else { throw error("stack underflow (\(reader.opcodeName) needs \(n) values)") }
            let items = Array(stack.suffix(n))
            stack.removeLast(n)
            try pushNode(.tuple(PickleTuple(items)), cost: 64 + 16 * n)
        case UInt8(ascii: "d"):
            let items = try popMark()
            let dict = PickleDict()
            try setItems(items, into: dict)
            try pushNode(.dict(dict), cost: 64 + 32 * items.count)
        case 0x91:  // FROZENSET
            let items = try popMark()
            let set = PickleSet()
            for item in items { set.insert(item) }
            try pushNode(.frozenset(set), cost: 64 + 32 * items.count)
        case UInt8(ascii: "a"):
            let item = try pop()
            try append([item], to: try top())
        case UInt8(ascii: "e"):
            let items = try popMark()
            try append(items, to: try top())
        case UInt8(ascii: "s"):
            let value = try pop(), key = try pop()
            try setItems([key, value], into: try top())
        case UInt8(ascii: "u"):
            let items = try popMark()
            try setItems(items, into: try top())
        case 0x90:  // ADDITEMS
            let items = try popMark()
            try addItems(items, to: try top())
        // MARK: stack manipulation
        case UInt8(ascii: "("):
            marks.append(stack.count)
            try charge(8)
        case UInt8(ascii: "0"):  // POP: an empty frame pops its MARK instead, as Python does
            if stack.count > frameBottom { stack.removeLast() } else { _ = try popMark() }
        case UInt8(ascii: "1"): _ = try popMark()
        case UInt8(ascii: "2"):
            push(try top())
            try charge(16)
        // MARK: memo
        case UInt8(ascii: "p"):
            let line = try reader.line()
            guard case .int(let index)? = parseIntText(line), index >= 0 else {
                throw error("invalid PUT index \(quoted(line))")
            }
            try memoize(index)
        case UInt8(ascii: "q"): try memoize(Int(try reader.byte()))
        case UInt8(ascii: "r"): try memoize(Int(try reader.unsigned(4)))
        case 0x94: try memoize(memoCount)
        case UInt8(ascii: "g"):
            let line = try reader.line()
            guard case .int(let index)? = parseIntText(line) else { throw error("invalid GET index \(quoted(line))") }
            try fetch(index)
        case UInt8(ascii: "h"): try fetch(Int(try reader.byte()))
        case UInt8(ascii: "j"): try fetch(Int(try reader.unsigned(4)))
        // MARK: globals and calls
        case UInt8(ascii: "c"):
            let module = try textLine(), name = try textLine()
            push(global(module, name))
        case 0x93:  // STACK_GLOBAL
            let nameValue = try pop(), moduleValue = try pop()
            guard case .string(let name) = nameValue, case .string(let module) = moduleValue else {
                throw error("STACK_GLOBAL requires str module and name")
            }
            push(global(module, name))
        case 0x82: push(.extensionCode(Int(try reader.byte())))
        case 0x83: push(.extensionCode(Int(try reader.unsigned(2))))
        case 0x84:
            let code = Int(try reader.int32())
            guard code > 0 else { throw error("EXT4 code must be positive (\(code))") }
            push(.extensionCode(code))
        case UInt8(ascii: "R"):
            let args = try pop(), callable = try pop()
            guard case .tuple(let tuple) = args else {
                throw error("REDUCE arguments must be a tuple, not \(kindName(args))")
            }
            try pushNode(.object(makeCall(callable, args: tuple.items)))
        case 0x81:  // NEWOBJ
            let args = try pop(), cls = try pop()
            guard case .tuple(let tuple) = args else {
                throw error("NEWOBJ arguments must be a tuple, not \(kindName(args))")
            }
            try pushNode(.object(PickleObject(callable: cls, construction: .newObject, args: tuple.items)))
        case 0x92:  // NEWOBJ_EX
            let kwargs = try pop(), args = try pop(), cls = try pop()
            guard case .tuple(let tuple) = args else {
                throw error("NEWOBJ_EX arguments must be a tuple, not \(kindName(args))")
            }
            guard case .dict(let dict) = kwargs else {
                throw error("NEWOBJ_EX keyword arguments must be a dict, not \(kindName(kwargs))")
            }
            try pushNode(.object(PickleObject(callable: cls, construction: .newObject, args: tuple.items,
                                              kwargs: dict.isEmpty ? nil : dict)))
        case UInt8(ascii: "i"):  // INST
            let module = try textLine(), name = try textLine()
            let args = try popMark()
            try pushNode(.object(PickleObject(callable: global(module, name), construction: .instantiate, args: args)))
        case UInt8(ascii: "o"):  // OBJ
            var items = try popMark()
            guard !items.isEmpty else { throw error("OBJ needs a class after the MARK") }
            let cls = items.removeFirst()
            try pushNode(.object(PickleObject(callable: cls, construction: .instantiate, args: items)))
        case UInt8(ascii: "b"):  // BUILD
            let state = try pop()
            let target = try top()
            guard case .object(let object) = target else {
                throw error("BUILD on \(kindName(target)): only objects take state")
            }
            if let old = object.state, !isDict(old) || !isDict(state) {
                object.additionalStates.append(state)
            } else {
                object.state = mergedState(object.state, state)
            }
        case UInt8(ascii: "P"), UInt8(ascii: "Q"):
            throw error("persistent IDs are not supported (\(reader.opcodeName) needs a persistent_load)")
        default:
            throw error("unknown opcode 0x\(String(op, radix: 16))\(op >= 0x20 && op < 0x7F ? " ('\(Character(Unicode.Scalar(op)))')" : "")")
        }
    }

    // MARK: helpers

    mutating func pushUnicode(_ count: Int) throws(UnpicklingError) {
        let bytes = try reader.slice(count)
        guard let s = decodeUTF8SurrogatePass(bytes) else {
            throw error("invalid UTF-8 in \(reader.opcodeName)")
        }
        try charge(16)
        push(.string(s))
    }

    mutating func pushByteString(_ bytes: ArraySlice<UInt8>) throws(UnpicklingError) {
        try charge(16)
        switch options.stringEncoding {
        case .bytes: push(.bytes(PickleBytes(bytes)))
        case .latin1: push(.string(decodeLatin1(bytes)))
        case .ascii:
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                throw error("non-ASCII byte in \(reader.opcodeName) (a Python 2 str; decode with encoding latin1 or bytes)")
            }
            push(.string(String(decoding: bytes, as: UTF8.self)))
        }
    }

    mutating func textLine() throws(UnpicklingError) -> String {
        let line = try reader.line()
        guard let s = String(validating: line, as: UTF8.self) else { throw error("invalid UTF-8 in \(reader.opcodeName)") }
        return s
    }

    /// A global reference; protocol < 3 names are mapped from Python 2 like `fix_imports=True`.
    func global(_ module: String, _ name: String) -> PickleValue {
        if proto < 3 {
            let (m, n) = python2Name(module: module, name: name)
            return .global(module: m, name: n)
        }
        return .global(module: module, name: name)
    }

    mutating func memoize(_ index: Int) throws(UnpicklingError) {
        let value = try top()
        let isNew: Bool
        if index < memoDense.count {
            isNew = memoDense[index] == nil
            memoDense[index] = value
        } else if index == memoDense.count {
            isNew = true
            memoDense.append(value)
        } else {
            isNew = memoSparse.updateValue(value, forKey: index) == nil
        }
        if isNew {
            memoCount += 1
            try charge(48)
        }
    }

    mutating func fetch(_ index: Int) throws(UnpicklingError) {
        let found = index >= 0 && index < memoDense.count ? memoDense[index] : memoSparse[index]
        guard let value = found else { throw error("memo value not found at index \(index)") }
        try charge(16)
        push(value)
    }

    /// REDUCE: what would be called. `copyreg` helpers are unwrapped here so that later BUILD/APPENDS
    /// land on an object of the real class.
    func makeCall(_ callable: PickleValue, args: [PickleValue]) -> PickleObject {
        if case .global("copyreg", let name) = callable {
            if name == "_reconstructor", args.count == 3, case .global = args[0] {
                let object = PickleObject(callable: args[0], construction: .reconstructor, args: [])
                switch (args[1], args[2]) {
                case (_, .none): break
                case (.global("builtins", "tuple"), .tuple(let t)): object.args = t.items
                case (.global("builtins", "list"), .list(let l)): object.listItems = l.items
                case (.global("builtins", "dict"), .dict(let d)): object.dictItems = d
                default: object.args = [args[2]]
                }
                return object
            }
            if name == "__newobj__", let cls = args.first {
                return PickleObject(callable: cls, construction: .newObject, args: Array(args.dropFirst()))
            }
            if name == "__newobj_ex__", args.count == 3, case .tuple(let t) = args[1], case .dict(let kw) = args[2] {
                return PickleObject(callable: args[0], construction: .newObject, args: t.items,
                                    kwargs: kw.isEmpty ? nil : kw)
            }
        }
        return PickleObject(callable: callable, construction: .reduce, args: args)
    }

    func isDict(_ v: PickleValue) -> Bool { if case .dict = v { return true }; return false }

    /// A second BUILD updates a dict state (like `__dict__.update`); otherwise the last state wins.
    func mergedState(_ old: PickleValue?, _ new: PickleValue) -> PickleValue {
        if case .dict(let a)? = old, case .dict(let b) = new {
            for (k, v) in b.entries { a.set(k, v) }
            return old ?? new
        }
        return new
    }

    mutating func append(_ items: [PickleValue], to target: PickleValue) throws(UnpicklingError) {
        try charge(16 * items.count)
        switch target {
        case .list(let list): list.items.append(contentsOf: items)
        case .object(let object): object.listItems.append(contentsOf: items)
        default: throw error("\(reader.opcodeName) on \(kindName(target)): only lists and objects take items")
        }
    }

    mutating func setItems(_ items: [PickleValue], into target: PickleValue) throws(UnpicklingError) {
        guard items.count % 2 == 0 else { throw error("odd number of items for \(reader.opcodeName)") }
        try charge(32 * items.count)
        let dict: PickleDict
        switch target {
        case .dict(let d): dict = d
        case .object(let object):
            if let d = object.dictItems { dict = d } else {
                dict = PickleDict(); object.dictItems = dict; nodes.append(.dict(dict))
            }
        default: throw error("\(reader.opcodeName) on \(kindName(target)): only dicts and objects take items")
        }
        try setItems(items, into: dict)
    }

    func setItems(_ items: [PickleValue], into dict: PickleDict) throws(UnpicklingError) {
        guard items.count % 2 == 0 else { throw error("odd number of items for \(reader.opcodeName)") }
        var i = 0
        while i < items.count { dict.set(items[i], items[i + 1]); i += 2 }
    }

    mutating func addItems(_ items: [PickleValue], to target: PickleValue) throws(UnpicklingError) {
        try charge(32 * items.count)
        switch target {
        case .set(let set): for item in items { set.insert(item) }
        case .object(let object): object.listItems.append(contentsOf: items)
        default: throw error("ADDITEMS on \(kindName(target)): only sets and objects take items")
        }
    }

    func quoted(_ bytes: ArraySlice<UInt8>) -> String {
        "'" + String(decoding: bytes.prefix(40), as: UTF8.self) + (bytes.count > 40 ? "..." : "") + "'"
    }
}

/// A short name of a value's type for error messages.
func kindName(_ value: PickleValue) -> String {
    switch value {
    case .none: return "None"
    case .bool: return "bool"
    case .int, .bigInt: return "int"
    case .float: return "float"
    case .complex: return "complex"
    case .string: return "str"
    case .bytes: return "bytes"
    case .bytearray: return "bytearray"
    case .tuple: return "tuple"
    case .list: return "list"
    case .dict: return "dict"
    case .set: return "set"
    case .frozenset: return "frozenset"
    case .global(let m, let n): return "global \(m).\(n)"
    case .object(let o): return "\(o.module).\(o.qualifiedName) object"
    default: return "value"
    }
}
