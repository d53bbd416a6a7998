/// The Council Plan: the top of the golden thread.
public struct CouncilPlan: Sendable, Equatable {
    /// The council's name: "Fernley Borough Council".
    public var council: String
    /// The plan's title: "Council Plan 2022-2027".
    public var title: String
    /// The period the council is currently reporting on, if the framework names one.
    public var reportingPeriod: Period?
    public var priorities: [Priority]

    public init(council: String, title: String, reportingPeriod: Period? = nil, priorities: [Priority]) {
        self.council = council
        self.title = title
        self.reportingPeriod = reportingPeriod
        self.priorities = priorities
    }
}

/// A priority (area of focus, outcome, theme) of the Council Plan.
public struct Priority: Sendable, Equatable {
    public var code: String
    public var title: String
    /// The Cabinet member who leads it.
    public var lead: String
    public var description: String
    /// Measures that hang directly off the priority (usually outcome measures), as indexes into ``Council/measures``.
    public var measures: [Int]
    public var plans: [DeliveryPlan]

    public init(code: String, title: String, lead: String = "", description: String = "", measures: [Int] = [], plans: [DeliveryPlan] = []) {
        self.code = code
        self.title = title
        self.lead = lead
        self.description = description
        self.measures = measures
        self.plans = plans
    }
}

/// A delivery plan (objective, plan on a page, service plan) under a priority.
public struct DeliveryPlan: Sendable, Equatable {
    public var code: String
    public var title: String
    /// The director or head of service who owns it.
    public var owner: String
    /// Its measures, as indexes into ``Council/measures``.
    public var measures: [Int]
    public var actions: [Action]

    public init(code: String, title: String, owner: String = "", measures: [Int] = [], actions: [Action] = []) {
        self.code = code
        self.title = title
        self.owner = owner
        self.measures = measures
        self.actions = actions
    }
}
