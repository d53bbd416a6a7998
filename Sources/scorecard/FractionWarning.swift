import ScorecardKit

/// What `check` and `import` say of percentage measures whose values look like fractions written for percentages
/// (``ValueWatch``): a line each, up to ten, and a line for the rest.
enum FractionWarning {
    static func lines(_ fractions: [(code: String, largestValue: Double, target: Double)]) -> [String] {
        var lines = fractions.prefix(10).map { code, largest, target in
            "Warning: \(code.terminalSafe)'s values all lie between 0 and 1 (at most \(formatPlain(largest))) while its target is "
                + "\(formatPlain(target))%: percentages written as fractions? Write 79 for 79% (in a workbook, format the cells as percentages)."
        }
        if fractions.count > 10 { lines.append("Warning: and \(fractions.count - 10) more measures like them.") }
        return lines
    }

    /// `Warning: RES-01's target for 2025/26 is 0.975, beside values of 10% or more: 97.5% written as a fraction?`
    static func lines(targets: [(code: String, period: Period, target: Double)]) -> [String] {
        var lines = targets.prefix(10).map { code, period, target in
            let percent = formatPlain((target * 100).withoutBinaryNoise)
            return "Warning: \(code.terminalSafe)'s target for \(period.label) is \(formatPlain(target)), beside values of 10% or more: "
                + "\(percent)% written as a fraction? Write \(percent) for it (it judges them against \(formatPlain(target))%)."
        }
        if targets.count > 10 { lines.append("Warning: and \(targets.count - 10) more measures like them.") }
        return lines
    }

    /// `Warning: KBI-01's value for Q2 2024/25 is 0.84, beside percentages of 1 or more: 84% written as a fraction?`
    static func lines(lone: [(code: String, period: Period, value: Double, count: Int)]) -> [String] {
        var lines = lone.prefix(10).map { code, period, value, count in
            "Warning: \(code.terminalSafe)'s value for \(period.label) is \(formatPlain(value)), beside percentages of 1 or more: "
                + "\(formatPlain((value * 100).withoutBinaryNoise))% written as a fraction? Write \(formatPlain((value * 100).withoutBinaryNoise)) for it"
                + (count > 1 ? " (and \(count - 1) more such \(count == 2 ? "value" : "values"))." : ".")
        }
        if lone.count > 10 { lines.append("Warning: and \(lone.count - 10) more measures like them.") }
        return lines
    }
}
