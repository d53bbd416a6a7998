/// The judgement on a measure as at a reporting period.
///
/// The cases are declared worst first, so sorting by status puts what needs attention at the top.
public enum Status: Int, Sendable, CaseIterable, Comparable, Codable {
    /// Misses the target by more than the tolerance (red).
    case offTrack
    /// The value is missing past its due date.
    case overdue
    /// Misses the target, but within the tolerance (amber).
    case withinTolerance
    /// Meets or beats the target (green).
    case onTrack
    /// Has a value but no target or no polarity, so it is tracked but not judged (grey).
    case notJudged
    /// Nothing has been reported yet.
    case noData
    /// Defined, but not collected yet.
    case inDevelopment
    /// No longer reported; kept for its history.
    case retired

    public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The word members read.
    public var label: String {
        switch self {
        case .offTrack: "Off track"
        case .overdue: "Overdue"
        case .withinTolerance: "At risk"
        case .onTrack: "On track"
        case .notJudged: "Not judged"
        case .noData: "No data"
        case .inDevelopment: "In development"
        case .retired: "Retired"
        }
    }

    /// A stable identifier for files and JSON: `off-track`.
    public var key: String {
        switch self {
        case .offTrack: "off-track"
        case .overdue: "overdue"
        case .withinTolerance: "within-tolerance"
        case .onTrack: "on-track"
        case .notJudged: "not-judged"
        case .noData: "no-data"
        case .inDevelopment: "in-development"
        case .retired: "retired"
        }
    }
}
