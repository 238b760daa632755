// Argument binding for standard-library functions that CPython writes in Python (random, textwrap,
// pprint, statistics...), so that a wrong call raises the TypeError text CPython's own binding gives.

package struct PythonSignature {
    /// The qualified name in messages: `Random.randint`, `wrap`.
    let name: String
    /// Positional-or-keyword parameters, `self` excluded.
    let positional: [String]
    /// How many leading positional parameters have no default.
    let required: Int
    let keywordOnly: [String]
    /// Methods count `self` in "takes N positional arguments but M were given".
    let isMethod: Bool

    package init(_ name: String, _ positional: [String], required: Int? = nil, keywordOnly: [String] = [], isMethod: Bool = false) {
        self.name = name
        self.positional = positional
        self.required = required ?? positional.count
        self.keywordOnly = keywordOnly
        self.isMethod = isMethod
    }

    /// The values of `positional` then `keywordOnly`, nil where the caller relied on the default.
    package func bind(_ args: [Value], _ kw: [(String, Value)]) throws -> [Value?] {
        let selfCount = isMethod ? 1 : 0
        if args.count > positional.count {
            let n = positional.count + selfCount, low = required + selfCount
            let takes = low == n ? "\(n) positional argument\(n == 1 ? "" : "s")" : "from \(low) to \(n) positional arguments"
            let given = args.count + selfCount
            throw PyException.typeError("\(name)() takes \(takes) but \(given) \(given == 1 ? "was" : "were") given")
        }
        var slots = [Value?](repeating: nil, count: positional.count + keywordOnly.count)
        for (i, a) in args.enumerated() { slots[i] = a }
        for (k, v) in kw {
            let index = positional.firstIndex(of: k) ?? keywordOnly.firstIndex(of: k).map { $0 + positional.count }
            guard let index else { throw PyException.typeError("\(name)() got an unexpected keyword argument '\(k)'") }
            if slots[index] != nil { throw PyException.typeError("\(name)() got multiple values for argument '\(k)'") }
            slots[index] = v
        }
        let missing = positional.prefix(required).enumerated().filter { slots[$0.offset] == nil }.map { $0.element }
        if !missing.isEmpty {
            throw PyException.typeError("\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(pluralArgs(missing))")
        }
        return slots
    }
}
