#if canImport(Glibc)
import Glibc
#endif

/// The scheduling priority of the calling thread.
package enum ThreadPriority {
    /// Lowers the calling thread's priority (a nice value of 10) for the rest of its life, which cannot be undone
    /// (so only for a thread of its own): for work that runs ahead of what waits on it, so that on a busy machine
    /// the work on the longer path gets the processor first.
    /// (An import's reader of observations.csv runs ahead of the database's writer and the server; on two cores,
    /// reading at their priority took the processor from them.) On Linux a nice value is the thread's own, and
    /// `setpriority` of "the calling process" (0) sets the calling thread's; threads it starts later inherit it.
    /// Does nothing elsewhere.
    package static func lower() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }
}
