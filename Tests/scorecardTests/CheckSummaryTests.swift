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
}
