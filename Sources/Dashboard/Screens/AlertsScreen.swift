import ScorecardKit

/// Every alert, worst first, with its reason; the selected one in full below.
struct AlertsScreen {
    let context: RenderContext

    func render(into buffer: inout ScreenBuffer, area: Rect) -> ListLayout {
        let theme = context.theme
        let alerts = context.evaluation.alerts
        buffer.write("Alerts as at \(context.state.asAt.label)", x: area.x, y: area.y, maxWidth: area.width, style: theme.titleBar)
        let counts = context.model.alertCounts(asAt: context.state.asAt).map { "\($0.count) \($0.rule.label.lowercased())" }
        buffer.write(alerts.isEmpty ? "No alerts: nothing is off track, worsening or overdue." : "\(NumberText.counted(alerts.count, "alert")): " + counts.joined(separator: ", "),
                     x: area.x, y: area.y + 1, maxWidth: area.width, style: alerts.isEmpty ? theme.good : theme.muted)

        let detailHeight = area.height >= 14 ? 4 : 0
        let tableArea = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3 - detailHeight)
        let wide = area.width >= 110
        var columns = [
            Table.Column("Code", width: .fixed(8)), Table.Column("Measure", width: .flexible(2)),
            Table.Column("Alert", width: .fixed(wide ? 21 : 12)),
        ]
        if wide { columns.append(Table.Column("Owner", width: .flexible(1))) }
        columns.append(Table.Column("Why", width: .flexible(wide ? 4 : 2)))
        let rows = context.rows
        func cells(_ index: Int) -> [Table.Item] {
            guard let alert = self.alert(rows[index]) else { return [] }
            let measure = context.council.measures[alert.measure]
            var cells = [
                Table.Item(context.text(measure.code)), Table.Item(context.text(measure.title)),
                Table.Item("\(theme.symbol(for: alert.rule.status)) \(wide ? alert.rule.label : alert.rule.shortLabel)", style: theme.style(for: alert.rule.status)),
            ]
            if wide { cells.append(Table.Item(context.text(measure.owner), style: theme.muted)) }
            cells.append(Table.Item(context.text(alert.reason), style: theme.muted))
            return cells
        }
        let layout = ListTable(columns: columns, rowCount: rows.count, cells: cells, selected: context.entry.selection, previousScroll: context.entry.scroll, theme: theme)
            .render(into: &buffer, area: tableArea)
        let selection = context.entry.selection
        if detailHeight > 0, rows.indices.contains(selection), let alert = alert(rows[selection]) {
            let measure = context.council.measures[alert.measure]
            let note = context.evaluation.measures[alert.measure].observation?.note.map { "Commentary: " + $0 } ?? ""
            let text = "\(measure.code) \(measure.title) (\(measure.owner)). \(alert.reason) \(note)"
            let lines = TextFit.wrapped(context.text(text.replacingNewlines()), toWidth: area.width, ellipsis: theme.glyphs.ellipsis)
            for (i, line) in lines.prefix(detailHeight - 1).enumerated() {
                buffer.write(line, x: area.x, y: area.maxY - detailHeight + 1 + i, maxWidth: area.width, style: theme.text)
            }
        }
        return layout
    }

    /// The alert a row of the list stands for.
    private func alert(_ row: RowID) -> Alert? {
        guard case .alert(let measure, let rule) = row else { return nil }
        return context.evaluation.measures[measure].alerts.first { $0.rule == rule }
    }
}

extension Alert.Rule {
    /// The status whose colour and symbol the rule is shown with.
    var status: Status {
        switch self {
        case .offTrackRepeatedly, .offTrack: .offTrack
        case .overdue: .overdue
        case .worsening: .withinTolerance
        }
    }

    /// A label that fits 10 columns.
    var shortLabel: String {
        switch self {
        case .offTrackRepeatedly: "Persistent"
        case .offTrack: "Off track"
        case .overdue: "Overdue"
        case .worsening: "Worsening"
        }
    }
}
