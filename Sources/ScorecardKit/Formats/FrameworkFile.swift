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
    ///
    /// - Throws: ``DataFileError`` for a file that is not YAML (libyaml stops at the first syntax error), else
    ///   ``DataLoadError`` with every problem found, each with its line and field: a measure, plan or action with a
    ///   problem is reported and reading goes on with the next.
    public func read(_ text: String) throws -> Contents {
        // Every value is kept as text: the reader parses numbers, booleans and periods itself, and so names the
        // line of a bad one.
        guard let root = try YAMLComposer(file: file).compose(text) else {
            throw DataFileError(file: file, line: nil, field: nil, message: "the file is empty")
        }
        let problems = ProblemCollector()
        var top = try YAMLObject(root, file: file, context: "the framework")
        let council = try problems.attempt { try top.requiredString("council") }
        let title = try problems.attempt { try top.requiredString("plan") }
        let reportingPeriod = try problems.attempt {
            try top.parsed("reporting_period", expected: "a period (such as 2024/25 Q2)") { Period(parsing: $0) }
        } ?? nil
        var defaultTolerance: Tolerance?
        if let node = top.node("defaults") {
            defaultTolerance = try problems.attempt {
                var defaults = try YAMLObject(node, file: file, context: "defaults")
                let tolerance = try Self.tolerance(&defaults)
                try defaults.rejectUnknownKeys(allowed: Self.defaultKeys)
                return tolerance
            } ?? nil
        }
        var reader = MeasureReader(file: file, defaultTolerance: defaultTolerance)
        var priorities: [Priority] = []
        var priorityCodes: [String: Int] = [:]
        for node in try problems.attempt({ try top.list("priorities") }) ?? [] {
            guard var object = try problems.attempt({ try YAMLObject(node, file: file, context: "a priority") }) else { continue }
            let code = try problems.attempt { try object.requiredString("code") } ?? ""
            if !code.isEmpty, let first = priorityCodes.updateValue(object.line, forKey: code) {
                try problems.note(DataFileError(
                    file: file, line: object.line, field: "code", message: "priority code \(code.excerpt()) is used twice (first on line \(first))"))
            }
            var priority = Priority(
                code: code, title: try problems.attempt { try object.requiredString("title") } ?? "",
                lead: try problems.attempt { try object.string("lead") ?? "" } ?? "",
                description: try problems.attempt { try object.string("description") ?? "" } ?? "")
            priority.measures = try measures(try problems.attempt { try object.list("measures") } ?? [], reader: &reader, problems: problems)
            var planCodes: Set<String> = []
            for planNode in try problems.attempt({ try object.list("plans") }) ?? [] {
                guard var planObject = try problems.attempt({ try YAMLObject(planNode, file: file, context: "a delivery plan") }) else { continue }
                let planCode = try problems.attempt { try planObject.requiredString("code") } ?? ""
                if !planCode.isEmpty, !planCodes.insert(planCode).inserted {
                    try problems.note(planObject.error("code", "delivery plan code \(planCode.excerpt()) is used twice in priority \(code.excerpt())"))
                }
                var plan = DeliveryPlan(
                    code: planCode, title: try problems.attempt { try planObject.requiredString("title") } ?? "",
                    owner: try problems.attempt { try planObject.string("owner") ?? "" } ?? "")
                plan.measures = try measures(try problems.attempt { try planObject.list("measures") } ?? [], reader: &reader, problems: problems)
                plan.actions = try (try problems.attempt { try planObject.list("actions") } ?? []).compactMap { node in
                    try problems.attempt { try action(node) }
                }
                for unknown in planObject.unknownKeys(allowed: Self.planKeys) { try problems.note(unknown) }
                priority.plans.append(plan)
            }
            for unknown in object.unknownKeys(allowed: Self.priorityKeys) { try problems.note(unknown) }
            priorities.append(priority)
        }
        for unknown in top.unknownKeys(allowed: Self.topKeys) { try problems.note(unknown) }
        if priorities.isEmpty, top.node("priorities") == nil || problems.errors.isEmpty {
            try problems.note(DataFileError(file: file, line: top.line, field: "priorities", message: "the framework needs at least one priority"))
        }
        try problems.finish()
        guard let council, let title else { throw DataLoadError(problems.errors) }
        return Contents(
            plan: CouncilPlan(council: council, title: title, reportingPeriod: reportingPeriod, priorities: priorities),
            measures: reader.measures)
    }

    /// Reads each measure in `nodes`, noting a problem and going on to the next; returns the indexes of those read.
    private func measures(_ nodes: [YAMLNode], reader: inout MeasureReader, problems: ProblemCollector) throws -> [Int] {
        try nodes.compactMap { node in try problems.attempt { try reader.measure(node) } }
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
