// `metaflow.cards` as scripts see it: `get_cards(task)` and the CardContainer and Card objects of
// Python's card client (metaflow/plugins/cards/card_client.py), with its errors. A card's HTML is
// read when `get()` asks for it, as in Python. `view()` cannot open a notebook or Python's
// webbrowser: it writes the HTML to a temporary file, prints its path and, when $BROWSER is set,
// starts that browser on it.
import MFSInterpreter
import MetaflowClient
#if canImport(Glibc)
import Glibc
#endif

package enum CardsModule {
    static let module = "metaflow.plugins.cards.card_client"

    package static func members(_ c: ClientContext) -> [(String, Value)] {
        c.interpreter.setHostClassModule(name: "CardContainer", module: module)
        c.interpreter.setHostClassModule(name: "Card", module: module)
        let getCards = Value.builtin(PyBuiltin(name: "get_cards", doc: getCardsDoc) { args, kwargs in
            let a = try PythonSignature("get_cards", ["task", "id", "type", "follow_resumed"], required: 1).bind(args, kwargs)
            let followResumed = try a[3].map { try c.interpreter.truthy($0) } ?? true
            let id = try filter(a[1], c), type = try filter(a[2], c)
            let task = try taskArgument(a[0] ?? .none, c)
            let found = try c.bridge { try TaskCards.find(task: task, type: type, id: id, followResumed: followResumed) }
            return .host(CardContainerHost(found, context: c))
        })
        var out: [(String, Value)] = [("get_cards", getCards)]
        for (name, _) in cardExceptionClasses {
            if let cls = c.exceptionClasses[name] { out.append((name, cls)) }
        }
        return out
    }

    static let getCardsDoc = """
        get_cards(task, id=None, type=None, follow_resumed=True) -> CardContainer

            The Metaflow cards (@card) of a task: a Task, or a task pathspec 'Flow/run/step/task' (which,
            as in Python's client, sets the namespace to None first). `type` and `id` keep only the cards
            of that type or id; with `follow_resumed`, a task cloned by `resume` gives its origin's cards.
            The result is list-like: len(cards), cards[i], for card in cards. Each card has .type, .id,
            .hash and .path; card.get() returns its HTML; card.view() writes the HTML to a temporary
            file, prints its path and, when $BROWSER is set, opens it there (mfsh cannot open a
            notebook or Python's webbrowser). CardNotPresentException when the task has no card.
            Cards are read where the task's data are: a local datastore or S3.
        """

    private static func filter(_ v: Value?, _ c: ClientContext) throws -> CardFilter {
        switch v {
        case nil, .none?: return .any
        case .str(let s)?: return .name(s)
        case let other?: return .unmatchable(text: try c.interpreter.str(other))
        }
    }

    /// A Task, or a task pathspec (which, as in Python, first sets the namespace to None).
    private static func taskArgument(_ v: Value, _ c: ClientContext) throws -> MetaflowClient.Task {
        switch v {
        case .str(let pathspec):
            guard pathspec.split(separator: "/", omittingEmptySubsequences: false).count == 4 else {
                throw c.pythonException(MetaflowError(type: "IncorrectPathspecException", message:
                    "Pathspec \(pathspec) is invalid. Pathspec is required of form `flowname/runid/stepname/taskid`"))
            }
            return try c.bridge {
                _ = try c.session.namespace(nil)
                return try MetaflowClient.Task(pathspec: pathspec, session: c.session)
            }
        case .host(let h):
            if let task = ClientHosts.object(of: h) as? MetaflowClient.Task { return task }
        default: break
        }
        let typeText = try c.interpreter.str(c.interpreter.typeOf(v))
        throw c.pythonException(MetaflowError(type: "IncorrectArgumentException", message:
            "`get_cards` function requires a `Task` object or pathspec as an argument. `task` argument cannot be of type \(typeText)."))
    }
}

/// Python's `CardContainer`: an immutable list of the cards found.
final class CardContainerHost: HostObject {
    let found: TaskCards
    unowned let context: ClientContext
    init(_ found: TaskCards, context: ClientContext) { self.found = found; self.context = context }

    var typeName: String { "CardContainer" }
    var attributeNames: [String] { ["from_resumed", "origin_pathspec"] }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "from_resumed": return .bool(found.originPathspec != nil)
        case "origin_pathspec": return found.originPathspec.map { .str($0) } ?? Value.none
        default: return nil
        }
    }

    private func card(_ i: Int) -> Value { .host(CardHost(found.cards[i], of: found, context: context)) }

    /// `cards[i]`: Python checks `index >= len` first (a bare IndexError), then indexes its list.
    func getItem(_ key: Value) throws -> Value {
        let count = found.cards.count
        let index: Int
        switch key {
        case .int(let i): index = i
        case .bool(let b): index = b ? 1 : 0
        default:
            let typeName = try context.interpreter.repr(context.interpreter.typeOf(key))
            let shown = typeName.hasPrefix("<class '") ? String(typeName.dropFirst(8).dropLast(2)) : typeName
            throw PyException.typeError("'>=' not supported between instances of '\(shown)' and 'int'")
        }
        if index >= count { throw PyException.builtin("IndexError", "") }
        guard index >= -count else { throw PyException.builtin("IndexError", "list index out of range") }
        return card(index < 0 ? index + count : index)
    }

    func makeIterator() throws -> PyIterator {
        var i = 0
        let n = found.cards.count
        return ClosureIterator("generator") { [self] in guard i < n else { return nil }; defer { i += 1 }; return card(i) }
    }

    func length() throws -> Int { found.cards.count }
    func repr() -> String { "<\(CardsModule.module).CardContainer object at \(context.interpreter.addressText(of: self))>" }
    func str() -> String { repr() }
    var isTruthy: Bool { !found.cards.isEmpty }
    var doc: String? {
        "The cards of a task, as get_cards returns them: len(cards), cards[i], for card in cards.\n  .from_resumed, .origin_pathspec: the task followed to when the task was resumed"
    }
}

/// Python's `Card`: one HTML file, read on `get()`.
final class CardHost: HostObject {
    let card: CardFile
    let found: TaskCards
    unowned let context: ClientContext
    private var html: String?

    init(_ card: CardFile, of found: TaskCards, context: ClientContext) {
        self.card = card; self.found = found; self.context = context
    }

    var typeName: String { "Card" }
    var attributeNames: [String] { ["from_resumed", "get", "hash", "id", "origin_pathspec", "path", "type", "view"] }

    private func text() throws -> String {
        if let html { return html }
        let read = try context.bridge { try found.html(of: card) }
        html = read
        return read
    }

    func getAttribute(_ name: String) throws -> Value? {
        switch name {
        case "type": return .str(card.type)
        case "id": return card.id.map { .str($0) } ?? Value.none
        case "hash": return .str(card.hash)
        case "path": return .str(card.path)
        // Python's Card is made without them: always False and None.
        case "from_resumed": return .bool(false)
        case "origin_pathspec": return Value.none
        case "get": return .newBuiltin("get") { [self] _, _ in .str(try text()) }
        case "view": return .newBuiltin("view") { [self] _, _ in try view(); return Value.none }
        default: return nil
        }
    }

    /// Writes the HTML to a new temporary file, prints its path and opens $BROWSER on it if set.
    private func view() throws {
        let html = try text()
        let folder = FileSystem.environment("TMPDIR").flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let path = try CardFileWriter.write(Array(html.utf8), in: folder, prefix: "mfsh-card-\(card.type)-")
        context.interpreter.stdout.write("Card written to \(path)\n")
        if let browser = FileSystem.environment("BROWSER"), !browser.isEmpty {
            context.interpreter.stdout.flush()
            try CardFileWriter.open(browser: browser, url: "file://" + path)
        }
    }

    func repr() -> String { "<\(CardsModule.module).Card object at \(context.interpreter.addressText(of: self))>" }
    func str() -> String { "<Card at '\(card.path)'>" }
    var doc: String? {
        "A Metaflow card (one HTML file): .type, .id, .hash, .path; get() returns its HTML; view() writes the HTML to a temporary file, prints its path and opens it in $BROWSER when that is set"
    }
}

/// The temporary file of `Card.view()` and the browser started on it.
enum CardFileWriter {
    static func write(_ bytes: [UInt8], in folder: String, prefix: String) throws -> String {
        var template = Array((folder + "/" + prefix + "XXXXXX.html").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemps(base, 5)
        }
        guard fd >= 0 else {
            throw PyException.builtin("OSError", "cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let path = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw PyException.builtin("OSError", "cannot write \(path): \(String(cString: strerror(errno)))") }
            written += n
        }
        return path
    }

    /// `$BROWSER` as Python's webbrowser reads it: a command, `%s` standing for the URL (else the
    /// URL goes last). It runs in the background through /bin/sh; mfsh does not wait for it.
    static func open(browser: String, url: String) throws {
        let command = browser.contains("%s") ? browser.replacing("%s", with: "\"$1\"") : browser + " \"$1\""
        var pid = pid_t()
        let words: [String] = ["/bin/sh", "-c", "(" + command + ") >/dev/null 2>&1 &", "sh", url]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { (w: String) -> UnsafeMutablePointer<CChar>? in strdup(w) } + [nil]
        defer { for p in argv { free(p) } }
        let rc = posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ)
        guard rc == 0 else { throw PyException.builtin("OSError", "cannot start $BROWSER (\(browser)): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }
}
