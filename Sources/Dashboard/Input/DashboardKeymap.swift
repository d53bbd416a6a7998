/// The dashboard's one keymap: key handling, the help overlay and the status-line hints all come from it.
public enum DashboardKeymap {
    public static let keymap = Keymap<AppAction>([
        KeyBinding([.down, .character("j")], .moveDown, help: "Move down", group: "Move"),
        KeyBinding([.up, .character("k")], .moveUp, help: "Move up", group: "Move"),
        KeyBinding([.pageDown, .ctrl("f")], .pageDown, help: "Page down", group: "Move"),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp, help: "Page up", group: "Move"),
        KeyBinding([.home, .character("g")], .first, help: "First row", group: "Move"),
        KeyBinding([.end, .character("G")], .last, help: "Last row", group: "Move"),
        KeyBinding([.enter, .right, .character("l")], .open, help: "Open", group: "Go"),
        KeyBinding([.escape, .left, .character("h"), .backspace], .back, help: "Back", group: "Go"),
        KeyBinding([.character("a")], .showAlerts, help: "Alerts", group: "Go"),
        KeyBinding([.character("m")], .showMyMeasures, help: "My measures", group: "Go"),
        KeyBinding([.character("s")], .showSignOff, help: "Awaiting sign-off", group: "Go"),
        KeyBinding([.character(":")], .startJump, help: "Go to measure code", group: "Go"),
        KeyBinding([.character("[")], .previousPeriod, help: "Earlier period", group: "Period"),
        KeyBinding([.character("]")], .nextPeriod, help: "Later period", group: "Period"),
        KeyBinding([.character("/")], .startFilter, help: "Filter this list", group: "Find"),
        KeyBinding([.character("n")], .nextMatch, help: "Next match", group: "Find"),
        KeyBinding([.character("N")], .previousMatch, help: "Previous match", group: "Find"),
        KeyBinding([.character("e")], .edit, help: "Record a value", group: "Data"),
        KeyBinding([.character("H")], .showHistory, help: "A value's history", group: "Data"),
        KeyBinding([.character("p")], .publishSelected, help: "Sign off (publish) a draft", group: "Data"),
        KeyBinding([.character("P")], .publishAll, help: "Sign off every draft listed", group: "Data"),
        KeyBinding([.character("!")], .showExceptions, help: "Needs attention here", group: "Go"),
        KeyBinding([.character("x")], .nextException, help: "Next exception (plan order)", group: "Go"),
        KeyBinding([.character("X")], .previousException, help: "Previous exception", group: "Go"),
        KeyBinding([.character("r")], .writeReport, help: "Report this screen (HTML)", group: "Data"),
        KeyBinding([.character("f")], .rejoin, help: "Follow the presenter again", group: "Meeting"),
        KeyBinding([.character("?")], .toggleHelp, help: "Help", group: "General"),
        KeyBinding([.character("q"), .ctrl("c")], .quit, help: "Quit", group: "General"),
    ])

    /// Keys the event loop handles itself, listed in help for completeness.
    public static let loopKeys = [
        HelpEntry(keys: "Ctrl-L", description: "Redraw the screen"),
        HelpEntry(keys: "Ctrl-Z", description: "Suspend (fg to return)"),
    ]

    /// The action for `key` in the current mode: prompts take typed characters; help and a period's detail
    /// scroll with the moving keys and close on any other.
    public static func action(for key: Key, mode: AppState.Mode) -> AppAction? {
        switch mode {
        case .help, .history:
            // `q` closes them, as any other key does (a follower closing the help left the meeting); Ctrl-C quits.
            if key == .ctrl("c") { return .quit }
            switch keymap.action(for: key) {
            case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last: return keymap.action(for: key)
            default: return .cancel
            }
        case .editing:
            switch key {
            case .enter: return .submit
            case .escape: return .cancel
            case .tab, .down: return .nextField
            case .backTab, .up: return .previousField
            case .backspace, .delete: return .deleteBackward
            case .left: return .previousPeriod
            case .right: return .nextPeriod
            case .ctrl("u"): return .clearField
            case .ctrl("c"): return .quit
            case .character(let c): return .type(c)
            case .paste(let text): return .paste(text)
            default: return nil
            }
        case .filtering, .jumping:
            switch key {
            case .enter: return .submit
            case .escape: return .cancel
            case .backspace, .delete: return .deleteBackward
            case .ctrl("u"): return .clearField
            case .ctrl("c"): return .quit
            case .character(let c): return .type(c)
            case .paste(let text): return .paste(text)
            case .up, .down, .pageUp, .pageDown: return keymap.action(for: key)
            default: return nil
            }
        case .browsing:
            return keymap.action(for: key)
        }
    }
}
