// Interpretation of well-known classes as pure data transformations of what the pickle recorded.
// Nothing is called: an object whose arguments do not have the expected shape stays a PickleObject.
import BigInt

/// The dedicated value for an object of a well-known class of the standard library, or nil to keep it
/// as `.object` (or leave it to the decoder's `ClassReconstructor`s).
func interpretObject(_ o: PickleObject) -> PickleValue? {
    guard case .global(let module, let name) = o.callable else { return nil }
    switch module {
    case "builtins": return interpretBuiltin(name, o)
    case "_codecs":
        guard name == "encode", o.args.count == 2, case .string(let text) = o.args[0],
              case .string(let encoding) = o.args[1] else { return nil }
        return latin1Bytes(text, encoding: encoding).map { .bytes(PickleBytes($0)) }
    case "collections": return interpretCollection(name, o)
    case "datetime": return interpretDateTime(name, o)
    case "decimal":
        guard name == "Decimal", o.args.count == 1, case .string(let s) = o.args[0] else { return nil }
        return .decimal(s)
    case "uuid":
        guard name == "UUID", case .dict(let state)? = o.state, let int = state[string: "int"] else { return nil }
        return uuidValue(int).map { .uuid($0) }
    case "pathlib": return interpretPath(name, o)
    default: return nil
    }
}

/// Items of a list/tuple/set argument.
package func sequenceItems(_ value: PickleValue) -> [PickleValue]? {
    switch value {
    case .list(let l): return l.items
    case .tuple(let t): return t.items
    case .set(let s), .frozenset(let s): return s.items
    default: return nil
    }
}

/// `str.encode('latin-1')`: nil when a character does not fit in a byte or the encoding is another.
func latin1Bytes(_ text: String, encoding: String) -> [UInt8]? {
    let normalized = encoding.lowercased().replacingUnderscores()
    guard ["latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1"].contains(normalized) else { return nil }
    var out: [UInt8] = []
    out.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
        guard scalar.value < 256 else { return nil }
        out.append(UInt8(scalar.value))
    }
    return out
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}

private func interpretBuiltin(_ name: String, _ o: PickleObject) -> PickleValue? {
    let args = o.args
    switch name {
    case "set", "frozenset":
        let set = PickleSet()
        if let first = args.first {
            guard args.count == 1, let items = sequenceItems(first) else { return nil }
            for item in items { set.insert(item) }
        }
        for item in o.listItems { set.insert(item) }
        return name == "set" ? .set(set) : .frozenset(set)
    case "bytearray", "bytes":
        var bytes: [UInt8]
        switch args.count {
        case 0: bytes = []
        case 1:
            switch args[0] {
            case .bytes(let b): bytes = b.array
            case .bytearray(let b): bytes = b.bytes.array
            case .list(let l):
                var out: [UInt8] = []
                for item in l.items {
                    guard case .int(let i) = item, let b = UInt8(exactly: i) else { return nil }
                    out.append(b)
                }
                bytes = out
            default: return nil
            }
        case 2:
            guard case .string(let text) = args[0], case .string(let encoding) = args[1],
                  let encoded = latin1Bytes(text, encoding: encoding) else { return nil }
            bytes = encoded
        default: return nil
        }
        return name == "bytes" ? .bytes(PickleBytes(bytes)) : .bytearray(PickleByteArray(PickleBytes(bytes)))
    case "complex":
        func real(_ v: PickleValue) -> Double? {
            switch v {
            case .float(let d): return d
            case .int(let i): return Double(i)
            case .bool(let b): return b ? 1 : 0
            default: return nil
            }
        }
        switch args.count {
        case 0: return .complex(real: 0, imag: 0)
        case 1: return real(args[0]).map { .complex(real: $0, imag: 0) }
        case 2:
            guard let re = real(args[0]), let im = real(args[1]) else { return nil }
            return .complex(real: re, imag: im)
        default: return nil
        }
    case "slice":
        switch args.count {
        case 1: return .slice(start: .none, stop: args[0], step: .none)
        case 2: return .slice(start: args[0], stop: args[1], step: .none)
        case 3: return .slice(start: args[0], stop: args[1], step: args[2])
        default: return nil
        }
    case "range":
        func isInt(_ v: PickleValue) -> Bool {
            switch v { case .int, .bigInt, .bool: return true; default: return false }
        }
        guard args.allSatisfy(isInt) else { return nil }
        switch args.count {
        case 1: return .range(start: .int(0), stop: args[0], step: .int(1))
        case 2: return .range(start: args[0], stop: args[1], step: .int(1))
        case 3:
            if case .int(0) = args[2] { return nil }
            return .range(start: args[0], stop: args[1], step: args[2])
        default: return nil
        }
    case "getattr":
        // getattr(SomeClass, 'name'): an attribute of a global, itself an inert reference.
        guard args.count == 2, case .global(let m, let n) = args[0], case .string(let attr) = args[1] else { return nil }
        return .global(module: m, name: n + "." + attr)
    default:
        return nil
    }
}

private func interpretCollection(_ name: String, _ o: PickleObject) -> PickleValue? {
    // Only the classes themselves: a subclass is another global and stays an object with its items.
    switch name {
    case "OrderedDict":
        let dict = PickleDict()
        if let first = o.args.first {
            guard o.args.count == 1, let pairs = sequenceItems(first) else { return nil }
            for pair in pairs {
                guard let kv = sequenceItems(pair), kv.count == 2 else { return nil }
                dict.set(kv[0], kv[1])
            }
        }
        if let items = o.dictItems { for (k, v) in items.entries { dict.set(k, v) } }
        return .orderedDict(dict)
    case "defaultdict":
        guard o.args.count <= 2 else { return nil }
        let dict = PickleDict()
        if o.args.count == 2 {
            guard case .dict(let initial) = o.args[1] else { return nil }
            for (k, v) in initial.entries { dict.set(k, v) }
        }
        if let items = o.dictItems { for (k, v) in items.entries { dict.set(k, v) } }
        return .defaultDict(factory: o.args.first ?? PickleValue.none, items: dict)
    case "Counter":
        let dict = PickleDict()
        if let first = o.args.first {
            guard o.args.count == 1, case .dict(let initial) = first else { return nil }
            for (k, v) in initial.entries { dict.set(k, v) }
        }
        if let items = o.dictItems { for (k, v) in items.entries { dict.set(k, v) } }
        return .counter(dict)
    case "deque":
        var items: [PickleValue] = []
        var maxlen: Int?
        if let first = o.args.first {
            guard let initial = sequenceItems(first) else { return nil }
            items = initial
        }
        if o.args.count >= 2 {
            switch o.args[1] {
            case .none: maxlen = nil
            case .int(let n): maxlen = n
            default: return nil
            }
        }
        guard o.args.count <= 2 else { return nil }
        items += o.listItems
        if let maxlen, maxlen >= 0, items.count > maxlen { items = Array(items.suffix(maxlen)) }
        return .deque(PickleList(items), maxlen: maxlen)
    default:
        return nil
    }
}

private func interpretPath(_ name: String, _ o: PickleObject) -> PickleValue? {
    let classes = ["PurePath", "PurePosixPath", "PureWindowsPath", "Path", "PosixPath", "WindowsPath"]
    guard classes.contains(name) else { return nil }
    var parts: [String] = []
    for arg in o.args {
        guard case .string(let s) = arg else { return nil }
        parts.append(s)
    }
    let separator: Character = name.contains("Windows") ? "\\" : "/"
    var path = ""
    for part in parts where !part.isEmpty {
        if path.isEmpty || path.last == separator { path += part }
        else if part.first == separator { path = part }  // an absolute part restarts the path
        else { path += String(separator) + part }
    }
    return .path(className: name, path: path.isEmpty ? "." : path)
}

/// The 128-bit int of a UUID as 16 big-endian bytes.
private func uuidValue(_ value: PickleValue) -> PickleUUID? {
    let big: BigInt
    switch value {
    case .int(let i): big = BigInt(i)
    case .bigInt(let b): big = b
    default: return nil
    }
    guard big.sign == .plus, big.magnitude.bitWidth <= 128 else { return nil }
    var bytes = [UInt8](repeating: 0, count: 16)
    var m = big.magnitude
    for i in stride(from: 15, through: 0, by: -1) {
        bytes[i] = UInt8(truncatingIfNeeded: m & 0xFF)
        m >>= 8
    }
    return PickleUUID(bytes: bytes)
}
