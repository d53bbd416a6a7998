import Dashboard

/// A terminal that passes everything to another and traces, for each key, the time from the key being
/// read to the end of the frame it caused (`key LABEL NANOSECONDS 1`), or to the next read when it
/// caused none, or another key waiting was handled before the frame (`... 0`); and the moment the first frame
/// was on screen (`mark first-frame`).
final class TracingTerminal: Terminal {
    private let base: any Terminal
    private let trace: Trace
    /// The key being handled and when it was read.
    private var pending: (key: Key, readAt: UInt64)?
    private var presented = false

    init(_ base: any Terminal, trace: Trace) {
        self.base = base
        self.trace = trace
    }

    var size: Size { base.size }
    var capabilities: Capabilities { base.capabilities }

    func present(_ buffer: ScreenBuffer) {
        base.present(buffer)
        if !presented {
            presented = true
            trace.mark("first-frame")
        }
        finishKey(redrawn: true)
    }

    func invalidate() {
        base.invalidate()
    }

    func readKey(timeout: Duration) -> Key? {
        // Waiting for a key: no frame is coming for the one before. A look for a key already waiting (the event
        // loop handles those before drawing) leaves the one before pending, for the frame drawn after them all,
        // unless it finds one.
        if timeout != .zero { finishKey(redrawn: false) }
        let key = base.readKey(timeout: timeout)
        if let key {
            finishKey(redrawn: false)
            pending = (key, Trace.monotonic())
        }
        return key
    }

    private func finishKey(redrawn: Bool) {
        guard let (key, readAt) = pending else { return }
        pending = nil
        let label = String(key.label(unicode: false).map { $0 == " " ? "_" : $0 })
        trace.write("key \(label) \(Trace.monotonic() - readAt) \(redrawn ? 1 : 0)")
    }
}
