extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks (any Unicode white space).
    func trimmingWhitespace() -> Substring {
        let s = Substring(self)
        // Printable ASCII at both ends, as nearly every cell and key is: nothing to trim, and no need to find the
        // first and last characters (grapheme breaking took a twelfth of reading a large framework). A character
        // that ends with such a byte, or starts with one, is that byte alone or does not start with white space.
        if let first = s.utf8.first, let last = s.utf8.last, Self.printableASCII.contains(first), Self.printableASCII.contains(last) {
            return s
        }
        guard let first = s.firstIndex(where: { !$0.isWhitespace }) else { return s[s.endIndex...] }
        let last = s.lastIndex(where: { !$0.isWhitespace }) ?? first
        return s[first...last]
    }

    private static var printableASCII: ClosedRange<UInt8> { 0x21...0x7E }
}
