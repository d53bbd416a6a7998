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
        let (status, value) = nextCharacter(window)
        if SignalGuard.takeInterrupt() { return .ctrl("c") }
        guard status != ERR else { return nil }
        if status == sc_key_code_yes(), Int32(bitPattern: UInt32(value)) == Self.pasteStart { return readPaste(window) }
        if status != sc_key_code_yes(), value == 27, let key = normalModeCursorKey(window) { return key }
        return KeyDecoder.decode(isKeyCode: status == sc_key_code_yes(), value: UInt32(value))
    }

    /// A cursor key sent in the terminal's normal mode (`ESC [ B`) where terminfo gives its application mode
    /// (`ESC O B`), as a terminal whose keypad mode a shell turned off sends them (after Ctrl-Z and `fg`, one
    /// was read as Esc, `[` and `B`: back a screen and to an earlier period); any other whole control sequence
    /// already waiting (`ESC [ 2 SP q`, a mouse report) is taken whole as an unknown key, so that its letters are
    /// not keys (`q` quit). Reads only what already waits after the Esc; an incomplete sequence is put back.
    private func normalModeCursorKey(_ window: UnsafeMutablePointer<WINDOW>) -> Key? {
        wtimeout(window, 0)
        var read: [(value: wint_t, isKeyCode: Bool)] = []
        func next() -> (value: wint_t, isKeyCode: Bool)? {
            let (status, value) = nextCharacter(window)
            guard status != ERR else { return nil }
            read.append((value, status == sc_key_code_yes()))
            return read.last
        }
        func putAllBack() -> Key? {
            // Newest first: curses reads back what was put back last first.
            for item in read.reversed() { putBack(item.value, isKeyCode: item.isKeyCode) }
            return nil
        }
        guard let introducer = next(), !introducer.isKeyCode, introducer.value == 0x5B || introducer.value == 0x4F else { return putAllBack() }
        if introducer.value == 0x4F {
            guard let final = next(), !final.isKeyCode, let key = KeyDecoder.cursorKey(final: UInt32(final.value)) else { return putAllBack() }
            return key
        }
        // CSI: parameter and intermediate bytes (0x20 to 0x3F), then a final byte (0x40 to 0x7E).
        var parameters = 0
        while let byte = next(), !byte.isKeyCode {
            if (0x20...0x3F).contains(byte.value) {
                parameters += 1
                if parameters > 32 { return putAllBack() }
                continue
            }
            guard (0x40...0x7E).contains(byte.value) else { return putAllBack() }
            if parameters == 0, let key = KeyDecoder.cursorKey(final: UInt32(byte.value)) { return key }
            return .unknown(Int(byte.value))
        }
        return putAllBack()
    }

    private func putBack(_ value: wint_t, isKeyCode: Bool) {
        if isKeyCode {
            ungetch(Int32(bitPattern: UInt32(value)))
        } else if decodesUTF8Itself, let scalar = Unicode.Scalar(UInt32(value)) {
            // Its bytes, as curses gave them, the last put back first.
            for byte in String(scalar).utf8.reversed() { ungetch(Int32(byte)) }
        } else {
            unget_wch(wchar_t(bitPattern: UInt32(value)))
        }
    }

    /// The next character or key code, as `wget_wch` gives them (`OK` or `KEY_CODE_YES`, or `ERR` when nothing
    /// came in time). Where the locale is not UTF-8 (`LANG=C`), curses took the bytes of `é` for no character and
    /// threw away the keys that came after it (`café ok` typed was `caf`): there bytes are read one by one and a
    /// UTF-8 sequence decoded here; a byte that begins none is dropped alone.
    func nextCharacter(_ window: UnsafeMutablePointer<WINDOW>) -> (status: Int32, value: wint_t) {
        guard decodesUTF8Itself else {
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            return (status, value)
        }
        while true {
            let first = wgetch(window)
            guard first != ERR else { return (ERR, 0) }
            if first >= sc_key_min() { return (sc_key_code_yes(), wint_t(first)) }
            let lead = UInt8(truncatingIfNeeded: first)
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
            if length == 1 { return (OK, wint_t(lead)) }
            guard length > 1 else { continue }
            // The rest of the sequence is already waiting: read without waiting, then wait as before.
            let delay = sc_getdelay(window)
            wtimeout(window, 0)
            var bytes = [lead]
            while bytes.count < length {
                let byte = wgetch(window)
                guard (0x80...0xBF).contains(byte) else {
                    if byte != ERR { ungetch(byte) }
                    break
                }
                bytes.append(UInt8(byte))
            }
            wtimeout(window, delay)
            if let scalar = String(validating: bytes, as: UTF8.self)?.unicodeScalars.first { return (OK, wint_t(scalar.value)) }
        }
    }

    /// The text of a bracketed paste, read up to its end sequence (or a pause of half a second, or 1 MB, so that
    /// a terminal that never ends it cannot hold the dashboard).
    private func readPaste(_ window: UnsafeMutablePointer<WINDOW>) -> Key {
        var text = String.UnicodeScalarView()
        var count = 0  // counted here: the view's own count walks the text, which made a large paste quadratic
        wtimeout(window, 500)
        while count < 1 << 20 {
            let (status, value) = nextCharacter(window)
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
