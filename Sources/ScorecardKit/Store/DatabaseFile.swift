import Foundation
import GRDB

/// What lies at a database path, found out before Scorecard opens it for writing, without writing a byte.
///
/// A Scorecard database carries its ``StoreSchema/applicationID`` and schema version (`user_version`). Files made
/// before the stamp (schema 1) are recognised by their tables. Anything else, another application's SQLite file,
/// a file that is not SQLite at all, or a newer schema, is refused and left as it was.
struct DatabaseFile {
    /// The path as the user gave it.
    let path: String

    /// How the file can be opened.
    enum Access: Equatable {
        /// There is no file yet (or an empty one): it will be created.
        case new
        /// A Scorecard database that can be written.
        case readWrite
        /// A Scorecard database whose file or folder cannot be written.
        case readOnly
    }

    /// Checks what is at the path.
    ///
    /// - Throws: ``StoreError`` when the file is not Scorecard's, is newer, or is damaged.
    func inspect() throws -> Access {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .new }
        var status = stat()
        if !isDirectory.boolValue, stat(path, &status) == 0, status.st_mode & S_IFMT != S_IFREG { throw StoreError.notAFile(path: path) }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.notSQLite(path: path)
        }
        let header = (try? handle.read(upToCount: 100)) ?? Data()
        try? handle.close()
        if header.isEmpty { return isWritable ? .new : .readOnly }
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            throw StoreError.notSQLite(path: path)
        }
        // The header may lag behind a WAL that was never checkpointed, so a stamp of ours or none is read again
        // through SQLite; any other stamp is another application's, and that file is not even opened.
        let application = header[68..<72].reduce(Int32(0)) { $0 << 8 | Int32($1) }
        guard application == 0 || application == StoreSchema.applicationID else { throw StoreError.foreign(path: path) }
        let version = Int(header[60..<64].reduce(Int32(0)) { $0 << 8 | Int32($1) })
        if application == StoreSchema.applicationID {
            try Self.checkVersion(version, path: path)
        }
        try checkContents()
        return isWritable ? .readWrite : .readOnly
    }

    /// Whether the file and its folder can be written (SQLite's WAL files live beside it).
    var isWritable: Bool {
        access(path, W_OK) == 0 && access(folder, W_OK) == 0
    }

    /// The file's own path, every symbolic link followed, as SQLite follows them: its WAL files are beside the
    /// file a link points to, not beside the link.
    var realPath: String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    /// The folder the file is in (the real file's, past any link).
    var folder: String {
        let parent = realPath.folderPart
        return parent.isEmpty ? "." : parent
    }

    /// The path SQLite opens for reading only: as it is where SQLite can share its WAL index with writers, else
    /// as an immutable file (a folder nobody may write to has no writers to share with).
    var readOnlyOpenPath: String {
        let indexExists = FileManager.default.fileExists(atPath: realPath + "-shm")
        guard access(folder, W_OK) != 0, !indexExists else { return path }
        let absolute = URL(fileURLWithPath: realPath).standardizedFileURL.path
        let escaped = absolute.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? absolute
        return "file:\(escaped)?immutable=1"
    }

    /// Refuses a schema number this Scorecard cannot use: a newer one, or a negative one (which none writes).
    private static func checkVersion(_ version: Int, path: String) throws {
        if version > StoreSchema.version { throw StoreError.newerSchema(path: path, version: version) }
        if version < 0 {
            throw StoreError.inconsistent(path: path, problem: "its schema number is \(version), which no Scorecard writes")
        }
    }

    /// Reads the stamp and the tables through a read-only connection (which sees what is still in the WAL).
    private func checkContents() throws {
        let configuration = SQLiteStore.configuration(readonly: true)
        let stamp: (application: Int32, version: Int, tables: Set<String>)
        let sidecars = ["-wal", "-shm"].map { realPath + $0 }.filter { !FileManager.default.fileExists(atPath: $0) }
        do {
            let queue = try DatabaseQueue(path: readOnlyOpenPath, configuration: configuration)
            stamp = try queue.read { db in
                let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                return (application, version, tables)
            }
            try queue.close()
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            // A file refused is left as it was found: without the WAL files opening it made beside it.
            for sidecar in sidecars { try? FileManager.default.removeItem(atPath: sidecar) }
            throw StoreError.damaged(path: path, problem: error.message ?? "\(error.resultCode)")
        }
        switch stamp.application {
        case StoreSchema.applicationID:
            try Self.checkVersion(stamp.version, path: path)
        case 0 where stamp.tables.isEmpty:
            break
        case 0 where stamp.tables.isSuperset(of: ["grdb_migrations", "council", "measure", "observation_revision"]):
            break  // A Scorecard database from before the stamp: migrating stamps it.
        default:
            throw StoreError.foreign(path: path)
        }
    }

    /// Gives the file's `-wal` and `-shm` the file's own permissions when they are this user's but cannot be
    /// written: SQLite makes them with the file's mode, so a read-only open of a read-only file leaves them
    /// read-only, and every write fails once the file itself may be written again.
    func repairSidecarPermissions() {
        var database = stat()
        guard stat(path, &database) == 0 else { return }
        for suffix in ["-wal", "-shm"] {
            var sidecar = stat()
            let file = path + suffix
            guard stat(file, &sidecar) == 0, sidecar.st_uid == geteuid(), access(file, W_OK) != 0 else { continue }
            chmod(file, database.st_mode & 0o777)
        }
    }

    /// Removes what an interrupted import left behind: `PATH.new-PID` files (with their `-wal`, `-shm` and
    /// `-journal`) whose process is no longer running.
    func removeStaleTemporaries() {
        Leftovers.removeDead(named: (path as NSString).lastPathComponent + ".new-", in: folder)
    }
}
