import ScorecardKit

/// A committee paper as a document: the cover, the summary by priority, and each priority's delivery plans and
/// measures, built once from a judged council (``init(council:evaluation:options:)``) and then written by
/// ``HTMLReportWriter``, ``MarkdownReportWriter`` or ``CSVReportWriter``.
///
/// Every figure is already written as readers see it (formatted, or `*` where withheld), so the writers only lay
/// the document out and cannot disagree about a number.
public struct CommitteeReport: Sendable {
    /// What the first page says.
    public struct Cover: Sendable, Equatable {
        /// "Quarterly performance report", "Exceptions report"...
        public var title: String
        public var council: String
        public var plan: String
        /// The reporting period, as members read it: `Q2 2026/27`.
        public var asAt: String
        /// `2 December 2026`.
        public var produced: String
        /// Whether the figures are published only or include drafts, in a sentence.
        public var figures: String
        /// What the report covers when it is not the whole plan: `Priority P2: A greener borough`.
        public var scope: String?
        public var audience: ReportAudience
    }

    /// One priority's line of the summary.
    public struct PrioritySummary: Sendable, Equatable {
        public var code: String
        public var title: String
        public var rollUp: RollUp
    }

    /// One measure as a row of a table, with its chart.
    public struct MeasureEntry: Sendable, Equatable {
        /// The measure's index in the council.
        public var index: Int
        public var code: String
        public var title: String
        public var tier: Tier
        public var owner: String
        /// The judged period: `Sep 2026`; empty when none.
        public var period: String
        /// The value as members read it (`85.2%`), `*` when withheld, empty when missing.
        public var value: String
        public var target: String
        public var status: Status
        /// Direction of travel against the period before.
        public var travel: Direction?
        /// Direction of travel against the same period a year before.
        public var travelYear: Direction?
        /// An outcome measure against England and its neighbours: `▼ Worse than England (2.16) in 2025/26;
        /// ranked 13 of 16 with its nearest neighbours`; `nil` without comparators (or, for the public, for a
        /// measure whose small numbers are withheld).
        public var comparison: String?
        public var alerts: [AlertLine]
        public var commentary: String?
        /// Whether the judged value is a draft, not yet signed off.
        public var draft: Bool
        /// The judged value's data quality when it is not final (provisional or estimated); `nil` for a
        /// validated value, one with no quality given, or a withheld one.
        public var caveat: DataQuality?
        /// Whether the judged value is withheld to protect individuals.
        public var withheld: Bool
        public var chart: ChartSeries
    }

    /// An alert as the report prints it.
    public struct AlertLine: Sendable, Equatable {
        public var rule: Alert.Rule
        public var reason: String
    }

    /// An action past its due date.
    public struct ActionEntry: Sendable, Equatable {
        public var title: String
        public var owner: String
        /// `30 September 2026`.
        public var due: String
        public var progress: Action.Progress
        public var percentComplete: Int
        public var daysOverdue: Int
    }

    /// A delivery plan's part of a priority's section.
    public struct PlanSection: Sendable, Equatable {
        public var code: String
        public var title: String
        public var owner: String
        public var measures: [MeasureEntry]
        public var overdueActions: [ActionEntry]
    }

    /// One priority's section: its own measures, then its delivery plans.
    public struct PrioritySection: Sendable, Equatable {
        public var code: String
        public var title: String
        public var lead: String
        public var description: String
        public var measures: [MeasureEntry]
        public var plans: [PlanSection]

        /// Every measure in the section, the priority's own first.
        public var allMeasures: [MeasureEntry] { measures + plans.flatMap(\.measures) }
    }

    public var options: ReportOptions
    public var cover: Cover
    /// One line per priority covered, in the plan's order.
    public var summary: [PrioritySummary]
    /// The totals of the summary.
    public var total: RollUp
    /// What the totals' row is called: `All priorities`, or for some of them `Priorities P2, P6`.
    public var totalTitle: String
    public var sections: [PrioritySection]
    /// The footnote on withheld figures, when the report withholds any.
    public var withheldNote: String?
}
