import Dashboard
import DashboardTesting
import Testing

@Suite struct WidgetTests {
    let unicode = Theme(capabilities: Capabilities(colorMode: .none, glyphs: .unicode))
    let ascii = Theme(capabilities: Capabilities(colorMode: .none, glyphs: .ascii))

    func render(_ widget: some Widget, width: Int, height: Int) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: Size(width: width, height: height))
        widget.render(into: &buffer, area: buffer.area)
        return buffer
    }

    // MARK: Box

    @Test func boxUnicodeAndASCII() {
        #expect(render(Box(title: "Help", glyphs: .unicode), width: 10, height: 3).textLines() == [
            "┌ Help ──┐",
            "│        │",
            "└────────┘",
        ])
        #expect(render(Box(title: "A long title", glyphs: .ascii), width: 10, height: 3).textLines() == [
            "+ A l... +",
            "|        |",
            "+--------+",
        ])
    }

    // MARK: Sparkline

    @Test func sparklineScalesBetweenMinimumAndMaximumWithGaps() {
        let values: [Double?] = [0, 1, 2, 3, nil, 5, 6, 7]
        #expect(Sparkline(values: values, glyphs: .unicode).text(width: 8) == "▁▂▃▄ ▆▇█")
        #expect(Sparkline(values: values, glyphs: .ascii).text(width: 8) == "_..- ==^")
    }

    @Test func sparklineKeepsTheLatestValuesAndIsRightAligned() {
        let sparkline = Sparkline(values: [9, 9, 1, 2, 3], glyphs: .unicode)
        #expect(sparkline.text(width: 3) == "▁▅█")
        #expect(render(sparkline, width: 7, height: 1).textLines() == ["  ██▁▂▃"])
    }

    @Test func sparklineOfFlatOrMissingValues() {
        #expect(Sparkline(values: [4, 4, 4], glyphs: .unicode).text(width: 3) == "▄▄▄")
        #expect(Sparkline(values: [nil, nil], glyphs: .unicode).text(width: 5) == "  ")
    }

    // MARK: Breadcrumb

    @Test func breadcrumbFitsOrDropsItemsFromTheLeft() {
        let crumb = Breadcrumb(items: ["Council Plan", "Healthy lives", "KBM-07 Smoking"], theme: unicode)
        #expect(crumb.text(fittingWidth: 60) == "Council Plan › Healthy lives › KBM-07 Smoking")
        #expect(crumb.text(fittingWidth: 35) == "… › Healthy lives › KBM-07 Smoking")
        #expect(crumb.text(fittingWidth: 20) == "… › KBM-07 Smoking")
        #expect(crumb.text(fittingWidth: 10) == "…7 Smoking")
    }

    @Test func breadcrumbASCIIWithTrailingPeriod() {
        let crumb = Breadcrumb(items: ["Council Plan", "Economy"], trailing: "as at 2024/25 Q2", theme: ascii)
        #expect(render(crumb, width: 44, height: 1).textLines() == ["Council Plan > Economy      as at 2024/25 Q2"])
        #expect(render(crumb, width: 20, height: 1).textLines() == ["... > Economy"])
    }

    // MARK: Status line

    @Test func statusLineKeepsHelpAndTrailingAndDropsOtherHintsFirst() {
        let hints = [KeyHint(key: "?", label: "Help"), KeyHint(key: "q", label: "Quit")]
        let status = StatusLine(message: "12 measures", hints: hints, trailing: "updated 10:42", theme: unicode)
        #expect(render(status, width: 50, height: 1).textLines() == ["12 measures  ? Help  q Quit          updated 10:42"])
        // `? Help` is always there (a meeting's long status line lost it): the message is cut first.
        #expect(render(status, width: 30, height: 1).textLines() == ["12 meas…  ? Help updated 10:42"])
        #expect(render(status, width: 20, height: 1).textLines() == ["12 measures  ? Help"])
        #expect(render(status, width: 8, height: 1).textLines() == ["? Help"])
    }

    @Test func statusLineDropsTheRightTextsPartsBeforeCuttingTheMessageInASCIIToo() {
        for theme in [unicode, ascii] {
            let separator = theme.glyphs.separator
            let trailing = ["1/66", "as at Q2 2026/27", "updated 00:22:11"].joined(separator: separator)
            let status = StatusLine(message: "Ctrl-C again quits, losing what you typed", trailing: trailing, theme: theme)
            // 60 columns: the message whole (41 and a gap), and of the right text the period alone (16).
            #expect(render(status, width: 60, height: 1).textLines() == ["Ctrl-C again quits, losing what you typed   as at Q2 2026/27"])
        }
    }

    @Test func statusLineKeepsPublishedFiguresLongestWhateverTheMessage() {
        let separator = unicode.glyphs.separator
        for parts in [["1/63", "as at Q2 2026/27", "published figures"], ["1/63", "as at Q2 2026/27", "published figures", "updated 10:42"]] {
            let status = StatusLine(
                message: "Audit: browsing on your own, f to rejoin", trailing: parts.joined(separator: separator), kept: "published figures", theme: unicode)
            // 60 columns: the message (40 and a gap) and one part of the right text: the figures a member sees.
            #expect(render(status, width: 60, height: 1).textLines() == ["Audit: browsing on your own, f to rejoin   published figures"])
        }
    }

    @Test func statusLineIsReverseVideoAcrossTheRow() {
        let buffer = render(StatusLine(message: "x", theme: unicode), width: 5, height: 1)
        #expect((0..<5).allSatisfy { buffer[$0, 0].style.attributes.contains(.reverse) })
    }

    // MARK: Table

    func measures(selected: Int?, offset: Int = 0, theme: Theme) -> Table {
        Table(
            columns: [
                Table.Column("Code", width: .fixed(6)),
                Table.Column("Measure", width: .flexible(1)),
                Table.Column("Value", width: .fixed(6), alignment: .right),
            ],
            rows: [
                ["KBM-01", "Households in temporary accommodation", "1,204"],
                ["KBM-02", "Missed bin collections", "0.4%"],
                ["KBM-03", "Residents satisfied", "71%"],
                ["KBM-04", "Smoking at time of delivery", "9.8%"],
            ],
            selected: selected, scrollOffset: offset, theme: theme)
    }

    @Test func spansAreCutAfterAWholeWordWithNoSeparatorLeftOver() {
        let spans = [Span("● On track"), Span(" · "), Span("63.4% against 63.0%"), Span(" · "), Span("↓ Worsening since Aug")]
        #expect(spans.fitted(toWidth: 80, ellipsis: "…", separator: " · ") == spans)
        #expect(spans.fitted(toWidth: 47, ellipsis: "…", separator: " · ").map(\.text)
            == ["● On track", " · ", "63.4% against 63.0%", " · ", "↓ Worsening…"])
        // Only the arrow would fit: the span goes, and an ellipsis in its separator's place says the line goes on.
        #expect(spans.fitted(toWidth: 40, ellipsis: "…", separator: " · ").map(\.text) == ["● On track", " · ", "63.4% against 63.0%", " …"])
        #expect(spans.fitted(toWidth: 33, ellipsis: "…", separator: " · ").map(\.text) == ["● On track", " · ", "63.4% against 63.0%", "…"])
        // Filled exactly to the last column, with more left out: the last part is cut to make room for the mark.
        #expect(spans.fitted(toWidth: 32, ellipsis: "…", separator: " · ").map(\.text) == ["● On track", " · ", "63.4% against…"])
        #expect(spans.fitted(toWidth: 28, ellipsis: "…", separator: " · ").map(\.text) == ["● On track", " · ", "63.4% against…"])
        #expect(spans.fitted(toWidth: 25, ellipsis: "…", separator: " · ").map(\.text) == ["● On track", " · ", "63.4%…"])
        // A title with no spaces (Japanese, two columns a character) is cut inside, not dropped after its code.
        let title = [Span("! Overdue"), Span("  M2 全角タイトル全角タイトル全角タイトル")]
        #expect(title.fitted(toWidth: 30, ellipsis: "…", separator: " · ").map(\.text) == ["! Overdue", "  M2 全角タイトル全…"])
    }

    @Test func tableLaysOutColumnsAndTruncatesAtWords() {
        let buffer = render(measures(selected: 1, theme: unicode), width: 30, height: 5)
        // Cut at the last word that fits, when one ends in the second half of the column; else mid-word.
        #expect(buffer.textLines() == [
            "Code   Measure           Value",
            "KBM-01 Households in…    1,204",
            "KBM-02 Missed bin…        0.4%",
            "KBM-03 Residents…          71%",
            "KBM-04 Smoking at time…   9.8%",
        ])
    }

    @Test func tableHighlightsTheSelectedRow() {
        let buffer = render(measures(selected: 1, theme: unicode), width: 30, height: 5)
        #expect((0..<30).allSatisfy { buffer[$0, 2].style.attributes.contains(.reverse) })
        #expect(!buffer[0, 1].style.attributes.contains(.reverse))
    }

    @Test func tableScrollsToKeepTheSelectionVisible() {
        let buffer = render(measures(selected: 3, theme: ascii), width: 30, height: 3)
        #expect(buffer.textLines() == [
            "Code   Measure           Value",
            "KBM-03 Residents...        71%",
            "KBM-04 Smoking at...      9.8%",
        ])
        #expect(Table.scrollOffset(previous: 0, selected: 3, rowCount: 4, visibleRows: 2) == 2)
        #expect(Table.scrollOffset(previous: 2, selected: 0, rowCount: 4, visibleRows: 2) == 0)
        #expect(Table.scrollOffset(previous: 9, selected: nil, rowCount: 4, visibleRows: 2) == 2)
    }

    // MARK: Help overlay and too-small screen

    @Test func helpOverlayFromKeymap() {
        enum Action: Hashable, Sendable { case up, quit, help }
        let keymap = Keymap<Action>([
            KeyBinding([.up, .character("k")], .up, help: "Move up", group: "Navigate"),
            KeyBinding([.character("?")], .help, help: "Toggle help", group: "General"),
            KeyBinding([.character("q")], .quit, help: "Quit", group: "General"),
        ])
        var buffer = ScreenBuffer(size: Size(width: 40, height: 14), fill: Cell("."))
        HelpOverlay(sections: keymap.helpSections(), theme: unicode).render(into: &buffer, area: buffer.area)
        assertSnapshot(buffer)
    }

    @Test func helpOverlayTruncatesWhenTooShort() {
        let entries = (1...9).map { (keys: "\($0)", description: "Entry \($0)") }
        let buffer = render(HelpOverlay(entries: entries, footer: "", theme: ascii), width: 20, height: 6)
        assertSnapshot(buffer)
    }

    @Test func tooSmallScreenMessage() {
        let buffer = render(TooSmallScreen(size: Size(width: 40, height: 7), theme: unicode), width: 40, height: 7)
        #expect(buffer.textLines() == [
            "",
            "",
            "Terminal too small: 40x7, needs at least",
            "                 60x18",
            "Enlarge the window, or press q to quit.",
            "",
            "",
        ])
        #expect(TooSmallScreen.minimumSize == Size(width: 60, height: 18))
    }
}
