import ArgumentParser
import Foundation
import ScorecardKit

/// `scorecard publish`: signs drafts off, so that members see them.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Sign off draft values and approve proposed targets, so that members see them (officers only, in a shared database).",
        discussion: """
            Without --period or --measure, every draft and every proposed target is signed off. Each value published \
            keeps who signed it off and when in its history; each target approved, who proposed it and who approved \
            it. A code that names no measure is an error (exit status 1): nothing at all is published then.
            """
    )

    @Option(help: "Only drafts and proposed targets of this period or of periods within it (2024-05; 2024/25 Q1, its months too; 2024/25, its quarters and months too).")
    var period: String?

    @Option(name: .customLong("measure"), help: "Only drafts and proposed targets of this measure (repeat for more).")
    var measures: [String] = []

    @Option(help: "Who signs off, in a database file (default: the login name; a shared database records the login).")
    var by: String?

    @OptionGroup var databaseOptions: WritingDatabaseOptions

    func validate() throws {
        if databaseOptions.published { throw ValidationError("--published shows what members see; publishing writes") }
        try DatabaseOptions.validate(by: by)
        if let period, Period(cell: period) == nil {
            throw ValidationError("--period: \(period.excerpt()) is not a period (2024-05, 2024/25 Q1, 2024/25 or 2024)")
        }
    }

    /// A month's last day (`31/03/2026`) takes the drafts of every period that ends on it: March, Q4 2025/26 and
    /// 2025/26, whatever each measure reports by.
    private var endingOn: CivilDate? {
        guard let period, let date = Period.date(writtenAs: period), date == Period.month(date.year, date.month).endDate else { return nil }
        return date
    }

    /// The period given, and those within it; a date that is no month's end, its month.
    private var selectedPeriod: Period? {
        endingOn == nil ? period.flatMap { Period(cell: $0) } : nil
    }

    func run() throws {
        let today = try CivilDate.resolvedToday()
        // A period not yet begun holds no drafts: said so, as `status` says it, rather than "nothing to publish".
        if let period = selectedPeriod, period.startDate > today {
            throw CommandFailure("\(period.label) has not begun (it starts on \(period.startDate.longDescription)); nothing was published")
        }
        if let endingOn, endingOn > today {
            throw CommandFailure("\(endingOn.longDescription) is still to come: no period has ended on it; nothing was published")
        }
        Console.announceWaitsForOtherWriters()
        let store = try databaseOptions.openStore()
        let signer = DatabaseOptions.author(by)
        let selection = PublishSelection(
            period: selectedPeriod, endingOn: endingOn, measures: measures.map { $0.trimmingCharacters(in: .whitespaces) },
            endedBy: today)
        let outcome = try store.publish(selection, by: signer)
        if !outcome.unknownMeasures.isEmpty {
            throw CommandFailure(
                "no measure " + outcome.unknownMeasures.map { $0.excerpt() }.joined(separator: ", ") + "; nothing was published")
        }
        // The figures with their measures' units, as the dashboard shows them (`54.0%`, not `54`).
        let units = outcome.isEmpty ? [:] : Dictionary(
            ((try? store.loadRecentCouncil(periods: 1))?.measures ?? []).map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        Console.out(Self.report(outcome, selection: selection, measures: units))
        if !outcome.published.isEmpty || !outcome.approvedTargets.isEmpty { DatabaseOptions.noteLoginRecorded(instead: by, store: store) }
    }

    static func report(_ outcome: PublishOutcome, selection: PublishSelection, measures: [String: Measure] = [:]) -> String {
        // A figure with its measure's unit and the decimals that show it whole; without its measure, as typed.
        func shown(_ value: Double?, of code: String) -> String {
            guard let value, let measure = measures[code] else { return RecordCommand.text(value) }
            return measure.formatAsRecorded(value).terminalSafe
        }
        guard !outcome.isEmpty else {
            return "Nothing to publish: no drafts or proposed targets" + (selection.period == nil && selection.measures.isEmpty ? "." : " match.")
        }
        var lines: [String] = []
        if !outcome.published.isEmpty {
            let count = outcome.published.count
            lines.append("Published \(count) value\(count == 1 ? "" : "s"):")
            for draft in outcome.published {
                lines.append(
                    "  \(draft.measureCode.terminalSafe) \(draft.observation.period.label): \(shown(draft.observation.value, of: draft.measureCode))"
                        + " (recorded by \(draft.changedBy.terminalSafe))")
            }
        }
        if !outcome.approvedTargets.isEmpty {
            let count = outcome.approvedTargets.count
            lines.append("Approved \(count) target\(count == 1 ? "" : "s"):")
            for proposal in outcome.approvedTargets {
                lines.append(
                    "  \(proposal.measureCode.terminalSafe) \(proposal.period.label): \(proposal.value == nil ? "none" : shown(proposal.value, of: proposal.measureCode))"
                        + " (\(proposal.current.map { "was \(shown($0, of: proposal.measureCode))" } ?? "none was set for that period itself"); proposed by \(proposal.proposedBy.terminalSafe))"
                        + (proposal.carriedTarget.map {
                            "; but the period's row in the council's files gives a target of its own, \(RecordCommand.text($0)), which still judges it: "
                                + "change it in the files"
                        } ?? ""))
            }
        }
        return lines.joined(separator: "\n")
    }
}
