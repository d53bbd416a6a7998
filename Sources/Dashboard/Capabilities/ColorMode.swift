/// How many colours the dashboard uses.
public enum ColorMode: Hashable, Sendable, Comparable {
    /// No colour: attributes (bold, dim, reverse, underline) only.
    case none
    /// The eight ANSI colours.
    case eight
    /// The xterm 256-colour palette.
    case twoHundredFiftySix

    /// The richest mode a terminal reporting `colors` colours can show.
    public init(terminalColors colors: Int) {
        self = colors >= 256 ? .twoHundredFiftySix : colors >= 8 ? .eight : .none
    }
}

/// The `--color` option: whether to use colour.
public enum ColorPreference: String, CaseIterable, Hashable, Sendable {
    /// Colour when the terminal has it and `NO_COLOR` is not set.
    case auto
    /// Colour even when `NO_COLOR` is set (if the terminal has colours at all).
    case always
    /// No colour.
    case never
}
