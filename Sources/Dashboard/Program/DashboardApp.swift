import ScorecardKit

/// Runs the dashboard on a terminal, in the Elm way: keys become actions, ``AppState/apply(_:model:)`` makes
/// the new state and asks for effects, an ``EffectRunner`` performs them (off this thread) and answers with
/// actions, which are applied in turn; a frame is drawn only when the state or the data changed.
public struct DashboardApp {
    public private(set) var model: DashboardModel
    public private(set) var state: AppState
    private let effects: any EffectRunner

    /// - Parameters:
    ///   - model: the data of the first frame (already judged as at `state`'s reporting period).
    ///   - effects: where effects are performed; news of the data arrives from there too.
    public init(model: DashboardModel, state: AppState, effects: any EffectRunner) {
        self.model = model
        self.state = state
        self.effects = effects
    }

    /// Runs until the user quits. Between keys (every ``EventLoop`` tick) it takes in whatever the effects
    /// answered, and redraws in place when that changed anything.
    public mutating func run(on terminal: some Terminal) {
        let theme = Theme(capabilities: terminal.capabilities)
        var state = self.state
        var model = self.model
        let effects = self.effects
        /// Applies one action; whether the screen changed.
        func step(_ action: AppAction) -> Bool {
            let before = state
            effects.perform(state.apply(action, model: model))
            let focus = ViewFocus(state)
            if focus != ViewFocus(before) { effects.focus(on: focus) }
            guard let new = action.newModel else { return state != before }
            let old = model
            model = new
            effects.retire(old)
            // The data service let go of the period on screen (a run of `[` `]` raced its judging): asked for
            // again, judged meanwhile by the model once (see `DashboardModel.evaluation(at:)`).
            if !model.isJudged(at: state.asAt) { effects.perform([.judge(state.asAt)]) }
            return true
        }
        effects.focus(on: ViewFocus(state))
        // The size last drawn: while it is too small, the screen shows only how to leave, so no other key acts
        // (a key pressed blind must not sign anything off).
        var drawnSize = TooSmallScreen.minimumSize
        EventLoop.run(
            on: terminal,
            pollInterval: .milliseconds(40),
            render: { size in
                drawnSize = size
                let (buffer, layout) = DashboardView.render(state: state, model: model, size: size, theme: theme)
                state.remember(layout)
                return buffer
            },
            handle: { event in
                var redraw = false
                for answer in effects.collect() where step(answer) { redraw = true }
                guard case .key(let key) = event else { return .proceed(redraw: redraw) }
                if key == .resize { return .proceed(redraw: true) }
                guard let action = DashboardKeymap.action(for: key, mode: state.mode) else { return .proceed(redraw: redraw) }
                if !drawnSize.covers(TooSmallScreen.minimumSize) {
                    guard key == .character("q") || key == .ctrl("c") else { return .proceed(redraw: redraw) }
                    // A value typed in the form is not thrown away on one key pressed blind: quitting asks first.
                    guard case .editing(let form) = state.mode, form.holdsTyping, !form.isSaving else { return .quit }
                    _ = step(.quit)
                    if !state.quitting { state.message = "q or Ctrl-C again quits, losing what you typed" }
                    return state.quitting ? .quit : .proceed(redraw: true)
                }
                redraw = step(action) || redraw
                return state.quitting ? .quit : .proceed(redraw: redraw)
            })
        effects.finish()
        self.state = state
        self.model = model
    }
}
