import ArgumentParser
import Foundation
import ScorecardKit

/// `scorecard target MEASURE PERIOD TARGET`: proposes a target, for an officer to approve with `publish`.
struct TargetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "target",
        abstract: "Propose a measure's target for a period or a financial year (an officer approves it with publish).",
        discussion: """
            The proposal changes nothing anyone sees until an officer approves it (`scorecard publish`, or the \
            dashboard's sign-off list): then it is the period's target, and judgements use it. A target for a \
            financial year (2025/26) applies to each month or quarter of it; a period may be in the future. \
            TARGET `none` proposes removing the period's target. A negative target is written as it is (-5), or after `--`.
            """
    )

    @Argument(help: "The measure's code, such as KBI-01.")
    var measure: String

    @Argument(help: "The period: one of the measure's (2025-05, 2025/26 Q1) or a financial year (2025/26).")
    var period: String

    @Argument(help: "The target: 90, 87.5%, £1,200; or none to remove the period's target.")
    var target: String

    @Option(help: "Who proposes it, in a database file (default: the login name; a shared database records the login).")
    var by: String?

    @OptionGroup var databaseOptions: WritingDatabaseOptions

    func validate() throws {
        try DatabaseOptions.validate(by: by)
        if databaseOptions.published { throw ValidationError("--published shows what members see; proposing a target writes") }
    }

    func run() throws {
        Console.announceWaitsForOtherWriters()
        let store = try databaseOptions.openStore()
        let author = DatabaseOptions.author(by)
        let entry = TargetEntry(measure: measure, period: period, target: target, by: author)
        let proposal: TargetProposal?
        do {
            proposal = try store.proposeTarget(entry)
        } catch let error as TargetEntryError {
            for problem in error.problems {
                Console.error("Error: \(problem.field.rawValue): \(problem.message.terminalSafe)")
            }
            Console.error("Nothing was proposed.")
            throw ExitCode(1)
        }
        guard let proposal else {
            // The code as the framework writes it (CS02a, typed cs02A), as `record` says it.
            let typed = measure.trimmingCharacters(in: .whitespaces)
            let found = (try? store.loadRecentCouncil(periods: 1))?.measures.first { $0.code.lowercased() == typed.lowercased() }
            Console.out(Self.unchanged(code: found?.code ?? typed.uppercased(), period: period, kind: found?.frequency.periodKind, target: target))
            return
        }
        // The measure: its unit for the figures (`98.0%`, as `publish` says them), and what more is to be said of
        // it: a month or quarter with no target of its own (its year's judges it), or a target finer than shown.
        let yearJudges = proposal.current == nil && (proposal.period.kind == .month || proposal.period.kind == .quarter)
        let measure = (try? store.loadRecentCouncil(periods: 1))?.measures.first(where: { $0.code == proposal.measureCode })
        let shown = { (value: Double) in measure.map { RecordCommand.text(value, of: $0) } ?? Self.text(value) }
        let year = yearJudges ? measure.flatMap { measure in
            measure.targets[proposal.period.financialYear].map { (proposal.period.financialYear, measure.formatTarget($0)) }
        } : nil
        let what = proposal.value.map { "proposed target \(shown($0))" } ?? "proposed removing its target"
        // A target may be set ahead, for a period to come: said so, as nothing is judged against it yet.
        let when = (try? CivilDate.resolvedToday()).map { Self.timing(of: proposal.period, today: $0) } ?? ""
        Console.out(
            "\(proposal.measureCode.terminalSafe) \(proposal.period.label): \(what)"
                + " (\(Self.standing(proposal.current.map(shown), year: year, share: year == nil ? nil : measure.flatMap { Self.share(of: $0, in: proposal.period) }))"
                + "\(Self.replacing(proposal.replacedProposal))). It waits for an officer's approval (`scorecard publish`):"
                + (proposal.current == nil && year == nil ? " until then the period has no target." : " until then judgements use the current target.")
                + when + Self.ownTargets(proposal.periodsWithOwnTargets))
        if let value = proposal.value, let measure, measure.isFinerThanShown(value) {
            // As `check` warns of such a target in the files.
            for line in FinerTargetWarning.lines([FinerTarget(measure, period: proposal.period, target: value)]) {
                Console.error(line)
            }
        }
        DatabaseOptions.noteLoginRecorded(instead: by, store: store)
    }

    /// What a proposal for `period` is, said on `today`: for a period still to come (a target may be set ahead),
    /// or for one over, which its approval judges again, values already reported included; else nothing.
    static func timing(of period: Period, today: CivilDate) -> String {
        if period.startDate > today { return " It is for a period still to come." }
        guard period.hasEnded(by: today) else {
            // A year under way holds months or quarters already reported, which its target judges.
            guard period.kind == .financialYear || period.kind == .calendarYear else { return "" }
            return " \(period.label) is under way: once approved, its months or quarters already reported are judged again against it."
        }
        return " \(period.label) has ended: once approved, its values are judged again against this target, those already reported included."
    }

    /// What `target` says when the proposal of measure `code` (as the framework writes it) changes nothing; removing a target a month or quarter never had says
    /// what it is judged against instead.
    static func unchanged(code: String, period: String, kind: Period.Kind? = nil, target: String) -> String {
        // Read as the proposal read it: 2024-09-30 is Q2 of a quarterly measure.
        let parsed = kind.map { Period(cell: period, kind: $0) } ?? Period(cell: period)
        let removing = target.trimmingCharacters(in: .whitespaces).lowercased() == "none"
        let why =
            !removing ? "this target is already what stands or is proposed"
            : parsed?.kind == .month || parsed?.kind == .quarter
                ? "the period has no target of its own to remove, or its removal is already proposed; without one it is judged "
                    + "against its financial year's target, when the year has one"
            : "the period has no target to remove, or its removal is already proposed"
        return "\(code.excerpt()) \(parsed?.label ?? period.excerpt()): unchanged (\(why))."
    }

    /// What a year's target leaves alone: ` Apr 2026 and May 2026 were given targets of their own with their
    /// values, which judge them whatever the year's target.`
    static func ownTargets(_ periods: [Period]) -> String {
        guard let last = periods.last else { return "" }
        guard periods.count > 1 else { return " \(last.label) was given a target of its own with its value, which judges it whatever the year's target." }
        let list = periods.dropLast().map(\.label).joined(separator: ", ") + " and " + last.label
        return " \(list) were given targets of their own with their values, which judge them whatever the year's target."
    }

    /// The target a proposal would replace: set for that very period, or none (a month or quarter may then be
    /// judged against its year's target).
    /// `currently 95.0%` (`current` as shown); for a period with none of its own, what its financial year has (`year`: the year and its
    /// target as shown), which judges it until then.
    /// For a cumulative measure, `share` says what of the year's target judges the period (`65% of it, 133.25, the
    /// share due by Q3 2026/27`), as the sign-off list and the period's detail give it.
    static func standing(_ current: String?, year: (Period, String)? = nil, share: String? = nil) -> String {
        if let current { return "currently \(current)" }
        guard let (period, target) = year else { return "no target is set for that period itself yet" }
        return "no target is set for that period itself yet; until one is, its year's target, \(target.terminalSafe) for \(period.label), judges it"
            + (share.map { ": \($0.terminalSafe)" } ?? "")
    }

    /// What of its year's target judges period `period` of cumulative `measure` with no target of its own: `65% of
    /// it, 133.25, the share due by Q3 2026/27`; `nil` for another measure or period.
    static func share(of measure: Measure, in period: Period) -> String? {
        guard measure.cumulative, period.kind == .month || period.kind == .quarter, let annual = measure.targets[period.financialYear]
        else { return nil }
        let fraction = measure.targets.share(at: period.positionInFinancialYear, of: period.kind.perYear)
        let percent = fraction * 100
        return "\(NumberText.grouped(percent, decimals: percent.rounded() == percent ? 0 : 1))% of it, "
            + "\(measure.formatTarget(annual * fraction)), the share due by \(period.label)"
    }

    /// `; it replaces the proposal of 95 by kate, still waiting`, or nothing when no proposal was waiting.
    static func replacing(_ replaced: TargetProposal.ReplacedProposal?) -> String {
        guard let replaced else { return "" }
        let what = replaced.value.map { "the proposal of \(RecordCommand.text($0))" } ?? "the proposal to remove it"
        return "; it replaces \(what) by \(replaced.proposedBy.terminalSafe.excerpt()), still waiting"
    }

    /// A target as the command line writes it: `none` for no target.
    static func text(_ value: Double?) -> String {
        value.map { RecordCommand.text($0) } ?? "none"
    }
}
