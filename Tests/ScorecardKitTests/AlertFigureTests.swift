import Testing

@testable import ScorecardKit

/// The figures in an alert's reason agree with each other as a reader sees them: the shortfall is the difference
/// of the value and target shown beside it, written with as many decimals as show it.
@Suite("Figures in alert reasons")
struct AlertFigureTests {
    func alerts(_ measure: Measure, _ observations: [Observation], asAt: Period) -> [Alert] {
        council([(measure, observations)]).evaluate(asAt: asAt, today: date(2027, 6, 1)).measures[0].alerts
    }

    @Test("66.5 shown as 67 against 70 is 3 short, not the 4 that 3.5 rounds to")
    func shortfallOfTheShownValue() throws {
        let annual = Measure(code: "A1", title: "A1", frequency: .annual, targets: TargetSchedule(byPeriod: [.financialYear(2025): 70]))
        let reasons = alerts(annual, [Observation(period: .financialYear(2025), value: 66.5)], asAt: .financialYear(2025)).map(\.reason)
        #expect(reasons.contains("Off track in 2025/26: 67 against a target of 70, 3 short."))
    }

    @Test("17 against a target of 17.2 is 0.2 short, not 0 short")
    func shortfallBelowTheMeasuresDecimals() throws {
        let measure = Measure(
            code: "F1", title: "F1", frequency: .quarterly, cumulative: true,
            targets: TargetSchedule(byPeriod: [.financialYear(2026): 34.4]), tolerance: .absolute(0))
        let observations = [Observation(period: .quarter(2026, 1), value: 9), Observation(period: .quarter(2026, 2), value: 17)]
        let reasons = alerts(measure, observations, asAt: .quarter(2026, 2)).map(\.reason)
        #expect(reasons.contains("Off track in Q2 2026/27: 17 against a target of 17.2, 0.2 short."))
        #expect(reasons.contains("At the rate of the first 2 of 4 quarters, 2026/27 is forecast to end at 34 against a target of 34.4, 0.4 short."))
    }

    @Test("an average forecast of 42.5, shown as 43, against 50 is 7 short")
    func forecastShortfallOfTheShownValue() throws {
        let measure = Measure(
            code: "Q1", title: "Q1", frequency: .quarterly, targets: TargetSchedule(byPeriod: [.financialYear(2026): 50]),
            tolerance: .absolute(0))
        let observations = [Observation(period: .quarter(2026, 1), value: 43), Observation(period: .quarter(2026, 2), value: 42)]
        let reasons = alerts(measure, observations, asAt: .quarter(2026, 2)).map(\.reason)
        #expect(reasons.contains { $0.hasSuffix("2026/27 is forecast to end at 43 against a target of 50, 7 short.") }, "\(reasons)")
    }

    @Test("a cumulative measure's forecast aims at a target its last period's row sets, as that period is judged")
    func forecastAimsAtTheLastPeriodsOwnTarget() throws {
        let measure = Measure(
            code: "C1", title: "C1", frequency: .quarterly, cumulative: true,
            targets: TargetSchedule(byPeriod: [.financialYear(2026): 1000]), tolerance: .absolute(0))
        let observations = [
            Observation(period: .quarter(2026, 1), value: 200), Observation(period: .quarter(2026, 2), value: 420),
            Observation(period: .quarter(2026, 4), value: nil, target: 1200),
        ]
        let judged = council([(measure, observations)]).evaluate(asAt: .quarter(2026, 2), today: date(2026, 11, 24)).measures[0]
        let forecast = try #require(judged.forecast)
        #expect(forecast.value == 840 && forecast.target == 1200 && forecast.shortfall == 360)
        #expect(judged.alerts.map(\.reason).contains(
            "At the rate of the first 2 of 4 quarters, 2026/27 is forecast to end at 840 against a target of 1,200, 360 short."))
    }

    @Test("a value is overdue the day after its due date, not on it, and one day late is \"1 day overdue\"")
    func overdueAfterTheDueDate() throws {
        let measure = Measure(code: "O1", title: "O1", frequency: .quarterly, targets: TargetSchedule(byPeriod: [.financialYear(2026): 5]))
        let observations = [Observation(period: .quarter(2026, 1), value: 6)]
        let due = measure.dueDate(for: .quarter(2026, 2))
        let onTheDay = council([(measure, observations)]).evaluate(asAt: .quarter(2026, 2), today: due).measures[0]
        #expect(onTheDay.status == .onTrack && onTheDay.period == .quarter(2026, 1), "on its due date Q2 is not late yet")
        let dayAfter = council([(measure, observations)]).evaluate(asAt: .quarter(2026, 2), today: due.adding(days: 1)).measures[0]
        #expect(dayAfter.status == .overdue)
        #expect(dayAfter.alerts.first?.reason.hasSuffix("(1 day overdue).") == true, "\(dayAfter.alerts.map(\.reason))")
    }

    @Test("rows written by hand for a period not of the measure's frequency, or in the future, move neither its values nor what is due next")
    func nonsensePeriodsIgnored() throws {
        let monthly = Measure(code: "M1", title: "M1", frequency: .monthly, targets: TargetSchedule(byPeriod: [.financialYear(2026): 5]))
        let observations = [
            Observation(period: .month(2026, 9), value: 6), Observation(period: .quarter(2026, 3), value: 99),
            Observation(period: .month(8333, 5), value: 33),
        ]
        let council = council([(monthly, observations)])
        #expect(council.observations[0].map(\.period) == [.month(2026, 9), .month(8333, 5)], "the quarter is not a month's value")
        let judged = council.evaluate(asAt: .quarter(2026, 2), today: date(2026, 11, 24)).measures[0]
        #expect(judged.period == .month(2026, 9) && judged.value == 6)
        #expect(council.nextPeriod(forMeasure: 0, judged: judged.period, today: date(2026, 11, 24)) == .month(2026, 10))
    }

    @Test("what is due next skips periods whose value is in already, but not a missing one before them")
    func nextPeriodAfterALaterValue() throws {
        // As at Q2 (September judged), October's value entered on 24 November: November is wanted next, due by
        // 30 December (lag 30), not October again. A measure last heard of in January 2024 wants February 2024.
        let monthly = Measure(code: "M1", title: "M1", frequency: .monthly, targets: TargetSchedule(byPeriod: [.financialYear(2026): 5]))
        let today = date(2026, 11, 24)
        let gap = council([(monthly, [Observation(period: .month(2026, 8), value: 6), Observation(period: .month(2026, 10), value: 4)])])
        let council = council([
            (monthly, [Observation(period: .month(2026, 9), value: 6), Observation(period: .month(2026, 10), value: 4)]),
            (monthly, [Observation(period: .month(2024, 1), value: 6)]),
        ])
        let judged = council.evaluate(asAt: .quarter(2026, 2), today: today).measures
        #expect(judged[0].period == .month(2026, 9))
        #expect(council.nextPeriod(forMeasure: 0, judged: judged[0].period, today: today) == .month(2026, 11))
        #expect(council.nextPeriod(forMeasure: 1, judged: judged[1].period, today: today) == .month(2024, 2))
        // Looking back at Q4 2025/26, March 2026 has no value: it is the one wanted. A missing month before a value
        // entered after it is still wanted (September missing, October in: September, overdue).
        let past = council.evaluate(asAt: .quarter(2025, 4), today: today).measures
        #expect(council.nextPeriod(forMeasure: 0, judged: past[0].period, today: today) == .month(2026, 3))
        let gapJudged = gap.evaluate(asAt: .quarter(2026, 2), today: today).measures[0]
        #expect(gapJudged.status == .overdue)
        #expect(gap.nextPeriod(forMeasure: 0, judged: gapJudged.period, today: today) == .month(2026, 9))
        let status = StatusReport(council: council, evaluation: council.evaluate(asAt: .quarter(2026, 2), today: today))
        #expect(status.measures[0].nextPeriod == "2026-11")
        #expect(status.measures[0].nextDue == monthly.dueDate(for: .month(2026, 11)).description)
    }
}
