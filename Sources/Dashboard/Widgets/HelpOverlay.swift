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

    /// A section's lines (its title, then its entries) with keys padded to `keyWidth`.
    private func block(_ section: HelpSection, keyWidth: Int) -> [[Span]] {
        var lines: [[Span]] = []
        if !section.title.isEmpty { lines.append([Span(section.title, style: theme.header)]) }
        for entry in section.entries {
            let padding = String(repeating: " ", count: max(0, keyWidth - entry.keys.displayWidth))
            lines.append([Span(entry.keys + padding, style: theme.key), Span("  " + entry.description)])
        }
        return lines
    }

    /// A column of sections, one under another with a blank line between.
    private func column(_ sections: [HelpSection]) -> [[Span]] {
        let keyWidth = sections.flatMap(\.entries).map(\.keys.displayWidth).max() ?? 0
        return sections.enumerated().flatMap { index, section in
            (index == 0 ? [] : [[]]) + block(section, keyWidth: keyWidth)
        }
    }

    /// The lines inside the box: sections one under another, flowed into side-by-side columns when they
    /// would not fit in `height` rows but fit in `width` columns.
    private func lines(height: Int, width: Int) -> [[Span]] {
        let footerLines: [[Span]] = footer.isEmpty ? [] : [[], [Span(footer, style: theme.muted)]]
        let limit = max(1, height - footerLines.count)
        var groups: [[HelpSection]] = [[]]
        var used = 0
        for section in sections {
            let size = section.entries.count + (section.title.isEmpty ? 0 : 1)
            if !groups[groups.count - 1].isEmpty, used + 1 + size > limit {
                groups.append([section])
                used = size
            } else {
                used += (groups[groups.count - 1].isEmpty ? 0 : 1) + size
                groups[groups.count - 1].append(section)
            }
        }
        let columns = groups.map(column)
        let gap = 3
        let widths = columns.map { column in column.map(\.displayWidth).max() ?? 0 }
        guard columns.count > 1, widths.reduce(0, +) + gap * (columns.count - 1) <= width else {
            return column(sections) + footerLines
        }
        var lines: [[Span]] = []
        for row in 0..<(columns.map(\.count).max() ?? 0) {
            var line: [Span] = []
            for (index, column) in columns.enumerated() {
                let spans = row < column.count ? column[row] : []
                line += spans
                if index < columns.count - 1 {
                    line.append(Span(String(repeating: " ", count: widths[index] - spans.displayWidth + gap)))
                }
            }
            lines.append(line)
        }
        return lines + footerLines
    }

    /// Draws the box centred in `area`, as large as the content needs and `area` allows.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        render(into: &buffer, area: area, scroll: 0)
    }

    /// Draws the box with its content scrolled down `scroll` lines when it is longer than the box, the last line
    /// saying where it is and how to see the rest; returns the scroll used (at most the last page's) and the lines
    /// a page shows (what PgDn moves by).
    @discardableResult
    /// A line cut to `width` after a whole word, with an ellipsis: a description cut mid-list ("high" of "high, low")
    /// read as whole.
    private func fitted(_ spans: [Span], _ width: Int) -> [Span] {
        spans.fitted(toWidth: width, ellipsis: theme.glyphs.ellipsis, separator: "")
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect, scroll: Int) -> (scroll: Int, page: Int) {
        let content = lines(height: area.height - 2, width: area.width - 4)
        let contentWidth = max(content.map(\.displayWidth).max() ?? 0, title.displayWidth + 2)
        let box = area.centered(width: contentWidth + 4, height: content.count + 2)
        Box(title: title, glyphs: theme.glyphs, borderStyle: theme.border, titleStyle: theme.header, clearsInside: true)
            .render(into: &buffer, area: box)
        let inner = Box.inner(box)
        let textArea = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height)
        guard content.count > textArea.height, textArea.height > 1 else {
            for (offset, spans) in content.prefix(max(0, textArea.height)).enumerated() {
                buffer.write(spans: fitted(spans, textArea.width), x: textArea.x, y: textArea.y + offset, maxWidth: textArea.width)
            }
            return (0, max(1, textArea.height))
        }
        // Longer than the box: a page at a time, the last row saying where and how to move.
        let page = textArea.height - 1
        let first = min(max(0, scroll), content.count - page)
        for (offset, spans) in content[first..<(first + page)].enumerated() {
            buffer.write(spans: fitted(spans, textArea.width), x: textArea.x, y: textArea.y + offset, maxWidth: textArea.width)
        }
        let arrows = theme.glyphs.isUnicode ? "↑↓" : "Up/Down"
        let lines = "Lines \(first + 1)-\(first + page) of \(content.count)"
        // The longest that fits of: where, how to scroll, how to close.
        let position = ["\(lines): \(arrows) PgUp PgDn scroll, any other key closes", "\(lines): \(arrows) PgUp PgDn", lines]
            .first { $0.displayWidth <= textArea.width } ?? lines
        buffer.write(position, x: textArea.x, y: textArea.maxY - 1, maxWidth: textArea.width, style: theme.muted)
        return (first, page)
    }
}
