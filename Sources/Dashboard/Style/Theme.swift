/// Semantic styles and glyphs for every widget, chosen to suit the terminal's capabilities.
///
/// Status is never carried by colour alone: widgets pair these styles with words and symbols,
/// and without colour the styles fall back to bold, dim, underline and reverse.
public struct Theme: Hashable, Sendable {
    /// The glyphs to draw with.
    public var glyphs: GlyphSet
    /// The colour mode the styles were made for.
    public var colorMode: ColorMode
    /// Ordinary text.
    public var text: Style
    /// Secondary text: units, axis labels, empty values.
    public var muted: Style
    /// Table headers.
    public var header: Style
    /// The breadcrumb line at the top.
    public var titleBar: Style
    /// The status line at the bottom.
    public var statusBar: Style
    /// Key names in hints and help.
    public var key: Style
    /// Added to the selected table row.
    public var selection: Style
    /// Box borders.
    public var border: Style
    /// On track.
    public var good: Style
    /// At risk.
    public var warning: Style
    /// Off track.
    public var bad: Style
    /// No data.
    public var noData: Style
    /// The data line of a chart.
    public var chartLine: Style
    /// A chart's target line.
    public var chartTarget: Style
    /// A chart's marked period.
    public var chartMarker: Style

    /// The theme for `capabilities`.
    public init(capabilities: Capabilities) {
        glyphs = capabilities.glyphs
        colorMode = capabilities.colorMode
        let mode = capabilities.colorMode
        func colored(_ color: Color, _ attributes: TextAttributes = []) -> Style {
            Style(foreground: color.resolved(for: mode), attributes: attributes)
        }
        text = .plain
        selection = Style(attributes: .reverse)
        titleBar = Style(attributes: .bold)
        statusBar = Style(attributes: .reverse)
        if mode == .none {
            muted = Style(attributes: .dim)
            header = Style(attributes: [.bold, .underline])
            key = Style(attributes: .bold)
            border = Style(attributes: .dim)
            good = .plain
            warning = Style(attributes: .bold)
            bad = Style(attributes: [.bold, .underline])
            noData = Style(attributes: .dim)
            chartLine = .plain
            chartTarget = Style(attributes: .dim)
            chartMarker = Style(attributes: .bold)
        } else {
            muted = colored(.refined(245, fallback: .white), mode == .eight ? .dim : [])
            header = colored(.cyan, .bold)
            key = colored(.yellow, .bold)
            border = colored(.refined(240, fallback: .blue))
            good = colored(.refined(34, fallback: .green))
            warning = colored(.refined(214, fallback: .yellow))
            bad = colored(.refined(196, fallback: .red), .bold)
            noData = colored(.refined(245, fallback: .white), mode == .eight ? .dim : [])
            chartLine = colored(.refined(39, fallback: .cyan))
            chartTarget = colored(.refined(214, fallback: .yellow))
            chartMarker = colored(.magenta, .bold)
        }
    }
}
