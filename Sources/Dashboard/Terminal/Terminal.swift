/// A screen that shows buffers and delivers keys: the real ncurses terminal, or a test double.
public protocol Terminal: AnyObject {
    /// The current size in columns and rows.
    var size: Size { get }
    /// The capabilities decided when the terminal started.
    var capabilities: Capabilities { get }
    /// Shows `buffer`, sending only the cells that changed since the last one.
    func present(_ buffer: ScreenBuffer)
    /// Forgets what is on screen so the next ``present(_:)`` repaints everything (Ctrl-L).
    func invalidate()
    /// The next key, or `nil` when `timeout` passes first.
    func readKey(timeout: Duration) -> Key?
}
