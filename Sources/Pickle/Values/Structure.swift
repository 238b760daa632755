// A structural description of objects of unknown classes, for displays and tests where Python's own
// repr depends on code we do not run (namedtuple field names, dataclass reprs, enum member names).

/// `OBJECT module.Qualname ARGS (...) STATE {...} LIST [...] DICT {...}` for `.object`, each part only
/// when present; `pythonRepr` for every other value.
public func pythonStructure(_ value: PickleValue) -> String {
    guard case .object(let o) = value else { return pythonRepr(value) }
    var parts = ["OBJECT " + (o.module.isEmpty ? "" : o.module + ".") + o.qualifiedName]
    if !o.args.isEmpty { parts.append("ARGS " + pythonRepr(.tuple(PickleTuple(o.args)))) }
    if let kwargs = o.kwargs { parts.append("KWARGS " + pythonRepr(.dict(kwargs))) }
    if let state = o.state {
        if case .dict(let d) = state, d.isEmpty {} else { parts.append("STATE " + pythonRepr(state)) }
    }
    for extra in o.additionalStates { parts.append("STATE " + pythonRepr(extra)) }
    if !o.listItems.isEmpty { parts.append("LIST " + pythonRepr(.list(PickleList(o.listItems)))) }
    if let items = o.dictItems, !items.isEmpty { parts.append("DICT " + pythonRepr(.dict(items))) }
    return parts.joined(separator: " ")
}
