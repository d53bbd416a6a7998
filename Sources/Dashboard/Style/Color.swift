/// One of the eight ANSI base colours every colour terminal can show.
public enum BaseColor: Int, CaseIterable, Hashable, Sendable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}

/// A colour that works on 8-colour terminals, with an optional 256-colour refinement.
public enum Color: Hashable, Sendable {
    /// The terminal's own default foreground or background.
    case `default`
    /// One of the eight ANSI colours.
    case base(BaseColor)
    /// An xterm 256-colour palette index, shown as `fallback` when only 8 colours are available.
    case refined(UInt8, fallback: BaseColor)

    /// ANSI black.
    public static let black = Color.base(.black)
    /// ANSI red.
    public static let red = Color.base(.red)
    /// ANSI green.
    public static let green = Color.base(.green)
    /// ANSI yellow.
    public static let yellow = Color.base(.yellow)
    /// ANSI blue.
    public static let blue = Color.base(.blue)
    /// ANSI magenta.
    public static let magenta = Color.base(.magenta)
    /// ANSI cyan.
    public static let cyan = Color.base(.cyan)
    /// ANSI white.
    public static let white = Color.base(.white)

    /// The colour as it can be shown in `mode`: refinements drop to their fallback on 8 colours, everything to default without colour.
    public func resolved(for mode: ColorMode) -> Color {
        switch (mode, self) {
        case (.none, _): .default
        case (.eight, .refined(_, let fallback)): .base(fallback)
        default: self
        }
    }
}
