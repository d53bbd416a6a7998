import ScorecardKit

/// What `check` and `import` say of percentage measures whose values look like fractions written for percentages
/// (``FractionWatch``): a line each, up to ten, and a line for the rest.
enum FractionWarning {
    static func lines(_ fractions: [(code: String, largestValue: Double, target: Double)]) -> [String] {
        var lines = fractions.prefix(10).map { code, largest, target in
            "Warning: \(code.terminalSafe)'s values all lie between 0 and 1 (at most \(formatPlain(largest))) while its target is "
                + "\(formatPlain(target))%: percentages written as fractions? Write 79 for 79% (in a workbook, format the cells as percentages)."
        }
        if fractions.count > 10 { lines.append("Warning: and \(fractions.count - 10) more measures like them.") }
        return lines
    }
}
