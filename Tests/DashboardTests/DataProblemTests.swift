import Foundation
import ScorecardKit
import Testing

@testable import Dashboard

/// A refresh that fails (a lost connection) keeps the data on screen and says so until data arrives again.
@Suite("When the data cannot be refreshed")
struct DataProblemTests {
    @Test("the status line says why, the screen keeps its figures, keys clear no problem, and new data clears it")
    func problemShownUntilDataArrives() throws {
        let (model, state, service) = try EffectTests.opened()
        var browsing = state
        let before = DashboardView.screenText(browsing, model: model)
        _ = browsing.apply(.failed("Connection to the server lost: showing the figures as they were, retrying"), model: model)
        let during = DashboardView.screenText(browsing, model: model)
        #expect(during.contains("Connection to the server lost"))
        #expect(during.split(separator: "\n").dropLast() == before.split(separator: "\n").dropLast(), "the figures stay")
        _ = browsing.apply(.moveDown, model: model)
        #expect(DashboardView.screenText(browsing, model: model).contains("Connection to the server lost"))
        let refreshed = try #require(service.perform(.judge(state.asAt)).first)
        _ = browsing.apply(refreshed, model: model)
        #expect(!DashboardView.screenText(browsing, model: refreshed.newModel ?? model).contains("Connection to the server lost"))
    }

    @Test("a connection back after a failure clears the problem even when nothing changed meanwhile")
    func recoveredClearsTheProblem() throws {
        let (model, state, _) = try EffectTests.opened()
        var browsing = state
        _ = browsing.apply(.failed("Connection to the server lost: showing the figures as they were, retrying"), model: model)
        #expect(DashboardView.screenText(browsing, model: model).contains("Connection to the server lost"))
        _ = browsing.apply(.recovered, model: model)
        #expect(!DashboardView.screenText(browsing, model: model).contains("Connection to the server lost"))
    }
}
