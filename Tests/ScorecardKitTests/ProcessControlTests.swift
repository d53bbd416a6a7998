import Testing

@testable import ScorecardKit

/// Statistical process control and the year-end forecast as a measure's judgement carries them: which values the
/// chart uses, the alerts they raise, and hand-worked forecasts.
@Suite struct ProcessControlTests {
    let asAt = Period.quarter(2024, 2)  // July to September 2024
    let today = date(2024, 11, 24)

    /// A monthly measure (higher is better, target 90 for 2023/24 and 2024/25) with `values` ending in Sep 2024.
    func judged(_ values: [Double?], polarity: Polarity = .higherIsBetter, target: Double? = 90) -> MeasureEvaluation {
        let start = Period.month(2024, 9).advanced(by: 1 - values.count)
        return council([(monthly("M1", polarity: polarity, target: target), months(from: start, values))])
            .evaluate(asAt: asAt, today: today).measures[0]
    }

    @Test func elevenValuesAreTooFewAndTwelveAreEnough() {
        let values: [Double] = [91, 92, 90, 93, 91, 92, 90, 91, 93, 92, 91, 92]
        #expect(judged(Array(values.dropFirst())).processControl == nil)
        let control = judged(values).processControl
        #expect(control?.points == 12)
        #expect(control?.from == .month(2023, 10))
        #expect(control?.to == .month(2024, 9))
    }

    @Test func theLatestTwentyFourValuesUpToTheJudgedPeriodGapsSkipped() throws {
        // 30 months, Apr 2022 to Sep 2024, with Apr 2024 missing: the latest 24 values span 25 months, from
        // Sep 2022 (a full 24 would start in Oct 2022).
        var values: [Double?] = (0..<30).map { 90 + Double($0 % 3) }
        values[24] = nil
        let control = try #require(judged(values).processControl)
        #expect(control.points == 24)
        #expect(control.to == .month(2024, 9))
        #expect(control.from == .month(2022, 9))
        // The missing month is not a point: the variation letters skip it.
        #expect(control.special.allSatisfy { $0.period != .month(2024, 4) })
    }

    @Test func limitsAreWrittenWithTheDecimalsThatShowThem() throws {
        // A whole-number count 1, 2, ... 7, ... 1 (13 months): mean 49/13 = 3.769, moving ranges all 1, limits
        // 3.769 -/+ 2.66 = 1.109 and 6.429. The last 1 is below the lower limit: written 1.1, not 1, beside the 1,
        // and the mean and the other limit to the same decimal.
        let measure = Measure(code: "PK", title: "PK", frequency: .monthly, polarity: .higherIsBetter,
                              targets: TargetSchedule(byPeriod: [.financialYear(2023): 3, .financialYear(2024): 3]))
        let values: [Double?] = [1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1]
        let e = council([(measure, months(from: Period.month(2024, 9).advanced(by: -12), values))]).evaluate(asAt: asAt, today: today).measures[0]
        let reason = try #require(e.alerts.first { $0.rule == .specialCauseConcerning }?.reason)
        #expect(reason.contains("(1; mean 3.8, limits 1.1 to 6.4 over 13 values"), "\(reason)")
        // A percentage of one decimal: 96.142% beside 91.2% is 96.1%, and a limit of 91.24% beside 91.2% keeps its 4.
        let percent = Measure(code: "PC", title: "PC", unit: MeasureUnit("%"), decimals: 1, frequency: .monthly, polarity: .higherIsBetter)
        #expect(percent.formatStatistics(mean: 96.142, lower: 92.114, upper: 100.17, beside: 91.2) == ("96.1%", "92.1%", "100.2%"))
        #expect(percent.formatStatistics(mean: 96.142, lower: 91.24, upper: 100.17, beside: 91.2) == ("96.14%", "91.24%", "100.17%"))
        // Limits that would round onto the mean are written apart from it too: 10.2, 9.6 and 10.8, not 10, 10 and 11.
        let count = Measure(code: "CT", title: "CT", frequency: .monthly, polarity: .higherIsBetter)
        #expect(count.formatStatistics(mean: 10.2, lower: 9.6, upper: 10.8, beside: 12) == ("10.2", "9.6", "10.8"))
    }

    @Test func aFallBelowTheLowerLimitIsConcerningAndAlerts() throws {
        // Eleven months alternating 91/92 then 80: mean 1086/12 = 90.5; moving ranges ten 1s and an 11, whose mean
        // 21/11 = 1.91 screens the 11 out (11 >= 3.267 x 1.91 = 6.24), leaving 1: lower limit 87.84, and 80 is below it.
        let values: [Double] = [91, 92, 91, 92, 91, 92, 91, 92, 91, 92, 91, 80]
        let e = judged(values)
        let control = try #require(e.processControl)
        #expect(abs(control.mean - 1086.0 / 12) < 1e-9)
        #expect(abs(control.lowerLimit - 87.84) < 1e-9)
        #expect(control.variation == .concerning)
        #expect(control.signal == .belowLowerLimit)
        // Target 90 lies between the limits.
        #expect(control.assurance == .mayPassOrFail)
        #expect(e.alerts.map(\.rule).contains(.specialCauseConcerning))
        // The same fall, lower being better, is an improvement: no alert.
        let better = judged(values, polarity: .lowerIsBetter)
        #expect(better.processControl?.variation == .improving)
        #expect(!better.alerts.map(\.rule).contains(.specialCauseConcerning))
        // Without polarity: special cause low, and no assurance.
        let none = judged(values, polarity: .none)
        #expect(none.processControl?.variation == .low)
        #expect(none.processControl?.assurance == nil)
    }

    @Test func assuranceIsAboutTheProcessNotTheLatestValue() throws {
        // docs/judgement.md's example: 12 for 17 months then 3, target 10. Screening would leave only zero moving
        // ranges, so the centre is the median, 12, and the limits 12 ± 2.66 × 9/17 = 10.59 to 13.41; the target
        // lies below them: "consistently passes", beside an off-track 3 that is special cause concerning.
        let judgement = judged(Array(repeating: 12, count: 17) + [3], target: 10)
        let control = try #require(judgement.processControl)
        #expect(control.centreIsMedian && control.mean == 12)
        #expect(abs(control.lowerLimit - (12 - 2.66 * 9 / 17)) < 1e-9 && abs(control.upperLimit - (12 + 2.66 * 9 / 17)) < 1e-9)
        #expect((control.lowerLimit * 100).rounded() / 100 == 10.59 && (control.upperLimit * 100).rounded() / 100 == 13.41)
        #expect(control.assurance == .consistentlyPasses)
        #expect(control.variation == .concerning && judgement.status == .offTrack)
    }

    @Test func aTargetAboveTheLimitsConsistentlyFails() throws {
        let values: [Double] = [81, 82, 81, 82, 81, 82, 81, 82, 81, 82, 81, 82]
        // Mean 81.5, limits 78.84 to 84.16: a target of 90 can never be met.
        #expect(judged(values).processControl?.assurance == .consistentlyFails)
        #expect(judged(values, target: 70).processControl?.assurance == .consistentlyPasses)
        #expect(judged(values, target: nil).processControl?.assurance == nil)
    }

    @Test func cumulativeMeasuresAreNotCharted() {
        let measure = Measure(
            code: "C1", title: "C1", frequency: .monthly, cumulative: true,
            targets: TargetSchedule(byPeriod: [.financialYear(2024): 1200]))
        let values: [Double?] = (0..<24).map { Double(($0 % 12) + 1) * 100 }
        let e = council([(measure, months(from: .month(2022, 10), values))]).evaluate(asAt: asAt, today: today).measures[0]
        #expect(e.processControl == nil)
    }

    // MARK: Forecasts

    func cumulative(profile: [Double]? = nil) -> Measure {
        Measure(
            code: "C1", title: "C1", frequency: .quarterly, polarity: .higherIsBetter, cumulative: true,
            targets: TargetSchedule(byPeriod: [.financialYear(2024): 1000], profile: profile))
    }

    func forecast(_ measure: Measure, _ values: [Double?], asAt: Period) -> MeasureEvaluation {
        let obs = values.enumerated().map { Observation(period: .quarter(2024, $0.offset + 1), value: $0.element) }
        return council([(measure, obs)]).evaluate(asAt: asAt, today: date(2025, 6, 1)).measures[0]
    }

    @Test func aCumulativeMeasureWarnsInQ2OnItsRunRate() throws {
        // 200 in Q1, 420 by Q2: 420 x 4 / 2 = 840 against 1,000, 160 short.
        let q2 = forecast(cumulative(), [200, 420], asAt: .quarter(2024, 2))
        let f = try #require(q2.forecast)
        #expect(f.method == .runRate)
        #expect(f.value == 840)
        #expect(f.target == 1000)
        #expect(f.misses == true)
        #expect(f.shortfall == 160)
        #expect(q2.alerts.map(\.rule).contains(.forecastMiss))
        let reason = try #require(q2.alerts.first { $0.rule == .forecastMiss }).reason
        #expect(reason == "At the rate of the first 2 of 4 quarters, 2024/25 is forecast to end at 840 against a target of 1,000, 160 short.")
        // In Q1 it is too early to warn; 200 x 4 = 800 misses, but no alert yet.
        let q1 = forecast(cumulative(), [200], asAt: .quarter(2024, 1))
        #expect(q1.forecast?.value == 800)
        #expect(q1.forecast?.misses == true)
        #expect(!q1.alerts.map(\.rule).contains(.forecastMiss))
        // In Q4 the year is over: the value is the outturn, judged against the target as it stands.
        let q4 = forecast(cumulative(), [200, 420, 640, 900], asAt: .quarter(2024, 4))
        #expect(q4.forecast?.value == 900)
        #expect(!q4.alerts.map(\.rule).contains(.forecastMiss))
    }

    @Test func aProfileSaysHowMuchOfTheYearShouldBeDone() throws {
        // Profile 10/30/60/100%: 420 by Q2 is 420 / 0.3 = 1,400, beyond the target.
        let q2 = forecast(cumulative(profile: [10, 30, 60, 100]), [200, 420], asAt: .quarter(2024, 2))
        let f = try #require(q2.forecast)
        #expect(f.method == .profile)
        #expect(abs(f.value - 1400) < 1e-9)
        #expect(f.misses == false)
        #expect(f.shortfall == nil)
        #expect(!q2.alerts.map(\.rule).contains(.forecastMiss))
    }

    @Test("no forecast is made from a figure beyond what can be taken (a database edited by hand), as no status is")
    func noForecastFromAnInsaneValue() {
        let judged = council([(monthly("M1"), months(from: .month(2024, 4), [89, 1e308, 84]))]).evaluate(asAt: asAt, today: today).measures[0]
        #expect(judged.forecast == nil)
        #expect(!judged.alerts.map(\.rule).contains(.forecastMiss))
    }

    @Test func aMeasureWithAnAnnualTargetIsForecastOnItsAverageSoFar() throws {
        // Apr-Sep 2024: 89, 88, 84, 80, 79, 78 average 83.0 against 90: 7.0 short, beyond the tolerance of 5, and
        // half the year is gone.
        let values: [Double?] = [89, 88, 84, 80, 79, 78]
        let e = council([(monthly("M1"), months(from: .month(2024, 4), values))]).evaluate(asAt: asAt, today: today).measures[0]
        let f = try #require(e.forecast)
        #expect(f.method == .averageSoFar)
        #expect(f.value == 83)
        #expect(f.misses == true)
        #expect(f.shortfall == 7)
        #expect(f.status == .offTrack)
        #expect(e.alerts.map(\.rule).contains(.forecastMiss))
        // 4.0 short is within the tolerance: the forecast misses, at risk, with no alert.
        let atRisk = council([(monthly("M1"), months(from: .month(2024, 4), [86, 86]))]).evaluate(asAt: asAt, today: today).measures[0]
        #expect(atRisk.forecast?.misses == true)
        #expect(atRisk.forecast?.status == .withinTolerance)
        #expect(!atRisk.alerts.map(\.rule).contains(.forecastMiss))
        // 89.96 rounds to the measure's 90.0: it does not miss.
        let close = council([(monthly("M1"), months(from: .month(2024, 4), [89.96]))]).evaluate(asAt: asAt, today: today).measures[0]
        #expect(close.forecast?.misses == false)
        // Without polarity a forecast is shown but misses nothing.
        let none = council([(monthly("M1", polarity: .none), months(from: .month(2024, 4), values))])
            .evaluate(asAt: asAt, today: today).measures[0]
        #expect(none.forecast?.misses == nil)
        #expect(none.alerts.isEmpty)
    }

    @Test func aProfileThatEndsShortOfTheWholeTarget() throws {
        // Profile 25/50/75/90%: 500 by Q2 is on course for 500 / 0.5 x 0.9 = 900, the year-end target 1,000 x 0.9.
        let f = try #require(forecast(cumulative(profile: [25, 50, 75, 90]), [250, 500], asAt: .quarter(2024, 2)).forecast)
        #expect(abs(f.value - 900) < 1e-9)
        #expect(abs(f.target - 900) < 1e-9)
        #expect(f.misses == false)
    }

    @Test func aBandMissesOutsideIt() throws {
        // Within 2 of 90: an average of 86 is 2 outside the band.
        let band = Measure(
            code: "B1", title: "B1", frequency: .monthly, polarity: .withinBand(halfWidth: 2),
            targets: TargetSchedule(byPeriod: [.financialYear(2024): 90]))
        let e = council([(band, months(from: .month(2024, 4), [86, 86, 86, 86, 86, 86]))]).evaluate(asAt: asAt, today: today).measures[0]
        let f = try #require(e.forecast)
        #expect(f.misses == true)
        #expect(f.shortfall == 2)
        let reason = try #require(e.alerts.first { $0.rule == .forecastMiss }).reason
        #expect(reason.hasSuffix("2 outside the band."))
    }

    @Test func aProjectionStaysWithinTheMeasuresLimits() throws {
        // A cumulative count can never be forecast below zero, nor a percentage above 100.
        let pct = Measure(
            code: "P1", title: "P1", unit: MeasureUnit("%"), frequency: .quarterly, cumulative: true,
            targets: TargetSchedule(byPeriod: [.financialYear(2024): 100]))
        #expect(forecast(pct, [40, 60], asAt: .quarter(2024, 2)).forecast?.value == 100)
    }
}

/// What a judgement keeps of its chart and forecast when made for a dashboard's lists.
@Suite struct OutlookSelectionTests {
    let asAt = Period.quarter(2024, 2)
    let today = date(2024, 11, 24)

    /// Two measures with a chart (the second's last point concerning) and a year-end forecast each.
    func twoCharted() -> Council {
        let steady: [Double] = [91, 92, 90, 93, 91, 92, 90, 91, 93, 92, 91, 92]
        let falling: [Double] = [91, 92, 91, 92, 91, 92, 91, 92, 91, 92, 91, 80]
        return council([
            (monthly("M1"), months(from: .month(2023, 10), steady)),
            (monthly("M2"), months(from: .month(2023, 10), falling)),
        ])
    }

    @Test("only the measures asked for keep their chart and forecast; every measure keeps its variation, assurance, status and alerts")
    func onlyTheMeasuresAskedFor() throws {
        let council = twoCharted()
        let full = council.evaluate(asAt: asAt, today: today)
        let lists = council.evaluate(asAt: asAt, today: today, outlooks: .of([0]))
        let kept = lists.measures[0]
        #expect(kept.hasOutlook)
        #expect(kept == full.measures[0])
        let summary = lists.measures[1]
        #expect(!summary.hasOutlook)
        #expect(summary.processControl == nil)
        #expect(summary.forecast == nil)
        #expect(full.measures[1].processControl != nil)
        #expect(full.measures[1].forecast != nil)
        // M2's last point fell below the lower limit (87.84): special cause concerning; target 90 lies within the limits.
        #expect(summary.process == ProcessSummary(variation: .concerning, assurance: .mayPassOrFail))
        #expect(summary.status == full.measures[1].status)
        #expect(summary.alerts == full.measures[1].alerts)
        #expect(summary.alerts.contains { $0.rule == .specialCauseConcerning })
        #expect(lists.alerts == full.alerts)
        #expect(lists.whole == full.whole)
    }

    @Test("judging again keeps the outlooks asked for before, and adds those newly asked for")
    func rejudgingKeepsAndAdds() throws {
        let council = twoCharted()
        let full = council.evaluate(asAt: asAt, today: today)
        let lists = council.evaluate(asAt: asAt, today: today, outlooks: .of([0]))
        let again = lists.rejudging([0, 1], in: council)
        #expect(again.measures[0] == full.measures[0])
        #expect(again.measures[1].processControl == nil)
        let opened = lists.rejudging([], in: council, keepingOutlooksOf: [1])
        #expect(opened.judgedCount == 1)
        #expect(opened.measures[1] == full.measures[1])
        #expect(opened.outlooks == .of([0, 1]))
        #expect(opened.rejudging([], in: council, keepingOutlooksOf: [1]).judgedCount == 0, "kept already: not judged again")
    }
}
