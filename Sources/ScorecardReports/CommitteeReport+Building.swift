import ScorecardKit

extension CommitteeReport {
    /// The report on `council` as `evaluation` judged it, for `options`' audience and scope.
    ///
    /// - Precondition: the scope's indexes are within the council's plan and measures.
    public init(council: Council, evaluation: Evaluation, options: ReportOptions) {
        self.options = options
        let builder = Builder(council: council, evaluation: evaluation, options: options)
        var summary: [PrioritySummary] = []
        var sections: [PrioritySection] = []
        var total = RollUp()
        for (p, rollUp, section) in builder.sections() {
            let priority = council.plan.priorities[p]
            summary.append(PrioritySummary(code: priority.code, title: builder.summaryTitle(of: p), rollUp: rollUp))
            total.add(rollUp)
            sections.append(section)
        }
        self.summary = summary
        self.sections = sections
        self.total = total
        totalTitle = builder.scopeDescription == nil ? "All priorities" : "Priorities " + summary.map(\.code).joined(separator: ", ")
        let measures = sections.flatMap(\.allMeasures)
        let drafts = measures.filter(\.draft).count
        cover = Cover(
            // The title (so every page's footer) says so when the period has not ended, as the cover does.
            title: Self.title(asAt: evaluation.asAt, options: options)
                + (evaluation.asAt.hasEnded(by: evaluation.today) ? "" : " (figures not final)"),
            council: council.plan.council,
            plan: council.plan.title, asAt: evaluation.asAt.label, produced: options.produced.longDescription,
            figures: Self.figuresSentence(publishedOnly: options.publishedOnly, drafts: drafts)
                + Self.notFinalSentence(asAt: evaluation.asAt, today: evaluation.today)
                + Self.asTheyStandSentence(asAt: evaluation.asAt, latest: council.defaultReportingPeriod(today: evaluation.today)),
            scope: builder.scopeDescription, audience: options.audience)
        withheldNote = builder.withheldNote(for: measures)
    }

    static func title(asAt: Period, options: ReportOptions) -> String {
        let cadence = switch asAt.kind {
        case .month: "Monthly"
        case .quarter: "Quarterly"
        case .financialYear, .calendarYear: "Annual"
        }
        switch (options.audience, options.exceptionsOnly) {
        case (.committee, false): return "\(cadence) performance report"
        case (.committee, true): return "Exceptions report: measures that need attention"
        // A year's report for the public says it is the annual one, as the committee's does.
        case (.public, false): return (cadence == "Annual" ? "Annual performance" : "Performance") + " report for the public"
        case (.public, true):
            return (cadence == "Annual" ? "Annual performance" : "Performance") + " report for the public: measures that need attention"
        }
    }

    /// Said on the cover of a paper as at a period that has not ended: its figures are not final.
    static func notFinalSentence(asAt: Period, today: CivilDate) -> String {
        asAt.hasEnded(by: today) ? "" : " \(asAt.label) has not ended yet (it ends on \(asAt.endDate.longDescription)): its figures are not final."
    }

    /// Said on the cover of a paper as at an earlier period than the latest: its values are today's, revisions
    /// made since included, not those of the paper the committee had then.
    static func asTheyStandSentence(asAt: Period, latest: Period) -> String {
        asAt.kind == latest.kind && asAt < latest
            ? " Values are as they stand now: a value revised since \(asAt.label) was reported shows its revision (its history keeps what it replaced)."
            : ""
    }

    static func figuresSentence(publishedOnly: Bool, drafts: Int) -> String {
        if publishedOnly { return "Published figures only: every value shown has been signed off." }
        if drafts == 0 { return "No draft values: every value shown is published." }
        return "Includes \(NumberText.counted(drafts, "draft value")) not yet signed off, each marked “draft”."
    }
}

/// Gathers the report's parts from the judged council.
private struct Builder {
    let council: Council
    let evaluation: Evaluation
    let options: ReportOptions
    /// For the public, each measure's withheld periods, where it has any.
    private let withheldPeriods: [Int: Set<Period>]
    /// For the public, the alerts of each measure with withheld values (``publicAlerts(_:)``), worked out once for
    /// the summary and the measure's entry alike.
    private let shownAlerts: [Int: [Alert]]

    init(council: Council, evaluation: Evaluation, options: ReportOptions) {
        self.council = council
        self.evaluation = evaluation
        self.options = options
        var withheldPeriods: [Int: Set<Period>] = [:]
        if options.audience == .public {
            for m in council.measures.indices where council.measures[m].smallNumbers != nil {
                let withheld = council.measures[m].withheldPeriods(in: council.observations[m])
                if !withheld.isEmpty { withheldPeriods[m] = withheld }
            }
        }
        self.withheldPeriods = withheldPeriods
        shownAlerts = Self.shownAlerts(council: council, evaluation: evaluation, withheld: withheldPeriods)
    }

    var isPublic: Bool { options.audience == .public }

    /// Each priority covered: its index, its roll-up within the scope, and its section.
    func sections() -> [(Int, RollUp, CommitteeReport.PrioritySection)] {
        let plan = council.plan
        /// A priority's measures and its delivery plans'.
        func measures(of p: Int) -> [Int] { plan.priorities[p].measures + plan.priorities[p].plans.flatMap(\.measures) }
        /// `rollUp` as the report gives it: its overdue actions as at the period, its withheld figures left out.
        func reported(_ rollUp: RollUp, measures: [Int], actions: [Action]) -> RollUp {
            var rollUp = withholding(rollUp, measures: measures)
            rollUp.overdueActions = actions.filter(isOverdueAsAt).count
            return rollUp
        }
        func priority(_ p: Int) -> (Int, RollUp, CommitteeReport.PrioritySection) {
            (p, reported(evaluation.priorities[p], measures: measures(of: p), actions: plan.priorities[p].plans.flatMap(\.actions)), section(p))
        }
        switch options.scope {
        case .wholePlan:
            return plan.priorities.indices.map(priority)
        case .priorities(let chosen):
            return chosen.sorted().map(priority)
        case .deliveryPlan(let p, let d):
            let delivery = plan.priorities[p].plans[d]
            let rollUp = reported(evaluation.plans[p][d], measures: delivery.measures, actions: delivery.actions)
            return [(p, rollUp, section(p, plans: [d], ownMeasures: false))]
        case .measure(let m):
            let location = council.locations[m]
            var rollUp = RollUp()
            rollUp.count(evaluation.measures[m])
            rollUp = withholding(rollUp, measures: [m])
            return [(location.priority, rollUp, section(location.priority, plans: location.plan.map { [$0] } ?? [],
                                                        ownMeasures: location.plan == nil, onlyMeasure: m))]
        }
    }

    /// `rollUp` of `measures` as the public may read it: a measure whose judged value is withheld counted as not
    /// judged, and no alert the report leaves out (``publicAlerts(_:)``).
    func withholding(_ rollUp: RollUp, measures: [Int]) -> RollUp {
        guard isPublic else { return rollUp }
        var rollUp = rollUp
        for m in measures {
            guard let withheld = withheldPeriods[m] else { continue }
            let judged = evaluation.measures[m]
            let dropped = judged.alerts.count - publicAlerts(m).count
            if let period = judged.period, withheld.contains(period), judged.status != .retired {
                rollUp.withhold(status: judged.status, alerts: dropped)
            } else if dropped > 0 {
                rollUp.alerts -= dropped
            }
        }
        return rollUp
    }

    /// The alerts on measure `m` the report gives (the public's: ``shownAlerts(council:evaluation:withheld:)``).
    func publicAlerts(_ m: Int) -> [Alert] {
        shownAlerts[m] ?? evaluation.measures[m].alerts
    }

    /// The alerts the public may read of each measure with `withheld` periods: none when its judged value is
    /// withheld (that it is off track, worsening or special cause narrows the value down: on track against a
    /// target of 1, lower is better, is 1); otherwise the alerts of the measure judged again with its withheld
    /// values withheld, as a meeting's screens judge it, so that no alert, nor its wording, depends on one. A run
    /// of misses or of worse values stops at a withheld value (off track twice or three times running, with or
    /// without an off-track withheld July, told a 4 from a 2); a forecast or process limits are made only from
    /// values all shown (whether 14, 14, *, 14, 14, 15 was forecast to miss 12 told a 4 from a 3); the comparison
    /// with England, made from the council's own national figure, is never given.
    private static func shownAlerts(council: Council, evaluation: Evaluation, withheld: [Int: Set<Period>]) -> [Int: [Alert]] {
        guard !withheld.isEmpty else { return [:] }
        // Every such measure judged again at once, its withheld values withheld.
        var masked = council
        for (m, periods) in withheld {
            for i in masked.observations[m].indices where periods.contains(masked.observations[m][i].period) {
                masked.observations[m][i] = masked.observations[m][i].withheld
            }
        }
        let rejudged = evaluation.rejudging(withheld.keys.sorted(), in: masked)
        var alerts: [Int: [Alert]] = [:]
        for (m, periods) in withheld {
            guard let period = evaluation.measures[m].period, !periods.contains(period) else {
                alerts[m] = []
                continue
            }
            alerts[m] = rejudged.measures[m].alerts.filter { alert in
                switch alert.rule {
                case .overdue, .offTrack, .offTrackRepeatedly, .worsening, .forecastMiss, .specialCauseConcerning: true
                case .worseThanEngland: false
                }
            }
        }
        return alerts
    }

    /// A priority's title in the summary: with what of it the report covers when that is not all of it
    /// (`Homes for everyone: delivery plan DP-01 only`), so that its counts are not read as the priority's.
    func summaryTitle(of p: Int) -> String {
        let priority = council.plan.priorities[p]
        switch options.scope {
        case .wholePlan, .priorities: return priority.title
        case .deliveryPlan(_, let d): return "\(priority.title): delivery plan \(priority.plans[d].code) only"
        case .measure(let m): return "\(priority.title): measure \(council.measures[m].code) only"
        }
    }

    var scopeDescription: String? {
        let plan = council.plan
        switch options.scope {
        case .wholePlan:
            return nil
        case .priorities(let chosen):
            guard chosen.count != plan.priorities.count else { return nil }
            if chosen.count == 1, let p = chosen.first { return "Priority \(plan.priorities[p].code): \(plan.priorities[p].title)" }
            return "Priorities " + chosen.sorted().map { plan.priorities[$0].code }.joined(separator: ", ")
        case .deliveryPlan(let p, let d):
            let delivery = plan.priorities[p].plans[d]
            return "Delivery plan \(delivery.code): \(delivery.title) (priority \(plan.priorities[p].code))"
        case .measure(let m):
            return "Measure \(council.measures[m].code): \(council.measures[m].title)"
        }
    }

    func section(_ p: Int, plans: [Int]? = nil, ownMeasures: Bool = true, onlyMeasure: Int? = nil)
        -> CommitteeReport.PrioritySection
    {
        let priority = council.plan.priorities[p]
        func entries(_ indexes: [Int]) -> [CommitteeReport.MeasureEntry] {
            // One measure's exceptions report lists it only when it needs attention, as a plan's would.
            indexes.filter { m in
                (onlyMeasure.map { m == $0 } ?? true) && (!options.exceptionsOnly || !evaluation.measures[m].alerts.isEmpty)
            }.map(entry).filter { entry in
                // The public's exceptions: only alerts it may read (being listed would say there is one).
                !options.exceptionsOnly || !entry.alerts.isEmpty
            }
        }
        var planSections: [CommitteeReport.PlanSection] = []
        for d in plans ?? Array(priority.plans.indices) {
            let delivery = priority.plans[d]
            let overdue = onlyMeasure == nil ? overdueActions(delivery.actions) : []
            let measures = entries(delivery.measures)
            if options.exceptionsOnly, measures.isEmpty, overdue.isEmpty { continue }
            planSections.append(
                CommitteeReport.PlanSection(
                    code: delivery.code, title: delivery.title, owner: delivery.owner, measures: measures,
                    overdueActions: overdue))
        }
        return CommitteeReport.PrioritySection(
            code: priority.code, title: priority.title, lead: priority.lead, description: priority.description,
            measures: ownMeasures ? entries(priority.measures) : [], plans: planSections)
    }

    /// Whether `action` is overdue in a report as at the judged period: not done today, and due by the end of
    /// that period (a paper as at Q1 2024/25 does not list an action due in June 2026, however late it is now).
    func isOverdueAsAt(_ action: Action) -> Bool {
        action.isOverdue(asAt: evaluation.asAt, today: evaluation.today)
    }

    func overdueActions(_ actions: [Action]) -> [CommitteeReport.ActionEntry] {
        let today = evaluation.today
        return actions.filter(isOverdueAsAt).map { action in
            let due = action.due ?? today
            return CommitteeReport.ActionEntry(
                title: action.title, owner: action.owner, due: due.longDescription, progress: action.progress,
                percentComplete: action.percentComplete, daysOverdue: today.dayNumber - due.dayNumber)
        }
    }

    func entry(_ m: Int) -> CommitteeReport.MeasureEntry {
        let measure = council.measures[m]
        let judged = evaluation.measures[m]
        let withheld = withheldPeriods[m] ?? []
        let valueWithheld = judged.period.map(withheld.contains) ?? false
        // A direction against a withheld value gives it away as surely: "no change" on 12 shown for June 2026,
        // against June 2025 withheld, says June 2025 was 12 too.
        let previousWithheld = judged.period.map { withheld.contains($0.previous) } ?? false
        let lastYearWithheld = judged.period.map { withheld.contains($0.sameLastYear) } ?? false
        let alerts = publicAlerts(m).map { alert in
            CommitteeReport.AlertLine(
                rule: alert.rule,
                reason: isPublic && measure.smallNumbers != nil ? Self.reasonWithoutFigures(alert) : alert.reason)
        }
        return CommitteeReport.MeasureEntry(
            index: m, code: measure.code, title: measure.title, tier: measure.tier, owner: measure.owner,
            period: judged.period?.label ?? "",
            value: valueWithheld ? "*" : judged.value.map(measure.format) ?? "",
            // A withheld value's direction of travel, beside the values shown, could give it away: 11 shown for
            // August and "no change" on 11 for September is 11.
            // A status resting on a withheld value narrows it down (on track against 1, lower is better, is 1).
            target: judged.target.map(measure.formatTarget) ?? "", status: valueWithheld ? .notJudged : judged.status,
            travel: valueWithheld || previousWithheld ? nil : judged.sincePrevious,
            travelYear: valueWithheld || lastYearWithheld ? nil : judged.sinceLastYear,
            // The council's own value and interval beside England's narrow down a withheld count: none for the public.
            comparison: isPublic && measure.smallNumbers != nil ? nil : judged.comparison.flatMap { ReportText.comparison($0, of: measure, rowPeriod: judged.period?.label ?? "") },
            // A withheld value's commentary goes with it: "Target met" beside a target of 8.5% of 45 told the value.
            alerts: alerts, commentary: valueWithheld ? nil : judged.observation?.note,
            draft: judged.observation?.isDraft ?? false,
            caveat: valueWithheld ? nil : judged.observation?.quality.flatMap { $0 == .validated ? nil : $0 }, withheld: valueWithheld,
            chart: chart(m, judged: judged.period, withheld: withheld, status: valueWithheld ? nil : judged.status))
    }

    /// The alert's reason without the values it quotes, for a measure whose small numbers are withheld.
    /// The run of periods is written in words ("three periods running"), so no small number stands in the text.
    static func reasonWithoutFigures(_ alert: Alert) -> String {
        let run = alert.run < numberWords.count ? numberWords[alert.run] : "\(alert.run)"
        switch alert.rule {
        case .offTrack: return "Missed its target in \(alert.period.label) by more than the tolerance."
        case .offTrackRepeatedly:
            return "Missed its target by more than the tolerance for \(run) periods running, to \(alert.period.label)."
        case .worsening: return "Worse than the period before for \(run) periods running, to \(alert.period.label)."
        case .overdue: return "No value for \(alert.period.label) yet, and it is overdue."
        case .forecastMiss: return "Forecast to miss the target for \(alert.period.financialYear.label)."
        case .specialCauseConcerning: return "Special cause concerning variation in \(alert.period.label)."
        case .worseThanEngland: return "Significantly worse than England in \(alert.period.label)."
        }
    }

    static let numberWords = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ]

    /// The last ``ReportOptions/chartPeriods`` periods up to the judged one (or the latest value, for a measure
    /// not judged), with their values and targets.
    func chart(_ m: Int, judged: Period?, withheld: Set<Period>, status: Status? = nil) -> ChartSeries {
        let measure = council.measures[m]
        let observations = council.observations[m]
        let end = judged ?? observations.last?.period
        var points: [ChartSeries.Point] = []
        if let end {
            let count = max(1, options.chartPeriods)
            var byPeriod: [Period: Observation] = [:]
            let start = end.advanced(by: -(count - 1))
            for observation in observations.reversed() {
                if observation.period < start { break }
                if observation.period <= end { byPeriod[observation.period] = observation }
            }
            for offset in 0..<count {
                let period = start.advanced(by: offset)
                let isWithheld = withheld.contains(period)
                points.append(
                    ChartSeries.Point(
                        period: period, value: isWithheld ? nil : byPeriod[period]?.value.map(measure.asShown),
                        target: council.target(ofMeasure: m, in: period), withheld: isWithheld,
                        isDraft: !isWithheld && byPeriod[period]?.isDraft == true))
            }
        }
        // A measure younger than the chart starts where its history does.
        if let first = points.firstIndex(where: { $0.value != nil || $0.target != nil || $0.withheld }) {
            points.removeFirst(first)
        }
        return ChartSeries(
            points: points, judged: judged, judgedStatus: status, unit: measure.unit, decimals: measure.decimals,
            smallNumbers: isPublic ? measure.smallNumbers : nil, cumulative: measure.cumulative)
    }

    /// The footnote, naming the counts withheld: "1 to 4" when every measure withholding uses the default.
    func withheldNote(for measures: [CommitteeReport.MeasureEntry]) -> String? {
        let withholding = measures.filter { $0.withheld || $0.chart.points.contains(where: \.withheld) }
        guard !withholding.isEmpty else { return nil }
        let largest = Set(withholding.compactMap { council.measures[$0.index].smallNumbers?.largestWithheld })
        let range = largest.count == 1 ? "from 1 to \(largest.first ?? SmallNumbers.defaultLargestWithheld)" : "that small"
        return "* suppressed to protect individuals: a count of people \(range), or a rate built on one, is not shown, "
            + "nor the status or alerts that would narrow it down."
    }
}
