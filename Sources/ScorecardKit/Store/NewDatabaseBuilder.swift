import Foundation

/// Imports a council into a new database while its `observations.csv` is still being read: a thread of its
/// own writes the framework and then each batch of rows the reader hands over (``send(_:)``) into a file
/// under a temporary name; ``finish(total:progress:)`` links that file into place only once the whole read
/// has succeeded, and ``cancel()`` throws it away. So the file is either complete or absent, as with
/// ``SQLiteStore/importCouncil(_:into:by:clock:progress:)``, and reading and writing share the two halves of the work.
public final class NewDatabaseBuilder: Sendable {
    private let path: String
    private let temporary: String
    private let writer: StreamedImportWriter<ImportSummary>

    /// Starts building the database for `path` (which must not exist yet) on a thread of its own.
    public init(
        path: String, plan: CouncilPlan, measures: [Measure], by: String,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        let temporary = Self.temporaryPath(for: path)
        self.path = path
        self.temporary = temporary
        DatabaseFile(path: path).removeStaleTemporaries()
        Self.remove(temporary)
        writer = StreamedImportWriter { next, written in
            try Self.write(temporary, plan: plan, measures: measures, by: by, clock: clock, next: next, written: written)
        }
    }

    /// Hands over rows read (each with its measure's index), in file order.
    public func send(_ rows: ObservationHandOver.Batch) {
        writer.send(rows)  // Dropped when the writer failed: finish() reports it.
    }

    /// Waits for the writer to write every row sent, then links the new file into place and returns what was
    /// imported; nil when a file appeared at the path meanwhile (import into it as into any existing one then).
    /// - Parameter progress: called now and then on this thread with (rows written, `total`).
    public func finish(total: Int, progress: ImportProgress? = nil) throws -> ImportSummary? {
        let result = writer.finish { progress?($0, total) }
        defer { Self.remove(temporary) }
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
        writer.cancel()
        Self.remove(temporary)
    }

    /// On the writer thread: the whole import into `temporary`, in one transaction, then WAL mode; the file is
    /// closed on return.
    private static func write(
        _ temporary: String, plan: CouncilPlan, measures: [Measure], by: String, clock: @escaping @Sendable () -> Date,
        next: () throws -> ObservationHandOver.Batch?, written: @escaping (Int) -> Void
    ) throws -> ImportSummary {
        let store = try SQLiteStore(bulkLoading: temporary, clock: clock)
        let council = Council(plan: plan, measures: measures, observations: Array(repeating: [], count: measures.count))
        let at = StoreTime.text(clock())
        let summary = try store.writeTransaction { db in
            var run = CouncilImport(db: db, council: council, by: by, at: at, progress: nil)
            _ = try run.run()
            run.streamed = written
            try run.appendStreamed(next)
            return run.summary
        }
        try store.finishBulkLoad()
        return summary
    }

    /// The file this process builds the database for `path` in.
    private static func temporaryPath(for path: String) -> String {
        path + ".new-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Removes the file this process may be building for `path` (an import stopped by a signal, about to end).
    public static func discardTemporary(for path: String) {
        remove(temporaryPath(for: path))
    }

    private static func remove(_ temporary: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
    }
}

/// A new database could not be linked into place.
struct StoreBuildError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
