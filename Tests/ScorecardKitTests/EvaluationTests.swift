import Testing

@testable import ScorecardKit

/// Builds a one-priority, one-plan council around the given measures and series.
func council(_ series: [(Measure, [Observation])], direct: [Int] = []) -> Council {
    let planMeasures = series.indices.filter { !direct.contains($0) }
    let plan = CouncilPlan(
        council: "Test Borough Council", title: "Council Plan",
        priorities: [
            Priority(code: "P1", title: "Priority", measures: direct,
                     plans: [DeliveryPlan(code: "DP1", title: "Plan", measures: planMeasures)])
        ])
    return Council(plan: plan, measures: series.map(\.0), observations: series.map(\.1))
}

func monthly(_ code: String, polarity: Polarity = .higherIsBetter, target: Double? = 90, tolerance: Tolerance? = .absolute(5)) -> Measure {
    Measure(code: code, title: code, unit: MeasureUnit("%"), decimals: 1, frequency: .monthly, polarity: polarity,
            targets: TargetSchedule(byPeriod: target.map { [.financialYear(2023): $0, .financialYear(2024): $0] } ?? [:]),
            tolerance: tolerance)
}

/// Observations for consecutive months starting at `start`; `nil` records a missing value.
func months(from start: Period, _ values: [Double?]) -> [Observation] {
    values.enumerated().map { Observation(period: start.advanced(by: $0.offset), value: $0.element) }
}

func date(_ y: Int, _ m: Int, _ d: Int) -> CivilDate { CivilDate(year: y, month: m, day: d) ?? CivilDate(dayNumber: 0) }

@Suite("Evaluation")
struct EvaluationTests {
    let q2 = Period.quarter(2024, 2)  // July to September 2024

    @Test("judges the last month of the reporting quarter, with direction of travel")
    func judgedPeriod() throws {
        // Sep 2023 = 88.0; Jul, Aug, Sep 2024 = 91.0, 92.5, 87.0.
        let obs = [Observation(period: .month(2023, 9), value: 88)] + months(from: .month(2024, 7), [91, 92.5, 87])
        let e = council([(monthly("M1"), obs)]).evaluate(asAt: q2, today: date(2024, 11, 24)).measures[0]
        #expect(e.period == .month(2024, 9))
        #expect(e.value == 87)
        #expect(e.target == 90)
        #expect(e.status == .withinTolerance)  // 3 short, tolerance 5
        #expect(e.sincePrevious == .worsening)  // 92.5 -> 87
        #expect(e.sinceLastYear == .worsening)  // 88 -> 87
        #expect(e.due == date(2024, 10, 30))
        #expect(e.alerts.isEmpty)
    }

    @Test("a value not yet due is not overdue: the period before is judged")
    func notYetDue() {
        let obs = months(from: .month(2024, 7), [91, 92.5])
        // September's value is due 30 October; on 15 October it is not late.
        let e = council([(monthly("M1"), obs)]).evaluate(asAt: q2, today: date(2024, 10, 15)).measures[0]
        #expect(e.period == .month(2024, 8))
        #expect(e.status == .onTrack)
        #expect(e.value == 92.5)
    }

    @Test("a value in before it is due is judged")
    func earlyValue() {
        let obs = months(from: .month(2024, 7), [91, 92.5, 80])
        let e = council([(monthly("M1"), obs)]).evaluate(asAt: q2, today: date(2024, 10, 15)).measures[0]
        #expect(e.period == .month(2024, 9))
        #expect(e.status == .offTrack)
    }

    @Test("a missing value past its due date is overdue, with a reason, never off track")
    func overdue() throws {
        let obs = months(from: .month(2024, 6), [91, 92.5, 93, nil])
        let e = council([(monthly("M1"), obs)]).evaluate(asAt: q2, today: date(2024, 11, 24)).measures[0]
        #expect(e.status == .overdue)
        #expect(e.value == nil)
        let alert = try #require(e.alerts.first)
        #expect(alert.rule == .overdue)
        // Due 30 October; 24 November is 25 days later.
        #expect(alert.reason == "No value for Sep 2024; it was due by 30 October 2024 (25 days overdue).")
        // No row at all for the month is overdue too.
        let noRow = council([(monthly("M1"), months(from: .month(2024, 6), [91, 92.5, 93]))]).evaluate(asAt: q2, today: date(2024, 11, 24))
        #expect(noRow.measures[0].status == .overdue)
        // August and September both missing: late since August's due date, 30 September (55 days to 24 November),
        // as the next due date says, and ranked by it.
        let twoMissing = council([(monthly("M1"), months(from: .month(2024, 6), [91, 92.5, nil, nil]))])
            .evaluate(asAt: q2, today: date(2024, 11, 24)).measures[0]
        let run = try #require(twoMissing.alerts.first)
        #expect(run.rule == .overdue && run.run == 2 && run.weight == 55)
        #expect(run.reason == "No value for 2 periods running (Aug 2024 to Sep 2024); Aug 2024 was due by 30 September 2024 (55 days overdue).")
    }

    @Test("nothing reported yet is no data, without an alert")
    func noData() {
        let e = council([(monthly("M1"), [])]).evaluate(asAt: q2, today: date(2024, 11, 24)).measures[0]
        #expect(e.status == .noData)
        #expect(e.alerts.isEmpty)
        // Values that start only after the judged period are no data too.
        let later = council([(monthly("M1"), months(from: .month(2024, 10), [90]))]).evaluate(asAt: q2, today: date(2024, 11, 24))
        #expect(later.measures[0].status == .noData)
    }

    @Test("no target or no polarity: not judged, but direction still shown")
    func notJudged() {
        let obs = months(from: .month(2024, 8), [100, 120])
        let c = council([(monthly("NT", target: nil), obs), (monthly("NP", polarity: .none), obs)])
        let e = c.evaluate(asAt: q2, today: date(2024, 11, 24))
        #expect(e.measures[0].status == .notJudged)
        #expect(e.measures[0].sincePrevious == .improving)
        #expect(e.measures[1].status == .notJudged)
        #expect(e.measures[1].sincePrevious == .increasing)
        #expect(e.alerts.isEmpty)
    }

    @Test("measures in development and retired measures are not judged or alerted")
    func lifecycle() {
        var dev = monthly("DEV")
        dev.lifecycle = .inDevelopment
        var old = monthly("OLD")
        old.lifecycle = .retired
        let obs = months(from: .month(2024, 7), [10, 10, 10])
        let e = council([(dev, obs), (old, obs)]).evaluate(asAt: q2, today: date(2024, 11, 24))
        #expect(e.measures.map(\.status) == [.inDevelopment, .retired])
        #expect(e.alerts.isEmpty)
        #expect(e.whole.measures == 1)
    }

    @Test("an observation's own target overrides the schedule")
    func observationTarget() {
        var obs = months(from: .month(2024, 9), [85])
        obs[0].target = 80
        let e = council([(monthly("M1"), obs)]).evaluate(asAt: q2, today: date(2024, 11, 24)).measures[0]
        #expect(e.target == 80)
        #expect(e.status == .onTrack)
    }

    @Test("off track twice running, across the year end, is one 'off track repeatedly' alert")
    func offTrackAcrossYearEnd() throws {
        let quarterly = Measure(
            code: "Q1", title: "Council tax collected", unit: MeasureUnit("%"), decimals: 1, frequency: .quarterly,
            targets: TargetSchedule(byPeriod: [.financialYear(2023): 95, .financialYear(2024): 96]), tolerance: .absolute(1))
        // Q3 2023/24 on track (95.5 v 95), Q4 off track (93.0 v 95), Q1 2024/25 off track (94.0 v 96).
        let obs = [
            Observation(period: .quarter(2023, 3), value: 95.5), Observation(period: .quarter(2023, 4), value: 93),
            Observation(period: .quarter(2024, 1), value: 94),
        ]
        let e = council([(quarterly, obs)]).evaluate(asAt: .quarter(2024, 1), today: date(2024, 11, 24))
        let alert = try #require(e.alerts.first)
        #expect(e.alerts.count == 1)
        #expect(alert.rule == .offTrackRepeatedly)
        #expect(alert.run == 2)
        #expect(alert.reason == "Off track for 2 periods running (Q4 2023/24 to Q1 2024/25): 94.0% against a target of 96.0%, 2.0 percentage points short in Q1 2024/25.")
        // As at Q4 alone it is a single miss.
        let single = council([(quarterly, obs)]).evaluate(asAt: .quarter(2023, 4), today: date(2024, 11, 24))
        #expect(single.alerts.map(\.rule) == [.offTrack])
        #expect(single.alerts[0].reason == "Off track in Q4 2023/24: 93.0% against a target of 95.0%, 2.0 percentage points short.")
        // A percentage named in words misses by points too ("2.0% short" of 95% reads as 1.9 points).
        var words = quarterly
        words.unit = MeasureUnit("per cent")
        let named = council([(words, obs)]).evaluate(asAt: .quarter(2023, 4), today: date(2024, 11, 24))
        #expect(named.alerts[0].reason == "Off track in Q4 2023/24: 93.0% against a target of 95.0%, 2.0 percentage points short.")
        #expect(MeasureJudgement.percentagePoints("1") == "1 percentage point" && MeasureJudgement.percentagePoints("1.0") == "1.0 percentage points")
    }

    @Test("a band measure whose value stays while its target moves away worsens, and says so")
    func bandWorsensAsItsTargetMoves() throws {
        // 12 every quarter; target 12 ±0.5 (0 outside), then 11 (0.5 outside), 10 (1.5), 9 (2.5): worse three times.
        var measure = Measure(code: "B1", title: "Band", frequency: .quarterly, polarity: .withinBand(halfWidth: 0.5))
        measure.targets = TargetSchedule(byPeriod: [
            .quarter(2025, 2): 12, .quarter(2025, 3): 11, .quarter(2025, 4): 10, .quarter(2026, 1): 9,
        ])
        let obs = [Period.quarter(2025, 2), .quarter(2025, 3), .quarter(2025, 4), .quarter(2026, 1)].map { Observation(period: $0, value: 12) }
        let e = council([(measure, obs)]).evaluate(asAt: .quarter(2026, 1), today: date(2026, 9, 1))
        #expect(e.measures[0].sincePrevious == .worsening, "12 then 12, 1.5 then 2.5 outside the band")
        let alert = try #require(e.alerts.first { $0.rule == .worsening })
        #expect(alert.run == 3)
        #expect(alert.reason == "Worse than the period before for 3 periods running: from 12 in Q2 2025/26 to 12 in Q1 2026/27 against targets of 12 and 9, further outside the band each time.")
    }

    @Test("a missing value breaks a run of off-track periods")
    func missingBreaksRun() {
        let obs = months(from: .month(2024, 6), [50, nil, 50, 50])
        let e = council([(monthly("M1"), obs)]).evaluate(asAt: q2, today: date(2024, 11, 24))
        #expect(e.alerts.first?.rule == .offTrackRepeatedly)
        #expect(e.alerts.first?.run == 2)
    }

    @Test("worse three periods running, across the year end, raises a worsening alert")
    func worsening() throws {
        // Jan 95, Feb 94, Mar 93, Apr 92 (2025): three falls in a row, all on track (target 90).
        let obs = months(from: .month(2025, 1), [95, 94, 93, 92])
        var measure = monthly("M1")
        measure.targets = TargetSchedule(byPeriod: [.financialYear(2024): 90, .financialYear(2025): 90])
        let e = council([(measure, obs)]).evaluate(asAt: .month(2025, 4), today: date(2025, 6, 1))
        let alert = try #require(e.alerts.first)
        #expect(e.measures[0].status == .onTrack)
        #expect(alert.rule == .worsening)
        #expect(alert.run == 3)
        #expect(alert.reason == "Worse than the period before for 3 periods running: from 95.0% in Jan 2025 to 92.0% in Apr 2025.")
        // Two falls are not enough.
        let two = council([(measure, obs)]).evaluate(asAt: .month(2025, 3), today: date(2025, 6, 1))
        #expect(two.alerts.isEmpty)
        // Lower is better: rising values are the worsening ones.
        var lower = measure
        lower.polarity = .lowerIsBetter
        let rising = council([(lower, months(from: .month(2025, 1), [1, 2, 3, 4]))]).evaluate(asAt: .month(2025, 4), today: date(2025, 6, 1))
        #expect(rising.alerts.map(\.rule).contains(.worsening))
        #expect(council([(lower, obs)]).evaluate(asAt: .month(2025, 4), today: date(2025, 6, 1)).alerts.isEmpty)
    }

    @Test("cumulative measures are judged against the profiled target, without a period-on-period direction")
    func cumulative() {
        let homes = Measure(
            code: "H", title: "Affordable homes", frequency: .quarterly, cumulative: true,
            targets: TargetSchedule(byPeriod: [.financialYear(2023): 100, .financialYear(2024): 120]), tolerance: .percent(10))
        // 2024/25 Q2 target is 60 (half of 120); 55 is 5 short, within 10% of 60 = 6.
        let obs = [
            Observation(period: .quarter(2023, 2), value: 40), Observation(period: .quarter(2024, 1), value: 30),
            Observation(period: .quarter(2024, 2), value: 55),
        ]
        let e = council([(homes, obs)]).evaluate(asAt: q2, today: date(2024, 11, 24)).measures[0]
        #expect(e.target == 60)
        #expect(e.status == .withinTolerance)
        #expect(e.sincePrevious == nil)
        #expect(e.sinceLastYear == .improving)  // 40 by Q2 last year, 55 this year
    }

    @Test("annual measures are judged on the last financial year that has ended")
    func annual() {
        let annual = Measure(code: "A", title: "Annual", frequency: .annual, polarity: .lowerIsBetter,
                             targets: TargetSchedule(byPeriod: [.financialYear(2023): 10]), lagDays: 90)
        let obs = [Observation(period: .financialYear(2022), value: 12), Observation(period: .financialYear(2023), value: 9)]
        let e = council([(annual, obs)]).evaluate(asAt: q2, today: date(2024, 11, 24)).measures[0]
        #expect(e.period == .financialYear(2023))
        #expect(e.status == .onTrack)
        #expect(e.sincePrevious == .improving)
    }

    @Test("roll-ups count each measure once at every level, and alerts beneath")
    func rollUps() {
        let today = date(2024, 11, 24)
        let green = months(from: .month(2024, 9), [95])
        let amber = months(from: .month(2024, 9), [87])
        let red = months(from: .month(2024, 9), [50])
        let late = months(from: .month(2024, 8), [95, nil])
        // Measures 0-3 under the plan; 4 hangs off the priority.
        let c = council(
            [(monthly("A"), green), (monthly("B"), amber), (monthly("C"), red), (monthly("D"), late), (monthly("E"), red)],
            direct: [4])
        let e = c.evaluate(asAt: q2, today: today)
        let plan = e.plans[0][0]
        #expect(plan.measures == 4)
        #expect((plan[.onTrack], plan[.withinTolerance], plan[.offTrack], plan[.overdue]) == (1, 1, 1, 1))
        // C off track, and (its year's average 50 against 90, half the year gone) forecast to miss; D overdue.
        #expect(plan.alerts == 3)
        #expect(e.priorityMeasures[0][.offTrack] == 1)
        #expect(e.priorities[0].measures == 5)
        #expect(e.priorities[0][.offTrack] == 2)
        #expect(e.priorities[0].alerts == 5)
        #expect(e.whole == e.priorities[0])
        #expect(e.whole.judged == 4)
    }

    @Test("alerts come worst first: repeated misses, single misses by size, overdue, forecasts by size, worsening")
    func ordering() {
        let today = date(2024, 11, 24)
        let c = council([
            (monthly("LATE"), months(from: .month(2024, 8), [95, nil])),
            (monthly("SMALL"), months(from: .month(2024, 9), [80])),
            (monthly("BIG"), months(from: .month(2024, 9), [40])),
            (monthly("AGAIN"), months(from: .month(2024, 8), [80, 80])),
        ])
        let e = c.evaluate(asAt: q2, today: today)
        #expect(e.alerts.map { c.measures[$0.measure].code } == ["AGAIN", "BIG", "SMALL", "LATE", "BIG", "SMALL", "AGAIN"])
        #expect(e.alerts.map(\.rule) == [.offTrackRepeatedly, .offTrack, .offTrack, .overdue, .forecastMiss, .forecastMiss, .forecastMiss])
    }

    @Test("misses are sized as members see the figures: 9.45 shown as 9 against 10 is 10% short, worse than 92 against 100")
    func orderingByFiguresShown() {
        func whole(_ code: String, target: Double) -> Measure {
            Measure(code: code, title: code, unit: MeasureUnit("number"), decimals: 0, frequency: .monthly, polarity: .higherIsBetter,
                    targets: TargetSchedule(byPeriod: [.financialYear(2024): target]), tolerance: nil)
        }
        let c = council([
            (whole("OB", target: 100), months(from: .month(2024, 9), [92])),
            (whole("OA", target: 10), months(from: .month(2024, 9), [9.45])),
        ])
        let e = c.evaluate(asAt: q2, today: date(2024, 11, 24))
        let misses = e.alerts.filter { $0.rule == .offTrack }
        // By the figures held, OA (0.55 of 10, 5.5%) came after OB (8 of 100): the reverse of the figures printed.
        #expect(misses.map { c.measures[$0.measure].code } == ["OA", "OB"])
        #expect(misses.first?.reason.contains("9 against a target of 10, 1 short") == true)
    }
}

@Suite("Sizes that memory budgets rest on")
struct MemoryLayoutTests {
    @Test("an observation takes 24 bytes, and keeps its commentary, quality, value, target and period")
    func observationIsCompact() {
        #expect(MemoryLayout<Observation>.stride == 24)
        var observation = Observation(period: .quarter(2024, 2), value: 4.5, target: nil, note: "Why", quality: .estimated)
        #expect(observation.period == .quarter(2024, 2))
        #expect(observation.value == 4.5)
        #expect(observation.target == nil)
        #expect(observation.note == "Why")
        observation.note = nil
        observation.target = 7
        #expect(observation.note == nil)
        #expect(observation.target == 7)
        #expect(observation.quality == .estimated)
        observation.note = "And why"
        observation.value = nil
        #expect(observation.target == 7)
        #expect(observation.note == "And why")
        #expect(observation.value == nil)
        #expect(observation != Observation(period: .quarter(2024, 2), value: nil, target: 7, note: "And", quality: .estimated))
        #expect(observation == Observation(period: .quarter(2024, 2), value: nil, target: 7, note: "And why", quality: .estimated))
    }

    @Test("a period takes 8 bytes and keeps its kind and ordinal, far beyond the years data may hold")
    func periodIsCompact() {
        #expect(MemoryLayout<Period>.stride == 8)
        #expect(MemoryLayout<Period?>.stride == 8)
        #expect(Period.month(2026, 9).ordinal == 2026 * 12 + 8)
        #expect(Period.month(2026, 9).kind == .month)
        #expect(Period(kind: .quarter, ordinal: -5).ordinal == -5)
        #expect(Period.month(9999, 12).advanced(by: 1_000_000).advanced(by: -1_000_000) == .month(9999, 12))
        #expect(Period(kind: .month, ordinal: 24_311) < Period(kind: .month, ordinal: 24_312))
    }

    @Test("a measure without comparators does not carry their room")
    func measureIsCompact() {
        // Comparators are boxed: inline, they made each of 50,000 measures about 100 bytes larger.
        #expect(MemoryLayout<Measure>.stride <= 300)
        var measure = Measure(code: "OUT-01", title: "Healthy life expectancy")
        #expect(measure.comparators == nil)
        let comparators = Comparators(source: .init(file: "phof.csv", area: "E06000001"))
        measure.comparators = comparators
        #expect(measure.comparators == comparators)
        #expect(measure != Measure(code: "OUT-01", title: "Healthy life expectancy"))
    }

    @Test("a measure's judgement takes 96 bytes, and keeps its due date, period, value, target and directions")
    func judgementIsCompact() {
        // Every measure is judged at every period looked at: 144 bytes each before its fields were ordered.
        #expect(MemoryLayout<MeasureEvaluation>.stride <= 96)
        var judged = MeasureEvaluation(
            status: .offTrack, period: .month(2024, 9), value: 78.5, target: 85, sincePrevious: .worsening,
            sinceLastYear: .improving, due: date(2024, 10, 30))
        #expect(judged.due == date(2024, 10, 30))
        #expect(judged.period == .month(2024, 9) && judged.value == 78.5 && judged.target == 85)
        #expect(judged.sincePrevious == .worsening && judged.sinceLastYear == .improving && judged.status == .offTrack)
        judged.due = nil
        #expect(judged.due == nil)
        judged.due = date(1000, 1, 1)
        #expect(judged.due == date(1000, 1, 1))
        #expect(MeasureEvaluation(status: .retired).due == nil)
    }
}
