import Foundation
import Dashboard
import Testing

@testable import NcursesTerminal

/// Drives the real ncurses backend headlessly: `newterm` on /dev/null, then reads back what curses put on screen.
@Suite(.serialized) struct NcursesTerminalSmokeTests {
    let environment = ["LANG": "C.UTF-8", "TERM": "xterm-256color"]

    func makeTerminal(type: String = "xterm-256color", color: ColorPreference = .auto) -> NcursesTerminal {
        NcursesTerminal(
            device: .files(input: "/dev/null", output: "/dev/null", terminalType: type), colorPreference: color,
            environment: environment)
    }

    @Test func presentsCellsAndWritesOnlyChangedOnes() throws {
        let terminal = makeTerminal()
        try terminal.start()
        defer { terminal.stop() }
        #expect(terminal.isRunning)
        let size = terminal.size
        #expect(size.width > 0 && size.height > 0)
        #expect(terminal.capabilities.colorMode == .twoHundredFiftySix)
        #expect(terminal.capabilities.glyphs == .unicode)

        var buffer = ScreenBuffer(size: size)
        buffer.write("Council Plan › 日本 ▁▄█", x: 0, y: 0, style: Style(foreground: .green, attributes: .bold))
        buffer.write("é ⣿ …", x: 2, y: 1, style: Style(foreground: .refined(214, fallback: .yellow)))
        terminal.present(buffer)
        #expect(terminal.screenRowText(0).hasPrefix("Council Plan › 日本 ▁▄█ "))
        #expect(terminal.screenRowText(1).hasPrefix("  é ⣿ … "))
        #expect(terminal.cellsWrittenByLastPresent == size.width * size.height - 2)

        buffer.write("X", x: 0, y: 1)
        terminal.present(buffer)
        #expect(terminal.cellsWrittenByLastPresent == 1)
        #expect(terminal.screenRowText(1).hasPrefix("X é ⣿ … "))

        terminal.present(buffer)
        #expect(terminal.cellsWrittenByLastPresent == 0)

        terminal.invalidate()
        terminal.present(buffer)
        #expect(terminal.cellsWrittenByLastPresent == size.width * size.height - 2)
    }

    @Test(arguments: ["xterm-256color", "tmux-256color", "screen", "linux", "vt100"])
    func startsOnCommonTerminalTypes(type: String) throws {
        let terminal = makeTerminal(type: type)
        try terminal.start()
        defer { terminal.stop() }
        var buffer = ScreenBuffer(size: terminal.size)
        buffer.write("ok", x: 0, y: 0, style: Style(foreground: .red, attributes: .reverse))
        terminal.present(buffer)
        #expect(terminal.screenRowText(0).hasPrefix("ok "))
        let expected: ColorMode = type.hasSuffix("256color") ? .twoHundredFiftySix : type == "vt100" ? .none : .eight
        #expect(terminal.capabilities.colorMode == expected)
    }

    @Test func neverColourAndStopIsIdempotent() throws {
        let terminal = makeTerminal(color: .never)
        try terminal.start()
        #expect(terminal.capabilities.colorMode == .none)
        terminal.stop()
        terminal.stop()
        #expect(!terminal.isRunning)
        #expect(terminal.size == Size(width: 0, height: 0))
        #expect(terminal.readKey(timeout: .milliseconds(1)) == nil)
    }

    @Test func unknownTerminalTypeThrowsAndAllowsAnotherStart() throws {
        #expect(throws: TerminalError.unknownTerminal("no-such-terminal")) {
            try makeTerminal(type: "no-such-terminal").start()
        }
        let terminal = makeTerminal()
        try terminal.start()
        terminal.stop()
    }

    @Test func onlyOneTerminalAtATime() throws {
        let first = makeTerminal()
        try first.start()
        defer { first.stop() }
        #expect(throws: TerminalError.alreadyRunning) { try makeTerminal().start() }
    }

    @Test func keysAreDecodedFromUTF8WhereTheLocaleIsNot() throws {
        // In LANG=C curses took é for no character and threw away the keys that came with it (`café ok` was `caf`).
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)").path
        try Data(Array("café – 住宅 ok".utf8) + [0xFF, 0x41] + Array("\u{1B}[B".utf8)).write(to: URL(fileURLWithPath: input))
        defer { try? FileManager.default.removeItem(atPath: input) }
        let terminal = NcursesTerminal(
            device: .files(input: input, output: "/dev/null", terminalType: "xterm-256color"), colorPreference: .never, environment: environment)
        try terminal.start()
        defer { terminal.stop() }
        terminal.decodeUTF8Itself(true)
        var keys: [Key] = []
        while let key = terminal.readKey(timeout: .milliseconds(20)) { keys.append(key) }
        // A byte that begins no character (0xFF) is dropped alone; the cursor key after it is still a key.
        #expect(keys == "café – 住宅 okA".map { .character($0) } + [.down])
    }

    @Test func readKeyTimesOutWithNoInput() throws {
        let terminal = makeTerminal()
        try terminal.start()
        defer { terminal.stop() }
        #expect(terminal.readKey(timeout: .milliseconds(10)) == nil)
    }
}
