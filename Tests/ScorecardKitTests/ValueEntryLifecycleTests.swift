import Testing

@testable import ScorecardKit

/// A value is recorded only for an active measure: one for a retired or in-development measure would be kept
/// but shown nowhere.
@Suite("Recording for a measure that is not active")
struct ValueEntryLifecycleTests {
    @Test("a retired or in-development measure's value is refused on the measure field; an active one's is taken",
          arguments: [(MeasureLifecycle.retired, "KBI-048 is retired"), (.inDevelopment, "KBI-048 is in development"), (.active, nil)] as [(MeasureLifecycle, String?)])
    func refusedUnlessActive(lifecycle: MeasureLifecycle, problem: String?) {
        let measure = Measure(code: "KBI-048", title: "Rents collected", lifecycle: lifecycle)
        let entry = ValueEntry(measure: "KBI-048", period: "2026-09", value: "40000", by: "kate")
        let today = CivilDate(year: 2026, month: 11, day: 24) ?? CivilDate(dayNumber: 0)
        do {
            _ = try entry.validated(today: today) { $0 == "KBI-048" ? measure : nil }
            #expect(problem == nil)
        } catch {
            #expect(error.problems.map(\.field) == [.measure])
            #expect(error.problems.first?.message.hasPrefix(problem ?? "-") == true, "\(error.problems)")
        }
    }
}
