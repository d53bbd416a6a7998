import Foundation

/// Small file-system helpers.
enum Files {
    /// The size of the file at `path` in bytes (0 when it does not exist).
    static func size(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// Waits until `path` stops growing for `quiet` seconds (or `timeout` passes); returns its size.
    static func waitUntilQuiet(_ path: String, quiet: Double, timeout: Double) -> Int {
        let start = Clock.monotonic()
        var last = size(path)
        var lastChange = Clock.monotonic()
        while Clock.seconds(since: lastChange) < quiet, Clock.seconds(since: start) < timeout {
            Clock.sleep(0.002)
            let now = size(path)
            if now != last {
                last = now
                lastChange = Clock.monotonic()
            }
        }
        return last
    }

    /// Waits until `path` is larger than `bytes` or `timeout` seconds pass.
    static func waitToGrow(_ path: String, beyond bytes: Int, timeout: Double) throws {
        let start = Clock.monotonic()
        while size(path) <= bytes {
            guard Clock.seconds(since: start) < timeout else { throw BenchError("timed out waiting for \(path) to grow") }
            Clock.sleep(0.0005)
        }
    }
}
