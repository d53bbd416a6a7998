/// Why the dashboard could not do what was asked.
public enum DashboardError: Error, Equatable, CustomStringConvertible {
    /// The data was opened from files, which the dashboard does not write to.
    case readOnly

    public var description: String {
        switch self {
        case .readOnly: "These files are open read-only: open the database (scorecard --database PATH) to record values"
        }
    }
}
