import Foundation
import ScorecardKit
import ScorecardReports
import Testing

@Suite("The public report on the sample council")
struct PublicReportTests {
    static let today = CivilDate(year: 2026, month: 11, day: 20) ?? CivilDate(dayNumber: 0)

    @Test("The sample declares measures that count people, and its public report withholds some of their values")
    func sampleWithholds() throws {
        let (council, _, _) = HTMLReportWriterTests.sample
        let counting = council.measures.indices.filter { council.measures[$0].smallNumbers != nil }
        #expect(counting.count >= 3)
        let withheld = counting.flatMap { council.measures[$0].withheldPeriods(in: council.observations[$0]) }
        #expect(!withheld.isEmpty)
    }

    @Test("No withheld value of a measure that counts people appears in its row or chart, in HTML, Markdown or CSV")
    func nothingWithheldAppears() throws {
        let (council, evaluation, _) = HTMLReportWriterTests.sample
        let report = CommitteeReport(
            council: council, evaluation: evaluation, options: ReportOptions(audience: .public, produced: Self.today))
        let html = try HTMLDocument(HTMLReportWriter.html(report))
        let markdown = MarkdownReportWriter.markdown(report)
        let csv = try CSVReportWriterTests.rows(CSVReportWriter.csv(report, council: council, evaluation: evaluation))
        var checked = 0
        for m in council.measures.indices where council.measures[m].smallNumbers != nil {
            let measure = council.measures[m]
            let withheld = measure.withheldPeriods(in: council.observations[m])
            let hidden = council.observations[m].filter { withheld.contains($0.period) }.compactMap(\.value).map(measure.format)
            guard !hidden.isEmpty else { continue }
            checked += 1
            // The HTML row and the chart: the text of each, and every number drawn.
            let row = try #require(html.index(of: "tr", "id", "measure-\(measure.code)"))
            let rowCells = html.elements.indices.filter { html.elements[$0].ancestors.contains(row) }.map { html.text(inside: $0) }
            let chart = try #require(html.index(of: "svg", "aria-labelledby", "chart-\(m)-title chart-\(m)-desc"))
            // What the chart says of its values: its description, and any text but the scale and period labels
            // (which come from the values shown and the targets alone).
            let chartText = html.elements.indices.filter { html.elements[$0].ancestors.contains(chart) }
                .map { html.elements[$0] }.filter { !["scale", "period"].contains($0.attributes["class"]) }.map(\.text)
            let valueCell = rowCells[4]  // measure (th, its span), period, value
            if evaluation.measures[m].period.map(withheld.contains) == true {
                #expect(valueCell == "*", "\(measure.code)")
                let line = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("| \(measure.code) ") })
                #expect(line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }[2] == "\\*")
                let record = try #require(csv.first { $0.first == measure.code })
                #expect(record[StatusReport.csvColumns.firstIndex(of: "value") ?? 0] == "*")
            }
            for text in chartText where text != "*" {
                for value in hidden {
                    #expect(!text.contains(": \(value)") && text != value, "\(measure.code) chart shows \(value): \(text)")
                }
            }
        }
        #expect(checked >= 2)
    }

    @Test("No direction of travel stands against a withheld value: \"no change\" on 12 against a withheld June would give June away")
    func noDirectionAgainstAWithheldValue() throws {
        let measure = Measure(
            code: "S4", title: "Exclusions", frequency: .monthly, polarity: .lowerIsBetter, cumulative: true,
            targets: TargetSchedule(byPeriod: [.financialYear(2025): 60, .financialYear(2026): 60]),
            smallNumbers: SmallNumbers(basis: .count))
        let values: [(Period, Double)] = [
            (.month(2025, 4), 5), (.month(2025, 5), 10), (.month(2025, 6), 12), (.month(2026, 4), 5), (.month(2026, 5), 5), (.month(2026, 6), 12),
        ]
        let plan = CouncilPlan(council: "Test", title: "Plan", priorities: [Priority(code: "P1", title: "Children", measures: [0])])
        let council = Council(plan: plan, measures: [measure], observations: [values.map { Observation(period: $0.0, value: $0.1) }])
        #expect(measure.withheldPeriods(in: council.observations[0]).contains(.month(2025, 6)), "June 2025 is 2 more than May's 10")
        let today = CivilDate(year: 2026, month: 9, day: 1) ?? CivilDate(dayNumber: 0)
        let evaluation = council.evaluate(asAt: .month(2026, 6), today: today)
        #expect(evaluation.measures[0].sinceLastYear == .noChange, "the figure that would give it away")
        let report = CommitteeReport(council: council, evaluation: evaluation, options: ReportOptions(audience: .public, produced: today))
        let entry = try #require(report.sections.flatMap(\.measures).first)
        #expect(entry.value == "12" && entry.travelYear == nil)
        let line = try #require(MarkdownReportWriter.markdown(report).split(separator: "\n").first { $0.hasPrefix("| S4 ") })
        #expect(!line.contains("No change"))
        let csv = try CSVReportWriterTests.rows(CSVReportWriter.csv(report, council: council, evaluation: evaluation))
        let record = try #require(csv.first { $0.first == "S4" })
        #expect(record[try #require(StatusReport.csvColumns.firstIndex(of: "direction_year_before"))] == "")
        #expect(record[try #require(StatusReport.csvColumns.firstIndex(of: "value"))] == "12")
    }
}
