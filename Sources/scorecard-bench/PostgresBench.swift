import Foundation

/// The shared store on a PostgreSQL server (`--postgres URL`, a superuser's): a database of its own per size,
/// set up with `scorecard db init` and `db grant` as a council would, then measured from outside:
///
/// 1. `scorecard import` of the council as an officer, against `psql \copy` of the same observations.csv into
///    a plain table (the anchor), in the same run: ``importRounds`` times, each into a database of its own, the
///    anchor just before the import, and the medians of each compared (on a machine whose speed varies by a fifth
///    from one minute to the next, one of each was as likely to fail the budget as to meet it);
/// 2. a member's dashboard launched to its first frame (from the binary's trace, as for the file);
/// 3. a value an officer records and publishes, from `scorecard publish` returning to the value on a
///    member's open measure screen;
/// 4. four processes each recording 250 values at once: every one must land.
struct PostgresBench {
    let options: BenchOptions
    let server: String
    let measures: Int
    let tmux: Tmux
    let workDirectory: String
    let council: String
    /// The SQLite database of the same council, for choosing the measures to record.
    let sqliteDatabase: String

    static let admin = "scorecard_bench_admin"
    /// How many times the import and its anchor are measured.
    static let importRounds = 3
    static let writers = 4
    static let valuesPerWriter = 250

    func run(into result: inout SizeResult) throws {
        guard ChildProcess.which("psql") != nil else { throw BenchError("--postgres needs psql") }
        let (superuser, hostPort) = try Self.split(server)
        let database = "scorecard_bench_\(getpid())_\(measures)"
        let url = { (login: String, database: String) in "postgres://\(login)@\(hostPort)/\(database)" }
        let maintenance = url(superuser.user, superuser.database)
        try psql(maintenance, """
            SELECT 'CREATE ROLE \(Self.admin) LOGIN CREATEROLE' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(Self.admin)') \\gexec
            CREATE DATABASE \(database) OWNER \(Self.admin);
            """)
        defer { try? psql(maintenance, "DROP DATABASE IF EXISTS \(database) WITH (FORCE);") }
        let scorecard = options.scorecard
        let officer = url("bench_officer", database), member = url("bench_member", database)
        // Each round into a database of its own, set up as a council would; the last is the one measured next.
        for round in 1...Self.importRounds {
            let name = round == Self.importRounds ? database : "\(database)_\(round)"
            if name != database { try psql(maintenance, "CREATE DATABASE \(name) OWNER \(Self.admin);") }
            defer { if name != database { try? psql(maintenance, "DROP DATABASE IF EXISTS \(name) WITH (FORCE);") } }
            let admin = url(Self.admin, name)
            try ChildProcess.check([scorecard, "db", "init", "--database", admin])
            try ChildProcess.check([scorecard, "db", "grant", "bench_officer", "--role", "officer", "--database", admin])
            try ChildProcess.check([scorecard, "db", "grant", "bench_member", "--role", "member", "--database", admin])

            log("postgres: psql \\copy anchor (\(round) of \(Self.importRounds))")
            let csv = "\(council)/observations.csv"
            try psql(admin, "CREATE TABLE anchor (measure text, period text, value text, target text, note text, quality text);")
            result.postgresCopyRounds.append(try ChildProcess.check([
                "psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", admin, "-c",
                "\\copy anchor (measure, period, value, target, note, quality) FROM '\(csv)' CSV HEADER",
            ]).seconds)
            try psql(admin, "DROP TABLE anchor;")

            log("postgres: import as an officer (\(round) of \(Self.importRounds))")
            result.postgresImportRounds.append(try ChildProcess.check([scorecard, "import", council, "--database", url("bench_officer", name)]).seconds)
        }
        result.postgresCopySeconds = result.postgresCopyRounds.median
        result.postgresImportSeconds = result.postgresImportRounds.median

        log("postgres: \(options.launches) launches as a member")
        var session = ""
        var pid = 0
        var trace = ""
        for attempt in 1...options.launches {
            if !session.isEmpty { tmux.kill(session) }
            session = "pg\(attempt)"
            trace = "\(workDirectory)/pg-trace-\(attempt).txt"
            let start = Clock.wall()
            pid = try tmux.start(
                session, width: options.width, height: options.height,
                command: "exec env TERM=tmux-256color LANG=C.UTF-8 SCORECARD_TODAY=\(DashboardBench.today) SCORECARD_TRACE='\(trace)' '\(scorecard)' --database '\(member)'")
            let log = try TraceLog.wait(path: trace, timeout: 120) { $0.marks["first-frame"] != nil }
            guard let frame = log.marks["first-frame"] else { throw BenchError("no first frame on PostgreSQL") }
            result.postgresLaunchSeconds.append(Double(Int64(frame) - Int64(start)) / 1e9)
        }
        defer { tmux.kill(session) }
        result.postgresLaunchPeakBytes = ProcessMemory.peakBytes(of: pid)

        let recordable = try RecordableMeasure.latest(in: sqliteDatabase, limit: 60)
        guard let measure = recordable.first(where: { !$0.unit.contains("%") && ($0.maximum ?? .infinity) >= 1e6 && ($0.minimum ?? 0) <= 0 })
        else { throw BenchError("no monthly measure that takes values of 100,000") }
        try publishedToVisible(measure, officer: officer, dashboard: DashboardSession(tmux: tmux, name: session, trace: trace, pid: pid), into: &result)
        try writersAtOnce(recordable, officer: officer, into: &result)
    }

    /// `visibleTries` times: the officer records a value nowhere on the member's screen (not shown: a draft),
    /// then publishes it; the time from `publish` returning to the value on the member's screen.
    private func publishedToVisible(
        _ measure: RecordableMeasure, officer: String, dashboard: DashboardSession, into result: inout SizeResult
    ) throws {
        log("postgres: \(LiveBench.visibleTries) values published for \(measure.code) \(measure.period) while a member's screen is open")
        try dashboard.press(":")
        try dashboard.type(measure.code)
        try dashboard.press("Enter")
        let errors = "\(workDirectory)/pg-record-errors.txt"
        var value = 81_357.0
        for _ in 0..<LiveBench.visibleTries {
            while try ScreenNumber(value).isShown(on: dashboard.screen()) { value += 10 }
            let cost = try measure.record(value, scorecard: options.scorecard, database: officer, errors: errors)
            guard cost.status == 0 else { throw BenchError("scorecard record on PostgreSQL failed: \((try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")") }
            let number = try ScreenNumber(value)
            Clock.sleep(0.3)
            if try number.isShown(on: dashboard.screen()) { result.postgresDraftsSeen += 1 }
            try ChildProcess.check([options.scorecard, "publish", "--measure", measure.code, "--database", officer])
            let published = Clock.monotonic()
            var shown = false
            while Clock.seconds(since: published) < LiveBench.visibleTimeout {
                if try number.isShown(on: dashboard.screen()) {
                    shown = true
                    break
                }
                Clock.sleep(0.01)
            }
            if shown { result.postgresVisibleSeconds.append(Clock.seconds(since: published)) } else { result.postgresVisibleTimeouts += 1 }
            value += 1_234
        }
    }

    /// ``writers`` processes, each running `scorecard record` ``valuesPerWriter`` times on its own measure at
    /// once; then the revisions the database holds are counted.
    private func writersAtOnce(_ recordable: [RecordableMeasure], officer: String, into result: inout SizeResult) throws {
        // Values no measure holds yet (a value equal to the current one is not a change, and writes nothing).
        let chosen = Array(recordable.filter { !$0.unit.contains("%") && ($0.maximum ?? .infinity) >= 1e6 && ($0.minimum ?? 0) <= 0 }.prefix(Self.writers))
        guard chosen.count == Self.writers else { throw BenchError("fewer than \(Self.writers) measures to record") }
        log("postgres: \(Self.writers) writers x \(Self.valuesPerWriter) values at once")
        let before = try count(officer)
        let lock = NSLock()
        nonisolated(unsafe) var failed = 0
        let start = Clock.monotonic()
        let scorecard = options.scorecard
        DispatchQueue.concurrentPerform(iterations: Self.writers) { writer in
            let measure = chosen[writer]
            for n in 0..<Self.valuesPerWriter {
                let value = Double(600_000 + writer * 1_000 + n)
                let cost = try? measure.record(value, scorecard: scorecard, database: officer, errors: "/dev/null")
                if cost?.status != 0 { lock.withLock { failed += 1 } }
            }
        }
        result.postgresWritersSeconds = Clock.seconds(since: start)
        result.postgresWriterFailures = failed
        result.postgresValuesLanded = try count(officer) - before
    }

    private func count(_ url: String) throws -> Int {
        let text = try ChildProcess.output(["psql", "-X", "-At", url, "-c", "SELECT count(*) FROM observation_revision WHERE source = 'record'"])
        guard let number = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw BenchError("psql count: \(text)") }
        return number
    }

    private func psql(_ url: String, _ script: String) throws {
        let file = "\(workDirectory)/pg-script.sql"
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        try ChildProcess.check(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-f", file])
    }

    /// The superuser's URL as (its login and database, `HOST:PORT`).
    private static func split(_ url: String) throws -> ((user: String, database: String), String) {
        guard let components = URLComponents(string: url), let user = components.user, let host = components.host else {
            throw BenchError("--postgres: \(url) is not postgres://USER@HOST:PORT/DB")
        }
        let database = String(components.path.drop { $0 == "/" })
        return ((user, database.isEmpty ? "postgres" : database), "\(host):\(components.port ?? 5432)")
    }
}
