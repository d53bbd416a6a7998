/// Why the ncurses terminal could not start.
public enum TerminalError: Error, Hashable, Sendable {
    /// ncurses does not know the terminal type (check `TERM` and the terminfo database).
    case unknownTerminal(String)
    /// The terminal type cannot move the cursor (`TERM=dumb`), which drawing a screen needs.
    case cannotAddressCursor(String)
    /// An input or output file could not be opened.
    case cannotOpen(String)
    /// Another ``NcursesTerminal`` is already running in this process.
    case alreadyRunning
}
