/// One terminal cell: a grapheme and its style.
///
/// A wide grapheme (CJK, most emoji) occupies its cell and the next; the next cell is a
/// continuation cell with an empty grapheme that presenters skip.
public struct Cell: Hashable, Sendable {
    /// The grapheme shown, `" "` for blank, `""` for the second half of a wide grapheme.
    public var grapheme: String
    /// How the cell looks.
    public var style: Style

    /// Creates a cell.
    public init(_ grapheme: String = " ", style: Style = .plain) {
        self.grapheme = grapheme
        self.style = style
    }

    /// A blank cell in the default style.
    public static let blank = Cell()

    /// Whether this cell is the second half of a wide grapheme.
    public var isContinuation: Bool { grapheme.isEmpty }
}
