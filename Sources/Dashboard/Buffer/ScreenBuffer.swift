/// A width x height grid of styled cells: what one frame of the screen should show.
public struct ScreenBuffer: Hashable, Sendable {
    /// Columns.
    public private(set) var width: Int
    /// Rows.
    public private(set) var height: Int
    /// Cells in row-major order.
    public private(set) var cells: [Cell]

    /// Creates a buffer of blank cells.
    public init(size: Size, fill: Cell = .blank) {
        width = size.width
        height = size.height
        cells = Array(repeating: fill, count: size.width * size.height)
    }

    /// Its size.
    public var size: Size { Size(width: width, height: height) }
    /// The whole buffer as a rectangle.
    public var area: Rect { Rect(size: size) }

    /// The cell at (`x`, `y`); blank outside the buffer.
    public subscript(x: Int, y: Int) -> Cell {
        guard area.contains(x: x, y: y) else { return .blank }
        return cells[y * width + x]
    }

    /// Puts one grapheme at (`x`, `y`), keeping wide graphemes whole; returns the columns it took (0 if clipped).
    ///
    /// Overwriting either half of a wide grapheme blanks the other half.
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style, clip: Rect? = nil) -> Int {
        let character = DisplayWidth.drawable(character)
        let bounds = clip.map { $0.intersection(area) } ?? area
        let columns = DisplayWidth.of(character)
        guard columns > 0, bounds.contains(x: x, y: y) else { return 0 }
        guard bounds.contains(x: x + columns - 1, y: y) else {
            // A wide grapheme that does not fit: fill its one visible column with a space.
            setCell(Cell(" ", style: style), x: x, y: y)
            return 1
        }
        let scalars = character.unicodeScalars
        let cell = scalars.count == 1 ? Cell(scalars[scalars.startIndex], style: style) : Cell(String(character), style: style)
        setCell(cell, x: x, y: y)
        if columns == 2 { setCell(Cell("", style: style), x: x + 1, y: y) }
        return columns
    }

    /// Writes `text` from (`x`, `y`) within at most `maxWidth` columns (and the buffer); returns the columns used.
    ///
    /// Zero-width graphemes such as control characters are skipped; combining marks stay with their base.
    /// With an `ellipsis`, text too long for `maxWidth` is cut by display width and ends in it.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: Style = .plain, ellipsis: String? = nil
    ) -> Int {
        let limit = min(maxWidth ?? Int.max, max(0, width - x))
        guard limit > 0, y >= 0, y < height else { return 0 }
        // A line break (or tab) within one line of text is a space between its words ("Net additional\ndwellings" ran
        // together).
        let text = text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) ? Self.joiningLines(text) : text
        let fitted = ellipsis.map { TextFit.truncated(text, toWidth: limit, ellipsis: $0) } ?? text
        if x >= 0, let written = writeNarrowText(fitted, x: x, y: y, limit: limit, style: style) { return written }
        let clip = Rect(x: x, y: y, width: limit, height: 1)
        var column = x
        for character in fitted {
            guard column < clip.maxX else { break }
            column += put(character, x: column, y: y, style: style, clip: clip)
        }
        return column - x
    }

    /// `text` with each line break (LF, CR or CR LF) and tab a space.
    private static func joiningLines(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" ? " " : $0 })
    }

    /// Writes `text` a byte a cell when it is all printable ASCII (one column a byte, no grapheme to find), or a
    /// scalar a cell when each scalar is a narrow grapheme of its own; `nil`, writing nothing, when it is neither. Most of what a frame shows is such text, and breaking it into
    /// `Character`s was most of the time a frame took to draw (measured with `perf` on a 200x60 list).
    private mutating func writeNarrowText(_ text: String, x: Int, y: Int, limit: Int, style: Style) -> Int? {
        var text = text
        let ascii = text.withUTF8 { bytes -> Int? in
            guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
            let count = min(bytes.count, limit)
            for (offset, byte) in bytes.prefix(count).enumerated() {
                setCell(Cell(Unicode.Scalar(byte), style: style), x: x + offset, y: y)
            }
            return count
        }
        if let ascii { return ascii }
        // Text of narrow scalars that are graphemes of their own (bars, lines, arrows, accented letters): a
        // scalar a cell.
        guard DisplayWidth.narrowScalarCount(text) != nil else { return nil }
        var column = 0
        for scalar in text.unicodeScalars {
            guard column < limit else { break }
            setCell(Cell(scalar, style: style), x: x + column, y: y)
            column += 1
        }
        return column
    }

    /// Writes `text` in `rect`'s first row, cut with `ellipsis` to its width.
    @discardableResult
    public mutating func write(_ text: String, in rect: Rect, style: Style = .plain, ellipsis: String? = nil) -> Int {
        guard rect.height > 0 else { return 0 }
        return write(text, x: rect.x, y: rect.y, maxWidth: rect.width, style: style, ellipsis: ellipsis)
    }

    /// Writes styled spans one after another from (`x`, `y`) within `maxWidth` columns; returns the columns used.
    @discardableResult
    public mutating func write(spans: [Span], x: Int, y: Int, maxWidth: Int) -> Int {
        var used = 0
        for span in spans where used < maxWidth {
            used += write(span.text, x: x + used, y: y, maxWidth: maxWidth - used, style: span.style)
        }
        return used
    }

    /// Fills every cell of `rect` with `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { setCell(cell, x: x, y: y) }
        }
    }

    /// Lays `style` over the style of every cell in `rect`, keeping the graphemes.
    public mutating func applyStyle(_ style: Style, to rect: Rect) {
        let clipped = rect.intersection(area)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                cells[y * width + x].style = cells[y * width + x].style.patched(with: style)
            }
        }
    }

    /// Sets one cell, blanking the orphaned half of any wide grapheme it overwrites.
    private mutating func setCell(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation, !cell.isContinuation, x > 0 {
            cells[index - 1].grapheme = " "
        }
        if old.isWide, x + 1 < width {
            cells[index + 1].grapheme = " "
        }
        cells[index] = cell
    }
}
