import ScorecardKit

/// A priority: its delivery plans with owners and roll-ups, then the measures hanging off it.
struct PriorityScreen {
    let context: RenderContext
    let priority: Int

    func render(into buffer: inout ScreenBuffer, area: Rect) -> ListLayout {
        let theme = context.theme
        let item = context.council.plan.priorities[priority]
        let rollUp = context.evaluation.priorities[priority]
        buffer.write(context.text("\(item.code)  \(item.title)"), x: area.x, y: area.y, maxWidth: area.width, style: theme.titleBar, ellipsis: theme.glyphs.ellipsis)
        let lead = item.lead.isEmpty ? "" : "Lead: \(item.lead)"
        RollUpPresentation(rollUp: rollUp, theme: theme).writeSummary(
            leading: Span(context.text(lead), style: theme.muted), into: &buffer, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: 2))

        let rows = context.rows
        let planRows = rows.filter { if case .deliveryPlan = $0 { true } else { false } }
        let measureRows = rows.filter { if case .measure = $0 { true } else { false } }
        let selection = context.entry.selection
        let body = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3)
        // Plans take what they need (up to two thirds when there are measures too); measures the rest.
        let planHeight = measureRows.isEmpty ? body.height : min(planRows.count + 1, max(3, body.height * 2 / 3))
        var layout = ListLayout(visibleRows: max(1, planHeight - 1), scroll: 0)
        if !planRows.isEmpty {
            layout = ListTable(
                columns: planColumns(width: body.width), rowCount: planRows.count, cells: { planCells(planRows[$0]) },
                selected: selection < planRows.count ? selection : nil,
                previousScroll: context.entry.scroll, theme: theme
            ).render(into: &buffer, area: Rect(x: body.x, y: body.y, width: body.width, height: planHeight))
        }
        if !measureRows.isEmpty {
            let top = planRows.isEmpty ? body.y : body.y + planHeight + 1
            let measureArea = Rect(x: body.x, y: top, width: body.width, height: max(0, body.maxY - top))
            let columns = MeasureColumns(
                context: context, width: body.width,
                measures: measureRows.compactMap { if case .measure(let m) = $0 { m } else { nil } })
            var headed = columns.columns
            // "Outcome measures" only when they are (a council's plain list of indicators hangs off a priority too).
            let measures = measureRows.compactMap { if case .measure(let m) = $0 { context.council.measures[m] } else { nil } }
            headed[1].title = measures.allSatisfy { $0.tier == .outcome } ? "Outcome measures" : "Measures"
            let measureLayout = ListTable(
                columns: headed, rowCount: measureRows.count,
                cells: { if case .measure(let m) = measureRows[$0] { columns.cells(for: m) } else { [] } },
                selected: selection >= planRows.count ? selection - planRows.count : nil,
                previousScroll: selection >= planRows.count ? context.entry.scroll : 0, theme: theme
            ).render(into: &buffer, area: measureArea)
            if selection >= planRows.count { layout = measureLayout }
        }
        if rows.isEmpty {
            let empty = context.entry.filter.isEmpty ? "This priority has no delivery plans or measures." : "Nothing matches the filter."
            buffer.write(empty, x: body.x, y: body.y, maxWidth: body.width, style: theme.muted)
        }
        return layout
    }

    private func planColumns(width: Int) -> [Table.Column] {
        let theme = context.theme
        var columns = [Table.Column("Delivery plan", width: .flexible(3)), Table.Column("Owner", width: .flexible(width >= 110 ? 2 : 1))]
        for status in RollUpPresentation.shown.prefix(5) {
            columns.append(Table.Column(theme.symbol(for: status), width: .fixed(4), alignment: .right))
        }
        columns.append(Table.Column("Alerts", width: .fixed(6), alignment: .right))
        if width >= 110 { columns.append(Table.Column("Actions", width: .fixed(12), alignment: .right)) }
        return columns
    }

    private func planCells(_ row: RowID) -> [Table.Item] {
        guard case .deliveryPlan(let p, let d) = row else { return [] }
        let theme = context.theme
        let plan = context.council.plan.priorities[p].plans[d]
        let rollUp = context.evaluation.plans[p][d]
        let presentation = RollUpPresentation(rollUp: rollUp, theme: theme)
        var cells = [Table.Item(context.text("\(plan.code)  \(plan.title)")), Table.Item(context.text(plan.owner), style: theme.muted)]
        cells += RollUpPresentation.shown.prefix(5).map { presentation.count($0) }
        cells.append(Table.Item(rollUp.alerts == 0 ? "" : "\(rollUp.alerts)", style: rollUp.alerts == 0 ? theme.muted : theme.bad))
        if rollUp.actions > 0 {
            cells.append(Table.Item(rollUp.overdueActions > 0 ? "\(rollUp.overdueActions)/\(rollUp.actions) late" : "\(rollUp.actions)",
                                    style: rollUp.overdueActions > 0 ? theme.bad : theme.muted))
        }
        return cells
    }
}
