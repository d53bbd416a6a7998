import Foundation
import ScorecardKit
import Synchronization

/// Runs a ``DataService`` on a thread of its own, so that no key waits for the store: effects are queued to
/// it, it looks for changes made elsewhere every ``pollInterval``, and its answers wait in a mailbox that the
/// app loop empties between keys.
///
/// The thread runs at a lower priority than the UI's (`nice` 10): when the machine is busy (another process
/// recording, say), keys are answered first and the refresh waits.
public final class DataWorker: EffectRunner, Sendable {
    /// How often the store is asked whether anything changed.
    public static let pollInterval: TimeInterval = 0.1

    /// The wait before the next poll after `failures` failed in a row: ``pollInterval`` while all is well, then
    /// 0.25 s doubling to 2 s (a lost server was asked ten times a second by every dashboard open on it, a
    /// council's worth at once as it came back).
    static func pollDelay(afterFailures failures: Int) -> TimeInterval {
        guard failures > 0 else { return pollInterval }
        return min(2, 0.25 * pow(2, Double(min(failures, 8) - 1)))
    }

    private let mailbox = Mailbox()
    /// Work for the thread: effects and the focus, in order, and whether to stop.
    private let inbox = Inbox()
    private let done = DispatchSemaphore(value: 0)

    /// Starts the thread, which looks for changes at once.
    public init(service: DataService) {
        let service = Isolated(service)
        let (mailbox, inbox, done) = (self.mailbox, self.inbox, self.done)
        WorkThread.start(name: "scorecard.data") {
            #if canImport(Glibc)
            // On Linux the nice value is per thread: 0 names the calling thread alone.
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
            #endif
            var nextPoll = Date()
            while true {
                let (jobs, stopping) = inbox.wait(until: nextPoll)
                for job in Inbox.wanted(jobs) {
                    switch job {
                    case .perform(let effect): mailbox.post(service.value.perform(effect))
                    case .focus(let focus): service.value.show(focus)
                    case .retire: break  // freed here, with the jobs
                    }
                }
                if stopping { break }
                if Date() >= nextPoll {
                    mailbox.post(service.value.refresh())
                    nextPoll = Date().addingTimeInterval(Self.pollDelay(afterFailures: service.value.failedRefreshes))
                }
            }
            inbox.end()
            done.signal()
        }
    }

    /// Queues effects; their answers arrive in the mailbox.
    public func perform(_ effects: [AppEffect]) {
        guard !effects.isEmpty else { return }
        inbox.add(effects.map { .perform($0) })
    }

    public func focus(on focus: ViewFocus) {
        inbox.add([.focus(focus)])
    }

    public func retire(_ model: DashboardModel) {
        inbox.add([.retire(model)])
    }

    /// The answers that have arrived, oldest first (and the mailbox emptied).
    public func collect() -> [AppAction] {
        mailbox.take()
    }

    /// Performs the effects queued so far, then stops the thread, waiting for it half a second at most: quitting
    /// is not held up by a judgement of an earlier period or a query to a server that stopped answering (q took
    /// 3 s and 8-12 s); the process ends with them (see ``isRunning``), and a write left unfinished is rolled back by the store.
    public func finish() {
        guard inbox.stop() else { return }
        _ = done.wait(timeout: .now() + .milliseconds(500))
    }

    /// Whether the thread is still at work. After ``finish()`` it may be, and then it still uses the data service
    /// and its store: the caller must touch neither, and end the process without running exit-time teardown
    /// (`_exit`): a thread judging while `exit` tore the runtime down crashed the process as it left.
    public var isRunning: Bool {
        !inbox.hasEnded
    }
}

/// What the worker's thread is asked to do, and a way to wait for it.
final class Inbox: Sendable {
    enum Job: Sendable {
        case perform(AppEffect)
        case focus(ViewFocus)
        /// A model no longer shown, to be freed on this thread.
        case retire(DashboardModel)
    }

    private struct Queue {
        var jobs: [Job] = []
        var stopping = false
        /// Whether the thread has left its loop.
        var ended = false
    }

    private let condition = NSCondition()
    private nonisolated(unsafe) var queue = Queue()  // guarded by `condition`

    func add(_ jobs: [Job]) {
        condition.lock()
        queue.jobs += jobs
        condition.signal()
        condition.unlock()
    }

    /// The jobs still wanted of those queued together: of the periods asked to be judged while the thread was
    /// busy, only the last (a run of `[` judged every period on the way, each with more history: 146 MB at
    /// 10,000 measures); every other job, in order.
    static func wanted(_ jobs: [Job]) -> [Job] {
        let lastJudged = jobs.lastIndex { if case .perform(.judge) = $0 { true } else { false } }
        return jobs.enumerated().filter { index, job in
            if case .perform(.judge) = job { return index == lastJudged }
            return true
        }.map(\.element)
    }

    /// Asks the thread to stop once its jobs are done; `false` when it was asked already.
    func stop() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !queue.stopping else { return false }
        queue.stopping = true
        condition.signal()
        return true
    }

    /// Marks the thread as having left its loop, never to use the service again.
    func end() {
        condition.lock()
        queue.ended = true
        condition.unlock()
    }

    var hasEnded: Bool {
        condition.lock()
        defer { condition.unlock() }
        return queue.ended
    }

    /// The jobs queued, waiting for some until `deadline`; and whether to stop.
    func wait(until deadline: Date) -> ([Job], Bool) {
        condition.lock()
        defer { condition.unlock() }
        while queue.jobs.isEmpty, !queue.stopping, condition.wait(until: deadline) {}
        defer { queue.jobs.removeAll() }
        return (queue.jobs, queue.stopping)
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
