import Foundation

/// The dashboard (the release `scorecard` binary) on a database, in a real terminal: tmux at the given size.
///
/// Times come from the binary's own trace (`SCORECARD_TRACE`): `mark first-frame` (wall clock) after the
/// first frame's `doupdate`, and for each key the nanoseconds from reading it to the end of its frame.
/// Launch is measured from just before `tmux new-session` to that mark. Bytes are what the program writes
/// to its terminal, copied by tmux `pipe-pane`.
struct DashboardBench {
    let scorecard: String
    let database: String
    let workDirectory: String
    let tmux: Tmux
    let width: Int
    let height: Int
    let keyCount: Int
    let launches: Int

    /// The day the sample council is judged on (`SCORECARD_TODAY`), so the figures do not depend on the date.
    static let today = "2026-11-24"

    /// Launches the dashboard `launches` times, then drives the last one through the cursor moves, the key
    /// script, and the live phases (``LiveBench``: keys while another process records, recorded values on screen).
    func run(into result: inout SizeResult) throws {
        var pid = 0
        var session = ""
        var trace = ""
        for attempt in 1...launches {
            if !session.isEmpty { tmux.kill(session) }
            session = "dash\(attempt)"
            trace = "\(workDirectory)/trace-\(attempt).txt"
            let start = Clock.wall()
            pid = try tmux.start(session, width: width, height: height, command: command(trace: trace))
            let log = try TraceLog.wait(path: trace, timeout: 120) { $0.marks["first-frame"] != nil }
            guard let frame = log.marks["first-frame"] else { throw BenchError("no first frame") }
            result.launchSeconds.append(Double(Int64(frame) - Int64(start)) / 1e9)
            result.loadSeconds = log.seconds("load")
            result.judgeSeconds = log.seconds("judge")
            result.firstFramePeakBytes = ProcessMemory.peakBytes(of: pid)
        }
        defer { tmux.kill(session) }
        let dashboard = DashboardSession(tmux: tmux, name: session, trace: trace, pid: pid)

        let output = "\(workDirectory)/terminal-output.bin"
        try tmux.pipeOutput(of: session, to: output)
        var moves: [Double] = []
        var before = Files.waitUntilQuiet(output, quiet: 0.05, timeout: 2)
        for (keys, counted) in KeyScript.cursorMoves {
            for key in keys {
                let redrawn = try dashboard.press(key)
                let after = Files.waitUntilQuiet(output, quiet: 0.05, timeout: 2)
                if counted, redrawn { moves.append(Double(after - before)) }
                before = after
            }
        }
        result.bytesPerMoveMedian = moves.median
        result.bytesPerMoveMax = moves.max()

        let timings = try dashboard.press(all: KeyScript.keys(atLeast: keyCount))
        let drawn = timings.drawnMilliseconds
        result.keys = timings.count
        result.keysRedrawn = drawn.count
        result.keyMedianMilliseconds = drawn.median
        result.keyP99Milliseconds = drawn.percentile(0.99)
        result.keyMaxMilliseconds = drawn.max()
        result.dashboardPeakBytes = ProcessMemory.peakBytes(of: dashboard.pid)

        let live = LiveBench(
            scorecard: scorecard, database: database, workDirectory: workDirectory, dashboard: dashboard, keyCount: keyCount)
        try live.run(into: &result)
        result.sessionPeakBytes = ProcessMemory.peakBytes(of: dashboard.pid)
        try tmux.send("q", to: session)
    }

    private func command(trace: String) -> String {
        "exec env TERM=tmux-256color LANG=C.UTF-8 SCORECARD_TODAY=\(DashboardBench.today) SCORECARD_TRACE='\(trace)' '\(scorecard)' --database '\(database)'"
    }
}
