import Foundation

/// The results as a plain-text table (Markdown), with ratios to the anchors and the budgets.
enum Report {
    /// One line of the table: a figure, and how to show it for a size.
    private struct Line: Sendable {
        var label: String
        var value: @Sendable (SizeResult) -> String
    }

    static func table(_ results: [SizeResult]) -> String {
        let header = "| figure | " + results.map { "\(grouped($0.measures)) measures" }.joined(separator: " | ") + " |"
        let rule = "| --- |" + String(repeating: " ---: |", count: results.count)
        let rows = lines.map { line in "| \(line.label) | " + results.map(line.value).joined(separator: " | ") + " |" }
        return ([header, rule] + rows).joined(separator: "\n")
    }

    private static let lines: [Line] = [
        Line(label: "observations (CSV rows)") { grouped($0.observations) },
        Line(label: "observations.csv / framework.yaml") { "\(megabytes($0.csvBytes)) / \(megabytes($0.yamlBytes))" },
        Line(label: "`scorecard sample`") { seconds($0.sampleSeconds) },
        Line(label: "**import** `scorecard import` (whole command)") { seconds($0.importSeconds) },
        Line(label: "of which framework.yaml read + checked") { seconds($0.importFrameworkSeconds) },
        Line(label: "of which observations.csv read + checked") { seconds($0.importObservationsReadSeconds) },
        Line(label: "of which database written (one transaction)") { seconds($0.importWriteSeconds) },
        Line(label: "observations.csv into the database (read + write)") { seconds($0.importCSVSeconds) },
        Line(label: "anchor: `sqlite3 .import --csv`") { seconds($0.sqliteImportSeconds) },
        Line(label: "ratio: CSV import / sqlite3 .import") { ratio($0.importCSVSeconds, $0.sqliteImportSeconds) },
        Line(label: "ratio: whole command / sqlite3 .import") { ratio($0.importSeconds, $0.sqliteImportSeconds) },
        Line(label: "import peak memory") { megabytes($0.importPeakBytes) },
        Line(label: "**report** `scorecard report --database DB --out report.html`") { seconds($0.reportSeconds) },
        Line(label: "report size / peak memory") { "\(megabytes($0.reportBytes)) / \(megabytes($0.reportPeakBytes))" },
        Line(label: "**load + judge** from the database (in the dashboard)") { seconds(sum($0.loadSeconds, $0.judgeSeconds)) },
        Line(label: "of which load (rows to council)") { seconds($0.loadSeconds) },
        Line(label: "of which judge (every measure)") { seconds($0.judgeSeconds) },
        Line(label: "anchor: `sqlite3` SELECT every row") { seconds($0.sqliteSelectSeconds) },
        Line(label: "ratio: load + judge / sqlite3 SELECT") { ratio(sum($0.loadSeconds, $0.judgeSeconds), $0.sqliteSelectSeconds) },
        Line(label: "**launch** to first complete frame (median)") { seconds($0.launchMedianSeconds) },
        Line(label: "each launch") { $0.launchSeconds.map { String(format: "%.3f", $0) }.joined(separator: ", ") },
        Line(label: "anchor: visidata first screen") { seconds($0.visidataFirstScreenSeconds) },
        Line(label: "ratio: launch / visidata first screen") { ratio($0.launchMedianSeconds, $0.visidataFirstScreenSeconds) },
        Line(label: "anchor: visidata all rows loaded") { seconds($0.visidataLoadedSeconds) },
        Line(label: "ratio: launch / visidata all rows loaded") { ratio($0.launchMedianSeconds, $0.visidataLoadedSeconds) },
        Line(label: "**keystroke to frame** (keys typed / drew a frame)") { "\(grouped($0.keys)) / \(grouped($0.keysRedrawn))" },
        Line(label: "median") { milliseconds($0.keyMedianMilliseconds) },
        Line(label: "99th percentile") { milliseconds($0.keyP99Milliseconds) },
        Line(label: "slowest") { milliseconds($0.keyMaxMilliseconds) },
        Line(label: "**keystroke to frame while another process records every 100 ms** (keys typed / drew a frame)") {
            "\(grouped($0.recordingKeys)) / \(grouped($0.recordingKeysRedrawn))"
        },
        Line(label: "median") { milliseconds($0.recordingKeyMedianMilliseconds) },
        Line(label: "99th percentile") { milliseconds($0.recordingKeyP99Milliseconds) },
        Line(label: "slowest") { milliseconds($0.recordingKeyMaxMilliseconds) },
        Line(label: "values recorded meanwhile (how often; commands failed)") {
            let every = quotient($0.recordingSeconds, Double($0.valuesRecorded + $0.valueRecordFailures))
            return "\(grouped($0.valuesRecorded)) in \(seconds($0.recordingSeconds)) (one every \(seconds(every)); \(grouped($0.valueRecordFailures)) failed)"
        },
        Line(label: "**recorded elsewhere to on screen**, an open measure's screen (median)") { seconds($0.visibleMedianSeconds) },
        Line(label: "slowest (shown / recorded)") {
            "\(seconds($0.visibleMaxSeconds)) (\($0.visibleSeconds.count) / \($0.visibleSeconds.count + $0.visibleTimeouts))"
        },
        Line(label: "**bytes per cursor move** (median)") { bytes($0.bytesPerMoveMedian) },
        Line(label: "largest") { bytes($0.bytesPerMoveMax) },
        Line(label: "anchor: visidata (median)") { bytes($0.visidataBytesPerMoveMedian) },
        Line(label: "ratio: scorecard / visidata") { ratio($0.bytesPerMoveMedian, $0.visidataBytesPerMoveMedian) },
        Line(label: "**peak memory**, dashboard after every key") { megabytes($0.dashboardPeakBytes) },
        Line(label: "at the first frame") { megabytes($0.firstFramePeakBytes) },
        Line(label: "over the whole session (the writes included)") { megabytes($0.sessionPeakBytes) },
        Line(label: "anchor: visidata, all rows loaded") { megabytes($0.visidataPeakBytes) },
        Line(label: "ratio: scorecard / visidata") { ratio($0.dashboardPeakBytes.map(Double.init), $0.visidataPeakBytes.map(Double.init)) },
        Line(label: "**PostgreSQL** (`--postgres`): `scorecard import` as an officer (median; rounds)") {
            seconds($0.postgresImportSeconds) + Self.rounds($0.postgresImportRounds)
        },
        Line(label: "anchor: `psql \\copy` into a plain table (median; rounds)") { seconds($0.postgresCopySeconds) + Self.rounds($0.postgresCopyRounds) },
        Line(label: "ratio: import / psql \\copy") { ratio($0.postgresImportSeconds, $0.postgresCopySeconds) },
        Line(label: "a member's launch to first complete frame (median)") { seconds($0.postgresLaunchMedianSeconds) },
        Line(label: "each launch; peak memory") {
            $0.postgresLaunchSeconds.map { String(format: "%.3f", $0) }.joined(separator: ", ") + "; " + megabytes($0.postgresLaunchPeakBytes)
        },
        Line(label: "published to a member's screen (median; slowest; shown / published; drafts seen)") {
            "\(seconds($0.postgresVisibleSeconds.median)); \(seconds($0.postgresVisibleMaxSeconds)); "
                + "\($0.postgresVisibleSeconds.count) / \($0.postgresVisibleSeconds.count + $0.postgresVisibleTimeouts); \($0.postgresDraftsSeen)"
        },
        Line(label: "\(PostgresBench.writers) writers x \(PostgresBench.valuesPerWriter) values: landed (failed) in") {
            "\($0.postgresValuesLanded.map(grouped) ?? "-") (\($0.postgresWriterFailures)) in \(seconds($0.postgresWritersSeconds))"
        },
    ]

    private static func sum(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b else { return nil }
        return a + b
    }

    static func quotient(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b, b > 0 else { return nil }
        return a / b
    }

    static func ratio(_ a: Double?, _ b: Double?) -> String {
        quotient(a, b).map { String(format: "%.2fx", $0) } ?? "-"
    }

    static func seconds(_ value: Double?) -> String {
        value.map { String(format: "%.3f s", $0) } ?? "-"
    }

    /// `; 1.21, 1.18, 1.30` (seconds of each round), or nothing for none.
    static func rounds(_ values: [Double]) -> String {
        values.isEmpty ? "" : "; " + values.map { String(format: "%.2f", $0) }.joined(separator: ", ")
    }

    static func milliseconds(_ value: Double?) -> String {
        value.map { String(format: "%.2f ms", $0) } ?? "-"
    }

    static func bytes(_ value: Double?) -> String {
        value.map { "\(grouped(Int($0))) B" } ?? "-"
    }

    /// Megabytes of 1,000,000 bytes.
    static func megabytes(_ value: Int?) -> String {
        value.map { String(format: "%.1f MB", Double($0) / 1e6) } ?? "-"
    }

    /// `91357` -> `91,357`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
