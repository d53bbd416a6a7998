import Foundation
import ScorecardKit
@testable import ScorecardReports
import ScorecardSample
import Testing

@Suite("The report as HTML")
struct HTMLReportWriterTests {
    /// The sample council, as it stands on a fixed day, and its HTML report.
    static let sample: (council: Council, evaluation: Evaluation, html: String) = {
        let today = CivilDate(year: 2026, month: 11, day: 20) ?? CivilDate(dayNumber: 0)
        let council = (try? SampleCouncilGenerator.current(today: today).generate().council(today: today))
            ?? Council(plan: CouncilPlan(council: "", title: "", priorities: []), measures: [], observations: [[Observation]]())
        let evaluation = council.evaluate(asAt: council.defaultReportingPeriod(today: today), today: today)
        let report = CommitteeReport(council: council, evaluation: evaluation, options: ReportOptions(produced: today))
        return (council, evaluation, HTMLReportWriter.html(report))
    }()

    @Test("The sample council's report: every priority, every measure under its priority, a chart for each")
    func sampleCouncil() throws {
        let (council, evaluation, html) = Self.sample
        #expect(council.measures.count == 160)
        let document = try HTMLDocument(html)
        for priority in council.plan.priorities {
            let section = try #require(document.index(of: "section", "aria-labelledby", "priority-\(priority.code)"))
            #expect(document.text(inside: section).contains(priority.title))
            let measures = priority.measures + priority.plans.flatMap(\.measures)
            for m in measures {
                let row = try #require(document.index(of: "tr", "id", "measure-\(council.measures[m].code)"))
                #expect(document.elements[row].ancestors.contains(section), "\(council.measures[m].code) under \(priority.code)")
                #expect(document.text(inside: row).contains(evaluation.measures[m].status.label))
            }
        }
        // A chart in a figure for every measure with a value, each captioned with its code and titled for screen
        // readers.
        let charts = document.all("svg").filter { $0.attributes["class"] == "chart" }
        #expect(charts.count == document.all("figure").count)
        #expect(document.all("title").count == charts.count + 1)
        let figcaptions = Set(document.elements.indices.filter { document.elements[$0].name == "figcaption" })
        let captions = Set(document.elements.filter { $0.name == "span" && $0.ancestors.contains(where: figcaptions.contains) }.map(\.text))
        for m in council.measures.indices where council.observations[m].contains(where: { $0.value != nil }) {
            #expect(captions.contains(council.measures[m].code), "a chart for \(council.measures[m].code)")
        }
    }

    @Test("A long figure is set smaller to stay whole; only a very long one may break after a thousands separator",
          arguments: [
            ("£499,999,999", "<span class=\"long-figure\" style=\"font-size: 75%\">£499,999,999</span>"),
            ("123,469,789,012", "<span class=\"long-figure\" style=\"font-size: 60%\">123,469,789,012</span>"),
            ("999,999,999,999,998", "<span class=\"long-figure\" style=\"font-size: 50%\">999,<wbr/>999,<wbr/>999,<wbr/>999,<wbr/>998</span>"),
            ("1,234,567.1 per 100,000", "<span class=\"long-figure\" style=\"font-size: 81%\">1,234,567.1</span> per 100,000"),
            ("75.1 per 1,000", "75.1 per 1,000"), ("57.2106%", "57.2106%"), ("£1,200", "£1,200"),
          ])
    func figureBreaks(_ figure: (String, String)) {
        var html = HTMLText()
        HTMLReportWriter.figure(figure.0, into: &html)
        #expect(html.html == figure.1)
    }

    @Test("Self-contained: no script, nothing fetched from anywhere")
    func selfContained() throws {
        let html = Self.sample.html
        let document = try HTMLDocument(html)
        #expect(document.all("script").isEmpty)
        #expect(document.all("link").isEmpty && document.all("img").isEmpty && document.all("iframe").isEmpty)
        for element in document.elements {
            for (key, value) in element.attributes where ["src", "href", "xlink:href", "action"].contains(key) {
                Issue.record("\(element.name) has \(key)=\(value)")
            }
        }
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("url("))
        #expect(html.contains("@page") && html.contains("size: A4") && html.contains("counter(page)"))
    }

    @Test("Tables have real headers: column headers in a thead, each measure's row headed by the measure")
    func tableHeaders() throws {
        let document = try HTMLDocument(HTMLReportWriter.html(ReportFixture.report()))
        for table in document.elements.indices where document.elements[table].name == "table" {
            let inside = document.elements.indices.filter { document.elements[$0].ancestors.contains(table) }
            #expect(inside.contains { document.elements[$0].name == "caption" })
            #expect(inside.contains { document.elements[$0].name == "thead" })
            let headers = inside.filter { document.elements[$0].name == "th" }
            #expect(headers.allSatisfy { ["col", "row"].contains(document.elements[$0].attributes["scope"]) })
        }
    }

    @Test("Status is written in words beside its symbol, never colour alone")
    func statusInWords() throws {
        let document = try HTMLDocument(HTMLReportWriter.html(ReportFixture.report()))
        let statuses = document.all("td").filter { $0.attributes["class"]?.hasPrefix("status ") == true }.map(\.text)
        #expect(statuses == ["·\u{00A0}Not judged", "✖\u{00A0}Off track", "●\u{00A0}On track", "▲\u{00A0}At risk", "!\u{00A0}Overdue"])
    }

    @Test("A chart's point for the period reported on takes its status's colour, so a miss too small to see still shows")
    func judgedPointColoured() throws {
        let html = HTMLReportWriter.html(ReportFixture.report())
        // KBM-1 off track, KBI-2 on track, KBM-3 at risk; OUT-1 not judged keeps the plain ring.
        #expect(html.contains("point judged-point status-off-track"))
        #expect(html.contains("point judged-point status-on-track"))
        #expect(html.contains("point judged-point status-within-tolerance"))
        let forPublic = HTMLReportWriter.html(ReportFixture.report(ReportFixture.options(audience: .public)))
        #expect(!forPublic.contains("judged-point status-on-track"), "KBI-2's status is withheld with its value")
    }

    @Test("Text from the data comes out exactly as written: markup, quotes and ampersands escaped, controls removed")
    func escaping() throws {
        var council = ReportFixture.council
        council.plan.council = "Testham <script>alert(1)</script> & \"Co\""
        council.plan.priorities[0].title = "Homes \u{1B}[31m for all\u{202E}"
        council.observations[1][1].note = "&lt;b&gt; is not bold; </td></tr></table> ' \" <!-- -->"
        let evaluation = council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today)
        let html = HTMLReportWriter.html(
            CommitteeReport(council: council, evaluation: evaluation, options: ReportOptions(produced: ReportFixture.today)))
        let document = try HTMLDocument(html)
        #expect(document.all("script").isEmpty)
        #expect(document.all("h1").count == 1)
        let commentary = document.all("td").filter { $0.attributes["class"] == "commentary" }.map(\.text)
        #expect(commentary.contains("&lt;b&gt; is not bold; </td></tr></table> ' \" <!-- -->"))
        #expect(document.all("h2").contains { $0.text == "P1 Homes \u{FFFD}[31m for all\u{FFFD}" })
        #expect(!html.contains("\u{1B}") && !html.contains("\u{202E}"))
        // The footer's CSS string cannot close the style element.
        let style = try #require(document.all("style").first?.text)
        #expect(!style.contains("</") && style.contains("Testham \\3C script\\3E alert(1)\\3C /script\\3E  \\26  \\\"Co\\\""))
    }

    @Test("Commentary keeps its lines (a carriage return alone ends one; blank lines run into one) in its own direction")
    func commentaryLinesAndDirection() throws {
        var council = ReportFixture.council
        council.observations[1][1].note = "\n\nيعد هذا: 23 من 25.\rsecond\r\nthird\n \n\n\t\n\nfourth\n\n"
        let evaluation = council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today)
        let html = HTMLReportWriter.html(
            CommitteeReport(council: council, evaluation: evaluation, options: ReportOptions(produced: ReportFixture.today)))
        let cells = try HTMLDocument(html).all("td").filter { $0.attributes["class"] == "commentary" }
        let cell = try #require(cells.first { $0.text.hasPrefix("يعد") })
        // Blank lines, one at most between paragraphs, none at the ends (fifty made a near-empty page).
        #expect(cell.text == "يعد هذا: 23 من 25.\nsecond\nthird\n\nfourth")
        #expect(cells.allSatisfy { $0.attributes["dir"] == "auto" })
    }

    @Test("Numbers from a damaged database (infinite, 1e300) are charted without failing and never judged")
    func damagedNumbers() throws {
        var council = ReportFixture.council
        council.observations[1] = ObservationSeries([
            Observation(period: .quarter(2026, 1), value: .infinity), Observation(period: .quarter(2026, 2), value: 1e300),
        ])
        council.observations[3] = ObservationSeries([Observation(period: .quarter(2026, 2), value: -.infinity, target: .nan)])
        let evaluation = council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today)
        let report = CommitteeReport(council: council, evaluation: evaluation, options: ReportOptions(produced: ReportFixture.today))
        let document = try HTMLDocument(HTMLReportWriter.html(report))
        #expect(document.all("svg").count >= 2)
        #expect(evaluation.measures[1].status == .notJudged && evaluation.measures[3].status == .notJudged)
    }

    @Test("A draft value is marked as such")
    func draftMarked() throws {
        let document = try HTMLDocument(HTMLReportWriter.html(ReportFixture.report()))
        #expect(document.all("span").filter { $0.attributes["class"] == "draft" }.map(\.text) == ["draft"])
        // The chart's description says so too (KBM-3's Q2 48.0% is a draft).
        #expect(document.all("desc").map(\.text).contains { $0.contains("Q2 2026/27: 48.0% (draft), target 50.0%.") })
    }

    @Test("A chart's caption gives the unit once, even when the measure's title ends with it")
    func unitOnce() throws {
        func caption(titled suffix: String) throws -> String {
            var council = ReportFixture.council
            council.measures[1].unit = MeasureUnit("MWh")
            council.measures[1].title += suffix
            let evaluation = council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today)
            let report = CommitteeReport(council: council, evaluation: evaluation, options: ReportOptions(produced: ReportFixture.today))
            let captions = try HTMLDocument(HTMLReportWriter.html(report)).all("figcaption").map(\.text)
            return try #require(captions.first { $0.contains("Homes delivered") })
        }
        #expect(try caption(titled: "").hasSuffix("Homes delivered (MWh)"))
        #expect(try caption(titled: " (MWh)").hasSuffix("Homes delivered (MWh)"))
    }

    @Test("A year-to-date measure's chart starts its lines afresh each April, not falling from March's total")
    func cumulativeRestarts() throws {
        let points = [(2024, 3, 60.0), (2024, 4, 80), (2025, 1, 20), (2025, 2, 45)].map {
            ChartSeries.Point(period: .quarter($0.0, $0.1), value: $0.2, target: $0.2 + 5, withheld: false)
        }
        func polylines(cumulative: Bool) throws -> [String] {
            var html = HTMLText()
            var series = ChartSeries(points: points, judged: nil, unit: MeasureUnit("number"), decimals: 0)
            series.cumulative = cumulative
            ChartSVG.write(series, id: "c", title: "t", into: &html)
            return try HTMLDocument("<div>\(html.html)</div>").all("polyline").compactMap { $0.attributes["class"] }
        }
        #expect(try polylines(cumulative: false) == ["target", "value"])
        #expect(try polylines(cumulative: true) == ["target", "target", "value", "value"])
        // Targets for their own periods (not year to date) step between years: 65 to 85, then 25 to 50, never a slope.
        var held = HTMLText()
        ChartSVG.write(ChartSeries(points: points, judged: nil, unit: MeasureUnit("number"), decimals: 0), id: "h", title: "t", into: &held)
        let target = try #require(try HTMLDocument("<div>\(held.html)</div>").all("polyline").first { $0.attributes["class"] == "target" })
        let corners = (target.attributes["points"] ?? "").split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
        #expect(corners.count == 4 + 3 * 2, "each change of target a step of two corners: \(corners)")
        #expect(zip(corners, corners.dropFirst()).allSatisfy { $0[0] == $1[0] || $0[1] == $1[1] }, "level or upright, never sloped: \(corners)")
        // A cumulative annual measure's targets are each a year's own: they step too.
        let years = [100.0, 120, 140].enumerated().map { ChartSeries.Point(period: .financialYear(2022 + $0.offset), value: $0.element - 5, target: $0.element, withheld: false) }
        var annual = ChartSeries(points: years, judged: nil, unit: MeasureUnit("number"), decimals: 0)
        annual.cumulative = true
        var annualHTML = HTMLText()
        ChartSVG.write(annual, id: "a", title: "t", into: &annualHTML)
        let annualTarget = try #require(try HTMLDocument("<div>\(annualHTML.html)</div>").all("polyline").first { $0.attributes["class"] == "target" })
        #expect((annualTarget.attributes["points"] ?? "").split(separator: " ").count == 3 + 2 * 2)
        // A year's first target alone (judged at Q1) is a dash wider than the judged point's ring (r 4) over it.
        var html = HTMLText()
        var first = ChartSeries(points: Array(points.prefix(3)), judged: .quarter(2025, 1), unit: MeasureUnit("number"), decimals: 0)
        first.cumulative = true
        ChartSVG.write(first, id: "f", title: "t", into: &html)
        let dash = try #require(try HTMLDocument("<div>\(html.html)</div>").all("line").first { $0.attributes["class"] == "target" })
        let width = (Double(dash.attributes["x2"] ?? "") ?? 0) - (Double(dash.attributes["x1"] ?? "") ?? 0)
        #expect(width > 8, "\(dash.attributes)")
    }

    @Test("A chart's gridlines fall on round values its labels give exactly, within what the measure can take")
    func roundScale() throws {
        #expect(ChartSVG.roundStep(4.2, decimals: 0) == 5)
        #expect(ChartSVG.roundStep(0.13, decimals: 1) == 0.2)
        #expect(ChartSVG.roundStep(0.013, decimals: 1) == 0.1, "never finer than the decimals shown")
        #expect(ChartSVG.roundStep(1500, decimals: 0) == 2000)
        // A percentage of 94 to 99.5: gridlines at 94, 96, 98 and 100, never 108.9.
        let points = [94.0, 99.5, 97].enumerated().map { ChartSeries.Point(period: .quarter(2026, $0.offset + 1), value: $0.element, target: nil, withheld: false) }
        var html = HTMLText()
        ChartSVG.write(ChartSeries(points: points, judged: nil, unit: MeasureUnit("%"), decimals: 1), id: "c", title: "t", into: &html)
        let labels = try HTMLDocument("<div>\(html.html)</div>").all("text").filter { $0.attributes["class"] == "scale" }.map(\.text)
        #expect(labels == ["94.0%", "96.0%", "98.0%", "100.0%"])
        // Values up to 900 and a year-end target of 1,000: the scale ends at 1,000, not 2,000 (half the chart empty).
        let counts = [(90.0, 100.0), (250, 300), (500, 600), (900, 1000)].enumerated().map {
            ChartSeries.Point(period: .quarter(2025, $0.offset + 1), value: $0.element.0, target: $0.element.1, withheld: false)
        }
        var countsHTML = HTMLText()
        ChartSVG.write(ChartSeries(points: counts, judged: nil, unit: MeasureUnit("number"), decimals: 0), id: "d", title: "t", into: &countsHTML)
        let countLabels = try HTMLDocument("<div>\(countsHTML.html)</div>").all("text").filter { $0.attributes["class"] == "scale" }.map(\.text)
        #expect(countLabels.last == "1,000")
        // Year-to-date values to 600: gridlines every 200 to 600, not 0, 500 and 1,000 (40% of the chart empty).
        let ytd = [150.0, 320, 600].enumerated().map { ChartSeries.Point(period: .quarter(2026, $0.offset + 1), value: $0.element, target: nil, withheld: false) }
        var ytdHTML = HTMLText()
        ChartSVG.write(ChartSeries(points: ytd, judged: nil, unit: MeasureUnit("number"), decimals: 0), id: "y", title: "t", into: &ytdHTML)
        let ytdLabels = try HTMLDocument("<div>\(ytdHTML.html)</div>").all("text").filter { $0.attributes["class"] == "scale" }.map(\.text)
        #expect(ytdLabels == ["0", "200", "400", "600"])
        // Every value withheld, targets of 3 then 5: the scale runs from 0, not from 2.8 to 5.2 (a cliff).
        let withheld = [3.0, 3, 5, 5].enumerated().map {
            ChartSeries.Point(period: .quarter(2025, $0.offset + 1), value: nil, target: $0.element, withheld: true)
        }
        var withheldHTML = HTMLText()
        ChartSVG.write(
            ChartSeries(points: withheld, judged: nil, unit: MeasureUnit("number"), decimals: 0, smallNumbers: SmallNumbers(basis: .count)),
            id: "e", title: "t", into: &withheldHTML)
        let withheldLabels = try HTMLDocument("<div>\(withheldHTML.html)</div>").all("text").filter { $0.attributes["class"] == "scale" }.map(\.text)
        #expect(withheldLabels == ["0", "6"])
    }
}
