import ScorecardKit
import ScorecardReports

/// Work that ``AppState``'s update asks for and does not do itself: reading and writing the store, and
/// judging. The app loop hands effects to ``DataWorker``, which performs them off the UI thread and answers
/// with actions (``AppAction/dataChanged(_:)`` and the like).
public enum AppEffect: Hashable, Sendable {
    /// Judge the council as at a reporting period (loading any earlier values that needs).
    case judge(Period)
    /// Load a measure's whole history and judge each of its periods.
    case loadHistory(measure: Int)
    /// Load the revisions of one measure's value for one period.
    case loadRevisions(measure: Int, period: Period)
    /// Record a value.
    case save(ValueEntry)
    /// Sign drafts off, so that members see them.
    case publish([PublishSelection])
    /// Write the report (HTML) of part of the plan as judged at a reporting period.
    case writeReport(ReportScope, asAt: Period)
    /// Share the presenter's view with the meeting's followers.
    case shareView(MeetingView)
}
