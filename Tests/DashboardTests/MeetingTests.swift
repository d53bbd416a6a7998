import Foundation
import GRDB
import ScorecardKit
import Testing

@testable import Dashboard

/// Meeting mode: a presenter's view shared through the store, followers showing it, breaking away and rejoining.
@Suite("Meetings")
struct MeetingTests {
    /// A presenter and a follower of `Cabinet` on one new database of the small council.
    static func meeting() throws -> (presenter: TestSession, follower: TestSession, store: SQLiteStore) {
        let (presenter, follower, store, _) = try meetingWithPath()
        return (presenter, follower, store)
    }

    /// ``meeting()``, and the database's path.
    static func meetingWithPath() throws -> (presenter: TestSession, follower: TestSession, store: SQLiteStore, path: String) {
        let (store, path) = try LiveDataTests.store()
        let presenter = try TestSession(store: store, presenting: "Cabinet")
        let follower = try TestSession(store: try SQLiteStore(path: path), following: "Cabinet")
        return (presenter, follower, store, path)
    }

    @Test("each move of the presenter's is an effect sharing the view, by codes")
    func presenterShares() throws {
        let (model, state, _) = try EffectTests.opened()
        var presenting = state
        presenting.meeting = .presenting(name: "Cabinet", followers: 0)
        let effects = presenting.apply(.open, model: model)
        let view = try #require(effects.compactMap { if case .shareView(let view) = $0 { view } else { nil } }.first)
        #expect(view.screens.map(\.route) == ["plan", "priority:P1"])
        #expect(view.asAt == state.asAt.description)
        // Opening help shares nothing: the view is the same.
        #expect(presenting.apply(.toggleHelp, model: model).isEmpty)
    }

    @Test("a follower shows what the presenter shows: screens, selection, filter and period")
    func followerFollows() throws {
        var (presenter, follower, _) = try Self.meeting()
        presenter.send(.moveDown, .open, .startFilter, .type("w"), .submit)
        follower.tick()
        #expect(follower.state.stack.map(\.route) == presenter.state.stack.map(\.route))
        #expect(follower.state.current.route == .priority(1))
        #expect(follower.state.current.filter == "w")
        #expect(follower.screen().contains("Filter \"w\""))
        // Esc clears the filter, then goes up; [ moves the period: the follower judges it too.
        presenter.send(.back, .back, .previousPeriod)
        follower.tick()
        #expect(follower.state.current.route == .plan)
        #expect(follower.state.asAt == presenter.state.asAt)
        #expect(follower.state.asAt == Period.quarter(2024, 1))
        #expect(follower.screen().contains("Following Cabinet"))
    }

    @Test("a message of the follower's own gives way to 'Following' when the presenter moves on")
    func followersMessageClearsOnAMove() throws {
        var (presenter, follower, _) = try Self.meeting()
        presenter.send(.open, .open, .moveDown, .open)
        follower.tick()
        follower.send(.edit)
        #expect(follower.state.message == "Following Cabinet: nothing can be recorded here")
        #expect(follower.state.isFollowingPresenter)
        presenter.send(.back)
        follower.tick()
        #expect(follower.state.message == nil)
        #expect(follower.screen().contains("Following Cabinet"))
    }

    @Test("a period's detail the presenter opens is open on the follower's screen too, and closes with it")
    func followerSeesTheDetail() throws {
        var (presenter, follower, _) = try Self.meeting()
        presenter.send(.open, .open, .moveDown, .open)
        presenter.tick()
        presenter.send(.showHistory)
        guard case .history(let period, _) = presenter.state.mode else {
            Issue.record("the presenter's detail did not open: \(presenter.state.mode)")
            return
        }
        follower.tick()
        follower.tick()
        #expect(follower.state.current.route == presenter.state.current.route)
        guard case .history(let shown, _) = follower.state.mode else {
            Issue.record("the follower shows no detail: \(follower.state.mode)")
            return
        }
        #expect(shown == period)
        presenter.send(.back)
        follower.tick()
        #expect(follower.state.mode == .browsing)
        // The follower closing the presenter's detail on its own breaks away, as any move of its own does.
        presenter.send(.showHistory)
        follower.tick()
        follower.tick()
        follower.send(.cancel)
        #expect(follower.state.mode == .browsing)
        #expect(follower.screen().contains("browsing on your own"))
    }

    @Test("a follower joining while the presenter's period detail is open selects that period's row")
    func lateFollowerSeesTheRow() throws {
        let (store, path) = try LiveDataTests.store()
        var presenter = try TestSession(store: store, presenting: "Cabinet")
        presenter.send(.open, .open, .moveDown, .open)
        presenter.tick()
        presenter.send(.moveDown, .moveDown, .showHistory)
        let row = presenter.state.current.selection
        #expect(row > 0)
        guard case .history(let period, _) = presenter.state.mode else {
            Issue.record("the presenter's detail did not open: \(presenter.state.mode)")
            return
        }
        var follower = try TestSession(store: try SQLiteStore(path: path), following: "Cabinet")
        follower.tick()
        follower.tick()
        #expect(follower.state.current.route == presenter.state.current.route)
        #expect(follower.state.mode == .history(period, scroll: 0))
        #expect(follower.state.current.selection == row, "the row of the period shown, not the first")
    }

    @Test("a move of the follower's own breaks away; the presenter moves on alone; f rejoins")
    func breakAwayAndRejoin() throws {
        var (presenter, follower, _) = try Self.meeting()
        presenter.send(.open)
        follower.tick()
        follower.send(.moveDown)
        #expect(follower.screen().contains("Cabinet: browsing on your own, f to rejoin"))
        presenter.send(.open)
        follower.tick()
        #expect(follower.state.current.route == .priority(0))
        #expect(follower.state.current.selection == 1)
        follower.send(.rejoin)
        #expect(follower.state.current.route == presenter.state.current.route)
        #expect(follower.screen().contains("Following Cabinet"))
    }

    @Test("the presenter counts its followers; a follower records nothing; ending the meeting tells the follower")
    func countRecordNothingAndEnd() throws {
        var (presenter, follower, store) = try Self.meeting()
        presenter.tick()
        #expect(presenter.state.meeting == .presenting(name: "Cabinet", followers: 1))
        #expect(presenter.screen().contains("Presenting Cabinet: 1 follower"))
        #expect(!follower.model.canRecord && !follower.model.canSignOff)
        follower.send(.open, .open, .moveDown, .open, .edit)
        // Moved on its own, it is no longer following: said so (it said "Following Cabinet").
        #expect(follower.state.message == "Cabinet: browsing on your own: nothing can be recorded here")
        follower.send(.showSignOff, .publishSelected)
        #expect(follower.state.message == "Cabinet: browsing on your own: nothing can be signed off here")
        presenter.service.leaveMeeting()
        follower.tick()
        #expect(follower.screen().contains("Cabinet has ended"))
        #expect(try store.meeting(named: "cabinet")?.ended == true, "kept under its name in lower case")
        follower.service.leaveMeeting()
        #expect(try store.followerCount(ofMeeting: "cabinet") == 0)
    }

    @Test("a meeting presented again after it ended is followed again by those who followed it")
    func presentedAgain() throws {
        var (presenter, follower, store, _) = try Self.meetingWithPath()
        presenter.service.leaveMeeting()
        follower.tick()
        #expect(follower.screen().contains("Cabinet has ended"))
        var again = try TestSession(store: store, presenting: "Cabinet")
        again.send(.moveDown, .open)
        Thread.sleep(forTimeInterval: DataService.followerCountInterval + 0.1)
        follower.tick()
        #expect(follower.state.message == "Cabinet is presented again: following")
        #expect(follower.state.current.route == again.state.current.route)
        again.send(.back)
        follower.tick()
        #expect(follower.state.current.route == .plan, "it follows the presenter's moves again")
        _ = presenter
    }

    @Test("a meeting's name is the same in any case and spacing: followed as typed, and never presented twice")
    func nameInAnyCase() throws {
        var (presenter, _, _, path) = try Self.meetingWithPath()
        var shouting = try TestSession(store: try SQLiteStore(path: path), following: "  CABINET ")
        shouting.tick()
        #expect(shouting.screen().contains("Following Cabinet"), "named as the presenter wrote it before the presenter moves")
        presenter.send(.moveDown, .open)
        shouting.tick()
        #expect(shouting.state.current.route == .priority(1))
        // Named as the presenter wrote it, not as typed.
        #expect(shouting.screen().contains("Following Cabinet") && !shouting.screen().contains("CABINET"))
        #expect(throws: (any Error).self) { try TestSession(store: try SQLiteStore(path: path), presenting: "cabinet") }
        // A name of the presenter's that is another meeting's, or no meeting's, is not shown for it.
        #expect(MeetingName.shown(presented: "Audit", typed: "cabinet") == "cabinet")
        #expect(MeetingName.shown(presented: "Cabinet\u{85}", typed: "cabinet") == "cabinet", "a next-line control, taken as a space")
        #expect(MeetingName.shown(presented: nil, typed: "cabinet") == "cabinet")
    }

    @Test("following a meeting nobody presents is refused plainly")
    func noSuchMeeting() throws {
        let (store, _) = try LiveDataTests.store()
        #expect(throws: DashboardError.noMeeting("Council")) { try TestSession(store: store, following: "Council") }
    }

    @Test("a move the store could not take (the server down) is shared once it can, without another key")
    func moveDuringOutage() throws {
        var (presenter, follower, _, path) = try Self.meetingWithPath()
        let outside = try DatabaseQueue(path: path)
        try outside.write { db in
            try db.execute(sql: """
                CREATE TABLE outage (down INTEGER);
                INSERT INTO outage VALUES (1);
                CREATE TRIGGER meeting_outage BEFORE UPDATE ON meeting WHEN EXISTS (SELECT 1 FROM outage)
                BEGIN SELECT RAISE(ABORT, 'the server is down'); END;
                """)
        }
        presenter.send(.moveDown, .open)
        follower.tick()
        #expect(follower.state.current.route == .plan, "nothing was shared while the store refused")
        try outside.write { try $0.execute(sql: "DELETE FROM outage") }
        presenter.tick()
        follower.tick()
        #expect(follower.state.current.route == presenter.state.current.route)
        #expect(follower.state.current.route == .priority(1))
    }

    @Test("a view read back from the store is the view written; a route names its part by code")
    func viewRoundTrip() throws {
        let view = MeetingView(
            asAt: "2024/25 Q2", scope: "Jane",
            screens: [.init(route: "plan", selection: 1, scroll: 0, filter: ""), .init(route: "measure:KBM-01", selection: 3, scroll: 2, filter: "a\"b")])
        #expect(MeetingView(text: view.text) == view)
        #expect(MeetingView(text: "not json") == nil)
        let council = try TestCouncil.model().council
        for route in [Route.plan, .priority(1), .deliveryPlan(priority: 0, plan: 0), .measure(2), .alerts(.all), .alerts(.priority(1)), .alerts(.deliveryPlan(priority: 0, plan: 0)), .myMeasures, .signOff,
            .search("kb i"), .exceptions(.all), .exceptions(.priority(0)), .exceptions(.deliveryPlan(priority: 1, plan: 0))] {
            #expect(Route(sharedName: route.sharedName(in: council), in: council) == route)
        }
        #expect(Route(sharedName: "measure:NOPE", in: council) == nil)
    }

    @Test("a view written by hand is taken only within bounds: no selection below the first row, no megabytes of screens")
    func viewWrittenByHand() throws {
        let (model, state, _) = try EffectTests.opened()
        var follower = state
        follower.meeting = .following(name: "Cabinet", joined: true, latest: nil, ended: false)
        let negative = MeetingView(
            asAt: state.asAt.description, scope: "",
            screens: [.init(route: "plan", selection: -3, scroll: -7, filter: ""), .init(route: "priority:P1", selection: -3, scroll: -1, filter: "")])
        _ = follower.show(try #require(MeetingView(text: negative.text)), model: model)
        #expect(follower.stack.map(\.selection) == [0, 0])
        #expect(follower.stack.map(\.scroll) == [0, 0])
        // A period not yet begun, written into the store by hand, is not taken.
        let future = MeetingView(asAt: "2098/99 Q4", scope: "", screens: [.init(route: "plan", selection: 0, scroll: 0, filter: "")])
        #expect(follower.show(try #require(MeetingView(text: future.text)), model: model).isEmpty)
        #expect(follower.asAt == state.asAt && follower.pendingPeriod == nil)

        let deep = MeetingView(asAt: "", scope: "", screens: Array(repeating: .init(route: "plan", selection: 0, scroll: 0, filter: ""), count: 65))
        #expect(MeetingView(text: deep.text) == nil)
        let long = MeetingView(asAt: "", scope: "", screens: [.init(route: "plan", selection: 0, scroll: 0, filter: String(repeating: "x", count: 2_000))])
        #expect(MeetingView(text: long.text) == nil)
        #expect(MeetingView(text: "{\"asAt\":\"\",\"scope\":\"\",\"screens\":[]," + String(repeating: " ", count: 70_000) + "}") == nil)
        let ordinary = MeetingView(asAt: "", scope: "", screens: Array(repeating: .init(route: "plan", selection: 2, scroll: 0, filter: "kbi"), count: 8))
        #expect(MeetingView(text: ordinary.text) == ordinary)
    }

    @Test("an owner presenting its own measures (no --owner or --service) has followers list those, not every measure")
    func ownersMeasuresShared() throws {
        let council = try TestCouncil.model().council
        let own = Set(council.measures.prefix(2).map(\.code))
        var owner = DashboardData(council: council, today: TestCouncil.today)
        owner.recordable = own
        let presenterModel = DashboardModel(owner)
        var presenter = TestCouncil.state(presenterModel)
        #expect(presenter.sharedView(model: presenterModel).measures == nil, "shared only while my measures is open")
        presenter.apply(.showMyMeasures, model: presenterModel)
        let view = try #require(MeetingView(text: presenter.sharedView(model: presenterModel).text))
        #expect(view.measures == own.sorted())
        // A member following, whose own login may record nothing (and so would list every measure).
        let memberModel = DashboardModel(DashboardData(council: council, today: TestCouncil.today))
        var follower = TestCouncil.state(memberModel)
        follower.meeting = .following(name: "Scrutiny", joined: true, latest: nil, ended: false)
        _ = follower.show(view, model: memberModel)
        let listed = memberModel.rows(for: follower.current, asAt: follower.asAt, scope: follower.scope)
        #expect(Set(listed) == Set(presenterModel.rows(for: presenter.current, asAt: presenter.asAt, scope: presenter.scope)))
        #expect(listed.count == 2)
        #expect(DashboardView.screenText(follower, model: memberModel, width: 100, height: 30).contains("The presenter's measures, worst first"))
    }

    @Test("a follower selects the presenter's row by its code, where its own list differs (a member's lacks the drafts an officer's has)")
    func selectionByCode() throws {
        let model = try TestCouncil.model()
        var presenter = TestCouncil.state(model)
        presenter.apply(.showMyMeasures, model: model)
        let measures = model.rows(for: presenter.current, asAt: presenter.asAt, scope: "")
        try #require(measures.count >= 3)
        presenter.apply(.moveDown, model: model)
        presenter.apply(.moveDown, model: model)
        var view = presenter.sharedView(model: model)
        #expect(view.screens.last?.row == measures[2].sharedName(in: model.council))
        // The follower's list has the same measure two places higher: the code finds it, the position would not.
        view.screens[view.screens.count - 1].selection = 0
        var follower = TestCouncil.state(model)
        follower.meeting = .following(name: "Cabinet", joined: true, latest: nil, ended: false)
        _ = follower.show(try #require(MeetingView(text: view.text)), model: model)
        #expect(follower.current.selection == 2)
        // A row the follower does not have: the position, within its list.
        view.screens[view.screens.count - 1].row = "measure:NOPE-1"
        view.screens[view.screens.count - 1].selection = 1
        _ = follower.show(view, model: model)
        #expect(follower.current.selection == 1)
        for row in measures + [.alert(measure: 0, rule: .offTrack), .measure(0), .priority(1), .deliveryPlan(priority: 0, plan: 0), .period(.month(2024, 9)),
                             .draft(measure: 1, period: .month(2024, 10)), .targetProposal(measure: 2, period: .financialYear(2024))] {
            #expect(RowID(sharedName: row.sharedName(in: model.council), in: model.council) == row)
        }
    }
}
