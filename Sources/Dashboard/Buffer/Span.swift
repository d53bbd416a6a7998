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
    /// (`separator`) left dangling at the end. When a span is left out whole (not a word of it fits), the
    /// ellipsis takes its separator's place (`… · draft …`), so that a reader knows the line goes on.
    public func fitted(toWidth width: Int, ellipsis: String, separator: String) -> [Span] {
        var result: [Span] = []
        var used = 0
        var cut = false
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
            } else {
                cut = true
            }
            break
        }
        var separatorStyle: Style?
        while result.last?.text == separator { separatorStyle = result.removeLast().style }
        guard cut, !result.isEmpty else { return result }
        // Something was left out whole: the ellipsis says so, where the separator was (or straight after).
        let marked = " " + ellipsis
        if let separatorStyle, result.displayWidth + marked.displayWidth <= width {
            result.append(Span(marked, style: separatorStyle))
        } else if result.displayWidth + ellipsis.displayWidth <= width, let last = result.last {
            result.append(Span(ellipsis, style: last.style))
        } else {
            // No room for the mark: fitted again a mark narrower, the last part is cut (or left out) to make room.
            return fitted(toWidth: width - marked.displayWidth, ellipsis: ellipsis, separator: separator)
        }
        return result
    }
}
