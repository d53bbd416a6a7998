/// An action or milestone in a delivery plan: a piece of work with an owner and a due date.
public struct Action: Sendable, Equatable {
    /// Where an action stands, as its owner reports it.
    public enum Progress: String, Sendable, CaseIterable, Codable {
        case notStarted = "not-started"
        case inProgress = "in-progress"
        case completed
        case delayed
        case cancelled

        public var label: String {
            switch self {
            case .notStarted: "Not started"
            case .inProgress: "In progress"
            case .completed: "Completed"
            case .delayed: "Delayed"
            case .cancelled: "Cancelled"
            }
        }
    }

    public var title: String
    public var owner: String
    public var due: CivilDate?
    public var progress: Progress
    /// 0 to 100.
    public var percentComplete: Int

    public init(title: String, owner: String = "", due: CivilDate? = nil, progress: Progress = .notStarted, percentComplete: Int = 0) {
        self.title = title
        self.owner = owner
        self.due = due
        self.progress = progress
        self.percentComplete = percentComplete
    }

    /// Whether the action is past its due date and neither completed nor cancelled on `date`.
    public func isOverdue(on date: CivilDate) -> Bool {
        guard let due, progress != .completed, progress != .cancelled else { return false }
        return due < date
    }

    /// Whether the action counts as overdue in a view as at `period`: not done `today` and past its due date, and
    /// due by the period's end. A paper or a screen as at Q1 2024/25 does not call an action due in June 2026 late,
    /// however late it is now; dashboard and committee paper count the same actions.
    public func isOverdue(asAt period: Period, today: CivilDate) -> Bool {
        guard let due, isOverdue(on: today) else { return false }
        return due <= period.endDate
    }
}
