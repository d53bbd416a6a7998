/// Writes a council's framework as `framework.yaml`, in the form ``FrameworkFile`` reads back to the same plan and
/// measures. Every measure's tolerance is written out (there is no `defaults:`), and a field is left out where the
/// measure has the default.
public enum FrameworkWriter {
    /// The YAML text; without `measures`, the plan alone (priorities, delivery plans and actions), for a council
    /// whose measures are written to a measures table.
    public static func yaml(_ council: Council, measures: Bool = true) -> String {
        let plan = council.plan
        var y = "council: " + YAMLText.scalar(plan.council) + "\n"
        y += "plan: " + YAMLText.scalar(plan.title) + "\n"
        if let period = plan.reportingPeriod { y += "reporting_period: " + YAMLText.scalar(period.description) + "\n" }
        if plan.priorities.isEmpty { return y }
        y += "priorities:\n"
        for priority in plan.priorities {
            y += item([("code", .text(priority.code)), ("title", .text(priority.title)), ("lead", .text(priority.lead)),
                       ("description", .text(priority.description))], indent: 2)
            if measures { y += list(priority.measures, of: council, indent: 4) }
            if priority.plans.isEmpty { continue }
            y += "    plans:\n"
            for deliveryPlan in priority.plans {
                y += item([("code", .text(deliveryPlan.code)), ("title", .text(deliveryPlan.title)), ("owner", .text(deliveryPlan.owner))], indent: 6)
                if measures { y += list(deliveryPlan.measures, of: council, indent: 8) }
                if deliveryPlan.actions.isEmpty { continue }
                y += "        actions:\n"
                for action in deliveryPlan.actions {
                    y += item(
                        [("title", .text(action.title)), ("owner", .text(action.owner)), ("due", .text(action.due?.description ?? "")),
                         ("status", .text(action.progress.rawValue)), ("complete", .number(Double(action.percentComplete)))],
                        indent: 10)
                }
            }
        }
        return y
    }

    /// A list item of `fields` (an empty or absent value left out), its `- ` at `indent` spaces: text quoted where
    /// YAML needs it, numbers plain.
    static func item(_ fields: [(key: String, value: OutputTable.Cell?)], indent: Int) -> String {
        var y = ""
        for (key, value) in fields {
            guard let value, !value.text.isEmpty else { continue }
            let lead = y.isEmpty ? String(repeating: " ", count: indent) + "- " : String(repeating: " ", count: indent + 2)
            y += lead + key + ": " + scalar(value) + "\n"
        }
        return y
    }

    /// `measures:` and the measures at `indexes`, the key at `indent` spaces; nothing when there are none.
    static func list(_ indexes: [Int], of council: Council, indent: Int) -> String {
        guard !indexes.isEmpty else { return "" }
        return String(repeating: " ", count: indent) + "measures:\n" + indexes.map { measure(council.measures[$0], indent: indent + 2) }.joined()
    }

    /// One measure as a list item, its `- ` at `indent` spaces.
    static func measure(_ m: Measure, indent: Int) -> String {
        let pad = String(repeating: " ", count: indent + 2)
        var y = item(Array(zip(MeasureFieldValues.keys, MeasureFieldValues.values(m))), indent: indent)
        if !m.targets.isEmpty {
            y += pad + "targets:\n"
            for target in m.targets.chronological {
                y += pad + "  " + YAMLText.scalar(target.period.description) + ": " + scalar(.number(target.value)) + "\n"
            }
        }
        if let profile = m.targets.profile {
            y += pad + "profile: [" + profile.map { formatPlain($0) }.joined(separator: ", ") + "]\n"
        }
        return y
    }

    /// A cell as a YAML scalar: a number plain (every value is read as text, so `1e-05` and `-3` are safe), text
    /// quoted where YAML needs it.
    private static func scalar(_ cell: OutputTable.Cell) -> String {
        switch cell {
        case .number: cell.text
        case .text(let text): YAMLText.scalar(text)
        }
    }
}
