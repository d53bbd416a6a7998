import Foundation
import ScorecardKit
import Testing

@testable import scorecard

/// What `scorecard check` says of a valid council.
@Suite struct CheckSummaryTests {
    @Test("the span is the values', not that of rows holding a target set ahead; those are counted apart")
    func spanOfTheValues() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ScorecardKitTests/Fixtures/small").path
        var council = try CouncilDirectory(path: path).load()
        let values = council.observationCount
        council.observations[1].append(Observation(period: .month(2027, 3), value: nil, target: 90))
        let today = try #require(CivilDate(year: 2024, month: 11, day: 24))
        let text = CheckSummary(council: council, evaluation: council.evaluate(asAt: .quarter(2024, 2), today: today), path: "x").text
        let line = try #require(text.split(separator: "\n").first { $0.contains(" observations") })
        #expect(line.contains("\(values + 1) observations: \(values) values, "), "\(line)")
        #expect(line.hasSuffix(", and 1 with none (a value missing, or a target or note alone)"), "\(line)")
        #expect(!line.contains("2027"))
    }

    @Test("a target with more decimals than its measure shows is warned of: a value equal to it would be judged as shown")
    func finerTarget() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ScorecardKitTests/Fixtures/small").path
        var council = try CouncilDirectory(path: path).load()
        let today = try #require(CivilDate(year: 2024, month: 11, day: 24))
        func warnings() -> [Substring] {
            CheckSummary(council: council, evaluation: council.evaluate(asAt: .quarter(2024, 2), today: today), path: "x").text
                .split(separator: "\n").filter { $0.hasPrefix("Warning:") }
        }
        #expect(warnings().isEmpty)
        let m = try #require(council.measureIndex(code: "KBI-01"))
        council.measures[m].unit = MeasureUnit("days")
        council.measures[m].decimals = 0
        council.measures[m].targets = TargetSchedule(byPeriod: [.financialYear(2024): 7.5])
        let said = try #require(warnings().first)
        #expect(said.contains("KBI-01's target for 2024/25, 7.5 days, has more decimals than its values are shown and judged to (0)"), "\(said)")
        #expect(said.contains("would show as 8 days") && said.hasSuffix("give the measure decimals: 1, or a whole-number target."), "\(said)")
        // A target given beside a value (observations.csv's target column) is warned of alike, a measure once.
        council.measures[m].targets = TargetSchedule()
        var series = Array(council.observations[m])
        series[0].target = 6.25
        council.observations[m] = ObservationSeries(series)
        let row = try #require(warnings().first)
        #expect(row.contains("KBI-01's target for Aug 2024, 6.25 days, has more decimals") && row.contains("give the measure decimals: 2"), "\(row)")
        #expect(warnings().filter { $0.contains("KBI-01's target") }.count == 1)
    }
}
