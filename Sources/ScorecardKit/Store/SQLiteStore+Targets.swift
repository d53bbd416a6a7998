import Foundation
import GRDB

extension SQLiteStore {
    public func proposeTarget(_ entry: TargetEntry) throws -> TargetProposal? {
        let at = clock()
        return try writeTransaction { db in
            let code = String(entry.measure.trimmingWhitespace())
            let found = try Self.measureForEntry(code: code, db: db)
            let change = try entry.validated { $0 == code ? found?.measure : nil }
            guard let measureID = found?.id else { return nil }
            let key: StatementArguments = [measureID, change.period.kind.rawValue, change.period.ordinal]
            let carried = try Double.fetchOne(
                db,
                sql: """
                    SELECT target FROM observation_revision WHERE measure_id = ? AND period_kind = ? AND period_ordinal = ?
                    ORDER BY id DESC LIMIT 1
                    """,
                arguments: key)
            if let carried, let measure = found?.measure { throw change.carriedTargetProblem(carried, of: measure) }
            let current = try Row.fetchOne(
                db,
                sql: """
                    SELECT value FROM target_revision WHERE measure_id = ? AND period_kind = ? AND period_ordinal = ?
                    ORDER BY id DESC LIMIT 1
                    """,
                arguments: key
            ).flatMap { $0.lenient(0) as Double? }
            let pending = try Row.fetchOne(
                db,
                sql: """
                    SELECT p.value, p.proposed_by FROM target_proposal p
                    WHERE p.measure_id = ? AND p.period_kind = ? AND p.period_ordinal = ?
                      AND NOT EXISTS (SELECT 1 FROM target_revision a WHERE a.proposal_id = p.id)
                      AND p.id = (SELECT max(l.id) FROM target_proposal l WHERE l.measure_id = p.measure_id
                                  AND l.period_kind = p.period_kind AND l.period_ordinal = p.period_ordinal)
                    """,
                arguments: key)
            // The same as what stands: the pending proposal, or with none pending the approved target.
            if let pending { if (pending.lenient(0) as Double?) == change.value { return nil } } else if current == change.value { return nil }
            let stamp = StoreTime.text(at)
            try db.execute(
                sql: """
                    INSERT INTO target_proposal (measure_id, period_kind, period_ordinal, value, proposed_by, proposed_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: key + [change.value, change.by, stamp])
            // A year's target does not judge the periods whose values came with targets of their own: say which.
            var latest: [(period: Period, target: Double?)] = []
            if change.period.kind == .financialYear {
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT o.period_kind, o.period_ordinal, o.target FROM observation_revision o
                        WHERE o.measure_id = ? AND o.id = (SELECT max(l.id) FROM observation_revision l WHERE l.measure_id = o.measure_id
                                                           AND l.period_kind = o.period_kind AND l.period_ordinal = o.period_ordinal)
                        """,
                    arguments: [measureID])
                for row in rows {
                    guard let kind = Period.Kind(rawValue: row[0]) else { continue }
                    latest.append((Period(kind: kind, ordinal: row[1]), row.lenient(2)))
                }
            }
            return TargetProposal(
                measureCode: change.measureCode, period: change.period, value: change.value, current: current,
                proposedBy: change.by, proposedAt: StoreTime.date(stamp) ?? at,
                periodsWithOwnTargets: TargetProposal.periodsWithOwnTargets(in: change.period, latest: latest),
                replacedProposal: pending.map { .init(value: $0.lenient(0), proposedBy: $0[1]) })
        }
    }

    public func targetProposals() throws -> [TargetProposal] {
        guard !showsPublishedOnly, hasTargetProposals else { return [] }
        return try readingSafely { db in try Self.targetProposals(db, in: .all).map(\.proposal) }
    }

    /// Approves the proposals in `selection` as `by` at `stamp`: each appends the target revision that names it.
    static func approveTargets(_ selection: PublishSelection, by: String, stamp: String, db: Database) throws -> [TargetProposal] {
        let proposals = try targetProposals(db, in: selection)
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO target_revision (measure_id, period_kind, period_ordinal, value, changed_by, changed_at, proposal_id)
                SELECT measure_id, period_kind, period_ordinal, value, ?, ?, id FROM target_proposal WHERE id = ?
                """)
        for found in proposals { try insert.execute(arguments: [by, stamp, found.id]) }
        return proposals.map(\.proposal)
    }

    /// The latest proposal for each (measure, period) in `selection` that awaits approval, with its row id.
    private static func targetProposals(_ db: Database, in selection: PublishSelection) throws -> [(proposal: TargetProposal, id: Int64)] {
        var (conditions, arguments) = selectionFilter(selection, rows: "p")
        conditions.append("m.position IS NOT NULL")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT p.id, m.code, p.period_kind, p.period_ordinal, p.value, p.proposed_by, p.proposed_at,
                       (SELECT r.value FROM target_revision r WHERE r.measure_id = p.measure_id
                          AND r.period_kind = p.period_kind AND r.period_ordinal = p.period_ordinal ORDER BY r.id DESC LIMIT 1),
                       (SELECT o.target FROM observation_revision o WHERE o.measure_id = p.measure_id
                          AND o.period_kind = p.period_kind AND o.period_ordinal = p.period_ordinal ORDER BY o.id DESC LIMIT 1)
                FROM target_proposal p JOIN measure m ON m.id = p.measure_id
                WHERE p.id = (SELECT max(l.id) FROM target_proposal l WHERE l.measure_id = p.measure_id
                              AND l.period_kind = p.period_kind AND l.period_ordinal = p.period_ordinal)
                  AND NOT EXISTS (SELECT 1 FROM target_revision a WHERE a.proposal_id = p.id)
                  AND \(conditions.joined(separator: " AND "))
                ORDER BY m.code, p.period_kind, p.period_ordinal
                """,
            arguments: arguments)
        return rows.compactMap { row in
            guard let id: Int64 = row.lenient(0), let kind: Int = row.lenient(2), let ordinal: Int = row.lenient(3),
                let period = Period(kindValue: kind, ordinal: ordinal), selection.covers(period)
            else { return nil }
            let proposal = TargetProposal(
                measureCode: row.text(1), period: period, value: row.lenient(4), current: row.lenient(7),
                proposedBy: row.text(5), proposedAt: StoreTime.date(row.text(6)) ?? .distantPast, carriedTarget: row.lenient(8))
            guard selection.wasSeen(SeenRevision(proposal: proposal)) else { return nil }
            return (proposal, id)
        }
    }
}
