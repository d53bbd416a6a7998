import Foundation

/// The lines `scorecard` appends to the file named by `SCORECARD_TRACE` (see `Trace` in the scorecard target).
struct TraceLog {
    /// A handled key: its label, nanoseconds from reading it to the end of its frame, and whether it drew one.
    struct KeyTiming {
        var label: String
        var nanoseconds: UInt64
        var redrawn: Bool
    }

    var phases: [String: UInt64] = [:]
    var marks: [String: UInt64] = [:]
    var keys: [KeyTiming] = []

    /// Reads the trace at `path` (empty when there is none yet).
    init(path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count >= 3, let number = UInt64(fields[2]) else { continue }
            switch fields[0] {
            case "phase": phases[fields[1]] = number
            case "mark": marks[fields[1]] = number
            case "key": keys.append(KeyTiming(label: fields[1], nanoseconds: number, redrawn: fields.last == "1"))
            default: continue
            }
        }
    }

    /// Seconds recorded for phase `name`.
    func seconds(_ name: String) -> Double? {
        phases[name].map { Double($0) / 1e9 }
    }

    /// Waits until the trace at `path` satisfies `condition` or `timeout` seconds pass; returns the last read.
    static func wait(path: String, timeout: Double, until condition: (TraceLog) -> Bool) throws -> TraceLog {
        let start = Clock.monotonic()
        while true {
            let log = TraceLog(path: path)
            if condition(log) { return log }
            guard Clock.seconds(since: start) < timeout else { throw BenchError("timed out waiting for \(path)") }
            Clock.sleep(0.001)
        }
    }
}

extension Array where Element == TraceLog.KeyTiming {
    /// The milliseconds of the keys that drew a frame (keys that changed nothing are left out of the figures).
    var drawnMilliseconds: [Double] {
        filter(\.redrawn).map { Double($0.nanoseconds) / 1e6 }
    }
}
