import ScorecardKit

/// The Council Plan: each priority with its roll-up, a bar and its alerts.
struct PlanScreen {
    let context: RenderContext

    func render(into buffer: inout ScreenBuffer, area: Rect) -> ListLayout {
        let theme = context.theme
        let plan = context.council.plan
        let whole = context.evaluation.whole
        buffer.write(context.text(plan.title), x: area.x, y: area.y, maxWidth: area.width, style: theme.titleBar, ellipsis: theme.glyphs.ellipsis)
        RollUpPresentation(rollUp: whole, theme: theme).writeSummary(
            leading: Span("\(NumberText.counted(whole.measures, "measure")), \(NumberText.counted(whole.alerts, "alert")):", style: theme.text), into: &buffer,
            area: Rect(x: area.x, y: area.y + 1, width: area.width, height: 2))

        let wide = area.width >= 110
        let barWidth = wide ? 24 : 10
        var columns = [Table.Column("Priority", width: .flexible(3))]
        if wide { columns.append(Table.Column("Lead", width: .flexible(2))) }
        for status in RollUpPresentation.shown.prefix(5) {
            columns.append(Table.Column(theme.symbol(for: status), width: .fixed(4), alignment: .right))
        }
        columns += [Table.Column("Measures", width: .fixed(barWidth)), Table.Column("Alerts", width: .fixed(6), alignment: .right)]
        let rows = context.rows
        func cells(_ index: Int) -> [Table.Item] {
            guard case .priority(let p) = rows[index] else { return [] }
            let priority = plan.priorities[p]
            let rollUp = context.evaluation.priorities[p]
            let presentation = RollUpPresentation(rollUp: rollUp, theme: theme)
            var cells = [Table.Item(context.text("\(priority.code)  \(priority.title)"))]
            if wide { cells.append(Table.Item(context.text(priority.lead), style: theme.muted)) }
            cells += RollUpPresentation.shown.prefix(5).map { presentation.count($0) }
            cells.append(Table.Item(spans: presentation.bar(width: barWidth)))
            cells.append(Table.Item(rollUp.alerts == 0 ? "" : "\(rollUp.alerts)", style: rollUp.alerts == 0 ? theme.muted : theme.bad))
            return cells
        }
        let detailHeight = area.height >= 16 ? 3 : 0
        let tableArea = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3 - detailHeight)
        let layout = ListTable(columns: columns, rowCount: rows.count, cells: cells, selected: context.entry.selection, previousScroll: context.entry.scroll, theme: theme)
            .render(into: &buffer, area: tableArea)
        // The rows the priorities leave: the bar's key, then the worst exceptions of the whole plan.
        let spare = Rect(
            x: area.x, y: tableArea.y + rows.count + 2, width: area.width, height: tableArea.maxY - (tableArea.y + rows.count + 2) + 1)
        if spare.height >= 1 { writeKey(into: &buffer, area: spare.row(0)) }
        if spare.height >= 4 { writeWorstExceptions(into: &buffer, area: Rect(x: spare.x, y: spare.y + 2, width: spare.width, height: spare.height - 2)) }
        if detailHeight > 0, case .priority(let p)? = context.rows.indices.contains(context.entry.selection) ? context.rows[context.entry.selection] : nil {
            let priority = plan.priorities[p]
            let detail = Rect(x: area.x, y: area.maxY - detailHeight + 1, width: area.width, height: detailHeight - 1)
            // The lead on a line, cut at a word with an ellipsis; the description in the lines left, its last
            // ending in an ellipsis when it goes on (it was cut mid-word, as if it ended there).
            let ellipsis = theme.glyphs.ellipsis
            var lines = priority.lead.isEmpty ? [] : [TextFit.truncated(context.text("Lead: \(priority.lead)"), toWidth: detail.width, ellipsis: ellipsis)]
            let wrapped = TextFit.wrapped(context.text(priority.description), toWidth: detail.width, ellipsis: ellipsis)
            let room = max(0, detail.height - lines.count)
            lines += wrapped.prefix(room)
            if wrapped.count > room, room > 0, let last = lines.popLast() {
                lines.append(TextFit.continued(last, toWidth: detail.width, ellipsis: ellipsis))
            }
            for (i, line) in lines.enumerated() {
                buffer.write(line, x: detail.x, y: detail.y + i, maxWidth: detail.width, style: theme.muted)
            }
        }
        return layout
    }

    /// `Bar: █ on track  ▓ at risk  ▒ off track  ░ missing  · not judged` (missing: overdue or no data).
    private func writeKey(into buffer: inout ScreenBuffer, area: Rect) {
        let theme = context.theme
        let key = RollUpPresentation.shades(unicode: theme.glyphs.isUnicode).map { "\($0.glyph) \($0.meaning)" }
        buffer.write("Bar: " + key.joined(separator: "  "), x: area.x, y: area.y, maxWidth: area.width, style: theme.muted, ellipsis: theme.glyphs.ellipsis)
    }

    /// The worst alerts of the plan, one a line: symbol, rule, code, title and the first line of the commentary.
    private func writeWorstExceptions(into buffer: inout ScreenBuffer, area: Rect) {
        let theme = context.theme
        let alerts = context.evaluation.alerts
        guard !alerts.isEmpty else { return }
        buffer.write(
            "Needs attention (the worst \(min(alerts.count, area.height - 1)) of \(NumberText.counted(alerts.count, "alert")); a lists them all)",
            x: area.x, y: area.y, maxWidth: area.width, style: theme.text, ellipsis: theme.glyphs.ellipsis)
        for (i, alert) in alerts.prefix(area.height - 1).enumerated() {
            let measure = context.council.measures[alert.measure]
            let note = context.evaluation.measures[alert.measure].observation?.note?.split(whereSeparator: \.isNewline).first
            var spans = [Span("\(theme.symbol(for: alert.rule)) \(alert.rule.label)", style: theme.style(for: alert.rule.status))]
            // Beside the alert, where a long title cannot cut it off.
            if context.isJudgedOnDraft(alert.measure) { spans.append(Span(" (draft)", style: theme.warning)) }
            spans.append(Span("  " + context.text("\(measure.code) \(measure.title)"), style: theme.text))
            if let note { spans += [Span(theme.glyphs.separator, style: theme.text), Span(context.text(String(note)), style: theme.text)] }
            // Cut after a whole word, with an ellipsis, as every other line is.
            let fitted = spans.fitted(toWidth: area.width - 2, ellipsis: theme.glyphs.ellipsis, separator: theme.glyphs.separator)
            buffer.write(spans: fitted, in: Rect(x: area.x + 2, y: area.y + 1 + i, width: area.width - 2, height: 1))
        }
    }
}
