import ScorecardKit

/// What `check` and `import` say of values written to more decimals than their measures show and judge
/// (``ValueWatch/finerThanShown``): a line each, up to ten, and a line for the rest.
enum FinerValueWarning {
    static func lines(_ measures: [ValueWatch.FinerValues]) -> [String] {
        var lines = measures.prefix(10).map { m in
            let given = m.decimals == 0 ? "whole numbers" : NumberText.counted(m.decimals, "decimal place")
            let others = m.count > 1 ? " (and \(NumberText.counted(m.count - 1, "more value")) like it)" : ""
            return "Warning: \(m.code.terminalSafe)'s values are written to more decimals than it is given to (\(given)), and each is judged "
                + "as shown: \(m.written.terminalSafe) for \(m.period.label) shows, and is judged, as \(m.shown.terminalSafe)\(others); "
                + "to judge them as written, give the measure decimals: \(m.decimalsToShow)."
        }
        if measures.count > 10 { lines.append("Warning: and \(measures.count - 10) more measures like them.") }
        return lines
    }
}
