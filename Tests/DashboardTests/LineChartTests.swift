import Foundation
@testable import Dashboard
import DashboardTesting
import Testing

@Suite struct LineChartTests {
    let values: [Double?] = [62, 64, 61, nil, 66, 70, 73, 71]
    let labels = ["Q1", "Q2", "Q3", "Q4", "Q1", "Q2", "Q3", "Q4"]

    func chart(glyphs: GlyphSet, target: Double? = 68, marked: Int? = 6) -> LineChart {
        LineChart(
            values: values, xLabels: labels, target: target, markedIndex: marked,
            theme: Theme(capabilities: Capabilities(colorMode: .eight, glyphs: glyphs))
        ) { "\(Int($0.rounded()))%" }
    }

    func render(_ chart: LineChart, width: Int = 40, height: Int = 10) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: Size(width: width, height: height))
        chart.render(into: &buffer, area: buffer.area)
        return buffer
    }

    @Test func brailleChartWithTargetAndMarkedPeriod() {
        assertSnapshot(render(chart(glyphs: .unicode)))
    }

    @Test func asciiChartWithTargetAndMarkedPeriod() {
        assertSnapshot(render(chart(glyphs: .ascii)))
    }

    @Test("a value with no value beside it is drawn as a blot, not a lone dot lost under the marker")
    func loneValueIsVisible() {
        let lone = LineChart(
            values: [nil, nil, nil, 30], xLabels: ["Q3", "Q4", "Q1", "Q2"], target: nil, markedIndex: 3,
            theme: Theme(capabilities: Capabilities(colorMode: .eight, glyphs: .ascii))
        ) { "\(Int($0.rounded()))" }
        let stars = render(lone).textLines().joined().filter { $0 == "*" }.count
        #expect(stars >= 3, "\(render(lone).textLines())")
    }

    @Test("on an ASCII terminal England's line is drawn in e and the region's in r, apart from the process limits' _")
    func comparatorsAreToldApart() {
        var compared = chart(glyphs: .ascii, target: nil, marked: nil)
        compared.comparators = [Array(repeating: 75, count: values.count), Array(repeating: 58, count: values.count)]
        compared.process = LineChart.ProcessLines(from: 0, to: 7, mean: 66, lower: 60, upper: 72)
        let lines = render(compared, height: 14).textLines()
        let plot = lines.map { $0.drop { $0 != "|" } }
        #expect(plot.first?.contains("e") == true && plot.first?.contains("r") == false, "\(lines)")
        #expect(plot.dropFirst().first { $0.contains("r") } != nil && plot.filter { $0.contains("_") }.count == 3, "\(lines)")
        #expect(lines.prefix(12).allSatisfy { !($0.contains("e") && $0.contains("r")) }, "\(lines)")
    }

    @Test("a year-to-date measure's line starts afresh in April, not falling from March's total")
    func restartsAreNotJoined() {
        var ytd = LineChart(
            values: [2, 5, 8, 8.1, 2.6, 5], xLabels: ["Q1", "Q2", "Q3", "Q4", "Q1", "Q2"], targets: [2, 4, 6, 8, 2, 4], markedIndex: nil,
            theme: Theme(capabilities: Capabilities(colorMode: .none, glyphs: .ascii))
        ) { "\(Int($0.rounded()))" }
        func between(_ chart: LineChart) -> String {
            let lines = render(chart, width: 60, height: 12).textLines().prefix(10).map { Array($0) }
            let stars = lines.flatMap { line in line.indices.filter { line[$0] == "*" } }.sorted()
            guard stars.count == 6 else { return "stars: \(stars)" }
            return String(lines.flatMap { line in line.indices.filter { $0 > stars[3] && $0 < stars[4] }.map { line[$0] } }.filter { $0 != " " })
        }
        #expect(between(ytd).contains("."), "joined without restarts")
        ytd.restarts = [4]
        #expect(between(ytd) == "", "neither the value line nor the target joins Q4 to the next Q1")
        // A first quarter alone in its year still has its target drawn, as a short dash of its own.
        var alone = ytd
        alone.values = [2, 5, 8, 8.1, 2.6]
        alone.targets = [2, 4, 6, 8, 5]
        let lines = render(alone, width: 60, height: 12).textLines().prefix(10)
        #expect(lines.contains { $0.padding(toLength: 60, withPad: " ", startingAt: 0).suffix(4).contains("-") }, "\(lines)")
        // A target close to that lone value (2.7 against 2.6) shows beside its blot, not under it.
        alone.targets[4] = 2.7
        let close = render(alone, width: 60, height: 12).textLines().prefix(10)
        #expect(close.contains { $0.contains("*") && $0.padding(toLength: 60, withPad: " ", startingAt: 0).suffix(8).contains("-") }, "\(close)")
    }

    @Test("the middle label is the roundest value its row holds, written exactly, not the row's centre rounded")
    func middleLabelIsExact() throws {
        // 0 to 7 over 10 rows: the middle row (5) is centred on 3.11 and holds 2.72 to 3.50.
        var chart = LineChart(
            values: [0, 7], targets: [nil, nil], yRange: 0...7, theme: Theme(capabilities: Capabilities(colorMode: .none, glyphs: .ascii))
        ) { String(format: "%.1f", $0) }
        #expect(render(chart, width: 30, height: 12).textLines()[5].hasPrefix("3.1|"))
        chart.labelPlaces = 1
        #expect(render(chart, width: 30, height: 12).textLines()[5].hasPrefix("3.0|"))
        // In braille a row is four dots: the label's value is drawn on the label's row, whatever the scale.
        for top in [12.7, 7.0, 10.0, 3.3] {
            var braille = LineChart(
                values: [nil, nil], targets: [nil, nil], yRange: 0...top, theme: Theme(capabilities: Capabilities(colorMode: .none, glyphs: .unicode))
            ) { String(format: "%.1f", $0) }
            braille.labelPlaces = 1
            let label = try #require(Double(render(braille, width: 30, height: 12).textLines()[5].prefix { $0 != "│" }.trimmingCharacters(in: .whitespaces)))
            braille.targets = [label, label]
            let rows = render(braille, width: 30, height: 12).textLines().prefix(10).map { $0.drop { $0 != "│" }.dropFirst() }
            #expect(rows.indices.filter { rows[$0].contains { $0 != " " } } == [5], "\(top): \(label) drawn on \(rows)")
        }
        #expect(LineChart.roundest(around: 9.93, within: 0.075, places: 1) == 10)
        #expect(LineChart.roundest(around: 9.93, within: 0.04, places: 1) == 9.9)
        #expect(LineChart.roundest(around: 9.93, within: 0.01, places: 1) == nil)
        #expect(LineChart.roundest(around: 9.93, within: 0.04, places: 0) == nil)
        #expect(LineChart.roundest(around: 1_234_567, within: 30_000, places: 0) == 1_250_000)
    }

    @Test("a target that holds for its own period steps between two, never a slope through targets no period had")
    func targetsStep() {
        var chart = LineChart(
            values: [nil, nil, nil, nil], targets: [40, 40, 10, 10], yRange: 0...50,
            theme: Theme(capabilities: Capabilities(colorMode: .none, glyphs: .ascii))
        ) { "\(Int($0.rounded()))" }
        chart.targetsHold = true
        let rows = render(chart, width: 40, height: 12).textLines().prefix(10).map { $0.drop { $0 != "|" }.dropFirst() }
        // Only the rows of 40 and 10 hold the target: none in between.
        #expect(rows.filter { $0.contains("-") }.count == 2, "\(rows)")
    }

    @Test("in braille England's line and the region's are told apart by their dots, not by colour: one a cell, one every third")
    func comparatorsApartInBraille() {
        var compared = chart(glyphs: .unicode, target: nil, marked: nil)
        compared.values = Array(repeating: nil, count: values.count)
        compared.yRange = 50...80
        compared.comparators = [Array(repeating: 75, count: values.count), Array(repeating: 58, count: values.count)]
        let rows = render(compared, width: 40, height: 14).textLines().prefix(12).map { $0.drop { $0 != "│" }.dropFirst().filter { $0 != " " } }
        let drawn = rows.filter { !$0.isEmpty }.map(\.count)
        #expect(drawn.count == 2, "\(rows)")
        #expect((drawn.first ?? 0) > 2 * (drawn.last ?? 0), "England every cell, the region every third: \(rows)")
    }

    @Test func axesAndLabels() {
        let lines = render(chart(glyphs: .ascii)).textLines()
        #expect(lines[0].hasPrefix("73%|"))
        #expect(lines[7].hasPrefix("61%|"))
        #expect(lines[8].hasPrefix("   +-----"))
        #expect(lines[9].hasPrefix("    Q1"))
        #expect(lines[9].hasSuffix("Q4"))
    }

    @Test func targetLineIsDashedAndStyled() {
        let buffer = render(chart(glyphs: .ascii, marked: nil))
        let theme = Theme(capabilities: Capabilities(colorMode: .eight, glyphs: .ascii))
        let targetCells = (0..<buffer.height).flatMap { y in (0..<buffer.width).map { buffer[$0, y] } }
            .filter { $0.grapheme == "-" && $0.style == theme.chartTarget }
        #expect(targetCells.count > 10)
    }

    @Test func brailleUsesDotCharactersOnly() {
        let buffer = render(chart(glyphs: .unicode, target: nil, marked: nil))
        let plotted = (0..<8).flatMap { y in (4..<40).map { buffer[$0, y].grapheme } }.filter { $0 != " " }
        #expect(!plotted.isEmpty)
        #expect(plotted.allSatisfy { $0.unicodeScalars.first.map { (0x2800...0x28FF).contains($0.value) } ?? false })
    }

    @Test func tinyAreaStaysBlank() {
        #expect(render(chart(glyphs: .unicode), width: 40, height: 2).textLines() == ["", ""])
        #expect(render(chart(glyphs: .unicode), width: 5, height: 6).textLines().allSatisfy { $0.isEmpty })
    }

    @Test func singleValueAndFlatValues() {
        let flat = LineChart(values: [5, 5, 5], theme: Theme(capabilities: Capabilities(colorMode: .none, glyphs: .ascii))) {
            String(Int($0))
        }
        #expect(flat.effectiveRange == 4...6)
        let lines = render(flat, width: 12, height: 5).textLines()
        #expect(lines[0] == "6|")
        #expect(lines[1] == " |*....*...*")
        #expect(lines[2] == "4|")
    }

    @Test func aFlatScaleStaysWithinWhatValuesCanBe() {
        // 100% throughout: widened to 90%..100%, not to 110%; 0.0% throughout: 0%..1%, not -1%.
        var full = LineChart(values: [100, 100], theme: Theme(capabilities: Capabilities(colorMode: .none, glyphs: .ascii))) { "\($0)" }
        full.lowest = 0
        full.highest = 100
        #expect(full.effectiveRange == 90...100)
        var none = LineChart(values: [0, 0], theme: Theme(capabilities: Capabilities(colorMode: .none, glyphs: .ascii))) { "\($0)" }
        none.lowest = 0
        none.highest = 100
        #expect(none.effectiveRange == 0...1)
    }
}
