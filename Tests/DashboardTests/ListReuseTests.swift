import Foundation
import ScorecardKit
import Testing

@testable import Dashboard

/// A new model starts from the last one's lists where they still hold, and works out the rest again.
@Suite("Lists carried from one model to the next")
struct ListReuseTests {
    /// The routes whose lists the tests compare, each at every judged period.
    static let routes: [Route] = [.plan, .priority(0), .priority(1), .myMeasures, .alerts(.all), .signOff]

    /// Each list of `model` (plain and filtered), with its summary and the alert counts, is what a model made
    /// afresh from the same data works out.
    static func expectListsFresh(_ model: DashboardModel, periods: [Period], scope: MeasureScope = "", _ step: String) {
        let fresh = DashboardModel(model.data)
        for period in periods where model.isJudged(at: period) {
            for route in routes {
                for filter in ["", "o", "on t"] {
                    var entry = NavigationEntry(route)
                    entry.filter = filter
                    #expect(model.rows(for: entry, asAt: period, scope: scope) == fresh.rows(for: entry, asAt: period, scope: scope), "\(step): \(route) \"\(filter)\" at \(period)")
                    let (mine, theirs) = (model.measureSummary(for: entry, asAt: period, scope: scope), fresh.measureSummary(for: entry, asAt: period, scope: scope))
                    #expect(mine.measures == theirs.measures && mine.dueSoon == theirs.dueSoon && mine.rollUp == theirs.rollUp, "\(step): \(route) at \(period)")
                }
            }
            #expect(model.alertCounts(asAt: period).map(\.count) == fresh.alertCounts(asAt: period).map(\.count), "\(step) at \(period)")
        }
    }

    /// Whether two lists share their storage (the later model took the earlier one's).
    static func shareStorage(_ a: [RowID], _ b: [RowID]) -> Bool {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
    }

    @Test("after each change, every list is what a model made afresh works out; a change that moves no measure reuses them")
    func listsStayRight() throws {
        var (session, _, path) = try LiveDataTests.session()
        let asAt = session.state.asAt
        session.send(.showMyMeasures)
        session.effects.focus(on: ViewFocus(session.state))
        // A model made now is prepared for the screen (my measures).
        session.send(.first, .open)
        let mine = NavigationEntry(.myMeasures)
        var periods = [asAt]
        Self.expectListsFresh(session.model, periods: periods, "a measure opened")
        let opened = session.model.rows(for: mine, asAt: asAt, scope: "")

        // Back and one period earlier: a new evaluation; the lists of the period before are carried over.
        session.send(.back)
        session.effects.focus(on: ViewFocus(session.state))
        session.send(.previousPeriod)
        periods.append(session.state.asAt)
        #expect(periods[1] != asAt)
        session.effects.focus(on: ViewFocus(session.state))
        session.send(.nextPeriod)
        #expect(session.state.asAt == asAt)
        Self.expectListsFresh(session.model, periods: periods, "an earlier period judged")
        #expect(Self.shareStorage(session.model.rows(for: mine, asAt: asAt, scope: ""), opened), "the lists of a period no measure moved in are reused")

        // Another process records a value that moves KBI-01 from off track to on track: worked out again.
        let kbi01 = try #require(session.model.council.measureIndex(code: "KBI-01"))
        let before = session.model.evaluation(at: asAt).measures[kbi01].status
        let other = try SQLiteStore(path: path)
        _ = try other.record(ValueEntry(measure: "KBI-01", period: "2024-09", value: "95", by: "someone else"), today: TestCouncil.today)
        session.tick()
        #expect(session.model.evaluation(at: asAt).measures[kbi01].status != before)
        #expect(!Self.shareStorage(session.model.rows(for: mine, asAt: asAt, scope: ""), opened))
        Self.expectListsFresh(session.model, periods: periods, "a status changed elsewhere")

        // A draft recorded here: the sign-off list changes, so nothing is carried over.
        session.send(.showSignOff)
        session.effects.focus(on: ViewFocus(session.state))
        _ = try other.record(ValueEntry(measure: "KBI-02", period: "2024-09", value: "8.1", by: "someone else"), today: TestCouncil.today)
        session.tick()
        Self.expectListsFresh(session.model, periods: periods, "a draft added")
    }

    @Test("filters typed earlier are not carried from model to model")
    func filtersNotCarried() throws {
        var (session, _, _) = try LiveDataTests.session()
        session.send(.showMyMeasures)
        session.send(.startFilter)
        session.type("ca")
        session.send(.submit)
        #expect(session.state.current.filter == "ca")
        session.effects.focus(on: ViewFocus(session.state))
        // A model made with the filter on screen has its filtered list worked out.
        session.send(.previousPeriod)
        #expect(session.model.rowCache.keys.contains { $0.filter == "ca" })
        session.send(.startFilter, .cancel)
        #expect(session.state.current.filter.isEmpty)
        session.effects.focus(on: ViewFocus(session.state))
        let before = session.model
        session.send(.first, .open)
        #expect(session.model !== before, "opening a measure made a new model")
        #expect(session.model.rowCache.keys.allSatisfy { $0.filter.isEmpty })
        #expect(session.model.rowCache.keys.contains { $0.route == .myMeasures }, "the unfiltered list is carried")
    }

    @Test("an evaluation agrees with another for lists only when no measure's status, period, value or alerts moved")
    func evaluationsAgree() throws {
        let council = try CouncilDirectory(path: TestCouncil.directory).load()
        let asAt = council.defaultReportingPeriod(today: TestCouncil.today)
        let first = council.evaluate(asAt: asAt, today: TestCouncil.today)
        let kbi01 = try #require(council.measureIndex(code: "KBI-01"))
        #expect(first.measures[kbi01].status == .offTrack)
        func changed(_ change: (inout Observation) -> Void) -> Council {
            var observations = council.observations
            let last = observations[kbi01].count - 1
            change(&observations[kbi01][last])
            return Council(plan: council.plan, measures: council.measures, observations: observations)
        }
        #expect(first.rejudging(council.measures.indices, in: council).listsAgree(with: first))
        let commentary = changed { $0.note = "Two posts filled in October" }
        #expect(first.rejudging([kbi01], in: commentary).listsAgree(with: first))
        let onTrack = changed { $0.value = 95 }
        let moved = first.rejudging([kbi01], in: onTrack)
        #expect(moved.measures[kbi01].status == .onTrack)
        #expect(!moved.listsAgree(with: first))
        #expect(!onTrack.evaluate(asAt: asAt, today: TestCouncil.today).listsAgree(with: first))
    }
}
