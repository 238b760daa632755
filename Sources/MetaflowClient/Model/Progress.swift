// Long work reports how far it got, so a shell can show a progress line. The client only reports;
// whoever set `ClientSession.progress` decides whether and how to show it (the shell draws a line
// on stderr only when stderr is a terminal).

public protocol ProgressReporter: AnyObject {
    /// The work named `label` reached `done` of `total` (bytes when `bytes`, else items).
    func report(_ label: String, done: Int, total: Int, bytes: Bool)
    /// The work is over (or interrupted): take any progress line away.
    func finish()
}

/// Blobs smaller than this load too fast to be worth a progress line.
let progressMinimumBytes = 8 << 20
