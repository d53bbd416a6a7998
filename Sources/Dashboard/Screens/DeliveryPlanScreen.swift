import ScorecardKit

/// A delivery plan: its measures as a table, the selected measure's commentary, and the plan's actions.
struct DeliveryPlanScreen {
    let context: RenderContext
    let priority: Int
    let plan: Int

    func render(into buffer: inout ScreenBuffer, area: Rect) -> ListLayout {
        let theme = context.theme
        let deliveryPlan = context.council.plan.priorities[priority].plans[plan]
        let rollUp = context.evaluation.plans[priority][plan]
        buffer.write(context.text("\(deliveryPlan.code)  \(deliveryPlan.title)"), x: area.x, y: area.y, maxWidth: area.width,
                     style: theme.titleBar, ellipsis: theme.glyphs.ellipsis)
        let owner = deliveryPlan.owner.isEmpty ? "" : "Owner: \(deliveryPlan.owner)"
        RollUpPresentation(rollUp: rollUp, theme: theme).writeSummary(
            leading: Span(context.text(owner), style: theme.muted), into: &buffer, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: 2))

        let actions = deliveryPlan.actions
        let body = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3)
        let actionHeight = actions.isEmpty ? 0 : min(actions.count + 2, body.height / 3)
        let noteHeight = body.height >= 14 ? 2 : 0
        let tableArea = Rect(x: body.x, y: body.y, width: body.width, height: body.height - actionHeight - noteHeight)
        let rows = context.rows
        let columns = MeasureColumns(
            context: context, width: body.width, measures: rows.compactMap { if case .measure(let m) = $0 { m } else { nil } })
        let layout = ListTable(
            columns: columns.columns, rowCount: rows.count,
            cells: { if case .measure(let m) = rows[$0] { columns.cells(for: m) } else { [] } },
            selected: context.entry.selection, previousScroll: context.entry.scroll, theme: theme
        ).render(into: &buffer, area: tableArea)
        if rows.isEmpty {
            buffer.write(context.entry.filter.isEmpty ? "This plan has no measures." : "Nothing matches the filter.",
                         x: tableArea.x, y: tableArea.y + 1, maxWidth: tableArea.width, style: theme.muted)
        }
        if noteHeight > 0, rows.indices.contains(context.entry.selection), case .measure(let m) = rows[context.entry.selection] {
            MeasureNote(context: context, measure: m).render(into: &buffer, area: Rect(x: body.x, y: tableArea.maxY, width: body.width, height: noteHeight))
        }
        if actionHeight > 0 {
            ActionTable(context: context, actions: actions)
                .render(into: &buffer, area: Rect(x: body.x, y: body.maxY - actionHeight + 1, width: body.width, height: actionHeight - 1))
        }
        return layout
    }
}

/// The latest commentary on a measure, in two lines under a table.
struct MeasureNote {
    let context: RenderContext
    let measure: Int

    func render(into buffer: inout ScreenBuffer, area: Rect) {
        let theme = context.theme
        let judged = context.evaluation.measures[measure]
        let text: String
        if let alert = judged.alerts.first {
            text = alert.reason + (judged.observation?.note.map { " " + $0 } ?? "")
        } else if let note = judged.observation?.note, let period = judged.period {
            text = "\(period.label): \(note)"
        } else {
            text = ""
        }
        let lines = TextFit.wrapped(context.text(text.replacingNewlines()), toWidth: area.width, ellipsis: theme.glyphs.ellipsis)
        for (i, line) in lines.prefix(area.height).enumerated() {
            buffer.write(line, x: area.x, y: area.y + i, maxWidth: area.width, style: judged.alerts.isEmpty ? theme.muted : theme.bad)
        }
    }
}

/// A delivery plan's actions and milestones.
struct ActionTable {
    let context: RenderContext
    let actions: [Action]

    func render(into buffer: inout ScreenBuffer, area: Rect) {
        let theme = context.theme
        let columns = [
            Table.Column("Actions and milestones", width: .flexible(3)), Table.Column("Owner", width: .flexible(1)),
            Table.Column("Due", width: .fixed(11)), Table.Column("Status", width: .fixed(12)),
            Table.Column("Done", width: .fixed(5), alignment: .right),
        ]
        let rows = actions.map { action -> [Table.Item] in
            // As at the screen's period, as the priority's count and the committee paper count them.
            let late = action.isOverdue(asAt: context.evaluation.asAt, today: context.evaluation.today)
            return [
                Table.Item(context.text(action.title)), Table.Item(context.text(action.owner), style: theme.muted),
                Table.Item(action.due.map(\.shortDescription) ?? "", style: late ? theme.bad : theme.text),
                Table.Item(late ? "! Overdue" : action.progress.label, style: late ? theme.bad : action.progress == .completed ? theme.good : theme.text),
                Table.Item("\(action.percentComplete)%"),
            ]
        }
        Table(columns: columns, rows: rows, theme: theme).render(into: &buffer, area: area)
    }
}

extension CivilDate {
    /// `31 Mar 2025`.
    var shortDescription: String {
        "\(dayAndMonth) \(year)"
    }

    /// `31 Mar`.
    var dayAndMonth: String {
        "\(day) \(String(longDescription.split(separator: " ")[1].prefix(3)))"
    }
}

extension String {
    /// The text on one line: line breaks become spaces.
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
