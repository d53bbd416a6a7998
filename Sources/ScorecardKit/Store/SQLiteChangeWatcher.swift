import Foundation
import GRDB

/// Notices commits to a SQLite store by any process, by polling `PRAGMA data_version` on a connection of its
/// own (a few microseconds a poll; the tables are not read unless something changed).
///
/// GRDB's `ValueObservation` sees only this process's writes; `data_version` changes whenever any other
/// connection, in this process or another, commits. The watcher's connection never writes, so every
/// commit counts.
public final class SQLiteChangeWatcher: ChangeWatcher {
    private let queue: DatabaseQueue
    private var version: Int
    public private(set) var lastChangedAt: Date?
    private let path: String
    /// The file watched: one deleted, or replaced by another, is reported (``StoreError/fileReplaced(path:deleted:)``).
    private let identity: FileIdentity?

    /// Watches the database at `path`, which must exist, opened as `openPath` (its store's read path: a file
    /// whose folder this login cannot write, and whose WAL index nobody has made, is opened immutable, as
    /// SQLite can open it no other way).
    public init(path: String, openPath: String? = nil) throws {
        self.path = path
        identity = FileIdentity(path: path)
        queue = try DatabaseQueue(path: openPath ?? path, configuration: SQLiteStore.configuration(readonly: true))
        version = 0
        version = try currentVersion()
        lastChangedAt = try readLastChange()
    }

    public func hasChanged() throws -> Bool {
        try identity?.check(path: path)
        let now = try currentVersion()
        guard now != version else { return false }
        version = now
        lastChangedAt = try readLastChange()
        return true
    }

    private func currentVersion() throws -> Int {
        try queue.inDatabase { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }

    /// The latest time stamped on a revision, a sign-off, a target proposed or the framework (each found by an
    /// index: the latest row of its table).
    private func readLastChange() throws -> Date? {
        let text = try queue.inDatabase { db in
            // An imported value's time is its import batch's (schema 10; an older file read-only has no batches).
            let (columns, join) = StoreSchema.authorship(of: "r", batches: try db.tableExists("import_batch"))
            let proposals = try db.tableExists("target_proposal")
                ? "UNION ALL SELECT proposed_at FROM target_proposal WHERE id = (SELECT max(id) FROM target_proposal)" : ""
            let signOffs = try db.columns(in: "observation_revision").contains { $0.name == "sign_off" }
                ? "UNION ALL SELECT published_at FROM observation_revision WHERE sign_off = (SELECT max(sign_off) FROM observation_revision)"
                : ""
            return try String.fetchOne(
                db,
                sql: """
                    SELECT max(t) FROM (
                      SELECT changed_at AS t FROM (
                        SELECT \(columns) FROM observation_revision r \(join)
                        WHERE r.id = (SELECT max(id) FROM observation_revision))
                      UNION ALL SELECT changed_at FROM target_revision WHERE id = (SELECT max(id) FROM target_revision)
                      \(proposals)
                      \(signOffs)
                      UNION ALL SELECT changed_at FROM council)
                    """)
        }
        return text.flatMap(StoreTime.date)
    }
}
