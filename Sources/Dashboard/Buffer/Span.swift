/// A piece of text in one style.
public struct Span: Hashable, Sendable {
    /// The text.
    public var text: String
    /// Its style.
    public var style: Style

    /// Creates a span.
    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

extension Array where Element == Span {
    /// The columns these spans occupy together.
    public var displayWidth: Int { reduce(0) { $0 + $1.text.displayWidth } }
}
