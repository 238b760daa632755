// What hosts ask about functions and modules to describe them (help(), the REPL's `obj?` and
// `obj??`): signatures as inspect.signature prints them, cleaned docstrings, source text, the
// file a function comes from, and which modules can be imported.

extension Interpreter {
    /// `(a, b=2, *args, key=None, **kw)`: a function's parameters as inspect.signature shows them.
    func signatureText(_ f: PyFunction) -> String {
        var params: [String] = []
        let firstDefault = f.code.nPositionalCount - f.defaults.count
        var posIndex = 0
        var sawStar = false
        for p in f.code.params {
            switch p.kind {
            case .positional:
                if posIndex >= firstDefault { params.append("\(p.name)=\(reprForMessage(f.defaults[posIndex - firstDefault]))") } else { params.append(p.name) }
                posIndex += 1
            case .varargs: params.append("*\(p.name)"); sawStar = true
            case .kwonly:
                if !sawStar { params.append("*"); sawStar = true }
                if let d = f.kwDefaults[p.name] { params.append("\(p.name)=\(reprForMessage(d))") } else { params.append(p.name) }
            case .varkw: params.append("**\(p.name)")
            }
        }
        return "(" + params.joined(separator: ", ") + ")"
    }

    /// The signature of a function defined in the language, or nil.
    public func signature(of v: Value) -> String? {
        guard case .function(let f) = v else { return nil }
        return signatureText(f)
    }

    /// inspect.getdoc: the docstring with its indentation cleaned, or nil.
    public func cleanedDoc(_ doc: String) -> String { cleandoc(doc).joined(separator: "\n") }

    /// The file a language function was defined in (`<stdin>` for REPL input).
    public func sourceFile(of v: Value) -> String? {
        guard case .function(let f) = v else { return nil }
        return f.code.filename
    }

    /// inspect.getsource for a language function: its `def` line and the lines indented under it.
    public func sourceText(of v: Value) -> String? {
        guard case .function(let f) = v, let lines = f.code.definingLines ?? sources[f.code.filename] else { return nil }
        let first = Int(f.code.firstLine.line) - 1
        guard first >= 0 && first < lines.count else { return nil }
        func indentation(_ l: String) -> Int { l.prefix { $0 == " " || $0 == "\t" }.count }
        let base = indentation(lines[first])
        var end = first + 1
        while end < lines.count {
            let l = lines[end]
            if !l.allSatisfy({ $0 == " " || $0 == "\t" }) && indentation(l) <= base { break }
            end += 1
        }
        while end > first + 1, lines[end - 1].allSatisfy({ $0 == " " || $0 == "\t" }) { end -= 1 }
        return lines[first..<end].joined(separator: "\n") + "\n"
    }

    /// True when `import name` would find a module (registered by the host or standard).
    public func canImport(_ name: String) -> Bool {
        if registeredModules[name] != nil || loadedModules[name] != nil || moduleFactories[name] != nil { return true }
        return ((try? makeStandardModule(name)) ?? nil) != nil
    }

    /// The modules the host registered (`metaflow`, `os.path`, …) and those already imported.
    public var knownModuleNames: [String] {
        Array(Set(registeredModules.keys).union(loadedModules.keys).union(moduleFactories.keys)).sorted()
    }
}
