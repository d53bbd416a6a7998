/// Performs the effects the app's update asks for, and hands back the actions that answer them (and those
/// that news of the data brings): ``DataWorker`` in the background, ``InlineEffects`` on the caller's thread.
public protocol EffectRunner: AnyObject {
    /// Starts performing `effects`, in order.
    func perform(_ effects: [AppEffect])
    /// Tells what the screen shows now, so that new data comes ready for it (see ``DashboardModel/prepare(for:)``).
    func focus(on focus: ViewFocus)
    /// The answers that have arrived since the last call, oldest first.
    func collect() -> [AppAction]
    /// Takes a model the screen no longer shows, to free it away from the UI thread (a large council's model
    /// takes milliseconds to free).
    func retire(_ model: DashboardModel)
    /// Waits for the effects started to end (a save in flight is finished before the program leaves).
    func finish()
}

/// Performs each effect at once on the caller's thread, and looks for changes made elsewhere whenever
/// answers are collected: the same results as ``DataWorker``, in a fixed order, for tests.
public final class InlineEffects: EffectRunner {
    private let service: DataService
    private var answers: [AppAction] = []

    public init(service: DataService) {
        self.service = service
    }

    public func perform(_ effects: [AppEffect]) {
        for effect in effects { answers += service.perform(effect) }
    }

    public func focus(on focus: ViewFocus) {
        service.show(focus)
    }

    public func collect() -> [AppAction] {
        answers += service.refresh()
        defer { answers.removeAll() }
        return answers
    }

    public func retire(_ model: DashboardModel) {}

    public func finish() {}
}
