import Foundation
import ScorecardKit
import Testing

@testable import Dashboard

@Suite("Process limits on a measure's chart")
struct ProcessLimitChartTests {
    @Test("a count's lower process limit below 0 is drawn at 0: the chart's scale does not run below what a count can be")
    func countLimitAtZero() throws {
        let values: [Double] = [0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2]
        let last = Period.month(2024, 9)
        let observations = values.enumerated().map { i, v in Observation(period: last.advanced(by: i - values.count + 1), value: v) }
        let measure = Measure(code: "RS-1", title: "People sleeping rough", unit: .number, polarity: .lowerIsBetter)
        let plan = CouncilPlan(council: "Test", title: "Plan", priorities: [Priority(code: "P1", title: "Homes", measures: [0])])
        let model = DashboardModel(council: Council(plan: plan, measures: [measure], observations: [observations]), today: TestCouncil.today)
        let state = AppState(asAt: last, route: .measure(0))
        let judged = model.evaluation(at: last).measures[0]
        let control = try #require(judged.processControl)
        #expect(control.lowerLimit < 0, "the limit as worked out is below 0")
        let screen = DashboardView.screenText(state, model: model, width: 100, height: 30)
        let axis = screen.split(separator: "\n").compactMap { line in line.split(separator: "┤").first.map { $0.trimmingCharacters(in: .whitespaces) } }
        #expect(!axis.isEmpty)
        #expect(!axis.contains { $0.hasPrefix("-") || $0.hasPrefix("–") }, "\(axis)")
    }
}
