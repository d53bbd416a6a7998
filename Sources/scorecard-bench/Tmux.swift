import Foundation

/// A private tmux server (its own socket, no configuration) that runs programs in sessions of a given size.
final class Tmux {
    private let socket: String

    /// Starts the server with an idle session, so that later sessions start without the server's start-up.
    init() throws {
        socket = "scorecard-bench-\(getpid())"
        try tmux(["-f", "/dev/null", "new-session", "-d", "-s", "idle", "-x", "80", "-y", "24", "sleep 100000"])
        try tmux(["set-option", "-g", "remain-on-exit", "off"])
    }

    deinit {
        _ = try? ChildProcess.run(["tmux", "-L", socket, "kill-server"])
    }

    /// Starts `command` in a new detached session of `width` x `height`; returns the program's process id
    /// (the command should `exec` the program).
    func start(_ session: String, width: Int, height: Int, command: String) throws -> Int {
        try tmux(["new-session", "-d", "-s", session, "-x", "\(width)", "-y", "\(height)", command])
        let pid = try ChildProcess.output(["tmux", "-L", socket, "display-message", "-p", "-t", session, "#{pane_pid}"])
        guard let value = Int(pid.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("no process in tmux session \(session)")
        }
        return value
    }

    /// Types `key` (a tmux key name: `j`, `Enter`, `Left`, `NPage`, `[`) into the session.
    func send(_ key: String, to session: String) throws {
        try tmux(["send-keys", "-t", session, key])
    }

    /// Types `text` as it is, one key per character (`send-keys -l`: no key names, so `-` is a dash).
    func sendLiterally(_ text: String, to session: String) throws {
        try tmux(["send-keys", "-l", "-t", session, text])
    }

    /// The text on the session's screen.
    func capture(_ session: String) throws -> String {
        try ChildProcess.output(["tmux", "-L", socket, "capture-pane", "-p", "-t", session])
    }

    /// Appends everything the program writes to its terminal to `file`.
    func pipeOutput(of session: String, to file: String) throws {
        try tmux(["pipe-pane", "-O", "-t", session, "cat >> '\(file)'"])
    }

    /// Ends the session and its program.
    func kill(_ session: String) {
        _ = try? ChildProcess.run(["tmux", "-L", socket, "kill-session", "-t", session])
    }

    private func tmux(_ arguments: [String]) throws {
        try ChildProcess.check(["tmux", "-L", socket] + arguments)
    }
}
