import ScorecardKit

/// A screen of the dashboard, with what it shows.
public enum Route: Hashable, Sendable {
    /// The Council Plan: each priority with its roll-up.
    case plan
    /// A priority: its delivery plans and its own (outcome) measures.
    case priority(Int)
    /// A delivery plan: its measures and actions.
    case deliveryPlan(priority: Int, plan: Int)
    /// One measure: chart, history and definition.
    case measure(Int)
    /// The alerts of the whole plan, a priority or a delivery plan, worst first.
    case alerts(AlertsLevel)
    /// The measures of one owner or service.
    case myMeasures
    /// The values awaiting sign-off (drafts), with who recorded them.
    case signOff
    /// The measures whose code starts with, or whose title holds every word of, the text: found with `:` or `/`.
    case search(String)
    /// What needs attention at a level (the whole plan, a priority, a delivery plan): each measure with an alert,
    /// in the plan's order, with its reason and commentary.
    case exceptions(AlertsLevel)
}

/// Whose alerts an alerts list shows.
public enum AlertsLevel: Hashable, Sendable {
    case all
    case priority(Int)
    case deliveryPlan(priority: Int, plan: Int)
    /// The measures My measures lists (an owner's, a service's: see ``MeasureScope``).
    case mine

    /// Whether the measure at `location` is within this level (``mine`` asks the model: see
    /// ``DashboardModel/isMeasure(_:in:scope:)``).
    func contains(_ location: MeasureLocation) -> Bool {
        switch self {
        case .all, .mine: true
        case .priority(let p): location.priority == p
        case .deliveryPlan(let p, let d): location.priority == p && location.plan == d
        }
    }
}

/// What a row of a screen's list stands for, so a selection can be found again after the list changes.
public enum RowID: Hashable, Sendable {
    case priority(Int)
    case deliveryPlan(priority: Int, plan: Int)
    case measure(Int)
    /// An alert, by the measure it is on and its rule.
    case alert(measure: Int, rule: Alert.Rule)
    case period(Period)
    /// A draft awaiting sign-off: a measure's value for a period.
    case draft(measure: Int, period: Period)
    /// A target proposal awaiting approval: a measure's target for a period (or a financial year).
    case targetProposal(measure: Int, period: Period)

    /// Whether the row is a measure.
    public var isMeasure: Bool {
        if case .measure = self { true } else { false }
    }
}
