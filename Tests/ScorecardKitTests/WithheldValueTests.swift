import Foundation
import Testing

@testable import ScorecardKit

/// Small numbers where they are withheld (a meeting's screens): the values taken out of the data, and how the rest is
/// judged without them.
@Suite("Small numbers withheld")
struct WithheldValueTests {
    /// Rough sleepers counted monthly, lower is better, target 5: Apr 0, May 3, Jun 6, Jul 2, Aug 8, Sep 4.
    static func council(today: CivilDate = CivilDate(year: 2026, month: 11, day: 24)!) -> Council {
        var measure = Measure(code: "RS-1", title: "People sleeping rough", frequency: .monthly, smallNumbers: SmallNumbers(basis: .count))
        measure.polarity = .lowerIsBetter
        measure.targets = TargetSchedule(byPeriod: [.financialYear(2026): 5])
        let values: [Double] = [0, 3, 6, 2, 8, 4]
        let observations = values.enumerated().map { i, value in
            Observation(period: .month(2026, 4 + i), value: value, note: "Count on the night: \(Int(value))", quality: .validated)
        }
        let plan = CouncilPlan(council: "Test", title: "Plan", reportingPeriod: nil, priorities: [
            Priority(code: "P1", title: "Homes", lead: "", description: "", measures: [0], plans: []),
        ])
        return Council(plan: plan, measures: [measure], observations: [observations])
    }

    @Test("a count of 1 to 4 is withheld: no value, commentary or quality; its period and target stay, and 0 and 5+ are shown")
    func withholds() {
        var council = Self.council()
        council.withholdSmallNumbers(ofMeasures: [0])
        let shown = Array(council.observations[0])
        #expect(shown.map(\.isWithheld) == [false, true, false, true, false, true])
        #expect(shown.map(\.value) == [0, nil, 6, nil, 8, nil])
        #expect(shown.filter(\.isWithheld).allSatisfy { $0.note == nil && $0.quality == nil && $0.isReported })
        #expect(shown[2].note == "Count on the night: 6")
        // Again over what is withheld: nothing more, nothing back.
        var again = council
        again.withholdSmallNumbers(ofMeasures: [0])
        #expect(Array(again.observations[0]) == shown)
        // Its national comparators go too: the council's own figure beside England's narrows a count down.
        var compared = Self.council()
        compared.measures[0].comparators = Comparators(source: .init(file: "phof.csv", area: "E06000001"))
        compared.withholdSmallNumbers(ofMeasures: [0])
        #expect(compared.measures[0].comparators == nil)
        // A measure without small numbers keeps every value.
        var plain = Self.council()
        plain.measures[0].smallNumbers = nil
        plain.withholdSmallNumbers(ofMeasures: [0])
        #expect(plain.observations[0].allSatisfy { !$0.isWithheld })
    }

    @Test("a withheld value is judged as reported, not judged on: no status, direction, alert or overdue")
    func judgedWithout() {
        var council = Self.council()
        council.withholdSmallNumbers(ofMeasures: [0])
        let today = CivilDate(year: 2026, month: 11, day: 24)!
        // As at Q2: September's 4 is withheld.
        let september = council.evaluate(asAt: .quarter(2026, 2), today: today).measures[0]
        #expect(september.period == .month(2026, 9) && september.status == .notJudged && september.value == nil)
        #expect(september.alerts.isEmpty && september.sincePrevious == nil && september.observation?.isWithheld == true)
        // August's 8, against 5, is off track; July's withheld 2 ends the run (not "off track repeatedly"), and August
        // has no direction against July.
        let august = council.evaluate(asAt: .month(2026, 8), today: today).measures[0]
        #expect(august.status == .offTrack && august.alerts.map(\.rule) == [.offTrack] && august.sincePrevious == nil)
        // Officers (nothing withheld): the same periods judged on their values, with the year's forecast.
        let officers = Self.council().evaluate(asAt: .quarter(2026, 2), today: today).measures[0]
        #expect(officers.status == .onTrack && officers.value == 4 && officers.forecast != nil)
        // No forecast from the values shown alone (the smallest left out, it came out too high: 4.7 for 3.8).
        #expect(august.forecast == nil)
        // October not in, due by 30 November: not yet overdue on 24 November, overdue in December; September's
        // withheld value counts as in (the next due is October, not September).
        #expect(council.nextPeriod(forMeasure: 0, judged: .month(2026, 9), today: today) == .month(2026, 10))
        let december = council.evaluate(asAt: .quarter(2026, 3), today: CivilDate(year: 2026, month: 12, day: 6)!).measures[0]
        #expect(december.period == .month(2026, 10) && december.status == .overdue)
        // October alone is overdue: September's withheld value is not missing.
        #expect(december.alerts.first { $0.rule == .overdue }?.run == 1)
    }

    @Test("a forecast or process limits are given when every value they are made from is shown, whatever was withheld before")
    func outlookFromShownValues() throws {
        // Last year's 2 (March 2026) withheld; this year's 6, 7, 5, 6, 7, 8 all shown, against 5, lower is better.
        var council = Self.council()
        let values: [Double] = [9, 8, 7, 9, 8, 6, 7, 8, 9, 7, 6, 2, 6, 7, 5, 6, 7, 8]
        council.observations[0] = ObservationSeries(values.enumerated().map { i, value in
            Observation(period: Period.month(2025, 4).advanced(by: i), value: value)
        })
        council.withholdSmallNumbers(ofMeasures: [0])
        #expect(council.observations[0].filter(\.isWithheld).map(\.period) == [.month(2026, 3)])
        let today = CivilDate(year: 2026, month: 11, day: 24)!
        let september = council.evaluate(asAt: .quarter(2026, 2), today: today).measures[0]
        // The year's six values average 6.5: a year of them misses 5 (hand-checked: the mean is the forecast).
        let forecast = try #require(september.forecast)
        #expect(forecast.value == 6.5 && forecast.basis == .month(2026, 9) && forecast.status == .offTrack)
        #expect(september.alerts.map(\.rule).contains(.forecastMiss))
        // The chart's last 18 points take in March's withheld value: no limits from the rest.
        #expect(september.processControl == nil)
        // Officers see the limits, from every value.
        var all = Self.council()
        all.observations[0] = ObservationSeries(values.enumerated().map { i, value in
            Observation(period: Period.month(2025, 4).advanced(by: i), value: value)
        })
        #expect(all.evaluate(asAt: .quarter(2026, 2), today: today).measures[0].processControl != nil)
    }

    @Test("a withheld observation keeps its flag where a measure's observations are held in columns")
    func columns() {
        let withheld = Observation(period: .month(2026, 5), value: 3, target: 5, note: "x", quality: .estimated).withheld
        let series = ObservationSeries([withheld, Observation(period: .month(2026, 6), value: 6)])
        #expect(series[0] == withheld && series[0].isWithheld && series[0].target == 5 && !series[1].isWithheld)
    }
}
