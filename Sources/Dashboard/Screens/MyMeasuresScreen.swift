import ScorecardKit

/// The measures of one owner or service, worst first, with when each is next due.
struct MyMeasuresScreen {
    let context: RenderContext

    func render(into buffer: inout ScreenBuffer, area: Rect) -> ListLayout {
        let theme = context.theme
        let scope = context.state.scope
        let title = scope.isEmpty ? "All measures, worst first (start with --owner or --service to see your own)" : "Measures of \(scope), worst first"
        buffer.write(context.text(title), x: area.x, y: area.y, maxWidth: area.width, style: theme.titleBar, ellipsis: theme.glyphs.ellipsis)
        var rollUp = RollUp()
        let measures = context.rows.compactMap { row -> Int? in if case .measure(let m) = row { m } else { nil } }
        for m in measures { rollUp.count(context.evaluation.measures[m]) }
        let dueSoon = measures.filter { m in nextDue(m).map { $0.dayNumber - context.model.today.dayNumber <= 14 && $0 >= context.model.today } ?? false }.count
        RollUpPresentation(rollUp: rollUp, theme: theme).writeSummary(
            trailing: Span("\(dueSoon) due in the next 14 days", style: theme.muted), into: &buffer,
            area: Rect(x: area.x, y: area.y + 1, width: area.width, height: 2))
        let base = MeasureColumns(context: context, width: area.width - 13, showOwner: area.width >= 100)
        let columns = base.columns + [Table.Column("Next due", width: .fixed(12))]
        let layout = ListTable(
            columns: columns, rowCount: measures.count, cells: { base.cells(for: measures[$0]) + [dueCell(measures[$0])] },
            selected: context.entry.selection, previousScroll: context.entry.scroll, theme: theme)
            .render(into: &buffer, area: Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3))
        if measures.isEmpty {
            buffer.write(context.text("No measures belong to \"\(scope)\"."), x: area.x, y: area.y + 4, maxWidth: area.width, style: theme.muted)
        }
        return layout
    }

    /// When the next value is due: the judged period's when it is missing, else the period after it.
    private func nextDue(_ m: Int) -> CivilDate? {
        let judged = context.evaluation.measures[m]
        guard let period = judged.period else { return nil }
        let measure = context.council.measures[m]
        return judged.value == nil ? measure.dueDate(for: period) : measure.dueDate(for: period.next)
    }

    private func dueCell(_ m: Int) -> Table.Item {
        guard let due = nextDue(m) else { return "" }
        let late = due < context.model.today
        return Table.Item(due.shortDescription, style: late ? context.theme.bad : context.theme.muted)
    }
}
