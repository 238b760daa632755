// `obj?` and `obj??` at the prompt, as in IPython: `?` shows the object's signature, type, string
// form, file and docstring; `??` shows the source instead of the docstring for functions written in
// mfs (the Prelude's, the user's). Only names and attribute chains are looked up (`run.add_tag?`),
// never calls, so asking about something runs nothing.
import MFSInterpreter
import MetaflowBindings

extension MFShell {
    /// The name chain and whether the source is wanted, when `source` is one `expr?` / `expr??` line.
    static func inspectRequest(_ source: String) -> (chain: String, withSource: Bool)? {
        let text = source.trimmingCharacters(in: " \t\n")
        guard !text.contains("\n"), text.hasSuffix("?") else { return nil }
        let withSource = text.hasSuffix("??")
        let chain = String(text.dropLast(withSource ? 2 : 1)).trimmingCharacters(in: " \t")
        let parts = chain.split(separator: ".", omittingEmptySubsequences: false)
        let isName: (Substring) -> Bool = { part in
            guard let first = part.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
            return part.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        }
        guard !parts.isEmpty, parts.allSatisfy(isName) else { return nil }
        return (chain, withSource)
    }

    /// Prints what `chain?` (or `chain??`) shows; a lookup that fails is reported as an error.
    func inspect(_ chain: String, withSource: Bool) {
        preparePrelude(for: chain)
        let value: Value
        do {
            guard let v = try interpreter.executeInteractive(source: chain + "\n") else { return }
            value = v
        } catch {
            report(error)
            return
        }
        var fields: [(String, String)] = []
        var docstring: String?
        var sourceText: String?
        switch value {
        case .function(let f):
            fields.append(("Signature", f.name + (interpreter.signature(of: value) ?? "()")))
            docstring = f.doc.map { interpreter.cleanedDoc($0) }
            if withSource { sourceText = interpreter.sourceText(of: value) }
        case .builtin(let b):
            // A client method's help text starts with its Python signature: "add_tag(tag: str) method of ...".
            if let help = b.helpText, let line = help.split(separator: "\n").dropFirst().first,
               let cut = line.indices.first(where: { line[$0...].hasPrefix(" method of ") }) {
                fields.append(("Signature", String(line[..<cut])))
            } else if let d = BuiltinDocs.functions[b.name], b.boundSelf == nil {
                fields.append(("Signature", b.name + (d.signature ?? "(...)")))
                docstring = d.doc
            }
            if let doc = b.doc { docstring = interpreter.cleanedDoc(doc) }
        case .host(let h):
            docstring = h.doc
        case .type(let c):
            docstring = c.doc ?? (c.module == "builtins" ? BuiltinDocs.types[c.name]?.doc : nil)
        default:
            docstring = BuiltinDocs.types[value.typeName]?.doc
        }
        fields.append(("Type", value.typeName))
        if let repr = try? interpreter.repr(value) {
            fields.append(("String form", repr.count > 1000 ? String(repr.prefix(1000)) + "…" : repr))
        }
        if let file = interpreter.sourceFile(of: value) { fields.append(("File", file)) }
        var text = ""
        for (label, content) in fields {
            text += (label + ":").padding(13) + content + "\n"
        }
        if let sourceText {
            text += "Source:\n" + sourceText
        } else {
            text += "Docstring:".padding(13) + (docstring.map { $0.contains("\n") ? "\n" + $0 : $0 } ?? "<no docstring>") + "\n"
        }
        StandardOutput.stdout.write(text)
        StandardOutput.stdout.flush()
    }
}
