import Foundation
import Testing

@testable import ScorecardSample
@testable import ScorecardKit

@Suite("The bundled sample council")
struct BundledSampleTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data").path

    @Test("loads, and shows every status and every alert rule as at its reporting period")
    func everyStatusAndRule() throws {
        let council = try CouncilDirectory(path: Self.directory).load()
        let today = try #require(CivilDate(year: 2026, month: 11, day: 24))
        let evaluation = council.evaluate(asAt: council.defaultReportingPeriod(today: today), today: today)
        #expect(evaluation.asAt == .quarter(2026, 2))
        for status in Status.allCases {
            #expect(evaluation.whole[status] > 0, "no measure is \(status.label)")
        }
        for rule in Alert.Rule.allCases {
            #expect(evaluation.alerts.contains { $0.rule == rule }, "no \(rule.label) alert")
        }
        #expect(council.measures.count >= 150)
        #expect(council.plan.priorities.count >= 6 && council.plan.priorities.count <= 8)
        #expect(council.plan.priorities.reduce(0) { $0 + $1.plans.count } >= 20)
        #expect(Set(council.measures.map(\.tier)) == Set(Tier.allCases))
        #expect(council.measures.contains { $0.cumulative })
        #expect(council.observations.joined().contains { $0.quality == .provisional })
        #expect(council.observations.joined().contains { $0.value == nil && $0.note != nil })
    }

    @Test("is what the generator writes by default, byte for byte")
    func regenerates() throws {
        let output = SampleCouncilGenerator().generate()
        let framework = try String(contentsOfFile: Self.directory + "/framework.yaml", encoding: .utf8)
        let observations = try #require(FileManager.default.contents(atPath: Self.directory + "/observations.csv"))
        #expect(output.framework == framework)
        #expect(output.observations == [UInt8](observations))
    }
}
