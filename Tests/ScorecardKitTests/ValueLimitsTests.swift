import Foundation
import Testing

@testable import ScorecardKit

@Suite("Value limits, periods not yet ended, and numbers of any size")
struct ValueLimitsTests {
    static let percentage = Measure(code: "P", title: "P", unit: MeasureUnit("%"), decimals: 1)
    static let count = Measure(code: "C", title: "C")
    static let money = Measure(code: "M", title: "M", unit: MeasureUnit("£"))

    @Test("a percentage is 0 to 100, a count 0 or more, money anything within ±10^15, unless the measure says otherwise")
    func defaults() {
        #expect(Self.percentage.problem(withValue: 0) == nil)
        #expect(Self.percentage.problem(withValue: 100) == nil)
        #expect(Self.percentage.problem(withValue: 100.01) == "100.01% is above this measure's maximum of 100.0% (a percentage; give the measure a min and max (in framework.yaml, measures.csv or the Measures sheet) to allow other values)")
        #expect(Self.percentage.problem(withValue: -0.01) != nil)
        // 9,750%: 97.5 in a spreadsheet's cell formatted as a percentage.
        #expect(Self.percentage.problem(withValue: 9_750) == "9,750.0% is above this measure's maximum of 100.0% (a percentage: 97.5% meant? "
            + "Give 97.5; in a spreadsheet, a cell formatted as a percentage shows 97.5 a hundred times over: enter 0.975 there, or format the "
            + "cell as a number)")
        #expect(Self.count.problem(withValue: 0) == nil)
        #expect(Self.count.problem(withValue: -1) == "-1 is below this measure's minimum of 0 (a count; give the measure a min and max (in framework.yaml, measures.csv or the Measures sheet) to allow other values)")
        // A value rounding onto its limit is written in full, not as the limit itself.
        #expect(Self.count.problem(withValue: -1e-300)?.hasPrefix("-1e-300 is below this measure's minimum of 0 ") == true)
        #expect(Self.percentage.problem(withValue: 100.00000000001)?.hasPrefix("100.00000000001 is above this measure's maximum of 100.0%") == true)
        #expect(Self.money.problem(withValue: -2_500_000) == nil)
        #expect(Self.money.problem(withValue: 1e15) == nil)
        #expect(Self.money.problem(withValue: -1e15) == nil)
        #expect(Self.money.problem(withValue: 1.000_000_1e15) == "1000000100000000.0 is out of range (numbers must lie within ±1,000,000,000,000,000)")
        #expect(Self.money.problem(withValue: .infinity) == "the number is out of range (numbers must lie within ±1,000,000,000,000,000)")
        #expect(Self.money.problem(withValue: .nan) == "the number is not a number")
    }

    @Test("min and max in the framework replace the defaults")
    func declared() {
        var change = Self.percentage
        change.minimum = -50
        change.maximum = 250
        #expect(change.problem(withValue: -20) == nil)
        #expect(change.problem(withValue: 180) == nil)
        #expect(change.problem(withValue: 250.5) == "250.5% is above this measure's maximum of 250.0%")
        var capped = Self.money
        capped.maximum = 1000
        #expect(capped.problem(withValue: -5) == nil, "only the limit given applies")
        #expect(capped.problem(withValue: 1001) == "£1,001 is above this measure's maximum of £1,000")
    }

    @Test("the quick check a file's rows get agrees with the message, at and beside every limit")
    func quickCheckAgrees() {
        var banded = Self.money
        banded.minimum = -7.5
        banded.maximum = 12
        let values: [Double] = [
            0, -0.0, 100, 100.000001, -0.01, 12, 12.0000001, -7.5, -7.5000001, 1e15, -1e15, 1.0000001e15, .infinity,
            -.infinity, .nan, .leastNonzeroMagnitude,
        ]
        for measure in [Self.percentage, Self.count, Self.money, banded] {
            for value in values {
                #expect(measure.valueLimits.allows(value) == (measure.problem(withValue: value) == nil), "\(measure.code) \(value)")
            }
        }
        #expect(!Self.percentage.valueLimits.allows(100.01) && Self.percentage.valueLimits.allows(100))
        #expect(!banded.valueLimits.allows(-7.51) && banded.valueLimits.allows(-7.5) && !Self.count.valueLimits.allows(.nan))
    }

    @Test("numbers of any finite size are written in full, grouped, without a trap")
    func formatting() {
        #expect(NumberText.grouped(1e15, decimals: 0) == "1,000,000,000,000,000")
        #expect(NumberText.grouped(-1e19, decimals: 0) == "-10,000,000,000,000,000,000")
        #expect(NumberText.grouped(9.3e18, decimals: 2) == "9,300,000,000,000,000,000.00")
        #expect(NumberText.grouped(1e19, decimals: 6) == "10,000,000,000,000,000,000.000000")
        #expect(NumberText.grouped(123_456_789.125, decimals: 2) == "123,456,789.13")
        // 2^64 exactly, and the largest double (309 digits, starting 17976931348623157).
        #expect(NumberText.grouped(18_446_744_073_709_551_616, decimals: 0) == "18,446,744,073,709,551,616")
        let largest = NumberText.grouped(.greatestFiniteMagnitude, decimals: 1)
        #expect(largest.hasPrefix("179,769,313,486,231,570,"))
        #expect(largest.filter(\.isNumber).count == 309 + 1)
        #expect(NumberText.grouped(.nan, decimals: 0) == "–")
        #expect(Self.percentage.format(-1e308).hasPrefix("-1"))
    }

    @Test("positions from any value never trap")
    func saturating() {
        #expect(Int(saturating: 1e19) == .max)
        #expect(Int(saturating: -1e308) == .min)
        #expect(Int(saturating: .nan) == 0)
        #expect(Int(saturating: -3.7) == -3)
        #expect(5.0.fraction(between: 0, and: 10) == 0.5)
        #expect(1e308.fraction(between: -1e308, and: 1e308) == 1)
        #expect(1.0.fraction(between: 1, and: 1) == 0.5)
    }

    @Test("a period has ended on the day after its last")
    func ended() throws {
        let november = Period.month(2026, 11)
        #expect(!november.hasEnded(by: try #require(CivilDate(year: 2026, month: 11, day: 30))))
        #expect(november.hasEnded(by: try #require(CivilDate(year: 2026, month: 12, day: 1))))
        let today = try #require(CivilDate(year: 2026, month: 12, day: 2))
        #expect(Period.latestEnded(kind: .month, by: today) == november)
        #expect(Period.latestEnded(kind: .quarter, by: today) == .quarter(2026, 2))
        #expect(Period.latestEnded(kind: .financialYear, by: today) == .financialYear(2025))
        #expect(Period.latestEnded(kind: .calendarYear, by: today) == .calendarYear(2025))
    }

    @Test("the data files may not hold a value for a period that has not ended, but may hold its target")
    func futureValuesInFiles() throws {
        let header = "measure,period,value,target,note,quality\n"
        let today = try #require(CivilDate(year: 2024, month: 11, day: 24))
        let future = try Fixture.write(observations: Array((header + "KBI-01,2024-11,90,,,\n").utf8))
        #expect(throws: DataLoadError.self) { try CouncilDirectory(path: future, today: today).load() }
        do {
            _ = try CouncilDirectory(path: future, today: today).load()
        } catch let error as DataLoadError {
            #expect(error.errors.first?.field == "period")
            #expect(error.errors.first?.line == 2)
            #expect(error.errors.first?.message == "Nov 2024 has not ended yet (it ends on 30 November 2024): a value can be recorded only for a period that has ended")
        }
        let targetAhead = try Fixture.write(observations: Array((header + "KBI-01,2025-03,,95,,\n").utf8))
        let council = try CouncilDirectory(path: targetAhead, today: today).load()
        #expect(council.observations[2].first?.target == 95)
    }

    @Test("the period now due: the first ended period after the latest value, or one missing before it, as status's next_period")
    func periodDue() throws {
        var council = try CouncilDirectory(path: Fixture.directory).load()
        let planning = try #require(council.measureIndex(code: "KBI-01"))
        let november = try #require(CivilDate(year: 2024, month: 11, day: 24))
        #expect(council.observations[planning].last?.period == .month(2024, 9))
        #expect(council.periodDue(forMeasure: planning, judged: .month(2024, 9), today: november) == .month(2024, 10))
        #expect(council.periodDue(forMeasure: planning, judged: .month(2024, 9), today: try #require(CivilDate(year: 2024, month: 10, day: 1))) == nil)
        // September missing and October in: September is due (it is overdue), as status says, not November.
        var series = Array(council.observations[planning])
        let september = series.removeLast()
        series.append(Observation(period: .month(2024, 10), value: september.value))
        council.observations[planning] = ObservationSeries(series)
        #expect(council.periodDue(forMeasure: planning, judged: .month(2024, 9), today: try #require(CivilDate(year: 2024, month: 12, day: 5))) == .month(2024, 9))
        #expect(council.nextPeriod(forMeasure: planning, judged: .month(2024, 9), today: try #require(CivilDate(year: 2024, month: 12, day: 5))) == .month(2024, 9))
        // Both in: November.
        series.insert(september, at: series.count - 1)
        council.observations[planning] = ObservationSeries(series)
        #expect(council.periodDue(forMeasure: planning, judged: .month(2024, 9), today: try #require(CivilDate(year: 2024, month: 12, day: 5))) == .month(2024, 11))
        // No value at all: the latest ended.
        council.observations[planning] = ObservationSeries([])
        #expect(council.periodDue(forMeasure: planning, judged: nil, today: november) == .month(2024, 10))
        #expect(try CouncilDirectory(path: Fixture.directory).load().previousValue(ofMeasure: planning, before: .month(2024, 10))?.value == 86)
    }
}

@Suite("The default reporting period")
struct DefaultReportingPeriodTests {
    static func council(withoutReportingPeriod: Bool) throws -> Council {
        var council = try CouncilDirectory(path: Fixture.directory).load()
        if withoutReportingPeriod { council.plan.reportingPeriod = nil }
        return council
    }

    @Test("the framework's reporting_period when it sets one")
    func framework() throws {
        let today = try #require(CivilDate(year: 2030, month: 1, day: 1))
        #expect(try Self.council(withoutReportingPeriod: false).defaultReportingPeriod(today: today) == .quarter(2024, 2))
    }

    @Test("not a reporting_period that has not begun (a slip of the year): then as if none were set")
    func frameworkNotBegun() throws {
        var council = try Self.council(withoutReportingPeriod: false)
        council.plan.reportingPeriod = .quarter(2028, 1)
        // On 24 November 2024 Q1 2028/29 is years away: the latest quarter with data, Q2 2024/25.
        #expect(council.defaultReportingPeriod(today: try #require(CivilDate(year: 2024, month: 11, day: 24))) == .quarter(2024, 2))
        // Begun (on its first day), it is the period, though it has not ended.
        #expect(council.defaultReportingPeriod(today: try #require(CivilDate(year: 2028, month: 4, day: 1))) == .quarter(2028, 1))
    }

    @Test("else the latest quarter with data: an old table is judged at its own last quarter, not today's")
    func latestWithData() throws {
        // The latest value is September 2024's, so Q2 2024/25, whatever year it is now.
        let council = try Self.council(withoutReportingPeriod: true)
        #expect(council.defaultReportingPeriod(today: try #require(CivilDate(year: 2030, month: 1, day: 1))) == .quarter(2024, 2))
        // But never a quarter that has not ended: on 15 September 2024 Q2 is still running, so Q1.
        #expect(council.defaultReportingPeriod(today: try #require(CivilDate(year: 2024, month: 9, day: 15))) == .quarter(2024, 1))
    }

    @Test("with no data at all, the latest quarter that has ended")
    func noData() throws {
        var council = try Self.council(withoutReportingPeriod: true)
        council.observations = council.observations.map { _ in [] }
        #expect(council.defaultReportingPeriod(today: try #require(CivilDate(year: 2026, month: 12, day: 2))) == .quarter(2026, 2))
    }
}

@Suite("Large values with decimals")
struct LargeDecimalTests {
    @Test("a value whose scaled form passes 2^53 keeps its whole part and its fraction",
          arguments: [
            (9.5e14, 1, "950,000,000,000,000.0"), (-1e15, 1, "-1,000,000,000,000,000.0"),
            (12_345_678_901.5, 6, "12,345,678,901.500000"), (123_456_789_012.25, 4, "123,456,789,012.2500"),
            (999_999_999_999.9999, 2, "1,000,000,000,000.00"), (1e15, 6, "1,000,000,000,000,000.000000"),
          ])
    func largeWithDecimals(_ example: (Double, Int, String)) {
        #expect(NumberText.grouped(example.0, decimals: example.1) == example.2)
    }
}

@Suite("Limit messages")
struct LimitMessageTests {
    @Test("a value just past a limit is written with the decimals that show it is past")
    func exact() {
        let percentage = Measure(code: "P", title: "P", unit: MeasureUnit("%"), decimals: 1)
        #expect(percentage.problem(withValue: 100.01)?.hasPrefix("100.01% is above this measure's maximum of 100.0%") == true)
        #expect(percentage.problem(withValue: -0.0001)?.hasPrefix("-0.0001% is below this measure's minimum of 0.0%") == true)
    }
}
