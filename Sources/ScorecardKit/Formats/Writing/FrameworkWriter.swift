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
            y += "  - code: " + YAMLText.scalar(priority.code) + "\n"
            y += "    title: " + YAMLText.scalar(priority.title) + "\n"
            if !priority.lead.isEmpty { y += "    lead: " + YAMLText.scalar(priority.lead) + "\n" }
            if !priority.description.isEmpty { y += "    description: " + YAMLText.scalar(priority.description) + "\n" }
            if measures { y += list(priority.measures, of: council, indent: 4) }
            if priority.plans.isEmpty { continue }
            y += "    plans:\n"
            for deliveryPlan in priority.plans {
                y += "      - code: " + YAMLText.scalar(deliveryPlan.code) + "\n"
                y += "        title: " + YAMLText.scalar(deliveryPlan.title) + "\n"
                if !deliveryPlan.owner.isEmpty { y += "        owner: " + YAMLText.scalar(deliveryPlan.owner) + "\n" }
                if measures { y += list(deliveryPlan.measures, of: council, indent: 8) }
                if deliveryPlan.actions.isEmpty { continue }
                y += "        actions:\n"
                for action in deliveryPlan.actions {
                    y += "          - title: " + YAMLText.scalar(action.title) + "\n"
                    if !action.owner.isEmpty { y += "            owner: " + YAMLText.scalar(action.owner) + "\n" }
                    if let due = action.due { y += "            due: " + due.description + "\n" }
                    y += "            status: " + action.progress.rawValue + "\n"
                    y += "            complete: " + String(action.percentComplete) + "\n"
                }
            }
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
        var y = ""
        for (key, value) in zip(MeasureFieldValues.keys, MeasureFieldValues.values(m)) {
            guard let value else { continue }
            y += (y.isEmpty ? String(repeating: " ", count: indent) + "- " : pad) + key + ": " + YAMLText.scalar(value.text) + "\n"
        }
        if !m.targets.byPeriod.isEmpty {
            y += pad + "targets:\n"
            for (period, target) in m.targets.byPeriod.sorted(by: { $0.key < $1.key }) {
                y += pad + "  " + YAMLText.scalar(period.description) + ": " + YAMLText.scalar(formatPlain(target)) + "\n"
            }
        }
        if let profile = m.targets.profile {
            y += pad + "profile: [" + profile.map { formatPlain($0) }.joined(separator: ", ") + "]\n"
        }
        return y
    }
}
