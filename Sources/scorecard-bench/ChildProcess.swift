import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What running a command to its end cost: wall time, peak resident memory and exit status.
struct RunCost {
    var seconds: Double
    /// Peak resident set size (`ru_maxrss`), in bytes.
    var peakBytes: Int
    var status: Int32
}

/// Errors running the tools the benchmark drives.
struct BenchError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Runs other programs: timed with `wait4` (so the peak memory is the child's own), or captured.
enum ChildProcess {
    /// Runs `arguments` (found on `PATH`) to its end with standard output and error sent to files (or
    /// `/dev/null`), and returns its wall time and peak memory.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], stdout: String = "/dev/null",
        stderr: String = "/dev/null"
    ) throws -> RunCost {
        let start = Clock.monotonic()
        let pid = try spawn(arguments, environment: environment, stdout: stdout, stderr: stderr)
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { throw BenchError("wait4 failed for \(arguments[0])") }
        let seconds = Clock.seconds(since: start)
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return RunCost(seconds: seconds, peakBytes: Int(usage.ru_maxrss) * 1024, status: exit)
    }

    /// Like ``run(_:environment:stdout:stderr:)``, but throws when the command fails.
    @discardableResult
    static func check(_ arguments: [String], environment: [String: String] = [:], stdout: String = "/dev/null") throws -> RunCost {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("scorecard-bench-\(getpid()).err").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let cost = try run(arguments, environment: environment, stdout: stdout, stderr: log)
        guard cost.status == 0 else {
            let message = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            throw BenchError("\(arguments.joined(separator: " ")) failed (status \(cost.status)): \(message)")
        }
        return cost
    }

    /// Runs `arguments` and returns what it wrote to standard output.
    static func output(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The full path of `name` on `PATH`, if it is there.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }

    private static func spawn(_ arguments: [String], environment: [String: String], stdout: String, stderr: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var merged = ProcessInfo.processInfo.environment
        merged.merge(environment) { $1 }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
        guard result == 0 else { throw BenchError("cannot run \(arguments[0]): \(String(cString: strerror(result)))") }
        return pid
    }
}

/// Clocks, in nanoseconds.
enum Clock {
    static func monotonic() -> UInt64 { read(CLOCK_MONOTONIC) }

    /// Nanoseconds since 1970, comparable with the trace's `mark` lines.
    static func wall() -> UInt64 { read(CLOCK_REALTIME) }

    static func seconds(since start: UInt64) -> Double { Double(monotonic() - start) / 1e9 }

    /// Sleeps for `seconds`.
    static func sleep(_ seconds: Double) {
        usleep(UInt32(seconds * 1e6))
    }

    private static func read(_ id: clockid_t) -> UInt64 {
        var time = timespec()
        clock_gettime(id, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

/// A process's memory from `/proc/PID/status`.
enum ProcessMemory {
    /// The peak resident set size (`VmHWM`) of `pid` so far, in bytes.
    static func peakBytes(of pid: Int) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return line.split(separator: " ").dropFirst().first.flatMap { Int($0) }.map { $0 * 1024 }
        }
        return nil
    }
}
