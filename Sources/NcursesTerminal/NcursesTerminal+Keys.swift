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
        if status != sc_key_code_yes(), value == 27, let key = normalModeCursorKey(window) { return key }
        return KeyDecoder.decode(isKeyCode: status == sc_key_code_yes(), value: UInt32(value))
    }

    /// A cursor key sent in the terminal's normal mode (`ESC [ B`) where terminfo gives its application mode
    /// (`ESC O B`), as a terminal whose keypad mode a shell turned off sends them (after Ctrl-Z and `fg`, one
    /// was read as Esc, `[` and `B`: back a screen and to an earlier period). Reads only what already waits
    /// after the Esc, and puts back what is not such a key.
    private func normalModeCursorKey(_ window: UnsafeMutablePointer<WINDOW>) -> Key? {
        wtimeout(window, 0)
        var first: wint_t = 0
        let firstStatus = wget_wch(window, &first)
        guard firstStatus != ERR else { return nil }
        guard firstStatus != sc_key_code_yes(), first == 0x5B || first == 0x4F else {
            putBack(first, isKeyCode: firstStatus == sc_key_code_yes())
            return nil
        }
        var second: wint_t = 0
        let secondStatus = wget_wch(window, &second)
        if secondStatus != ERR, secondStatus != sc_key_code_yes(), let key = KeyDecoder.cursorKey(final: UInt32(second)) { return key }
        // Put back newest first: curses reads back what was put back last first.
        if secondStatus != ERR { putBack(second, isKeyCode: secondStatus == sc_key_code_yes()) }
        putBack(first, isKeyCode: false)
        return nil
    }

    private func putBack(_ value: wint_t, isKeyCode: Bool) {
        if isKeyCode { ungetch(Int32(bitPattern: UInt32(value))) } else { unget_wch(wchar_t(bitPattern: UInt32(value))) }
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
