import Foundation
import Testing
import NumPyPandas
@testable import Pickle

/// One pickle written by CPython with CPython's repr of the unpickled value (see Scripts/make-pickle-corpus).
struct CorpusRecord: Sendable, CustomTestStringConvertible {
    enum Mode: UInt8, Sendable { case repr = 0, structure = 1, latin1 = 2 }
    let name: String
    let mode: Mode
    let pickle: [UInt8]
    let expected: String
    var testDescription: String { name }
}

enum Corpus {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    /// All records; a missing or malformed corpus is a test failure, not a skip.
    static let records: [CorpusRecord] = {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("corpus.bin").path) else {
            return [CorpusRecord(name: "MISSING corpus.bin (run Scripts/make-pickle-corpus)", mode: .repr,
                                 pickle: [], expected: "")]
        }
        let bytes = [UInt8](data)
        var records: [CorpusRecord] = []
        var i = 0
        func u32() -> Int? {
            guard i + 4 <= bytes.count else { return nil }
            defer { i += 4 }
            return Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 | Int(bytes[i + 3]) << 24
        }
        func take(_ n: Int) -> [UInt8]? {
            guard n >= 0, i + n <= bytes.count else { return nil }
            defer { i += n }
            return Array(bytes[i..<(i + n)])
        }
        while i < bytes.count {
            guard let nl = u32(), let name = take(nl), let mode = take(1), let pl = u32(), let pickle = take(pl),
                  let el = u32(), let expected = take(el), let m = CorpusRecord.Mode(rawValue: mode[0]) else {
                return [CorpusRecord(name: "MALFORMED corpus.bin at \(i)", mode: .repr, pickle: [], expected: "")]
            }
            records.append(CorpusRecord(name: String(decoding: name, as: UTF8.self), mode: m, pickle: pickle,
                                        expected: String(decoding: expected, as: UTF8.self)))
        }
        return records
    }()
}

@Suite struct CorpusTests {
    @Test func corpusIsPresentAndLarge() {
        #expect(Corpus.records.count > 500)
    }

    @Test(arguments: Corpus.records)
    func decodesLikeCPython(_ record: CorpusRecord) throws {
        var decoder = PickleDecoder()
        decoder.reconstructors = [NumPyPandasReconstructor()]
        if record.mode == .latin1 { decoder.stringEncoding = .latin1 }
        let value = try decoder.decode(record.pickle)
        let text = record.mode == .structure ? pythonStructure(value) : pythonRepr(value)
        #expect(text == record.expected)
    }
}
