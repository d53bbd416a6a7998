import Dashboard
import DashboardTesting
import ScorecardKit
import Testing

@Suite("The dashboard on a test terminal")
struct DashboardAppTests {
    func run(_ keys: [Key], size: Size = Size(width: 100, height: 30)) throws -> (TestTerminal, DashboardApp) {
        let model = try TestCouncil.model()
        let terminal = TestTerminal(size: size, capabilities: Capabilities(colorMode: .eight, glyphs: .unicode), keys: keys + [nil, .character("q")])
        var app = DashboardApp(model: model, state: TestCouncil.state(model), effects: TestCouncil.effects(model))
        app.run(on: terminal)
        return (terminal, app)
    }

    @Test("keys drill down to a measure's chart, and q quits")
    func drillDown() throws {
        let (terminal, app) = try run([.enter, .enter, .down, .enter])
        let text = try #require(terminal.lastFrame).text()
        #expect(text.contains("KBI-01  Major planning applications decided in time"))
        #expect(text.contains("Period"))
        #expect(app.state.quitting)
    }

    @Test("keys that change nothing draw nothing")
    func noRedrawWithoutChange() throws {
        let (terminal, _) = try run([.up, .up, .character("z")])
        // The first frame only: moving up at the top and an unbound key change nothing.
        #expect(terminal.frames.count == 1)
    }

    @Test("a resize redraws at the new size")
    func resize() throws {
        let model = try TestCouncil.model()
        let terminal = TestTerminal(size: Size(width: 100, height: 30), capabilities: Capabilities(colorMode: .none, glyphs: .ascii), keys: [.resize, .character("q")])
        var app = DashboardApp(model: model, state: TestCouncil.state(model), effects: TestCouncil.effects(model))
        terminal.size = Size(width: 50, height: 10)
        app.run(on: terminal)
        #expect(terminal.lastFrame?.size == Size(width: 50, height: 10))
        #expect(terminal.lastFrame?.text().contains("Terminal too small") == true)
    }

    @Test("q on the too-small screen asks before throwing away a value typed in the form; q again quits")
    func tooSmallAsksBeforeLosingTyping() throws {
        var (session, _, _) = try LiveDataTests.session()
        ValueFormTests.edit(&session)
        session.type("42")
        guard case .editing = session.state.mode else {
            Issue.record("the form did not open: \(session.state.mode)")
            return
        }
        let small = Size(width: 40, height: 10)
        let asked = TestTerminal(size: small, capabilities: Capabilities(colorMode: .none, glyphs: .ascii), keys: [.character("q")])
        var app = DashboardApp(model: session.model, state: session.state, effects: session.effects)
        // q asks (a frame says so), and the test terminal's Ctrl-C after its keys is the second press, which quits.
        app.run(on: asked)
        #expect(asked.frames.count == 2)
        #expect(asked.lastFrame?.text().replacingOccurrences(of: "\n", with: " ").contains("q or Ctrl-C again quits, losing what you typed") == true)
        #expect(app.state.quitting)
    }

    @Test("typing a filter narrows the list live; Enter keeps it")
    func filterKeys() throws {
        let (terminal, app) = try run([.character("/"), .character("w"), .character("e"), .character("l"), .enter])
        let text = try #require(terminal.lastFrame).text()
        #expect(text.contains("P2  A well-run council"))
        #expect(!text.contains("P1  Homes and places"))
        #expect(app.state.current.filter == "wel")
    }

    @Test("Ctrl-C quits from a prompt too")
    func ctrlC() throws {
        let model = try TestCouncil.model()
        let terminal = TestTerminal(size: Size(width: 100, height: 30), capabilities: Capabilities(colorMode: .none, glyphs: .unicode), keys: [.character(":"), .ctrl("c")])
        var app = DashboardApp(model: model, state: TestCouncil.state(model), effects: TestCouncil.effects(model))
        app.run(on: terminal)
        #expect(app.state.quitting)
    }
}

@Suite("Keymap")
struct DashboardKeymapTests {
    @Test("the documented keys map to their actions", arguments: [
        (Key.down, AppAction.moveDown), (.character("j"), .moveDown), (.up, .moveUp), (.character("k"), .moveUp),
        (.pageDown, .pageDown), (.pageUp, .pageUp), (.home, .first), (.end, .last), (.character("g"), .first),
        (.character("G"), .last), (.enter, .open), (.right, .open), (.character("l"), .open), (.escape, .back),
        (.left, .back), (.character("h"), .back), (.backspace, .back), (.character("/"), .startFilter),
        (.character("n"), .nextMatch), (.character("N"), .previousMatch), (.character(":"), .startJump),
        (.character("a"), .showAlerts), (.character("m"), .showMyMeasures), (.character("["), .previousPeriod),
        (.character("]"), .nextPeriod), (.character("?"), .toggleHelp), (.character("q"), .quit), (.ctrl("c"), .quit),
    ])
    func browsing(key: Key, action: AppAction) {
        #expect(DashboardKeymap.action(for: key, mode: .browsing) == action)
    }

    @Test("q closes the help and a period's detail, as any key but the scrolling ones does; Ctrl-C quits")
    func qClosesOverlays() {
        for mode in [AppState.Mode.help(scroll: 0), .history(.month(2024, 9), scroll: 0)] {
            #expect(DashboardKeymap.action(for: .character("q"), mode: mode) == .cancel)
            #expect(DashboardKeymap.action(for: .ctrl("c"), mode: mode) == .quit)
            #expect(DashboardKeymap.action(for: .down, mode: mode) == .moveDown)
        }
    }

    @Test("Ctrl-U clears what is typed at the filter and the code prompt, as in the form (it was a key of the form only)")
    func ctrlUClearsPrompts() {
        for mode in [AppState.Mode.filtering, .jumping("KBI-03")] {
            #expect(DashboardKeymap.action(for: .ctrl("u"), mode: mode) == .clearField)
        }
        guard let model = try? TestCouncil.model() else {
            Issue.record("the test council did not load")
            return
        }
        var state = TestCouncil.state(model)
        state.apply(.startJump, .type("K"), .type("B"), .clearField, model: model)
        #expect(state.mode == .jumping(""))
    }

    @Test("pasted text is an action in the form and the prompts; pasted while browsing, it does nothing")
    func paste() {
        let pasted = "Line one.\r\nLine two\twith tab.\nLine three"
        #expect(DashboardKeymap.action(for: .paste(pasted), mode: .browsing) == nil, "pasted letters are not keys")
        #expect(DashboardKeymap.action(for: .paste("49\n"), mode: .filtering) == .paste("49\n"))
    }

    @Test("in a prompt, letters are typed rather than acted on")
    func prompt() {
        #expect(DashboardKeymap.action(for: .character("q"), mode: .filtering) == .type("q"))
        #expect(DashboardKeymap.action(for: .character("a"), mode: .jumping("")) == .type("a"))
        #expect(DashboardKeymap.action(for: .enter, mode: .filtering) == .submit)
        #expect(DashboardKeymap.action(for: .escape, mode: .jumping("K")) == .cancel)
        #expect(DashboardKeymap.action(for: .backspace, mode: .filtering) == .deleteBackward)
        #expect(DashboardKeymap.action(for: .down, mode: .filtering) == .moveDown)
    }

    @Test("help lists every binding, generated from the one table")
    func help() {
        let entries = DashboardKeymap.keymap.helpSections().flatMap(\.entries)
        #expect(entries.count == DashboardKeymap.keymap.bindings.count)
        #expect(entries.contains { $0.keys == "q/Ctrl-C" && $0.description == "Quit" })
    }

    @Test("help lists the keys this user can use: a member is not offered recording or signing off")
    func helpForRole() throws {
        let council = try CouncilDirectory(path: TestCouncil.directory).load()
        func help(_ access: (inout DashboardData) -> Void) -> String {
            var data = DashboardData(council: council, today: TestCouncil.today)
            access(&data)
            let model = DashboardModel(data)
            var state = TestCouncil.state(model)
            state.apply(.toggleHelp, model: model)
            return DashboardView.screenText(state, model: model, width: 120, height: 40)
        }
        let member = help { $0.seesPublishedOnly = true }
        let officer = help {
            $0.canRecord = true
            $0.canSignOff = true
        }
        let recordingAndSigningOff = ["Record a value", "Sign off (publish) a draft", "Sign off every draft listed", "Awaiting sign-off"]
        for description in recordingAndSigningOff {
            #expect(!member.contains(description), "\(member)")
            #expect(officer.contains(description), "\(officer)")
        }
        for shared in ["A value's history", "Earlier period", "Report this screen (HTML)", "Quit"] {
            #expect(member.contains(shared) && officer.contains(shared))
        }
        // Only a follower of a meeting is told how to follow the presenter again.
        #expect(!officer.contains("Follow the presenter again"))
    }
}
