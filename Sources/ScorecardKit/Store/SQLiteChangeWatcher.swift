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
    /// Closes the store's own connection: called, with the watcher's closed too, once the file is found replaced.
    private let closeStore: @Sendable () -> Void

    /// Watches the database at `path`, which must exist, opened as `openPath` (its store's read path: a file
    /// whose folder this login cannot write, and whose WAL index nobody has made, is opened immutable, as
    /// SQLite can open it no other way).
    /// - Parameter closeStore: closes the store's connection, once the file is found deleted or replaced.
    public init(path: String, openPath: String? = nil, closeStore: @escaping @Sendable () -> Void = {}) throws {
        self.path = path
        self.closeStore = closeStore
        identity = FileIdentity(path: path)
        queue = try DatabaseQueue(path: openPath ?? path, configuration: SQLiteStore.configuration(readonly: true))
        version = 0
        version = try currentVersion()
        lastChangedAt = try readLastChange()
    }

    public func hasChanged() throws -> Bool {
        do {
            try identity?.check(path: path)
        } catch {
            // Every connection let go, the store's after it empties the old file's `-wal` at the path (see
            // `SQLiteStore.makeChangeWatcher()`): left, the next program to open the new file there read it as
            // its own (a replaced file took the old one's revisions; an import into a new file after a delete
            // held the old values).
            try? queue.close()
            closeStore()
            throw error
        }
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
