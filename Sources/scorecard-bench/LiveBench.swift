import Foundation

/// The open dashboard while another process writes to its database, measured from outside:
///
/// 1. The key script typed again while ``ValueWriter`` runs `scorecard record` every 100 ms; per-key times come
///    from the trace, as for the quiet keys.
/// 2. A value recorded with `scorecard record` while the measure's screen is open: the time from the command's
///    exit (its commit) to the value on screen (tmux `capture-pane` every 10 ms).
struct LiveBench {
    let scorecard: String
    let database: String
    let workDirectory: String
    let dashboard: DashboardSession
    let keyCount: Int

    /// How often the other process records a value.
    static let recordInterval = 0.1
    /// How many values are recorded and waited for on the measure's screen.
    static let visibleTries = 10
    /// How long a recorded value may take to show before the try counts as failed.
    static let visibleTimeout = 5.0

    func run(into result: inout SizeResult) throws {
        let measures = try RecordableMeasure.latest(in: database, limit: 60)
        try keysWhileRecording(round: measures, into: &result)
        try recordedToVisible(measures, into: &result)
    }

    /// The key script (at least `keyCount` keys) while another process records a value every 100 ms.
    private func keysWhileRecording(round measures: [RecordableMeasure], into result: inout SizeResult) throws {
        log("dashboard: \(keyCount)+ keys while another process records a value every 100 ms")
        let writer = try ValueWriter(
            scorecard: scorecard, database: database, measures: measures, interval: Self.recordInterval,
            errors: "\(workDirectory)/writer-errors.txt")
        writer.start()
        let timings: [TraceLog.KeyTiming]
        do {
            timings = try dashboard.press(all: KeyScript.keys(atLeast: keyCount))
        } catch {
            _ = writer.stop()
            throw error
        }
        let outcome = writer.stop()
        let drawn = timings.drawnMilliseconds
        result.recordingKeys = timings.count
        result.recordingKeysRedrawn = drawn.count
        result.recordingKeyMedianMilliseconds = drawn.median
        result.recordingKeyP99Milliseconds = drawn.percentile(0.99)
        result.recordingKeyMaxMilliseconds = drawn.max()
        result.valuesRecorded = outcome.recorded
        result.valueRecordFailures = outcome.failed
        result.recordingSeconds = outcome.seconds
        if let error = outcome.lastError { log("scorecard record failed \(outcome.failed) times; the last: \(error)") }
    }

    /// Opens one measure's screen (`:` CODE Enter), then `visibleTries` times records a value for its latest
    /// period that is nowhere on the screen, and waits for it to appear.
    private func recordedToVisible(_ measures: [RecordableMeasure], into result: inout SizeResult) throws {
        // A large whole number is easy to tell apart on screen; the measure must allow it.
        guard let measure = measures.first(where: { !$0.unit.contains("%") && ($0.maximum ?? .infinity) >= 1e6 && ($0.minimum ?? 0) <= 0 })
        else { throw BenchError("no monthly measure that takes values of 100,000") }
        log("dashboard: \(Self.visibleTries) values recorded for \(measure.code) \(measure.period) while its screen is open")
        try dashboard.press(":")
        try dashboard.type(measure.code)
        try dashboard.press("Enter")
        let title = try waitForScreen { $0.split(separator: "\n").contains { $0.hasPrefix("\(measure.code) ") } }
        guard title else { throw BenchError("`:\(measure.code)` Enter did not open the measure's screen") }

        let errors = "\(workDirectory)/record-errors.txt"
        var value = 91_357.0
        for _ in 0..<Self.visibleTries {
            while try ScreenNumber(value).isShown(on: dashboard.screen()) { value += 10 }
            let cost = try measure.record(value, scorecard: scorecard, database: database, errors: errors)
            let committed = Clock.monotonic()
            guard cost.status == 0 else {
                throw BenchError("scorecard record \(measure.code) failed: \((try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")")
            }
            let number = try ScreenNumber(value)
            if try waitForScreen(number.isShown) {
                result.visibleSeconds.append(Clock.seconds(since: committed))
            } else {
                result.visibleTimeouts += 1
            }
            value += 1_234
            Clock.sleep(0.3)
        }
    }

    /// Captures the screen every 10 ms until `condition` holds of it (true) or ``visibleTimeout`` passes (false).
    private func waitForScreen(_ condition: (String) -> Bool) throws -> Bool {
        let start = Clock.monotonic()
        while Clock.seconds(since: start) < Self.visibleTimeout {
            if condition(try dashboard.screen()) { return true }
            Clock.sleep(0.01)
        }
        return false
    }
}
