// The one error the decoder throws: what was wrong and at which byte of the input.

public struct UnpicklingError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What went wrong, e.g. `truncated data (BINUNICODE needs 5 bytes)`.
    public var message: String
    /// Offset in the input of the opcode (or byte) at fault.
    public var offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// `UnpicklingError: truncated data at byte 17 (BINUNICODE needs 5 bytes)` style is produced by
    /// putting the offset after the first clause of the message.
    public var description: String {
        if let paren = message.firstIndex(of: "(") {
            let head = message[..<paren].trimmingSuffixSpaces()
            return "UnpicklingError: \(head) at byte \(offset) \(message[paren...])"
        }
        return "UnpicklingError: \(message) at byte \(offset)"
    }
}

extension Substring {
    fileprivate func trimmingSuffixSpaces() -> Substring {
        var s = self
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
