/// What happened while the event loop waited.
public enum TerminalEvent: Hashable, Sendable {
    /// A key was pressed.
    case key(Key)
    /// The poll interval passed without a key (a chance to look for changed data).
    case tick
}

/// What the app wants after handling an event.
public enum LoopStep: Hashable, Sendable {
    /// Keep going; draw again if the state changed.
    case proceed(redraw: Bool)
    /// Leave the loop.
    case quit
}

/// A minimal read-handle-draw loop over any ``Terminal``, with no app logic in it.
public enum EventLoop {
    /// Draws a first frame, then waits for keys (or `pollInterval` ticks) until `handle` says quit.
    ///
    /// Resizes redraw at the new size before `handle` sees them; Ctrl-L repaints the whole screen and is
    /// not passed on. `render` is given the current size and should return a buffer of that size.
    public static func run(
        on terminal: some Terminal,
        pollInterval: Duration = .milliseconds(250),
        render: (Size) -> ScreenBuffer,
        handle: (TerminalEvent) -> LoopStep
    ) {
        terminal.present(render(terminal.size))
        while true {
            let event = terminal.readKey(timeout: pollInterval).map(TerminalEvent.key) ?? .tick
            if event == .key(.ctrl("l")) {
                terminal.invalidate()
                terminal.present(render(terminal.size))
                continue
            }
            let step = handle(event)
            switch step {
            case .quit:
                return
            case .proceed(let redraw):
                if redraw || event == .key(.resize) { terminal.present(render(terminal.size)) }
            }
        }
    }
}
