import Foundation
import GRDB
import Testing

@testable import ScorecardKit

/// Schema 10: an import's values name their batch, which says once who imported them and when.
@Suite("Import batches in the SQLite store")
struct ImportBatchTests {
    static let today = CivilDate(year: 2024, month: 12, day: 15) ?? CivilDate(dayNumber: 0)

    @Test("an import's values name one batch; the audit trail still says who imported each value, when and how")
    func importedValuesNameTheirBatch() throws {
        let (store, _) = try StoreFixture.importedStore()
        let (batches, rows) = try store.queue.read { db in
            (
                try Row.fetchAll(db, sql: "SELECT id, imported_by, imported_at FROM import_batch"),
                try Row.fetchAll(db, sql: "SELECT import_batch, changed_by, changed_at, source FROM observation_revision")
            )
        }
        #expect(batches.count == 1)
        #expect(batches.first?[1] == "import")
        #expect(batches.first?[2] == "2026-01-01 00:00:00.000", "the clock's first tick")
        #expect(rows.count == 8, "the fixture's eight values")
        for row in rows {
            #expect(row[0] == 1 as Int64)
            #expect(row[1] == nil as String? && row[2] == nil as String? && row[3] == nil as String?, "said once, by the batch")
        }
        let history = try store.revisions(measure: "KBM-01", period: .quarter(2024, 2))
        #expect(history.map(\.changedBy) == ["import"])
        #expect(history.map(\.source) == [.import])
        #expect(history.first?.changedAt == Date(timeIntervalSince1970: 1_767_225_600))
    }

    @Test("a recorded value keeps its own authorship; a re-import writes a new batch only for what changed")
    func recordedAndReimported() throws {
        let clock = TickingClock()
        let (store, _) = try StoreFixture.importedStore(clock: clock)

        // The same files again change nothing and begin no batch.
        let same = try store.importCouncil(try CouncilDirectory(path: Fixture.directory).load(), by: "officer")
        #expect(!same.changedAnything)
        #expect(try store.queue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM import_batch") } == 1)

        // One value changed in the files: one new batch, holding that value alone.
        let changed = StoreFixture.observations(replacing: "KBI-03,2024-09,\"1,410\"", with: "KBI-03,2024-09,\"1,420\"")
        #expect(changed != Array(Fixture.observations), "the line to replace is in the fixture")
        let summary = try store.importCouncil(try CouncilDirectory(path: try Fixture.write(observations: changed)).load(), by: "officer")
        #expect(summary.revised == 1)
        let second = try store.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT b.imported_by, count(*) FROM observation_revision r JOIN import_batch b ON b.id = r.import_batch GROUP BY b.id ORDER BY b.id")
        }
        #expect(second.map { $0[0] as String } == ["import", "officer"])
        #expect(second.map { $0[1] as Int } == [8, 1])
        _ = try store.record(ValueEntry(measure: "KBM-01", period: "2024/25 Q2", value: "47", by: "jane"), today: Self.today)

        let kbi = try store.revisions(measure: "KBI-03", period: .month(2024, 9))
        #expect(kbi.map(\.changedBy) == ["import", "officer"])
        #expect(kbi.map(\.observation.value) == [1410, 1420])
        #expect(kbi.map(\.source) == [.import, .import])
        #expect(kbi[0].changedAt < kbi[1].changedAt)
        let kbm = try store.revisions(measure: "KBM-01", period: .quarter(2024, 2))
        #expect(kbm.map(\.changedBy) == ["import", "jane"])
        #expect(kbm.map(\.source) == [.import, .record])

        // The views people read with sqlite3 give the same, from the batch or the row.
        let viewed = try store.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT changed_by, source FROM observation_history WHERE measure IN ('KBI-03', 'KBM-01') AND period IN ('2024-09', '2024/25 Q2') ORDER BY id")
        }
        #expect(viewed.map { $0[0] as String } == ["import", "import", "officer", "jane"])
        #expect(viewed.map { $0[1] as String } == ["import", "import", "import", "record"])
    }

    @Test("batches and their values are append-only, and a row is either a batch's or carries its own authorship")
    func batchRowsAreGuarded() throws {
        let (store, _) = try StoreFixture.importedStore()
        try store.queue.write { db in
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE import_batch SET imported_by = 'someone else'") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM import_batch") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE observation_revision SET import_batch = NULL") }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: """
                    INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value, import_batch, changed_by, changed_at, source)
                    VALUES (1, 3, 2020, 1, 1, 'x', '2020-01-01 00:00:00.000', 'import')
                    """)
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO observation_revision (measure_id, period_kind, period_ordinal, value) VALUES (1, 3, 2020, 1)")
            }
        }
    }

    @Test("a schema-9 file is migrated: every revision keeps its id, value and authorship, and imports go in batches after")
    func migratesSchemaNine() throws {
        let path = try Self.schemaNineFile(holding: """
                INSERT INTO council (id, name, plan_title, reporting_period, changed_by, changed_at)
                VALUES (1, 'Old council', 'Plan', NULL, 'import', '2025-01-01 00:00:00.000');
                INSERT INTO measure (id, code, position, title, description, methodology, source, owner, service, team, tier, unit,
                  decimals, frequency, polarity, status, cumulative, lag_days)
                VALUES (1, 'M1', 0, 'Measure', '', '', '', 'Kate', 'Housing', 'Team', 'outcome', 'number', 0, 'monthly', 'higher',
                  'active', 0, 0);
                INSERT INTO observation_revision (id, measure_id, period_kind, period_ordinal, value, changed_by, changed_at, source)
                VALUES (5, 1, 0, 24293, 10, 'import', '2025-01-01 00:00:00.000', 'import'),
                       (9, 1, 0, 24293, 12, 'kate', '2025-02-01 00:00:00.000', 'record');
                """)

        let store = try SQLiteStore(path: path)
        let version = try store.queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }
        #expect(version == 11)
        let period = try #require(Period(kindValue: 0, ordinal: 24293))
        let history = try store.revisions(measure: "M1", period: period)
        #expect(history.map(\.changedBy) == ["import", "kate"])
        #expect(history.map(\.source) == [.import, .record])
        #expect(history.map(\.observation.value) == [10, 12])
        let ids = try store.queue.read { try Int.fetchAll($0, sql: "SELECT id FROM observation_revision ORDER BY id") }
        #expect(ids == [5, 9])
        try store.queue.write { db in
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM observation_revision") }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE observation_revision SET value = 0") }
        }
        let recorded = try store.record(ValueEntry(measure: "M1", period: period.description, value: "13", by: "jane"), today: Self.today)
        guard case .revised = recorded else { Issue.record("expected .revised, got \(recorded)"); return }
        #expect(try store.revisions(measure: "M1", period: period).map(\.changedBy) == ["import", "kate", "jane"])
        let viewed = try store.queue.read { db in
            try Row.fetchAll(db, sql: "SELECT period, changed_by, source, value FROM observation_history ORDER BY id")
        }
        #expect(viewed.map { $0[0] as String } == ["2024-06", "2024-06", "2024-06"])
        #expect(viewed.map { $0[1] as String } == ["import", "kate", "jane"])
        #expect(viewed.map { $0[2] as String } == ["import", "record", "record"])
    }

    @Test("a schema-9 file whose values name a measure that is not there is refused in a sentence, and left as it was")
    func inconsistentOldFile() throws {
        let path = try Self.schemaNineFile(holding: """
                INSERT INTO council (id, name, plan_title, reporting_period, changed_by, changed_at)
                VALUES (1, 'Old council', 'Plan', NULL, 'import', '2025-01-01 00:00:00.000');
                INSERT INTO observation_revision (id, measure_id, period_kind, period_ordinal, value, note, changed_by, changed_at, source)
                VALUES (5, 9999, 0, 24293, 10, 'x' || char(27) || '[2J', 'import', '2025-01-01 00:00:00.000', 'import');
                """)

        #expect {
            _ = try SQLiteStore(path: path)
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("\(path) is damaged, or was changed by hand (FOREIGN KEY constraint violation - from observation_revision(measure_id) to measure(id))")
                && text.hasSuffix("its data and schema were left as they were: restore it from a backup") && !text.contains("\u{1B}")
        }
        let reopened = try DatabaseQueue(path: path)
        #expect(try reopened.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } == 9)
        #expect(try reopened.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM observation_revision") } == 1)
    }

    /// A new file of schema 9 holding the rows `sql` inserts (foreign keys not checked: whatever they are).
    private static func schemaNineFile(holding sql: String) throws -> String {
        let path = try StoreFixture.databasePath()
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v9")
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA user_version = 9; PRAGMA foreign_keys = OFF")
            try db.execute(sql: sql)
        }
        try queue.close()
        return path
    }
}
