import Foundation

/// A monthly measure in the database with a value for its latest period, which `scorecard record` can revise:
/// the period exists and has ended (the sample holds only ended periods), so a record is a real revision.
struct RecordableMeasure: Sendable {
    var code: String
    /// The latest period with a value, as the data files write it (`2026-09`).
    var period: String
    var value: Double
    var unit: String
    var decimals: Int
    /// The limits the framework set, if any (else the unit's: 0 to 100 for a percentage, 0 or more for a count).
    var minimum: Double?
    var maximum: Double?

    /// The first `limit` active monthly measures of the framework that have a value in their latest period, read
    /// with `sqlite3` (the tables of docs/schema.md; a month's period is its ordinal, `year * 12 + month - 1`).
    static func latest(in database: String, limit: Int) throws -> [RecordableMeasure] {
        let query = """
            SELECT m.code, printf('%04d-%02d', r.period_ordinal / 12, r.period_ordinal % 12 + 1), r.value, m.unit, m.decimals, ifnull(m.minimum, ''), ifnull(m.maximum, '')
            FROM measure m JOIN observation_revision r ON r.id = (
                SELECT l.id FROM observation_revision l WHERE l.measure_id = m.id AND l.period_kind = 0
                ORDER BY l.period_ordinal DESC, l.id DESC LIMIT 1)
            WHERE m.status = 'active' AND m.frequency = 'monthly' AND m.position IS NOT NULL AND r.value IS NOT NULL
            ORDER BY m.position LIMIT \(limit)
            """
        let text = try ChildProcess.output(["sqlite3", "-separator", "\t", database, query])
        return try text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 7, let value = Double(fields[2]), let decimals = Int(fields[4]) else {
                throw BenchError("unexpected row from \(database): \(line)")
            }
            return RecordableMeasure(
                code: fields[0], period: fields[1], value: value, unit: fields[3], decimals: decimals,
                minimum: Double(fields[5]), maximum: Double(fields[6]))
        }
    }

    /// `value` as `scorecard record` takes it: plain, with the measure's decimal places.
    func text(_ value: Double) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// Runs `scorecard record --by bench-writer CODE PERIOD VALUE` on `database` (judged on the benchmark's
    /// day) to its end: the value is committed when it returns. Its error output goes to `errors`.
    func record(_ value: Double, scorecard: String, database: String, errors: String) throws -> RunCost {
        // The options first, then `--`, so that a negative value is not taken for an option.
        try ChildProcess.run(
            [scorecard, "record", "--by", "bench-writer", "--database", database, "--", code, period, text(value)],
            environment: ["SCORECARD_TODAY": DashboardBench.today], stderr: errors)
    }
}
