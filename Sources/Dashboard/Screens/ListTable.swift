/// Draws a selectable table for a list screen and works out its scrolling.
///
/// Only the rows that fit are built: `cells` is asked for the visible rows alone, so a list of ten
/// thousand measures costs no more to draw than a list of twenty.
struct ListTable {
    var columns: [Table.Column]
    /// How many rows the list has.
    var rowCount: Int
    /// The cells of the row at an index of the list.
    var cells: (Int) -> [Table.Item]
    var selected: Int?
    var previousScroll: Int
    var theme: Theme

    /// Draws the table in `area` and returns where it scrolled to.
    func render(into buffer: inout ScreenBuffer, area: Rect) -> ListLayout {
        let visible = Table.visibleRowCount(in: area)
        let scroll = Table.scrollOffset(previous: previousScroll, selected: selected, rowCount: rowCount, visibleRows: visible)
        let shown = scroll..<max(scroll, min(rowCount, scroll + visible))
        Table(columns: columns, rows: shown.map(cells), selected: selected.map { $0 - scroll }, theme: theme).render(into: &buffer, area: area)
        return ListLayout(visibleRows: visible, scroll: scroll)
    }
}
