import ScorecardKit

/// Who a report is for.
public enum ReportAudience: String, Sendable, CaseIterable {
    /// Cabinet, scrutiny and other committees: every figure the reader may see, drafts marked.
    case committee
    /// The public: published values only, small numbers withheld.
    case `public`
}

/// The file a report is written as.
public enum ReportFormat: String, Sendable, CaseIterable {
    case html, pdf, md, csv

    /// The format a file name's extension names (`.html`, `.htm`, `.pdf`, `.md`, `.markdown`, `.csv`).
    public init?(fileName: String) {
        guard let dot = fileName.lastIndex(of: "."), !fileName[dot...].contains("/") else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "html", "htm": self = .html
        case "pdf": self = .pdf
        case "md", "markdown": self = .md
        case "csv": self = .csv
        default: return nil
        }
    }
}

/// What part of the plan a report covers.
public enum ReportScope: Sendable, Hashable {
    /// The whole Council Plan.
    case wholePlan
    /// These priorities (indexes into the plan's priorities), in the plan's order.
    case priorities([Int])
    /// One delivery plan: `(priority, plan)` indexes.
    case deliveryPlan(priority: Int, plan: Int)
    /// One measure (an index into the council's measures).
    case measure(Int)
}

/// How a report is made: for whom, of what, and what it leaves out.
public struct ReportOptions: Sendable, Equatable {
    public var audience: ReportAudience
    public var scope: ReportScope
    /// Only what needs attention: measures off track, off track repeatedly, worsening or overdue, and overdue actions.
    public var exceptionsOnly: Bool
    /// Whether the council holds only published (signed-off) values.
    public var publishedOnly: Bool
    /// The day the report is produced, printed on its cover.
    public var produced: CivilDate
    /// How many periods of history each measure's chart shows, up to the judged period.
    public var chartPeriods: Int

    public init(
        audience: ReportAudience = .committee, scope: ReportScope = .wholePlan, exceptionsOnly: Bool = false,
        publishedOnly: Bool = false, produced: CivilDate, chartPeriods: Int = 13
    ) {
        self.audience = audience
        self.scope = scope
        self.exceptionsOnly = exceptionsOnly
        self.publishedOnly = publishedOnly
        self.produced = produced
        self.chartPeriods = chartPeriods
    }
}
