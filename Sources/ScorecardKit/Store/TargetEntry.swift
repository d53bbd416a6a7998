import Foundation

/// A target as someone proposed it (on the command line), before it is checked.
///
/// A proposed target changes nothing anyone sees until an officer approves it (``CouncilStore/publish(_:by:)``):
/// then it becomes the measure's target for that period, and judgements use it.
public struct TargetEntry: Sendable, Hashable {
    /// The entry's fields, for pinning problems to them.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        case measure, period, target, by
    }

    /// The measure's code: `KBI-01`.
    public var measure: String
    /// A period of the measure's frequency (`2025-05`, `2025/26 Q1`), or a financial year (`2025/26`), whose
    /// target applies to each of its periods.
    public var period: String
    /// The target: `90`, `87.5%`, `£1,200`; or `none` to remove the period's target.
    public var target: String
    /// Who proposes it.
    public var by: String

    public init(measure: String, period: String, target: String, by: String) {
        self.measure = measure
        self.period = period
        self.target = target
        self.by = by
    }

    /// Checks every field, given a way to find a measure by its code (`nil`: no such measure). Unlike a value, a
    /// target may be set for a period that has not begun.
    ///
    /// - Throws: ``TargetEntryError`` with one problem per field at fault.
    public func validated(measureWithCode: (String) -> Measure?) throws(TargetEntryError) -> TargetChange {
        var problems: [TargetEntryError.Problem] = []
        func fail(_ field: Field, _ message: String) { problems.append(.init(field: field, message: message)) }

        let (code, definition, measureProblem) = EntryError<Field>.measure(named: measure, measureWithCode: measureWithCode)
        if let measureProblem { fail(.measure, measureProblem) }
        if let definition, definition.lifecycle == .retired, let problem = definition.lifecycle.recordingProblem(code: code) {
            fail(.measure, problem)
        }

        let periodText = period.trimmingWhitespace()
        // A date is its month, as observations.csv reads one (2026-09-15 is September 2026), or the quarter or year
        // of a quarterly or annual measure that ends that day (2026-09-30).
        let parsedPeriod = definition.map { Period(cell: periodText, kind: $0.frequency.periodKind) } ?? Period(cell: periodText)
        if periodText.isEmpty {
            fail(.period, "enter a period (such as 2025/26 or 2025/26 Q1)")
        } else if let parsedPeriod {
            if let frequency = definition?.frequency, !Self.period(parsedPeriod, suits: frequency.periodKind) {
                fail(
                    .period,
                    "\(code.excerpt()) is reported \(frequency.adverb): set a target for \(frequency.periodKind.article)"
                        + (frequency.periodKind < .financialYear ? " or a financial year (such as 2025/26)" : "")
                        + "; \"\(periodText.excerpt())\" is \(parsedPeriod.kind.article)")
            }
        } else {
            fail(.period, "\"\(periodText.excerpt())\" is not a period (write 2025-05, 2025/26 Q1 or 2025/26)")
        }

        let targetText = target.trimmingWhitespace()
        let removes = targetText.lowercased() == "none"
        // As typed, or as the screen shows the measure's values (`£410k`, `28 days`, `95 %`), as `record` reads them.
        let asShown = removes ? nil : definition.flatMap { $0.unit.parseAsShown(String(targetText)) }
        let number = removes ? nil : NumberParser.parse(targetText) ?? asShown
        if targetText.isEmpty {
            fail(.target, "enter a target (a number such as 90, or none to remove the period's target)")
        } else if let number {
            if asShown == nil, let mark = NumberParser.unitMark(targetText), let definition,
                let problem = definition.unit.problem(with: mark, code: code) ?? (mark == .pound ? definition.unit.typedPoundsProblem(code: code) : nil)
            {
                fail(.target, problem)
            } else if let problem = definition?.problem(withValue: number) ?? ValueLimits.insanity(of: number) {
                fail(.target, problem)
            }
        } else if !removes, let problem = definition?.unit.otherUnitProblem(String(targetText), code: code) {
            fail(.target, problem)
        } else if !removes {
            fail(.target, "\"\(targetText.excerpt())\" is not a number (or none, to remove the period's target)")
        }

        let author = String(by.trimmingWhitespace())
        if author.isEmpty { fail(.by, "say who is proposing the target") }

        guard problems.isEmpty, let parsedPeriod else { throw TargetEntryError(problems: problems) }
        return TargetChange(measureCode: definition?.code ?? code, period: parsedPeriod, value: number, by: author)
    }

    /// Whether a target may be set for a period of `kind` on a measure reported by periods of `own`: its own
    /// periods, or a financial year for a measure reported monthly or quarterly.
    static func period(_ period: Period, suits own: Period.Kind) -> Bool {
        period.kind == own || (own < .financialYear && period.kind == .financialYear)
    }
}

extension TargetChange {
    /// Why the change is refused when the period's value was given with a target of its own (`rowTarget`, from
    /// the files' row), which judgements use over any other: an approved target would change nothing.
    public func carriedTargetProblem(_ rowTarget: Double, of measure: Measure) -> TargetEntryError {
        let target = measure.formatTarget(rowTarget)
        return TargetEntryError(problems: [
            .init(
                field: .period,
                message: "\(measureCode.excerpt()) \(period.label)'s row in the council's files gives a target of its own, \(target), which "
                    + "judgements use over any other: change it in the target column of that row, and import the files again")
        ])
    }
}

/// The problems found in a ``TargetEntry``, one per field at fault.
public typealias TargetEntryError = EntryError<TargetEntry.Field>

/// A checked target proposal: what a store writes.
public struct TargetChange: Sendable, Equatable {
    public var measureCode: String
    public var period: Period
    /// The target proposed; `nil` proposes removing the period's target.
    public var value: Double?
    public var by: String

    public init(measureCode: String, period: Period, value: Double?, by: String) {
        self.measureCode = measureCode
        self.period = period
        self.value = value
        self.by = by
    }
}

/// A target awaiting an officer's approval: the latest proposal for a measure's period that has not been
/// approved.
public struct TargetProposal: Sendable, Equatable {
    public var measureCode: String
    public var period: Period
    /// The target proposed; `nil` proposes removing the period's target.
    public var value: Double?
    /// The period's target as approved now (set for exactly that period), if any.
    public var current: Double?
    /// Who proposed it, and when.
    public var proposedBy: String
    public var proposedAt: Date
    /// The target the period's value was given with (a files' row imported after the proposal), which judges the
    /// period over any approved one; `nil` when it has none.
    public var carriedTarget: Double?
    /// For a financial year's target, the months or quarters of the year whose values were given with targets
    /// of their own, which judge them over the year's (oldest first); found when the target is proposed.
    public var periodsWithOwnTargets: [Period]
    /// The proposal for the same period still waiting for approval that this one replaces (only the latest is
    /// approved): its target (`nil`: removing it) and who proposed it; `nil` when none was waiting.
    public var replacedProposal: ReplacedProposal?

    /// A proposal replaced before it was approved.
    public struct ReplacedProposal: Sendable, Equatable {
        public var value: Double?
        public var proposedBy: String

        public init(value: Double?, proposedBy: String) {
            self.value = value
            self.proposedBy = proposedBy
        }
    }

    public init(
        measureCode: String, period: Period, value: Double?, current: Double?, proposedBy: String, proposedAt: Date, carriedTarget: Double? = nil,
        periodsWithOwnTargets: [Period] = [], replacedProposal: ReplacedProposal? = nil
    ) {
        self.measureCode = measureCode
        self.period = period
        self.value = value
        self.current = current
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
        self.carriedTarget = carriedTarget
        self.periodsWithOwnTargets = periodsWithOwnTargets
        self.replacedProposal = replacedProposal
    }

    /// The periods of financial year `year` whose latest revision carries a target of its own, from each
    /// period's latest revision's target (`latest`); none when `year` is not a financial year.
    public static func periodsWithOwnTargets(in year: Period, latest: [(period: Period, target: Double?)]) -> [Period] {
        guard year.kind == .financialYear else { return [] }
        return latest.filter { $0.target != nil && $0.period.kind != .financialYear && $0.period.financialYear == year }.map(\.period).sorted()
    }
}
