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

    /// Opens KBI-01 (monthly, judged on Sep 2024 at 86.0%) and its form.
    static func editing(_ model: DashboardModel) -> AppState {
        var state = TestCouncil.state(model)
        state.apply(.open, .open, .moveDown, .open, .edit, model: model)
        return state
    }

    @Test("e opens a form for the judged period, filled with its value")
    func formOpens() throws {
        let (model, _, _) = try Self.model()
        let state = Self.editing(model)
        guard case .editing(let form) = state.mode else {
            Issue.record("no form: \(state.mode)")
            return
        }
        #expect(form.period == "2024-09")
        #expect(form.value == "86.0")
        #expect(form.focus == .value)
    }

    @Test("a bad value is shown in place and nothing is written")
    func validation() throws {
        let (model, store, _) = try Self.model()
        var state = Self.editing(model)
        state.apply(.type("x"), .submit, model: model)
        guard case .editing(let form) = state.mode else {
            Issue.record("the form closed")
            return
        }
        #expect(form.errors[.value] == "\"86.0x\" is not a number")
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 9)).count == 1)
    }

    @Test("a saved value shows at once, judged again, with its history kept")
    func save() throws {
        let (model, store, _) = try Self.model()
        var state = Self.editing(model)
        for _ in 0..<4 { state.apply(.deleteBackward, model: model) }
        for c in "91" { state.apply(.type(c), model: model) }
        state.apply(.nextField, .clearField, model: model)
        for c in "Backlog cleared" { state.apply(.type(c), model: model) }
        state.apply(.submit, model: model)
        #expect(state.mode == .browsing)
        #expect(state.message == "Saved KBI-01 Sep 2024: 91.0% (was 86.0%)")
        #expect(state.current.route == .measure(2))
        #expect(model.evaluation(at: state.asAt).measures[2].status == .onTrack)
        let revisions = try store.revisions(measure: "KBI-01", period: .month(2024, 9))
        #expect(revisions.map(\.observation.value) == [86, 91])
        #expect(revisions.last?.changedBy == "cllr.test")
        #expect(revisions.last?.observation.note == "Backlog cleared")
    }

    @Test("Esc cancels the form without writing")
    func cancel() throws {
        let (model, store, _) = try Self.model()
        var state = Self.editing(model)
        state.apply(.type("9"), .cancel, model: model)
        #expect(state.mode == .browsing)
        #expect(try store.revisions(measure: "KBI-01", period: .month(2024, 9)).count == 1)
    }

    @Test("a value recorded by another connection is noticed, and the screen, selection and filter stay")
    func refresh() throws {
        let (model, _, path) = try Self.model()
        var state = TestCouncil.state(model)
        state.apply(.moveDown, .open, .open, .startFilter, .type("c"), .type("a"), .submit, model: model)
        let unchanged = state.refresh(model: model)
        #expect(!unchanged)
        let other = try SQLiteStore(path: path)
        _ = try other.record(ValueEntry(measure: "KBI-03", period: "2024-09", value: "1500", by: "someone else"))
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
        #expect(state.mode == .history(.month(2024, 9)))
        #expect(try model.revisions(of: 2, in: .month(2024, 9)).count == 1)
    }
}
