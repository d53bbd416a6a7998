import ScorecardKit
import Testing

@testable import Dashboard

/// The period on screen, said not final while it has not ended.
@Suite struct NotFinalPeriodTests {
    @Test("a period not yet ended is 'as at … (not final)' at the top of the screen; an ended one is not")
    func notFinal() throws {
        let model = try TestCouncil.model()
        let ended = TestCouncil.state(model)
        #expect(DashboardView.screenText(ended, model: model).split(separator: "\n").first?.hasSuffix("as at Q2 2024/25") == true)
        // 24 November 2024: Q3 2024/25 runs to the end of December.
        let open = AppState(asAt: .quarter(2024, 3), route: .plan)
        #expect(DashboardView.screenText(open, model: model).split(separator: "\n").first?.hasSuffix("as at Q3 2024/25 (not final)") == true)
    }
}
