import Testing

@testable import ScorecardKit

/// Cells and keys are trimmed of white space before they are read: any Unicode space, at either end only.
@Suite("Trimming white space")
struct TrimmingTests {
    @Test("white space of any kind goes from both ends; what is between stays", arguments: [
        ("KBI-01", "KBI-01"),
        (" KBI-01 ", "KBI-01"),
        ("\tKBI 01\r\n", "KBI 01"),
        ("\u{00A0}2024/25 Q1\u{2003}", "2024/25 Q1"),
        ("\u{3000}x", "x"),
        ("", ""),
        ("  \n\t ", ""),
        ("a", "a"),
        ("é ", "é"),
        (" cafe\u{0301}", "cafe\u{0301}"),
        ("\u{0600}1", "\u{0600}1"),
        ("a \u{200B}", "a \u{200B}"),
    ])
    func trims(_ text: String, _ expected: String) {
        #expect(String(text.trimmingWhitespace()) == expected)
        #expect(String(text[...].trimmingWhitespace()) == expected, "a substring too")
    }
}
