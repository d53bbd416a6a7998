import ScorecardKit

/// The measures found by `:` or `/`: each with its status, in the plan's order; Enter opens one in its place.
struct SearchScreen {
    let context: RenderContext
    let text: String

    func render(into buffer: inout ScreenBuffer, area: Rect) -> ListLayout {
        let theme = context.theme
        let rows = context.rows
        let measures = rows.compactMap { row -> Int? in if case .measure(let m) = row { m } else { nil } }
        buffer.write(
            context.text("Measures matching \"\(text)\" by code or title: \(measures.count)"), x: area.x, y: area.y,
            maxWidth: area.width, style: theme.titleBar, ellipsis: theme.glyphs.ellipsis)
        buffer.write(
            "Enter opens one where it sits in the plan; Esc goes back", x: area.x, y: area.y + 1, maxWidth: area.width,
            style: theme.muted, ellipsis: theme.glyphs.ellipsis)
        let base = MeasureColumns(context: context, width: area.width, showOwner: area.width >= 100)
        return ListTable(
            columns: base.columns, rowCount: measures.count, cells: { base.cells(for: measures[$0]) },
            selected: context.entry.selection, previousScroll: context.entry.scroll, theme: theme)
            .render(into: &buffer, area: Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3))
    }
}
