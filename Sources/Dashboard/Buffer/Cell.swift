/// One terminal cell: a grapheme and its style.
///
/// A wide grapheme (CJK, most emoji) occupies its cell and the next; the next cell is a
/// continuation cell with an empty grapheme that presenters skip.
///
/// A cell holds no reference, only numbers, so a frame of 12,000 cells is made, compared and copied without
/// counting references: its grapheme is kept as its Unicode scalar when it is one scalar (nearly every cell),
/// and otherwise as its number in ``GraphemeTable``. Cells holding `String`s spent a third of a frame's drawing
/// retaining and releasing them (measured with `perf` at 200x60).
public struct Cell: Hashable, Sendable {
    /// The grapheme: 0 for the second half of a wide grapheme, a scalar's value, or from
    /// ``GraphemeTable/firstCode`` on a grapheme of several scalars.
    private var code: UInt32
    /// How the cell looks.
    public var style: Style

    /// Creates a cell.
    public init(_ grapheme: String = " ", style: Style = .plain) {
        self.code = Self.code(of: grapheme)
        self.style = style
    }

    /// A cell showing one scalar (not NUL: a cell of NUL is a continuation).
    init(_ scalar: Unicode.Scalar, style: Style) {
        self.code = scalar.value == 0 ? Self.code(of: "\u{0}") : scalar.value
        self.style = style
    }

    /// A blank cell in the default style.
    public static let blank = Cell()

    /// The grapheme shown, `" "` for blank, `""` for the second half of a wide grapheme.
    public var grapheme: String {
        get {
            if code == 0 { return "" }
            if code < GraphemeTable.firstCode, let scalar = Unicode.Scalar(code) { return String(scalar) }
            return GraphemeTable.shared.grapheme(code)
        }
        set { code = Self.code(of: newValue) }
    }

    /// The grapheme's single scalar, when it is one (`nil` for a continuation or a grapheme of several).
    public var scalar: Unicode.Scalar? {
        code != 0 && code < GraphemeTable.firstCode ? Unicode.Scalar(code) : nil
    }

    /// Whether this cell is the second half of a wide grapheme.
    public var isContinuation: Bool { code == 0 }

    /// Whether the grapheme takes two columns (the cell after it is then its continuation).
    var isWide: Bool {
        // Nothing below U+1100 is wide, whatever follows it in a grapheme of its own.
        guard code >= 0x1100 else { return false }
        if let scalar { return DisplayWidth.width(of: scalar) == 2 }
        return grapheme.first.map(DisplayWidth.of) == 2
    }

    private static func code(of grapheme: String) -> UInt32 {
        let scalars = grapheme.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.value != 0, scalars.index(after: scalars.startIndex) == scalars.endIndex { return first.value }
        return GraphemeTable.shared.code(of: grapheme)
    }
}
