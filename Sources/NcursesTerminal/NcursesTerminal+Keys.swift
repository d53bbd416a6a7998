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
        return KeyDecoder.decode(isKeyCode: status == sc_key_code_yes(), value: UInt32(value))
    }
}
