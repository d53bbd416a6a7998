import ScorecardKit

/// Writes a ``CommitteeReport`` as Markdown (GitHub-flavoured tables) to paste into a committee management
/// system: the same content as the HTML but the charts, with every piece of data escaped so that no text from a
/// council's files can become markup.
public enum MarkdownReportWriter {
    public static func markdown(_ report: CommitteeReport) -> String {
        let cover = report.cover
        var lines: [String] = []
        lines.append("# \(escaped(cover.title))")
        lines.append("")
        lines.append("**\(escaped(cover.council))** · \(escaped(cover.plan))")
        lines.append("")
        lines.append("- As at: \(escaped(cover.asAt))")
        lines.append("- Produced: \(escaped(cover.produced))")
        lines.append("- Figures: \(escaped(cover.figures))")
        if let scope = cover.scope { lines.append("- Covers: \(escaped(scope))") }
        lines.append("- For: \(cover.audience == .public ? "the public" : "committee")")
        lines.append("")
        lines.append("Key: " + ReportText.key(report).map { "\(escaped($0.0)) \(escaped($0.1))" }.joined(separator: "; ") + ".")
        lines.append("")
        lines.append("## Summary by priority")
        lines.append("")
        let statusHeadings = ReportText.summaryStatuses.map { escaped(ReportText.badge($0)) }
        lines.append(row(["Priority", "Measures"] + statusHeadings + ["Other", "Alerts", "Overdue actions"]))
        lines.append(row(["---", "---:"] + statusHeadings.map { _ in "---:" } + ["---:", "---:", "---:"]))
        func summaryRow(_ title: String, _ rollUp: RollUp) -> String {
            row([title, "\(rollUp.measures)"] + ReportText.summaryStatuses.map { "\(rollUp[$0])" }
                + ["\(ReportText.others(rollUp))", "\(rollUp.alerts)", "\(rollUp.overdueActions)"])
        }
        for line in report.summary { lines.append(summaryRow(escaped("\(line.code) \(line.title)"), line.rollUp)) }
        if report.summary.count > 1 { lines.append(summaryRow("**\(escaped(report.totalTitle))**", report.total)) }
        for section in report.sections {
            if lines.last != "" { lines.append("") }
            lines.append("## \(escaped("\(section.code) \(section.title)"))")
            lines.append("")
            if !section.lead.isEmpty { lines.append("Lead: \(escaped(section.lead))"); lines.append("") }
            if !section.description.isEmpty && !report.options.exceptionsOnly {
                lines.append(escaped(section.description))
                lines.append("")
            }
            if section.allMeasures.isEmpty && section.plans.allSatisfy({ $0.overdueActions.isEmpty }) {
                lines.append(report.options.exceptionsOnly ? "_Nothing in this priority needs attention._" : "_No measures._")
                lines.append("")
            }
            if !section.measures.isEmpty {
                lines.append("### Measures of the priority")
                lines.append("")
                lines += measureTable(section.measures, exceptions: report.options.exceptionsOnly)
            }
            for plan in section.plans {
                lines.append("### \(escaped("\(plan.code) \(plan.title)"))")
                lines.append("")
                if !plan.owner.isEmpty { lines.append("Owner: \(escaped(plan.owner))"); lines.append("") }
                if !plan.measures.isEmpty { lines += measureTable(plan.measures, exceptions: report.options.exceptionsOnly) }
                if !plan.overdueActions.isEmpty {
                    lines.append("Overdue actions:")
                    lines.append("")
                    lines.append(row(["Action", "Owner", "Due", "Days overdue", "Progress"]))
                    lines.append(row(["---", "---", "---", "---:", "---"]))
                    for action in plan.overdueActions {
                        lines.append(row([
                            escaped(action.title), escaped(action.owner), escaped(action.due), "\(action.daysOverdue)",
                            escaped(ReportText.progress(action)),
                        ]))
                    }
                    lines.append("")
                }
            }
        }
        if let note = report.withheldNote {
            lines.append(escaped(note))
            lines.append("")
        }
        lines.append("_Produced by Scorecard on \(escaped(cover.produced))._")
        return lines.joined(separator: "\n") + "\n"
    }

    static func measureTable(_ measures: [CommitteeReport.MeasureEntry], exceptions: Bool) -> [String] {
        var lines = [
            row(["Measure", "Period", "Value", "Target", "Status", "Direction of travel", exceptions ? "Why it needs attention" : "Alerts", "Commentary"]),
            row(["---", "---", "---:", "---:", "---", "---", "---", "---"]),
        ]
        for entry in measures {
            let alerts = entry.alerts.map { exceptions ? $0.rule.label + ReportText.reasonAfterLabel($0) : $0.rule.label }
            lines.append(row([
                "\(escaped(entry.code)) \(escaped(entry.title))", escaped(entry.period),
                escaped(entry.value) + (entry.draft ? " (draft)" : "") + (entry.caveat.map { " (\($0.rawValue))" } ?? ""),
                escaped(entry.target),
                escaped(ReportText.badge(entry)) + (entry.comparison.map { "<br>" + escaped($0) } ?? ""), escaped(Self.travel(entry)),
                alerts.map(escaped).joined(separator: "<br>"), escaped(entry.commentary.map(ReportText.commentary) ?? ""),
            ]))
        }
        lines.append("")
        return lines
    }

    /// The direction of travel as the HTML gives it: against the period before, then year on year.
    static func travel(_ entry: CommitteeReport.MeasureEntry) -> String {
        let year = entry.travelYear.map { "Year on year: \(ReportText.travel($0))" }
        return [ReportText.travel(entry.travel), year ?? ""].filter { !$0.isEmpty }.joined(separator: "; ")
    }

    static func row(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    /// Text with Markdown's inline punctuation backslash-escaped, `<`, `>` and `&` as character references (so no
    /// HTML passes through), line breaks as `<br>` (a table cell is one line), control characters replaced, and a
    /// line that would start a heading, a list or a rule (`#`, `-`, `+`, `=`, `1.`) escaped at its start.
    static func escaped(_ text: String) -> String {
        // "\r\n" is one Character, not "\n": split on each line break (CR LF showed as `\u{FFFD}`).
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { line in
            var result = ""
            for scalar in line.unicodeScalars {
                switch scalar {
                case "\\", "`", "*", "_", "[", "]", "|", "~":
                    result += "\\"
                    result.unicodeScalars.append(scalar)
                case ">": result += "&gt;"
                case "<": result += "&lt;"
                case "&": result += "&amp;"
                case "\r": break
                case "\t": result += " "
                default: if scalar.isTerminalControl { result.unicodeScalars.append(scalar.shownInstead) } else { result.unicodeScalars.append(scalar) }
                }
            }
            return escapedLineStart(result)
        }.joined(separator: "<br>")
    }

    /// `line` with a backslash before a leading `#`, `-`, `+` or `=`, or before the `.` or `)` of a leading `1.`.
    static func escapedLineStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if "#-+=".contains(first) { return "\\" + line }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        let rest = line.dropFirst(digits.count)
        guard !digits.isEmpty, let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first.map({ $0 == " " }) ?? true
        else { return line }
        return digits + "\\" + rest
    }
}
