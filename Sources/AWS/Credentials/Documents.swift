// The two answer formats credential endpoints use: JSON (container endpoint, instance metadata,
// credential_process) and STS's XML. Only what credentials need: a JSON object's top-level
// strings and numbers, and the text of named XML elements.

enum JSONObject {
    /// The top-level members of a JSON object that are strings (numbers as their text); nil if
    /// the text is not a JSON object.
    static func strings(_ text: String) -> [String: String]? {
        var parser = Parser(bytes: Array(text.utf8))
        parser.skipSpace()
        guard let members = parser.object() else { return nil }
        parser.skipSpace()
        return parser.at == parser.bytes.count ? members : nil
    }

    private struct Parser {
        let bytes: [UInt8]
        var at = 0

        mutating func skipSpace() {
            while at < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[at]) { at += 1 }
        }

        mutating func object() -> [String: String]? {
            guard at < bytes.count, bytes[at] == UInt8(ascii: "{") else { return nil }
            at += 1
            var members: [String: String] = [:]
            skipSpace()
            if at < bytes.count, bytes[at] == UInt8(ascii: "}") { at += 1; return members }
            while true {
                skipSpace()
                guard let key = string() else { return nil }
                skipSpace()
                guard at < bytes.count, bytes[at] == UInt8(ascii: ":") else { return nil }
                at += 1
                skipSpace()
                guard at < bytes.count else { return nil }
                if bytes[at] == UInt8(ascii: "\"") {
                    guard let s = string() else { return nil }
                    members[key] = s
                } else {
                    let start = at
                    guard skipValue() else { return nil }
                    let raw = String(decoding: bytes[start..<at], as: UTF8.self)
                    if let first = raw.utf8.first, first == UInt8(ascii: "-") || (first >= 48 && first <= 57) { members[key] = raw }
                }
                skipSpace()
                guard at < bytes.count else { return nil }
                if bytes[at] == UInt8(ascii: ",") { at += 1; continue }
                if bytes[at] == UInt8(ascii: "}") { at += 1; return members }
                return nil
            }
        }

        /// Skips a number, literal, array or object (nested values credentials do not need).
        mutating func skipValue() -> Bool {
            guard at < bytes.count else { return false }
            switch bytes[at] {
            case UInt8(ascii: "\""): return string() != nil
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while at < bytes.count {
                    let c = bytes[at]
                    if c == UInt8(ascii: "\"") { guard string() != nil else { return false }; continue }
                    if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { depth += 1 }
                    if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") { depth -= 1 }
                    at += 1
                    if depth == 0 { return true }
                }
                return false
            default:
                let start = at
                while at < bytes.count, !",}] \t\r\n".utf8.contains(bytes[at]) { at += 1 }
                return at > start
            }
        }

        mutating func string() -> String? {
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
            at += 1
            var out: [UInt8] = []
            while at < bytes.count {
                let c = bytes[at]
                at += 1
                if c == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
                guard c == UInt8(ascii: "\\") else { out.append(c); continue }
                guard at < bytes.count else { return nil }
                let e = bytes[at]
                at += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0a)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0d)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0c)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if (0xD800..<0xDC00).contains(scalar), at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"),
                       bytes[at + 1] == UInt8(ascii: "u") {
                        at += 2
                        guard let low = hex4() else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8))
                default: out.append(e)
                }
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard at + 4 <= bytes.count, let v = UInt32(String(decoding: bytes[at..<(at + 4)], as: UTF8.self), radix: 16) else {
                return nil
            }
            at += 4
            return v
        }
    }
}

enum XMLText {
    /// The text of the first `<name>…</name>` element, entities decoded; nil if there is none.
    static func element(_ name: String, in xml: String) -> String? {
        guard let open = xml.firstRange(of: "<\(name)>") else { return nil }
        let rest = xml[open.upperBound...]
        guard let close = rest.firstRange(of: "</\(name)>") else { return nil }
        return decodeEntities(String(rest[..<close.lowerBound]))
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            guard let semi = rest[amp...].firstIndex(of: ";") else { out += rest[amp...]; rest = ""; break }
            let entity = rest[rest.index(after: amp)..<semi]
            switch entity {
            case "amp": out += "&"
            case "lt": out += "<"
            case "gt": out += ">"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                let number = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst(), radix: 10) : nil
                if let number, let scalar = Unicode.Scalar(number) { out.unicodeScalars.append(scalar) } else { out += "&\(entity);" }
            }
            rest = rest[rest.index(after: semi)...]
        }
        return out + rest
    }
}
