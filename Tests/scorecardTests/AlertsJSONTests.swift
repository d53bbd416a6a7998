import Foundation
import ScorecardKit
import Testing

@testable import scorecard

/// `scorecard alerts --json` as scripts read it.
@Suite("alerts --json")
struct AlertsJSONTests {
    @Test("every alert has every documented key, null where there is nothing (plan of a measure off its priority, value when overdue)")
    func everyKey() throws {
        let today = try #require(CivilDate(parsing: "2026-11-24"))
        let council = try DataLocation.sample(today: today)
        let evaluation = council.evaluate(asAt: council.defaultReportingPeriod(today: today), today: today)
        let json = try AlertReport(council: council, evaluation: evaluation).json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let alerts = try #require(object["alerts"] as? [[String: Any]])
        let keys: Set = ["measure", "title", "rule", "period", "periods", "status", "value", "target", "reason", "priority", "plan", "owner", "draft"]
        #expect(!alerts.isEmpty && alerts.allSatisfy { Set($0.keys) == keys })
        #expect(alerts.contains { $0["plan"] is NSNull })
        #expect(alerts.contains { $0["rule"] as? String == "overdue" && $0["value"] is NSNull })
        // The reporting period under the name status --json gives it, and the name it had before.
        #expect(object["as_at"] as? String == "2026/27 Q2")
        #expect(object["asAt"] as? String == "2026/27 Q2")
    }
}
