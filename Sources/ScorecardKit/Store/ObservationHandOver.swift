import Foundation

/// Rows of observations read on one thread and written on another, a few batches at a time: the reader
/// waits when the writer falls behind, so what is read is never held whole. Used by the imports that write
/// while `observations.csv` is still being read.
public final class ObservationHandOver: @unchecked Sendable {
    // @unchecked: every property is touched only under `condition`.

    /// Rows read, each with its measure's index, in file order.
    public typealias Batch = [(measure: Int, observation: Observation)]

    private let condition = NSCondition()
    private var batches: [Batch] = []
    private var readEnded = false
    private var cancelled = false
    private var writerStopped = false
    private let limit: Int

    /// - Parameter limit: how many batches may wait for the writer before the reader waits in turn.
    public init(limit: Int = 4) {
        self.limit = limit
    }

    /// The reader hands over rows; nothing is kept once the writer has stopped (it failed: its owner reports it).
    public func send(_ rows: Batch) {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= limit, !writerStopped, !cancelled { condition.wait() }
        guard !writerStopped, !cancelled else { return }
        batches.append(rows)
        condition.broadcast()
    }

    /// The reader has read everything.
    public func endRead() {
        condition.lock()
        readEnded = true
        condition.broadcast()
        condition.unlock()
    }

    /// The read failed: the writer's next ``next()`` throws `CancellationError`.
    public func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// The writer has stopped, done or failed: the reader's ``send(_:)`` no longer waits.
    public func stopWriting() {
        condition.lock()
        writerStopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// For the writer: the next batch, waiting for one; nil once the read has ended and every batch is taken.
    /// - Throws: `CancellationError` when the read failed.
    public func next() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty, !readEnded, !cancelled { condition.wait() }
        if cancelled { throw CancellationError() }
        if batches.isEmpty { return nil }
        let batch = batches.removeFirst()
        condition.broadcast()
        return batch
    }
}
