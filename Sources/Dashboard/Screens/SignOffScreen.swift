import Foundation
import ScorecardKit

/// The values awaiting sign-off: each draft with the published value it would replace, who recorded it and
/// when; an officer signs the selected one off with `p`, or every one listed with `P`.
struct SignOffScreen {
    let context: RenderContext

    func render(into buffer: inout ScreenBuffer, area: Rect) -> ListLayout {
        let theme = context.theme
        let model = context.model
        let rows = context.rows
        buffer.write("Awaiting sign-off", x: area.x, y: area.y, maxWidth: area.width, style: theme.titleBar)
        let summary: String
        if model.drafts.isEmpty {
            summary = "Nothing awaits sign-off: members see every value recorded."
        } else if model.canSignOff {
            summary = "\(NumberText.counted(model.drafts.count, "draft")) members do not see yet: p signs off the selected one, P all listed."
        } else {
            summary = "\(NumberText.counted(model.drafts.count, "draft")) that members do not see until an officer signs them off."
        }
        buffer.write(context.text(summary), x: area.x, y: area.y + 1, maxWidth: area.width, style: model.drafts.isEmpty ? theme.good : theme.muted)

        let tableArea = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3)
        let wide = area.width >= 100
        var columns = [
            Table.Column("Code", width: .fixed(8)), Table.Column("Measure", width: .flexible(2)),
            Table.Column("Period", width: .fixed(10)), Table.Column("Draft", width: .fixed(10), alignment: .right),
            Table.Column("Published", width: .fixed(10), alignment: .right),
        ]
        columns.append(Table.Column("Recorded by", width: .flexible(1)))
        if wide { columns.append(Table.Column("When", width: .fixed(16))) }
        func cells(_ index: Int) -> [Table.Item] {
            guard case .draft(let m, let period) = rows[index], let draft = model.draft(measure: m, period: period) else { return [] }
            let measure = context.council.measures[m]
            var cells = [
                Table.Item(context.text(measure.code)), Table.Item(context.text(measure.title)), Table.Item(period.label),
                Table.Item(context.format(draft.observation.value, of: measure, width: 10)),
                Table.Item(draft.publishedValue.map { context.format($0, of: measure, width: 10) } ?? "none", style: theme.muted),
                Table.Item(context.text(draft.changedBy), style: theme.muted),
            ]
            if wide { cells.append(Table.Item(DateText.time(draft.changedAt), style: theme.muted)) }
            return cells
        }
        return ListTable(
            columns: columns, rowCount: rows.count, cells: cells, selected: context.entry.selection, previousScroll: context.entry.scroll,
            theme: theme
        ).render(into: &buffer, area: tableArea)
    }
}
