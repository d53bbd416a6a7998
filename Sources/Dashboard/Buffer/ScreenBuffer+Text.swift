extension ScreenBuffer {
    /// The buffer as plain text, one string per row, trailing spaces trimmed (for tests and logs).
    public func textLines() -> [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !self[x, y].isContinuation { line += self[x, y].grapheme }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The buffer as plain text rows joined by newlines.
    public func text() -> String { textLines().joined(separator: "\n") }
}
