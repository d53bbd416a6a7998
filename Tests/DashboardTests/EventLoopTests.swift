import Dashboard
import DashboardTesting
import Testing

@Suite struct EventLoopTests {
    func frame(_ text: String, _ size: Size) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size)
        buffer.write(text, x: 0, y: 0)
        return buffer
    }

    @Test func drawsFirstFrameHandlesKeysAndQuits() {
        let terminal = TestTerminal(size: Size(width: 10, height: 2), keys: [.character("a"), nil, .character("q")])
        var events: [TerminalEvent] = []
        var count = 0
        EventLoop.run(on: terminal, render: { frame("n=\(count)", $0) }) { event in
            events.append(event)
            if event == .key(.character("q")) { return .quit }
            count += 1
            return .proceed(redraw: event != .tick)
        }
        #expect(events == [.key(.character("a")), .tick, .key(.character("q"))])
        #expect(terminal.frames.map { $0.textLines()[0] } == ["n=0", "n=1"])
    }

    @Test func resizeRedrawsAtTheNewSizeAndCtrlLRepaints() {
        let terminal = TestTerminal(size: Size(width: 10, height: 2), keys: [.resize, nil, .ctrl("l"), nil, .character("q")])
        EventLoop.run(on: terminal, render: { frame("\($0)", $0) }) { event in
            if event == .key(.resize) { terminal.size = Size(width: 12, height: 3) }
            return event == .key(.character("q")) ? .quit : .proceed(redraw: false)
        }
        #expect(terminal.frames.map { $0.textLines()[0] } == ["10x2", "12x3", "12x3"])
        #expect(terminal.invalidations == 1)
    }

    @Test("keys already waiting are all handled before one frame is drawn; a pause draws")
    func waitingKeysDrawOnce() {
        let typed = "lorem ipsum".map { Key.character($0) }
        let terminal = TestTerminal(size: Size(width: 20, height: 2), keys: typed + [nil, .character("!"), nil, .character("q")])
        var text = ""
        EventLoop.run(on: terminal, render: { frame(text, $0) }) { event in
            guard case .key(.character(let c)) = event else { return .proceed(redraw: false) }
            if c == "q" { return .quit }
            text.append(c)
            return .proceed(redraw: true)
        }
        #expect(terminal.frames.map { $0.textLines()[0].trimmingCharacters(in: .whitespaces) } == ["", "lorem ipsum", "lorem ipsum!"])
    }

    @Test func tooSmallScreenCanBeChosenByTheRenderer() {
        let theme = Theme(capabilities: Capabilities(colorMode: .none, glyphs: .ascii))
        let size = Size(width: 30, height: 5)
        let terminal = TestTerminal(size: size, keys: [])
        EventLoop.run(on: terminal, render: { size in
            var buffer = ScreenBuffer(size: size)
            if !size.covers(TooSmallScreen.minimumSize) {
                TooSmallScreen(size: size, theme: theme).render(into: &buffer, area: buffer.area)
            }
            return buffer
        }) { _ in .quit }
        #expect(terminal.lastFrame?.text().contains("Terminal too small: 30x5") == true)
    }
}
