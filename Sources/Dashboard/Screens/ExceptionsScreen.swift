import ScorecardKit

/// What needs attention at a level: each measure with an alert, in the plan's order, with its worst alert, the
/// reason and the first line of its commentary; the selected one in full below. Enter opens the measure (Esc
/// comes back); `x` walks them on their own screens.
struct ExceptionsScreen {
    let context: RenderContext
    let level: AlertsLevel

    func render(into buffer: inout ScreenBuffer, area: Rect) -> ListLayout {
        let theme = context.theme
        let measures = context.rows.compactMap { row -> Int? in if case .measure(let m) = row { m } else { nil } }
        buffer.write(
            context.text("Needs attention\(level == .all ? " in the whole plan" : context.levelName(level)) as at \(context.state.asAt.label), in the plan's order"),
            x: area.x, y: area.y, maxWidth: area.width, style: theme.titleBar, ellipsis: theme.glyphs.ellipsis)
        let summary = measures.isEmpty
            ? "Nothing needs attention: nothing is off track, worsening or overdue."
            : "\(NumberText.counted(measures.count, "measure")) \(measures.count == 1 ? "needs" : "need") attention. Enter opens one; x walks them in turn"
        buffer.write(summary, x: area.x, y: area.y + 1, maxWidth: area.width, style: measures.isEmpty ? theme.good : theme.muted,
                     ellipsis: theme.glyphs.ellipsis)

        let detailHeight = area.height >= 14 ? 4 : 0
        let wide = area.width >= 120
        var columns = [
            Table.Column("Code", width: .fixed(context.model.codeWidth)), Table.Column("Measure", width: .flexible(2)),
            Table.Column("Alert", width: .fixed(23)),
        ]
        if wide { columns.append(Table.Column("Why", width: .flexible(3))) }
        columns.append(Table.Column("Commentary", width: .flexible(3)))
        func cells(_ index: Int) -> [Table.Item] {
            let m = measures[index]
            let judged = context.evaluation.measures[m]
            guard let alert = judged.alerts.first else { return [] }
            // An alert raised on a draft says so, as the alerts list does.
            let draft = context.isJudgedOnDraft(m)
            var cells = [
                Table.Item(context.text(context.council.measures[m].code)),
                // Narrower, without the reason's column, the row says first that the alert is on a draft.
                draft && !wide
                    ? Table.Item("(draft) " + context.text(context.council.measures[m].title), style: theme.warning)
                    : Table.Item(context.text(context.council.measures[m].title)),
                Table.Item("\(theme.symbol(for: alert.rule)) \(alert.rule.label)", style: theme.style(for: alert.rule.status)),
            ]
            if wide { cells.append(Table.Item(context.text((draft ? "On a draft: " : "") + alert.reason), style: draft ? theme.warning : theme.muted)) }
            let note = judged.observation?.note?.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            cells.append(Table.Item(context.text(note)))
            return cells
        }
        let tableArea = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3 - detailHeight)
        let layout = ListTable(
            columns: columns, rowCount: measures.count, cells: cells, selected: context.entry.selection,
            previousScroll: context.entry.scroll, theme: theme)
            .render(into: &buffer, area: tableArea)
        let selection = context.entry.selection
        if detailHeight > 0, measures.indices.contains(selection) {
            let m = measures[selection]
            let judged = context.evaluation.measures[m]
            let reasons = (context.isJudgedOnDraft(m) ? "On a draft: " : "") + judged.alerts.map(\.reason).joined(separator: " ")
            let note = judged.observation?.note.map { " Commentary: " + $0 } ?? ""
            let lines = TextFit.wrapped(context.text((reasons + note).replacingNewlines()), toWidth: area.width, ellipsis: theme.glyphs.ellipsis)
            for (i, line) in lines.prefix(detailHeight - 1).enumerated() {
                buffer.write(line, x: area.x, y: area.maxY - detailHeight + 1 + i, maxWidth: area.width, style: theme.text)
            }
        }
        return layout
    }
}
