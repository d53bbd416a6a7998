import Foundation

/// A running dashboard in a tmux session, driven key by key: each key is typed only after the one before it
/// shows up handled in the binary's trace (a `key` line), so every timing belongs to one key.
final class DashboardSession {
    let tmux: Tmux
    let name: String
    let trace: String
    /// The dashboard's process id.
    let pid: Int
    /// How many `key` lines the trace held after the last key typed.
    private var keysHandled: Int

    init(tmux: Tmux, name: String, trace: String, pid: Int) {
        self.tmux = tmux
        self.name = name
        self.trace = trace
        self.pid = pid
        keysHandled = TraceLog(path: trace).keys.count
    }

    /// Types `key` (a tmux key name: `j`, `Enter`, `NPage`) and waits until the dashboard has handled it;
    /// returns whether it drew a frame.
    @discardableResult
    func press(_ key: String) throws -> Bool {
        let size = Files.size(trace)
        try tmux.send(key, to: name)
        return try waitForKeys(1, beyond: size).last?.redrawn ?? false
    }

    /// Types `text` literally, one key per character, and waits until the dashboard has handled them all.
    func type(_ text: String) throws {
        let size = Files.size(trace)
        try tmux.sendLiterally(text, to: name)
        _ = try waitForKeys(text.count, beyond: size)
    }

    /// Types `keys` one at a time (see ``press(_:)``); returns their timings from the trace.
    func press(all keys: [String]) throws -> [TraceLog.KeyTiming] {
        let already = keysHandled
        for key in keys { try press(key) }
        return Array(TraceLog(path: trace).keys.dropFirst(already))
    }

    /// The text on the dashboard's screen.
    func screen() throws -> String {
        try tmux.capture(name)
    }

    /// Waits until the trace (of `size` bytes before the keys were typed) holds `count` more `key` lines;
    /// lines of other kinds are passed over. Returns the trace as then read.
    private func waitForKeys(_ count: Int, beyond size: Int) throws -> [TraceLog.KeyTiming] {
        var seen = size
        while true {
            try Files.waitToGrow(trace, beyond: seen, timeout: 60)
            seen = Files.size(trace)
            // A key line is written whole with one flush; read the trace back.
            let keys = TraceLog(path: trace).keys
            if keys.count >= keysHandled + count {
                keysHandled = keys.count
                return keys
            }
        }
    }
}
