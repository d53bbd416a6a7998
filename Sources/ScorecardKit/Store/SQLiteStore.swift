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
    /// What SQLite opens to read the file on another connection (see ``DatabaseFile/readOnlyOpenPath``).
    let readPath: String
    let clock: @Sendable () -> Date
    /// Whether the file (or its folder) cannot be written, so that it was opened for reading only.
    public let isReadOnly: Bool
    /// Whether `PRAGMA quick_check` passed, checked before the first write.
    private let integrity: IntegrityCheck
    /// Whether only signed-off values are read (what a member would see), and nothing is written.
    public let showsPublishedOnly: Bool
    /// Whether imported values name their import batch (schema 10); false only for an older file opened read-only.
    let hasImportBatches: Bool
    /// Whether targets can be proposed (schema 11); false only for an older file opened read-only.
    let hasTargetProposals: Bool
    /// The file opened, checked before each write (`nil` for a new file being bulk loaded).
    let identity: FileIdentity?

    /// How long a write waits for another process's transaction before giving up.
    public static let busyTimeout: TimeInterval = 60

    /// Opens the database at `path`, creating it (and any missing migration) when needed; a file that cannot be
    /// written is opened for reading only (see ``isReadOnly``). Files of an import that was interrupted are
    /// removed.
    ///
    /// - Parameters:
    ///   - publishedOnly: read only signed-off values, as a member of a shared store would see them, and write
    ///     nothing (a file cannot enforce roles: whoever can open it can read its drafts with `sqlite3`).
    ///   - clock: the time revisions are stamped with (tests pass a fixed one).
    /// - Throws: ``StoreError`` for a file that is not a Scorecard database, or is a newer one: it is left untouched.
    public init(path: String, publishedOnly: Bool = false, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        self.path = path
        self.clock = clock
        self.showsPublishedOnly = publishedOnly
        let file = DatabaseFile(path: path)
        let access = try file.inspect()
        self.isReadOnly = access == .readOnly
        self.integrity = IntegrityCheck(passed: access == .new)
        if isReadOnly {
            self.readPath = file.readOnlyOpenPath
            self.queue = try DatabaseQueue(path: readPath, configuration: Self.configuration(readonly: true))
        } else {
            self.readPath = path
            file.removeStaleTemporaries()
            file.repairSidecarPermissions()
            self.queue = try DatabaseQueue(path: path, configuration: Self.configuration())
            // Changing the journal mode or migrating writes to the file: check it is sound first.
            if try Self.needsUpgrade(queue) {
                if access != .new {
                    let version = try queue.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } ?? 0
                    try Self.checkTables(version >= StoreSchema.version ? Self.tables : Self.firstTables, queue, path: path)
                }
                try integrity.verify(path: path, queue: queue)
                try Self.setUpWAL(queue)
                try Self.migrate(queue, path: path)
            }
        }
        // A file opened for writing is of this schema now; an older one opened read-only has the tables of schema 1.
        let tables = try Self.checkTables(isReadOnly ? Self.firstTables : Self.tables, queue, path: path)
        self.hasImportBatches = tables.contains("import_batch")
        self.hasTargetProposals = tables.contains("target_proposal")
        self.identity = FileIdentity(path: path)
    }

    /// The file's tables, once it is known to have every one of `required`.
    /// - Throws: ``StoreError/incomplete(path:missing:)`` naming those it lacks (damaged, or changed by hand).
    @discardableResult
    private static func checkTables(_ required: [String], _ queue: DatabaseQueue, path: String) throws -> Set<String> {
        let tables = try queue.read { try Set(String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")) }
        let missing = required.filter { !tables.contains($0) }
        guard missing.isEmpty else { throw StoreError.incomplete(path: path, missing: missing) }
        return tables
    }

    /// The tables of schema 1, which every file has.
    static let firstTables = ["council", "priority", "delivery_plan", "action", "measure", "observation_revision", "target_revision"]
    /// The tables of this schema (docs/schema.md).
    static let tables = firstTables + ["meeting", "recent_revisions", "recent_revisions_mark", "import_batch", "target_proposal"]

    /// Opens a new file that no other connection knows about yet (see ``createImporting(_:at:by:clock:progress:)``)
    /// for bulk loading: no journal, no syncing, no per-row foreign-key check. A failure there leaves a file
    /// that is thrown away, so none of these guards is needed; ``finishBulkLoad()`` puts it in WAL mode.
    init(bulkLoading path: String, clock: @escaping @Sendable () -> Date) throws {
        self.path = path
        self.readPath = path
        self.clock = clock
        self.isReadOnly = false
        self.showsPublishedOnly = false
        self.integrity = IntegrityCheck(passed: true)
        var configuration = Self.configuration()
        configuration.foreignKeysEnabled = false
        configuration.prepareDatabase { db in
            try db.execute(
                sql: "PRAGMA page_size = \(Self.newFilePageSize); PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536")
        }
        self.queue = try DatabaseQueue(path: path, configuration: configuration)
        try Self.migrate(queue, path: path)
        self.hasImportBatches = true
        self.hasTargetProposals = true
        self.identity = nil
    }

    /// The page size of a file made by an import (a file's page size is fixed when it is made): 16 KB rather than
    /// SQLite's 4 KB. Importing 6.1 million values (50,000 measures) took a median 7.96 s against 9.15 s (five
    /// runs each, alternated), as the writer, the import's slower thread, writes a quarter as many pages; opening
    /// the dashboard, judging an earlier period and recording a value took the same time on either file.
    static let newFilePageSize = 16384

    /// Puts a bulk-loaded file in WAL mode, as every store is, and closes it.
    func finishBulkLoad() throws {
        try queue.writeWithoutTransaction { db in
            guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                throw DatabaseError(message: "could not put the database in WAL mode")
            }
        }
        try queue.close()
    }

    /// Imports `council` into the database at `path`, creating it when there is none.
    ///
    /// A new database is built under a temporary name in the same folder, with bulk-loading settings, and
    /// linked into place only once complete: a failure leaves no file, and another process never sees a
    /// half-made one. If another process created the file meanwhile, the council is imported into that one
    /// as into any existing database.
    public static func importCouncil(
        _ council: Council, into path: String, by: String, clock: @escaping @Sendable () -> Date = { Date() },
        progress: ImportProgress? = nil, accept: ((ImportSummary) throws -> Void)? = nil
    ) throws -> ImportSummary {
        DatabaseFile(path: path).removeStaleTemporaries()
        if !exists(at: path), let summary = try createImporting(council, at: path, by: by, clock: clock, progress: progress) {
            return summary
        }
        return try SQLiteStore(path: path, clock: clock).importCouncil(council, by: by, progress: progress, accept: accept)
    }

    /// Builds a new database holding `council` and links it in at `path`; nil when a file appeared there meanwhile.
    private static func createImporting(
        _ council: Council, at path: String, by: String, clock: @escaping @Sendable () -> Date, progress: ImportProgress?
    ) throws -> ImportSummary? {
        let temporary = path + ".new-\(ProcessInfo.processInfo.processIdentifier)"
        let leftovers = ["", "-wal", "-shm", "-journal"].map { temporary + $0 }
        for file in leftovers { try? FileManager.default.removeItem(atPath: file) }
        defer { for file in leftovers { try? FileManager.default.removeItem(atPath: file) } }
        let store = try SQLiteStore(bulkLoading: temporary, clock: clock)
        let summary = try store.importCouncil(council, by: by, progress: progress)
        try store.finishBulkLoad()
        if link(temporary, path) != 0 {
            if errno == EEXIST { return nil }
            throw DatabaseError(message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
        return summary
    }

    static func configuration(readonly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.busyMode = .callback(BusyWait.handler)
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
    private static func migrate(_ queue: DatabaseQueue, path: String) throws {
        let migrator = StoreSchema.migrator
        if try queue.read({ try migrator.hasCompletedMigrations($0) }) { return }
        do {
            try migrator.migrate(queue)
        } catch {
            // Another process may have migrated between our check and our write.
            guard try queue.read({ try migrator.hasCompletedMigrations($0) }) else {
                guard let error = error as? DatabaseError else { throw error }
                let problem = error.message ?? "\(error.resultCode)"
                if error.resultCode.primaryResultCode == .SQLITE_CONSTRAINT {
                    // The rows the migration checks contradict each other (a value of a measure that is gone): the
                    // message up to the row itself, which it would print whole.
                    let rule = problem.range(of: ", in [").map { String(problem[..<$0.lowerBound]) } ?? problem
                    throw StoreError.inconsistent(path: path, problem: rule.terminalSafe.excerpt(200))
                }
                guard error.resultCode == .SQLITE_ERROR else { throw error }
                throw StoreError.cannotUpgrade(path: path, problem: problem.terminalSafe)
            }
        }
    }

    /// Whether the file is not yet in WAL mode or lacks a migration (reads only).
    private static func needsUpgrade(_ queue: DatabaseQueue) throws -> Bool {
        try queue.read { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" || !StoreSchema.migrator.hasCompletedMigrations(db)
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

    /// Removes what an import into `path` that was killed midway left behind (`PATH.new-PID` files whose process is
    /// no longer running); every import and every opening of the store does this too.
    public static func removeStaleTemporaries(of path: String) {
        DatabaseFile(path: path).removeStaleTemporaries()
    }

    /// Whether a database file exists at `path`.
    public static func exists(at path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    /// Closes the connection; the store cannot be used after.
    public func close() throws {
        try queue.close()
    }

    /// The council's reporting period when everything in the database, the framework and every revision of a
    /// value or target, was written by `author` (a sample nobody has touched); `nil` otherwise.
    public func reportingPeriod(ifEverythingBy author: String) throws -> Period? {
        try queue.read { db in
            guard try db.tableExists("council"),
                let row = try Row.fetchOne(db, sql: "SELECT reporting_period, changed_by FROM council"),
                row.text(1) == author,
                try !Bool.exists(db, "SELECT 1 FROM observation_revision WHERE changed_by <> ?", arguments: [author]),
                try !hasImportBatches || !Bool.exists(db, "SELECT 1 FROM import_batch WHERE imported_by <> ?", arguments: [author]),
                try !Bool.exists(db, "SELECT 1 FROM target_revision WHERE changed_by <> ?", arguments: [author])
            else { return nil }
            return (row.lenient(0) as String?).flatMap { Period(parsing: $0) }
        }
    }

    public var access: StoreAccess {
        let writable = !isReadOnly && !showsPublishedOnly
        return StoreAccess(role: nil, seesPublishedOnly: showsPublishedOnly, canRecord: writable, canSignOff: writable)
    }

    public func isEmpty() throws -> Bool {
        try queue.read { db in try !db.tableExists("council") || !Bool.exists(db, "SELECT 1 FROM council") }
    }

    public func councilName() throws -> String? {
        try queue.read { db in try db.tableExists("council") ? String.fetchOne(db, sql: "SELECT CAST(name AS TEXT) FROM council") : nil }
    }

    /// Runs `body` in one `IMMEDIATE` transaction (committed unless it throws) and returns its result.
    ///
    /// - Throws: ``StoreError/readOnly(path:)`` or ``StoreError/damaged(path:problem:)`` before anything is written.
    func writeTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        guard !isReadOnly else { throw StoreError.readOnly(path: path) }
        guard !showsPublishedOnly else { throw StoreError.showingPublishedOnly }
        try identity?.check(path: path)
        try integrity.verify(path: path, queue: queue)
        return try queue.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                // Whatever the body wrote, the kept latest revisions follow it in the same transaction.
                try RecentRevisions.catchUp(db)
                return .commit
            }
            guard let result else { throw DatabaseError(message: "the transaction returned nothing") }
            return result
        }
    }

    public func makeChangeWatcher() throws -> any ChangeWatcher {
        try SQLiteChangeWatcher(path: path, openPath: readPath) { [queue, isReadOnly] in
            // SQLite leaves the WAL of a file that has moved when its last connection closes, so the old file's
            // last commits are checkpointed into it (wherever it went) by hand first, and the WAL at the path
            // emptied: the file now there reads no page of the old one's.
            if !isReadOnly { try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") } }
            try? queue.close()
        }
    }
}

extension Bool {
    /// Whether `sql` returns at least one row.
    static func exists(_ db: Database, _ sql: String, arguments: StatementArguments = StatementArguments()) throws -> Bool {
        try Row.fetchOne(db, sql: sql, arguments: arguments) != nil
    }
}

/// Timestamps as GRDB stores dates: UTC text, `2026-11-24 08:04:58.123`, which sorts and reads well in `sqlite3`.
///
/// Read and written with the C library's `timegm` and `gmtime_r` rather than through GRDB's `Date` conversion,
/// which goes through Foundation's calendar: that loads ICU's time-zone data, and the dashboard's change
/// watcher reads a time stamp as it opens, so every dashboard held 4 MB more (measured with `VmHWM` and
/// page-fault profiles). Any other form GRDB reads is still read by GRDB.
enum StoreTime {
    static func text(_ date: Date) -> String {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var seconds = time_t(milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000)
        let fraction = Int(milliseconds - Int64(seconds) * 1000)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil, (0...9999).contains(parts.tm_year + 1900) else {
            return String.fromDatabaseValue(date.databaseValue) ?? ""
        }
        func digits(_ value: Int, _ count: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, count - text.count)) + text
        }
        return "\(digits(Int(parts.tm_year) + 1900, 4))-\(digits(Int(parts.tm_mon) + 1, 2))-\(digits(Int(parts.tm_mday), 2)) "
            + "\(digits(Int(parts.tm_hour), 2)):\(digits(Int(parts.tm_min), 2)):\(digits(Int(parts.tm_sec), 2)).\(digits(fraction, 3))"
    }

    static func date(_ text: String) -> Date? {
        parsed(text) ?? Date.fromDatabaseValue(text.databaseValue)
    }

    /// `YYYY-MM-DD HH:MM:SS.SSS` exactly (what `text` writes), else `nil`.
    private static func parsed(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 23, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: " "),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: ".")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else { return nil }
                value = value * 10 + Int(bytes[i] - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), let hour = number(11..<13),
            let minute = number(14..<16), let second = number(17..<19), let milliseconds = number(20..<23),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: TimeInterval(seconds) + TimeInterval(milliseconds) / 1000)
    }
}
