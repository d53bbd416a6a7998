import Foundation
import GRDB

extension SQLiteStore {
    public func revisions(measure code: String, period: Period) throws -> [Revision] {
        try queue.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.value, r.target, r.note, r.quality, r.changed_by, r.changed_at, r.source
                    FROM observation_revision r JOIN measure m ON m.id = r.measure_id
                    WHERE m.code = ? AND r.period_kind = ? AND r.period_ordinal = ? ORDER BY r.id
                    """,
                arguments: [code, period.kind.rawValue, period.ordinal])
            var revisions: [Revision] = []
            for row in rows {
                let observation = Observation(row: row, period: period)
                revisions.append(
                    Revision(
                        measureCode: code, observation: observation, changedBy: row[4],
                        changedAt: StoreTime.date(row[5]) ?? .distantPast,
                        source: RevisionSource(rawValue: row[6]) ?? .record, replaced: revisions.last?.observation))
            }
            return revisions
        }
    }

    public func targetRevisions(measure code: String) throws -> [TargetRevision] {
        try queue.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.period_kind, r.period_ordinal, r.value, r.changed_by, r.changed_at
                    FROM target_revision r JOIN measure m ON m.id = r.measure_id
                    WHERE m.code = ? ORDER BY r.id
                    """,
                arguments: [code])
            var latest: [Period: Double] = [:]
            var revisions: [TargetRevision] = []
            for row in rows {
                guard let kind = Period.Kind(rawValue: row[0]) else { continue }
                let period = Period(kind: kind, ordinal: row[1])
                let value: Double? = row[2]
                revisions.append(
                    TargetRevision(
                        measureCode: code, period: period, value: value, replaced: latest[period], changedBy: row[3],
                        changedAt: StoreTime.date(row[4]) ?? .distantPast))
                latest[period] = value
            }
            return revisions
        }
    }
}
