import Dashboard
import Testing

@Suite struct TextFitTests {
    @Test(arguments: [
        ("a", 1), ("日", 2), ("e\u{301}", 1), ("🚦", 2), ("❤\u{FE0F}", 2), ("\u{7}", 0), ("한", 2), ("Ａ", 2), ("▁", 1),
        ("⣿", 1), ("…", 1),
    ])
    func displayWidthOfOneCharacter(text: String, width: Int) {
        #expect(text.displayWidth == width)
    }

    @Test func truncatesFromTheLeft() {
        #expect(TextFit.truncatedFromLeft("Council Plan", toWidth: 6, ellipsis: "…") == "… Plan")
        #expect(TextFit.truncatedFromLeft("abc", toWidth: 6, ellipsis: "…") == "abc")
    }

    @Test func ellipsisWiderThanTheSpaceIsCut() {
        #expect(TextFit.truncated("abcdef", toWidth: 2, ellipsis: "...") == "..")
        #expect(TextFit.truncated("abcdef", toWidth: 0, ellipsis: "…") == "")
    }

    @Test func alignsByDisplayWidth() {
        #expect(TextFit.aligned("日本", toWidth: 6, alignment: .right, ellipsis: "…") == "  日本")
        #expect(TextFit.aligned("ab", toWidth: 5, alignment: .center, ellipsis: "…") == " ab  ")
    }

    @Test func wrapsWords() {
        #expect(
            TextFit.wrapped("Terminal too small: 40x10", toWidth: 12, ellipsis: "…") == ["Terminal too", "small: 40x10"])
    }
}
