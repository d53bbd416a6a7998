import CNcursesw
import Dashboard

extension NcursesTerminal {
    /// Writes the cells that differ from the last presented buffer, then updates the screen once.
    ///
    /// A buffer of a new size (after a resize) or a pending ``invalidate()`` rewrites every cell.
    public func present(_ buffer: ScreenBuffer) {
        guard isRunning, let window = sc_stdscr() else { return }
        let last = previous.flatMap { $0.size == buffer.size ? $0 : nil }
        if last == nil { werase(window) }
        let width = min(buffer.width, Int(sc_getmaxx(window)))
        let height = min(buffer.height, Int(sc_getmaxy(window)))
        var written = 0
        let cells = buffer.cells
        let lastCells = last?.cells
        for y in 0..<height {
            let row = y * buffer.width
            for x in 0..<width {
                let cell = cells[row + x]
                if cell.isContinuation || cell == lastCells?[row + x] { continue }
                draw(cell, x: x, y: y, in: window)
                written += 1
            }
        }
        if needsFullRepaint, let screenWindow = sc_curscr() {
            clearok(screenWindow, true)
            needsFullRepaint = false
        }
        wnoutrefresh(window)
        doupdate()
        previous = buffer
        cellsWrittenByLastPresent = written
    }

    /// Forgets what is on screen: the next ``present(_:)`` clears the terminal and repaints every cell (Ctrl-L).
    public func invalidate() {
        previous = nil
        needsFullRepaint = true
    }

    /// Puts one cell into curses' copy of the screen.
    private func draw(_ cell: Cell, x: Int, y: Int, in window: UnsafeMutablePointer<WINDOW>) {
        var curses = cchar_t()
        let pair = colorPairs.pair(for: cell.style)
        if let scalar = cell.scalar {
            // Nearly every cell: one scalar, passed without making an array.
            var characters: (wchar_t, wchar_t) = (wchar_t(bitPattern: scalar.value), 0)
            withUnsafeMutablePointer(to: &characters) { tuple in
                tuple.withMemoryRebound(to: wchar_t.self, capacity: 2) {
                    _ = sc_setcchar(&curses, $0, attributes(cell.style.attributes), pair)
                }
            }
        } else {
            var characters = cell.grapheme.unicodeScalars.prefix(Int(sc_ccharw_max()) - 1).map { wchar_t(bitPattern: $0.value) }
            if characters.isEmpty { characters = [wchar_t(32)] }
            characters.append(0)
            _ = sc_setcchar(&curses, characters, attributes(cell.style.attributes), pair)
        }
        sc_mvwadd_wch(window, Int32(y), Int32(x), &curses)
    }

    /// The curses attributes for `attributes`.
    private func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = sc_a_normal()
        if attributes.contains(.bold) { result |= sc_a_bold() }
        if attributes.contains(.dim) { result |= sc_a_dim() }
        if attributes.contains(.reverse) { result |= sc_a_reverse() }
        if attributes.contains(.underline) { result |= sc_a_underline() }
        return result
    }

    /// The text curses has on screen in row `y` (read back from `curscr`; for tests and diagnostics).
    func screenRowText(_ y: Int) -> String {
        guard isRunning, let window = sc_curscr() else { return "" }
        var text = ""
        var x = 0
        while x < Int(sc_getmaxx(window)) {
            var characters = [wchar_t](repeating: 0, count: Int(sc_ccharw_max()) + 1)
            var attrs = sc_a_normal()
            guard sc_mvwin_wch_chars(window, Int32(y), Int32(x), &characters, &attrs) != ERR else { break }
            let scalars = characters.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
            text.unicodeScalars.append(contentsOf: scalars)
            // curses repeats a wide character in the cell it spills into: skip that cell.
            x += max(1, scalars.first.map { DisplayWidth.of(Character($0)) } ?? 1)
        }
        return text
    }
}
