// The one display setting of pandas that depends on where the output goes: the terminal width.
// A plain CPython process (script or interactive prompt alike) sets `display.max_columns` to 0,
// and pandas then fits a frame's columns to `shutil.get_terminal_size()`: $COLUMNS, else the
// terminal on stdout, else 80. This module does not know the terminal; its embedder (the shell)
// says how wide it is, and is asked again at every print, as pandas asks at every repr.
import Synchronization

public enum PandasDisplay {
    /// `display.width`, `display.max_rows`, `display.min_rows`, `display.max_seq_items`,
    /// `display.max_categories`, `display.max_colwidth`: pandas' defaults, which mfsh does not change.
    static let width = 80
    static let maxRows = 60
    static let minRows = 10
    static let maxSequenceItems = 100
    static let maxCategories = 8
    static let maxColumnWidth = 50

    private static let terminalWidthSource = Mutex<(@Sendable () -> Int)?>(nil)

    /// Tells pandas' printing how to learn the terminal width (`shutil.get_terminal_size().columns`).
    /// Without it the width is 80, as for a script whose stdout is not a terminal.
    public static func setTerminalWidth(_ source: @escaping @Sendable () -> Int) {
        terminalWidthSource.withLock { $0 = source }
    }

    /// The terminal width frames are fitted to now.
    public static var terminalWidth: Int {
        let source = terminalWidthSource.withLock { $0 }
        return source?() ?? 80
    }
}
