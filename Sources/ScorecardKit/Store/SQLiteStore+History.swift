import Foundation
import GRDB

extension SQLiteStore {
    public func revisions(measure code: String, period: Period) throws -> [Revision] {
        let authorship = StoreSchema.authorship(of: "r", batches: hasImportBatches)
        return try queue.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.value, r.target, r.note, r.quality, r.draft, \(authorship.columns), r.published_by, r.published_at
                    FROM observation_revision r JOIN measure m ON m.id = r.measure_id \(authorship.join)
                    WHERE m.code = ? AND r.period_kind = ? AND r.period_ordinal = ? \(showsPublishedOnly ? "AND r.draft = 0" : "")
                    ORDER BY r.id
                    """,
                arguments: [code, period.kind.rawValue, period.ordinal])
            var revisions: [Revision] = []
            for row in rows {
                let observation = Observation(row: row, period: period)
                let signedOff = (row.lenient(8) as String?).map { by in
                    SignOff(by: by, at: (row.lenient(9) as String?).flatMap(StoreTime.date) ?? .distantPast)
                }
                revisions.append(
                    Revision(
                        measureCode: code, observation: observation, changedBy: row.text(5),
                        changedAt: StoreTime.date(row.text(6)) ?? .distantPast,
                        source: RevisionSource(rawValue: row.text(7)) ?? .record, replaced: revisions.last?.observation,
                        signedOff: signedOff))
            }
            return revisions
        }
    }

    public func targetRevisions(measure code: String) throws -> [TargetRevision] {
        try queue.read { db in
            let proposals = hasTargetProposals
                ? "LEFT JOIN target_proposal p ON p.id = r.proposal_id" : "LEFT JOIN (SELECT NULL AS id, NULL AS proposed_by, NULL AS proposed_at) p ON 0"
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT r.period_kind, r.period_ordinal, r.value, r.changed_by, r.changed_at, p.proposed_by, p.proposed_at
                    FROM target_revision r JOIN measure m ON m.id = r.measure_id \(proposals)
                    WHERE m.code = ? ORDER BY r.id
                    """,
                arguments: [code])
            var latest: [Period: Double] = [:]
            var revisions: [TargetRevision] = []
            for row in rows {
                guard let kind: Int = row.lenient(0), let ordinal: Int = row.lenient(1),
                    let period = Period(kindValue: kind, ordinal: ordinal)
                else { continue }
                let value: Double? = row.lenient(2)
                revisions.append(
                    TargetRevision(
                        measureCode: code, period: period, value: value, replaced: latest[period], changedBy: row.text(3),
                        changedAt: StoreTime.date(row.text(4)) ?? .distantPast, proposedBy: row.lenient(5),
                        proposedAt: (row.lenient(6) as String?).flatMap(StoreTime.date)))
                latest[period] = value
            }
            return revisions
        }
    }
}
