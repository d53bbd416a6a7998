import ScorecardKit
import Testing

@testable import Dashboard

@Suite("A roll-up's summary line")
struct RollUpSummaryTests {
    static func rollUp() -> RollUp {
        var rollUp = RollUp()
        for (status, n) in [(Status.onTrack, 13), (.withinTolerance, 2), (.offTrack, 3), (.overdue, 1), (.noData, 1), (.notJudged, 1)] {
            for _ in 0..<n { rollUp.count(status: status, alerts: 0) }
        }
        return rollUp
    }

    static func lines(width: Int, height: Int) -> [String] {
        let theme = Theme(capabilities: Capabilities(colorMode: .none, glyphs: .unicode))
        var buffer = ScreenBuffer(size: Size(width: width, height: height))
        let lead = Span("Lead: Cllr Tom Whitfield, Cabinet Member for Environment and Climate")
        RollUpPresentation(rollUp: rollUp(), theme: theme).writeSummary(leading: lead, into: &buffer, area: buffer.area)
        return buffer.text().split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test("the bar gives every status with a measure a cell: one off track of twenty in ten cells shows, beside one at risk")
    func everyStatusShows() {
        var rollUp = RollUp()
        for (status, n) in [(Status.onTrack, 16), (.withinTolerance, 1), (.offTrack, 1), (.notJudged, 2)] {
            for _ in 0..<n { rollUp.count(status: status, alerts: 0) }
        }
        let theme = Theme(capabilities: Capabilities(colorMode: .none, glyphs: .unicode))
        let bar = RollUpPresentation(rollUp: rollUp, theme: theme).bar(width: 10).map(\.text).joined()
        // 16, 1, 1 and 2 of 20 in ten cells: 8, 0.5, 0.5 and 1; the one cell left over went to one half, the
        // other half is a cell too, taken from the largest.
        #expect(bar == "███████▓▒·")
        #expect(bar.count == 10)
    }

    @Test("where the lead and the counts do not all fit, the counts stay and the lead gives way; a line too long is cut with …")
    func countsBeforeTheLead() {
        let narrow = Self.lines(width: 60, height: 2)
        #expect(narrow[0] == "● 13 on track  ▲ 2 at risk  ✖ 3 off track  ! 1 overdue")
        #expect(narrow[1] == "○ 1 no data  · 1 not judged")
        let tall = Self.lines(width: 60, height: 3)
        #expect(tall[0] == "Lead: Cllr Tom Whitfield, Cabinet Member for Environment…")
        #expect(tall[1].hasPrefix("● 13 on track"))
        let wide = Self.lines(width: 100, height: 2)
        #expect(wide[0].hasPrefix("Lead: Cllr Tom Whitfield, Cabinet Member for Environment and Climate  ● 13 on track"))
        #expect(wide.joined(separator: " ").contains("· 1 not judged"))
    }
}
