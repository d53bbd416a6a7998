/// Draws a selectable table for a list screen and works out its scrolling.
struct ListTable {
    var columns: [Table.Column]
    var rows: [[Table.Item]]
    var selected: Int?
    var previousScroll: Int
    var theme: Theme

    /// Draws the table in `area` and returns where it scrolled to.
    func render(into buffer: inout ScreenBuffer, area: Rect) -> ListLayout {
        let visible = Table.visibleRowCount(in: area)
        let scroll = Table.scrollOffset(previous: previousScroll, selected: selected, rowCount: rows.count, visibleRows: visible)
        Table(columns: columns, rows: rows, selected: selected, scrollOffset: scroll, theme: theme).render(into: &buffer, area: area)
        return ListLayout(visibleRows: visible, scroll: scroll)
    }
}
