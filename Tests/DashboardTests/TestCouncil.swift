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

    /// Effects performed at once over the same council (read-only files).
    static func effects(_ model: DashboardModel) -> InlineEffects {
        InlineEffects(service: DataService(council: model.council, today: today))
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

/// The app loop without a terminal: actions applied in turn, their effects performed at once by a
/// ``DataService`` (``InlineEffects``), and the answers applied as they come, as ``DashboardApp`` does.
struct TestSession {
    var state: AppState
    private(set) var model: DashboardModel
    let effects: InlineEffects
    /// Every effect the update asked for, in order.
    private(set) var performed: [AppEffect] = []

    /// A session over a store, opened as the dashboard opens it (the recent part of each history); presenting or
    /// following a meeting as `scorecard --present` and `--follow` do.
    init(store: any CouncilStore, user: String = "cllr.test", presenting: String? = nil, following: String? = nil) throws {
        let service = try DataService(
            store: store, today: TestCouncil.today, user: user, withholdingSmallNumbers: presenting != nil || following != nil)
        if let following { try service.follow(meeting: following) }
        let asAt = service.council.defaultReportingPeriod(today: TestCouncil.today)
        model = try service.start(asAt: asAt)
        state = AppState(asAt: asAt)
        if let presenting {
            try service.present(meeting: presenting, state: &state, model: model)
        } else if let following {
            state.meeting = .following(name: following, joined: true, latest: nil, ended: false)
        }
        effects = InlineEffects(service: service)
        self.service = service
    }

    /// The data service behind the session.
    let service: DataService

    /// Applies each action, and whatever answers its effects bring.
    mutating func send(_ actions: AppAction...) {
        send(actions)
    }

    mutating func send(_ actions: [AppAction]) {
        for action in actions { step(action) }
    }

    /// What the loop does between keys: takes in changes made elsewhere.
    mutating func tick() {
        for answer in effects.collect() { step(answer) }
    }

    private mutating func step(_ action: AppAction) {
        let asked = state.apply(action, model: model)
        if let new = action.newModel { model = new }
        performed += asked
        effects.perform(asked)
        for answer in effects.collect() { step(answer) }
    }

    /// The screen at `width` x `height`, remembering its layout as the loop does.
    mutating func screen(width: Int = 100, height: Int = 30) -> String {
        let theme = Theme(capabilities: Capabilities(colorMode: .none, glyphs: .unicode))
        let (buffer, layout) = DashboardView.render(state: state, model: model, size: Size(width: width, height: height), theme: theme)
        state.remember(layout)
        return buffer.text()
    }
}

extension TestSession {
    /// Types each character of `text`.
    mutating func type(_ text: String) {
        send(text.map { .type($0) })
    }
}
