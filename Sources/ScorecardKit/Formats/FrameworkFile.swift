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
        /// The tolerance of a measure that gives none (`defaults: tolerance:`), for measures read from a table.
        public var defaultTolerance: Tolerance?
    }

    /// Where the framework's measures and priorities are, when they are not in this file: the names of the tables
    /// that hold them (`measures.csv`, `priorities.csv`), for messages.
    public struct Elsewhere: Sendable {
        public var measures: String?
        public var priorities: String?

        public init(measures: String? = nil, priorities: String? = nil) {
            self.measures = measures
            self.priorities = priorities
        }
    }

    static let topKeys = ["council", "plan", "reporting_period", "defaults", "priorities"]
    static let defaultKeys = ["tolerance"]
    static let priorityKeys = ["code", "title", "lead", "description", "measures", "plans"]
    static let planKeys = ["code", "title", "owner", "measures", "actions"]
    static let actionKeys = ["title", "owner", "due", "status", "complete"]
    static let measureKeys = [
        "code", "title", "description", "methodology", "source", "owner", "service", "team", "tier", "unit",
        "decimals", "frequency", "polarity", "band", "status", "cumulative", "tolerance", "lag_days", "targets",
        "profile", "min", "max", "small_numbers", "small_numbers_out_of", "small_numbers_max", "benchmark_file",
        "benchmark_indicator", "benchmark_area", "benchmark_neighbours", "benchmark_sex", "benchmark_age",
    ]

    /// Parses the YAML text of a framework file.
    ///
    /// - Throws: ``DataFileError`` for a file that is not YAML (libyaml stops at the first syntax error), else
    ///   ``DataLoadError`` with every problem found, each with its line and field: a measure, plan or action with a
    ///   problem is reported and reading goes on with the next.
    /// - Parameter elsewhere: the tables that hold the measures or the priorities instead: then this file may
    ///   have no priorities, and giving measures (or priorities) here as well is an error.
    public func read(_ text: String, elsewhere: Elsewhere = Elsewhere()) throws -> Contents {
        // Every value is kept as text: the reader parses numbers, booleans and periods itself, and so names the
        // line of a bad one.
        let readAhead = MeasuresReadAhead(file: file)
        guard let root = try YAMLComposer(file: file).compose(
            text, watching: elsewhere.measures == nil ? MeasuresReadAhead.paths : [], found: readAhead.found)
        else {
            throw DataFileError(file: file, line: nil, field: nil, message: "the file is empty")
        }
        let problems = ProblemCollector()
        var top = try YAMLObject(root, file: file, context: "the framework")
        let heading = try Self.heading(&top, problems: problems)
        var defaultTolerance: Tolerance?
        if let node = top.node("defaults") {
            defaultTolerance = try problems.attempt { try MeasuresReadAhead.defaultTolerance(node, file: file) } ?? nil
        }
        var reader = MeasureReader(defaultTolerance: defaultTolerance)
        readAhead.confirm(defaultTolerance: defaultTolerance)
        var priorities: [Priority] = []
        var priorityCodes: [String: Int] = [:]
        if let table = elsewhere.priorities, top.node("priorities") != nil {
            try problems.note(top.error("priorities", "the priorities are in \(table) as well as here: keep them in one place"))
        }
        let priorityNodes: [YAMLNode] = try problems.attempt { try top.list("priorities") } ?? []
        for (p, node) in priorityNodes.enumerated() {
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
            priority.measures = try measures(
                &object, at: (p, nil), reader: &reader, readAhead: readAhead, elsewhere: elsewhere, problems: problems)
            var planCodes: Set<String> = []
            let planNodes: [YAMLNode] = try problems.attempt { try object.list("plans") } ?? []
            for (d, planNode) in planNodes.enumerated() {
                guard var planObject = try problems.attempt({ try YAMLObject(planNode, file: file, context: "a delivery plan") }) else { continue }
                let planCode = try problems.attempt { try planObject.requiredString("code") } ?? ""
                if !planCode.isEmpty, !planCodes.insert(planCode).inserted {
                    try problems.note(planObject.error("code", "delivery plan code \(planCode.excerpt()) is used twice in priority \(code.excerpt())"))
                }
                var plan = DeliveryPlan(
                    code: planCode, title: try problems.attempt { try planObject.requiredString("title") } ?? "",
                    owner: try problems.attempt { try planObject.string("owner") ?? "" } ?? "")
                plan.measures = try measures(
                    &planObject, at: (p, d), reader: &reader, readAhead: readAhead, elsewhere: elsewhere, problems: problems)
                plan.actions = try (try problems.attempt { try planObject.list("actions") } ?? []).compactMap { node in
                    try problems.attempt {
                        var object = try YAMLObject(node, file: file, context: "an action")
                        let action = try Self.action(&object)
                        try object.rejectUnknownKeys(allowed: Self.actionKeys)
                        return action
                    }
                }
                for unknown in planObject.unknownKeys(allowed: Self.planKeys) { try problems.note(unknown) }
                priority.plans.append(plan)
            }
            for unknown in object.unknownKeys(allowed: Self.priorityKeys) { try problems.note(unknown) }
            priorities.append(priority)
        }
        for unknown in top.unknownKeys(allowed: Self.topKeys) { try problems.note(unknown) }
        let tablesHoldMore = elsewhere.measures != nil || elsewhere.priorities != nil
        if priorities.isEmpty, !tablesHoldMore, top.node("priorities") == nil || problems.errors.isEmpty {
            try problems.note(DataFileError(file: file, line: top.line, field: "priorities", message: "the framework needs at least one priority"))
        }
        try problems.finish()
        guard var plan = heading else { throw DataLoadError(problems.errors) }
        plan.priorities = priorities
        return Contents(plan: plan, measures: reader.measures, defaultTolerance: defaultTolerance)
    }

    /// Reads each measure under `object` (a priority or a delivery plan), noting a problem and going on to the next;
    /// returns the indexes of those read (each as `readAhead` read it, when it did). `place` is the priority's item
    /// number, and the plan's. Measures here when a table holds them are a problem.
    private func measures(
        _ object: inout YAMLObject, at place: (priority: Int, plan: Int?), reader: inout MeasureReader, readAhead: MeasuresReadAhead,
        elsewhere: Elsewhere, problems: ProblemCollector
    ) throws -> [Int] {
        if let table = elsewhere.measures, object.node("measures") != nil {
            try problems.note(object.error("measures", "the measures are in \(table) as well as here: keep them in one place"))
            return []
        }
        let nodes = try problems.attempt { try object.list("measures") } ?? []
        return try nodes.enumerated().compactMap { index, node in
            try problems.attempt {
                if let outcome = readAhead.take(at: .init(priority: place.priority, plan: place.plan, index: index)) {
                    return try reader.take(outcome)
                }
                var measure = try YAMLObject(node, file: file, context: "a measure")
                return try reader.measure(&measure)
            }
        }
    }

    /// The plan's council, title and reporting period (with no priorities yet), from `framework.yaml` or a
    /// workbook's Council sheet; `nil` when the council or the title is missing. Each problem is noted in `problems`.
    static func heading(_ fields: inout some DataFields, problems: ProblemCollector) throws -> CouncilPlan? {
        let council = try problems.attempt { try fields.requiredString("council") }
        let title = try problems.attempt { try fields.requiredString("plan") }
        // Read as a cell is: a spreadsheet keeps `Apr 2025` typed into the Council sheet as the date 2025-04-01. A
        // date a quarter ends on (30/09/2026) is that quarter, as councils report by quarter; any other, its month.
        let reportingPeriod = try problems.attempt {
            try fields.parsed("reporting_period", expected: "a period (such as 2024/25 Q2)") { Period(cell: $0, kind: .quarter) }
        } ?? nil
        guard let council, let title else { return nil }
        return CouncilPlan(council: council, title: title, reportingPeriod: reportingPeriod, priorities: [])
    }

    /// An action's fields, from `framework.yaml` or an actions table.
    static func action(_ fields: inout some DataFields) throws -> Action {
        Action(
            title: try fields.requiredString("title"),
            owner: try fields.string("owner") ?? "",
            due: try fields.parsed("due", expected: "a date (2025-03-31)") { CivilDate(parsing: $0) },
            progress: try fields.keyword("status", Action.Progress.self) ?? .notStarted,
            percentComplete: try fields.wholePercent("complete") ?? 0)
    }

    static func tolerance(_ object: inout some DataFields) throws -> Tolerance? {
        try object.parsed("tolerance", expected: "a tolerance (a number such as 2, or a percentage such as 5%)") { text in
            // As councils write it too: `±5%`, `+/- 5 %`, `5 %`, and percentage points (`2pp`, `2 ppt`) as a figure.
            var written = Substring(text.trimmingWhitespace())
            for sign in ["±", "+/-", "+-"] where written.hasPrefix(sign) { written = written.dropFirst(sign.count).trimmingWhitespace() }
            let lowered = written.lowercased()
            for points in [" percentage points", "percentage points", "ppt", "pp"] where lowered.hasSuffix(points) {
                written = written.dropLast(points.count).trimmingWhitespace()
                break
            }
            let percent = written.hasSuffix("%")
            let figure = percent ? String(written.dropLast().trimmingWhitespace()) + "%" : String(written)
            guard let amount = NumberParser.parse(figure), amount >= 0, ValueLimits.insanity(of: amount) == nil else { return nil }
            return percent ? .percent(amount) : .absolute(amount)
        }
    }
}
