import ScorecardKit

/// Why the dashboard could not do what was asked.
public enum DashboardError: Error, Equatable, CustomStringConvertible {
    /// The data was opened from files, which the dashboard does not write to.
    case readOnly
    /// A report could not be written to the file.
    case reportNotWritten(path: String)
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
        case .reportNotWritten(let path):
            "Report not written: \(path.terminalSafe) cannot be written (set SCORECARD_REPORTS to a folder you can write to)"
        }
    }
}
