import Foundation
import ScorecardKit
import Testing

@testable import Dashboard

/// The dashboard over a real SQLite store: recording values from the form, and noticing other writers.
@Suite("Recording and live data")
struct LiveDataTests {
    /// A new database holding the small test council, and a model over it.
    static func model() throws -> (DashboardModel, SQLiteStore, String) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-live-\(UUID().uuidString).sqlite").path
        let store = try SQLiteStore(path: path)
        _ = try store.importCouncil(try CouncilDirectory(path: TestCouncil.directory).load(), by: "test", progress: nil)
        return (try DashboardModel(store: store, today: TestCouncil.today, user: "cllr.test"), store, path)
    }

    @Test("a value recorded by another connection is noticed, and the screen, selection and filter stay")
    func refresh() throws {
        let (model, _, path) = try Self.model()
        var state = TestCouncil.state(model)
        state.apply(.moveDown, .open, .open, .startFilter, .type("c"), .type("a"), .submit, model: model)
        let unchanged = state.refresh(model: model)
        #expect(!unchanged)
        let other = try SQLiteStore(path: path)
        _ = try other.record(ValueEntry(measure: "KBI-03", period: "2024-09", value: "1500", by: "someone else"), today: TestCouncil.today)
        let changed = state.refresh(model: model)
        #expect(changed)
        #expect(state.current.route == .deliveryPlan(priority: 1, plan: 0))
        #expect(state.current.filter == "ca")
        #expect(model.council.observations[4].last?.value == 1500)
        #expect(model.lastChanged != nil)
    }

    @Test("files opened read-only say so when asked to record")
    func readOnly() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.open, .open, .open, .edit, model: model)
        #expect(state.mode == .browsing)
        #expect(state.message == DashboardError.readOnly.description)
    }

    @Test("Enter on a period shows its revisions")
    func history() throws {
        let (model, _, _) = try Self.model()
        var state = TestCouncil.state(model)
        state.apply(.open, .open, .moveDown, .open, .open, model: model)
        #expect(state.mode == .history(.month(2024, 9), scroll: 0))
        #expect(try model.revisions(of: 2, in: .month(2024, 9)).count == 1)
    }
}
