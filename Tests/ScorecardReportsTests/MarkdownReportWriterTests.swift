import DashboardTesting
import ScorecardKit
import ScorecardReports
import Testing

@Suite("The report as Markdown")
struct MarkdownReportWriterTests {
    @Test("The small council's report, whole")
    func snapshot() {
        assertTextSnapshot(MarkdownReportWriter.markdown(ReportFixture.report()))
    }

    @Test("The small council's exceptions for the public")
    func publicExceptionsSnapshot() {
        assertTextSnapshot(
            MarkdownReportWriter.markdown(ReportFixture.report(ReportFixture.options(audience: .public, exceptionsOnly: true))))
    }

    @Test("Data cannot become Markdown or HTML: punctuation escaped, a table cell stays one cell on one line")
    func escaping() {
        var council = ReportFixture.council
        council.plan.priorities[0].title = "# Homes | *all* [link](http://x) <b>\u{2028}for\u{200E} all"
        council.observations[1][1].note = "- not a list\r\n1. nor this\n| nor a cell | \u{1B}[2J"
        let evaluation = council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today)
        let markdown = MarkdownReportWriter.markdown(
            CommitteeReport(council: council, evaluation: evaluation, options: ReportOptions(produced: ReportFixture.today)))
        #expect(markdown.contains("## P1 # Homes \\| \\*all\\* \\[link\\](http://x) &lt;b&gt; for\u{FFFD} all"))
        #expect(markdown.contains("| \\- not a list<br>1\\. nor this<br>\\| nor a cell \\| \u{FFFD}\\[2J |"))
        #expect(!markdown.contains("\u{1B}"))
        // Every table row has as many cells as its header.
        for line in markdown.split(separator: "\n") where line.hasPrefix("| KBM-1") {
            #expect(line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 9)
        }
    }
}
