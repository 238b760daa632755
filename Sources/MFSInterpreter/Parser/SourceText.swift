// Source bytes as CPython's tokenizer accepts them: UTF-8 with an optional BOM at the start; an
// invalid sequence or a NUL byte is a SyntaxError worded as CPython words it (whichever comes
// first, as CPython checks line by line).

enum SourceProblem: Equatable {
    /// The first byte of an invalid UTF-8 sequence, on a 1-based line.
    case invalidUTF8(byte: UInt8, line: Int)
    /// A NUL byte, on a 1-based line that starts at `lineStart`.
    case nul(offset: Int, line: Int, lineStart: Int)
}

public enum SourceBytes {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The first invalid UTF-8 sequence or NUL byte, or nil for clean text.
    static func firstProblem(in bytes: ArraySlice<UInt8>) -> SourceProblem? {
        var i = bytes.startIndex, line = 1, lineStart = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 0 { return .nul(offset: i, line: line, lineStart: lineStart) }
            if b < 0x80 {
                if b == 0x0A { line += 1; lineStart = i + 1 }
                i += 1
                continue
            }
            guard let n = validSequenceLength(bytes, at: i) else { return .invalidUTF8(byte: b, line: line) }
            i += n
        }
        return nil
    }

    /// Index of the first byte that is not part of a well-formed UTF-8 sequence, if any.
    public static func firstInvalidUTF8(in bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] < 0x80 { i += 1; continue }
            guard let n = validSequenceLength(bytes, at: i) else { return i }
            i += n
        }
        return nil
    }

    /// Length of the well-formed multi-byte sequence at `i` (Unicode's table 3-7: no overlong
    /// forms, no surrogates, nothing past U+10FFFF), or nil.
    static func validSequenceLength(_ bytes: ArraySlice<UInt8>, at i: Int) -> Int? {
        let lead = bytes[i]
        let length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; second = 0xA0...0xBF
        case 0xED: length = 3; second = 0x80...0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; second = 0x90...0xBF
        case 0xF4: length = 4; second = 0x80...0x8F
        case 0xF1...0xF3: length = 4
        default: return nil
        }
        guard i + length <= bytes.endIndex, second.contains(bytes[i + 1]) else { return nil }
        for k in 2..<length where !(0x80...0xBF).contains(bytes[i + k]) { return nil }
        return length
    }
}

extension Interpreter {
    /// A script's bytes as text: a leading UTF-8 BOM is dropped; invalid UTF-8 and NUL bytes
    /// throw CPython's SyntaxError (`UncaughtException`, as `execute` throws).
    public func decodeSource(_ bytes: [UInt8], filename: String) throws -> String {
        var body = bytes[...]
        if body.starts(with: SourceBytes.byteOrderMark) { body = body.dropFirst(SourceBytes.byteOrderMark.count) }
        guard let problem = SourceBytes.firstProblem(in: body) else { return String(decoding: body, as: UTF8.self) }
        let exc: PyException
        switch problem {
        case .invalidUTF8(let byte, let line):
            // CPython reports this before it has a location: the message alone.
            let hex = String(byte, radix: 16)
            exc = PyException.builtin("SyntaxError", "Non-UTF-8 code starting with '\\x\(hex)' in file \(filename) on line \(line), "
                + "but no encoding declared; see https://peps.python.org/pep-0263/ for details")
        case .nul(let offset, let line, let lineStart):
            let message = "source code cannot contain null bytes"
            exc = PyException.builtin("SyntaxError", message)
            let inst = exc.instance
            inst.attrs["msg"] = .str(message)
            inst.attrs["filename"] = .str(filename)
            inst.attrs["lineno"] = .int(line)
            inst.attrs["offset"] = Value.none
            inst.attrs["end_offset"] = Value.none
            inst.attrs["text"] = .str(String(decoding: body[lineStart..<offset], as: UTF8.self))
        }
        throw UncaughtException(exception: exc, tracebackText: formatExceptionText(exc.instance))
    }
}
