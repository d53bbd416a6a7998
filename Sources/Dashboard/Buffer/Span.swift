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

    /// The spans cut to `width` columns: whole spans while they fit, then the next cut after a whole word with
    /// `ellipsis` (inside a run of 12 columns or more with no space, such as Chinese text), and no separator
    /// (`separator`) left dangling at the end.
    public func fitted(toWidth width: Int, ellipsis: String, separator: String) -> [Span] {
        var result: [Span] = []
        var used = 0
        for span in self {
            let spanWidth = span.text.displayWidth
            if used + spanWidth <= width {
                result.append(span)
                used += spanWidth
                continue
            }
            let room = width - used
            let kept = TextFit.prefix(of: span.text, width: Swift.max(0, room - ellipsis.displayWidth))
            let endsAtWord = span.text.dropFirst(kept.count).first?.isWhitespace ?? true
            var words = endsAtWord ? Substring(kept) : kept[..<(kept.lastIndex { $0.isWhitespace } ?? kept.startIndex)]
            // Cut inside a "word" of 12 columns or more: text with no spaces (Chinese, a long code) lost all of it
            // ("M2…" for a whole title). A word of ordinary length is left whole, or out.
            if kept.displayWidth - words.displayWidth >= 12 { words = Substring(kept) }
            while words.last?.isWhitespace == true { words = words.dropLast() }
            // A lone arrow or symbol is no word.
            if span.text != separator, words.contains(where: { $0.isLetter || $0.isNumber }) {
                result.append(Span(words + ellipsis, style: span.style))
            }
            break
        }
        while result.last?.text == separator { result.removeLast() }
        return result
    }
}
