import Foundation
import ScorecardKit
import ScorecardSample
import Testing

@testable import Dashboard

/// The measure screen's outlook once the year's last period is in.
@Suite struct OutturnTests {
    @Test("judged on the year's last period, the outlook is the year's outturn (or its average), not a year end forecast")
    func outturnAtYearEnd() throws {
        let generator = SampleCouncilGenerator(measures: 40, years: 3)
        let today = generator.today
        let council = try generator.generate().council(today: today)
        // A measure forecast from a year's last period: judged as at that year's Q4.
        var found: (m: Int, asAt: Period)?
        for m in council.measures.indices {
            for year in Set(council.observations[m].map(\.period.financialYearStart)).sorted().reversed() {
                let asAt = Period.quarter(year, 4)
                guard asAt.endDate < today, let forecast = council.evaluate(asAt: asAt, today: today).measures[m].forecast,
                    forecast.position == forecast.periodsInYear
                else { continue }
                found = (m, asAt)
                break
            }
            if found != nil { break }
        }
        let (m, asAt) = try #require(found)
        let model = DashboardModel(council: council, today: today)
        var state = AppState(asAt: asAt)
        state.apply(.startJump, model: model)
        for character in council.measures[m].code { state.apply(.type(character), model: model) }
        state.apply(.submit, model: model)
        let text = DashboardView.screenText(state, model: model, width: 120, height: 40)
        let outlook = try #require(text.split(separator: "\n").first { $0.contains("Outlook") }, "\(text)")
        let forecast = try #require(council.evaluate(asAt: asAt, today: today).measures[m].forecast)
        let word = forecast.method == .averageSoFar ? "average" : "outturn"
        #expect(outlook.contains("\(asAt.financialYear.label) \(word) ") && !outlook.contains("forecast"), "\(outlook)")
    }
}
