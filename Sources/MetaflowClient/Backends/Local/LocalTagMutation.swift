// Tag mutation on the local provider, the only write mfsh ever makes, with Python's rules
// (metadata_provider/metadata.py + plugins/metadata_providers/local.py): validation, removals
// then additions, system tags protected, an optimistic write of the run's `_self.json` read back
// to detect a concurrent writer, up to 5 tries. The rewrite sets a new ts_epoch and user_name,
// exactly as Python's does.
#if canImport(Glibc)
import Glibc
#endif

public enum TagRules {
    public static let maxTagLength = 500
    public static let maxUserTags = 50

    public static func validate(_ tag: String) throws {
        if tag.isEmpty { throw MetaflowError.tagging("Tags must not be empty string") }
        let n = tag.unicodeScalars.count
        if n > maxTagLength { throw MetaflowError.tagging("Tag is too long \(n) > \(maxTagLength)") }
    }
}

struct LocalTagMutation {
    let provider: LocalMetadataProvider
    let flow: String
    let run: String

    func mutate(remove: [String], add: [String]) throws -> [String] {
        if remove.isEmpty && add.isEmpty { throw MetaflowError.tagging("Must add or remove at least one tag") }
        for t in add + remove { try TagRules.validate(t) }
        for attempt in 1...5 {
            let (consistent, tags) = try optimisticallyMutate(remove: remove, add: add)
            if consistent { return tags }
            if attempt < 5 { usleep(useconds_t(300_000 * attempt)) }
        }
        throw MetaflowError.tagging("Tagging failed due to too many conflicting updates from other processes")
    }

    private func currentRun() throws -> JSONValue {
        guard let path = provider.runSelfPath(flow: flow, run: run) else {
            throw MetaflowError.tagging("Run not found (\(flow), \(run))")
        }
        provider.forget(path)
        guard let rec = try provider.object(.run, [flow, run], attempt: nil) else {
            throw MetaflowError.tagging("Run not found (\(flow), \(run))")
        }
        return rec
    }

    private func optimisticallyMutate(remove: [String], add: [String]) throws -> (Bool, [String]) {
        let run = try currentRun()
        let existingUser = run["tags"]?.stringArray ?? []
        let system = run["system_tags"]?.stringArray ?? []
        let systemSet = Set(system)
        let removeSet = Set(remove)
        let addSet = Set(add).subtracting(systemSet)
        let protected = removeSet.intersection(systemSet).sorted()
        if !protected.isEmpty {
            let list = "[" + protected.map { PythonText.repr($0) }.joined(separator: ", ") + "]"
            throw MetaflowError.tagging("Cannot remove a tag that is an existing system tag (\(list))")
        }
        // Kept tags in their old order, then the new ones in the order given.
        var next = existingUser.filter { !removeSet.contains($0) }
        for t in add where addSet.contains(t) && !next.contains(t) { next.append(t) }
        var seen = Set<String>()
        next = next.filter { seen.insert($0).inserted }
        if Set(next) == Set(existingUser) { return (true, next) }
        if next.count > TagRules.maxUserTags && Set(existingUser).count < next.count {
            throw MetaflowError.tagging("Cannot increase size of tag set beyond \(TagRules.maxUserTags)")
        }
        try persist(userTags: next, systemTags: system)
        let final = Set(try currentRun()["tags"]?.stringArray ?? [])
        if !addSet.subtracting(final).isEmpty { return (false, Array(final)) }
        if !removeSet.intersection(final).subtracting(addSet).isEmpty { return (false, Array(final)) }
        return (true, next)
    }

    private func persist(userTags: [String], systemTags: [String]) throws {
        guard let path = provider.runSelfPath(flow: flow, run: run) else {
            throw MetaflowError.generic("MetaflowInternalError", "Could not verify Run existence on disk - missing _self.json")
        }
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        let millis = Int(ts.tv_sec) * 1000 + Int((Double(ts.tv_nsec) / 1_000_000).rounded())
        let user = provider.username.map { PythonText.jsonString($0) } ?? "null"
        // json.dump's default layout, key order as _run_to_json_static builds the dict.
        let text = "{\"run_number\": \(PythonText.jsonString(run)), \"flow_id\": \(PythonText.jsonString(flow)), "
            + "\"user_name\": \(user), \"tags\": [\(userTags.map(PythonText.jsonString).joined(separator: ", "))], "
            + "\"system_tags\": [\(systemTags.map(PythonText.jsonString).joined(separator: ", "))], \"ts_epoch\": \(millis)}"
        try FileSystem.writeAtomically(path, Array(text.utf8))
        provider.forget(path)
    }
}

/// Python text forms needed by the client core.
public enum PythonText {
    /// `json.dumps(s)` with ensure_ascii.
    public static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if u.value < 0x20 || u.value > 0x7E {
                    if u.value > 0xFFFF {
                        let v = u.value - 0x10000
                        out += hex4(0xD800 + (v >> 10)) + hex4(0xDC00 + (v & 0x3FF))
                    } else { out += hex4(u.value) }
                } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }

    private static func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - h.count)) + h
    }

    /// `repr(s)` for a str: single quotes unless the text has ' and no ".
    public static func repr(_ s: String) -> String {
        let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(u) == quote { out += "\\" + String(quote) }
                else if u.value < 0x20 || u.value == 0x7F { out += "\\x" + (u.value < 16 ? "0" : "") + String(u.value, radix: 16) }
                else { out.unicodeScalars.append(u) }
            }
        }
        out.append(quote)
        return out
    }
}
