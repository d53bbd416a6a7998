import Foundation
import GRDB
import Testing

@testable import ScorecardKit

/// What the store does with files that are not (or not yet, or no longer) sound Scorecard databases.
@Suite("Database files: foreign, newer, damaged, old and left over")
struct StoreFileTests {
    static let today = CivilDate(year: 2024, month: 12, day: 15) ?? CivilDate(dayNumber: 0)

    static func council() throws -> Council { try CouncilDirectory(path: Fixture.directory).load() }

    /// Expects `body` to throw `expected` and the file at `path` to keep its bytes.
    static func expectRefused(_ path: String, _ expected: StoreError, _ body: () throws -> Void) {
        let before = StoreFixture.bytes(path)
        #expect(throws: expected) { try body() }
        let unchanged = StoreFixture.bytes(path) == before
        #expect(unchanged, "the file was changed")
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("a file deleted or replaced while open is said so by the watcher, and nothing is written to the old one")
    func deletedOrReplacedWhileOpen() throws {
        let (store, path) = try StoreFixture.importedStore()
        let watcher = try store.makeChangeWatcher()
        let entry = ValueEntry(measure: "KBI-01", period: "2024-10", value: "88", by: "alice")
        // Another database put in its place (a copy renamed over it, as `cp` to a new name and `mv` do).
        let (_, other) = try StoreFixture.importedStore()
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.copyItem(atPath: other, toPath: path)
        #expect(throws: StoreError.fileReplaced(path: path, deleted: false)) { try watcher.hasChanged() }
        #expect(throws: StoreError.fileReplaced(path: path, deleted: false)) { try store.record(entry, today: Self.today) }
        #expect(try SQLiteStore(path: path).revisions(measure: "KBI-01", period: .month(2024, 10)).isEmpty, "nothing written to either")
        try FileManager.default.removeItem(atPath: path)
        #expect(throws: StoreError.fileReplaced(path: path, deleted: true)) { try store.record(entry, today: Self.today) }
        #expect(StoreError.fileReplaced(path: path, deleted: true).description.hasPrefix("the database file was deleted while open"))
    }

    @Test("a file replaced while open leaves no page of the old one to the new: the old one's last commits are not read into it")
    func replacedWhileOpenKeepsTheOldWALOutOfTheNew() throws {
        let (store, path) = try StoreFixture.importedStore()
        let watcher = try store.makeChangeWatcher()
        // The old file's last commit, still in its WAL (the open store holds it, so nothing checkpointed it away).
        _ = try SQLiteStore(path: path).record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "22", by: "old"), today: Self.today)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        // A new file renamed over it, with a value of its own for the same period.
        let (newer, other) = try StoreFixture.importedStore()
        _ = try newer.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "11", by: "new"), today: Self.today)
        try newer.close()
        #expect(rename(other, path) == 0)
        #expect(throws: StoreError.fileReplaced(path: path, deleted: false)) { try watcher.hasChanged() }
        // Opened now, the file at the path is the new one alone (the old one's WAL beside it took its place: 22).
        #expect(try SQLiteStore(path: path).revisions(measure: "KBI-01", period: .month(2024, 10)).map(\.observation.value) == [11])
    }

    @Test("another application's SQLite database is refused and left untouched")
    func foreign() throws {
        let path = try StoreFixture.databasePath()
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5)") }
        try queue.close()
        Self.expectRefused(path, .foreign(path: path)) { _ = try SQLiteStore.importCouncil(try Self.council(), into: path, by: "a") }
        Self.expectRefused(path, .foreign(path: path)) { _ = try SQLiteStore(path: path) }
    }

    @Test("a file stamped with another application id is refused without being opened")
    func otherApplicationID() throws {
        let (_, path) = try StoreFixture.importedStore()
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA application_id = 1234; PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE") }
        try queue.close()
        Self.expectRefused(path, .foreign(path: path)) { _ = try SQLiteStore(path: path) }
    }

    @Test("a database of a newer schema is refused and left untouched")
    func newer() throws {
        let (_, path) = try StoreFixture.importedStore()
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = \(StoreSchema.version + 1); PRAGMA journal_mode = DELETE") }
        try queue.close()
        Self.expectRefused(path, .newerSchema(path: path, version: StoreSchema.version + 1)) { _ = try SQLiteStore(path: path) }
        #expect(StoreError.newerSchema(path: "x", version: 3).description.contains("made by a newer version of Scorecard"))
    }

    @Test("a database stamped with a negative schema number is refused as changed by hand, not as a newer one")
    func negativeVersion() throws {
        let (_, path) = try StoreFixture.importedStore()
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = -1; PRAGMA journal_mode = DELETE") }
        try queue.close()
        let expected = StoreError.inconsistent(path: path, problem: "its schema number is -1, which no Scorecard writes")
        Self.expectRefused(path, expected) { _ = try SQLiteStore(path: path) }
    }

    @Test("a file missing a table Scorecard needs is refused by name before anything is read or written", arguments: [
        ["action"], ["recent_revisions"], ["measure", "import_batch"],
    ])
    func missingTables(_ dropped: [String]) throws {
        let (_, path) = try StoreFixture.importedStore()
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            for table in dropped { try db.execute(sql: "DROP TABLE \(table)") }
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
        }
        try queue.close()
        let missing = SQLiteStore.tables.filter(dropped.contains)
        Self.expectRefused(path, .incomplete(path: path, missing: missing)) { _ = try SQLiteStore(path: path) }
        #expect(StoreError.incomplete(path: "f", missing: ["action"]).description.hasPrefix("f is not a complete Scorecard database: the table action is missing"))
    }

    @Test("SQLite's own errors about the file read as sentences: locked too long, damaged, missing a table")
    func plainErrors() {
        #expect(StoreError.plain(DatabaseError(resultCode: .SQLITE_BUSY, message: "database is locked")) as? StoreError == .locked)
        #expect(StoreError.plain(DatabaseError(resultCode: .SQLITE_CORRUPT, message: "database disk image is malformed")) as? StoreError
            == .damagedWhileUsed(problem: "database disk image is malformed"))
        #expect(StoreError.plain(DatabaseError(resultCode: .SQLITE_ERROR, message: "no such table: action")) as? StoreError
            == .damagedWhileUsed(problem: "no such table: action"))
        #expect(StoreError.plain(DatabaseError(resultCode: .SQLITE_CONSTRAINT, message: "x")) is DatabaseError)
        #expect(StoreError.locked.description.contains("locked by another process for more than 60 s"))
    }

    @Test("a file that is not SQLite, or a folder, is refused and left untouched")
    func notSQLite() throws {
        let path = try StoreFixture.databasePath()
        try Data("measure,period,value\n".utf8).write(to: URL(fileURLWithPath: path))
        Self.expectRefused(path, .notSQLite(path: path)) { _ = try SQLiteStore(path: path) }
        let folder = (path as NSString).deletingLastPathComponent
        #expect(throws: StoreError.notSQLite(path: folder)) { _ = try SQLiteStore(path: folder) }
    }

    @Test("a damaged file is refused before anything is written to it, on opening or on the first write",
          arguments: ["WAL", "DELETE"])
    func damaged(journalMode: String) throws {
        let (store, path) = try StoreFixture.importedStore()
        try store.queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = \(journalMode)") }
        try store.queue.close()
        // Overwrite the middle of the file, where the tables' pages are.
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        handle.write(Data(repeating: 0xFF, count: 4096))
        try handle.close()
        let before = StoreFixture.bytes(path)
        let error = try #require(throws: StoreError.self) {
            let reopened = try SQLiteStore(path: path)
            _ = try reopened.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "50", by: "a"), today: Self.today)
        }
        guard case .damaged(let damagedPath, let problem) = error else {
            Issue.record("expected .damaged, got \(error)")
            return
        }
        #expect(damagedPath == path)
        #expect(!problem.isEmpty && !problem.contains("\n"))
        let unchanged = StoreFixture.bytes(path) == before
        #expect(unchanged, "the file was changed")
    }

    @Test("a database from before the stamp (schema 1) is recognised, migrated and stamped")
    func legacy() throws {
        let path = try StoreFixture.databasePath()
        let queue = try DatabaseQueue(path: path)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in for statement in StoreSchema.v1 { try db.execute(sql: statement) } }
        try migrator.migrate(queue)
        try queue.close()
        let store = try SQLiteStore(path: path)
        _ = try store.importCouncil(try Self.council(), by: "import")
        let stamp = try store.queue.read { db in
            (try Int32.fetchOne(db, sql: "PRAGMA application_id"), try Int.fetchOne(db, sql: "PRAGMA user_version"))
        }
        #expect(stamp.0 == StoreSchema.applicationID)
        #expect(stamp.1 == StoreSchema.version)
        #expect(try store.loadCouncil() == (try Self.council()))
        try Self.expectPeriodTexts(store)
    }

    @Test("the views give each value's and target's period as text, as the files write it; the tables keep kind and ordinal only")
    func periodTexts() throws {
        let (store, _) = try StoreFixture.importedStore()
        try Self.expectPeriodTexts(store)
    }

    /// Expects every row of the views to carry its period's canonical text, and the revision tables none.
    static func expectPeriodTexts(_ store: SQLiteStore) throws {
        try store.queue.read { db in
            for view in ["observation", "published_observation", "target", "observation_history"] {
                let rows = try Row.fetchAll(db, sql: "SELECT period_kind, period_ordinal, period FROM \(view)")
                #expect(!rows.isEmpty, "\(view) has rows")
                for row in rows {
                    let period = try #require(Period.Kind(rawValue: row[0]).map { Period(kind: $0, ordinal: row[1]) })
                    #expect(row[2] == period.description, "\(view): \(period)")
                }
            }
            let kinds = try Int.fetchAll(db, sql: "SELECT DISTINCT period_kind FROM observation ORDER BY 1")
            #expect(kinds.count > 1, "more than one kind of period is checked")
            for table in ["observation_revision", "target_revision"] {
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('\(table)')")
                #expect(!columns.contains("period"), "\(table) computes no period text on insert")
            }
        }
    }

    @Test("limits set in the framework are kept in the database and checked when recording")
    func limitsStored() throws {
        var council = try Self.council()
        let calls = try #require(council.measureIndex(code: "KBI-03"))
        council.measures[calls].maximum = 5000
        let path = try StoreFixture.databasePath()
        let store = try SQLiteStore(path: path)
        _ = try store.importCouncil(council, by: "import")
        #expect(try store.loadCouncil().measures[calls].maximum == 5000)
        let error = try #require(throws: ValueEntryError.self) {
            _ = try store.record(ValueEntry(measure: "KBI-03", period: "2024-10", value: "5,001", by: "a"), today: Self.today)
        }
        #expect(error.message(for: .value) == "5,001 is above this measure's maximum of 5,000")
    }

    @Test("files an interrupted import left behind are removed on the next run")
    func staleTemporaries() throws {
        let path = try StoreFixture.databasePath()
        // A process id above Linux's largest (2^22) is never running.
        let stale = path + ".new-99999999"
        for suffix in ["", "-wal", "-shm"] { #expect(FileManager.default.createFile(atPath: stale + suffix, contents: Data("x".utf8))) }
        let live = path + ".new-\(ProcessInfo.processInfo.processIdentifier)-other"
        #expect(FileManager.default.createFile(atPath: live, contents: Data("x".utf8)))
        _ = try SQLiteStore.importCouncil(try Self.council(), into: path, by: "import")
        for suffix in ["", "-wal", "-shm"] { #expect(!FileManager.default.fileExists(atPath: stale + suffix)) }
        #expect(FileManager.default.fileExists(atPath: live), "a running process's file is kept")
    }

    @Test("a database in a folder that cannot be written opens read-only, and refuses to record")
    func readOnlyFolder() throws {
        guard getuid() != 0 else { return }  // Permissions do not bind root.
        let (store, path) = try StoreFixture.importedStore()
        try store.queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try store.queue.close()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let folder = (path as NSString).deletingLastPathComponent
        chmod(folder, 0o555)
        defer { chmod(folder, 0o755) }
        let readOnly = try SQLiteStore(path: path)
        #expect(readOnly.isReadOnly)
        #expect(try readOnly.loadCouncil() == (try Self.council()))
        #expect(throws: StoreError.readOnly(path: path)) {
            _ = try readOnly.record(ValueEntry(measure: "KBI-01", period: "2024-10", value: "50", by: "a"), today: Self.today)
        }
    }

    @Test("a database edited by hand with nonsense in its columns still loads and judges, without a trap")
    func nonsenseColumns() throws {
        let path = try StoreFixture.editedByHand("""
            PRAGMA foreign_keys = OFF;
            UPDATE measure SET cumulative = 'yes', profile = 'a,b' WHERE code = 'KBI-01';
            UPDATE council SET name = 7, reporting_period = 'never';
            UPDATE priority SET title = x'00ff' WHERE code = 'P1';
            UPDATE action SET percent_complete = 'half', due = '99999-99-99';
            DROP TRIGGER observation_revision_no_update;
            UPDATE observation_revision SET period_ordinal = 9000000000000000000 WHERE id = 1;
            UPDATE observation_revision SET measure_id = -1 WHERE id = 2;
            UPDATE observation_revision SET period_kind = 99 WHERE id = 3;
            UPDATE observation_revision SET value = 'lots', note = 12 WHERE id = 4;
            INSERT INTO measure (id, code, title, description, methodology, source, owner, service, team, tier, unit,
              decimals, frequency, polarity, status, cumulative, lag_days)
              VALUES (4611686018427387904, 'HUGE', 'x', '', '', '', '', '', '', 'kbi', '', 0, 'monthly', 'higher', 'active', 0, 30);
            """)
        let council = try SQLiteStore(path: path).loadCouncil()
        let evaluation = council.evaluate(asAt: council.defaultReportingPeriod(today: Self.today), today: Self.today)
        let report = StatusReport(council: council, evaluation: evaluation)
        #expect(report.measures.count == council.measures.count)
    }

    @Test("a database edited by hand to give a measure a field no data file could have made is refused, naming it",
          arguments: [
            ("frequency = 'fortnightly'", "measure KBI-02: frequency \"fortnightly\""),
            ("polarity = 'sideways'", "measure KBI-02: polarity \"sideways\""),
            ("tolerance = 'loose'", "measure KBI-02: tolerance \"loose\""),
            ("tolerance = '-5%'", "measure KBI-02: tolerance \"-5%\""),
            ("decimals = 1000", "measure KBI-02: decimals 1000"),
            ("decimals = 'many'", "measure KBI-02: decimals \"many\""),
            ("lag_days = 99999999999999", "measure KBI-02: lag_days 99999999999999"),
            ("tier = 42", "measure KBI-02: tier \"42\""),
            ("status = 'paused'", "measure KBI-02: status \"paused\""),
            ("polarity = 'band', band = 'wide'", "measure KBI-02: band \"wide\""),
            ("minimum = 'low'", "measure KBI-02: minimum \"low\""),
            ("maximum = 1e308", "measure KBI-02: maximum 1e+308"),
          ])
    func unreadableMeasureField(_ change: String, _ named: String) throws {
        // Read as a default, a quarterly measure taken for monthly showed its values as no data, without a word.
        let path = try StoreFixture.editedByHand("UPDATE measure SET \(change) WHERE code = 'KBI-02';")
        for load in [{ try SQLiteStore(path: path).loadCouncil() }, { try SQLiteStore(path: path).loadRecentCouncil(periods: 4) }] {
            #expect(throws: StoreError.inconsistent(path: path, problem: "\(named), which Scorecard never writes")) { _ = try load() }
        }
    }

    @Test("a database edited by hand to hold a measure code twice is refused, not shown with the measure twice")
    func repeatedCode() throws {
        let path = try StoreFixture.editedByHand("""
            PRAGMA foreign_keys = OFF;
            PRAGMA legacy_alter_table = ON;
            CREATE TABLE loose AS SELECT * FROM measure;
            DROP TABLE measure;
            ALTER TABLE loose RENAME TO measure;
            INSERT INTO measure SELECT * FROM measure WHERE code = 'KBI-02';
            UPDATE measure SET id = 999 WHERE rowid = (SELECT max(rowid) FROM measure);
            """)
        for load in [{ try SQLiteStore(path: path).loadCouncil() }, { try SQLiteStore(path: path).loadRecentCouncil(periods: 4) }] {
            #expect(throws: StoreError.inconsistent(path: path, problem: "the measure code KBI-02 is held twice")) { _ = try load() }
        }
    }

    @Test("a pipe or a device given as the database is refused at once (opening a pipe waited for a writer for ever)")
    func pipeOrDevice() throws {
        let pipe = try StoreFixture.databasePath()
        #expect(mkfifo(pipe, 0o600) == 0)
        #expect(throws: StoreError.notAFile(path: pipe)) { try SQLiteStore(path: pipe) }
        #expect(throws: StoreError.notAFile(path: pipe)) { try SQLiteStore(path: pipe, publishedOnly: true) }
        #expect(throws: StoreError.notAFile(path: "/dev/null")) { try SQLiteStore(path: "/dev/null") }
    }

    @Test("a damaged file read by a command that only reads says it is damaged, not an SQLite error")
    func damagedOnRead() throws {
        let (store, path) = try StoreFixture.importedStore()
        try store.queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try store.close()
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        let size = try handle.seekToEnd()
        // A third of the file from its middle: whatever pages the schema puts there, the values' are among them.
        try handle.seek(toOffset: size / 3)
        handle.write(Data(repeating: 0xFF, count: Int(size / 3)))
        try handle.close()
        let error = try #require(throws: StoreError.self) { _ = try SQLiteStore(path: path).loadCouncil() }
        guard case .damaged = error else {
            Issue.record("expected .damaged, got \(error)")
            return
        }
    }

    @Test("a newer schema is refused from the file's header, without opening it (no WAL files appear)")
    func newerFromHeader() throws {
        let (store, path) = try StoreFixture.importedStore()
        try store.queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE)") }
        try store.close()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        #expect(throws: StoreError.newerSchema(path: path, version: 99)) { _ = try SQLiteStore(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
    }

    @Test("a measure code is found whatever its case, and recorded under its own")
    func codeInAnyCase() throws {
        let (store, _) = try StoreFixture.importedStore()
        guard case .added(let revision) = try store.record(ValueEntry(measure: "kbi-01", period: "2024-10", value: "88", by: "a"), today: Self.today) else {
            Issue.record("expected .added")
            return
        }
        #expect(revision.measureCode == "KBI-01")
    }
}
