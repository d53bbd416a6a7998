import Foundation

/// Another process writing to the dashboard's database: on a thread of its own, `scorecard record` every
/// `interval` seconds (each command starts `interval` after the one before started, or as soon as it ended
/// when it took longer), round the given measures, each value a little below the measure's own.
final class ValueWriter: @unchecked Sendable {
    /// What the writer did, once stopped.
    struct Outcome {
        /// Commands that recorded their value.
        var recorded: Int
        /// Commands that failed, and the last one's error output.
        var failed: Int
        var lastError: String?
        /// From the first command's start to the last one's end.
        var seconds: Double
    }

    private let scorecard: String
    private let database: String
    private let measures: [RecordableMeasure]
    private let interval: Double
    /// Where each command's error output goes.
    private let errors: String
    private let lock = NSLock()
    private var stopping = false
    private var outcome = Outcome(recorded: 0, failed: 0, seconds: 0)
    private let finished = DispatchSemaphore(value: 0)

    /// A writer round `measures` (those whose value can be lowered three times within their limits are used).
    init(scorecard: String, database: String, measures: [RecordableMeasure], interval: Double, errors: String) throws {
        self.scorecard = scorecard
        self.database = database
        self.measures = measures.filter { $0.value - 3 * Self.step(for: $0) >= ($0.minimum ?? 0) }
        self.interval = interval
        self.errors = errors
        guard !self.measures.isEmpty else { throw BenchError("no monthly measure with a value to record again") }
    }

    /// Starts writing on a thread of its own.
    func start() {
        Thread { [self] in
            write()
            finished.signal()
        }.start()
    }

    /// Lets the command running now end, starts no more, and returns what was done.
    func stop() -> Outcome {
        lock.withLock { stopping = true }
        finished.wait()
        return lock.withLock { outcome }
    }

    private func write() {
        let start = Clock.monotonic()
        var count = 0
        while !lock.withLock({ stopping }) {
            let began = Clock.monotonic()
            let measure = measures[count % measures.count]
            // The measure's value lowered by one, two, then three steps: each record changes the value.
            let value = measure.value - Double(1 + count / measures.count % 3) * Self.step(for: measure)
            let cost = try? measure.record(value, scorecard: scorecard, database: database, errors: errors)
            lock.withLock {
                if cost?.status == 0 {
                    outcome.recorded += 1
                } else {
                    outcome.failed += 1
                    outcome.lastError = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "cannot run \(scorecard)"
                }
                outcome.seconds = Clock.seconds(since: start)
            }
            count += 1
            let rest = interval - Clock.seconds(since: began)
            if rest > 0 { Clock.sleep(rest) }
        }
    }

    /// 1 % of the value, and at least one unit of its last decimal place.
    private static func step(for measure: RecordableMeasure) -> Double {
        max(abs(measure.value) * 0.01, pow(10, -Double(measure.decimals)))
    }
}
