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
    /// Keys already waiting when one has been handled (typing faster than frames are drawn, or a paste in a
    /// terminal that sends it as keys) are handled before the next frame, for up to `batchTime`: drawing a frame
    /// for each of a 100 KB paste's keys took 15 s. Resizes redraw at the new size; Ctrl-L repaints the whole
    /// screen and is not passed on. `render` is given the current size and should return a buffer of that size.
    public static func run(
        on terminal: some Terminal,
        pollInterval: Duration = .milliseconds(250),
        batchTime: Duration = .milliseconds(50),
        render: (Size) -> ScreenBuffer,
        handle: (TerminalEvent) -> LoopStep
    ) {
        let clock = ContinuousClock()
        terminal.present(render(terminal.size))
        while true {
            var event = terminal.readKey(timeout: pollInterval).map(TerminalEvent.key) ?? .tick
            let deadline = clock.now + batchTime
            var redraw = false
            while true {
                if event == .key(.ctrl("l")) {
                    terminal.invalidate()
                    redraw = true
                } else {
                    switch handle(event) {
                    case .quit:
                        return
                    case .proceed(let changed):
                        redraw = redraw || changed || event == .key(.resize)
                    }
                }
                guard event != .tick, clock.now < deadline, let next = terminal.readKey(timeout: .zero) else { break }
                event = .key(next)
            }
            if redraw { terminal.present(render(terminal.size)) }
        }
    }
}
