import Foundation

/// Starts threads of their own for long work (the dashboard's data thread, a read beside another, an import's
/// writer), freeing the work, and all it holds, on the thread before the thread ends.
///
/// A `Foundation.Thread` keeps its closure until the thread is torn down, and then frees it during the
/// thread's exit, after libdispatch has let go of its per-thread state: a store freed there (its connection
/// closed through a dispatch queue) corrupted the heap, and the process crashed now and then as other
/// threads ended (`tcache_thread_shutdown(): unaligned tcache chunk detected`).
package enum WorkThread {
    /// Runs `body` on a new thread named `name`.
    package static func start(name: String? = nil, _ body: @escaping @Sendable () -> Void) {
        let work = Work(body)
        let thread = Thread { work.run() }
        if let name { thread.name = name }
        thread.start()
    }

    /// The closure, handed to the thread and dropped there once it has run.
    private final class Work: @unchecked Sendable {
        // @unchecked: `body` is set here and taken once, by the thread it was handed to.
        private var body: (@Sendable () -> Void)?

        init(_ body: @escaping @Sendable () -> Void) {
            self.body = body
        }

        func run() {
            let body = self.body
            self.body = nil
            body?()
        }
    }
}
