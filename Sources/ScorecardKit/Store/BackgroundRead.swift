import Foundation

/// What `body` reads on a thread of its own, started at once, while the caller reads something else: a store
/// opening a large council reads on two or three connections at the same time (each its own snapshot check).
package final class BackgroundRead<Value>: @unchecked Sendable {
    // @unchecked: `outcome` is written by the thread before `done` is signalled and read after it is waited for.
    private let done = DispatchSemaphore(value: 0)
    private var outcome: Result<Value, Error>?

    package init(_ body: @escaping @Sendable () throws -> Value) {
        WorkThread.start { [self] in
            outcome = Result(catching: body)
            done.signal()
        }
    }

    /// What was read, once the thread is done.
    package func wait() throws -> Value {
        done.wait()
        done.signal()
        guard let outcome else { preconditionFailure("a background read signalled before it finished") }
        return try outcome.get()
    }
}
