/// A table with a header row, fixed and flexible columns, and a highlighted, always-visible selection.
public struct Table: Widget, Sendable {
    /// How wide a column is.
    public enum Width: Hashable, Sendable {
        /// Exactly this many columns.
        case fixed(Int)
        /// A share (by weight) of what fixed columns leave.
        case flexible(Int)
    }

    /// A column's heading, width and alignment.
    public struct Column: Hashable, Sendable {
        /// The heading.
        public var title: String
        /// Its width.
        public var width: Width
        /// How its cells are aligned.
        public var alignment: Alignment

        /// Creates a column.
        public init(_ title: String, width: Width, alignment: Alignment = .left) {
            self.title = title
            self.width = width
            self.alignment = alignment
        }
    }

    /// One cell: text in one style, or several styled spans (drawn left-aligned).
    public struct Item: Hashable, Sendable, ExpressibleByStringLiteral {
        /// The text.
        public var text: String
        /// Its style, laid over the row's.
        public var style: Style
        /// Styled pieces that replace ``text`` when present.
        public var spans: [Span]?

        /// Creates a cell.
        public init(_ text: String, style: Style = .plain) {
            self.text = text
            self.style = style
            self.spans = nil
        }

        /// Creates a cell of several styled spans.
        public init(spans: [Span]) {
            self.text = spans.map(\.text).joined()
            self.style = .plain
            self.spans = spans
        }

        /// Creates a plain cell from a literal.
        public init(stringLiteral value: String) { self.init(value) }
    }

    /// The columns.
    public var columns: [Column]
    /// The rows, one item per column (missing items are blank).
    public var rows: [[Item]]
    /// The selected row index, highlighted in reverse video.
    public var selected: Int?
    /// The first row shown; adjusted while rendering so the selection is visible.
    public var scrollOffset: Int
    /// Styles and glyphs.
    public var theme: Theme

    /// Creates a table.
    public init(columns: [Column], rows: [[Item]], selected: Int? = nil, scrollOffset: Int = 0, theme: Theme) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.scrollOffset = scrollOffset
        self.theme = theme
    }

    /// The rows of data that fit in `area` below the header.
    public static func visibleRowCount(in area: Rect) -> Int { max(0, area.height - 1) }

    /// The scroll offset to keep for the next frame: `previous` moved just enough to show `selected`.
    public static func scrollOffset(previous: Int, selected: Int?, rowCount: Int, visibleRows: Int) -> Int {
        guard visibleRows > 0 else { return 0 }
        var offset = min(max(0, previous), max(0, rowCount - visibleRows))
        if let selected {
            if selected < offset { offset = selected }
            if selected >= offset + visibleRows { offset = selected - visibleRows + 1 }
        }
        return max(0, offset)
    }

    /// Draws the header on the first row and as many rows as fit below it.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 0, area.width > 0 else { return }
        let cells = area.row(0).splitColumns(columns.map(\.width.layoutSize), spacing: 1)
        let ellipsis = theme.glyphs.ellipsis
        for (column, rect) in zip(columns, cells) {
            let heading = TextFit.aligned(column.title, toWidth: rect.width, alignment: column.alignment, ellipsis: ellipsis)
            buffer.write(heading, in: rect, style: theme.header)
        }
        let visible = Self.visibleRowCount(in: area)
        let offset = Self.scrollOffset(previous: scrollOffset, selected: selected, rowCount: rows.count, visibleRows: visible)
        for line in 0..<min(visible, max(0, rows.count - offset)) {
            let index = offset + line
            let y = area.y + 1 + line
            for (column, (rect, item)) in zip(columns, zip(cells, rows[index] + Array(repeating: "", count: columns.count)))
            {
                if let spans = item.spans {
                    buffer.write(spans: spans, x: rect.x, y: y, maxWidth: rect.width)
                    continue
                }
                let text = TextFit.aligned(item.text, toWidth: rect.width, alignment: column.alignment, ellipsis: ellipsis)
                buffer.write(text, x: rect.x, y: y, maxWidth: rect.width, style: theme.text.patched(with: item.style))
            }
            if index == selected {
                buffer.applyStyle(theme.selection, to: Rect(x: area.x, y: y, width: area.width, height: 1))
            }
        }
    }
}

extension Table.Width {
    /// The layout size this width asks for.
    var layoutSize: LayoutSize {
        switch self {
        case .fixed(let n): .fixed(n)
        case .flexible(let weight): .fill(weight)
        }
    }
}
