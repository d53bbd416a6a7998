import Foundation

/// Signals that end the command (SIGINT, SIGTERM, SIGHUP), taken while a child process runs: the first calls
/// `stop` (on a queue of its own) and is kept for the waiting thread, which undoes what it must and ends the
/// process. Watched only once the child started, so that the child does not inherit them ignored. A signal the
/// command was started ignoring (a job run in the background ignores SIGINT) is left ignored. (`scorecard import`
/// watches them too, to say that nothing was imported.)
package final class Interruption: @unchecked Sendable {
    // @unchecked: `received` is only read and written under `lock`.
    private static let signals = [SIGINT, SIGTERM, SIGHUP]
    private var sources: [any DispatchSourceSignal] = []
    /// Each signal's action before, given back at the end (a job started in the background ignores SIGINT).
    private var previous: [Int32: sighandler_t?] = [:]
    private let lock = NSLock()
    private var received: Int32?

    /// The signal received, if any.
    package var signal: Int32? { lock.withLock { received } }

    /// Watches the signals; `stop` is given the first received.
    package static func watch(stop: @escaping @Sendable (Int32) -> Void) -> Interruption {
        let interruption = Interruption()
        interruption.sources = signals.compactMap { number in
            let before = Glibc.signal(number, SIG_IGN)
            interruption.previous[number] = before
            if let before, unsafeBitCast(before, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { return nil }
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                let first = interruption.lock.withLock {
                    defer { interruption.received = interruption.received ?? number }
                    return interruption.received == nil
                }
                if first { stop(number) }
            }
            source.resume()
            return source
        }
        return interruption
    }

    /// Gives the signals back their default action.
    package func end() {
        for source in sources { source.cancel() }
        for number in Self.signals { Glibc.signal(number, previous[number] ?? SIG_DFL) }
    }
}
