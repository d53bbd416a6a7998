import Dashboard
import Testing

@Suite struct ScreenBufferTests {
    @Test func writesAndClipsToTheBuffer() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 2))
        let used = buffer.write("Hello, world", x: 1, y: 0)
        #expect(used == 5)
        #expect(buffer.textLines() == [" Hello", ""])
    }

    @Test func aLineBreakInOneLineOfTextIsASpace() {
        var buffer = ScreenBuffer(size: Size(width: 30, height: 1))
        buffer.write("Net\tadditional\ndwellings\r\nbuilt", x: 0, y: 0)
        #expect(buffer.textLines() == ["Net additional dwellings built"])
    }

    @Test func writesNothingOutsideTheBuffer() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        #expect(buffer.write("x", x: 0, y: 1) == 0)
        #expect(buffer.write("x", x: 4, y: 0) == 0)
        #expect(buffer.textLines() == [""])
    }

    @Test func wideCharactersTakeTwoCells() {
        var buffer = ScreenBuffer(size: Size(width: 8, height: 1))
        let used = buffer.write("日本語", x: 0, y: 0)
        #expect(used == 6)
        #expect(buffer[0, 0].grapheme == "日")
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].grapheme == "本")
        #expect(buffer.textLines() == ["日本語"])
    }

    @Test func wideCharacterThatDoesNotFitBecomesASpace() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 1))
        buffer.write("ab日本", x: 0, y: 0, maxWidth: 5)
        #expect(buffer.textLines() == ["ab日"])
        #expect(buffer[4, 0].grapheme == " ")
        #expect(!buffer[4, 0].isContinuation)
    }

    @Test func combiningMarksStayWithTheirBase() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        let used = buffer.write("Cafe\u{301}s", x: 0, y: 0)
        #expect(used == 5)
        #expect(buffer[3, 0].grapheme == "e\u{301}")
        #expect(buffer[4, 0].grapheme == "s")
    }

    @Test func narrowTextOverAWideGraphemeBlanksItsOtherHalf() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.write("日本語", x: 0, y: 0)
        // Box drawing and a bar (the scalar-a-cell path) over the second half of 日 and the first of 本.
        #expect(buffer.write("─▆", x: 1, y: 0) == 2)
        #expect(buffer.textLines() == [" ─▆ 語"])
        #expect(!buffer[3, 0].isContinuation)
        // Plain ASCII (the byte-a-cell path) over the first half of 語.
        buffer.write("ab", x: 4, y: 0)
        #expect(buffer.textLines() == [" ─▆ ab"])
    }

    @Test func lettersWithAndWithoutCombiningMarksKeepTheirColumns() {
        var buffer = ScreenBuffer(size: Size(width: 12, height: 2))
        #expect(buffer.write("Café £5 → ½", x: 0, y: 0) == 11)
        #expect(buffer.write("Cafe\u{301} ok", x: 0, y: 1) == 7)
        #expect(buffer.textLines() == ["Café £5 → ½", "Cafe\u{301} ok"])
        #expect(buffer[3, 1].grapheme == "e\u{301}")
        #expect(buffer[3, 1].scalar == nil)
        #expect(buffer[3, 0].scalar == "é")
    }

    @Test func controlCharactersAmongNarrowTextAreSkipped() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
        #expect(buffer.write("a\u{1B}[2J─b", x: 0, y: 0) == 6)
        #expect(buffer.textLines() == ["a[2J─b"])
    }

    @Test func cellsOfTheSameGraphemeAreEqual() {
        #expect(Cell("e\u{301}") == Cell("e\u{301}"))
        #expect(Cell("e\u{301}") != Cell("é"))
        #expect(Cell("👩‍💻").grapheme == "👩‍💻")
        #expect(Cell("").isContinuation)
        #expect(!Cell("\u{0}").isContinuation)
        #expect(Cell("x").grapheme == "x")
    }

    @Test func emojiAreWide() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        #expect(buffer.write("🚦ok", x: 0, y: 0) == 4)
        #expect(buffer.textLines() == ["🚦ok"])
    }

    @Test func truncatesByDisplayWidthWithEllipsis() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 3))
        buffer.write("Residents satisfied", x: 0, y: 0, maxWidth: 8, ellipsis: "…")
        buffer.write("Residents satisfied", x: 0, y: 1, maxWidth: 8, ellipsis: "...")
        buffer.write("日本語テキスト", x: 0, y: 2, maxWidth: 8, ellipsis: "…")
        #expect(buffer.textLines() == ["Residen…", "Resid...", "日本語…"])
    }

    @Test func shortTextIsNotTruncated() {
        var buffer = ScreenBuffer(size: Size(width: 10, height: 1))
        buffer.write("On track", x: 0, y: 0, maxWidth: 8, ellipsis: "…")
        #expect(buffer.textLines() == ["On track"])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var buffer = ScreenBuffer(size: Size(width: 4, height: 1))
        buffer.write("日本", x: 0, y: 0)
        buffer.write("x", x: 1, y: 0)
        #expect(buffer.textLines() == [" x本"])
        buffer.write("y", x: 2, y: 0)
        #expect(buffer.textLines() == [" xy"])
        #expect(!buffer[3, 0].isContinuation)
    }

    @Test func controlCharactersAreSkipped() {
        var buffer = ScreenBuffer(size: Size(width: 6, height: 1))
        buffer.write("a\u{0}b\u{7}c", x: 0, y: 0)
        #expect(buffer.textLines() == ["abc"])
        // ESC, DEL and the C1 controls too: an escape sequence shows only its harmless printable rest.
        var wide = ScreenBuffer(size: Size(width: 12, height: 1))
        wide.write("a\u{1B}]0;t\u{7F}b\u{9B}2Jc", x: 0, y: 0)
        #expect(wide.textLines() == ["a]0;tb2Jc"])
    }

    @Test func applyStyleKeepsGraphemesAndAddsAttributes() {
        var buffer = ScreenBuffer(size: Size(width: 3, height: 1))
        buffer.write("abc", x: 0, y: 0, style: Style(foreground: .red))
        buffer.applyStyle(Style(attributes: .reverse), to: Rect(x: 1, y: 0, width: 5, height: 1))
        #expect(buffer[0, 0].style == Style(foreground: .red))
        #expect(buffer[1, 0].style == Style(foreground: .red, attributes: .reverse))
        #expect(buffer[2, 0].grapheme == "c")
    }
}
