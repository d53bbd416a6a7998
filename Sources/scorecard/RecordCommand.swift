import ArgumentParser
import Foundation
import ScorecardKit

/// `scorecard record MEASURE PERIOD VALUE`: adds or revises one value, keeping what it replaces.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Add or revise a measure's value for a period (the value it replaces stays in the history).",
        discussion: "A negative value is written as it is (scorecard record KBI-07 2024-05 -3.5), or after `--`."
    )

    @Argument(help: "The measure's code, such as KBI-01.")
    var measure: String

    @Argument(help: "The period: 2024-05, May 2024, 2024/25 Q1, 2024/25 or 2024, matching the measure's frequency.")
    var period: String

    @Argument(help: "The value: 87.5, 1,234, 87.5% or £1,200.")
    var value: String

    @Option(help: "The commentary: why, and what is being done (an empty note clears it; without --note, a new value has none and the same value keeps its own).")
    var note: String?

    @Option(help: "The data quality: provisional, estimated or validated (without it, as for --note).")
    var quality: String?

    @Option(help: "Who is recording the value, in a database file (default: the login name; the shared store records the login).")
    var by: String?

    @OptionGroup var databaseOptions: WritingDatabaseOptions

    func validate() throws {
        try DatabaseOptions.validate(by: by)
        if databaseOptions.published { throw ValidationError("--published shows what members see; recording writes") }
    }

    func run() throws {
        Console.announceWaitsForOtherWriters()
        let store = try databaseOptions.openStore()
        let author = DatabaseOptions.author(by)
        let entry = ValueEntry(measure: measure, period: period, value: value, note: note, quality: quality, by: author)
        let outcome: RecordOutcome
        do {
            outcome = try store.record(entry, today: try CivilDate.resolvedToday())
        } catch let error as ValueEntryError {
            for problem in error.problems {
                Console.error("Error: \(problem.field.rawValue): \(problem.message.terminalSafe)")
            }
            Console.error("Nothing was recorded.")
            throw ExitCode(1)
        }
        Console.out(Self.report(outcome))
        if case .unchanged = outcome {} else { DatabaseOptions.noteLoginRecorded(instead: by, store: store) }
        if case .added(let revision) = outcome, let note = Self.beforeSeriesNote(revision, store: store) { Console.error(note) }
        if let note = Self.finerThanShownNote(outcome) { Console.error(note) }
    }

    /// A note when the value recorded has more decimals than its measure shows (27.5 of whole days): kept as
    /// typed, it shows and is judged rounded, as the dashboard's form says before saving it; or `nil`.
    static func finerThanShownNote(_ outcome: RecordOutcome) -> String? {
        switch outcome {
        case .added(let revision), .revised(let revision): finerThanShownNote(revision)
        case .unchanged: nil
        }
    }

    private static func finerThanShownNote(_ revision: Revision) -> String? {
        guard let value = revision.observation.value, let unit = revision.unit else { return nil }
        let measure = Measure(code: revision.measureCode, title: "", unit: unit, decimals: revision.decimals ?? 0)
        // A percentage from 0.1 to below 1 is most likely a fraction a spreadsheet keeps for a percentage (0.79 for
        // 79%), as `check` warns: said so, rather than that it shows rounded (more decimals would not mend it).
        if unit.isPercentage, (0.1..<1).contains(value) {
            let percent = formatPlain(value * 100)
            return "Note: \(measure.formatAsRecorded(value)) is under 1%: if \(percent)% was meant (a spreadsheet keeps percentages as "
                + "fractions), record \(percent) for it"
        }
        return measure.finerThanShown(value).map { "Note: " + $0.terminalSafe }
    }

    /// A note when the value added is for a period before the measure's first other value (1900-01 typed for
    /// 2025-01: the dashboard's form asks; `record`, which scripts use, saves it and says so), or `nil`.
    static func beforeSeriesNote(_ revision: Revision, store: any CouncilStore) -> String? {
        guard revision.observation.value != nil,
            let series = try? store.observations(ofMeasures: [revision.measureCode], recent: nil, detailed: false).first?.observations,
            let first = series.first(where: { $0.value != nil && $0.period != revision.observation.period })?.period,
            revision.observation.period.endDate < first.startDate
        else { return nil }
        let code = revision.measureCode.terminalSafe, period = revision.observation.period
        return "Note: \(period.label) is before \(code)'s first value (\(first.label)): it starts the measure's history and "
            + "process-control chart there; if the year is a slip, withdraw it (`scorecard record \(code) \(period.description) -`) "
            + "and record the value for the right period"
    }

    /// What recording did, every value from the database or the arguments made terminal-safe; each figure in the
    /// measure's unit when the store gave it (`52.0%`).
    static func report(_ outcome: RecordOutcome) -> String {
        let draft = " It is a draft until an officer signs it off (`scorecard publish`): members do not see it yet."
        return switch outcome {
        case .added(let revision):
            "\(revision.measureCode.terminalSafe) \(revision.observation.period.label): recorded \(text(revision.observation.value, revision))."
                + (revision.observation.isDraft ? draft : "")
        case .revised(let revision) where revision.observation.value == nil && revision.replaced?.value != nil:
            "\(revision.measureCode.terminalSafe) \(revision.observation.period.label): value withdrawn (\(changes(revision)))."
                // The value withdrawn a draft itself: members never saw it (they see what was signed off before, if anything).
                + (revision.observation.isDraft
                    ? draft.replacingOccurrences(
                        of: "members do not see it yet",
                        with: revision.replaced?.isDraft == true
                            ? "members never saw the value withdrawn, a draft too, and see what was signed off before it, if anything"
                            : "members see the value until then") : "")
        case .revised(let revision):
            "\(revision.measureCode.terminalSafe) \(revision.observation.period.label): recorded \(text(revision.observation.value, revision))"
                + " (\(changes(revision)))." + (revision.observation.isDraft ? draft : "")
        // The code as the framework writes it (CS02a), whatever case it was typed in.
        case .unchanged(let code, let period):
            "\(code.excerpt()) \(period.label): unchanged (the database already holds this)."
        }
    }

    /// What a revision changed: `replacing 34`, or for the same value `the same value; commentary removed`, and
    /// the commentary or quality it changed.
    static func changes(_ revision: Revision) -> String {
        let (now, before) = (revision.observation, revision.replaced)
        var parts = [now.value == before?.value ? "the same value" : "replacing \(text(before?.value, revision))"]
        switch (before?.note, now.note) {
        case (nil, nil): break
        case (nil, _?): parts.append("commentary added")
        case (_?, nil): parts.append("commentary removed")
        case (let old?, let new?): if old != new { parts.append("commentary changed") }
        }
        if now.quality != before?.quality { parts.append("quality \(now.quality?.rawValue ?? "not given")") }
        return parts.joined(separator: "; ")
    }

    /// `value` in the unit of `revision`'s measure, to the decimals that show it whole, when the revision says it.
    static func text(_ value: Double?, _ revision: Revision) -> String {
        guard let value, let unit = revision.unit else { return text(value) }
        return text(value, of: Measure(code: revision.measureCode, title: "", unit: unit, decimals: revision.decimals ?? 0))
    }

    /// `value` in `measure`'s unit, to the decimals that show it whole (a figure beyond any measure's, plain).
    static func text(_ value: Double, of measure: Measure) -> String {
        abs(value) <= ValueLimits.sane ? measure.formatAsRecorded(value).terminalSafe : text(value)
    }

    static func text(_ value: Double?) -> String {
        guard let value else { return "no value" }
        // Grouped as the dashboard writes it (40,000; 1,234.5), to exactly the decimals recorded.
        let plain = formatPlain(value)
        guard abs(value) <= ValueLimits.sane, !plain.contains("e") else { return plain }
        let decimals = plain.firstIndex(of: ".").map { plain.distance(from: $0, to: plain.endIndex) - 1 } ?? 0
        return NumberText.grouped(value, decimals: decimals)
    }
}
