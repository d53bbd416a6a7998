/// Why the dashboard could not do what was asked.
public enum DashboardError: Error, Equatable, CustomStringConvertible {
    /// The data was opened from files, which the dashboard does not write to.
    case readOnly

    public var description: String {
        switch self {
        case .readOnly: "Read-only: values can be recorded only into a database you can write to (scorecard --database PATH)"
        }
    }
}
