import ScorecardKit

/// Runs the dashboard on a terminal: keys become actions, actions update the state, and a frame is drawn
/// only when the state changed.
public struct DashboardApp {
    public let model: DashboardModel
    public private(set) var state: AppState

    public init(model: DashboardModel, state: AppState) {
        self.model = model
        self.state = state
    }

    /// Runs until the user quits. Between keys it looks for changes to the data (every quarter second)
    /// and redraws in place when there are some.
    public mutating func run(on terminal: some Terminal) {
        let theme = Theme(capabilities: terminal.capabilities)
        var state = self.state
        let model = self.model
        EventLoop.run(
            on: terminal,
            render: { size in
                let (buffer, layout) = DashboardView.render(state: state, model: model, size: size, theme: theme)
                state.remember(layout)
                return buffer
            },
            handle: { event in
                guard case .key(let key) = event else { return .proceed(redraw: state.refresh(model: model)) }
                if key == .resize { return .proceed(redraw: true) }
                guard let action = DashboardKeymap.action(for: key, mode: state.mode) else { return .proceed(redraw: false) }
                let before = state
                state.apply(action, model: model)
                return state.quitting ? .quit : .proceed(redraw: state != before)
            })
        self.state = state
    }
}
