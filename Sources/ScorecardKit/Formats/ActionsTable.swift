/// Reads a table of actions (`actions.csv`, a workbook's Actions sheet): one row per action, with the `priority`
/// (optional when the delivery plan's code is unique) and `delivery_plan` it belongs to, and the fields of an action
/// in `framework.yaml`.
struct ActionsTable {
    static let fields = ["priority", "delivery_plan"] + FrameworkFile.actionKeys
    static let aliases = ["plan": "delivery_plan"]

    let table: any TextTable

    /// Adds the table's actions to their delivery plans in `outline`.
    ///
    /// - Throws: ``DataLoadError`` listing every row's problem (up to its limit).
    func read(into outline: inout PlanOutline) throws {
        let records = try DataLoadError.collecting {
            try table.records(context: "an action", known: Self.fields, aliases: Self.aliases, required: ["delivery_plan", "title"])
        }
        var errors: [DataFileError] = []
        for var row in records?.rows ?? [] {
            do {
                let action = try FrameworkFile.action(&row)
                let location = try outline.locate(&row, needsPlan: true)
                if let plan = location.plan { outline.add(action: action, priority: location.priority, plan: plan) }
            } catch let error as DataFileError {
                errors.append(error)
                if errors.count >= DataLoadError.limit { throw DataLoadError(errors, truncated: true) }
            }
        }
        guard errors.isEmpty else { throw DataLoadError(errors) }
    }
}
