/// The bottom line: a message on the left, key hints after it, and text on the right.
///
/// The first hint (`? Help`) is always shown. When space is short the other hints go from the end, then the
/// right text's parts (split at the theme's separator, ` · `), then the message is cut, then the right text goes.
public struct StatusLine: Widget, Sendable {
    /// The message on the left (e.g. a filter, an error, "Loaded 120 measures").
    public var message: String
    /// Key hints shown after the message, e.g. `? Help  q Quit`.
    public var hints: [KeyHint]
    /// Text flush right (e.g. "updated 10:42").
    public var trailing: String
    /// The part of ``trailing`` kept longest when space is short (`published figures`, which a member must see
    /// whatever the message), if any.
    public var kept: String?
    /// Styles and glyphs.
    public var theme: Theme

    /// Creates a status line.
    public init(message: String = "", hints: [KeyHint] = [], trailing: String = "", kept: String? = nil, theme: Theme) {
        self.message = message
        self.hints = hints
        self.trailing = trailing
        self.kept = kept
        self.theme = theme
    }

    /// Draws on the first row of `area`.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 0, area.width > 0 else { return }
        let row = area.row(0)
        let base = theme.statusBar
        buffer.fill(row, with: Cell(" ", style: base))

        // The first hint (`? Help`) is always there; then the trailing text (position, period), then the message,
        // cut to fit when it must; the other hints fill what is left.
        let first = hints.prefix(1)
        let firstWidth = first.isEmpty ? 0 : hintSpans(Array(first), base: base).displayWidth + (message.isEmpty ? 0 : Self.gap)
        // The right text's parts (`13/58 · as at Q2 2026/27 · published figures · updated 10:42`) go one at a time,
        // the last and then the first, before the message is cut.
        // Split at the theme's separator (` | ` in ASCII: split at ` · ` alone, a terminal without UTF-8 kept every
        // part and cut the message to "Ctrl-C again...").
        let separator = theme.glyphs.separator
        var parts = trailing.isEmpty ? [] : trailing.components(separatedBy: separator)
        var fromEnd = true
        let messageNeeds = message.isEmpty ? 0 : message.displayWidth + Self.gap
        while parts.count > 1, messageNeeds + firstWidth + parts.joined(separator: separator).displayWidth + 1 > area.width {
            // The part kept longest goes last of all (when no `updated` ended the text, it went first).
            let others = parts.indices.filter { parts[$0] != kept }
            guard let index = fromEnd ? others.last : others.first else { break }
            parts.remove(at: index)
            fromEnd.toggle()
        }
        let trailing = parts.joined(separator: separator)
        let showTrailing = !trailing.isEmpty && trailing.displayWidth + 1 + firstWidth <= area.width
        let room = showTrailing ? area.width - trailing.displayWidth - 1 : area.width
        let messageWidth = message.isEmpty ? 0 : message.displayWidth + Self.gap
        var shownHints = hints
        var hintSpans = hintSpans(shownHints, base: base)
        while shownHints.count > 1, messageWidth + hintSpans.displayWidth > room {
            shownHints.removeLast()
            hintSpans = self.hintSpans(shownHints, base: base)
        }
        let messageRoom = max(0, room - hintSpans.displayWidth - (shownHints.isEmpty ? 0 : Self.gap))

        var x = row.x
        // A message cut to a stub says nothing: below four columns it is left off.
        if !message.isEmpty, messageRoom >= min(message.displayWidth, 4) {
            x += buffer.write(message, x: x, y: row.y, maxWidth: messageRoom, style: base, ellipsis: theme.glyphs.ellipsis)
            x += Self.gap
        }
        buffer.write(spans: hintSpans, x: x, y: row.y, maxWidth: max(0, row.x + room - x))
        if showTrailing {
            buffer.write(trailing, x: row.maxX - trailing.displayWidth, y: row.y, style: base)
        }
    }

    /// Columns between the message and the hints: two, as between hints (one ran "members now see it ? Help" together).
    static let gap = 2

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
