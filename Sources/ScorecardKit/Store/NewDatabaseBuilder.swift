import Foundation

/// Imports a council into a new database while its `observations.csv` is still being read: a thread of its
/// own writes the framework and then each batch of rows the reader hands over (``send(_:)``) into a file
/// under a temporary name; ``finish(total:progress:)`` links that file into place only once the whole read
/// has succeeded, and ``cancel()`` throws it away. So the file is either complete or absent, as with
/// ``SQLiteStore/importCouncil(_:into:by:clock:progress:)``, and reading and writing share the two halves of the work.
public final class NewDatabaseBuilder: @unchecked Sendable {
    private let path: String
    private let temporary: String
    private let plan: CouncilPlan
    private let measures: [Measure]
    private let by: String
    private let clock: @Sendable () -> Date

    /// The rows read, on their way to the writer thread.
    private let handOver = ObservationHandOver()
    // Shared between the reader and the writer thread, under `condition`.
    private let condition = NSCondition()
    private var written = 0
    private var outcome: Result<ImportSummary, any Error>?

    /// Starts building the database for `path` (which must not exist yet) on a thread of its own.
    public init(
        path: String, plan: CouncilPlan, measures: [Measure], by: String,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.path = path
        self.temporary = path + ".new-\(ProcessInfo.processInfo.processIdentifier)"
        self.plan = plan
        self.measures = measures
        self.by = by
        self.clock = clock
        DatabaseFile(path: path).removeStaleTemporaries()
        removeTemporary()
        let thread = Thread { [self] in
            let result = Result { try write() }
            handOver.stopWriting()
            condition.lock()
            outcome = result
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    /// Hands over rows read (each with its measure's index), in file order.
    public func send(_ rows: ObservationHandOver.Batch) {
        handOver.send(rows)  // Dropped when the writer failed: finish() reports it.
    }

    /// Waits for the writer to write every row sent, then links the new file into place and returns what was
    /// imported; nil when a file appeared at the path meanwhile (import into it as into any existing one then).
    /// - Parameter progress: called now and then on this thread with (rows written, `total`).
    public func finish(total: Int, progress: ImportProgress? = nil) throws -> ImportSummary? {
        handOver.endRead()
        condition.lock()
        while outcome == nil {
            let done = written
            condition.unlock()
            progress?(done, total)
            condition.lock()
            if outcome == nil { _ = condition.wait(until: Date().addingTimeInterval(0.1)) }
        }
        let result = outcome ?? .failure(CancellationError())
        condition.unlock()
        defer { removeTemporary() }
        let summary = try result.get()
        progress?(total, total)
        if link(temporary, path) != 0 {
            if errno == EEXIST { return nil }
            throw StoreBuildError(message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        return summary
    }

    /// Stops the writer and throws its file away (the read failed).
    public func cancel() {
        handOver.cancel()
        condition.lock()
        while outcome == nil { condition.wait() }
        condition.unlock()
        removeTemporary()
    }

    /// On the writer thread: the whole import, in one transaction, then WAL mode; the file is closed on return.
    private func write() throws -> ImportSummary {
        let store = try SQLiteStore(bulkLoading: temporary, clock: clock)
        let council = Council(plan: plan, measures: measures, observations: Array(repeating: [], count: measures.count))
        let at = StoreTime.text(clock())
        let summary = try store.writeTransaction { db in
            var run = CouncilImport(db: db, council: council, by: by, at: at, progress: nil)
            _ = try run.run()
            run.streamed = { [self] count in
                condition.lock()
                written = count
                condition.unlock()
            }
            try run.appendStreamed(handOver.next)
            return run.summary
        }
        try store.finishBulkLoad()
        return summary
    }

    private func removeTemporary() {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
    }
}

/// A new database could not be linked into place.
struct StoreBuildError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
