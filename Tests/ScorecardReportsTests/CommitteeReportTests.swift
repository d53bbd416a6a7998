import ScorecardKit
import Testing

@testable import ScorecardReports

@Suite("The committee report's content")
struct CommitteeReportTests {
    @Test("The cover says whose report it is, as at when, and that drafts are included")
    func cover() {
        let cover = ReportFixture.report().cover
        #expect(cover.title == "Quarterly performance report")
        #expect(cover.council == "Testham Borough Council")
        #expect(cover.plan == "Council Plan 2025-2029")
        #expect(cover.asAt == "Q2 2026/27")
        #expect(cover.produced == "20 November 2026")
        #expect(cover.figures == "Includes 1 draft value not yet signed off, each marked “draft”.")
        #expect(cover.scope == nil)
    }

    @Test("The summary counts each priority's measures by status, its alerts and overdue actions (hand-checked)")
    func summary() {
        let report = ReportFixture.report()
        #expect(report.summary.map(\.code) == ["P1", "P2"])
        let p1 = report.summary[0].rollUp
        #expect([p1.measures, p1[.offTrack], p1[.overdue], p1[.withinTolerance], p1[.onTrack], p1[.notJudged]] == [3, 1, 0, 0, 1, 1])
        #expect([p1.alerts, p1.overdueActions] == [1, 1])
        let p2 = report.summary[1].rollUp
        #expect([p2.measures, p2[.offTrack], p2[.overdue], p2[.withinTolerance], p2[.onTrack]] == [2, 0, 1, 1, 0])
        #expect([p2.alerts, p2.overdueActions] == [1, 0])
        #expect([report.total.measures, report.total.alerts, report.total.overdueActions] == [5, 2, 1])
    }

    @Test("Each measure's row: value, target, status, direction, alerts and commentary as members read them")
    func rows() throws {
        let sections = ReportFixture.report().sections
        #expect(sections.map { $0.allMeasures.map(\.code) } == [["OUT-1", "KBM-1", "KBI-2"], ["KBM-3", "KBI-4"]])
        let out1 = try #require(sections[0].measures.first)
        #expect([out1.period, out1.value, out1.target] == ["2025/26", "2.4 per 1,000", ""])
        #expect(out1.status == .notJudged && out1.travel == .improving)
        let kbm1 = sections[0].plans[0].measures[0]
        #expect([kbm1.period, kbm1.value, kbm1.target] == ["Q2 2026/27", "70", "100"])
        #expect(kbm1.status == .offTrack && kbm1.travel == .worsening)
        #expect(kbm1.alerts.map(\.rule) == [.offTrackRepeatedly])
        #expect(kbm1.commentary == ReportFixture.commentary)
        let kbm3 = sections[1].plans[0].measures[0]
        #expect([kbm3.value, kbm3.target] == ["48.0%", "50.0%"])
        #expect(kbm3.status == .withinTolerance && kbm3.draft)
        let kbi4 = sections[1].plans[0].measures[1]
        #expect(kbi4.status == .overdue && kbi4.period == "Sep 2026" && kbi4.value == "")
        #expect(kbi4.alerts.map(\.reason) == ["No value for 2 periods running (Aug 2026 to Sep 2026); Aug 2026 was due by 30 September 2026 (51 days overdue)."])
    }

    @Test("An outcome measure's row says how it compares with England and ranks among its neighbours, as the dashboard does")
    func comparison() throws {
        // OUT-1 (higher is better) 2.4 in 2025/26, interval 2.2 to 2.6: England's 2.0 lies below it, so better;
        // among 1.9, 2.5 and 3.1 it ranks 3rd of 4, quartile 3.
        var council = ReportFixture.council
        let neighbours = [("E1", "Ashbury", 1.9), ("E2", "Brackwell", 2.5), ("E3", "Calderford", 3.1)]
        council.measures[0].comparators = Comparators(
            source: Comparators.Source(file: "national/OUT-1.csv", area: "E0", neighbours: neighbours.map(\.0)),
            points: [
                Comparators.Point(
                    period: .financialYear(2025), periodText: "2025/26", value: 2.4, lower: 2.2, upper: 2.6, england: 2.0,
                    regionCode: "R1", regionName: "South West region", region: 2.3,
                    neighbours: neighbours.map { Comparators.Neighbour(code: $0.0, name: $0.1, value: $0.2) })
            ])
        let evaluation = council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today)
        let report = CommitteeReport(council: council, evaluation: evaluation, options: ReportOptions(produced: ReportFixture.today))
        let out1 = try #require(report.sections.first?.measures.first)
        #expect(out1.comparison == "▲\u{00A0}Better than England (2.0 per 1,000); ranked 3 of 4 with its nearest neighbours (quartile 3)")
        #expect(report.sections.flatMap(\.allMeasures).filter { $0.comparison != nil }.map(\.code) == ["OUT-1"])
        let markdown = MarkdownReportWriter.markdown(report)
        #expect(markdown.contains("| ·\u{00A0}Not judged<br>▲\u{00A0}Better than England (2.0 per 1,000); ranked 3 of 4"))
        #expect(markdown.contains("▲ ▼ ● Better than, worse than or similar to England"))
        #expect(HTMLReportWriter.html(report).contains("<small class=\"comparison\">▲\u{00A0}Better than England"))
        // National data a year behind the row's period says which year it compares.
        council.measures[0].comparators?.points[0].period = .financialYear(2024)
        council.measures[0].comparators?.points[0].periodText = "2024/25"
        let older = CommitteeReport(
            council: council, evaluation: council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today),
            options: ReportOptions(produced: ReportFixture.today))
        #expect(older.sections.first?.measures.first?.comparison?.hasPrefix("▲\u{00A0}Better than England (2.0 per 1,000) in 2024/25; ranked 3") == true)
        // England just below the council's figures: written apart from them, not as the same 2.4.
        council.measures[0].comparators?.points[0].england = 2.17
        council.measures[0].comparators?.points[0].lower = 2.18
        let close = CommitteeReport(
            council: council, evaluation: council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today),
            options: ReportOptions(produced: ReportFixture.today))
        #expect(close.sections.first?.measures.first?.comparison?.hasPrefix("▲\u{00A0}Better than England (2.17 per 1,000) in 2024/25") == true)
        // No interval published: not compared, England's figure still given, as the dashboard gives it.
        council.measures[0].comparators?.points[0].lower = nil
        let notCompared = CommitteeReport(
            council: council, evaluation: council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today),
            options: ReportOptions(produced: ReportFixture.today))
        #expect(notCompared.sections.first?.measures.first?.comparison?.hasPrefix("Not compared with England (2.2 per 1,000) in 2024/25; ranked 3") == true)
        // A report with no comparisons has no key for them.
        #expect(!MarkdownReportWriter.markdown(ReportFixture.report()).contains("similar to England"))
    }

    @Test("A value not final says so beside it: provisional or estimated, never validated, never on a withheld value")
    func caveats() throws {
        var council = ReportFixture.council
        council.observations[1][council.observations[1].count - 1].quality = .provisional  // KBM-1 Q2: 70
        council.observations[2][council.observations[2].count - 1].quality = .estimated  // KBI-2 Sep: 2, withheld in public
        council.observations[3][0].quality = .validated  // KBM-3 Q1 (not the judged period)
        let evaluation = council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today)
        let report = CommitteeReport(council: council, evaluation: evaluation, options: ReportOptions(produced: ReportFixture.today))
        let entries = Dictionary(uniqueKeysWithValues: report.sections.flatMap(\.allMeasures).map { ($0.code, $0) })
        #expect(entries["KBM-1"]?.caveat == .provisional)
        #expect(entries["KBI-2"]?.caveat == .estimated)
        #expect(entries["KBM-3"]?.caveat == nil)
        #expect(MarkdownReportWriter.markdown(report).contains("| 70 (provisional) |"))
        #expect(HTMLReportWriter.html(report).contains("<span class=\"caveat\">provisional</span>"))
        let publicReport = CommitteeReport(
            council: council, evaluation: evaluation, options: ReportOptions(audience: .public, produced: ReportFixture.today))
        #expect(publicReport.sections.flatMap(\.allMeasures).first { $0.code == "KBI-2" }?.caveat == nil)
    }

    @Test("In public, a withheld value's commentary is withheld with it; the committee reads it")
    func withheldCommentary() throws {
        var council = ReportFixture.council
        council.observations[2][council.observations[2].count - 1].note = "Target met: fewer than last month"  // KBI-2 Sep: 2
        let evaluation = council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today)
        let committee = CommitteeReport(council: council, evaluation: evaluation, options: ReportOptions(produced: ReportFixture.today))
        let audience = CommitteeReport(
            council: council, evaluation: evaluation, options: ReportOptions(audience: .public, produced: ReportFixture.today))
        func kbi2(_ report: CommitteeReport) -> CommitteeReport.MeasureEntry? { report.sections.flatMap(\.allMeasures).first { $0.code == "KBI-2" } }
        #expect(kbi2(committee)?.commentary == "Target met: fewer than last month")
        #expect(kbi2(audience)?.withheld == true)
        #expect(kbi2(audience)?.commentary == nil)
        #expect(!MarkdownReportWriter.markdown(audience).contains("Target met"))
        #expect(!CSVReportWriter.csv(audience, council: council, evaluation: evaluation).contains("Target met"))
        #expect(CSVReportWriter.csv(committee, council: council, evaluation: evaluation).contains("Target met"))
    }

    @Test("Overdue actions only, with the days overdue (30 June to 20 November: 143)")
    func overdueActions() {
        let actions = ReportFixture.report().sections[0].plans[0].overdueActions
        #expect(actions.map(\.title) == ["Open the new hostel"])
        #expect(actions.first?.daysOverdue == 143)
        #expect(actions.first?.due == "30 June 2026")
    }

    @Test("The chart runs up to the reporting period, with each period's target")
    func chart() {
        let chart = ReportFixture.report().sections[0].plans[0].measures[0].chart
        #expect(chart.points.map(\.period) == [.quarter(2026, 1), .quarter(2026, 2)])
        #expect(chart.points.map(\.value) == [80, 70])
        #expect(chart.points.map(\.target) == [100, 100])
        #expect(chart.judged == .quarter(2026, 2))
    }

    @Test("--exceptions keeps measures with alerts and plans with overdue actions, nothing else")
    func exceptions() {
        let report = ReportFixture.report(ReportFixture.options(exceptionsOnly: true))
        #expect(report.cover.title == "Exceptions report: measures that need attention")
        #expect(report.sections.map { $0.allMeasures.map(\.code) } == [["KBM-1"], ["KBI-4"]])
        #expect(report.sections[0].plans[0].overdueActions.count == 1)
        // The summary still counts the whole priority.
        #expect(report.summary[0].rollUp.measures == 3)
        // Why each needs attention, the alert's name once: "Off track in ...", not "Off track: Off track in ...".
        let own = CommitteeReport.AlertLine(rule: .offTrack, reason: "Off track in Q2 2024/25: 86.0% against 90.0%")
        #expect(own.rule.label + ReportText.reasonAfterLabel(own) == "Off track in Q2 2024/25: 86.0% against 90.0%")
        let other = CommitteeReport.AlertLine(rule: .offTrack, reason: "86.0% against 90.0%")
        #expect(other.rule.label + ReportText.reasonAfterLabel(other) == "Off track: 86.0% against 90.0%")
    }

    @Test("a paper as at an earlier period says its values are as they stand now, revisions since included")
    func earlierPaperSaysValuesAreToday() {
        let council = ReportFixture.council
        let latest = council.defaultReportingPeriod(today: ReportFixture.today)
        let now = CommitteeReport(
            council: council, evaluation: council.evaluate(asAt: latest, today: ReportFixture.today), options: ReportFixture.options())
        #expect(!now.cover.figures.contains("as they stand now"))
        let earlier = CommitteeReport(
            council: council, evaluation: council.evaluate(asAt: latest.previous, today: ReportFixture.today), options: ReportFixture.options())
        #expect(earlier.cover.figures.hasSuffix(
            " Values are as they stand now: a value revised since \(latest.previous.label) was reported shows its revision (its history keeps what it replaced)."))
    }

    @Test("--exceptions for one measure lists it only when it needs attention")
    func exceptionsOfOneMeasure() {
        // KBM-1 (index 1) has an alert; KBM-3 (index 3), in the same fixture, has none.
        let alerted = ReportFixture.report(ReportFixture.options(scope: .measure(1), exceptionsOnly: true))
        #expect(alerted.sections.map { $0.allMeasures.map(\.code) } == [["KBM-1"]])
        let calm = ReportFixture.report(ReportFixture.options(scope: .measure(3), exceptionsOnly: true))
        #expect(calm.sections.allSatisfy { $0.allMeasures.isEmpty })
        // Without --exceptions it is listed all the same.
        #expect(ReportFixture.report(ReportFixture.options(scope: .measure(3))).sections.map { $0.allMeasures.map(\.code) } == [["KBM-3"]])
    }

    @Test("A scope of one delivery plan, one priority or one measure covers that alone")
    func scopes() {
        let plan = ReportFixture.report(ReportFixture.options(scope: .deliveryPlan(priority: 1, plan: 0)))
        #expect(plan.sections.map { $0.allMeasures.map(\.code) } == [["KBM-3", "KBI-4"]])
        #expect(plan.cover.scope == "Delivery plan DP-2: Waste (priority P2)")
        #expect(plan.total.measures == 2)
        // Its priority's line counts only the plan's measures, and says so.
        #expect(plan.summary.map(\.title) == ["A greener place: delivery plan DP-2 only"])
        #expect(ReportFixture.report().totalTitle == "All priorities")
        #expect(ReportFixture.report(ReportFixture.options(scope: .priorities([0, 1]))).totalTitle == "All priorities")

        let priority = ReportFixture.report(ReportFixture.options(scope: .priorities([1])))
        #expect(priority.summary.map(\.code) == ["P2"])
        #expect(priority.cover.scope == "Priority P2: A greener place")
        #expect(priority.totalTitle == "Priorities P2")

        let measure = ReportFixture.report(ReportFixture.options(scope: .measure(2)))
        #expect(measure.sections.map { $0.allMeasures.map(\.code) } == [["KBI-2"]])
        #expect(measure.sections[0].plans[0].overdueActions.isEmpty)
        #expect(measure.total.measures == 1)
    }

    @Test("The public report withholds a small count, its chart points and its alert's figures, and says why")
    func publicWithholds() {
        let report = ReportFixture.report(ReportFixture.options(audience: .public))
        let kbi2 = report.sections[0].plans[0].measures[1]
        #expect(kbi2.withheld && kbi2.value == "*")
        // Its direction of travel too: beside a value shown, it could give the withheld one away.
        #expect(kbi2.travel == nil && kbi2.travelYear == nil)
        let committee = ReportFixture.report(ReportFixture.options()).sections[0].plans[0].measures[1]
        #expect(committee.travel != nil, "the committee's own report shows one")
        #expect(kbi2.chart.points.map(\.withheld) == [false, true, true])
        #expect(kbi2.chart.points.map(\.value) == [5, nil, nil])
        #expect(report.withheldNote?.hasPrefix("* suppressed to protect individuals") == true)
        // A measure that does not count people is shown as it is.
        #expect(report.sections[0].plans[0].measures[0].value == "70")
        // Without withheld values there is no footnote.
        #expect(ReportFixture.report().withheldNote == nil)
    }

    @Test("In public, a withheld value's status is withheld too, and counted as not judged in the summary")
    func publicWithholdsStatus() throws {
        let report = ReportFixture.report(ReportFixture.options(audience: .public))
        let kbi2 = report.sections[0].plans[0].measures[1]
        // Sep 2 against 6, lower is better: on track to the committee; "on track" beside a target of 1 would be 1.
        #expect(kbi2.status == .notJudged && kbi2.alerts.isEmpty)
        let committee = ReportFixture.report(ReportFixture.options())
        #expect(committee.sections[0].plans[0].measures[1].status == .onTrack)
        #expect(report.summary[0].rollUp[.onTrack] == committee.summary[0].rollUp[.onTrack] - 1)
        #expect(report.summary[0].rollUp[.notJudged] == committee.summary[0].rollUp[.notJudged] + 1)
        #expect(MarkdownReportWriter.markdown(report).contains("| KBI-2 Rough sleepers | Sep 2026 | \\* | 6 | \\*\u{00A0}Withheld |"))
    }

    @Test("In public, an alert resting on withheld values is left out: worse four times running from 0 is 1, 2, 3, 4")
    func publicAlertOnWithheldRun() throws {
        var council = ReportFixture.council
        let months = (5...10).map { Period.month(2026, $0) }
        council.measures[2].targets = TargetSchedule(byPeriod: [:])
        council.observations[2] = ObservationSeries(zip(months, [0.0, 1, 2, 3, 4, 5]).map { Observation(period: $0, value: $1) })
        let evaluation = council.evaluate(asAt: .month(2026, 10), today: ReportFixture.today)
        #expect(evaluation.measures[2].alerts.map(\.rule) == [.worsening])
        let options = ReportFixture.options(audience: .public, exceptionsOnly: true)
        let report = CommitteeReport(council: council, evaluation: evaluation, options: options)
        #expect(!report.sections.flatMap(\.allMeasures).contains { $0.code == "KBI-2" })
        let committee = CommitteeReport(council: council, evaluation: evaluation, options: ReportFixture.options(exceptionsOnly: true))
        #expect(committee.sections.flatMap(\.allMeasures).contains { $0.code == "KBI-2" })
        #expect(report.total.alerts == committee.total.alerts - 1)
    }

    @Test("A report as at an earlier period lists only the actions due by its end: the hostel due June 2026 is not late in Q4 2025/26")
    func overdueActionsAsAt() throws {
        let council = ReportFixture.council
        let current = ReportFixture.report()
        #expect(current.sections[0].plans[0].overdueActions.map(\.daysOverdue) == [143])
        #expect(current.summary[0].rollUp.overdueActions == 1)
        let earlier = CommitteeReport(
            council: council, evaluation: council.evaluate(asAt: .quarter(2025, 4), today: ReportFixture.today), options: ReportFixture.options())
        #expect(earlier.sections[0].plans[0].overdueActions.isEmpty)
        #expect(earlier.summary[0].rollUp.overdueActions == 0 && earlier.total.overdueActions == 0)
    }

    @Test("A paper as at a year is an annual report, and one as at a period not yet ended says its figures are not final")
    func titleAndNotFinal() throws {
        let council = ReportFixture.council
        let annual = CommitteeReport(
            council: council, evaluation: council.evaluate(asAt: .financialYear(2025), today: ReportFixture.today), options: ReportFixture.options())
        #expect(annual.cover.title == "Annual performance report")
        #expect(!annual.cover.figures.contains("not final"))
        let open = CommitteeReport(
            council: council, evaluation: council.evaluate(asAt: .quarter(2026, 3), today: ReportFixture.today), options: ReportFixture.options())
        #expect(open.cover.figures.hasSuffix("Q3 2026/27 has not ended yet (it ends on 31 December 2026): its figures are not final."))
        #expect(open.cover.title == "Quarterly performance report (figures not final)", "the title, so every page's footer, says so too")
    }

    @Test("In public, off track repeatedly through withheld values is said as off track in the period shown; forecasts and process signals go")
    func publicAlertsThroughWithheld() throws {
        var council = ReportFixture.council
        let (jul, aug, sep) = (Period.month(2026, 7), Period.month(2026, 8), Period.month(2026, 9))
        council.measures[2].targets = TargetSchedule(byPeriod: [jul: 2, aug: 2, sep: 2])
        // Jul 3 and Aug 4 withheld, Sep 6 shown: all three miss a target of 2 (lower is better).
        council.observations[2] = ObservationSeries([Observation(period: jul, value: 3), Observation(period: aug, value: 4), Observation(period: sep, value: 6)])
        let evaluation = council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today)
        #expect(evaluation.measures[2].alerts.map(\.rule).contains(.offTrackRepeatedly))
        let report = CommitteeReport(council: council, evaluation: evaluation, options: ReportFixture.options(audience: .public))
        let kbi2 = report.sections[0].plans[0].measures[1]
        #expect(kbi2.value == "6" && kbi2.alerts.map(\.rule) == [.offTrack])
        #expect(kbi2.alerts.first?.reason == "Missed its target in Sep 2026 by more than the tolerance.")
        let forecastOrProcess: Set<Alert.Rule> = [.forecastMiss, .specialCauseConcerning, .worseThanEngland]
        #expect(!report.sections.flatMap(\.allMeasures).filter { $0.code == "KBI-2" }.flatMap(\.alerts).contains { forecastOrProcess.contains($0.rule) })
    }

    @Test("In public, alerts are those of the values shown: the same whatever a withheld value was, and runs of shown values kept")
    func publicAlertsFromShownValuesOnly() throws {
        func publicAlerts(_ values: [Double], target: Double) -> [Alert.Rule] {
            var council = ReportFixture.council
            council.measures[2].targets = TargetSchedule(byPeriod: [.financialYear(2026): target])
            council.observations[2] = ObservationSeries(values.enumerated().map { Observation(period: .month(2026, 9 - values.count + 1 + $0.offset), value: $0.element) })
            let evaluation = council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today)
            let report = CommitteeReport(council: council, evaluation: evaluation, options: ReportFixture.options(audience: .public))
            return report.sections[0].plans[0].measures[1].alerts.map(\.rule)
        }
        // Jul withheld (4, off track against 3; or 2, on track), Aug 6 and Sep 7 shown: the same alert either way.
        #expect(publicAlerts([4, 6, 7], target: 3) == publicAlerts([2, 6, 7], target: 3))
        #expect(publicAlerts([4, 6, 7], target: 3).contains(.offTrackRepeatedly))
        // Four shown values rising (lower is better) after a withheld one: worsening, from the values shown.
        #expect(publicAlerts([3, 5, 6, 7, 8], target: 100).contains(.worsening))
    }

    @Test("In public, no forecast alert from a year with a withheld value: whether 14, 14, *, 14, 14, 15 is forecast to miss 12 told a 4 from a 3")
    func publicForecastWithheld() throws {
        var council = ReportFixture.council
        council.measures[2].targets = TargetSchedule(byPeriod: [.financialYear(2026): 12])
        let values: [Double] = [14, 14, 4, 14, 14, 15]
        council.observations[2] = ObservationSeries(values.enumerated().map { Observation(period: .month(2026, 4 + $0.offset), value: $0.element) })
        let evaluation = council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today)
        #expect(evaluation.measures[2].alerts.map(\.rule).contains(.forecastMiss))
        let report = CommitteeReport(council: council, evaluation: evaluation, options: ReportFixture.options(audience: .public))
        #expect(!report.sections[0].plans[0].measures[1].alerts.map(\.rule).contains(.forecastMiss))
    }

    @Test("In public, a forecast alert made from values all shown is kept: a withheld value last year does not feed this year's")
    func publicForecastFromShownValues() throws {
        var council = ReportFixture.council
        council.measures[2].targets = TargetSchedule(byPeriod: [.financialYear(2026): 12])
        // March 2026's 4 withheld; April to September 14, 14, 13, 14, 14, 15, averaging 14, miss 12 (lower is better).
        let values: [Double] = [4, 14, 14, 13, 14, 14, 15]
        council.observations[2] = ObservationSeries(values.enumerated().map { Observation(period: .month(2026, 3 + $0.offset), value: $0.element) })
        let evaluation = council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today)
        #expect(evaluation.measures[2].forecast?.value == 14)
        let report = CommitteeReport(council: council, evaluation: evaluation, options: ReportFixture.options(audience: .public))
        #expect(report.sections[0].plans[0].measures[1].alerts.map(\.rule).contains(.forecastMiss))
    }

    @Test("In public, an alert on a measure that counts people gives no figures: its run in words")
    func publicReasonWithoutFigures() {
        var council = ReportFixture.council
        council.measures[1].smallNumbers = SmallNumbers(basis: .count)
        let report = CommitteeReport(
            council: council, evaluation: council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today),
            options: ReportFixture.options(audience: .public))
        let kbm1 = report.sections[0].plans[0].measures[0]
        #expect(kbm1.value == "70")
        #expect(kbm1.alerts.map(\.reason) == ["Missed its target by more than the tolerance for two periods running, to Q2 2026/27."])
    }
}
