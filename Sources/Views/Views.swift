// Views: pictures of runs and numbers for the shell — dag(), timeline(), plot(), scatter(), bar(),
// hist(), sparkline() — drawn as terminal text or written as SVG files. Layout (DagLayout,
// TimelineLayout, ChartLayout) makes a Picture; a PictureRenderer (terminal or SVG) draws it.
// It knows the client only through MetaflowClient's model and MetaflowBindings' hosts; it knows
// nothing of the line editor, the REPL or how the shell reads its input, and the client's own
// objects gain no attribute from it.
import MFSInterpreter
import MetaflowBindings
import MetaflowClient
import NumPyPandas
import SystemModules
#if canImport(Glibc)
import Glibc
#endif

/// How the pictures reach the user: the terminal's width and whether colour is wanted, where
/// the datastore lies (never written to), the clock.
package struct ViewsEnvironment {
    package var terminalWidth: () -> Int
    package var colour: Bool
    package var datastoreRoot: String?

    package init(terminalWidth: @escaping () -> Int, colour: Bool, datastoreRoot: String?) {
        self.terminalWidth = terminalWidth
        self.colour = colour
        self.datastoreRoot = datastoreRoot
    }
}

package enum Views {
    /// The functions, their signatures and help texts (help() lists them).
    package static let functions: [(name: String, signature: String, doc: String)] = ViewsDocs.entries

    /// Registers the view functions as globals of the shell's interpreter.
    package static func register(in interpreter: Interpreter, context: ClientContext, environment: ViewsEnvironment) {
        let views = ViewFunctions(context: context, environment: environment)
        for entry in functions {
            let body = views.body(entry.name)
            let builtin = PyBuiltin(name: entry.name, doc: entry.doc) { args, kwargs in try body(args, kwargs) }
            builtin.helpText = "Help on function \(entry.name) in module mfsh:\n\n\(entry.name)\(entry.signature)\n"
                + entry.doc.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n") + "\n\n"
            interpreter.registerGlobal(entry.name, .builtin(builtin))
        }
    }
}

/// The calls behind the functions: arguments checked, data read, picture laid out and shown.
final class ViewFunctions {
    unowned let context: ClientContext
    let environment: ViewsEnvironment

    init(context: ClientContext, environment: ViewsEnvironment) {
        self.context = context
        self.environment = environment
    }

    var interpreter: Interpreter { context.interpreter }

    func body(_ name: String) -> ([Value], [(String, Value)]) throws -> Value {
        switch name {
        case "dag": return { try self.dag(CallArguments(name, $0, $1, positional: ["run"], keywords: ["svg", "width"])) }
        case "timeline": return { try self.timeline(CallArguments(name, $0, $1, positional: ["run"], keywords: ["svg", "width"])) }
        case "plot", "scatter":
            return { try self.plot(CallArguments(name, $0, $1, positional: ["x", "y"], keywords: ["title", "width", "height", "svg"]), joined: name == "plot") }
        case "bar": return { try self.bar(CallArguments(name, $0, $1, positional: ["labels", "values"], keywords: ["title", "width", "svg"])) }
        case "hist": return { try self.hist(CallArguments(name, $0, $1, positional: ["values", "bins"], keywords: ["title", "width", "height", "svg"])) }
        default: return { try self.sparkline(CallArguments(name, $0, $1, positional: ["values"], keywords: ["width", "svg"])) }
        }
    }

    // MARK: runs

    func dag(_ a: CallArguments) throws -> Value {
        let record = try runRecord(a.required("run"))
        let width = try self.width(a)
        let blocks = record.blocks
        var picture = Picture()
        let state = record.state
        picture.add(.text(x: 0, y: 0, "\(state.mark) \(record.pathspec) · \(state.word)", state.tone))
        let graph = DagLayout.picture(blocks, summaries: record.summaries,
                                      manyTaskSteps: DagLayout.manyTaskSteps(blocks, graph: record.graph), maxWidth: width)
        picture.add(graph, dx: 0, dy: 2)
        return try show(picture, a)
    }

    func timeline(_ a: CallArguments) throws -> Value {
        let record = try runRecord(a.required("run"))
        let width = try self.width(a)
        return try show(TimelineLayout.picture(record, width: width, nowMillis: record.state == .running ? nowMillis() : nil), a)
    }

    private func nowMillis() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_REALTIME, &t)
        return t.tv_sec * 1000 + t.tv_nsec / 1_000_000
    }

    /// The run a value stands for: a Run, a Flow (its latest run), or their pathspec or name.
    private func runRecord(_ v: Value) throws -> RunRecord {
        var value = v
        if case .str(let s) = v, let maker = interpreter.global(s.contains("/") ? "Run" : "Flow") {
            value = try interpreter.call(maker, [v])
        }
        guard case .host(let h) = value, let object = ClientHosts.object(of: h) else {
            throw PyException.typeError("expected a Run or a Flow (or its pathspec), not '\(v.typeName)'")
        }
        return try context.bridge { () throws -> RunRecord in
            if let run = object as? Run { return try RunReading.record(run) }
            if let flow = object as? Flow {
                guard let run = try flow.latestRun else { throw MetaflowError.data("\(flow.pathspec) has no run") }
                return try RunReading.record(run)
            }
            throw PyException.typeError("expected a Run or a Flow, not a \(type(of: object).className)")
        }
    }

    // MARK: charts

    func plot(_ a: CallArguments, joined: Bool) throws -> Value {
        let first = try a.required("x")
        let (x, y): ([Double], [Double])
        if let second = a.value("y") {
            x = try Numbers.read(first, interpreter, for: a.name).values
            y = try Numbers.read(second, interpreter, for: a.name).values
            guard x.count == y.count else { throw PyException.valueError("x and y must have the same length, not \(x.count) and \(y.count)") }
        } else {
            let read = try Numbers.read(first, interpreter, for: a.name)
            y = read.values
            // A Series plots against its index when the index holds numbers.
            let keys = read.keys.flatMap { try? Numbers.doubles($0, interpreter, for: a.name) }
            x = keys ?? y.indices.map(Double.init)
        }
        let o = try options(a)
        return try show(ChartLayout.plot(x: x, y: y, joined: joined, o), a)
    }

    func bar(_ a: CallArguments) throws -> Value {
        let first = try a.required("labels")
        var labels: [String], values: [Double]
        if let second = a.value("values") {
            labels = try interpreter.iterateAll(first).map { try interpreter.str($0) }
            values = try Numbers.read(second, interpreter, for: a.name).values
        } else {
            let read = try Numbers.read(first, interpreter, for: a.name)
            values = read.values
            labels = try read.keys.map { try $0.map { try interpreter.str($0) } } ?? values.indices.map(String.init)
        }
        guard labels.count == values.count else { throw PyException.valueError("bar() got \(labels.count) labels for \(values.count) values") }
        guard labels.count <= Self.maxRows else { throw PyException.valueError("bar() draws at most \(Self.maxRows) bars, not \(labels.count)") }
        var o = try options(a)
        o.height = labels.count
        return try show(ChartLayout.bars(labels: labels, values: values, o), a)
    }

    func hist(_ a: CallArguments) throws -> Value {
        let values = try Numbers.read(try a.required("values"), interpreter, for: a.name).values
        let bins = try a.int("bins") ?? 10
        guard bins >= 1 && bins <= 1000 else { throw PyException.valueError("bins must be between 1 and 1000, not \(bins)") }
        return try show(ChartLayout.histogram(values, bins: bins, try options(a)), a)
    }

    func sparkline(_ a: CallArguments) throws -> Value {
        let values = try Numbers.read(try a.required("values"), interpreter, for: a.name).values
        return try show(ChartLayout.sparkline(values, width: try width(a, least: 1)), a)
    }

    /// Pictures are at most this wide and tall (a picture is a grid of cells in memory).
    static let maxColumns = 1000, maxRows = 1000

    /// `width=`, else the terminal's (within the bounds: a huge $COLUMNS is not an error).
    private func width(_ a: CallArguments, least: Int = 20) throws -> Int {
        guard let w = try a.int("width") else { return min(Self.maxColumns, max(least, environment.terminalWidth())) }
        guard w >= least && w <= Self.maxColumns else { throw PyException.valueError("width must be between \(least) and \(Self.maxColumns), not \(w)") }
        return w
    }

    private func options(_ a: CallArguments) throws -> ChartOptions {
        let o = ChartOptions(title: try a.string("title"), width: try width(a), height: try a.int("height") ?? 15)
        guard o.height >= 2 && o.height <= 500 else { throw PyException.valueError("height must be between 2 and 500, not \(o.height)") }
        return o
    }

    // MARK: output

    /// Prints the picture, writes it as SVG to the `svg=` path (never inside the datastore), or
    /// with `svg=True` returns the `<svg>` element as a str, to embed in a page (`report()` does).
    private func show(_ picture: Picture, _ a: CallArguments) throws -> Value {
        if case .bool(let flag)? = a.value("svg") {
            guard flag else { return try show(picture, a, printing: true) }
            return .str(SVGRenderer().render(picture, prolog: false))
        }
        return try show(picture, a, printing: false)
    }

    private func show(_ picture: Picture, _ a: CallArguments, printing: Bool) throws -> Value {
        if !printing, let path = try a.string("svg") {
            try write(SVGRenderer().render(picture), to: path)
            return .none
        }
        interpreter.stdout.write(TerminalRenderer(colour: environment.colour).render(picture) + "\n")
        return .none
    }

    private func write(_ text: String, to path: String) throws {
        let guardian = DatastoreWriteGuard(datastoreRoot: environment.datastoreRoot)
        let fd = try guardian.open(path, flags: O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC)
        defer { close(fd) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw PyException.builtin("OSError", "[Errno \(errno)] \(String(cString: strerror(errno))): \(PythonText.repr(path))") }
            bytes = bytes.dropFirst(n)
        }
    }
}
