/// Reads `framework.yaml`: the Council Plan, its priorities, delivery plans, measures and actions
/// (see `docs/data-format.md`).
public struct FrameworkFile {
    /// The file name used in errors.
    public let file: String

    public init(file: String) {
        self.file = file
    }

    /// The plan and its measures (the plan refers to measures by index).
    public struct Contents: Sendable {
        public var plan: CouncilPlan
        public var measures: [Measure]
    }

    static let topKeys = ["council", "plan", "reporting_period", "defaults", "priorities"]
    static let defaultKeys = ["tolerance"]
    static let priorityKeys = ["code", "title", "lead", "description", "measures", "plans"]
    static let planKeys = ["code", "title", "owner", "measures", "actions"]
    static let actionKeys = ["title", "owner", "due", "status", "complete"]
    static let measureKeys = [
        "code", "title", "description", "methodology", "source", "owner", "service", "team", "tier", "unit",
        "decimals", "frequency", "polarity", "band", "status", "cumulative", "tolerance", "lag_days", "targets",
        "profile", "min", "max",
    ]

    /// Parses the YAML text of a framework file.
    public func read(_ text: String) throws -> Contents {
        // Every value is kept as text: the reader parses numbers, booleans and periods itself, and so names the
        // line of a bad one.
        guard let root = try YAMLComposer(file: file).compose(text) else {
            throw DataFileError(file: file, line: nil, field: nil, message: "the file is empty")
        }
        var top = try YAMLObject(root, file: file, context: "the framework")
        let council = try top.requiredString("council")
        let title = try top.requiredString("plan")
        let reportingPeriod = try top.parsed("reporting_period", expected: "a period (such as 2024/25 Q2)") {
            Period(parsing: $0)
        }
        var defaultTolerance: Tolerance?
        if let node = top.node("defaults") {
            var defaults = try YAMLObject(node, file: file, context: "defaults")
            defaultTolerance = try Self.tolerance(&defaults)
            try defaults.rejectUnknownKeys(allowed: Self.defaultKeys)
        }
        var reader = MeasureReader(file: file, defaultTolerance: defaultTolerance)
        var priorities: [Priority] = []
        var priorityCodes: [String: Int] = [:]
        for node in try top.list("priorities") {
            var object = try YAMLObject(node, file: file, context: "a priority")
            let code = try object.requiredString("code")
            if let first = priorityCodes.updateValue(object.line, forKey: code) {
                throw DataFileError(file: file, line: object.line, field: "code", message: "priority code \(code.excerpt()) is used twice (first on line \(first))")
            }
            var priority = Priority(
                code: code, title: try object.requiredString("title"), lead: try object.string("lead") ?? "",
                description: try object.string("description") ?? "")
            priority.measures = try object.list("measures").map { try reader.measure($0) }
            var planCodes: Set<String> = []
            for planNode in try object.list("plans") {
                var planObject = try YAMLObject(planNode, file: file, context: "a delivery plan")
                let planCode = try planObject.requiredString("code")
                guard planCodes.insert(planCode).inserted else {
                    throw planObject.error("code", "delivery plan code \(planCode.excerpt()) is used twice in priority \(code.excerpt())")
                }
                var plan = DeliveryPlan(
                    code: planCode, title: try planObject.requiredString("title"), owner: try planObject.string("owner") ?? "")
                plan.measures = try planObject.list("measures").map { try reader.measure($0) }
                plan.actions = try planObject.list("actions").map { try action($0) }
                try planObject.rejectUnknownKeys(allowed: Self.planKeys)
                priority.plans.append(plan)
            }
            try object.rejectUnknownKeys(allowed: Self.priorityKeys)
            priorities.append(priority)
        }
        try top.rejectUnknownKeys(allowed: Self.topKeys)
        guard !priorities.isEmpty else {
            throw DataFileError(file: file, line: top.line, field: "priorities", message: "the framework needs at least one priority")
        }
        return Contents(
            plan: CouncilPlan(council: council, title: title, reportingPeriod: reportingPeriod, priorities: priorities),
            measures: reader.measures)
    }

    private func action(_ node: YAMLNode) throws -> Action {
        var object = try YAMLObject(node, file: file, context: "an action")
        let action = Action(
            title: try object.requiredString("title"),
            owner: try object.string("owner") ?? "",
            due: try object.parsed("due", expected: "a date (2025-03-31)") { CivilDate(parsing: $0) },
            progress: try object.keyword("status", Action.Progress.self) ?? .notStarted,
            percentComplete: try object.integer("complete", in: 0...100) ?? 0)
        try object.rejectUnknownKeys(allowed: Self.actionKeys)
        return action
    }

    static func tolerance(_ object: inout YAMLObject) throws -> Tolerance? {
        try object.parsed("tolerance", expected: "a tolerance (a number such as 2, or a percentage such as 5%)") { text in
            guard let amount = NumberParser.parse(text), amount >= 0, ValueLimits.insanity(of: amount) == nil else { return nil }
            return text.hasSuffix("%") ? .percent(amount) : .absolute(amount)
        }
    }
}
