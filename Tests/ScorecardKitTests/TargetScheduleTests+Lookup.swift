import Testing

@testable import ScorecardKit

/// A measure's targets, kept as a sorted list of periods: set, replaced, removed and looked up.
extension TargetScheduleTests {
    @Test("targets set in any order are found, replaced and removed by period; the order they came in does not matter")
    func setAndFind() {
        var schedule = TargetSchedule()
        schedule[.financialYear(2025)] = 92
        schedule[.month(2024, 12)] = 80
        schedule[.financialYear(2024)] = 90
        schedule[.quarter(2024, 3)] = 85
        #expect(schedule[.financialYear(2024)] == 90)
        #expect(schedule[.month(2024, 12)] == 80)
        #expect(schedule[.month(2024, 11)] == nil)
        #expect(schedule[.calendarYear(2024)] == nil, "a calendar year is not the financial year of the same number")
        schedule[.financialYear(2024)] = 91
        schedule[.quarter(2024, 3)] = nil
        schedule[.quarter(2030, 1)] = nil
        #expect(schedule.byPeriod == [.financialYear(2024): 91, .financialYear(2025): 92, .month(2024, 12): 80])
        #expect(schedule == TargetSchedule(byPeriod: [.month(2024, 12): 80, .financialYear(2025): 92, .financialYear(2024): 91]))
        #expect(schedule.chronological.map(\.period) == [.month(2024, 12), .financialYear(2024), .financialYear(2025)])
    }

    @Test("a month's own target comes before its year's; without one, the year's applies (profiled when cumulative)")
    func targetForAPeriod() {
        let schedule = TargetSchedule(byPeriod: [.financialYear(2024): 120, .month(2024, 6): 7])
        #expect(schedule.target(for: .month(2024, 6), cumulative: true) == 7)
        #expect(schedule.target(for: .month(2024, 7), cumulative: false) == 120)
        #expect(schedule.target(for: .quarter(2024, 2), cumulative: true) == 60)
        #expect(schedule.target(for: .month(2025, 7), cumulative: false) == nil)
    }

    @Test("a target takes 16 bytes, and keeps its period and value")
    func entrySize() {
        #expect(MemoryLayout<TargetSchedule.Entry>.stride == 16)
        let schedule = TargetSchedule(byPeriod: [.calendarYear(2030): -1.5, .month(2016, 1): 1e300])
        #expect(schedule.entries.map(\.period) == [.month(2016, 1), .calendarYear(2030)])
        #expect(schedule.entries.map(\.value) == [1e300, -1.5])
    }
}
