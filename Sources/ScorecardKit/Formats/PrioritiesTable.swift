/// Reads a table of priorities and delivery plans (`priorities.csv`, a workbook's Priorities sheet).
///
/// A row with an empty `delivery_plan` is a priority: its code (`priority`), `title`, `lead` and `description`.
/// A row with a `delivery_plan` is a delivery plan of that priority (defined above it, or in `framework.yaml`): its
/// code, `title` and `owner`.
struct PrioritiesTable {
    static let fields = ["priority", "delivery_plan", "title", "lead", "owner", "description"]
    static let aliases = ["code": "priority", "plan": "delivery_plan"]

    let table: any TextTable

    /// Adds the table's priorities and delivery plans to `outline`.
    ///
    /// - Throws: ``DataLoadError`` listing every row's problem (up to its limit), as the other tables do.
    func read(into outline: inout PlanOutline) throws {
        let records = try DataLoadError.collecting {
            try table.records(context: "a priority", known: Self.fields, aliases: Self.aliases, required: ["priority", "title"])
        }
        var priorityLines: [String: Int] = [:]
        var errors: [DataFileError] = []
        for var row in records?.rows ?? [] {
            do {
                // A delivery plan's row without its priority (a merged or left-blank priority column) says so: it
                // was "a priority needs a priority".
                if try row.string("priority") == nil, let planCode = try row.string("delivery_plan") {
                    throw row.error(
                        "priority", "delivery plan \(planCode.excerpt()) needs its priority's code in this row too (as on the priority's own row above it)")
                }
                row.context = "a row"
                let code = try row.requiredString("priority")
                if let planCode = try row.string("delivery_plan") {
                    row.context = "delivery plan \(planCode.excerpt())"
                    for field in ["lead", "description"] where try row.string(field) != nil {
                        throw row.error(field, "a delivery plan has no \(field) (only a priority has)")
                    }
                    guard let p = outline.existingPriority(named: code) else {
                        throw row.error("priority", "priority \(code.excerpt()) is not defined yet: give its own row (with no delivery_plan) above its plans")
                    }
                    if outline.priorities[p].plans.contains(where: { $0.code.lowercased() == planCode.lowercased() }) {
                        throw row.error("delivery_plan", "delivery plan code \(planCode.excerpt()) is used twice in priority \(code.excerpt())")
                    }
                    outline.definePlan(code: planCode, in: p, title: try row.requiredString("title"), owner: try row.string("owner") ?? "")
                } else {
                    row.context = "priority \(code.excerpt())"
                    if try row.string("owner") != nil {
                        throw row.error("owner", "a priority has a lead, not an owner (only a delivery plan has an owner)")
                    }
                    if let first = priorityLines.updateValue(row.line, forKey: code.lowercased()) {
                        throw row.error("priority", "priority code \(code.excerpt()) is used twice (first on \(table.origin.lineName(first)))")
                    }
                    outline.definePriority(
                        code: code, title: try row.requiredString("title"), lead: try row.string("lead") ?? "",
                        description: try row.string("description") ?? "")
                }
            } catch let error as DataFileError {
                errors.append(error)
                if errors.count >= DataLoadError.limit { throw DataLoadError(errors, truncated: true) }
            }
        }
        guard errors.isEmpty else { throw DataLoadError(errors) }
    }
}
