import ScorecardKit

/// The measures of one owner or service, worst first, with when each is next due.
struct MyMeasuresScreen {
    let context: RenderContext

    func render(into buffer: inout ScreenBuffer, area: Rect) -> ListLayout {
        let theme = context.theme
        let scope = context.state.scope
        let granted = scope.isEmpty && context.model.data.recordable != nil
        let title =
            scope.codes != nil ? "The presenter's measures, worst first"
            : !scope.isEmpty ? "Measures of \(scope.name), worst first"
            : granted ? (context.model.canRecord ? "Your measures (those you may record), worst first" : "Your measures, worst first")
            : "All measures, worst first (start with --owner or --service to see your own)"
        buffer.write(context.text(title), x: area.x, y: area.y, maxWidth: area.width, style: theme.titleBar, ellipsis: theme.glyphs.ellipsis)
        let summary = context.model.measureSummary(for: context.entry, asAt: context.state.asAt, scope: scope)
        let measures = summary.measures
        RollUpPresentation(rollUp: summary.rollUp, theme: theme).writeSummary(
            trailing: Span(
                (summary.late > 0 ? "\(RollUpPresentation.grouped(summary.late)) late, " : "")
                    + "\(RollUpPresentation.grouped(summary.dueSoon)) due in the next 14 days", style: summary.late > 0 ? theme.bad : theme.muted),
            into: &buffer,
            area: Rect(x: area.x, y: area.y + 1, width: area.width, height: 2))
        // Below 80 columns the trend gives its room to the due dates, written without their year (cut to `14…`,
        // they told nothing).
        let narrow = area.width < 80
        let dueWidth = narrow ? 8 : 13
        let base = MeasureColumns(context: context, width: area.width - dueWidth - 1, showOwner: area.width >= 100, showsTrend: !narrow)
        let columns = base.columns + [Table.Column(narrow ? "Due" : "Next due", width: .fixed(dueWidth))]
        let layout = ListTable(
            columns: columns, rowCount: measures.count, cells: { base.cells(for: measures[$0]) + [dueCell(measures[$0], withYear: !narrow)] },
            selected: context.entry.selection, previousScroll: context.entry.scroll, theme: theme)
            .render(into: &buffer, area: Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3))
        if measures.isEmpty {
            let none = !context.entry.filter.isEmpty
                ? "Nothing matches the filter."
                : granted ? "No measure is yours to record: the performance team grants them (db grant)." : "No measures belong to \"\(scope.name)\"."
            buffer.write(context.text(none), x: area.x, y: area.y + 4, maxWidth: area.width, style: theme.muted)
        }
        return layout
    }

    private func dueCell(_ m: Int, withYear: Bool) -> Table.Item {
        guard let due = context.model.nextDue(of: m, asAt: context.state.asAt) else { return "" }
        // Late: marked with overdue's symbol as well as in red (a projector, NO_COLOR).
        let late = due < context.model.today
        let mark = late ? context.theme.symbol(for: Status.overdue) + " " : ""
        return Table.Item(mark + (withYear ? due.shortDescription : due.dayAndMonth), style: late ? context.theme.bad : context.theme.muted)
    }
}
