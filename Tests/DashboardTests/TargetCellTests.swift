import Foundation
import ScorecardKit
import Testing

@testable import Dashboard

/// A target in a list's narrow column: the figure the headline gives, not rounded into another.
@Suite struct TargetCellTests {
    @Test("a target finer than the measure's decimals keeps them in a list's column, its unit left out: 0.0005, not 0.001")
    func fineTargetInAList() throws {
        var council = try CouncilDirectory(path: TestCouncil.directory).load()
        let m = try #require(council.measureIndex(code: "KBI-01"))
        council.measures[m].unit = MeasureUnit("µg/m³")
        council.measures[m].decimals = 3
        council.measures[m].tolerance = nil
        council.measures[m].targets = TargetSchedule(byPeriod: [.financialYear(2023): 0.0005, .financialYear(2024): 0.0005])
        council.observations[m] = ObservationSeries(council.observations[m].map { observation in
            var observation = observation
            observation.value = observation.value.map { _ in 0.00049 }
            observation.target = nil
            return observation
        })
        let model = DashboardModel(council: council, today: TestCouncil.today)
        var state = TestCouncil.state(model)
        state.apply(.open, .open, model: model)
        let text = DashboardView.screenText(state, model: model, width: 100, height: 30)
        let row = try #require(text.split(separator: "\n").first { $0.contains("KBI-01") })
        #expect(row.contains("0.0005") && !row.contains("0.001"), "\(row)")
    }
}
