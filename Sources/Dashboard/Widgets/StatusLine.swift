/// The bottom line: a message on the left, key hints after it, and text on the right.
///
/// When space is short the right text goes first, then hints from the end, then the message is cut.
public struct StatusLine: Widget, Sendable {
    /// The message on the left (e.g. a filter, an error, "Loaded 120 measures").
    public var message: String
    /// Key hints shown after the message, e.g. `? Help  q Quit`.
    public var hints: [KeyHint]
    /// Text flush right (e.g. "updated 10:42").
    public var trailing: String
    /// Styles and glyphs.
    public var theme: Theme

    /// Creates a status line.
    public init(message: String = "", hints: [KeyHint] = [], trailing: String = "", theme: Theme) {
        self.message = message
        self.hints = hints
        self.trailing = trailing
        self.theme = theme
    }

    /// Draws on the first row of `area`.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 0, area.width > 0 else { return }
        let row = area.row(0)
        let base = theme.statusBar
        buffer.fill(row, with: Cell(" ", style: base))

        // The trailing text (position, period) matters most, then the message; hints fill what is left.
        let messageWidth = message.isEmpty ? 0 : message.displayWidth + 1
        let showTrailing = !trailing.isEmpty && messageWidth + trailing.displayWidth + 1 <= area.width
        let room = showTrailing ? area.width - trailing.displayWidth - 1 : area.width
        var shownHints = hints
        var hintSpans = hintSpans(shownHints, base: base)
        while !shownHints.isEmpty, messageWidth + hintSpans.displayWidth > room {
            shownHints.removeLast()
            hintSpans = self.hintSpans(shownHints, base: base)
        }

        var x = row.x
        if !message.isEmpty {
            x += buffer.write(message, x: x, y: row.y, maxWidth: room, style: base, ellipsis: theme.glyphs.ellipsis)
            x += 1
        }
        buffer.write(spans: hintSpans, x: x, y: row.y, maxWidth: max(0, row.x + room - x))
        if showTrailing {
            buffer.write(trailing, x: row.maxX - trailing.displayWidth, y: row.y, style: base)
        }
    }

    /// `key label` pairs separated by two spaces, keys highlighted.
    private func hintSpans(_ hints: [KeyHint], base: Style) -> [Span] {
        var spans: [Span] = []
        for (index, hint) in hints.enumerated() {
            if index > 0 { spans.append(Span("  ", style: base)) }
            spans.append(Span(hint.key, style: base.patched(with: theme.key)))
            spans.append(Span(" " + hint.label, style: base))
        }
        return spans
    }
}
