import Dashboard
import Testing

@Suite struct KeymapTests {
    enum Action: Hashable, Sendable { case up, down, open, back, help, quit }

    let keymap = Keymap<Action>([
        KeyBinding([.up, .character("k")], .up, help: "Move up", group: "Navigate"),
        KeyBinding([.down, .character("j")], .down, help: "Move down", group: "Navigate"),
        KeyBinding([.enter, .right], .open, help: "Open", group: "Navigate"),
        KeyBinding([.escape, .backspace, .left], .back, help: "Back", group: "Navigate"),
        KeyBinding([.character("?")], .help, help: "Help", group: "General"),
        KeyBinding([.character("q"), .ctrl("c")], .quit, help: "Quit", group: "General"),
    ])

    @Test func looksUpActions() {
        #expect(keymap.action(for: .character("j")) == .down)
        #expect(keymap.action(for: .ctrl("c")) == .quit)
        #expect(keymap.action(for: .character("x")) == nil)
    }

    @Test func generatesHelpSectionsInOrder() {
        let sections = keymap.helpSections()
        #expect(sections.map(\.title) == ["Navigate", "General"])
        #expect(sections[0].entries[0] == HelpEntry(keys: "↑/k", description: "Move up"))
        #expect(sections[0].entries[3] == HelpEntry(keys: "Esc/Backspace/←", description: "Back"))
        #expect(sections[1].entries[1] == HelpEntry(keys: "q/Ctrl-C", description: "Quit"))
    }

    @Test func asciiHelpNamesArrows() {
        #expect(keymap.helpSections(unicode: false)[0].entries[0].keys == "Up/k")
    }

    @Test func hintsUseTheFirstKey() {
        #expect(keymap.hints(for: [.help, .quit]) == [KeyHint(key: "?", label: "Help"), KeyHint(key: "q", label: "Quit")])
    }

    @Test func keyLabels() {
        #expect(Key.character(" ").label() == "Space")
        #expect(Key.function(5).label() == "F5")
        #expect(Key.pageDown.label() == "PgDn")
    }
}
