import ScorecardKit
import Foundation

/// Generates a fictional council, Fernley Borough Council, with a Council Plan, priorities, delivery plans,
/// measures, targets, actions and years of observations: the files `framework.yaml` and `observations.csv`
/// described in `docs/data-format.md`.
///
/// The output is deterministic: the same arguments give byte-identical files. The data is shaped so that, judged
/// at the reporting period (by default 2026/27 Q2, as at 24 November 2026), every status and every alert occurs:
/// on track, within tolerance, off track, not judged, in development, no data, overdue; off track for two or
/// more periods running, worsening for three periods running.
///
/// Up to the catalogue's size the measures are drawn from realistic templates spread over every plan; beyond it,
/// numbered variants of the monthly indicators (`... (Area 3)`), so that 10,000 measures over 10 years make about
/// 1.2 million rows.
public struct SampleCouncilGenerator: Sendable {
    /// The words a sample's framework.yaml opens with: `sample --out` writes over a folder only if its
    /// framework.yaml says it is a sample.
    public static let headerMark = "made by the Scorecard sample generator"

    /// How many measures the framework defines.
    public var measures: Int
    /// Complete financial years of history before the reporting period's financial year.
    public var years: Int
    public var seed: UInt64
    /// The period the council reports on; monthly data runs to its end.
    public var reportingPeriod: Period
    /// The date the data is judged on (due dates and overdue actions); by default 55 days after the reporting
    /// period ends (24 November 2026 for 2026/27 Q2).
    public var today: CivilDate

    public init(
        measures: Int = 160, years: Int = 5, seed: UInt64 = 1, reportingPeriod: Period = .quarter(2026, 2),
        today: CivilDate? = nil
    ) {
        self.measures = max(1, measures)
        self.years = max(1, years)
        self.seed = seed
        self.reportingPeriod = reportingPeriod
        self.today = today ?? reportingPeriod.endDate.adding(days: 55)
    }

    /// The number of measure templates in the catalogue (beyond it, measures are numbered variants).
    public static var catalogueSize: Int { SampleCatalogue.shared.templates.count }

    /// Writes `framework.yaml`, `observations.csv` and the national downloads (`national/`) into `directory`,
    /// creating it if needed.
    @discardableResult
    public func write(to directory: String) throws -> SampleSummary {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let output = generate()
        let base = URL(fileURLWithPath: directory, isDirectory: true)
        try Data(output.framework.utf8).write(to: base.appendingPathComponent("framework.yaml"))
        try output.observations.withUnsafeBufferPointer { buffer in
            try Data(buffer: buffer).write(to: base.appendingPathComponent("observations.csv"))
        }
        for (path, bytes) in output.national.sorted(by: { $0.key < $1.key }) {
            let url = base.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return output.summary
    }

    /// Generates both files in memory.
    public func generate() -> SampleOutput {
        var engine = SampleEngine(generator: self)
        return engine.run()
    }
}

/// The generated files and what is in them.
public struct SampleOutput: Sendable {
    /// The text of `framework.yaml`.
    public var framework: String
    /// The bytes of `observations.csv` (UTF-8).
    public var observations: [UInt8]
    /// The national downloads outcome measures are compared from, by their path in the directory
    /// (`national/OUT-03.csv`).
    public var national: [String: [UInt8]]
    public var summary: SampleSummary
}

/// What the generator made, and how the measures stand at the reporting period by the generator's own reading
/// of the rules (see `docs/sample-council.md`).
public struct SampleSummary: Sendable, Equatable {
    /// The period and the day the statuses below were dealt for (`check` and `status` judge the files as at today).
    public var reportingPeriod: Period?
    public var today: CivilDate?
    public var measures = 0
    public var priorities = 0
    public var plans = 0
    public var actions = 0
    public var overdueActions = 0
    /// Data rows in `observations.csv` (the header excluded).
    public var rows = 0
    /// National downloads written for outcome measures (`national/`).
    public var nationalFiles = 0

    // Statuses at each measure's judged period.
    public var onTrack = 0
    public var withinTolerance = 0
    public var offTrack = 0
    public var notJudged = 0
    public var inDevelopment = 0
    public var noData = 0
    public var overdue = 0
    public var retired = 0

    // Alerts.
    /// Off track at the judged period and the period before.
    public var offTrackRun = 0
    /// Measures with a run of two or more off-track periods that crosses a March/April year end, anywhere in history.
    public var offTrackRunAcrossYearEnd = 0
    /// Three or more consecutive worsening changes ending at the judged period.
    public var worsening = 0

    public init() {}

    /// One line per figure, for a command to print.
    public var lines: [String] {
        [
            "measures: \(measures) (priorities \(priorities), plans \(plans), actions \(actions), overdue actions \(overdueActions))",
            "rows: \(rows)",
            (reportingPeriod.map { "as dealt for \($0.label), judged on \(today.map { "\($0)" } ?? "") (check and status judge it as at today): " } ?? "")
                + "on track \(onTrack), within tolerance \(withinTolerance), off track \(offTrack), not judged \(notJudged), "
                + "in development \(inDevelopment), no data \(noData), overdue \(overdue), retired \(retired)",
            "alerts: off track \(offTrack), off track 2+ periods \(offTrackRun) (across a year end in history: "
                + "\(offTrackRunAcrossYearEnd)), worsening 3+ periods \(worsening), overdue \(overdue)",
        ]
    }
}
