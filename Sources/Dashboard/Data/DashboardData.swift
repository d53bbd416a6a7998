import Foundation
import ScorecardKit

/// Everything the dashboard shows, as one value: the council (with as much of each measure's history as has
/// been loaded), its evaluations at the periods judged so far, the judged histories and revisions of the
/// measures opened, and what the store says about itself.
///
/// Made and changed only by ``DataService`` (off the UI thread); the UI reads it through a ``DashboardModel``.
public struct DashboardData: Sendable {
    public var council: Council
    /// The day due dates are checked against.
    public var today: CivilDate
    /// The council judged at each reporting period asked for so far.
    public var evaluations: [Period: Evaluation] = [:]
    /// Each opened measure's periods, newest first, each judged: from its whole history.
    public var histories: [Int: [PeriodJudgement]] = [:]
    /// The revisions of the values whose detail was opened.
    public var revisions: [RevisionKey: [Revision]] = [:]
    /// The revisions of the targets that judge those periods (each period's own, and a month's or quarter's
    /// financial year's), oldest first.
    public var targetRevisions: [RevisionKey: [TargetRevision]] = [:]
    /// Whether values can be recorded.
    public var canRecord = false
    /// The measures whose values may be recorded, by code, when not every one may (a shared store's owner).
    public var recordable: Set<String>?
    /// Why values cannot be recorded, in a sentence for the status line.
    public var readOnlyReason = DashboardError.readOnly.description
    /// Whether only published (signed-off) values are shown: a member, or `--published`.
    public var seesPublishedOnly = false
    /// Whether small numbers are withheld (shown as `*`): a meeting's screens, which the public may see.
    public var withholdsSmallNumbers = false
    /// Whether drafts can be signed off here (an officer).
    public var canSignOff = false
    /// The values awaiting sign-off that this user may see, by measure code and period.
    public var drafts: [Draft] = []
    /// The target proposals awaiting approval that this user may see, by measure code and period.
    public var targetProposals: [TargetProposal] = []
    /// Whether the data comes with its history of revisions (it does from a store, not from files).
    public var hasHistory = false
    /// When the data last changed, as far as the store records it.
    public var lastChanged: Date?
    /// Who records values from this dashboard.
    public var user = ""
    /// What a filter searches for each measure: made once for the framework (a new one when it changes).
    public var measureTexts = MeasureTexts()

    public init(council: Council, today: CivilDate) {
        self.council = council
        self.today = today
    }

    /// One value's revisions: a measure (by index) and a period.
    public struct RevisionKey: Hashable, Sendable {
        public var measure: Int
        public var period: Period

        public init(measure: Int, period: Period) {
            self.measure = measure
            self.period = period
        }
    }
}
