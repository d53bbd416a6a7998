import ArgumentParser
import Foundation
import ScorecardKit

/// `scorecard alerts [DIR]`: the alerts, worst first, with their reasons.
struct AlertsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "List the under-performance alerts, worst first, with their reasons."
    )

    @OptionGroup var input: CouncilInput

    @OptionGroup var judgement: JudgementOptions

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        // A database another process holds (an import committing) is waited for, and said so, as writers say it.
        Console.announceWaitsForOtherWriters()
        let (council, publishedOnly) = try input.loadSayingFigures(today: try judgement.resolvedToday())
        let evaluation = try judgement.evaluate(council)
        if json {
            Console.out(try AlertReport(council: council, evaluation: evaluation, publishedOnly: publishedOnly).json())
        } else {
            Console.out(Self.text(council: council, evaluation: evaluation, publishedOnly: publishedOnly))
        }
    }

    /// The alerts as text: a heading (saying when only published figures were read), then each alert's rank,
    /// measure, rule and reason, "(draft)" after an alert raised on a draft value, every value from the data made
    /// terminal-safe.
    static func text(council: Council, evaluation: Evaluation, publishedOnly: Bool = false) -> String {
        var lines = [
            "\(council.plan.council.terminalSafe): \(NumberText.counted(evaluation.alerts.count, "alert")) as at \(evaluation.asAt.label)"
                + (publishedOnly ? " (published figures)" : "")
        ]
        for (rank, alert) in evaluation.alerts.enumerated() {
            let measure = council.measures[alert.measure]
            let draft = evaluation.measures[alert.measure].observation?.isDraft == true
            lines.append("")
            lines.append("\(rank + 1). \(measure.code.terminalSafe)  \(alert.rule.label)  \(measure.title.terminalSafe)")
            lines.append("   \(alert.reason.terminalSafe)" + (draft ? " (draft: not yet signed off)" : ""))
        }
        return lines.joined(separator: "\n")
    }
}

/// The JSON form of `scorecard alerts --json`.
struct AlertReport: Encodable {
    struct Item: Encodable {
        var measure: String
        var title: String
        var rule: String
        var period: String
        var periods: Int
        var status: String
        var value: Double?
        var target: Double?
        var reason: String
        var priority: String
        var plan: String?
        var owner: String
        /// Whether the judged value the alert is raised on is a draft, recorded but not yet signed off.
        var draft: Bool

        private enum CodingKeys: String, CodingKey {
            case measure, title, rule, period, periods, status, value, target, reason, priority, plan, owner, draft
        }

        /// Every key, `null` included (as docs/status.md lists them): a script reading `plan` finds it.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(measure, forKey: .measure)
            try container.encode(title, forKey: .title)
            try container.encode(rule, forKey: .rule)
            try container.encode(period, forKey: .period)
            try container.encode(periods, forKey: .periods)
            try container.encode(status, forKey: .status)
            try container.encode(value, forKey: .value)
            try container.encode(target, forKey: .target)
            try container.encode(reason, forKey: .reason)
            try container.encode(priority, forKey: .priority)
            try container.encode(plan, forKey: .plan)
            try container.encode(owner, forKey: .owner)
            try container.encode(draft, forKey: .draft)
        }
    }

    var council: String
    var asAt: String
    /// `published` when only signed-off values were read (a member, or `--published`), else `all`.
    var figures: String
    var count: Int
    var alerts: [Item]

    init(council: Council, evaluation: Evaluation, publishedOnly: Bool = false) {
        self.council = council.plan.council
        self.asAt = evaluation.asAt.description
        self.figures = publishedOnly ? "published" : "all"
        self.count = evaluation.alerts.count
        self.alerts = evaluation.alerts.map { alert in
            let measure = council.measures[alert.measure]
            let judged = evaluation.measures[alert.measure]
            let location = council.locations[alert.measure]
            let priority = council.plan.priorities[location.priority]
            return Item(
                measure: measure.code, title: measure.title, rule: alert.rule.key, period: alert.period.description,
                // JSON has no infinity: a non-finite number (only a database edited by hand holds one) is written as null.
                periods: alert.run, status: judged.status.key, value: judged.value.flatMap { $0.isFinite ? $0 : nil },
                target: judged.target.flatMap { $0.isFinite ? $0 : nil },
                reason: alert.reason, priority: priority.code, plan: location.plan.map { priority.plans[$0].code },
                owner: measure.owner, draft: judged.observation?.isDraft ?? false)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case council, asAt, asAtAsStatusWrites = "as_at", figures, count, alerts
    }

    /// The keys in order; the reporting period also as `as_at`, the name `status --json` gives it, so a script
    /// reading both finds it under one name (`asAt` kept for scripts written before).
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(council, forKey: .council)
        try container.encode(asAt, forKey: .asAt)
        try container.encode(asAt, forKey: .asAtAsStatusWrites)
        try container.encode(figures, forKey: .figures)
        try container.encode(count, forKey: .count)
        try container.encode(alerts, forKey: .alerts)
    }

    /// The report as JSON (see ``JSONText``).
    func json() throws -> String {
        try JSONText.encode(self)
    }
}
