import Foundation
import ScorecardKit
import Testing

@testable import Dashboard

/// The measure screen's table of periods for a measure whose latest value is late.
@Suite struct OverduePeriodTests {
    @Test("the judged period's missing value is marked overdue in the table, as in the headline, not merely missing")
    func overdueInTheTable() throws {
        var council = try CouncilDirectory(path: TestCouncil.directory).load()
        let m = try #require(council.measures.indices.first { council.measures[$0].frequency == .monthly && council.observations[$0].count >= 2 })
        // Its latest row holding no value (as a file's empty cell records it), judged long after: missing past its due date.
        var series = Array(council.observations[m])
        series[series.count - 1].value = nil
        let removed = series[series.count - 1]
        council.observations[m] = ObservationSeries(series)
        let today = removed.period.endDate.adding(days: 120)
        let model = DashboardModel(council: council, today: today)
        var state = AppState(asAt: removed.period)
        state.apply(.startJump, model: model)
        for character in council.measures[m].code { state.apply(.type(character), model: model) }
        state.apply(.submit, model: model)
        #expect(council.evaluate(asAt: removed.period, today: today).measures[m].status == .overdue)
        let text = DashboardView.screenText(state, model: model, width: 100, height: 40)
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix(removed.period.label) }, "\(text)")
        #expect(row.contains("Overdue") && !row.contains("Missing"), "\(row)")
    }

    @Test("periods overdue with nothing recorded for them (no row in the file) have rows of their own, marked overdue")
    func overduePeriodsWithoutRows() throws {
        let council = try CouncilDirectory(path: TestCouncil.directory).load()
        let m = try #require(council.measures.indices.first { council.measures[$0].frequency == .monthly && council.observations[$0].count >= 2 })
        let latest = try #require(council.observations[m].last)
        // Nothing for the two months after the latest value, judged long after both were due.
        let judged = latest.period.advanced(by: 2)
        let today = judged.endDate.adding(days: 120)
        let model = DashboardModel(council: council, today: today)
        var state = AppState(asAt: judged)
        state.apply(.startJump, model: model)
        for character in council.measures[m].code { state.apply(.type(character), model: model) }
        state.apply(.submit, model: model)
        let rows = model.rows(for: state.current, asAt: judged, scope: state.scope)
        #expect(rows.prefix(3) == [.period(judged), .period(judged.previous), .period(latest.period)])
        let text = DashboardView.screenText(state, model: model, width: 100, height: 40)
        for period in [judged, judged.previous] {
            let row = try #require(text.split(separator: "\n").first { $0.hasPrefix(period.label) }, "\(text)")
            #expect(row.contains("Overdue"), "\(row)")
        }
        // Opened, and its history asked for, the row says what it is rather than nothing.
        var opened = state
        opened.apply(.open, model: model)
        #expect(DashboardView.screenText(opened, model: model, width: 100, height: 40).contains(judged.label))
        var history = state
        history.apply(.showHistory, model: model)
        #expect(!DashboardView.screenText(history, model: model, width: 100, height: 40).isEmpty)
    }
}
