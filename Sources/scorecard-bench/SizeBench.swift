import Foundation

/// Everything measured for one council size, in order: the sample, the import, the dashboard, the anchors.
struct SizeBench {
    let options: BenchOptions
    let measures: Int
    let tmux: Tmux
    let workDirectory: String

    func run() throws -> SizeResult {
        var result = SizeResult(measures: measures)
        let council = "\(workDirectory)/council"
        let csv = "\(council)/observations.csv"
        let scorecard = options.scorecard
        log("sample: \(measures) measures, \(options.years) years")
        result.sampleSeconds = try ChildProcess.check([
            scorecard, "sample", "--out", council, "--measures", "\(measures)", "--years", "\(options.years)", "--today", DashboardBench.today,
        ]).seconds
        result.csvBytes = Files.size(csv)
        result.yamlBytes = Files.size("\(council)/framework.yaml")

        log("import")
        let database = "\(workDirectory)/scorecard.sqlite"
        let trace = "\(workDirectory)/import-trace.txt"
        let cost = try ChildProcess.check(
            [scorecard, "import", council, "--database", database], environment: ["SCORECARD_TRACE": trace])
        result.importSeconds = cost.seconds
        result.importPeakBytes = cost.peakBytes
        let phases = TraceLog(path: trace)
        result.importFrameworkSeconds = phases.seconds("read-framework")
        result.importObservationsReadSeconds = phases.seconds("read-observations")
        result.importWriteSeconds = phases.seconds("write")

        log("report: the whole plan as HTML, from the database")
        let report = "\(workDirectory)/report.html"
        let reportCost = try ChildProcess.check([scorecard, "report", "--database", database, "--out", report])
        result.reportSeconds = reportCost.seconds
        result.reportPeakBytes = reportCost.peakBytes
        result.reportBytes = Files.size(report)

        if options.postgresOnly, let server = options.postgres {
            try PostgresBench(
                options: options, server: server, measures: measures, tmux: tmux, workDirectory: workDirectory, council: council,
                sqliteDatabase: database
            ).run(into: &result)
            return result
        }

        log("dashboard: \(options.launches) launches, cursor moves, \(options.keys)+ keys at \(options.width)x\(options.height)")
        let dashboard = DashboardBench(
            scorecard: scorecard, database: database, workDirectory: workDirectory, tmux: tmux, width: options.width,
            height: options.height, keyCount: options.keys, launches: options.launches)
        try dashboard.run(into: &result)

        log("anchors: sqlite3")
        let anchors = Anchors(workDirectory: workDirectory, tmux: tmux, width: options.width, height: options.height)
        result.observations = try anchors.sqlite(csv: csv, into: &result)
        if options.visidata {
            log("anchors: visidata")
            try anchors.visidata(csv: csv, rows: result.observations, firstCode: try firstCode(csv), into: &result)
        } else {
            result.visidataNote = "not run (--no-visidata)"
        }
        if let server = options.postgres {
            let bench = PostgresBench(
                options: options, server: server, measures: measures, tmux: tmux, workDirectory: workDirectory, council: council,
                sqliteDatabase: database)
            try bench.run(into: &result)
        }
        return result
    }

    /// The measure code on the CSV's first data row.
    private func firstCode(_ csv: String) throws -> String {
        guard let handle = FileHandle(forReadingAtPath: csv) else { throw BenchError("cannot read \(csv)") }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 4096), as: UTF8.self)
        let lines = head.split(separator: "\n")
        guard lines.count > 1, let code = lines[1].split(separator: ",").first else { throw BenchError("\(csv) has no rows") }
        return String(code)
    }
}

/// Progress on standard error, so standard output holds only the results.
func log(_ message: String) {
    FileHandle.standardError.write(Data(("bench: " + message + "\n").utf8))
}
