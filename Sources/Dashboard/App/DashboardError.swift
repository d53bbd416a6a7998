import ScorecardKit

/// Why the dashboard could not do what was asked.
public enum DashboardError: Error, Equatable, CustomStringConvertible {
    /// The data was opened from files, which the dashboard does not write to.
    case readOnly
    /// A report could not be written to the file.
    case reportNotWritten(path: String)
    /// The framework in the store changed after the dashboard read it, so the report's part of the plan is
    /// not the one on screen.
    case frameworkChangedForReport
    /// Presenting or following a meeting needs a database (not data files).
    case meetingNeedsDatabase
    /// No meeting of that name is being presented.
    case noMeeting(String)

    public var description: String {
        switch self {
        case .readOnly: "Read-only: values can be recorded only into a database you can write to (scorecard --database PATH)"
        case .meetingNeedsDatabase:
            "A meeting is held on a database (--database PATH or postgres://...), not on data files"
        case .noMeeting(let name):
            "No meeting called \(name.terminalSafe) is being presented on this database: its presenter starts it with scorecard --present \(name.terminalSafe)"
        case .frameworkChangedForReport:
            "Report not written: the framework was re-imported since this screen was read; press r again once it shows the new one"
        case .reportNotWritten(let path):
            // What to do first: a long path cut at the screen's edge took the reason with it.
            "Report not written: set SCORECARD_REPORTS to a folder you can write to (\(path.terminalSafe) cannot be written)"
        }
    }
}
