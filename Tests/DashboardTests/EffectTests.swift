import Foundation
import ScorecardKit
import ScorecardSample
import TestScratch
import Testing

@testable import Dashboard

/// What the update asks the data service for, and what the screens show before the answer arrives.
@Suite("Effects")
struct EffectTests {
    /// The model of a dashboard just opened on a new database of the small council, and its first state.
    static func opened() throws -> (DashboardModel, AppState, DataService) {
        let (store, _) = try LiveDataTests.store()
        let service = try DataService(store: store, today: TestCouncil.today, user: "cllr.test")
        let asAt = service.council.defaultReportingPeriod(today: TestCouncil.today)
        return (try service.start(asAt: asAt), AppState(asAt: asAt), service)
    }

    @Test("opening a measure asks for its history; the screen draws its judgement and chart before it arrives")
    func historyLoadsLazily() throws {
        let (model, state, service) = try Self.opened()
        var browsing = state
        #expect(browsing.apply(.open, model: model).isEmpty)
        #expect(browsing.apply(.open, model: model).isEmpty)
        #expect(browsing.apply(.moveDown, model: model).isEmpty)
        #expect(browsing.apply(.open, model: model) == [.loadHistory(measure: 2)])
        let before = DashboardView.screenText(browsing, model: model)
        #expect(before.contains("KBI-01  Major planning applications decided in time"))
        #expect(before.contains("86.0% against 90.0% in Sep 2024"), "the headline comes from the judgement")
        #expect(before.contains("Loading the values of every period…"))
        let answers = service.perform(.loadHistory(measure: 2))
        let loaded = try #require(answers.first?.newModel)
        #expect(browsing.apply(answers[0], model: model).isEmpty)
        let after = DashboardView.screenText(browsing, model: loaded)
        #expect(!after.contains("Loading"))
        #expect(after.contains("Sep 2024"))
        #expect(loaded.periodHistory(of: 2)?.first?.period == .month(2024, 9))
    }

    @Test("a measure opened while the store could not be reached asks for its history again when it can")
    func historyAskedAgainOnRecovery() throws {
        let (model, state, _) = try Self.opened()
        var browsing = state
        browsing.apply(.open, model: model)
        browsing.apply(.open, model: model)
        browsing.apply(.moveDown, model: model)
        #expect(browsing.apply(.open, model: model) == [.loadHistory(measure: 2)])
        browsing.apply(.failed("Connection to the server lost"), model: model)
        #expect(browsing.apply(.recovered, model: model) == [.loadHistory(measure: 2)])
    }

    @Test("an alerts list on screen has its measures' commentary read, though the dashboard opened with values only")
    func commentaryOfAlertsLoads() throws {
        var (session, _, _) = try LiveDataTests.session()
        #expect(session.model.evaluation(at: session.state.asAt).measures[2].observation?.note == nil)
        session.send(.showAlerts)
        session.service.show(ViewFocus(session.state))
        session.tick()
        let note = session.model.evaluation(at: session.state.asAt).measures[2].observation?.note
        #expect(note?.hasPrefix("Staff vacancies") == true)
        #expect(session.screen(width: 160).contains("Staff vacancies"))
    }

    @Test("an alerts list reads its measures' commentary with the part of their history held, not all of it")
    func commentaryWithoutWholeHistory() throws {
        // Forty months off target, the latest with commentary: more than the dashboard opens with.
        let start = Period.month(2021, 6)
        var observations = (0..<40).map { Observation(period: start.advanced(by: $0), value: 50) }
        observations[39].note = "Two posts vacant since spring"
        let measure = Measure(
            code: "LONG-1", title: "A long series", unit: MeasureUnit("%"), decimals: 1, frequency: .monthly,
            polarity: .higherIsBetter, targets: TargetSchedule(byPeriod: [.financialYear(2024): 90]))
        let plan = CouncilPlan(
            council: "Test", title: "Plan",
            priorities: [Priority(code: "P1", title: "Priority", plans: [DeliveryPlan(code: "DP1", title: "Plan", measures: [0])])])
        let path = ScratchDirectory.root.appendingPathComponent("scorecard-commentary-\(UUID().uuidString).sqlite").path
        let store = try SQLiteStore(path: path)
        _ = try store.importCouncil(Council(plan: plan, measures: [measure], observations: [observations]), by: "test", progress: nil)
        var session = try TestSession(store: store)
        let held = session.model.council.observations[0].count
        #expect(held < 40)
        #expect(session.model.evaluation(at: session.state.asAt).measures[0].observation?.note == nil)
        session.send(.showAlerts)
        session.service.show(ViewFocus(session.state))
        session.tick()
        #expect(session.model.evaluation(at: session.state.asAt).measures[0].observation?.note == "Two posts vacant since spring")
        #expect(session.model.council.observations[0].count == held)
        #expect(!session.model.council.hasWholeHistory(ofMeasure: 0))
        #expect(session.model.council.hasCommentary(ofMeasure: 0))
    }

    @Test("an alerts list reads the commentary of the rows around the selected one, and of others when moved to")
    func commentaryOfRowsShown() throws {
        // 500 measures, each off target with commentary: more rows than are read around the selection.
        let count = 500
        let start = Period.month(2024, 4)
        let measures = (0..<count).map { i in
            Measure(
                code: "M-\(i)", title: "Measure \(i)", unit: MeasureUnit("%"), decimals: 0, frequency: .monthly,
                polarity: .higherIsBetter, targets: TargetSchedule(byPeriod: [.financialYear(2024): 90]))
        }
        let observations = (0..<count).map { i in
            (0..<6).map { month in
                var observation = Observation(period: start.advanced(by: month), value: 50)
                observation.note = "Note \(i)"
                return observation
            }
        }
        let plan = CouncilPlan(
            council: "Test", title: "Plan",
            priorities: [Priority(code: "P1", title: "Priority", plans: [DeliveryPlan(code: "DP1", title: "Plan", measures: Array(0..<count))])])
        let path = ScratchDirectory.root.appendingPathComponent("scorecard-window-\(UUID().uuidString).sqlite").path
        let store = try SQLiteStore(path: path)
        _ = try store.importCouncil(Council(plan: plan, measures: measures, observations: observations), by: "test", progress: nil)
        var session = try TestSession(store: store)
        session.send(.showAlerts)
        for _ in 0..<10 { session.service.show(ViewFocus(session.state)); session.tick() }
        let rows = session.model.rows(for: session.state.current, asAt: session.state.asAt, scope: "")
        func measure(atRow row: Int) -> Int? {
            if case .alert(let m, _) = rows[row] { m } else { nil }
        }
        let near = try #require(measure(atRow: 0)), far = try #require(measure(atRow: rows.count - 1))
        #expect(rows.count > DataService.commentaryWindow)
        let nearRead = session.model.council.hasCommentary(ofMeasure: near)
        let farRead = session.model.council.hasCommentary(ofMeasure: far)
        #expect(nearRead)
        #expect(!farRead, "a row never scrolled to has no commentary read")
        session.send(.last)
        for _ in 0..<10 { session.service.show(ViewFocus(session.state)); session.tick() }
        let farReadAfter = session.model.council.hasCommentary(ofMeasure: far)
        let note = session.model.evaluation(at: session.state.asAt).measures[far].observation?.note
        #expect(farReadAfter)
        #expect(note == "Note \(far)")
    }

    @Test("[ on a period not yet judged asks for it, keeps the screen, and moves once it is judged")
    func periodJudgedInTheBackground() throws {
        let (model, state, service) = try Self.opened()
        var browsing = state
        let asAt = state.asAt
        let effects = browsing.apply(.previousPeriod, model: model)
        #expect(effects == [.judge(asAt.previous)])
        #expect(browsing.asAt == asAt)
        #expect(browsing.pendingPeriod == asAt.previous)
        #expect(DashboardView.screenText(browsing, model: model).contains("Judging as at \(asAt.previous.label)"))
        let answers = service.perform(.judge(asAt.previous))
        let judged = try #require(answers.first?.newModel)
        browsing.apply(answers[0], model: model)
        #expect(browsing.asAt == asAt.previous)
        #expect(browsing.pendingPeriod == nil)
        // Back to a period judged already: at once, the service told (so that it keeps that period judged).
        #expect(browsing.apply(.nextPeriod, model: judged) == [.judge(asAt)])
        #expect(browsing.asAt == asAt)
    }

    @Test("a period the screen moved to at once is kept judged while others are judged after it: the latest asked for")
    func periodMovedToIsKept() throws {
        let (_, state, service) = try EffectTests.opened()
        let shown = state.asAt
        let earlier = (1...6).map { shown.advanced(by: -$0) }
        for period in earlier.prefix(3) { _ = service.perform(.judge(period)) }
        // The screen went back to the first at once (a key, its model holding it): the service is told.
        _ = service.perform(.judge(shown))
        for period in earlier.suffix(3) { _ = service.perform(.judge(period)) }
        #expect(service.current.isJudged(at: shown), "kept: asked for after the three before")
        #expect(!service.current.isJudged(at: earlier[0]), "the oldest asked for went")
        // A model that lacks a period is judged there once for it, not again for every row drawn.
        let model = service.current
        let lacking = earlier[0]
        #expect(!model.isJudged(at: lacking))
        #expect(model.evaluation(at: lacking).asAt == lacking)
    }

    @Test("Enter on the form asks for the value to be saved, and the form waits for the answer")
    func saveIsAnEffect() throws {
        let (model, state, _) = try Self.opened()
        var editing = state
        editing.apply(.open, model: model)
        editing.apply(.open, model: model)
        editing.apply(.moveDown, model: model)
        editing.apply(.open, model: model)
        editing.apply(.edit, model: model)
        for c in "88" { editing.apply(.type(c), model: model) }
        let effects = editing.apply(.submit, model: model)
        #expect(effects == [.save(ValueEntry(measure: "KBI-01", period: "2024-10", value: "88", by: "cllr.test"))])
        guard case .editing(let form) = editing.mode else {
            Issue.record("the form closed before the store answered")
            return
        }
        #expect(form.isSaving)
        #expect(editing.apply(.type("9"), model: model).isEmpty, "typing waits while saving")
        editing.apply(.cancel, model: model)
        #expect(editing.message?.hasPrefix("Still saving") == true, "Esc while saving says why it waits")
        editing.apply(.saveRefused([ValueEntryError.Problem(field: .value, message: "Refused")]), model: model)
        guard case .editing(let refused) = editing.mode else {
            Issue.record("the form closed on a refusal")
            return
        }
        #expect(!refused.isSaving)
        #expect(refused.errors[.value] == "Refused")
        #expect(editing.message != "Saving…", "nothing is being saved once the store refused it")
    }

    @Test("a refresh failing while a value is being saved does not say it was not saved: only the save answers for itself")
    func refreshFailureIsNotTheSaves() throws {
        let (model, state, _) = try Self.opened()
        var editing = state
        editing.apply(.open, .open, .moveDown, .open, .edit, model: model)
        for c in "88" { editing.apply(.type(c), model: model) }
        _ = editing.apply(.submit, model: model)
        // The server stopped answering: the live connection's loss is told while the save still waits on its own.
        editing.apply(.failed("Connection to the server lost: showing the figures as they were; reconnecting"), model: model)
        guard case .editing(let form) = editing.mode else {
            Issue.record("the form closed on a refresh's failure")
            return
        }
        #expect(form.isSaving, "the value may still be on its way: the form waits for the save's own answer")
        #expect(editing.message?.hasPrefix("Not saved") != true)
        editing.apply(.cancel, model: model)
        #expect(editing.message?.hasPrefix("Still saving") == true)
        // The save's own failure is what says so.
        editing.apply(.saveFailed("the connection to the server was lost"), model: model)
        guard case .editing(let failed) = editing.mode else {
            Issue.record("the form closed on a failed save")
            return
        }
        #expect(!failed.isSaving)
        #expect(editing.message == "Not saved: the connection to the server was lost")
        // The connection back, the message that told of its loss goes with it.
        editing.apply(.failed("Connection to the server lost: showing the figures as they were; reconnecting"), model: model)
        _ = editing.apply(.submit, model: model)
        editing.apply(.saveFailed("Connection to the server lost: showing the figures as they were; reconnecting"), model: model)
        editing.apply(.recovered, model: model)
        #expect(editing.message == nil, "\(editing.message ?? "")")
        // Lost while committing: perhaps saved, and the form stays for Enter again.
        _ = editing.apply(.submit, model: model)
        editing.apply(.saveUncertain("the connection to the server was lost"), model: model)
        guard case .editing(let uncertain) = editing.mode else {
            Issue.record("the form closed on an uncertain save")
            return
        }
        #expect(!uncertain.isSaving)
        #expect(editing.message?.hasPrefix("Perhaps saved: the connection to the server was lost") == true)
    }
}

extension EffectTests {
    @Test("a run of [ judges several periods, and the period on screen stays judged throughout")
    func periodOnScreenStaysJudged() throws {
        let (store, _) = try LiveDataTests.store()
        // One period kept: judging any other would drop the one on screen, were it not on screen.
        let service = try DataService(store: store, today: TestCouncil.today, user: "cllr.test", keptPeriods: 1)
        let asAt = service.council.defaultReportingPeriod(today: TestCouncil.today)
        var model = try service.start(asAt: asAt)
        var state = AppState(asAt: asAt)
        service.show(ViewFocus(state))
        var asked: [AppEffect] = []
        for _ in 0..<2 {
            asked += state.apply(.previousPeriod, model: model)
            service.show(ViewFocus(state))
        }
        #expect(state.asAt == asAt, "nothing judged yet: the screen stays")
        #expect(asked == [.judge(asAt.previous), .judge(asAt.previous.previous)])
        // The answers arrive one by one, the screen waiting for the second.
        for effect in asked {
            model = try #require(service.perform(effect).first?.newModel)
            #expect(model.isJudged(at: asAt), "the period on screen was dropped from the judged ones")
        }
    }
}

extension EffectTests {
    @Test("the lists keep each measure's SPC letters without its chart; a measure opened has its chart and forecast kept at every period judged")
    func chartKeptForMeasuresOpened() throws {
        // A sample council three years deep: monthly measures with charts and year-end forecasts.
        let today = EarlierPeriodTests.generator.today
        let path = ScratchDirectory.root.appendingPathComponent("scorecard-outlook-\(UUID().uuidString).sqlite").path
        let store = try SQLiteStore(path: path)
        _ = try store.importCouncil(
            try SampleCouncilGenerator(measures: 40, years: 3).generate().council(today: today), by: "test", progress: nil)
        let service = try DataService(store: store, today: today, user: "cllr.test")
        let asAt = service.council.defaultReportingPeriod(today: today)
        let model = try service.start(asAt: asAt)
        #expect(model.evaluation(at: asAt).measures.allSatisfy { !$0.hasOutlook }, "a list needs no chart")
        let full = model.council.evaluate(asAt: asAt, today: today)
        #expect(model.evaluation(at: asAt).measures.map(\.process) == full.measures.map(\.process))
        #expect(full.measures.contains { $0.process != nil }, "the sample council has SPC letters to show")
        let opened = try #require(full.measures.firstIndex { $0.processControl != nil && $0.forecast != nil })
        let loaded = try #require(service.perform(.loadHistory(measure: opened)).first?.newModel)
        let judged = loaded.evaluation(at: asAt).measures[opened]
        #expect(judged == loaded.council.evaluate(asAt: asAt, today: today).measures[opened])
        #expect(judged.processControl == full.measures[opened].processControl)
        let earlier = try #require(service.perform(.judge(asAt.previous)).first?.newModel)
        let judgedEarlier = earlier.evaluation(at: asAt.previous).measures
        #expect(judgedEarlier[opened] == earlier.council.evaluate(asAt: asAt.previous, today: today).measures[opened])
        #expect(judgedEarlier.indices.filter { judgedEarlier[$0].hasOutlook } == [opened])
    }
}
