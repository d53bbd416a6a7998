import Foundation

/// The writing half of an import that writes while its `observations.csv` is still being read: `write` runs on a
/// thread of its own, taking each batch of rows the reader hands over (``send(_:)``), until the read ends
/// (``finish(waiting:)``) or fails (``cancel()``). Used by ``NewDatabaseBuilder`` and by the PostgreSQL store's.
public final class StreamedImportWriter<Outcome: Sendable>: @unchecked Sendable {
    // @unchecked: `outcome` and `written` are touched only under `condition`.
    private let handOver: ObservationHandOver
    private let condition = NSCondition()
    private var outcome: Result<Outcome, any Error>?
    private var written = 0

    /// Starts `write` on a thread of its own. It takes batches from `next` (nil once the read has ended and every
    /// batch is taken; throws `CancellationError` once it failed) and may report how many rows it has written.
    /// - Parameter limit: how many batches may wait for the writer before the reader waits in turn.
    public init(
        limit: Int = 4,
        write: @escaping @Sendable (_ next: @escaping () throws -> ObservationHandOver.Batch?, _ written: @escaping (Int) -> Void) throws -> Outcome
    ) {
        let handOver = ObservationHandOver(limit: limit)
        self.handOver = handOver
        WorkThread.start { [self] in
            let result = Result { try write(handOver.next) { count in self.record(written: count) } }
            handOver.stopWriting()
            condition.lock()
            outcome = result
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Hands over rows read (each with its measure's index), in file order; dropped once the writer has failed
    /// (``finish(waiting:)`` says why).
    public func send(_ rows: ObservationHandOver.Batch) {
        handOver.send(rows)
    }

    /// The read has ended: waits for the writer to take every row and return.
    /// - Parameter waiting: called now and then on this thread with the rows written so far.
    public func finish(waiting: ((Int) -> Void)? = nil) -> Result<Outcome, any Error> {
        handOver.endRead()
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil {
            let done = written
            condition.unlock()
            waiting?(done)
            condition.lock()
            if outcome == nil { _ = condition.wait(until: Date().addingTimeInterval(0.1)) }
        }
        return outcome ?? .failure(CancellationError())
    }

    /// The read failed: stops the writer and waits for it to return.
    public func cancel() {
        handOver.cancel()
        condition.lock()
        while outcome == nil { condition.wait() }
        condition.unlock()
    }

    private func record(written count: Int) {
        condition.lock()
        written = count
        condition.unlock()
    }
}
