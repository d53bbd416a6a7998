/// A one-row chart of recent values, one cell per value, with gaps for missing ones.
public struct Sparkline: Widget, Sendable {
    /// Values oldest first; `nil` is a gap.
    public var values: [Double?]
    /// The glyphs (block levels or ASCII).
    public var glyphs: GlyphSet
    /// The style of the marks.
    public var style: Style

    /// Creates a sparkline.
    public init(values: [Double?], glyphs: GlyphSet, style: Style = .plain) {
        self.values = values
        self.glyphs = glyphs
        self.style = style
    }

    /// The most recent `width` values as text: scaled between their minimum and maximum, gaps as spaces.
    ///
    /// When all values are equal every mark is the middle level.
    public func text(width: Int) -> String {
        let shown = values.suffix(max(0, width))
        let present = shown.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else {
            return String(repeating: " ", count: shown.count)
        }
        let levels = glyphs.sparkLevels
        let top = levels.count - 1
        return shown.map { value -> String in
            guard let value else { return " " }
            if high == low { return levels[top / 2] }
            let level = Int(saturating: (value.fraction(between: low, and: high) * Double(top)).rounded())
            return levels[min(top, max(0, level))]
        }.joined()
    }

    /// Draws right-aligned on the first row of `area`, so the latest value sits at the right edge.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 0 else { return }
        let marks = text(width: area.width)
        buffer.write(marks, x: area.maxX - marks.displayWidth, y: area.y, maxWidth: area.width, style: style)
    }
}
