// The Metaflow cards of a task, as Python's `get_cards` finds them: HTML files that `@card` wrote
// under the task's datastore root, in `mf.cards/<Flow>/runs/<run>/steps/<step>/tasks/<task>/cards/`
// (cards written before June 2022 lack the `steps/<step>` part and are looked for there when the
// newer folder is empty). A file is named `TYPE-HASH.html` or `TYPE-ID-HASH.html`.

/// One card file: what its name says, and its path relative to the card root (Python's `Card.path`).
public struct CardFile: Sendable, Equatable {
    public let type: String
    public let id: String?
    public let hash: String
    public let path: String
}

/// A `type=` or `id=` filter of `get_cards`. Python compares with `!=`, so a filter that is no string
/// matches no card; `text` is how Python's message shows it.
public enum CardFilter: Sendable {
    case any
    case name(String)
    case unmatchable(text: String)

    func admits(_ value: String?) -> Bool {
        switch self {
        case .any: return true
        case .name(let n): return value == n
        case .unmatchable: return false
        }
    }

    var text: String? {
        switch self {
        case .any: return nil
        case .name(let n): return n
        case .unmatchable(let t): return t
        }
    }
}

public struct TaskCards {
    /// The task whose cards these are (the origin of a resumed task when it was followed).
    public let task: Task
    public let cards: [CardFile]
    /// The task followed to, when the task was cloned by `resume` (else nil).
    public let originPathspec: String?
    /// Where the cards are: the task's recorded datastore root.
    private let recordedRoot: String?

    static let cardFolder = "mf.cards"

    /// `get_cards(task, id=, type=, follow_resumed=)`: lists the card files, reading none of them.
    /// `task` was built by the caller (Python's `Task(pathspec)` or the Task given).
    public static func find(task given: Task, type: CardFilter, id: CardFilter, followResumed: Bool) throws -> TaskCards {
        var task = given
        var origin: String?
        if followResumed {
            // Python chases origin_pathspec to the first task that is no clone.
            while let next = try task.originPathspec {
                origin = next
                task = try Task(pathspec: next, session: given.session)
            }
        }
        let metadata = try task.metadataDict()
        guard metadata["ds-type"]?.stringValue != nil else {
            throw MetaflowError(type: "UnresolvableDatastoreException",
                                message: "Cannot resolve the metadata `ds-type` from task with pathspec : \(task.pathspec) ")
        }
        let root = metadata["ds-root"]?.stringValue
        let found = try list(task: task, recordedRoot: root, type: type, id: id)
        return TaskCards(task: task, cards: found, originPathspec: origin, recordedRoot: root)
    }

    private static func list(task: Task, recordedRoot: String?, type: CardFilter, id: CardFilter) throws -> [CardFile] {
        let c = task.pathComponents
        guard c.count == 4 else { throw MetaflowError.invalidPathspec("Pathspec \(task.pathspec) is not a task's") }
        let store = task.session.datastore
        let withSteps = [cardFolder, c[0], "runs", c[1], "steps", c[2], "tasks", c[3], "cards"]
        let withoutSteps = [cardFolder, c[0], "runs", c[1], "tasks", c[3], "cards"]
        var folder = withSteps
        var entries = try store.listFolder(recordedRoot: recordedRoot, path: withSteps)
        if entries.isEmpty {
            folder = withoutSteps
            entries = try store.listFolder(recordedRoot: recordedRoot, path: withoutSteps)
        }
        guard !entries.isEmpty else {
            let message = type.text.map { "Card with type '\($0)' not found for pathspec \(task.pathspec)" }
                ?? "Card not found for pathspec \(task.pathspec)"
            throw MetaflowError(type: "CardNotPresentException", message: message)
        }
        // The folder relative to the card root, as Python's list_content names its entries.
        let relative = folder.dropFirst().joined(separator: "/")
        var out: [CardFile] = []
        for entry in entries {
            let card = try parse(name: entry.name, folder: relative)
            if !type.admits(card.type) || !id.admits(card.id) { continue }
            if entry.isFile { out.append(card) }
        }
        return out
    }

    /// What a card's file name says (CardDatastore.info_from_path).
    static func parse(name: String, folder: String) throws -> CardFile {
        let parts = name.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3 else {
            throw MetaflowError.generic("Exception", "Invalid file name \(name). Card/Data file names should be of form TYPE-HASH.html or TYPE-ID-HASH.html")
        }
        let last = parts[parts.count - 1]
        // Python keeps what comes before the first ".html".
        let hash = last.firstRange(of: ".html").map { String(last[..<$0.lowerBound]) } ?? last
        return CardFile(type: parts[0], id: parts.count == 3 ? parts[1] : nil, hash: hash, path: folder + "/" + name)
    }

    /// A card's HTML, read as Python's `open(path, "r")` reads it: UTF-8 with universal newlines
    /// (`\r\n` and a lone `\r` become `\n`).
    public func html(of card: CardFile) throws -> String {
        var path = card.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let name = path.removeLast()
        guard let bytes = try task.session.datastore.taskFile(recordedRoot: recordedRoot, path: [Self.cardFolder] + path, name: name) else {
            throw MetaflowError.data("The card \(card.path) is gone from the datastore")
        }
        return Self.universalNewlines(bytes)
    }

    static func universalNewlines(_ bytes: [UInt8]) -> String {
        guard bytes.contains(0x0D) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(bytes[i])
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
