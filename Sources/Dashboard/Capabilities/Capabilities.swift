/// What the terminal can show: colours and Unicode glyphs, decided once at start-up.
public struct Capabilities: Hashable, Sendable {
    /// The colour mode to draw with.
    public var colorMode: ColorMode
    /// The glyphs to draw with.
    public var glyphs: GlyphSet

    /// Creates capabilities directly.
    public init(colorMode: ColorMode, glyphs: GlyphSet) {
        self.colorMode = colorMode
        self.glyphs = glyphs
    }

    /// Decides capabilities from the environment, the command-line options and the terminal's colour count.
    ///
    /// - Colour: `never` gives none; `auto` gives none when `NO_COLOR` is set to anything non-empty
    ///   (no-color.org); otherwise the terminal's colour count decides (>= 256, >= 8, else none).
    ///   `always` ignores `NO_COLOR` and uses at least 8 colours.
    /// - Glyphs: `--ascii` gives ASCII; otherwise Unicode when the effective locale (`LC_ALL`, then `LC_CTYPE`,
    ///   then `LANG`, the first non-empty) names UTF-8 (`UTF-8` or `utf8`, any case), else ASCII.
    public static func detect(
        environment: [String: String],
        colorPreference: ColorPreference = .auto,
        forceASCII: Bool = false,
        terminalColors: Int
    ) -> Capabilities {
        let colorMode: ColorMode
        switch colorPreference {
        case .never:
            colorMode = .none
        case .always:
            colorMode = max(.eight, ColorMode(terminalColors: terminalColors))
        case .auto:
            let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
            colorMode = noColor ? .none : ColorMode(terminalColors: terminalColors)
        }
        let unicode = !forceASCII && localeIsUTF8(environment: environment)
        return Capabilities(colorMode: colorMode, glyphs: unicode ? .unicode : .ascii)
    }

    /// Whether the effective character-type locale is UTF-8.
    public static func localeIsUTF8(environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lowered = locale.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }
}
