import Foundation
import ScorecardKit
import TestScratch
import Testing

@testable import Dashboard

/// The dashboard over a real SQLite store: recording values from the form, and noticing other writers.
@Suite("Recording and live data")
struct LiveDataTests {
    /// A new database holding the small test council.
    static func store() throws -> (SQLiteStore, String) {
        let path = ScratchDirectory.root.appendingPathComponent("scorecard-live-\(UUID().uuidString).sqlite").path
        let store = try SQLiteStore(path: path)
        _ = try store.importCouncil(try CouncilDirectory(path: TestCouncil.directory).load(), by: "test", progress: nil)
        return (store, path)
    }

    /// A session over a new database of the small test council, the store, and its path.
    static func session() throws -> (TestSession, SQLiteStore, String) {
        let (store, path) = try store()
        return (try TestSession(store: store), store, path)
    }

    /// ``session()`` with the first priority's second measure open; the database's path and the measure's index.
    static func measureOpen() throws -> (TestSession, String, Int) {
        var (session, _, path) = try session()
        session.send(.open, .open, .moveDown, .open)
        let opened: Int? = if case .measure(let m) = session.state.current.route { m } else { nil }
        let m = try #require(opened, "expected a measure, got \(session.state.current.route)")
        return (session, path, m)
    }

    /// Stops `worker` and waits for its thread to end: one still judging as the test process exited crashed it.
    static func stop(_ worker: DataWorker) {
        worker.finish()
        let deadline = Date().addingTimeInterval(30)
        while worker.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(!worker.isRunning, "the data thread stops once its jobs are done")
    }

    @Test("a value recorded by another connection is noticed, and the screen, selection and filter stay")
    func refresh() throws {
        var (session, _, path) = try Self.session()
        session.send(.moveDown, .open, .open, .startFilter, .type("c"), .type("a"), .submit)
        let before = session.model
        session.tick()
        #expect(session.model === before, "nothing changed, so no new data")
        let other = try SQLiteStore(path: path)
        _ = try other.record(ValueEntry(measure: "KBI-03", period: "2024-09", value: "1500", by: "someone else"), today: TestCouncil.today)
        session.tick()
        #expect(session.model !== before)
        #expect(session.state.current.route == .deliveryPlan(priority: 1, plan: 0))
        #expect(session.state.current.filter == "ca")
        #expect(session.model.council.observations[4].last?.value == 1500)
        #expect(session.model.lastChanged != nil)
    }

    @Test("a target proposed elsewhere joins the list awaiting sign-off; approved elsewhere, it is the target on screen")
    func proposedTargetElsewhere() throws {
        var (session, _, path) = try Self.session()
        let other = try SQLiteStore(path: path)
        _ = try other.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024/25", target: "92", by: "kate"))
        session.tick()
        #expect(session.model.targetProposals.map(\.value) == [92])
        let m = try #require(session.model.council.measureIndex(code: "KBI-01"))
        #expect(session.model.council.measures[m].targets[.financialYear(2024)] == 90, "a proposal is not yet the target")
        _ = try other.publish(PublishSelection(values: false), by: "olu")
        session.tick()
        #expect(session.model.targetProposals.isEmpty)
        #expect(session.model.council.measures[m].targets[.financialYear(2024)] == 92)
    }

    @Test("a refresh after one value recorded elsewhere judges that measure again, and no other")
    func refreshJudgesOnlyWhatChanged() throws {
        var (session, _, path) = try Self.session()
        let asAt = session.state.asAt
        let first = session.model.evaluation(at: asAt)
        #expect(first.judgedCount == session.model.council.measures.count)
        let other = try SQLiteStore(path: path)
        _ = try other.record(ValueEntry(measure: "KBI-03", period: "2024-09", value: "1500", by: "someone else"), today: TestCouncil.today)
        session.tick()
        let after = session.model.evaluation(at: asAt)
        #expect(after.judgedCount == 1)
        let kbi03 = try #require(session.model.council.measureIndex(code: "KBI-03"))
        #expect(after.measures[kbi03].value == 1500)
        for m in after.measures.indices where m != kbi03 { #expect(after.measures[m] == first.measures[m]) }
    }

    @Test("files opened read-only say so when asked to record")
    func readOnly() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.open, .open, .open, .edit, model: model)
        #expect(state.mode == .browsing)
        #expect(state.message == DashboardError.readOnly.description)
    }

    @Test("Enter on a period loads and shows its revisions")
    func history() throws {
        var (session, _, _) = try Self.session()
        session.send(.open, .open, .moveDown, .open)
        #expect(session.performed == [.loadHistory(measure: 2)])
        session.send(.open)
        #expect(session.state.mode == .history(.month(2024, 9), scroll: 0))
        #expect(session.performed.last == .loadRevisions(measure: 2, period: .month(2024, 9)))
        #expect(session.model.revisions(of: 2, in: .month(2024, 9))?.count == 1)
    }

    @Test("the dashboard loop takes in a value recorded by another process while it waits for keys")
    func workerRefreshes() throws {
        let (store, path) = try Self.store()
        let service = try DataService(store: store, today: TestCouncil.today, user: "test")
        let asAt = service.council.defaultReportingPeriod(today: TestCouncil.today)
        let model = try service.start(asAt: asAt)
        let worker = DataWorker(service: service)
        defer { Self.stop(worker) }
        let other = try SQLiteStore(path: path)
        _ = try other.record(ValueEntry(measure: "KBI-03", period: "2024-09", value: "1500", by: "someone else"), today: TestCouncil.today)
        var answers: [AppAction] = []
        let deadline = Date().addingTimeInterval(5)
        while answers.isEmpty, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            answers = worker.collect()
        }
        let new = try #require(answers.first?.newModel)
        #expect(new !== model)
        #expect(new.council.observations[4].last?.value == 1500)
    }

    @Test("of the periods asked to be judged while the data thread was busy, only the last is judged")
    func onlyTheLastPeriodAskedIsJudged() {
        let (a, b, c) = (Period.quarter(2024, 1), Period.quarter(2023, 4), Period.quarter(2023, 3))
        let jobs: [Inbox.Job] = [.perform(.judge(a)), .perform(.loadHistory(measure: 2)), .perform(.judge(b)), .perform(.judge(c)),
                                 .perform(.loadHistory(measure: 3))]
        let wanted = Inbox.wanted(jobs).map { job -> AppEffect? in if case .perform(let effect) = job { effect } else { nil } }
        #expect(wanted == [.loadHistory(measure: 2), .judge(c), .loadHistory(measure: 3)])
    }

    @Test("an earlier period asked of the data thread comes back judged, and the thread ends once it is done")
    func workerJudgesAnEarlierPeriod() throws {
        let (store, _) = try Self.store()
        let service = try DataService(store: store, today: TestCouncil.today, user: "test")
        let asAt = service.council.defaultReportingPeriod(today: TestCouncil.today)
        _ = try service.start(asAt: asAt)
        let worker = DataWorker(service: service)
        defer { Self.stop(worker) }
        let earlier = asAt.previous.previous
        worker.perform([.judge(asAt.previous), .judge(earlier)])
        var judged: DashboardModel?
        let deadline = Date().addingTimeInterval(10)
        while judged == nil, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.02)
            judged = worker.collect().compactMap(\.newModel).last { $0.isJudged(at: earlier) }
        }
        let model = try #require(judged)
        #expect(!model.isJudged(at: asAt.previous), "the period on the way is not judged")
    }

    @Test("a target approved elsewhere (a framework change) keeps the period selected on the measure's screen, and its detail open")
    func approvalKeepsThePeriodSelected() throws {
        var (session, path, m) = try Self.measureOpen()
        session.send(.moveDown)
        let selection = session.state.current.selection
        #expect(selection == 1)
        let rows = session.model.rows(for: session.state.current, asAt: session.state.asAt, scope: session.state.scope)
        session.send(.open)
        let other = try SQLiteStore(path: path)
        _ = try other.proposeTarget(TargetEntry(measure: session.model.council.measures[m].code, period: "2024/25", target: "92", by: "kate"))
        _ = try other.publish(PublishSelection(values: false), by: "olu")
        session.tick()
        #expect(session.state.current.route == .measure(m))
        #expect(session.state.current.selection == selection, "the same period's row, not the first")
        let after = session.model.rows(for: session.state.current, asAt: session.state.asAt, scope: session.state.scope)
        #expect(after.indices.contains(selection) && after[selection] == rows[selection])
        if case .history = session.state.mode {} else { Issue.record("the period's detail closed: \(session.state.mode)") }
    }

    @Test("back to a measure whose history a framework change dropped while a list was on top, it is read again")
    func backToAMeasureAfterAReload() throws {
        var (session, path, m) = try Self.measureOpen()
        #expect(session.model.periodHistory(of: m) != nil)
        session.send(.showAlerts)
        // Another process imports the council again with a title changed: the framework is read afresh.
        var council = try CouncilDirectory(path: TestCouncil.directory).load()
        council.plan.priorities[0].title += " (renamed)"
        _ = try SQLiteStore(path: path).importCouncil(council, by: "someone else", progress: nil)
        session.tick()
        session.send(.back)
        #expect(session.state.current.route == .measure(m))
        #expect(session.model.periodHistory(of: m) != nil, "the measure's screen has its periods again")
    }

    @Test("a measure an import removed closes its screen and the form on it, saying so")
    func measureRemovedElsewhere() throws {
        var (session, _, path) = try Self.session()
        var council = try CouncilDirectory(path: TestCouncil.directory).load()
        let last = council.measures.count - 1
        let code = council.measures[last].code
        session.send(.startJump)
        for character in code { session.send(.type(character)) }
        session.send(.submit, .edit, .type("4"))
        guard case .editing = session.state.mode else {
            Issue.record("the form did not open on \(code)")
            return
        }
        // Another process imports the council without its last measure.
        council.measures.removeLast()
        council.observations.removeLast()
        for p in council.plan.priorities.indices {
            council.plan.priorities[p].measures.removeAll { $0 == last }
            for d in council.plan.priorities[p].plans.indices { council.plan.priorities[p].plans[d].measures.removeAll { $0 == last } }
        }
        _ = try SQLiteStore(path: path).importCouncil(council, by: "someone else", progress: nil)
        session.tick()
        #expect(session.state.mode == .browsing)
        #expect(session.state.message == "Measure \(code) is no longer in the framework (an import removed it): the value typed was not saved")
    }

    @Test("after a value saved from the form, the status line's 'updated' is that save's time, not the one before")
    func updatedAfterOwnSave() throws {
        let path = ScratchDirectory.root.appendingPathComponent("scorecard-live-\(UUID().uuidString).sqlite").path
        let clock = SteppingClock()
        let store = try SQLiteStore(path: path, clock: clock.next)
        _ = try store.importCouncil(try CouncilDirectory(path: TestCouncil.directory).load(), by: "test", progress: nil)
        var session = try TestSession(store: store)
        let imported = try #require(session.model.lastChanged)
        session.send(.open, .open, .moveDown, .open, .edit)
        for c in "88" { session.send(.type(c)) }
        session.send(.submit)
        session.tick()
        let saved = try #require(session.model.lastChanged)
        #expect(session.state.message?.hasPrefix("Saved") == true, "\(session.state.message ?? "")")
        #expect(saved > imported, "updated \(saved) after the save, imported \(imported)")
    }
}

/// A clock a minute later each time it is read.
private final class SteppingClock: @unchecked Sendable {
    // @unchecked: `minutes` is only read and written under `lock`.
    private let lock = NSLock()
    private var minutes = 0

    func next() -> Date {
        lock.lock()
        defer { lock.unlock() }
        minutes += 1
        return Date(timeIntervalSince1970: 1_790_000_000 + Double(minutes) * 60)
    }
}

extension LiveDataTests {
    @Test("a lost store is asked again less and less often, up to every 2 s, and every 0.1 s once it answers")
    func retriesBackOff() {
        #expect(DataWorker.pollDelay(afterFailures: 0) == DataWorker.pollInterval)
        #expect([1, 2, 3, 4, 5, 1000].map { DataWorker.pollDelay(afterFailures: $0) } == [0.25, 0.5, 1, 2, 2, 2])
    }
}
