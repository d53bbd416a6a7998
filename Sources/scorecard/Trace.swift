#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Timings for the benchmark (`scorecard-bench`), appended to the file named by `SCORECARD_TRACE`.
///
/// Each line is a name and numbers separated by spaces: `phase NAME NANOSECONDS`, `mark NAME
/// UNIX-NANOSECONDS PID`, `key LABEL NANOSECONDS REDRAWN`. Without the variable nothing is measured or
/// written, so the trace costs the user nothing. It is a benchmark aid, not a user feature.
final class Trace {
    /// The environment variable naming the trace file.
    static let environmentVariable = "SCORECARD_TRACE"

    private let file: UnsafeMutablePointer<FILE>?

    /// A trace to the file named by `SCORECARD_TRACE` (or `path`, for tests), or one that records nothing.
    init(path: String? = nil) {
        file = (path ?? getenv(Self.environmentVariable).map { String(cString: $0) }).flatMap { fopen($0, "a") }
    }

    deinit {
        if let file { fclose(file) }
    }

    /// Whether lines are written.
    var isOn: Bool { file != nil }

    /// Runs `body` and records how long it took as `phase NAME NANOSECONDS`.
    func phase<T>(_ name: String, _ body: () throws -> T) rethrows -> T {
        guard isOn else { return try body() }
        let start = Self.monotonic()
        let result = try body()
        write("phase \(name) \(Self.monotonic() - start)")
        return result
    }

    /// Records the wall-clock time now, with this process's id, as `mark NAME UNIX-NANOSECONDS PID`.
    func mark(_ name: String) {
        guard isOn else { return }
        write("mark \(name) \(Self.clock(CLOCK_REALTIME)) \(getpid())")
    }

    /// Writes one line and flushes it, so a reader sees it at once.
    func write(_ line: String) {
        guard let file else { return }
        fputs(line + "\n", file)
        fflush(file)
    }

    /// Nanoseconds on the monotonic clock.
    static func monotonic() -> UInt64 {
        clock(CLOCK_MONOTONIC)
    }

    private static func clock(_ id: clockid_t) -> UInt64 {
        var time = timespec()
        clock_gettime(id, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
