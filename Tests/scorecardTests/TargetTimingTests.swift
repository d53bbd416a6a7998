import ScorecardKit
import Testing

@testable import scorecard

/// What `target` says of the period a target is proposed for: to come, under way, or over.
@Suite struct TargetTimingTests {
    @Test("a target for a period to come is said to be one; for a period over, that approving it judges its values again")
    func timing() throws {
        let today = try #require(CivilDate(year: 2026, month: 12, day: 6))
        #expect(TargetCommand.timing(of: .financialYear(2027), today: today) == " It is for a period still to come.")
        #expect(TargetCommand.timing(of: .financialYear(2026), today: today)
            == " 2026/27 is under way: once approved, its months or quarters already reported are judged again against it.")
        #expect(TargetCommand.timing(of: .quarter(2026, 3), today: today) == "")
        #expect(TargetCommand.timing(of: .financialYear(2025), today: today)
            == " 2025/26 has ended: once approved, its values are judged again against this target, those already reported included.")
        #expect(TargetCommand.timing(of: .month(2026, 11), today: today).hasPrefix(" Nov 2026 has ended"))
    }
}
