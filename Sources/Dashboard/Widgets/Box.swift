/// A bordered box with an optional title in its top edge.
public struct Box: Widget, Sendable {
    /// The title shown in the top border, cut to fit.
    public var title: String?
    /// The glyphs for the border.
    public var glyphs: GlyphSet
    /// The border's style.
    public var borderStyle: Style
    /// The title's style.
    public var titleStyle: Style
    /// Whether to blank the inside (for overlays).
    public var clearsInside: Bool

    /// Creates a box.
    public init(
        title: String? = nil, glyphs: GlyphSet, borderStyle: Style = .plain, titleStyle: Style = .plain,
        clearsInside: Bool = false
    ) {
        self.title = title
        self.glyphs = glyphs
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
        self.clearsInside = clearsInside
    }

    /// The area inside the border of a box drawn in `area`.
    public static func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    /// Draws the border (needs at least 2x2 cells) and the title.
    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        let border = glyphs.border
        if clearsInside { buffer.fill(Self.inner(area)) }
        let horizontal = String(repeating: border.horizontal, count: area.width - 2)
        buffer.write(border.topLeft + horizontal + border.topRight, x: area.x, y: area.y, style: borderStyle)
        buffer.write(border.bottomLeft + horizontal + border.bottomRight, x: area.x, y: area.maxY - 1, style: borderStyle)
        for y in (area.y + 1)..<(area.maxY - 1) {
            buffer.write(border.vertical, x: area.x, y: y, style: borderStyle)
            buffer.write(border.vertical, x: area.maxX - 1, y: y, style: borderStyle)
        }
        if let title, area.width > 4 {
            buffer.write(
                " " + TextFit.truncated(title, toWidth: area.width - 4, ellipsis: glyphs.ellipsis) + " ",
                x: area.x + 1, y: area.y, maxWidth: area.width - 2, style: titleStyle)
        }
    }
}
