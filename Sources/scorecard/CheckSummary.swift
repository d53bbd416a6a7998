import ScorecardKit

/// The text `scorecard check` prints for a valid data directory; every value from the data is made terminal-safe.
struct CheckSummary {
    let council: Council
    let evaluation: Evaluation
    let path: String

    var text: String {
        let plans = council.plan.priorities.reduce(0) { $0 + $1.plans.count }
        let actions = council.plan.priorities.reduce(0) { $0 + $1.plans.reduce(0) { $0 + $1.actions.count } }
        let tiers = Tier.allCases.map { tier in "\(NumberText.grouped(Double(council.measures.filter { $0.tier == tier }.count), decimals: 0)) \(tier.shortLabel)" }
        // The span of the values, not of rows that hold none (a target set ahead, a value missing).
        let periods = council.observations.flatMap { $0.lazy.filter { $0.value != nil }.map(\.period) }
        let withoutValue = council.observationCount - periods.count
        var lines = [
            "\(council.plan.council.terminalSafe): \(council.plan.title.terminalSafe)",
            "\(path.terminalSafe): the data files are valid.",
            "  \(NumberText.counted(council.plan.priorities.count, "priority", plural: "priorities")), "
                + "\(NumberText.counted(plans, "delivery plan")), \(NumberText.counted(actions, "action"))",
            "  \(NumberText.counted(council.measures.count, "measure")) (\(tiers.joined(separator: ", ")))",
            "  \(NumberText.counted(council.observationCount, "observation"))"
                + (withoutValue == 0 ? "" : ": \(NumberText.counted(periods.count, "value"))")
                + (periods.isEmpty ? "" : ", \(periods.min()?.label ?? "") to \(periods.max()?.label ?? "")")
                + (withoutValue == 0 ? "" : ", and \(NumberText.grouped(Double(withoutValue), decimals: 0)) with none (a value missing, or a target or note alone)"),
            "",
            "As at \(evaluation.asAt.label) (due dates checked on \(evaluation.today.longDescription)):",
        ]
        for status in Status.allCases {
            lines.append("  " + status.label.padding(toLength: 16, withPad: " ", startingAt: 0) + NumberText.grouped(Double(evaluation.whole[status]), decimals: 0))
        }
        let byRule = Alert.Rule.allCases.map { rule in "\(NumberText.grouped(Double(evaluation.alerts.filter { $0.rule == rule }.count), decimals: 0)) \(rule.phrase)" }
        lines.append("  Alerts          \(NumberText.grouped(Double(evaluation.alerts.count), decimals: 0)) (\(byRule.joined(separator: ", ")))")
        let watch = council.valueWatch
        let warnings = FractionWarning.lines(watch.fractions) + FractionWarning.lines(lone: watch.loneFractions)
            + FractionWarning.lines(targets: watch.fractionTargets)
            + FinerTargetWarning.lines(council.targetsFinerThanShown() + watch.rowTargetsFinerThanShown)
            + FinerValueWarning.lines(watch.finerThanShown)
        if !warnings.isEmpty { lines += [""] + warnings }
        return lines.joined(separator: "\n")
    }
}

extension Tier {
    var shortLabel: String {
        switch self {
        case .outcome: "outcome"
        case .kbm: "KBM"
        case .kbi: "KBI"
        }
    }
}
