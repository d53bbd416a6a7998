import ArgumentParser
import Foundation
import ScorecardKit

/// `scorecard status [DIR]`: every measure's judgement, as a table, JSON or CSV (documented in `docs/status.md`).
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Print every measure's judgement: period, value, target, status, direction, alerts and next due date.",
        discussion: "--json and --csv are stable formats for scripts and other tools (see docs/status.md)."
    )

    @OptionGroup var input: CouncilInput

    @OptionGroup var judgement: JudgementOptions

    @Flag(help: "Print JSON: an object with the council, the period and one record per measure.")
    var json = false

    @Flag(help: "Print CSV: a header and one row per measure.")
    var csv = false

    func validate() throws {
        if json, csv { throw ValidationError("give --json or --csv, not both") }
    }

    func run() throws {
        // A database another process holds (an import committing) is waited for, and said so, as writers say it.
        Console.announceWaitsForOtherWriters()
        let (council, publishedOnly, proposals) = try input.loadWithProposals(today: try judgement.resolvedToday(), proposals: json)
        let evaluation = try judgement.evaluate(council)
        let report = StatusReport(council: council, evaluation: evaluation, publishedOnly: publishedOnly, proposals: proposals)
        if json {
            Console.out(try JSONText.encode(report))
        } else if csv {
            Console.document(report.csv)
        } else {
            Console.out(Self.table(report, council: council, evaluation: evaluation, publishedOnly: publishedOnly))
        }
    }

    /// The report as a table a person reads: one line per measure under its priority (a draft value marked
    /// "(draft)"), then the counts; the heading says when only published figures were read.
    static func table(_ report: StatusReport, council: Council, evaluation: Evaluation, publishedOnly: Bool = false) -> String {
        let heading = "\(report.council.terminalSafe): \(report.plan.terminalSafe), as at \(evaluation.asAt.label)"
            + (publishedOnly ? " (published figures)" : "")
        var rows: [[String]] = [["Code", "Status", "Period", "Value", "Target", "Since previous", "Alerts", "Next due"]]
        var priorityOfRow: [String] = [""]
        // The records are in the plan's order (``Council/agendaOrder``), not the measures'.
        for (m, record) in zip(council.agendaOrder, report.measures) {
            let measure = council.measures[m]
            let judged = evaluation.measures[m]
            rows.append([
                record.code.terminalSafe, judged.status.label, judged.period?.label ?? "",
                (judged.value.map(measure.format)?.terminalSafe ?? "") + (record.draft ? " (draft)" : ""),
                judged.target.map(measure.formatTarget)?.terminalSafe ?? "",
                record.direction.previous ?? "", record.alerts.joined(separator: ", "), record.nextDue ?? "",
            ])
            priorityOfRow.append(record.priority)
        }
        let aligned = TextColumns.aligned(rows, rightAligned: [3, 4])
        var lines = [heading, "", aligned[0]]
        for index in rows.indices.dropFirst() {
            if priorityOfRow[index] != priorityOfRow[index - 1] {
                let priority = council.plan.priorities.first { $0.code == priorityOfRow[index] }
                lines.append("")
                lines.append("\(priorityOfRow[index].terminalSafe)  \(priority?.title.terminalSafe ?? "")")
            }
            lines.append(aligned[index])
        }
        var counts: [Status: Int] = [:]
        for judged in evaluation.measures { counts[judged.status, default: 0] += 1 }
        let summary = Status.allCases.compactMap { status in counts[status].map { "\(NumberText.grouped(Double($0), decimals: 0)) \(status.label.lowercased())" } }
        lines.append("")
        let drafts = report.measures.filter(\.draft).count
        lines.append("\(NumberText.counted(report.measures.count, "measure"))\(summary.isEmpty ? "" : ": " + summary.joined(separator: ", ")); "
            + NumberText.counted(evaluation.alerts.count, "alert")
            + (drafts > 0 ? "; \(NumberText.counted(drafts, "measure")) judged on \(drafts == 1 ? "a draft" : "drafts") awaiting sign-off" : ""))
        return lines.joined(separator: "\n")
    }
}
