extension Unicode.Scalar {
    /// Whether the scalar shows as nothing (or as a space) in a measure code: whitespace other than the space, a
    /// format character (a zero-width space, a byte-order mark, a direction mark), or one ignored by default (a
    /// soft hyphen). A code holding one shows as another code.
    var isInvisibleInCode: Bool {
        // Printable ASCII, as nearly every code is, shows: no need to look its properties up.
        if (0x20...0x7E).contains(value) { return false }
        return properties.isWhitespace && self != " " || properties.generalCategory == .format || properties.isDefaultIgnorableCodePoint
    }
}

/// What is said of a measure code a framework does not have.
enum UnknownMeasureCode {
    /// `unknown measure code "KBI-06"`, and, when the code holds a character that does not show (a byte-order
    /// mark left where two files were joined, a zero-width space from a web page), which one: the code looks
    /// like one the framework has.
    /// - Parameter note: said after a code that holds nothing invisible (`(not in the framework)`).
    static func message(_ code: some StringProtocol, note: String = "") -> String {
        let hidden = code.unicodeScalars.filter(\.isInvisibleInCode)
        guard let first = hidden.first else { return "unknown measure code \"\(code.excerpt())\"" + note }
        let hex = String(first.value, radix: 16, uppercase: true)
        let name = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let visible = String(String.UnicodeScalarView(code.unicodeScalars.filter { !$0.isInvisibleInCode }))
        return "unknown measure code \"\(visible.excerpt())\" with an invisible character (\(name)) in it, which makes it "
            + "another code: delete the character"
    }
}
