/// The top line: where the user is, e.g. `Council Plan › Healthy lives › KBM-07`.
///
/// When too long it cuts the current place's title at a word (its code stays), then drops whole items from the
/// left, replaced by an ellipsis.
public struct Breadcrumb: Widget, Sendable {
    /// The path from the root to the current screen.
    public var items: [String]
    /// Text shown right-aligned on the same line (e.g. the reporting period), dropped first when space is short.
    public var trailing: String
    /// Glyphs and the title-bar style.
    public var theme: Theme

    /// Creates a breadcrumb.
    public init(items: [String], trailing: String = "", theme: Theme) {
        self.items = items
        self.trailing = trailing
        self.theme = theme
    }

    /// The breadcrumb text fitted into `width` columns.
    public func text(fittingWidth width: Int) -> String {
        let separator = theme.glyphs.breadcrumbSeparator
        let ellipsis = theme.glyphs.ellipsis
        let full = items.joined(separator: separator)
        if full.displayWidth <= width { return full }
        // The path above kept whole, and the current item's title cut at a word, while at least 20 columns of
        // it fit (or all of it but its title's tail).
        for start in 0..<max(1, items.count - 1) {
            let above = (start == 0 ? [] : [ellipsis]) + items[start..<(items.count - 1)]
            let prefix = above.isEmpty ? "" : above.joined(separator: separator) + separator
            let room = width - prefix.displayWidth
            if let last = items.last, room >= min(20, last.displayWidth) {
                return prefix + TextFit.truncated(last, toWidth: room, ellipsis: ellipsis)
            }
        }
        for start in 1..<max(1, items.count) {
            let candidate = ([ellipsis] + items[start...]).joined(separator: separator)
            if candidate.displayWidth <= width { return candidate }
        }
        return TextFit.truncatedFromLeft(items.last ?? "", toWidth: width, ellipsis: ellipsis)
    }

    /// Draws the breadcrumb on the first row of `area`.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 0, area.width > 0 else { return }
        let row = area.row(0)
        buffer.fill(row, with: Cell(" ", style: theme.titleBar))
        let trailingWidth = trailing.displayWidth
        let showTrailing = !trailing.isEmpty && trailingWidth + 2 + min(20, items.joined().displayWidth) <= area.width
        let crumbWidth = showTrailing ? area.width - trailingWidth - 2 : area.width
        buffer.write(text(fittingWidth: crumbWidth), x: row.x, y: row.y, maxWidth: crumbWidth, style: theme.titleBar)
        if showTrailing {
            buffer.write(trailing, x: row.maxX - trailingWidth, y: row.y, style: theme.titleBar)
        }
    }
}
