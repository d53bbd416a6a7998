import Foundation
import Testing

@testable import ScorecardSample
@testable import ScorecardKit

/// The sample inside the binary follows today's date, so the demonstration never goes stale.
@Suite("The sample as it stands today")
struct CurrentSampleTests {
    static func counts(_ today: CivilDate) throws -> (Period, [Status: Int], Set<Alert.Rule>) {
        let generator = SampleCouncilGenerator.current(today: today)
        let council = try generator.generate().council(today: today)
        let evaluation = council.evaluate(asAt: council.defaultReportingPeriod(today: today), today: today)
        var counts: [Status: Int] = [:]
        for measure in evaluation.measures { counts[measure.status, default: 0] += 1 }
        return (evaluation.asAt, counts, Set(evaluation.alerts.map(\.rule)))
    }

    @Test("on 24 November 2026 it is exactly the data folder")
    func pinned() throws {
        let today = try #require(CivilDate(year: 2026, month: 11, day: 24))
        let current = SampleCouncilGenerator.current(today: today).generate()
        let canonical = SampleCouncilGenerator().generate()
        #expect(current.framework == canonical.framework)
        #expect(current.observations == canonical.observations)
    }

    @Test("any day, it reports on a recent quarter with the same mix of statuses, and every alert rule",
          arguments: ["2026-12-02", "2027-02-20", "2027-05-25", "2027-08-24", "2028-01-01", "2031-03-31"])
    func followsToday(day: String) throws {
        let today = try #require(CivilDate(parsing: day))
        let (asAt, counts, alerts) = try Self.counts(today)
        let (_, canonical, canonicalAlerts) = try Self.counts(try #require(CivilDate(year: 2026, month: 11, day: 24)))
        #expect(asAt.endDate.adding(days: SampleCouncilGenerator.reportingLag) <= today)
        #expect(asAt.next.endDate.adding(days: SampleCouncilGenerator.reportingLag) > today)
        #expect(counts == canonical, "\(day): \(counts) against \(canonical)")
        // Every rule that does not hang on the time of year is there, whatever the day.
        let always: Set<Alert.Rule> = [.offTrackRepeatedly, .offTrack, .overdue, .worsening, .specialCauseConcerning, .worseThanEngland]
        #expect(alerts.isSuperset(of: always), "\(day): \(alerts)")
        #expect(canonicalAlerts == always.union([.forecastMiss]))
        // Forecasts warn from the middle of the year until its last quarter.
        let position = asAt.positionInFinancialYear
        #expect(alerts.contains(.forecastMiss) == (position == 2 || position == 3), "\(day): \(asAt)")
    }
}
