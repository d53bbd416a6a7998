import Foundation
import GRDB

/// The embedded store: one SQLite file in WAL mode, through GRDB (schema in `docs/schema.md`).
///
/// Several processes may read and write the same file at once: writes run in `IMMEDIATE` transactions and
/// wait (up to ``busyTimeout``) for one another, so a busy database is never reported as an error.
public final class SQLiteStore: CouncilStore {
    /// The database file's path.
    public let path: String
    /// One connection: GRDB's `DatabasePool` writes to the file each time it opens it (it creates and drops a
    /// table to make the WAL file non-empty), which would break "a failed or repeated import leaves the file
    /// byte for byte as it was". Other processes still read while this one writes, thanks to WAL mode.
    let queue: DatabaseQueue
    let clock: @Sendable () -> Date

    /// How long a write waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 60

    /// Opens the database at `path`, creating it (and any missing migration) when needed.
    ///
    /// - Parameter clock: the time revisions are stamped with (tests pass a fixed one).
    public init(path: String, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.path = path
        self.clock = clock
        self.queue = try DatabaseQueue(path: path, configuration: Self.configuration())
        try Self.setUpWAL(queue)
        try Self.migrate(queue)
    }

    static func configuration(readonly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.readonly = readonly
        configuration.label = "scorecard"
        configuration.prepareDatabase { db in
            // The usual choice in WAL mode: durable on commit except across a power cut, and much faster.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return configuration
    }

    /// Brings the schema up to date; writes nothing when it already is, and copes with another process
    /// migrating the same new file at the same moment.
    private static func migrate(_ queue: DatabaseQueue) throws {
        let migrator = StoreSchema.migrator
        if try queue.read({ try migrator.hasCompletedMigrations($0) }) { return }
        do {
            try migrator.migrate(queue)
        } catch {
            // Another process may have migrated between our check and our write.
            guard try queue.read({ try migrator.hasCompletedMigrations($0) }) else { throw error }
        }
    }

    /// Puts a new database in WAL mode (which the file then remembers); reads only, for one already in it.
    private static func setUpWAL(_ queue: DatabaseQueue) throws {
        try queue.writeWithoutTransaction { db in
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" else { return }
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                throw DatabaseError(message: "could not put the database in WAL mode")
            }
        }
    }

    /// Whether a database file exists at `path`.
    public static func exists(at path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    public func isEmpty() throws -> Bool {
        try queue.read { db in try !Bool.exists(db, "SELECT 1 FROM council") }
    }

    /// Runs `body` in one `IMMEDIATE` transaction (committed unless it throws) and returns its result.
    func writeTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try queue.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            guard let result else { throw DatabaseError(message: "the transaction returned nothing") }
            return result
        }
    }

    public func makeChangeWatcher() throws -> any ChangeWatcher {
        try SQLiteChangeWatcher(path: path)
    }
}

extension Bool {
    /// Whether `sql` returns at least one row.
    static func exists(_ db: Database, _ sql: String, arguments: StatementArguments = StatementArguments()) throws -> Bool {
        try Row.fetchOne(db, sql: sql, arguments: arguments) != nil
    }
}

/// Timestamps as GRDB stores dates: UTC text, `2026-11-24 08:04:58.123`, which sorts and reads well in `sqlite3`.
enum StoreTime {
    static func text(_ date: Date) -> String {
        String.fromDatabaseValue(date.databaseValue) ?? ""
    }

    static func date(_ text: String) -> Date? {
        Date.fromDatabaseValue(text.databaseValue)
    }
}
