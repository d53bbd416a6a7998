import ScorecardKit

/// What `check`, `import` and `target` say of targets written to more decimals than their measures show (the
/// framework's, ``Council/targetsFinerThanShown()``, and those given beside values, ``ValueWatch/rowTargetsFinerThanShown``):
/// a line each, a measure once, up to ten, and a line for the rest.
enum FinerTargetWarning {
    static func lines(_ targets: [FinerTarget]) -> [String] {
        var seen = Set<String>()
        let targets = targets.filter { seen.insert($0.code).inserted }
        var lines = targets.prefix(10).map { t in
            "Warning: \(t.code.terminalSafe)'s target for \(t.period.label), \(t.target.terminalSafe), has more decimals than its values are shown "
                + "and judged to (\(t.decimals)): a value of \(t.target.terminalSafe) would show as \(t.shown.terminalSafe), and be judged so; "
                + "give the measure decimals: \(t.decimalsToShow), or \(t.decimals == 0 ? "a whole-number target" : "a target to \(NumberText.counted(t.decimals, "decimal place"))")."
        }
        if targets.count > 10 { lines.append("Warning: and \(targets.count - 10) more measures like them.") }
        return lines
    }
}
