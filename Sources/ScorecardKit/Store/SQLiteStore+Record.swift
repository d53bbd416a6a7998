import Foundation
import GRDB

extension SQLiteStore {
    public func record(_ entry: ValueEntry, today: CivilDate) throws -> RecordOutcome {
        let at = clock()
        return try writeTransaction { db in
            let code = String(entry.measure.trimmingWhitespace())
            let found = try Self.measureForEntry(code: code, db: db)
            // Validation fails for an unknown measure, so a change always comes with its measure's row id.
            let change = try entry.validated(today: today) { $0 == code ? found?.measure : nil }
            return try Self.write(change, measureID: found?.id ?? 0, at: at, db: db).shown(as: found?.measure)
        }
    }

    /// The current measure with `code` (any case, an exact match first) and its row id: what checking an entry
    /// needs (frequency, unit, limits).
    static func measureForEntry(code: String, db: Database) throws -> (id: Int64, measure: Measure)? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT id, frequency, unit, decimals, minimum, maximum, code, status FROM measure
                WHERE code = ? COLLATE NOCASE AND position IS NOT NULL ORDER BY code = ? DESC LIMIT 1
                """,
            arguments: [code, code])
        guard let row, let id: Int64 = row.lenient(0),
            let frequency = (row.lenient(1) as String?).flatMap(Frequency.init(rawValue:))
        else { return nil }
        let measure = Measure(
            code: row.text(6), title: row.text(6), unit: MeasureUnit(row.text(2)), decimals: min(6, max(0, row.lenient(3) ?? 0)),
            frequency: frequency, lifecycle: (row.lenient(7) as String?).flatMap(MeasureLifecycle.init(rawValue:)) ?? .active,
            minimum: row.lenient(4), maximum: row.lenient(5))
        return (id, measure)
    }

    /// Appends a revision for `change` unless the store already holds exactly what it makes.
    static func write(_ change: ValueChange, measureID: Int64, at: Date, db: Database) throws -> RecordOutcome {
        let period = change.period
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT value, target, note, quality, draft FROM observation_revision
                WHERE measure_id = ? AND period_kind = ? AND period_ordinal = ? ORDER BY id DESC LIMIT 1
                """,
            arguments: [measureID, period.kind.rawValue, period.ordinal])
        let current = row.map { Observation(row: $0, period: period) }
        var updated = change.applied(to: current)
        // Withdrawing a value a period does not have (with no commentary or quality either) changes nothing.
        if updated == current || (current == nil && updated == Observation(period: period, value: nil)) { return .unchanged(measureCode: change.measureCode, period: period) }
        // A recorded value waits for an officer's sign-off.
        updated.isDraft = true
        try db.execute(
            sql: """
                INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, target, note, quality,
                  changed_by, changed_at, source, draft)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """,
            arguments: [
                measureID, period.kind.rawValue, period.ordinal, updated.value, updated.target, updated.note,
                updated.quality?.rawValue, change.by, StoreTime.text(at), RevisionSource.record.rawValue,
            ])
        let revision = Revision(
            measureCode: change.measureCode, observation: updated, changedBy: change.by,
            changedAt: StoreTime.date(StoreTime.text(at)) ?? at, source: .record, replaced: current)
        return current == nil ? .added(revision) : .revised(revision)
    }
}

extension Observation {
    /// An observation from a row whose first four columns are value, target, note and quality, and whose
    /// fifth, when there is one, says whether it is a draft.
    init(row: Row, period: Period) {
        self.init(
            period: period, value: row.lenient(0), target: row.lenient(1), note: row.lenient(2),
            quality: (row.lenient(3) as String?).flatMap(DataQuality.init(rawValue:)))
        if row.count > 4, let draft: Int = row.lenient(4) { isDraft = draft != 0 }
    }
}
