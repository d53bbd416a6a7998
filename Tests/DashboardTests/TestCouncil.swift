import Foundation
import ScorecardKit

@testable import Dashboard

/// The small test council shared with the model's tests, judged on a fixed day.
enum TestCouncil {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("ScorecardKitTests/Fixtures/small").path

    static let today = CivilDate(year: 2024, month: 11, day: 24) ?? CivilDate(dayNumber: 0)

    static func model() throws -> DashboardModel {
        DashboardModel(council: try CouncilDirectory(path: directory).load(), today: today)
    }

    static func state(_ model: DashboardModel) -> AppState {
        AppState(asAt: model.council.defaultReportingPeriod(today: today))
    }
}

extension AppState {
    /// Applies each action in turn.
    mutating func apply(_ actions: AppAction..., model: DashboardModel) {
        for action in actions { apply(action, model: model) }
    }

    var routes: [Route] { stack.map(\.route) }
}

extension DashboardView {
    /// The text of the screen `state` shows at `size`, in Unicode without colour.
    static func screenText(_ state: AppState, model: DashboardModel, width: Int = 100, height: Int = 30) -> String {
        let theme = Theme(capabilities: Capabilities(colorMode: .none, glyphs: .unicode))
        return render(state: state, model: model, size: Size(width: width, height: height), theme: theme).0.text()
    }
}
