import Foundation
import ScorecardKit
import Testing

@testable import Dashboard

/// The sign-off screen: what an officer sees awaiting sign-off, what `p` asks for, and what a member sees.
@Suite("Signing values off in the dashboard")
struct SignOffTests {
    /// A dashboard on a new database of the small council with one draft recorded by Kate, and its first state.
    static func openedWithDraft(publishedOnly: Bool = false) throws -> (DashboardModel, AppState, DataService) {
        let (store, path) = try LiveDataTests.store()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "91", by: "kate"), today: TestCouncil.today)
        let opened: any CouncilStore = publishedOnly ? try SQLiteStore(path: path, publishedOnly: true) : store
        let service = try DataService(store: opened, today: TestCouncil.today, user: "olu")
        let asAt = service.council.defaultReportingPeriod(today: TestCouncil.today)
        return (try service.start(asAt: asAt), AppState(asAt: asAt), service)
    }

    @Test("s lists the draft with who recorded it; p asks to sign off exactly that draft, and then nothing awaits")
    func signOffOneDraft() throws {
        let (model, state, service) = try Self.openedWithDraft()
        var browsing = state
        #expect(browsing.apply(.showSignOff, model: model).isEmpty)
        let screen = DashboardView.screenText(browsing, model: model, width: 100, height: 24)
        #expect(screen.contains("1 draft members do not see yet"))
        #expect(screen.contains("KBI-01"))
        #expect(screen.contains("kate"))
        // When, with its day: a draft entered last week is not taken for one of this morning's.
        let entered = try #require(model.drafts.first?.changedAt)
        #expect(screen.contains(DateText.minute(entered)) && DateText.minute(entered).count == 16)
        let effects = browsing.apply(.publishSelected, model: model)
        #expect(effects == [.publish([PublishSelection(period: .month(2024, 10), measures: ["KBI-01"], targets: false, endedBy: TestCouncil.today, seen: Set(model.drafts.map(SeenRevision.init(draft:))))])])
        let answers = service.perform(effects[0])
        let published = try #require(answers.first?.newModel)
        #expect(published.drafts.isEmpty)
        _ = browsing.apply(answers[0], model: model)
        #expect(DashboardView.screenText(browsing, model: published, width: 100, height: 24).contains("Nothing awaits sign-off"))
    }

    @Test("what needs attention marks an alert raised on a draft at every width: in its reason, or narrower beside the alert")
    func draftAlertMarked() throws {
        let (store, path) = try LiveDataTests.store()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "20", by: "kate"), today: TestCouncil.today)
        let service = try DataService(store: try SQLiteStore(path: path), today: TestCouncil.today, user: "olu")
        let asAt = Period.month(2024, 10)
        let model = try service.start(asAt: asAt)
        var state = AppState(asAt: asAt)
        _ = state.apply(.showExceptions, model: model)
        let narrow = DashboardView.screenText(state, model: model, width: 100, height: 24)
        let row = try #require(narrow.split(separator: "\n").first { $0.contains("KBI-01") })
        #expect(row.contains("(draft)"), "\(narrow)")
        #expect(DashboardView.screenText(state, model: model, width: 130, height: 24).contains("On a draft: "))
    }

    @Test("a filter that leaves no draft listed says nothing matches it")
    func filteredToNothing() throws {
        let (model, state, _) = try Self.openedWithDraft()
        var browsing = state
        browsing.apply(.showSignOff, .startFilter, .type("z"), .type("z"), .type("q"), .submit, model: model)
        let screen = DashboardView.screenText(browsing, model: model, width: 100, height: 24)
        #expect(screen.contains("Nothing matches the filter."))
        #expect(!screen.contains("KBI-01 "))
    }

    @Test("lists mark a draft value beside it, and a member's lists have none to mark")
    func listsMarkDrafts() throws {
        let (model, state, _) = try Self.openedWithDraft()
        let m = try #require(model.council.measureIndex(code: "KBI-01"))
        let asAt = Period.quarter(2024, 3)
        var browsing = state
        browsing.asAt = asAt
        _ = browsing.apply(.showMyMeasures, model: model)
        #expect(model.evaluation(at: asAt).measures[m].observation?.isDraft == true)
        let line = try #require(DashboardView.screenText(browsing, model: model, width: 100, height: 30).split(separator: "\n").first { $0.contains("KBI-01") })
        #expect(line.contains("91 ✎") || line.contains("91.0 ✎") || line.contains("91% ✎") || line.contains("91.0% ✎"), "\(line)")
        let (published, publishedState, _) = try Self.openedWithDraft(publishedOnly: true)
        var member = publishedState
        member.asAt = asAt
        _ = member.apply(.showMyMeasures, model: published)
        #expect(!DashboardView.screenText(member, model: published, width: 100, height: 30).contains("✎"))
    }

    /// The line of `code` on the screen `action` opens as at Q3 2024/25, `width` wide, once `value` is recorded
    /// for October 2024 as a draft.
    static func line(of code: String, draft value: String, on action: AppAction) throws -> (Int) -> String {
        let (store, _) = try LiveDataTests.store()
        _ = try store.record(ValueEntry(measure: code, period: "2024-10", value: value, by: "kate"), today: TestCouncil.today)
        let service = try DataService(store: store, today: TestCouncil.today, user: "olu")
        var state = AppState(asAt: .quarter(2024, 3))
        let model = try service.start(asAt: state.asAt)
        _ = state.apply(action, model: model)
        return { width in
            DashboardView.screenText(state, model: model, width: width, height: 30).split(separator: "\n").first { $0.contains(code) }.map(String.init) ?? ""
        }
    }

    @Test("the list awaiting sign-off shows the figure in full where there is room")
    func signOffFigureInFull() throws {
        let line = try Self.line(of: "KBI-03", draft: "123456789", on: .showSignOff)
        #expect(line(130).contains("123,456,789"), "\(line(130))")
        #expect(line(100).contains("123m"), "abbreviated where the columns are narrow: \(line(100))")
    }

    @Test("the list awaiting sign-off shows the figure as recorded, not rounded to the measure's decimals")
    func signOffFigureAsRecorded() throws {
        // KBI-03 counts calls, to whole numbers: 1,234.5 typed is what is signed off, not 1,235.
        let line = try Self.line(of: "KBI-03", draft: "1234.5", on: .showSignOff)
        #expect(line(130).contains("1,234.5"), "\(line(130))")
    }

    @Test("opened from under a plan, the list awaiting sign-off says it is the whole plan's")
    func signOffCrumbFromAPlan() throws {
        let (model, state, _) = try Self.openedWithDraft()
        var browsing = state
        _ = browsing.apply(.open, model: model)
        _ = browsing.apply(.open, model: model)
        _ = browsing.apply(.showSignOff, model: model)
        let top = DashboardView.screenText(browsing, model: model, width: 120, height: 24).split(separator: "\n").first ?? ""
        #expect(top.contains("DP-01") && top.contains("Awaiting sign-off: whole plan"), "\(top)")
        var fromTop = state
        _ = fromTop.apply(.showSignOff, model: model)
        let plain = DashboardView.screenText(fromTop, model: model, width: 120, height: 24).split(separator: "\n").first ?? ""
        #expect(plain.contains("Awaiting sign-off") && !plain.contains("whole plan"), "\(plain)")
    }

    @Test("a draft's mark leaves its value its unit, where the screen has room for both")
    func draftKeepsItsUnit() throws {
        let line = try Self.line(of: "KBI-02", draft: "12.5", on: .showMyMeasures)
        #expect(line(130).contains("12.50 days ✎"), "\(line(130))")
        #expect(line(90).contains("12.50 days ✎"), "taken from the titles while they keep their room: \(line(90))")
        #expect(line(70).contains(" 12.50 ✎"), "where there is no room, the number alone: \(line(70))")
    }

    @Test("a proposed target is listed after the drafts, as a target with the one it replaces; p approves it and only it")
    func approveProposedTarget() throws {
        let (store, _) = try LiveDataTests.store()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "91", by: "kate"), today: TestCouncil.today)
        _ = try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024/25", target: "92", by: "kate"))
        var (service, model, browsing, screen) = try Self.signOffList(store)
        #expect(screen.contains("1 draft and 1 proposed target members do not see yet"))
        let lines = screen.split(separator: "\n")
        let row = try #require(lines.first { $0.hasPrefix("KBI-01") && $0.contains("2024/25") })
        #expect(row.contains("target") && row.contains("92") && row.contains("90") && row.contains("kate"))
        _ = browsing.apply(.moveDown, model: model)
        var opened = browsing
        _ = opened.apply(.open, model: model)
        #expect(
            DashboardView.screenText(opened, model: model, width: 100, height: 40)
                .contains("90.0%, tolerance 2; proposed 92.0% for 2024/25 by kate, awaiting approval"))
        let effects = browsing.apply(.publishSelected, model: model)
        #expect(effects == [.publish([PublishSelection(period: .financialYear(2024), measures: ["KBI-01"], values: false, endedBy: TestCouncil.today, seen: Set(model.targetProposals.map(SeenRevision.init(proposal:))))])])
        let approved = try #require(service.perform(effects[0]).first?.newModel)
        #expect(approved.targetProposals.isEmpty && approved.drafts.count == 1)
        let m = try #require(approved.council.measureIndex(code: "KBI-01"))
        #expect(approved.council.measures[m].targets[.financialYear(2024)] == 92)
    }

    @Test("a proposed target for a month shows, as its current one, the year's target that judges the month now")
    func monthProposalShowsTheYearsTarget() throws {
        let (store, _) = try LiveDataTests.store()
        _ = try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024-10", target: "95", by: "kate"))
        let screen = try Self.signOffList(store).screen
        let row = try #require(screen.split(separator: "\n").first { $0.hasPrefix("KBI-01") && $0.contains("Oct 2024") })
        #expect(row.contains("95.0%") && row.contains("90.0%") && !row.contains("not set"))
    }

    @Test("P asks first, then P again on drafts of two periods and a proposed target says it signed off all three")
    func signOffAllSaysAll() throws {
        let (store, _) = try LiveDataTests.store()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "91", by: "kate"), today: TestCouncil.today)
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-09", value: "89", by: "kate"), today: TestCouncil.today)
        _ = try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024/25", target: "92", by: "kate"))
        var session = try TestSession(store: store, user: "olu")
        session.send(.showSignOff, .publishAll)
        #expect(session.state.message == "P again signs off the 2 values and 1 target listed")
        #expect(try store.drafts().count == 2, "nothing signed off on one key")
        // Another key between forgets the question.
        session.send(.moveDown, .publishAll)
        #expect(try store.drafts().count == 2)
        session.send(.publishAll)
        #expect(session.state.message == "Signed off 2 values and 1 target: members now see them")
    }

    @Test("P asks again when the list changed after it asked (a draft recorded between the keys), and asks for one too")
    func signOffAllAsksAgainWhenTheListChanged() throws {
        let (store, path) = try LiveDataTests.store()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "91", by: "kate"), today: TestCouncil.today)
        var session = try TestSession(store: store, user: "olu")
        session.send(.showSignOff, .publishAll)
        #expect(session.state.message == "P again signs off the 1 value listed")
        _ = try SQLiteStore(path: path).record(ValueEntry(measure: "KBI-01", period: "2024-09", value: "89", by: "kate"), today: TestCouncil.today)
        session.tick()
        // The count said is gone from the status line as soon as the list changes, not only at the next P.
        #expect(session.state.message == "The drafts awaiting sign-off changed: P asks again about those listed now")
        session.send(.publishAll)
        #expect(session.state.message == "P again signs off the 2 values listed", "asked again, naming the new count")
        #expect(try store.drafts().count == 2)
        session.send(.publishAll)
        #expect(try store.drafts().isEmpty)
        #expect(try store.drafts().isEmpty && store.targetProposals().isEmpty)
    }

    @Test("p just after the selected draft was signed off elsewhere says the selection moved, and signs nothing off")
    func selectionMovedByAnotherSignOff() throws {
        let (store, path) = try LiveDataTests.store()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "91", by: "kate"), today: TestCouncil.today)
        _ = try store.record(ValueEntry(measure: "KBI-02", period: "2024-10", value: "40", by: "kate"), today: TestCouncil.today)
        var session = try TestSession(store: store, user: "olu")
        session.send(.showSignOff)
        #expect(session.screen().contains("2 drafts"))
        _ = try SQLiteStore(path: path).publish(PublishSelection(measures: ["KBI-01"]), by: "another officer")
        session.tick()
        session.send(.publishSelected)
        #expect(session.state.message?.hasPrefix("The row you had selected was signed off elsewhere") == true)
        #expect(try store.drafts().map(\.measureCode) == ["KBI-02"], "nothing was signed off")
        session.send(.publishSelected)
        #expect(session.state.message == "Signed off 1 value: members now see it")
        #expect(try store.drafts().isEmpty)
    }

    @Test("p signs off the draft on screen, not one recorded for the same period since the list was read")
    func signsOffOnlyWhatWasSeen() throws {
        let (store, path) = try LiveDataTests.store()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "91", by: "kate"), today: TestCouncil.today)
        _ = try store.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024/25", target: "92", by: "kate"))
        let service = try DataService(store: store, today: TestCouncil.today, user: "olu")
        let asAt = service.council.defaultReportingPeriod(today: TestCouncil.today)
        let model = try service.start(asAt: asAt)
        var state = AppState(asAt: asAt)
        _ = state.apply(.showSignOff, model: model)
        _ = state.apply(.publishAll, model: model)
        let effects = state.apply(.publishAll, model: model)
        // Meanwhile, another value and another target for the same periods.
        let other = try SQLiteStore(path: path)
        _ = try other.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "77", by: "mallory"), today: TestCouncil.today)
        _ = try other.proposeTarget(TargetEntry(measure: "KBI-01", period: "2024/25", target: "1", by: "mallory"))
        for effect in effects { _ = service.perform(effect) }
        #expect(try store.drafts().map(\.observation.value) == [77], "the newer draft still awaits sign-off")
        #expect(try store.targetProposals().map(\.value) == [1], "and so does the newer proposal")
        let history = try store.revisions(measure: "KBI-01", period: .month(2024, 10))
        #expect(!history.contains { $0.observation.value == 77 && $0.signedOff != nil })
    }

    /// The sign-off screen with one draft, entered by `name`.
    /// The sign-off list of `store` as the officer olu opens it: the service, the model, the state showing the
    /// list, and its screen at 100x24.
    static func signOffList(_ store: SQLiteStore) throws -> (service: DataService, model: DashboardModel, state: AppState, screen: String) {
        let service = try DataService(store: store, today: TestCouncil.today, user: "olu")
        let asAt = service.council.defaultReportingPeriod(today: TestCouncil.today)
        let model = try service.start(asAt: asAt)
        var state = AppState(asAt: asAt)
        _ = state.apply(.showSignOff, model: model)
        return (service, model, state, DashboardView.screenText(state, model: model, width: 100, height: 24))
    }

    static func signOffScreen(enteredBy name: String) throws -> String {
        let (store, _) = try LiveDataTests.store()
        _ = try store.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "91", by: name), today: TestCouncil.today)
        let service = try DataService(store: store, today: TestCouncil.today, user: "olu")
        let asAt = service.council.defaultReportingPeriod(today: TestCouncil.today)
        let model = try service.start(asAt: asAt)
        var browsing = AppState(asAt: asAt)
        _ = browsing.apply(.showSignOff, model: model)
        return DashboardView.screenText(browsing, model: model, width: 100, height: 24)
    }

    @Test("a control character in who entered a draft shows as �, as on the command line, never raw")
    func controlCharacterInAName() throws {
        let screen = try Self.signOffScreen(enteredBy: "ev\u{1B}[2Jil")
        #expect(screen.contains("ev\u{FFFD}[2Jil") && !screen.contains("\u{1B}"))
        // A line separator only breaks text: a space; a direction mark reorders it: `�`.
        let marked = try Self.signOffScreen(enteredBy: "Kate\u{2028}Adams\u{200F}")
        #expect(marked.contains("Kate Adams\u{FFFD}"))
    }

    @Test("a tab in who entered a draft shows as a space, as the README says, not dropped")
    func tabInAName() throws {
        let screen = try Self.signOffScreen(enteredBy: "kate\tadams")
        #expect(screen.contains("kate adams") && !screen.contains("kateadams"))
    }

    @Test("with published figures only, the status line says so, e refuses plainly and s has no drafts to show")
    func publishedFiguresOnly() throws {
        let (model, state, _) = try Self.openedWithDraft(publishedOnly: true)
        var browsing = state
        #expect(DashboardView.screenText(browsing, model: model, width: 100, height: 24).contains("published figures"))
        _ = browsing.apply(.edit, model: model)
        #expect(browsing.message?.contains("nothing can be recorded") == true)
        _ = browsing.apply(.showSignOff, model: model)
        #expect(browsing.current.route == .plan)
        #expect(model.drafts.isEmpty)
    }
}

@Suite("A value's history says who signed it off")
struct SignOffHistoryTests {
    @Test("H on a period lists each version as a draft or signed off, by whom and when")
    func historySaysWhoSignedOff() throws {
        let (opened, state, service) = try SignOffTests.openedWithDraft()
        let m = try #require(opened.council.measureIndex(code: "KBI-01"))
        let period = Period.month(2024, 10)
        _ = service.perform(.publish([PublishSelection(measures: ["KBI-01"])]))
        _ = service.perform(.loadHistory(measure: m))
        let model = try #require(service.perform(.loadRevisions(measure: m, period: period)).first?.newModel)
        var browsing = state
        browsing.openInPlace(measure: m, model: model)
        browsing.mode = .history(period, scroll: 0)
        let text = DashboardView.screenText(browsing, model: model, width: 100, height: 30)
        #expect(text.contains("kate  91.0% (new); signed off by olu"))
        // In a narrow box the line wraps: who signed it off, and when, are not cut away.
        let narrow = DashboardView.screenText(browsing, model: model, width: 60, height: 30)
        let signedAt = try #require(model.revisions(of: m, in: period)?.last?.signedOff?.at)
        #expect(narrow.contains("signed off by olu") && narrow.contains(DateText.minute(signedAt)), "\(narrow)")
    }
}
