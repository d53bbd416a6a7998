import ScorecardKit

/// Every alert, worst first, with its reason; the selected one in full below.
struct AlertsScreen {
    let context: RenderContext

    func render(into buffer: inout ScreenBuffer, area: Rect) -> ListLayout {
        let theme = context.theme
        let rows = context.rows
        let level: AlertsLevel
        if case .alerts(let shown) = context.entry.route { level = shown } else { level = .all }
        let order = level == .all ? "" : ", in the plan's order"
        buffer.write(
            "Alerts\(context.text(context.levelName(level))) as at \(context.state.asAt.label)\(order)", x: area.x, y: area.y,
            maxWidth: area.width, style: theme.titleBar, ellipsis: theme.glyphs.ellipsis)
        var byRule: [Alert.Rule: Int] = [:]
        for row in rows { if case .alert(_, let rule) = row { byRule[rule, default: 0] += 1 } }
        let counts = Alert.Rule.allCases.compactMap { rule in byRule[rule].map { "\(RollUpPresentation.grouped($0)) \(rule.phrase)" } }
        var summary = rows.isEmpty ? "No alerts: nothing is off track, worsening or overdue." : "\(NumberText.counted(rows.count, "alert")): " + counts.joined(separator: ", ")
        if level != .all { summary += "  (a: every alert)" }
        // On two lines when it needs them (the row above the table is free), cut after a word only beyond that.
        let wrapped = TextFit.wrapped(summary, toWidth: area.width, ellipsis: theme.glyphs.ellipsis)
        for (i, line) in wrapped.prefix(2).enumerated() {
            let last = i == 1 && wrapped.count > 2
            let text = last ? TextFit.truncated(line + " " + wrapped[2], toWidth: area.width, ellipsis: theme.glyphs.ellipsis) : line
            buffer.write(text, x: area.x, y: area.y + 1 + i, maxWidth: area.width, style: rows.isEmpty ? theme.good : theme.muted)
        }

        let detailHeight = area.height >= 14 ? 4 : 0
        let tableArea = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3 - detailHeight)
        let wide = area.width >= 110
        var columns = [
            Table.Column("Code", width: .fixed(context.model.codeWidth)), Table.Column("Measure", width: .flexible(2)),
            Table.Column("Alert", width: .fixed(23)),
        ]
        if wide { columns.append(Table.Column("Owner", width: .flexible(1))) }
        columns.append(Table.Column("Why", width: .flexible(wide ? 4 : 2)))
        let commentaryColumn = area.width >= 140
        if commentaryColumn { columns.append(Table.Column("Commentary", width: .flexible(3))) }
        func cells(_ index: Int) -> [Table.Item] {
            guard let alert = self.alert(rows[index]) else { return [] }
            let measure = context.council.measures[alert.measure]
            var cells = [
                Table.Item(context.text(measure.code)), Table.Item(context.text(measure.title)),
                Table.Item("\(theme.symbol(for: alert.rule)) \(alert.rule.label)", style: theme.style(for: alert.rule.status)),
            ]
            if wide { cells.append(Table.Item(context.text(measure.owner), style: theme.muted)) }
            // An alert raised on a draft says so: it may go once the value is checked.
            let draft = context.isJudgedOnDraft(alert.measure)
            cells.append(Table.Item(context.text((draft ? "On a draft: " : "") + alert.reason), style: draft ? theme.warning : theme.muted))
            if commentaryColumn {
                let note = context.evaluation.measures[alert.measure].observation?.note?.split(whereSeparator: \.isNewline).first
                cells.append(Table.Item(context.text(note.map(String.init) ?? ""), style: theme.text))
            }
            return cells
        }
        let layout = ListTable(columns: columns, rowCount: rows.count, cells: cells, selected: context.entry.selection, previousScroll: context.entry.scroll, theme: theme)
            .render(into: &buffer, area: tableArea)
        let selection = context.entry.selection
        if detailHeight > 0, rows.indices.contains(selection), let alert = alert(rows[selection]) {
            let measure = context.council.measures[alert.measure]
            let note = context.evaluation.measures[alert.measure].observation?.note.map { "Commentary: " + $0 } ?? ""
            let owner = measure.owner.isEmpty ? "" : " (\(measure.owner))"
            let text = "\(measure.code) \(measure.title)\(owner). \(alert.reason) \(note)"
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
        case .forecastMiss, .specialCauseConcerning, .worseThanEngland, .worsening: .withinTolerance
        }
    }
}

extension RenderContext {
    /// ` in P7 A well-run council` for a priority's or delivery plan's list; empty for the whole plan's.
    func levelName(_ level: AlertsLevel) -> String {
        let plan = council.plan
        switch level {
        case .all: return ""
        case .priority(let p): return " in \(plan.priorities[p].code) \(plan.priorities[p].title)"
        case .deliveryPlan(let p, let d): return " in \(plan.priorities[p].plans[d].code) \(plan.priorities[p].plans[d].title)"
        case .mine: return " in my measures" + (state.scope.name.isEmpty ? "" : " (\(state.scope.name))")
        }
    }
}
