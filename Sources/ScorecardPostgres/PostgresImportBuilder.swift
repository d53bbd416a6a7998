import Foundation
import ScorecardKit

/// Imports a council into the shared database while its `observations.csv` is still being read, as
/// ``NewDatabaseBuilder`` does for a new file: a thread of its own writes the framework and then each batch of
/// rows the reader hands over (``send(_:)``), in one transaction that commits only once the whole read has
/// succeeded (``finish(total:progress:)``); ``cancel()`` rolls it back. Into a database that holds no values
/// yet they are copied as they come, so reading the file and writing the database share the time.
public final class PostgresImportBuilder: Sendable {
    /// Thirty-two batches (a million rows) may wait: the reader reads on while the framework is written and while
    /// the server is slower than it (at sixteen it waited).
    private let writer: StreamedImportWriter<ImportSummary>

    /// Starts importing the framework `plan` and `measures` into `store` on a thread of its own.
    /// - Throws: ``StoreError/notPermitted(_:)`` for a login that may not import, before anything is written.
    /// `accept`, given what the import would change, may throw to undo it all.
    public init(
        store: PostgresStore, plan: CouncilPlan, measures: [Measure], accept: (@Sendable (ImportSummary) throws -> Void)? = nil
    ) throws {
        try store.checkCanImport()
        writer = StreamedImportWriter(limit: 32) { next, _ in
            try store.importCouncil(plan: plan, measures: measures, values: .streamed(next), progress: nil, accept: accept)
        }
    }

    /// Hands over rows read (each with its measure's index), in file order.
    public func send(_ rows: ObservationHandOver.Batch) {
        writer.send(rows)  // Dropped when the writer failed: finish() reports it.
    }

    /// Waits for the writer to write every row sent and commit, and returns what was imported.
    /// - Parameter progress: called with (`total`, `total`) once committed.
    public func finish(total: Int, progress: ImportProgress? = nil) throws -> ImportSummary {
        let summary = try writer.finish().get()
        progress?(total, total)
        return summary
    }

    /// Stops the writer and rolls its transaction back (the read failed).
    public func cancel() {
        writer.cancel()
    }
}
