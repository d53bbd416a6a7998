/// The whole-screen message shown when the terminal is below the minimum size.
public struct TooSmallScreen: Widget, Sendable {
    /// The smallest terminal the dashboard lays out for: 60x18.
    ///
    /// 60 columns fit a measure row (code, short title, value, target, status, trend and a short
    /// sparkline); 18 rows fit the breadcrumb, the status line, a table header and a dozen rows.
    public static let minimumSize = Size(width: 60, height: 18)

    /// The terminal's current size.
    public var size: Size
    /// The size needed.
    public var minimum: Size
    /// Styles and glyphs.
    public var theme: Theme
    /// How to leave: `Enlarge the window, or press q to quit.`, or what quitting would lose.
    public var hint: String

    /// Creates the message for a terminal of `size`; `typing` when the value form holds what was typed (quitting
    /// asks first), `asked` once it has asked.
    public init(size: Size, minimum: Size = TooSmallScreen.minimumSize, theme: Theme, typing: Bool = false, asked: Bool = false) {
        self.size = size
        self.minimum = minimum
        self.theme = theme
        hint =
            asked ? "q or Ctrl-C again quits, losing what you typed; enlarge the window to go on with it."
            : typing ? "Enlarge the window to go on with the value you are typing, or press q to quit." : "Enlarge the window, or press q to quit."
    }

    /// The message: `Terminal too small: 50x12, needs at least 60x18`.
    public var message: String { "Terminal too small: \(size), needs at least \(minimum)" }

    /// Draws the message word-wrapped and centred in `area`, with a hint to enlarge or quit.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        buffer.fill(area)
        let ellipsis = theme.glyphs.ellipsis
        let lines =
            TextFit.wrapped(message, toWidth: area.width, ellipsis: ellipsis).map { Span($0, style: theme.warning) }
            + TextFit.wrapped(hint, toWidth: area.width, ellipsis: ellipsis)
            .map { Span($0, style: theme.muted) }
        let top = area.y + max(0, (area.height - lines.count) / 2)
        for (offset, line) in lines.prefix(area.height).enumerated() {
            let x = area.x + max(0, (area.width - line.text.displayWidth) / 2)
            buffer.write(line.text, x: x, y: top + offset, maxWidth: area.maxX - x, style: line.style)
        }
    }
}
