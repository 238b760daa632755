// help(x) as the shell wants it: the interpreter's own help (functions with their docstrings,
// client objects, modules) plus a description of the client classes and functions (ClientDocs)
// and of Python's built-in functions and types (BuiltinDocs, CPython's own docstrings).
// help() with no argument gives an overview (client, Prelude helpers, modules). Installed the first
// time code mentions `help`, so start-up does not pay for it.
import MFSInterpreter
import MetaflowBindings
import Views

extension MFShell {
    /// Replaces the `help` builtin by one that knows the client and the builtins; the original
    /// handles everything else.
    func installHelp() {
        guard !helpInstalled else { return }
        helpInstalled = true
        guard let original = try? interpreter.executeInteractive(source: "help\n") else { return }
        // The values that are the genuine builtins (a host method may share a builtin's name).
        let visible = Set(interpreter.globalNames())
        let present = BuiltinDocs.functions.keys.filter { visible.contains($0) }.sorted()
        var genuine: [ObjectIdentifier: String] = [:]
        if !present.isEmpty, case .tuple(let values)? = try? interpreter.executeInteractive(source: "(" + present.joined(separator: ", ") + ",)\n") {
            for (name, v) in zip(present, values) {
                if case .builtin(let b) = v, b.name == name { genuine[ObjectIdentifier(b)] = name }
            }
        }
        var client: [ObjectIdentifier: String] = [:]
        for (name, value) in clientMembers {
            switch value {
            case .builtin(let b): client[ObjectIdentifier(b)] = name
            case .type(let c): client[ObjectIdentifier(c)] = name
            default: break
            }
        }
        let help = Value.newBuiltin("help") { [unowned self] args, kwargs in
            if args.isEmpty && kwargs.isEmpty {
                self.showLong(self.overview())
                return .none
            }
            if args.count == 1, kwargs.isEmpty, let text = Self.helpText(args[0], genuine: genuine, client: client) {
                self.showLong(text)
                return .none
            }
            return try self.interpreter.call(original, args, kwargs)
        }
        interpreter.registerGlobal("help", help)
    }

    /// help() with no argument: the client's classes and functions, the Prelude's helpers (with
    /// their signatures and first docstring lines) and the modules `import` finds.
    func overview() -> String {
        runPendingPrelude()
        var text = "mfsh: Metaflow's client in a Python-like shell. help(x) describes x; at the prompt, x? shows\n"
            + "x's type, value and docstring, and x?? the source of a function written in mfs.\n\n"
        text += "Client (already imported, as by `from metaflow import *`):\n"
        for (name, _) in clientMembers {
            guard let doc = ClientDocs.text[name], let first = doc.split(separator: "\n").first else { continue }
            text += "    \(name)".padding(24) + first + "\n"
        }
        text += "\nPrelude helpers:\n"
        for name in interpreter.globalNames() where !name.hasPrefix("_") {
            guard let v = interpreter.global(name), let file = interpreter.sourceFile(of: v), preludeFiles.contains(file) else { continue }
            text += "    \(name)\(interpreter.signature(of: v) ?? "")\n"
            if case .function(let f) = v, let doc = f.doc, let first = interpreter.cleanedDoc(doc).split(separator: "\n").first {
                text += "        \(first)\n"
            }
        }
        text += "\nPictures (printed, or written as SVG with svg=\"file.svg\"):\n"
        for entry in Views.functions {
            text += "    \(entry.name)\(entry.signature)\n"
            if let first = entry.doc.split(separator: "\n").first { text += "        \(first)\n" }
        }
        text += "\nModules (import NAME):\n"
        let modules = (["metaflow"] + BuiltinDocs.standardModules).filter { interpreter.canImport($0) }
        text += wrap(modules.joined(separator: ", "), width: 96, indent: "    ") + "\n"
        return text
    }

    private func wrap(_ text: String, width: Int, indent: String) -> String {
        var lines: [String] = []
        var line = indent
        for word in text.split(separator: " ") {
            if line.count + word.count + 1 > width && line != indent {
                lines.append(line)
                line = indent
            }
            line += (line == indent ? "" : " ") + word
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }

    static func helpText(_ v: Value, genuine: [ObjectIdentifier: String], client: [ObjectIdentifier: String]) -> String? {
        switch v {
        case .builtin(let b):
            if let name = client[ObjectIdentifier(b)], let doc = ClientDocs.text[name] {
                return "Help on function \(name) in module metaflow:\n\n\(name)\n" + indent(doc) + "\n"
            }
            if let name = genuine[ObjectIdentifier(b)], let d = BuiltinDocs.functions[name] {
                return "Help on built-in function \(name) in module builtins:\n\n\(name)\(d.signature ?? "(...)")\n" + indent(d.doc) + "\n"
            }
            return nil
        case .type(let c):
            if let name = client[ObjectIdentifier(c)], let doc = ClientDocs.text[name] {
                return "Help on class \(name) in module \(c.module):\n\nclass \(name)\n" + bar(doc) + "\n"
            }
            guard c.module == "builtins", let d = BuiltinDocs.types[c.name] else { return nil }
            return "Help on class \(c.name) in module builtins:\n\nclass \(c.name)\(d.signature ?? "")\n" + bar(d.doc) + "\n"
        default:
            return nil
        }
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
    }

    private static func bar(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { " |  " + $0 }.joined(separator: "\n") + "\n"
    }
}
