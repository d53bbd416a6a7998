import ScorecardKit
import ScorecardSample
import Testing

@testable import Dashboard

@Suite("Navigation")
struct UpdateTests {
    @Test("drill down from the plan to a measure and back up")
    func drillDownAndUp() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        #expect(state.routes == [.plan])
        state.apply(.open, model: model)  // priority P1
        #expect(state.routes == [.plan, .priority(0)])
        state.apply(.open, model: model)  // its first delivery plan, DP-01
        #expect(state.current.route == .deliveryPlan(priority: 0, plan: 0))
        state.apply(.moveDown, .open, model: model)  // second measure, KBI-01
        #expect(state.current.route == .measure(2))
        state.apply(.back, .back, model: model)
        #expect(state.routes == [.plan, .priority(0)])
        state.apply(.back, .back, model: model)
        #expect(state.routes == [.plan])
        #expect(state.message == "At the top: press q to quit")
    }

    @Test("the cursor stops at the ends of a list")
    func clamping() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.moveUp, model: model)
        #expect(state.current.selection == 0)
        state.apply(.moveDown, .moveDown, .moveDown, model: model)
        #expect(state.current.selection == 1)  // two priorities
        state.apply(.first, model: model)
        #expect(state.current.selection == 0)
        state.apply(.last, model: model)
        #expect(state.current.selection == 1)
        state.apply(.pageUp, model: model)
        #expect(state.current.selection == 0)
    }

    @Test("a priority lists its delivery plans, then the measures hanging off it")
    func priorityRows() throws {
        let model = try TestCouncil.model()
        let rows = model.rows(for: NavigationEntry(.priority(0)), asAt: .quarter(2024, 2), scope: "")
        #expect(rows == [.deliveryPlan(priority: 0, plan: 0), .measure(0)])
    }

    @Test("/ filters the current list as you type; Esc clears it; n and N move through matches")
    func filter() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.moveDown, .open, .open, model: model)  // P2 -> DP-02: KBI-02, KBI-03
        #expect(model.rows(for: state.current, asAt: state.asAt, scope: "").count == 2)
        state.apply(.startFilter, .type("c"), .type("a"), .type("l"), .type("l"), model: model)
        #expect(state.current.filter == "call")
        #expect(model.rows(for: state.current, asAt: state.asAt, scope: "") == [.measure(4)])
        state.apply(.submit, model: model)
        #expect(state.mode == .browsing)
        state.apply(.nextMatch, model: model)
        #expect(state.current.selection == 0)
        state.apply(.back, model: model)  // Esc clears the filter before going up
        #expect(state.current.filter == "")
        #expect(state.current.selection == 1)  // still on KBI-03
        #expect(state.current.route == .deliveryPlan(priority: 1, plan: 0))
    }

    @Test("p where nothing can be written (data files, a file only readable) says so, not who signs off")
    func signOffWhereNothingIsWritten() throws {
        let model = try TestCouncil.model()
        #expect(!model.canRecord && !model.canSignOff && !model.seesPublishedOnly)
        var state = TestCouncil.state(model)
        state.apply(.publishSelected, model: model)
        #expect(state.message == model.readOnlyReason && state.message?.contains("officers") == false)
    }

    @Test("a filter matching nothing leaves an empty list and Enter does nothing")
    func emptyFilter() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.startFilter, .type("z"), .type("z"), .submit, .open, model: model)
        #expect(state.routes == [.plan])
        #expect(model.rows(for: state.current, asAt: state.asAt, scope: "").isEmpty)
        // `/` again starts a new filter ("zzwel" found nothing), and Ctrl-U clears what is typed.
        state.apply(.startFilter, .type("w"), .type("e"), .type("l"), model: model)
        #expect(state.current.filter == "wel" && !model.rows(for: state.current, asAt: state.asAt, scope: "").isEmpty)
        state.apply(.clearField, model: model)
        #expect(state.current.filter == "" && state.mode == .filtering)
    }

    @Test("m marks a value that was due before today and is not in, and counts them, in words as well as colour")
    func myMeasuresMarkLateValues() throws {
        let council = try CouncilDirectory(path: TestCouncil.directory).load()
        // 5 December 2024: October's values were due by 30 November.
        let late = DashboardModel(council: council, today: CivilDate(year: 2024, month: 12, day: 5)!)
        var state = AppState(asAt: council.defaultReportingPeriod(today: TestCouncil.today), route: .plan)
        state.apply(.showMyMeasures, model: late)
        let screen = DashboardView.screenText(state, model: late, width: 120, height: 30)
        #expect(screen.contains("! 30 Nov 2024"))
        #expect(screen.contains("late, 0 due in the next 14 days"))
        let onTime = DashboardView.screenText(state, model: DashboardModel(council: council, today: TestCouncil.today), width: 120, height: 30)
        #expect(!onTime.contains("! 30 Nov 2024") && !onTime.contains("late,"))
    }

    /// The test council with measure `retired` retired, as data a dashboard that records holds.
    static func recording(retiring retired: Int) throws -> (Council, DashboardData) {
        var council = try CouncilDirectory(path: TestCouncil.directory).load()
        council.measures[retired].lifecycle = .retired
        var data = DashboardData(council: council, today: TestCouncil.today)
        data.canRecord = true
        return (council, data)
    }

    @Test("the footer offers e on a measure that can be recorded, not on one retired or another's")
    func recordHintOnlyWhereItRecords() throws {
        var (council, data) = try Self.recording(retiring: 0)
        data.recordable = [council.measures[0].code, council.measures[1].code]
        let model = DashboardModel(data)
        let asAt = council.defaultReportingPeriod(today: TestCouncil.today)
        func footer(_ m: Int) -> String {
            let screen = DashboardView.screenText(AppState(asAt: asAt, route: .measure(m)), model: model, width: 120, height: 30)
            return String(screen.split(separator: "\n").last ?? "")
        }
        #expect(!footer(0).contains("Record a value"), "retired")
        #expect(footer(1).contains("Record a value"))
        #expect(!footer(2).contains("Record a value"), "not this login's")
    }

    @Test("a priority with nothing in it says so, not that nothing matches a filter")
    func emptyPriority() throws {
        var council = try TestCouncil.model().council
        council.plan.priorities.append(Priority(code: "P9", title: "Still to be planned"))
        let model = DashboardModel(council: council, today: TestCouncil.today)
        var state = TestCouncil.state(model)
        state.apply(.last, .open, model: model)
        #expect(state.current.route == .priority(council.plan.priorities.count - 1))
        let screen = DashboardView.screenText(state, model: model, width: 100, height: 30)
        #expect(screen.contains("This priority has no delivery plans or measures."))
        #expect(!screen.contains("Nothing matches the filter."))
    }

    @Test(": and a code jumps to the measure in its place in the tree")
    func jump() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.startJump, model: model)
        for c in "kbi-02" { state.apply(.type(c), model: model) }
        state.apply(.submit, model: model)
        #expect(state.routes == [.plan, .priority(1), .deliveryPlan(priority: 1, plan: 0), .measure(3)])
        // Each level has the way down selected.
        #expect(state.stack.map(\.selection) == [1, 0, 0, 0])
        state.apply(.back, model: model)
        #expect(state.current.route == .deliveryPlan(priority: 1, plan: 0))
    }

    @Test("a measure hanging off a priority opens under the priority")
    func jumpToOutcome() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.startJump, .type("O"), .type("U"), .type("T"), .submit, model: model)
        #expect(state.routes == [.plan, .priority(0), .measure(0)])
        #expect(state.stack[1].selection == 1)
    }

    @Test("an unknown code says so and stays put")
    func jumpUnknown() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.startJump, .type("X"), .type("9"), .submit, model: model)
        #expect(state.routes == [.plan])
        #expect(state.message == "No measure has the code \"X9\", nor a title with those words")
        // Nothing typed: the prompt closes without a word.
        var empty = TestCouncil.state(model)
        empty.apply(.startJump, .type(" "), .submit, model: model)
        #expect(empty.mode == .browsing && empty.message == nil && empty.routes == [.plan])
    }

    @Test("alerts, then Enter opens the measure; Esc comes back to the same alert")
    func alerts() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.showAlerts, model: model)
        #expect(state.routes == [.plan, .alerts(.all)])
        let rows = model.rows(for: state.current, asAt: state.asAt, scope: "")
        #expect(rows == [.alert(measure: 2, rule: .offTrack)])  // KBI-01 off track in Sep 2024
        state.apply(.open, model: model)
        #expect(state.routes == [.plan, .alerts(.all), .measure(2)])
        state.apply(.back, model: model)
        #expect(state.routes == [.plan, .alerts(.all)])
        #expect(state.current.selection == 0)
    }

    /// A sample council of `measures` over three years, its model, reporting period and judged measures.
    static func sample(measures: Int) throws -> (Council, DashboardModel, Period, ChunkedArray<MeasureEvaluation>) {
        let generator = SampleCouncilGenerator(measures: measures, years: 3)
        let council = try generator.generate().council(today: generator.today)
        let model = DashboardModel(council: council, today: generator.today)
        let asAt = council.defaultReportingPeriod(today: generator.today)
        return (council, model, asAt, model.evaluation(at: asAt).measures)
    }

    @Test("x from a priority or delivery plan starts with its own exceptions, not the plan's first")
    func exceptionWalkFromWhereTheChairIs() throws {
        let (council, model, asAt, judged) = try Self.sample(measures: 40)
        // A delivery plan of a priority after the first, holding an exception.
        let located = council.agendaOrder.first { m in
            !judged[m].alerts.isEmpty && council.locations[m].priority > 0 && council.locations[m].plan != nil
        }
        let m = try #require(located)
        let location = council.locations[m]
        let plan = try #require(location.plan)
        var state = AppState(asAt: asAt, route: .deliveryPlan(priority: location.priority, plan: plan))
        state.current.selection = -1  // no row selected: where the chair is is the plan on screen
        state.apply(.nextException, model: model)
        guard case .measure(let opened) = state.current.route else {
            Issue.record("x opened no measure")
            return
        }
        #expect(council.locations[opened].priority == location.priority && council.locations[opened].plan == plan)
        // From the Council Plan with a priority selected, that priority's first.
        var fromPlan = AppState(asAt: asAt, route: .plan)
        fromPlan.current.selection = location.priority
        fromPlan.apply(.nextException, model: model)
        guard case .measure(let first) = fromPlan.current.route else {
            Issue.record("x opened no measure")
            return
        }
        #expect(council.locations[first].priority == location.priority)
        // From the priority's screen with the delivery plan selected, that plan's first.
        var fromPriority = AppState(asAt: asAt, route: .priority(location.priority))
        fromPriority.current.selection = plan
        fromPriority.apply(.nextException, model: model)
        guard case .measure(let fromRow) = fromPriority.current.route else {
            Issue.record("x opened no measure")
            return
        }
        #expect(council.locations[fromRow].plan == plan && council.locations[fromRow].priority == location.priority)
        // From an alerts list, the selected alert's measure (it opened the plan's first exception).
        var fromAlerts = AppState(asAt: asAt, route: .alerts(.all))
        let rows = model.rows(for: fromAlerts.current, asAt: asAt, scope: fromAlerts.scope)
        let agendaFirst = try #require(council.agendaOrder.first { !judged[$0].alerts.isEmpty })
        // A row of a measure other than the plan's first exception (a measure's alerts are rows of their own).
        let row = try #require(rows.firstIndex { if case .alert(let m, _) = $0 { m != agendaFirst } else { false } })
        guard case .alert(let alerted, _) = rows[row] else { return }
        fromAlerts.current.selection = row
        fromAlerts.apply(.nextException, model: model)
        #expect(fromAlerts.current.route == .measure(alerted))
    }

    @Test("from My measures, a, ! and x keep to those measures (a and ! again widen to the whole plan)")
    func myMeasuresAlertsAndWalk() throws {
        let (council, model, asAt, judged) = try Self.sample(measures: 60)
        // A service with exceptions, and others elsewhere in the plan.
        let services = Set(council.measures.indices.filter { !judged[$0].alerts.isEmpty }.map { council.measures[$0].service })
        let service = try #require(services.sorted().first)
        let theirs = Set(council.measures.indices.filter { council.measures[$0].service == service && council.measures[$0].lifecycle != .retired })
        let excepted = council.agendaOrder.filter { theirs.contains($0) && !judged[$0].alerts.isEmpty }
        #expect(services.count > 1 && !excepted.isEmpty)
        func measures(of state: AppState) -> Set<Int> {
            Set(model.rows(for: state.current, asAt: asAt, scope: state.scope).compactMap {
                switch $0 { case .measure(let m), .alert(let m, _): m; default: nil }
            })
        }
        var state = AppState(asAt: asAt, scope: MeasureScope(service), route: .myMeasures)
        state.apply(.showAlerts, model: model)
        #expect(state.current.route == .alerts(.mine))
        #expect(measures(of: state) == Set(excepted))
        state.apply(.showAlerts, model: model)
        #expect(state.current.route == .alerts(.all) && measures(of: state).count > excepted.count)
        var exceptions = AppState(asAt: asAt, scope: MeasureScope(service), route: .myMeasures)
        exceptions.apply(.showExceptions, model: model)
        #expect(exceptions.current.route == .exceptions(.mine) && measures(of: exceptions) == Set(excepted))
        // x from the list walks theirs only, in the plan's order, and says so.
        var walk = AppState(asAt: asAt, scope: MeasureScope(service), route: .myMeasures)
        walk.current.selection = -1
        var opened: [Int] = []
        for _ in excepted.indices {
            walk.apply(.nextException, model: model)
            guard case .measure(let m) = walk.current.route else { break }
            opened.append(m)
        }
        #expect(opened == excepted)
        #expect(walk.message?.contains("of my measures") == true)
        walk.apply(.nextException, model: model)
        #expect(walk.message == "That was the last exception (X goes back)")
        // x again stays at their last: it did not go on into the plan's exceptions.
        walk.apply(.nextException, model: model)
        #expect(walk.message == "That was the last exception (X goes back)" && walk.current.route == .measure(excepted[excepted.count - 1]))
        walk.apply(.previousException, model: model)
        if excepted.count > 1 { #expect(walk.message?.contains("of my measures") == true && walk.current.route == .measure(excepted[excepted.count - 2])) }
        // Left and opened another way, a measure of theirs starts the plan's walk afresh.
        var elsewhere = AppState(asAt: asAt, scope: MeasureScope(service), route: .myMeasures)
        elsewhere.current.selection = -1
        elsewhere.apply(.nextException, model: model)
        #expect(elsewhere.message?.contains("of my measures") == true)
        let another = try #require(theirs.sorted().first { $0 != excepted.first })
        elsewhere.apply(.back, model: model)
        _ = elsewhere.openInPlace(measure: another, model: model)
        elsewhere.apply(.nextException, model: model)
        #expect(elsewhere.message?.hasPrefix("Exception") == true && elsewhere.message?.contains("of my measures") == false, "\(elsewhere.message ?? "")")
    }

    @Test("x walks the exceptions in the plan's order, each opened in its place; X walks back")
    func exceptionWalk() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.nextException, model: model)
        // KBI-01 (the plan's only alert) opens where it sits.
        #expect(state.routes == [.plan, .priority(0), .deliveryPlan(priority: 0, plan: 0), .measure(2)])
        #expect(state.message == "Exception 1 of 1: Off track")
        state.apply(.nextException, model: model)
        #expect(state.message == "That was the last exception (X goes back)")
        #expect(state.current.route == .measure(2))
        state = TestCouncil.state(model)
        state.apply(.previousException, model: model)
        #expect(state.current.route == .measure(2))
    }

    @Test(": with the start of several codes, or words of a title, lists the measures to choose from")
    func jumpSeveral() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.startJump, .type("k"), .type("b"), .type("i"), .submit, model: model)
        #expect(state.routes == [.plan, .search("kbi")])
        #expect(model.rows(for: state.current, asAt: state.asAt, scope: "") == [.measure(2), .measure(3), .measure(4)])
        state.apply(.open, model: model)  // KBI-01 opens where it sits
        #expect(state.routes == [.plan, .priority(0), .deliveryPlan(priority: 0, plan: 0), .measure(2)])
        state = TestCouncil.state(model)
        state.apply(.startJump, .type("p"), .type("l"), .type("a"), .type("n"), .type("n"), .submit, model: model)
        #expect(state.routes == [.plan, .search("plann")])  // "Major planning applications decided in time"
        #expect(model.rows(for: state.current, asAt: state.asAt, scope: "") == [.measure(2)])
    }

    @Test("/ on the Council Plan searches every measure's title")
    func filterSearchesTitles() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.startFilter, .type("a"), .type("f"), .type("f"), .submit, model: model)
        #expect(state.routes == [.plan, .search("aff")])
        #expect(model.rows(for: state.current, asAt: state.asAt, scope: "") == [.measure(1)])  // KBM-01 Affordable homes
        #expect(state.stack[0].filter.isEmpty)
        // At the start of a word only: "lann" is inside "planning".
        #expect(model.measures(matchingText: "lann").isEmpty && model.measures(matchingText: "plann") == [2])
    }

    @Test("a filter on a list of measures matches their status as well as their code, title, owner and team")
    func filterMatchesStatus() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.showMyMeasures, model: model)
        let evaluation = model.evaluation(at: state.asAt)
        let all = model.rows(for: state.current, asAt: state.asAt, scope: "")
        func measures(matching text: String) -> [RowID] {
            var filtered = state.current
            filtered.filter = text
            return model.rows(for: filtered, asAt: state.asAt, scope: "")
        }
        for status in [Status.offTrack, .onTrack] {
            let expected = all.filter { row in
                guard case .measure(let m) = row else { return false }
                return evaluation.measures[m].status == status
            }
            #expect(!expected.isEmpty)
            #expect(measures(matching: status.label.lowercased()) == expected)
        }
        let owner = model.council.measures[0].owner
        #expect(measures(matching: owner.uppercased()).contains(.measure(0)))
        #expect(measures(matching: "no such words").isEmpty)
        // Typed a letter at a time (each searching what the one before kept) as found at once by a fresh model.
        let fresh = try TestCouncil.model()
        for word in ["track", "ra", "e "] {
            for end in word.indices.dropFirst() { _ = measures(matching: String(word[..<end])) }
            var whole = state.current
            whole.filter = word
            #expect(measures(matching: word) == fresh.rows(for: whole, asAt: state.asAt, scope: ""))
        }
    }

    @Test("! lists what needs attention at the level on screen, one measure a row in the plan's order; Esc comes back")
    func exceptionsView() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.showExceptions, model: model)
        #expect(state.routes == [.plan, .exceptions(.all)])
        #expect(model.rows(for: state.current, asAt: state.asAt, scope: "") == [.measure(2)])
        #expect(DashboardView.screenText(state, model: model).contains("Needs attention in the whole plan as at Q2 2024/25"))
        state.apply(.open, model: model)
        #expect(state.routes == [.plan, .exceptions(.all), .measure(2)])
        state.apply(.back, model: model)
        #expect(state.current.route == .exceptions(.all))
        state = TestCouncil.state(model)
        state.apply(.moveDown, .open, .showExceptions, model: model)
        #expect(state.routes == [.plan, .priority(1), .exceptions(.priority(1))])
        #expect(model.rows(for: state.current, asAt: state.asAt, scope: "").isEmpty)
        state.apply(.showExceptions, model: model)  // widened to the whole plan
        #expect(state.current.route == .exceptions(.all))
    }

    @Test("a second a shows the same alerts screen, and alerts from alerts does not stack")
    func alertsTwice() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.showAlerts, .showAlerts, model: model)
        #expect(state.routes == [.plan, .alerts(.all)])
        // From My measures, theirs; a again widens it in place to every alert.
        state.apply(.showMyMeasures, .showAlerts, model: model)
        #expect(state.routes == [.plan, .alerts(.all), .myMeasures, .alerts(.mine)])
        state.apply(.showAlerts, model: model)
        #expect(state.routes == [.plan, .alerts(.all), .myMeasures, .alerts(.all)])
    }

    @Test("a in a priority or a delivery plan shows that level's alerts; a again widens to every alert")
    func alertsInContext() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.moveDown, .open, .showAlerts, model: model)  // P2, whose measures raise none
        #expect(state.routes == [.plan, .priority(1), .alerts(.priority(1))])
        #expect(model.rows(for: state.current, asAt: state.asAt, scope: "").isEmpty)
        #expect(DashboardView.screenText(state, model: model).contains("Alerts in P2"))
        state.apply(.showAlerts, model: model)
        #expect(state.routes == [.plan, .priority(1), .alerts(.all)])
        #expect(model.rows(for: state.current, asAt: state.asAt, scope: "") == [.alert(measure: 2, rule: .offTrack)])
        state = TestCouncil.state(model)
        state.apply(.open, .open, .showAlerts, model: model)  // DP-01, where KBI-01 is off track
        #expect(state.routes == [.plan, .priority(0), .deliveryPlan(priority: 0, plan: 0), .alerts(.deliveryPlan(priority: 0, plan: 0))])
        #expect(model.rows(for: state.current, asAt: state.asAt, scope: "") == [.alert(measure: 2, rule: .offTrack)])
    }

    @Test("[ and ] change the period and keep the selected row")
    func periodChange() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.moveDown, .open, .open, .moveDown, model: model)  // DP-02, KBI-03 selected
        state.apply(.previousPeriod, model: model)
        #expect(state.asAt == .quarter(2024, 1))
        #expect(state.current.selection == 1)
        state.apply(.nextPeriod, model: model)
        #expect(state.asAt == .quarter(2024, 2))
        #expect(state.current.selection == 1)
    }

    @Test("the period cannot move past the data or the latest quarter that has ended")
    func periodLimits() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        // Data starts in 2023/24 (the annual measure); today is in Q3 2024/25, so Q2 is the latest ended.
        #expect(model.periods == Period.quarter(2023, 4)...Period.quarter(2024, 2))
        for _ in 0..<10 { state.apply(.nextPeriod, model: model) }
        #expect(state.asAt == .quarter(2024, 2))
        #expect(state.message == "Q3 2024/25 has not ended yet: Q2 2024/25 is the latest reporting period")
    }

    @Test("period change keeps an alert selected when it is still raised")
    func periodChangeOnAlerts() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.showAlerts, .nextPeriod, model: model)
        #expect(state.current.selection == 0)
        #expect(state.routes == [.plan, .alerts(.all)])
    }

    @Test("my measures shows one owner's or service's measures, worst first")
    func myMeasures() throws {
        let model = try TestCouncil.model()
        var state = AppState(asAt: .quarter(2024, 2), scope: "housing")
        state.apply(.showMyMeasures, model: model)
        #expect(model.rows(for: state.current, asAt: state.asAt, scope: state.scope) == [.measure(1)])
        let everyone = model.rows(for: state.current, asAt: state.asAt, scope: "")
        // KBI-01 is off track, so it comes first.
        #expect(everyone.first == .measure(2))
        #expect(everyone.count == 5)
    }

    @Test("help opens with ?, scrolls with the moving keys, and any other key closes it")
    func help() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.toggleHelp, model: model)
        #expect(state.mode == .help(scroll: 0))
        state.apply(.moveDown, model: model)
        #expect(state.mode == .help(scroll: 1))
        state.apply(.moveUp, model: model)
        state.apply(.moveUp, model: model)
        #expect(state.mode == .help(scroll: 0), "never above the first line")
        state.apply(.open, model: model)
        #expect(state.mode == .browsing)
        #expect(state.current.selection == 0, "the key that closed the help did nothing else")
    }

    @Test("PgDn in the help moves by the help's page, not the list's beneath it")
    func helpPages() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.toggleHelp, model: model)
        let theme = Theme(capabilities: Capabilities(colorMode: .none, glyphs: .unicode))
        let (_, layout) = DashboardView.render(state: state, model: model, size: Size(width: 100, height: 30), theme: theme)
        state.remember(layout)
        #expect(layout.visibleRows > 10, "the help's box, nearly the whole screen")
        state.apply(.pageDown, model: model)
        #expect(state.mode == .help(scroll: layout.visibleRows))
    }

    @Test("e on a measure an owner does not own says so at once, rather than after the form is filled in")
    func ownerEditsOnlyOwnMeasures() throws {
        let council = try CouncilDirectory(path: TestCouncil.directory).load()
        var data = DashboardData(council: council, today: TestCouncil.today)
        data.canRecord = true
        data.user = "kate"
        data.recordable = [council.measures[1].code]
        let model = DashboardModel(data)
        let asAt = council.defaultReportingPeriod(today: TestCouncil.today)
        var theirs = AppState(asAt: asAt, route: .measure(0))
        theirs.apply(.edit, model: model)
        #expect(theirs.mode == .browsing)
        #expect(theirs.message?.hasPrefix("\(council.measures[0].code) is not one of kate's measures") == true)
        var own = AppState(asAt: asAt, route: .measure(1))
        own.apply(.edit, model: model)
        guard case .editing = own.mode else { Issue.record("her own measure's form did not open"); return }
    }

    @Test("m for an owner's login, with no --owner or --service, lists the measures the database lets them record")
    func myMeasuresOfAnOwnersLogin() throws {
        let council = try CouncilDirectory(path: TestCouncil.directory).load()
        var data = DashboardData(council: council, today: TestCouncil.today)
        data.canRecord = true
        data.recordable = [council.measures[1].code, council.measures[3].code]
        let model = DashboardModel(data)
        var state = AppState(asAt: council.defaultReportingPeriod(today: TestCouncil.today), route: .plan)
        state.apply(.showMyMeasures, model: model)
        let rows = model.rows(for: state.current, asAt: state.asAt, scope: state.scope)
        #expect(Set(rows) == [.measure(1), .measure(3)])
        let screen = DashboardView.screenText(state, model: model, width: 100, height: 30)
        #expect(screen.contains("Your measures (those you may record), worst first"))
        #expect(screen.contains(council.measures[3].code) && !screen.contains(council.measures[0].code + " "))

        // Presenting, or --published: the same measures, though nothing is recorded here.
        data.canRecord = false
        let presenting = DashboardModel(data)
        #expect(Set(presenting.rows(for: state.current, asAt: state.asAt, scope: state.scope)) == [.measure(1), .measure(3)])
        #expect(DashboardView.screenText(state, model: presenting, width: 100, height: 30).contains("Your measures, worst first"))
        data.canRecord = true

        data.recordable = []
        let none = DashboardView.screenText(state, model: DashboardModel(data), width: 100, height: 30)
        #expect(none.contains("No measure is yours to record"))
        let everyone = DashboardModel(DashboardData(council: council, today: TestCouncil.today))
        #expect(everyone.rows(for: state.current, asAt: state.asAt, scope: "").count == council.measures.filter { $0.lifecycle != .retired }.count)
    }

    @Test("e on a retired measure says values are no longer recorded, rather than opening a form")
    func retiredMeasureNotEdited() throws {
        let (council, data) = try Self.recording(retiring: 1)
        let model = DashboardModel(data)
        var state = AppState(asAt: council.defaultReportingPeriod(today: TestCouncil.today), route: .measure(1))
        state.apply(.edit, model: model)
        #expect(state.mode == .browsing)
        #expect(state.message == "\(council.measures[1].code) is retired: values are no longer recorded for it")
    }

    @Test("codes longer than eight characters are shown whole, so RB-KPI-001 and RB-KPI-002 can be told apart")
    func longCodesWhole() throws {
        let measures = [Measure(code: "RB-KPI-001", title: "Homes built"), Measure(code: "RB-KPI-002", title: "Homes let")]
        let plan = CouncilPlan(council: "Test", title: "Plan", priorities: [Priority(code: "P1", title: "Homes", measures: [0, 1])])
        let model = DashboardModel(council: Council(plan: plan, measures: measures, observations: [[], []]), today: TestCouncil.today)
        var state = AppState(asAt: .quarter(2024, 2), route: .priority(0))
        let screen = DashboardView.screenText(state, model: model, width: 80, height: 24)
        #expect(screen.contains("RB-KPI-001") && screen.contains("RB-KPI-002"))
        // Indicators hanging off a priority are headed as measures, not "Outcome measures" (they are not outcomes).
        #expect(screen.contains("Measures") && !screen.contains("Outcome measures"))
        state.apply(.showMyMeasures, model: model)
        #expect(DashboardView.screenText(state, model: model, width: 80, height: 24).contains("RB-KPI-002"))
    }

    @Test("a figure too wide for the Latest and Target columns is abbreviated, never cut")
    func wideFiguresAbbreviated() throws {
        let budget = Measure(code: "FIN1", title: "Spend", unit: MeasureUnit("£"), frequency: .quarterly)
        var values = ObservationSeries()
        values.append(Observation(period: .quarter(2024, 2), value: 12_345_678, target: 9_999_999_999))
        let plan = CouncilPlan(council: "Test", title: "Plan", priorities: [Priority(code: "P1", title: "Money", measures: [0])])
        let model = DashboardModel(council: Council(plan: plan, measures: [budget], observations: [values]), today: TestCouncil.today)
        let screen = DashboardView.screenText(AppState(asAt: .quarter(2024, 2), route: .priority(0)), model: model, width: 100, height: 30)
        #expect(screen.contains("£12.3m") && screen.contains("£10bn"))
        #expect(!screen.contains("£12,345,6"))
        // The measure screen's table of periods too (its heading gives the figure in full).
        let measure = DashboardView.screenText(AppState(asAt: .quarter(2024, 2), route: .measure(0)), model: model, width: 100, height: 30)
        let row = try #require(measure.split(separator: "\n").first { $0.hasPrefix("Q2 2024/25") })
        #expect(row.contains("£12,345,678") && row.contains("£10bn") && !row.contains("…"), "\(row)")
    }

    @Test("pasted text goes into the form whole: one line in the value, its line breaks kept in the commentary")
    func pasteIntoForm() throws {
        let pasted = "Line one.\r\nLine two\twith tab.\nLine three"
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.mode = .editing(ValueForm(measure: 2, period: .month(2024, 9), latestEnded: .month(2024, 9)))
        state.apply(.paste("49\n"), model: model)
        state.apply(.nextField, model: model)
        state.apply(.paste(pasted), model: model)
        guard case .editing(let form) = state.mode else {
            Issue.record("the paste left the form")
            return
        }
        #expect(form.value == "49" && form.note == "Line one.\nLine two\twith tab.\nLine three")
        #expect(DashboardView.screenText(state, model: model).contains("Line one.↵Line two with tab.↵Line three"))
    }

    @Test("H away from a measure's periods says what it is for, rather than nothing")
    func historyAwayFromPeriods() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        #expect(state.apply(.showHistory, model: model).isEmpty)
        #expect(state.mode == .browsing)
        #expect(state.message == "H shows a value's history: open a measure and select one of its periods")
    }

    @Test("help longer than the screen shows a page, says where, and its last page ends with the symbols' key")
    func helpScrolls() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.toggleHelp, model: model)
        let first = DashboardView.screenText(state, model: model, width: 80, height: 24)
        #expect(first.contains("Lines 1-") && first.contains("PgUp PgDn scroll") && !first.contains("Symbols"))
        state.apply(.last, model: model)
        let theme = Theme(capabilities: Capabilities(colorMode: .none, glyphs: .unicode))
        state.remember(DashboardView.render(state: state, model: model, size: Size(width: 80, height: 24), theme: theme).1)
        let last = DashboardView.screenText(state, model: model, width: 80, height: 24)
        #expect(last.contains("Symbols") && last.contains("Press any key to close"))
        guard case .help(let scroll) = state.mode else { Issue.record("the help closed"); return }
        state.apply(.moveUp, model: model)
        #expect(state.mode == .help(scroll: scroll - 1), "one line up from the last page, not from the far end")
    }

    @Test("q quits")
    func quit() throws {
        let model = try TestCouncil.model()
        var state = TestCouncil.state(model)
        state.apply(.quit, model: model)
        #expect(state.quitting)
    }
}

@Suite("Searching a row's text")
struct SearchTextTests {
    @Test("finds a needle at the start of a word, in any case, and not past the end", arguments: [
        ("KBI-01 Major planning applications", "plan", true), ("KBI-01 Major planning applications", "PLAN", true),
        ("KBI-01 Major planning applications", "kbi-01", true), ("KBI-01 Major planning applications", "ions", false),
        ("KBI-01 Major planning applications", "ionsx", false), ("abc", "abcd", false), ("aab", "ab", false),
        ("Café Ærø", "ærø", true), ("Café", "cafe", false), ("anything", "", true), ("", "a", false),
        ("planning", "g", false), ("planning", "z", false), ("ab", "A", true), ("é", "É", true), ("aaab", "aaa", true),
        ("KBI-01 Major planning applications", "01 major", true), ("a ab", "ab", true),
    ])
    func contains(text: String, needle: String, found: Bool) {
        #expect(SearchText(text).contains(SearchText(needle)) == found)
    }
}
