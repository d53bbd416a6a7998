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
        _ = browsing.apply(.failed("Connection to the server lost: showing the figures as they were; reconnecting"), model: model)
        let during = DashboardView.screenText(browsing, model: model)
        #expect(during.contains("Connection to the server lost"))
        #expect(during.split(separator: "\n").dropLast() == before.split(separator: "\n").dropLast(), "the figures stay")
        _ = browsing.apply(.moveDown, model: model)
        #expect(DashboardView.screenText(browsing, model: model).contains("Connection to the server lost"))
        let refreshed = try #require(service.perform(.judge(state.asAt)).first)
        _ = browsing.apply(refreshed, model: model)
        #expect(!DashboardView.screenText(browsing, model: refreshed.newModel ?? model).contains("Connection to the server lost"))
    }

    @Test("a connection lost while the status line says something else is shown at once, not after a key")
    func problemReplacesAnOldMessage() throws {
        let (model, state, _) = try EffectTests.opened()
        var browsing = state
        browsing.message = "Signed off 1 value: members now see it"
        let lost = "Connection to the server lost: showing the figures as they were; reconnecting"
        _ = browsing.apply(.failed(lost), model: model)
        #expect(DashboardView.screenText(browsing, model: model).contains("Connection to the server lost"))
        // The same problem posted again by the next refresh leaves what a key said since.
        _ = browsing.apply(.moveDown, model: model)
        browsing.message = "Press s for the values awaiting sign-off, then p to sign one off"
        _ = browsing.apply(.failed(lost), model: model)
        #expect(browsing.message == "Press s for the values awaiting sign-off, then p to sign one off")
    }

    @Test("a sign-off that fails says so, in place of \"Signing off…\"")
    func signOffFailureSaid() throws {
        let (model, state, _) = try EffectTests.opened()
        var browsing = state
        browsing.message = "Signing off 1 value…"
        _ = browsing.apply(.signOffFailed("the server could not be reached"), model: model)
        #expect(DashboardView.screenText(browsing, model: model).contains("Not signed off: the server could not be reached"))
    }

    @Test("a connection lost while the value form is open is said on its status line before Enter is pressed, and cleared when back")
    func problemShownWhileEditing() throws {
        let (model, state, _) = try EffectTests.opened()
        var editing = state
        for action: AppAction in [.open, .open, .moveDown, .open, .edit] { _ = editing.apply(action, model: model) }
        guard case .editing = editing.mode else {
            Issue.record("the form did not open")
            return
        }
        #expect(DashboardView.screenText(editing, model: model).contains("Recording as cllr.test"))
        _ = editing.apply(.failed("Connection to the server lost: showing the figures as they were; reconnecting"), model: model)
        #expect(DashboardView.screenText(editing, model: model).contains("Connection to the server lost"))
        _ = editing.apply(.recovered, model: model)
        #expect(DashboardView.screenText(editing, model: model).contains("Recording as cllr.test"))
    }

    @Test("a connection back after a failure clears the problem even when nothing changed meanwhile")
    func recoveredClearsTheProblem() throws {
        let (model, state, _) = try EffectTests.opened()
        var browsing = state
        _ = browsing.apply(.failed("Connection to the server lost: showing the figures as they were; reconnecting"), model: model)
        #expect(DashboardView.screenText(browsing, model: model).contains("Connection to the server lost"))
        _ = browsing.apply(.recovered, model: model)
        #expect(!DashboardView.screenText(browsing, model: model).contains("Connection to the server lost"))
    }
}
