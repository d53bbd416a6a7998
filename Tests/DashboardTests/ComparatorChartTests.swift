import Foundation
import ScorecardKit
import Testing

@testable import Dashboard

@Suite("England and the region on a measure's chart")
struct ComparatorChartTests {
    @Test("a monthly measure compared with calendar years draws each year's national figures across its months")
    func nationalYearsAcrossMonths() throws {
        let last = Period.month(2025, 9)
        let observations = (0..<12).map { i in Observation(period: last.advanced(by: i - 11), value: 20 + Double(i % 3)) }
        var measure = Measure(code: "MC-1", title: "Monthly rate", unit: MeasureUnit("per 100,000"), frequency: .monthly, polarity: .lowerIsBetter)
        measure.comparators = Comparators(
            source: Comparators.Source(file: "national/x.csv", area: "E0", neighbours: []),
            points: [2024, 2025].map { year in
                Comparators.Point(
                    period: .calendarYear(year), periodText: "\(year)", value: 21, lower: 20, upper: 22, england: 24 + 4 * Double(year - 2024),
                    regionCode: "R1", regionName: "South West region", region: 17, neighbours: [])
            })
        let plan = CouncilPlan(council: "Test", title: "Plan", priorities: [Priority(code: "P1", title: "Health", measures: [0])])
        let model = DashboardModel(council: Council(plan: plan, measures: [measure], observations: [observations]), today: TestCouncil.today)
        let state = AppState(asAt: last, route: .measure(0))
        let theme = Theme(capabilities: Capabilities(colorMode: .none, glyphs: .ascii))
        let screen = DashboardView.render(state: state, model: model, size: Size(width: 100, height: 30), theme: theme).0.text()
        // The chart's rows: below the title, headline and alert lines, above the period labels.
        let plot = screen.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(4).prefix(9).map { $0.drop { $0 != "|" } }
        // England above the values (24 then 28), the region below them (17): both drawn, apart.
        #expect(plot.contains { $0.contains("e") }, "\(screen)")
        #expect(plot.contains { $0.contains("r") }, "\(screen)")
        // Each year's figure holds across its months, stepping at the year's change: 24 then 28, nothing between.
        #expect(plot.filter { $0.contains("e") }.count == 2, "\(screen)")
    }
}
