// libFuzzer entry point for the mfs lexer, parser and scope resolver (and, for small inputs that
// cannot allocate without bound or loop, the evaluator): compiled together with
// Sources/MFSInterpreter/*.swift by Scripts/fuzz-parser. Any crash or sanitizer report is a bug;
// every bad input must end in a Python exception.

@_cdecl("LLVMFuzzerTestOneInput")
public func parserFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var lexer = Lexer(text)
    if let tokens = try? lexer.tokenize() {
        var parser = Parser(tokens: tokens, filename: "<fuzz>")
        if (try? parser.parseModule()) != nil {
            ScopeResolver(globals: Globals()).resolve(parser.module)
        }
    }
    _ = replProbe.isIncomplete(text)
    if size <= 512 && boundedProgram(text) {
        // Run on this thread (not `execute`'s 1 GiB-stack thread, whose shadow memory makes every input
        // cost milliseconds under ASan): straight-line code nests only as deep as the parser allows.
        let interp = Interpreter(stdout: StringOutputSink(), stderr: StringOutputSink())
        _ = try? interp.run(source: text, filename: "<fuzz>", interactive: false)
        _ = try? interp.run(source: text, filename: "<stdin>", interactive: true)
    }
    return 0
}

/// Only its lexer-based `isIncomplete` is used, which keeps no state between inputs.
nonisolated(unsafe) private let replProbe = Interpreter(stdout: StringOutputSink(), stderr: StringOutputSink())

/// Straight-line code only: no loops, functions, imports or repetition operators, and no number of
/// five or more digits, so running it terminates quickly in bounded memory.
private func boundedProgram(_ text: String) -> Bool {
    let banned = ["while", "for", "def", "lambda", "class", "import", "yield", "*", "<<", "range", "iter",
                  "pow", "input", "open", "exec", "eval", "help", "breakpoint", "__"]
    for word in banned where text.contains(word) { return false }
    var digits = 0
    for c in text.unicodeScalars {
        if c.properties.numericType != nil { digits += 1; if digits >= 5 { return false } } else { digits = 0 }
    }
    return true
}
