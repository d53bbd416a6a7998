/// The characters used for borders, sparklines, charts, arrows and truncation.
public struct GlyphSet: Hashable, Sendable {
    /// Box corners and lines.
    public struct Border: Hashable, Sendable {
        /// Top-left corner.
        public var topLeft: String
        /// Top-right corner.
        public var topRight: String
        /// Bottom-left corner.
        public var bottomLeft: String
        /// Bottom-right corner.
        public var bottomRight: String
        /// Horizontal line.
        public var horizontal: String
        /// Vertical line.
        public var vertical: String
    }

    /// How line charts are drawn.
    public enum ChartStyle: Hashable, Sendable {
        /// Braille dots, 2 x 4 per cell.
        case braille
        /// One ASCII character per cell: `*` for points, `.` between them.
        case ascii
    }

    /// Whether these are the Unicode glyphs.
    public var isUnicode: Bool
    /// Box drawing.
    public var border: Border
    /// Sparkline levels from lowest to highest.
    public var sparkLevels: [String]
    /// How charts are drawn.
    public var chart: ChartStyle
    /// Marks text that was cut.
    public var ellipsis: String
    /// Getting higher.
    public var arrowUp: String
    /// Getting lower.
    public var arrowDown: String
    /// No change.
    public var arrowFlat: String
    /// Between breadcrumb items.
    public var breadcrumbSeparator: String
    /// Between status-line segments.
    public var separator: String

    /// Box drawing, block sparklines, braille charts and arrows.
    public static let unicode = GlyphSet(
        isUnicode: true,
        border: Border(topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│"),
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        chart: .braille,
        ellipsis: "…",
        arrowUp: "↑",
        arrowDown: "↓",
        arrowFlat: "→",
        breadcrumbSeparator: " › ",
        separator: " · "
    )

    /// Plain ASCII for `LANG=C`, `--ascii` and terminals without Unicode fonts.
    public static let ascii = GlyphSet(
        isUnicode: false,
        border: Border(topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|"),
        sparkLevels: ["_", ".", "-", "=", "^"],
        chart: .ascii,
        ellipsis: "...",
        arrowUp: "^",
        arrowDown: "v",
        // Not "-", which is "not judged" (and, as it was, "lower" too).
        arrowFlat: "=",
        breadcrumbSeparator: " > ",
        separator: " | "
    )
}
