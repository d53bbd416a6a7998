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

    @Test("a store refuses a value for a measure its framework retired, whatever the command checked before")
    func storeRefusesRetired() throws {
        let framework = Fixture.framework.replacingOccurrences(
            of: "          - code: KBI-03\n            title: Calls to the contact centre\n",
            with: "          - code: KBI-03\n            title: Calls to the contact centre\n            status: retired\n")
        #expect(framework != Fixture.framework)
        let council = try CouncilDirectory(path: try Fixture.write(framework: framework, observations: Fixture.observations)).load()
        let store = try SQLiteStore(path: try StoreFixture.databasePath())
        _ = try store.importCouncil(council, by: "import", progress: nil)
        let error = try #require(throws: ValueEntryError.self) {
            try store.record(ValueEntry(measure: "KBI-03", period: "2024-10", value: "5", by: "kate"), today: StoreRecordTests.today)
        }
        #expect(error.problems.first?.message == "KBI-03 is retired: values are no longer recorded for it")
        #expect(throws: (any Error).self) { try store.proposeTarget(TargetEntry(measure: "KBI-03", period: "2024/25", target: "5", by: "kate")) }
    }

    @Test("a target written in another unit is refused; pounds on a measure in £k are its own unit (council tables write £1,234 in a £000s column)")
    func targetUnits() {
        let days = Measure(code: "D1", title: "Days", unit: MeasureUnit("days"))
        let thousands = Measure(code: "K1", title: "Receipts", unit: MeasureUnit("£k"))
        for (measure, text) in [(days, "50%"), (days, "£5")] {
            let entry = TargetEntry(measure: measure.code, period: "2026/27", target: text, by: "kate")
            #expect(throws: TargetEntryError.self) { try entry.validated(measureWithCode: { $0 == measure.code ? measure : nil }) }
        }
        #expect(thousands.unit.problem(with: .pound, code: "K1") == nil)
        #expect(MeasureUnit("£").problem(with: .pound, code: "P1") == nil)
    }
}
