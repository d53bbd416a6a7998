import Dashboard
import Testing

@Suite struct TextFitTests {
    @Test(arguments: [
        // As curses counts a cell (wcwidth of its spacing character): ❤️ one column, a joined 🏳️‍🌈 its first part's.
        ("a", 1), ("日", 2), ("e\u{301}", 1), ("🚦", 2), ("❤\u{FE0F}", 1), ("\u{7}", 0), ("한", 2), ("Ａ", 2), ("▁", 1),
        ("⣿", 1), ("…", 1), ("🏳\u{FE0F}\u{200D}🌈", 1), ("👍\u{1F3FD}", 2),
    ])
    func displayWidthOfOneCharacter(text: String, width: Int) {
        #expect(text.displayWidth == width)
    }

    @Test func aCellHoldsOneSpacingCharacterAndItsMarks() {
        #expect(DisplayWidth.drawable("🏳\u{FE0F}\u{200D}🌈") == "🏳\u{FE0F}")
        #expect(DisplayWidth.drawable("👍\u{1F3FD}") == "👍")
        #expect(DisplayWidth.drawable("e\u{301}") == "e\u{301}")
        // Written into the buffer, the flag takes its column and nothing is left over beside it.
        var buffer = ScreenBuffer(size: Size(width: 8, height: 1))
        buffer.write("a🏳\u{FE0F}\u{200D}🌈b", x: 0, y: 0)
        #expect(buffer.textLines() == ["a🏳\u{FE0F}b"])
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

    @Test("a word longer than a line is broken across lines, whole (a web address was cut to one line)")
    func breaksLongWords() {
        #expect(TextFit.wrapped("see https://example.org/a/long/path now", toWidth: 10, ellipsis: "…")
            == ["see", "https://ex", "ample.org/", "a/long/pat", "h now"])
        #expect(TextFit.wrapped("日本語の文", toWidth: 5, ellipsis: "…") == ["日本", "語の", "文"])
        #expect(TextFit.wrapped("日本", toWidth: 1, ellipsis: "…") == ["…"])
    }
}
