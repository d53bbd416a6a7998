/// A centred box listing key bindings by section, drawn over whatever is underneath.
public struct HelpOverlay: Widget, Sendable {
    /// The box title.
    public var title: String
    /// The sections of entries, usually from ``Keymap/helpSections(unicode:)``.
    public var sections: [HelpSection]
    /// A closing line, e.g. "Press any key to close".
    public var footer: String
    /// Styles and glyphs.
    public var theme: Theme

    /// Creates an overlay from sections.
    public init(title: String = "Keys", sections: [HelpSection], footer: String = "Press any key to close", theme: Theme) {
        self.title = title
        self.sections = sections
        self.footer = footer
        self.theme = theme
    }

    /// Creates an overlay from a flat list of entries.
    public init(
        title: String = "Keys", entries: [(keys: String, description: String)], footer: String = "Press any key to close",
        theme: Theme
    ) {
        let helpEntries = entries.map { HelpEntry(keys: $0.keys, description: $0.description) }
        self.init(title: title, sections: [HelpSection(title: "", entries: helpEntries)], footer: footer, theme: theme)
    }

    /// The lines inside the box, each as spans.
    private func lines() -> [[Span]] {
        let keyWidth = sections.flatMap(\.entries).map(\.keys.displayWidth).max() ?? 0
        var lines: [[Span]] = []
        for section in sections {
            if !lines.isEmpty { lines.append([]) }
            if !section.title.isEmpty { lines.append([Span(section.title, style: theme.header)]) }
            for entry in section.entries {
                let padding = String(repeating: " ", count: keyWidth - entry.keys.displayWidth)
                lines.append([Span(entry.keys + padding, style: theme.key), Span("  " + entry.description)])
            }
        }
        if !footer.isEmpty { lines += [[], [Span(footer, style: theme.muted)]] }
        return lines
    }

    /// Draws the box centred in `area`, as large as the content needs and `area` allows.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        let content = lines()
        let contentWidth = max(content.map(\.displayWidth).max() ?? 0, title.displayWidth + 2)
        let box = area.centered(width: contentWidth + 4, height: content.count + 2)
        Box(title: title, glyphs: theme.glyphs, borderStyle: theme.border, titleStyle: theme.header, clearsInside: true)
            .render(into: &buffer, area: box)
        let inner = Box.inner(box)
        let textArea = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        let shown = content.count > textArea.height ? Array(content.prefix(max(0, textArea.height - 1))) : content
        for (offset, spans) in shown.enumerated() {
            buffer.write(spans: spans, x: textArea.x, y: textArea.y + offset, maxWidth: textArea.width)
        }
        if shown.count < content.count, textArea.height > 0 {
            buffer.write(theme.glyphs.ellipsis, x: textArea.x, y: textArea.maxY - 1, style: theme.muted)
        }
    }
}
