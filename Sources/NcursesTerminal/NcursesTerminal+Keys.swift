import CNcursesw
import Dashboard

extension NcursesTerminal {
    /// Waits up to `timeout` for a key; `nil` on timeout. Ctrl-C (SIGINT) arrives as `.ctrl("c")`, resizes as `.resize`.
    public func readKey(timeout: Duration) -> Key? {
        guard isRunning, let window = sc_stdscr() else { return nil }
        if SignalGuard.takeInterrupt() { return .ctrl("c") }
        let (seconds, attoseconds) = timeout.components
        let milliseconds = max(0, min(Int64(Int32.max), seconds * 1000 + attoseconds / 1_000_000_000_000_000))
        wtimeout(window, Int32(milliseconds))
        var value: wint_t = 0
        let status = wget_wch(window, &value)
        if SignalGuard.takeInterrupt() { return .ctrl("c") }
        guard status != ERR else { return nil }
        if status == sc_key_code_yes(), Int32(bitPattern: UInt32(value)) == Self.pasteStart { return readPaste(window) }
        return KeyDecoder.decode(isKeyCode: status == sc_key_code_yes(), value: UInt32(value))
    }

    /// The text of a bracketed paste, read up to its end sequence (or a pause of half a second, or 1 MB, so that
    /// a terminal that never ends it cannot hold the dashboard).
    private func readPaste(_ window: UnsafeMutablePointer<WINDOW>) -> Key {
        var text = String.UnicodeScalarView()
        var count = 0  // counted here: the view's own count walks the text, which made a large paste quadratic
        wtimeout(window, 500)
        while count < 1 << 20 {
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            guard status != ERR else { break }
            if status == sc_key_code_yes() {
                if Int32(bitPattern: UInt32(value)) == Self.pasteEnd { break }
                continue
            }
            if let scalar = Unicode.Scalar(UInt32(value)) {
                text.append(scalar)
                count += 1
            }
        }
        return .paste(String(text))
    }
}
