import ScorecardKit

/// Why the dashboard could not do what was asked.
public enum DashboardError: Error, Equatable, CustomStringConvertible {
    /// The data was opened from files, which the dashboard does not write to.
    case readOnly
    /// A report could not be written to the file.
    case reportNotWritten(path: String)

    public var description: String {
        switch self {
        case .readOnly: "Read-only: values can be recorded only into a database you can write to (scorecard --database PATH)"
        case .reportNotWritten(let path):
            "Report not written: \(path.terminalSafe) cannot be written (set SCORECARD_REPORTS to a folder you can write to)"
        }
    }
}
