// str.format (fields, attribute/index access, conversions, nested specs) and printf-style
// %-formatting of str, with CPython's errors.
import BigInt

extension Interpreter {
    /// str.format with positional/keyword fields, attribute/index access, conversions and specs.
    func strFormat(_ s: String, _ args: [Value], _ kw: [(String, Value)]) throws -> String {
        let cs = Array(s)
        var out = ""
        var i = 0
        var autoIndex = 0
        var manual = false
        while i < cs.count {
            let c = cs[i]
            if c == "{" {
                if i + 1 < cs.count && cs[i + 1] == "{" { out.append("{"); i += 2; continue }
                var depth = 1
                var j = i + 1
                while j < cs.count && depth > 0 {
                    if cs[j] == "{" { depth += 1 } else if cs[j] == "}" { depth -= 1 }
                    if depth > 0 { j += 1 }
                }
                guard j < cs.count else { throw PyException.valueError("expected '}' before end of string") }
                let field = String(cs[(i + 1)..<j])
                i = j + 1
                var fieldName = field
                var conv: Character?
                var spec = ""
                if let colon = firstTopLevel(field, ":") {
                    spec = String(field[field.index(after: colon)...])
                    fieldName = String(field[..<colon])
                }
                if let bang = fieldName.firstIndex(of: "!") {
                    conv = fieldName[fieldName.index(after: bang)...].first
                    fieldName = String(fieldName[..<bang])
                }
                if spec.contains("{") { spec = try strFormat(spec, args, kw) }
                // Split the first name part from .attr / [key] accessors.
                var head = ""
                var rest = Substring(fieldName)
                while let f = rest.first, f != "." && f != "[" { head.append(f); rest = rest.dropFirst() }
                var value: Value
                if head.isEmpty {
                    if manual { throw PyException.valueError("cannot switch from manual field specification to automatic field numbering") }
                    guard autoIndex < args.count else { throw PyException.indexError("Replacement index \(autoIndex) out of range for positional args tuple") }
                    value = args[autoIndex]; autoIndex += 1
                } else if let n = Int(head) {
                    if autoIndex > 0 { throw PyException.valueError("cannot switch from automatic field numbering to manual field specification") }
                    manual = true
                    guard n < args.count else { throw PyException.indexError("Replacement index \(n) out of range for positional args tuple") }
                    value = args[n]
                } else {
                    guard let v = kw.first(where: { $0.0 == head })?.1 else { throw PyException.keyError(.str(head)) }
                    value = v
                }
                while let f = rest.first {
                    if f == "." {
                        rest = rest.dropFirst()
                        var attr = ""
                        while let g = rest.first, g != "." && g != "[" { attr.append(g); rest = rest.dropFirst() }
                        value = try getAttr(value, attr)
                    } else {
                        rest = rest.dropFirst()
                        var key = ""
                        while let g = rest.first, g != "]" { key.append(g); rest = rest.dropFirst() }
                        rest = rest.dropFirst()
                        value = try getItem(value, Int(key).map { .int($0) } ?? .str(key))
                    }
                }
                switch conv {
                case "r": value = .str(try repr(value))
                case "s": value = .str(try str(value))
                case "a": value = .str(asciiEscape(try repr(value)))
                default: break
                }
                out += try formatValue(value, spec)
                continue
            }
            if c == "}" {
                if i + 1 < cs.count && cs[i + 1] == "}" { out.append("}"); i += 2; continue }
                throw PyException.valueError("Single '}' encountered in format string")
            }
            out.append(c)
            i += 1
        }
        return out
    }

    func firstTopLevel(_ s: String, _ ch: Character) -> String.Index? {
        var depth = 0
        var idx = s.startIndex
        while idx < s.endIndex {
            let c = s[idx]
            if c == "[" { depth += 1 } else if c == "]" { depth -= 1 } else if c == ch && depth == 0 { return idx }
            idx = s.index(after: idx)
        }
        return nil
    }

    /// `"fmt" % values`.
    func percentFormat(_ fmt: String, _ values: Value) throws -> String {
        var args: [Value]
        var mapping: PyDict?
        switch values {
        case .tuple(let t): args = t
        case .dict(let d): args = [values]; mapping = d
        default: args = [values]
        }
        var argIndex = 0
        func nextArg() throws -> Value {
            guard argIndex < args.count else { throw PyException.typeError("not enough arguments for format string") }
            defer { argIndex += 1 }
            return args[argIndex]
        }
        let cs = Array(fmt)
        var out = ""
        var i = 0
        while i < cs.count {
            let c = cs[i]
            if c != "%" { out.append(c); i += 1; continue }
            i += 1
            guard i < cs.count else { throw PyException.valueError("incomplete format") }
            var key: String?
            if cs[i] == "(" {
                var j = i + 1
                while j < cs.count && cs[j] != ")" { j += 1 }
                key = String(cs[(i + 1)..<min(j, cs.count)])
                i = j + 1
            }
            var flags = ""
            while i < cs.count && "-+ #0".contains(cs[i]) { flags.append(cs[i]); i += 1 }
            var width = ""
            while i < cs.count && (cs[i].isNumber || cs[i] == "*") {
                if cs[i] == "*" { width = String(try expectInt(try nextArg())) } else { width.append(cs[i]) }
                i += 1
            }
            var precision: String?
            if i < cs.count && cs[i] == "." {
                i += 1
                var p = ""
                while i < cs.count && (cs[i].isNumber || cs[i] == "*") {
                    if cs[i] == "*" { p = String(try expectInt(try nextArg())) } else { p.append(cs[i]) }
                    i += 1
                }
                precision = p.isEmpty ? "0" : p
            }
            guard i < cs.count else { throw PyException.valueError("incomplete format") }
            let conv = cs[i]
            i += 1
            if conv == "%" { out.append("%"); continue }
            var v: Value
            if let key, let m = mapping {
                guard let x = try m.get(.str(key)) else { throw PyException.keyError(.str(key)) }
                v = x
            } else {
                v = try nextArg()
            }
            var spec = ""
            var align = ">"
            if flags.contains("-") { align = "<" }
            let signFlag = flags.contains("+") ? "+" : flags.contains(" ") ? " " : ""
            switch conv {
            case "s", "r", "a":
                var s = conv == "s" ? try str(v) : try repr(v)
                if conv == "a" { s = asciiEscape(s) }
                if let p = precision, let n = Int(p) { s = String(s.prefix(n)) }
                spec = align + width
                out += try formatValue(.str(s), spec)
            case "d", "i", "u":
                let n: Value
                switch v {
                case .float(let d):
                    guard d.isFinite else { throw PyException.overflow("cannot convert float \(floatRepr(d)) to integer") }
                    n = .integer(BigInt(d.rounded(.towardZero)))
                case .int, .bool, .bigint: n = v
                case .instance(let inst) where ["__index__", "__int__"].contains(where: { inst.cls.lookup($0) != nil }):
                    // CPython takes any number here (numpy's int64 and float64): int(v).
                    n = try toInt(v)
                default: throw PyException.typeError("%\(conv) format: a real number is required, not \(v.typeName)")
                }
                spec = (flags.contains("0") && !flags.contains("-") ? "0" : align) + signFlag + (flags.contains("0") && !flags.contains("-") ? "" : "") + width + "d"
                if flags.contains("0") && !flags.contains("-") { spec = signFlag + "0" + width + "d" } else { spec = align + signFlag + width + "d" }
                out += try formatValue(n, spec)
            case "f", "F", "e", "E", "g", "G":
                let d = try realNumber(v)
                let prec = precision ?? "6"
                if flags.contains("0") && !flags.contains("-") { spec = signFlag + "0" + width + "." + prec + String(conv) }
                else { spec = align + signFlag + width + "." + prec + String(conv) }
                if flags.contains("#") { spec = spec.replacingOccurrences(signFlag + "0", signFlag + "#0") }
                out += try formatValue(.float(d), spec)
            case "x", "X", "o":
                if case .instance = v, let i = try indexHook(v) { v = i }
                guard toNum(v) != nil, !(v.typeName == "float") else { throw PyException.typeError("%\(conv) format: an integer is required, not \(v.typeName)") }
                let alt = flags.contains("#") ? "#" : ""
                if flags.contains("0") && !flags.contains("-") { spec = signFlag + alt + "0" + width + String(conv) }
                else { spec = align + signFlag + alt + width + String(conv) }
                out += try formatValue(v, spec)
            case "c":
                if case .int(let n) = v, let u = Unicode.Scalar(UInt32(clamping: n)) { out += String(Character(u)) }
                else if case .str(let s) = v { out += s }
            default:
                throw PyException.valueError("unsupported format character '\(conv)' (0x\(String(conv.unicodeScalars.first?.value ?? 0, radix: 16))) at index \(i - 1)")
            }
        }
        if argIndex < args.count && mapping == nil {
            throw PyException.typeError("not all arguments converted during string formatting")
        }
        return out
    }
}
