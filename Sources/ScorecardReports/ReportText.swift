import ScorecardKit

/// The words and symbols every format of a report shares, so that status never depends on colour and each format
/// says the same thing.
enum ReportText {
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

    /// The statuses the summary counts in their own columns, worst first; the rest are counted as "other".
    static let summaryStatuses: [Status] = [.offTrack, .overdue, .withinTolerance, .onTrack]

    /// Measures counted as "other" in the summary: not judged, no data, in development.
    static func others(_ rollUp: RollUp) -> Int {
        rollUp[.notJudged] + rollUp[.noData] + rollUp[.inDevelopment]
    }

    /// The key to the symbols, as (symbol, meaning) pairs.
    static let key: [(String, String)] =
        Status.allCases.filter { $0 != .retired }.map { (symbol($0), $0.label) } + [
            ("↑ ↓ →", "Direction of travel: improving, worsening, no change (against the period before)"),
            ("↗ ↘", "Higher or lower, for a measure with no better direction"),
        ]

    /// A progress word and percentage: `In progress (60%)`.
    static func progress(_ action: CommitteeReport.ActionEntry) -> String {
        action.progress == .notStarted ? action.progress.label : "\(action.progress.label) (\(action.percentComplete)%)"
    }
}
