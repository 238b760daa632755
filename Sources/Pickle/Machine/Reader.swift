// Bounds-checked reading of the input. Every length is checked against what is left before anything
// is allocated, so a 10 GB length prefix fails at once.

struct Reader {
    let input: [UInt8]
    var position: Int = 0
    /// Offset of the opcode being decoded, for error messages.
    var opcodeStart: Int = 0
    var opcodeName: String = ""

    init(_ input: [UInt8]) { self.input = input }

    var remaining: Int { input.count - position }

    func error(_ message: String) -> UnpicklingError { UnpicklingError(message, at: opcodeStart) }

    mutating func byte() throws(UnpicklingError) -> UInt8 {
        guard position < input.count else {
            throw UnpicklingError("truncated data (\(opcodeName) needs 1 byte)", at: position)
        }
        defer { position += 1 }
        return input[position]
    }

    mutating func slice(_ count: Int) throws(UnpicklingError) -> ArraySlice<UInt8> {
        guard count >= 0 else { throw error("negative length \(count) in \(opcodeName)") }
        guard count <= remaining else {
            throw UnpicklingError(
                "truncated data (\(opcodeName) needs \(count) byte\(count == 1 ? "" : "s"), \(remaining) left)",
                at: position)
        }
        defer { position += count }
        return input[position..<(position + count)]
    }

    /// Little-endian unsigned integer of `width` bytes (1...8).
    mutating func unsigned(_ width: Int) throws(UnpicklingError) -> UInt64 {
        let bytes = try slice(width)
        var value: UInt64 = 0
        for (i, b) in bytes.enumerated() { value |= UInt64(b) << (8 * UInt64(i)) }
        return value
    }

    /// A length prefix of `width` bytes, checked against the bytes left in the input.
    mutating func length(_ width: Int) throws(UnpicklingError) -> Int {
        let lengthAt = position
        let raw = try unsigned(width)
        guard raw <= UInt64(remaining) else {
            throw UnpicklingError(
                "truncated data (\(opcodeName) declares \(raw) bytes, \(remaining) left)", at: lengthAt)
        }
        return Int(raw)
    }

    mutating func int32() throws(UnpicklingError) -> Int32 {
        Int32(bitPattern: UInt32(truncatingIfNeeded: try unsigned(4)))
    }

    /// A protocol-0 text argument: bytes up to (not including) the next newline, which is consumed.
    mutating func line() throws(UnpicklingError) -> ArraySlice<UInt8> {
        guard let newline = input[position...].firstIndex(of: 0x0A) else {
            throw UnpicklingError("truncated data (\(opcodeName) needs a line ending in \\n)", at: position)
        }
        defer { position = newline + 1 }
        return input[position..<newline]
    }
}
