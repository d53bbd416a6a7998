import ScorecardKit

/// The words and symbols every format of a report shares, so that status never depends on colour and each format
/// says the same thing.
enum ReportText {
    /// Commentary as a paper sets it: its line breaks kept, but a run of blank lines made one and none left at
    /// either end (fifty blank lines in a note made a near-empty A4 page).
    static func commentary(_ note: String) -> String {
        var lines: [Substring] = []
        for line in note.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let blank = line.allSatisfy(\.isWhitespace)
            if blank, lines.last?.isEmpty ?? true { continue }
            lines.append(blank ? "" : line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// A symbol for a status, as the dashboard draws it: `✖` off track, `▲` at risk, `●` on track...
    static func symbol(_ status: Status) -> String {
        switch status {
        case .offTrack: "✖"
        case .overdue: "!"
        case .withinTolerance: "▲"
        case .onTrack: "●"
        case .notJudged: "·"
        case .noData: "○"
        case .inDevelopment: "◇"
        case .retired: "–"
        }
    }

    /// `✖ Off track`.
    /// What follows an alert's name where the report gives its reason too: the reason's own words after the name
    /// when it starts with it (" in Q2 2024/25: 86.0% against ..." after "Off track", which read "Off track: Off
    /// track in ..."), else ": " and the reason.
    static func reasonAfterLabel(_ alert: CommitteeReport.AlertLine) -> String {
        let label = alert.rule.label
        if alert.reason.lowercased().hasPrefix(label.lowercased()) { return String(alert.reason.dropFirst(label.count)) }
        return ": " + alert.reason
    }

    static func badge(_ status: Status) -> String { "\(symbol(status))\u{00A0}\(status.label)" }

    /// A measure's status as the report gives it: `* Withheld` when its value is withheld, as the status would
    /// narrow the value down.
    static func badge(_ entry: CommitteeReport.MeasureEntry) -> String {
        entry.withheld ? "*\u{00A0}Withheld" : badge(entry.status)
    }

    /// `↑ Improving`, `↓ Worsening`, `→ No change`, `↗ Increasing`, `↘ Decreasing`; empty when unknown.
    static func travel(_ direction: Direction?) -> String {
        switch direction {
        case .improving: "↑\u{00A0}Improving"
        case .worsening: "↓\u{00A0}Worsening"
        case .noChange: "→\u{00A0}No change"
        case .increasing: "↗\u{00A0}Increasing"
        case .decreasing: "↘\u{00A0}Decreasing"
        case nil: ""
        }
    }

    /// `▲ Better`, `▼ Worse`, `● Similar`, `↗ Higher`, `↘ Lower` (against England or the region); empty when not compared.
    static func significance(_ significance: Significance) -> String {
        switch significance {
        case .better: "▲\u{00A0}Better"
        case .worse: "▼\u{00A0}Worse"
        case .similar: "●\u{00A0}Similar"
        case .higher: "↗\u{00A0}Higher"
        case .lower: "↘\u{00A0}Lower"
        case .notCompared: ""
        }
    }

    /// An outcome measure against England and its nearest neighbours, in the dashboard's words:
    /// `▼ Worse than England (2.16); ranked 13 of 16 with its nearest neighbours (quartile 4)`, with the national
    /// data's period (`in 2024/25`) when it is not the period the row reports; `nil` when neither compared nor ranked.
    static func comparison(_ comparison: Comparison, of measure: Measure, rowPeriod: String) -> String? {
        var parts: [String] = []
        let point = comparison.point
        let period = point.periodText == rowPeriod ? "" : " in \(point.periodText)"
        // England's figure to as many decimals as keep it apart from the council's value and interval beside it.
        let places = measure.placesApart(interval: [point.lower, point.upper, point.value], comparators: [point.england])
        let england = point.england.map { " (\(measure.unit.format($0, decimals: places)))" } ?? ""
        if comparison.comparedToEngland != .notCompared {
            let words = comparison.comparedToEngland == .similar ? "to England" : "than England"
            parts.append("\(significance(comparison.comparedToEngland)) \(words)\(england)\(period)")
        } else if !england.isEmpty {
            // Not compared (the council's interval not published): England's value is still given, as on the dashboard.
            parts.append("Not compared with England\(england)\(period)")
        }
        if let rank = comparison.rank {
            let quartile = comparison.quartile.map { " (quartile \($0))" } ?? ""
            parts.append("ranked \(rank) of \(comparison.of) with its nearest neighbours\(quartile)\(parts.isEmpty ? period : "")")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The key's line for comparisons, given when the report has any.
    static let comparisonKey = ("▲ ▼ ●", "Better than, worse than or similar to England, for an outcome measure (by its confidence interval, at the level the national data compares); ranked 1 is the best among its nearest neighbours")

    /// The statuses the summary counts in their own columns, worst first; the rest are counted as "other".
    static let summaryStatuses: [Status] = [.offTrack, .overdue, .withinTolerance, .onTrack]

    /// Measures counted as "other" in the summary: not judged, no data, in development.
    static func others(_ rollUp: RollUp) -> Int {
        rollUp[.notJudged] + rollUp[.noData] + rollUp[.inDevelopment]
    }

    /// The key to the symbols of `report`, as (symbol, meaning) pairs: comparisons with England only when it has any.
    static func key(_ report: CommitteeReport) -> [(String, String)] {
        let hasComparisons = report.sections.contains { $0.allMeasures.contains { $0.comparison != nil } }
        return Status.allCases.filter { $0 != .retired }.map { (symbol($0), $0.label) } + [
            ("↑ ↓ →", "Direction of travel: improving, worsening, no change (against the period before)"),
            ("↗ ↘", "Higher or lower, for a measure with no better direction"),
        ] + (hasComparisons ? [comparisonKey] : [])
    }

    /// A progress word and percentage: `In progress (60%)`.
    static func progress(_ action: CommitteeReport.ActionEntry) -> String {
        action.progress == .notStarted ? action.progress.label : "\(action.progress.label) (\(action.percentComplete)%)"
    }
}
