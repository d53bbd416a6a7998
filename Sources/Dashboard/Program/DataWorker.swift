import Dispatch
import Synchronization

/// Runs a ``DataService`` on a thread of its own, so that no key waits for the store: effects are queued to
/// it, it looks for changes made elsewhere every ``pollInterval``, and its answers wait in a mailbox that the
/// app loop empties between keys.
public final class DataWorker: EffectRunner, Sendable {
    /// How often the store is asked whether anything changed.
    public static let pollInterval: DispatchTimeInterval = .milliseconds(100)

    /// The service, used only on `queue`.
    private let service: Isolated<DataService>
    private let queue = DispatchQueue(label: "scorecard.data")
    private let mailbox = Mailbox()
    /// Dispatch sources may be cancelled from any thread.
    private nonisolated(unsafe) let timer: any DispatchSourceTimer

    /// Starts looking for changes at once.
    public init(service: DataService) {
        self.service = Isolated(service)
        timer = DispatchSource.makeTimerSource(queue: queue)
        timer.schedule(deadline: .now() + Self.pollInterval, repeating: Self.pollInterval)
        timer.setEventHandler { [service = self.service, mailbox] in
            let actions = service.value.refresh()
            mailbox.post(actions)
        }
        timer.resume()
    }

    deinit {
        timer.cancel()
    }

    /// Queues effects; their answers arrive in the mailbox.
    public func perform(_ effects: [AppEffect]) {
        guard !effects.isEmpty else { return }
        queue.async { [service, mailbox] in
            for effect in effects {
                let actions = service.value.perform(effect)
                mailbox.post(actions)
            }
        }
    }

    public func focus(on focus: ViewFocus) {
        queue.async { [service] in service.value.focus = focus }
    }

    /// The answers that have arrived, oldest first (and the mailbox emptied).
    public func collect() -> [AppAction] {
        mailbox.take()
    }

    /// Stops looking for changes, and waits for the effects queued so far to be performed.
    public func finish() {
        timer.cancel()
        queue.sync {}
    }
}

/// Answers waiting for the app loop, posted from the worker's queue.
final class Mailbox: Sendable {
    private let actions = Mutex<[AppAction]>([])

    func post(_ new: [AppAction]) {
        guard !new.isEmpty else { return }
        actions.withLock { $0 += new }
    }

    func take() -> [AppAction] {
        actions.withLock { actions in
            defer { actions.removeAll() }
            return actions
        }
    }
}

/// A value that is only ever used on one serial queue, which is what makes passing it there safe.
struct Isolated<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}
