import ScorecardKit

/// What `check` says of targets written to more decimals than their measures show (``Council/targetsFinerThanShown()``):
/// a line each, up to ten, and a line for the rest.
enum FinerTargetWarning {
    static func lines(_ targets: [(code: String, period: Period, target: String, shown: String, decimals: Int)]) -> [String] {
        var lines = targets.prefix(10).map { code, period, target, shown, decimals in
            "Warning: \(code.terminalSafe)'s target for \(period.label), \(target.terminalSafe), has more decimals than its values are shown "
                + "and judged to (\(decimals)): a value of \(target.terminalSafe) would show as \(shown.terminalSafe), and be judged so; "
                + "give the measure more decimals, or \(decimals == 0 ? "a whole-number target" : "a target to \(NumberText.counted(decimals, "decimal place"))")."
        }
        if targets.count > 10 { lines.append("Warning: and \(targets.count - 10) more measures like them.") }
        return lines
    }
}
