import Foundation
import ScorecardKit

/// The values awaiting sign-off and the targets awaiting approval: each draft with the published value it would
/// replace, each proposed target with the target it would replace, who entered it and when; an officer signs the
/// selected one off with `p`, or every one listed with `P` twice.
struct SignOffScreen {
    let context: RenderContext

    func render(into buffer: inout ScreenBuffer, area: Rect) -> ListLayout {
        let theme = context.theme
        let model = context.model
        let rows = context.rows
        buffer.write("Awaiting sign-off", x: area.x, y: area.y, maxWidth: area.width, style: theme.titleBar)
        let waiting = signOffCount(values: model.drafts.count, "draft", targets: model.targetProposals.count, "proposed target")
        let summary: String
        let count = model.drafts.count + model.targetProposals.count
        if waiting.isEmpty {
            // An owner sees only the drafts of its own measures: others' may be waiting. A draft for a period not
            // yet ended (written with SQL) is not listed until it ends: "every value recorded" was said over it.
            summary = model.canSignOff
                ? "Nothing awaits sign-off: members see every value recorded for a period that has ended, and every target proposed."
                : "Nothing of yours awaits sign-off: members see every value you recorded for a period that has ended, and every target you proposed."
        } else if model.canSignOff {
            summary = "\(waiting) members do not see yet: p signs off the selected one, P twice all listed."
        } else {
            summary = "\(waiting) that members do not see until an officer signs \(count == 1 ? "it" : "them") off."
        }
        // Two lines at most (the second is the gap above the table), cut after a word with an ellipsis.
        let lines = TextFit.wrapped(context.text(summary), toWidth: area.width, ellipsis: theme.glyphs.ellipsis)
        for (i, line) in lines.prefix(2).enumerated() {
            let text = i == 1 && lines.count > 2 ? TextFit.truncated(line + " " + lines[2], toWidth: area.width, ellipsis: theme.glyphs.ellipsis) : line
            buffer.write(text, x: area.x, y: area.y + 1 + i, maxWidth: area.width, style: waiting.isEmpty ? theme.good : theme.muted)
        }

        let tableArea = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 3)
        let wide = area.width >= 100
        // The figure being signed off in full where there is room (123,456,789, not 123m).
        let figureWidth = area.width >= 120 ? 15 : 10
        var columns = [
            Table.Column("Code", width: .fixed(context.model.codeWidth)), Table.Column("Measure", width: .flexible(2)),
            Table.Column("Period", width: .fixed(10)), Table.Column("Of", width: .fixed(6)),
            Table.Column("New", width: .fixed(figureWidth), alignment: .right),
            Table.Column("Current", width: .fixed(figureWidth), alignment: .right),
        ]
        columns.append(Table.Column("Entered by", width: .flexible(1)))
        if wide { columns.append(Table.Column("When", width: .fixed(16))) }
        func cells(_ index: Int) -> [Table.Item] {
            let m: Int, period: Period, kind: String, proposed: String, now: String, by: String, at: Date
            switch rows[index] {
            case .draft(let measure, let draftPeriod):
                guard let draft = model.draft(measure: measure, period: draftPeriod) else { return [] }
                let definition = context.council.measures[measure]
                (m, period, kind, by, at) = (measure, draftPeriod, "value", draft.changedBy, draft.changedAt)
                // As recorded: an officer signs off the figure typed (2.5), not its rounding (3).
                proposed = context.formatAsRecorded(draft.observation.value, of: definition, width: figureWidth)
                now = draft.publishedValue.map { context.formatAsRecorded($0, of: definition, width: figureWidth) } ?? "none"
            case .targetProposal(let measure, let proposalPeriod):
                guard let proposal = model.targetProposal(measure: measure, period: proposalPeriod) else { return [] }
                let definition = context.council.measures[measure]
                (m, period, kind, by, at) = (measure, proposalPeriod, "target", proposal.proposedBy, proposal.proposedAt)
                proposed = proposal.value.map { context.formatTarget($0, of: definition, width: figureWidth) } ?? "none"
                // What judges the period now: its own target, else the one it takes from its year ("not set" read as
                // no target at all for a month judged against the year's 50%).
                let standing = proposal.current ?? definition.targets.target(for: proposalPeriod, cumulative: definition.cumulative)
                now = standing.map { context.formatTarget($0, of: definition, width: figureWidth) } ?? "not set"
            default:
                return []
            }
            let measure = context.council.measures[m]
            var cells = [
                Table.Item(context.text(measure.code)), Table.Item(context.text(measure.title)), Table.Item(period.label),
                Table.Item(kind, style: theme.muted), Table.Item(proposed), Table.Item(now, style: theme.muted),
                Table.Item(context.text(by), style: theme.muted),
            ]
            if wide { cells.append(Table.Item(DateText.minute(at), style: theme.muted)) }
            return cells
        }
        let layout = ListTable(
            columns: columns, rowCount: rows.count, cells: cells, selected: context.entry.selection, previousScroll: context.entry.scroll,
            theme: theme
        ).render(into: &buffer, area: tableArea)
        // A filter that leaves nothing says so, as the other lists do (an empty table said nothing).
        if rows.isEmpty, !waiting.isEmpty, !context.entry.filter.isEmpty, tableArea.height > 1 {
            buffer.write("Nothing matches the filter.", x: tableArea.x, y: tableArea.y + 1, maxWidth: tableArea.width, style: theme.muted)
        }
        return layout
    }
}
