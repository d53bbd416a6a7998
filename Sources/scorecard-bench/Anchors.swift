import Foundation

/// The anchors on the same data: the `sqlite3` tool and visidata.
struct Anchors {
    let workDirectory: String
    let tmux: Tmux
    let width: Int
    let height: Int

    /// `sqlite3 .import --csv` of the CSV into a plain table of a new database (no validation), then
    /// reading every row back out (`SELECT *` to /dev/null). Returns the row count.
    func sqlite(csv: String, into result: inout SizeResult) throws -> Int {
        let database = "\(workDirectory)/anchor.sqlite"
        try? FileManager.default.removeItem(atPath: database)
        result.sqliteImportSeconds = try ChildProcess.check(["sqlite3", database, ".import --csv '\(csv)' observations"]).seconds
        result.sqliteSelectSeconds = try ChildProcess.check(["sqlite3", database, "SELECT * FROM observations"]).seconds
        let count = try ChildProcess.output(["sqlite3", database, "SELECT count(*) FROM observations"])
        try? FileManager.default.removeItem(atPath: database)
        guard let rows = Int(count.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw BenchError("sqlite3 count: \(count)") }
        return rows
    }

    /// visidata (`vd`) opening the CSV in tmux: the time to a first screen showing the header and the first
    /// row, to all `rows` loaded (the status line's row count), its peak memory then, and the bytes it
    /// writes per cursor move.
    func visidata(csv: String, rows: Int, firstCode: String, into result: inout SizeResult) throws {
        guard let vd = ChildProcess.which("vd") else {
            result.visidataNote = "visidata is not installed (pip install visidata)"
            return
        }
        let session = "vd"
        let start = Clock.monotonic()
        let pid = try tmux.start(
            session, width: width, height: height,
            command: "exec env TERM=tmux-256color LANG=C.UTF-8 HOME='\(workDirectory)' '\(vd)' '\(csv)'")
        defer { tmux.kill(session) }
        while result.visidataFirstScreenSeconds == nil || result.visidataLoadedSeconds == nil {
            guard Clock.seconds(since: start) < 600 else { throw BenchError("visidata did not load \(csv)") }
            let screen = try tmux.capture(session)
            let elapsed = Clock.seconds(since: start)
            if result.visidataFirstScreenSeconds == nil, screen.contains("period"), screen.contains(firstCode) {
                result.visidataFirstScreenSeconds = elapsed
            }
            if Self.showsLoaded(screen, rows: rows) {
                result.visidataLoadedSeconds = elapsed
                result.visidataFirstScreenSeconds = result.visidataFirstScreenSeconds ?? elapsed
            }
            Clock.sleep(0.01)
        }
        result.visidataPeakBytes = ProcessMemory.peakBytes(of: pid)

        let output = "\(workDirectory)/visidata-output.bin"
        try tmux.pipeOutput(of: session, to: output)
        var moves: [Double] = []
        var before = Files.waitUntilQuiet(output, quiet: 0.15, timeout: 3)
        for _ in 0..<30 {
            try tmux.send("j", to: session)
            let after = Files.waitUntilQuiet(output, quiet: 0.15, timeout: 3)
            moves.append(Double(after - before))
            before = after
        }
        result.visidataBytesPerMoveMedian = moves.median
    }

    /// Whether visidata's status line shows all `rows` loaded: the count, with no progress percentage.
    private static func showsLoaded(_ screen: String, rows: Int) -> Bool {
        guard let status = screen.split(separator: "\n").last(where: { !$0.allSatisfy(\.isWhitespace) }) else { return false }
        return status.contains(" \(rows) rows") && !status.contains("%")
    }
}
