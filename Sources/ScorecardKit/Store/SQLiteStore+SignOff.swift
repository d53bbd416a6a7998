import Foundation
import GRDB

extension SQLiteStore {
    public func drafts(endedBy: CivilDate?) throws -> [Draft] {
        guard !showsPublishedOnly else { return [] }
        return try readingSafely { db in try Self.drafts(db, in: PublishSelection(endedBy: endedBy)).map(\.draft) }
    }

    public func publish(_ selection: PublishSelection, by: String) throws -> PublishOutcome {
        let at = clock()
        return try writeTransaction { db in
            var unknown: [String] = []
            for code in selection.measures where try !Bool.exists(db, "SELECT 1 FROM measure WHERE code = ? COLLATE NOCASE AND position IS NOT NULL", arguments: [code]) {
                unknown.append(code)
            }
            guard unknown.isEmpty else { return PublishOutcome(published: [], unknownMeasures: unknown) }
            let drafts = selection.values ? try Self.drafts(db, in: selection) : []
            let stamp = StoreTime.text(at)
            if !drafts.isEmpty {
                let number = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(sign_off), 0) + 1 FROM observation_revision WHERE sign_off IS NOT NULL")) ?? 1
                let update = try db.makeStatement(
                    sql: "UPDATE observation_revision SET draft = 0, published_by = ?, published_at = ?, sign_off = ? WHERE id = ?")
                for draft in drafts {
                    try update.execute(arguments: [by, stamp, number, draft.id])
                }
            }
            let approved = selection.targets ? try Self.approveTargets(selection, by: by, stamp: stamp, db: db) : []
            return PublishOutcome(
                published: drafts.map { found in
                    var published = found.draft
                    published.observation.isDraft = false
                    return published
                },
                approvedTargets: approved,
                unknownMeasures: [])
        }
    }

    /// The latest version of each (measure, period) in `selection` that is a draft, with its row id, for the
    /// measures in the framework.
    private static func drafts(_ db: Database, in selection: PublishSelection) throws -> [(draft: Draft, id: Int64)] {
        var (conditions, arguments) = selectionFilter(selection, rows: "o")
        conditions.append("o.draft = 1")
        // A measure a re-import removed is shown nowhere: its drafts are neither listed nor signed off.
        conditions.append("m.position IS NOT NULL")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT o.value, o.target, o.note, o.quality, o.draft, m.code, o.period_kind, o.period_ordinal,
                       o.changed_by, o.changed_at, o.id,
                       (SELECT p.value FROM observation_revision p
                        WHERE p.measure_id = o.measure_id AND p.period_kind = o.period_kind
                          AND p.period_ordinal = o.period_ordinal AND p.draft = 0 ORDER BY p.id DESC LIMIT 1),
                       m.frequency
                FROM observation_revision o JOIN measure m ON m.id = o.measure_id
                WHERE o.id = (SELECT max(l.id) FROM observation_revision l
                              WHERE l.measure_id = o.measure_id AND l.period_kind = o.period_kind
                                AND l.period_ordinal = o.period_ordinal)
                  AND \(conditions.joined(separator: " AND "))
                ORDER BY m.code, o.period_kind, o.period_ordinal
                """,
            arguments: arguments)
        return rows.compactMap { row in
            guard let kind: Int = row.lenient(6), let ordinal: Int = row.lenient(7),
                let period = Period(kindValue: kind, ordinal: ordinal),
                selection.allows(period, frequency: Frequency(rawValue: row.text(12)))
            else { return nil }
            let draft = Draft(
                measureCode: row.text(5), observation: Observation(row: row, period: period), changedBy: row.text(8),
                changedAt: StoreTime.date(row.text(9)) ?? .distantPast, publishedValue: row.lenient(11))
            guard selection.wasSeen(SeenRevision(draft: draft)) else { return nil }
            return (draft, row.lenient(10) ?? 0)
        }
    }

    /// The conditions (joined by AND) and their arguments that keep the rows of `selection`'s period and measures,
    /// for a query of rows aliased `rows` (with `period_kind` and `period_ordinal`) joined to `measure` as `m`.
    static func selectionFilter(_ selection: PublishSelection, rows: String) -> (conditions: [String], arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let period = selection.exactPeriod {
            conditions.append("\(rows).period_kind = ? AND \(rows).period_ordinal = ?")
            arguments += [period.kind.rawValue, period.ordinal]
        }
        if !selection.measures.isEmpty {
            // Codes in any case, as `record` and `target` take them.
            conditions.append("m.code COLLATE NOCASE IN (\(databaseQuestionMarks(count: selection.measures.count)))")
            arguments += StatementArguments(selection.measures)
        }
        return (conditions, arguments)
    }
}
