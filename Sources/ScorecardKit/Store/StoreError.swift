import GRDB

/// Why a store cannot be used as asked; each message says what to do about it.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database holds no council yet.
    case empty(path: String)
    /// The file is not an SQLite database at all.
    case notSQLite(path: String)
    /// The file is another application's SQLite database.
    case foreign(path: String)
    /// The database was made by a newer version of Scorecard, with a schema this one does not know.
    case newerSchema(path: String, version: Int)
    /// `PRAGMA quick_check` found the file damaged.
    case damaged(path: String, problem: String)
    /// The file could not be brought up to this version's schema (SQLite's reason); its data and schema were left.
    case cannotUpgrade(path: String, problem: String)
    /// The file (or its folder) cannot be written, so it was opened for reading only.
    case readOnly(path: String)
    /// The store refused: this user's role does not allow it (a plain sentence, never the database's own text).
    case notPermitted(String)
    /// Only published figures were asked for (`--published`), so nothing may be written.
    case showingPublishedOnly
    /// A table Scorecard needs is missing from the file (damaged, or changed by hand).
    case incomplete(path: String, missing: [String])
    /// Another process held the database locked for longer than a write waits (``SQLiteStore/busyTimeout``).
    case locked
    /// SQLite found the file damaged while reading or writing it (its own words in `problem`).
    case damagedWhileUsed(problem: String)
    /// The connection to the store was lost after a change was sent to be committed, before its answer came: it
    /// may or may not have been saved (`problem`: how the connection went).
    case outcomeUnknown(problem: String)
    /// SQLite could not write the file although it was opened for writing (its `-wal` or `-shm` file beside it, or
    /// the file itself, made read-only meanwhile); SQLite's words in `problem`.
    case cannotWrite(problem: String)
    /// The file's rows contradict each other (a value of a measure that is not there: changed by hand), found
    /// when it was to be brought up to this schema; `problem` names the rule broken.
    case inconsistent(path: String, problem: String)
    /// The path names a device, a pipe or a socket, not a file (opening a pipe would wait for a writer for ever).
    case notAFile(path: String)
    /// A meeting's lock file (for its presenter or a follower) could not be made or opened at `path`.
    case meetingLock(path: String, problem: String)
    /// The file was deleted, or another put in its place, while open: SQLite goes on with the file it opened.
    case fileReplaced(path: String, deleted: Bool)
    /// An import gives measure `code` another frequency, while the store holds `count` of its values of the one it
    /// had (`held`): a measure's values are of its frequency, so they would be hidden and left out of exports.
    case frequencyChanged(code: String, held: Frequency, now: Frequency, count: Int)
    /// An import gives measure `code` a unit or limits that refuse a value the store keeps for `period` (one the
    /// files do not give, or recorded since the last import): `problem` says how (a unit changed from days to
    /// %, a new `max`). Kept, it would be judged and exported, and the export would not read back.
    case keptValueRefused(code: String, period: Period, problem: String)

    public var description: String {
        switch self {
        case .empty(let path):
            "\(path) holds no council yet: import one with `scorecard import DIR --database \(path)`"
        case .notSQLite(let path):
            "\(path) is not a Scorecard database (it is not an SQLite file); it was left untouched"
        case .foreign(let path):
            "\(path) is an SQLite database of another application, not Scorecard's; it was left untouched"
        case .newerSchema(let path, let version):
            "\(path) was made by a newer version of Scorecard (schema \(version); this version knows up to "
                + "\(StoreSchema.version)): upgrade Scorecard to use it; it was left untouched"
        case .damaged(let path, let problem):
            "\(path) is damaged (SQLite's quick_check says: \(problem)); nothing was written: restore it from a backup"
        case .cannotUpgrade(let path, let problem):
            "\(path) could not be brought up to this version of Scorecard (schema \(StoreSchema.version)): SQLite says "
                + "\(problem); its data and schema were left as they were (a view or trigger of your own that names a column Scorecard "
                + "drops is the usual cause: see docs/schema.md)"
        case .readOnly(let path):
            "\(path) can only be read (the file or its folder is not writable); nothing was written"
        case .notPermitted(let sentence):
            sentence
        case .showingPublishedOnly:
            "only published figures are open (--published), so nothing can be written; nothing was written"
        case .incomplete(let path, let missing):
            "\(path) is not a complete Scorecard database: \(missing.count == 1 ? "the table" : "the tables") "
                + "\(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing (damaged, or changed by hand); "
                + "it was left untouched: restore it from a backup"
        case .locked:
            "the database was locked by another process for more than \(Int(SQLiteStore.busyTimeout)) s (an import, or a "
                + "`sqlite3` session left open in a transaction); nothing was written: try again once it is done"
        case .outcomeUnknown(let problem):
            "\(problem) while the change was being committed, so it may or may not have been saved: look again once the server answers"
        case .damagedWhileUsed(let problem):
            "the database file is damaged (SQLite says: \(problem)); nothing was written: restore it from a backup"
        case .cannotWrite(let problem):
            "the database cannot be written (SQLite says: \(problem)): check that the file, and its -wal and -shm files "
                + "beside it, may be written by you; nothing was written"
        case .notAFile(let path):
            "\(path) is not a regular file (a device, a pipe or a socket): give a database file's path; it was left untouched"
        case .meetingLock(let path, let problem):
            "a meeting's lock file cannot be made at \(path.terminalSafe) (\(problem)): its folder must be one every login may write "
                + "to, as /tmp is (remove it, and the next meeting makes it so)"
        case .frequencyChanged(let code, let held, let now, let count):
            "\(code) is reported \(now.adverb) in the files, but the database holds \(count) of its values reported \(held.adverb), "
                + "which would be hidden: a measure's frequency cannot change once it has values (give it a new code); nothing was imported"
        case .keptValueRefused(let code, let period, let problem):
            "\(code) \(period.label) keeps a value in the database that the measure as the files now define it refuses "
                + "(\(problem)): give that period's value in the files, or keep the measure's unit and limits; nothing was imported"
        case .fileReplaced(let path, let deleted):
            deleted
                ? "the database file was deleted while open: nothing is saved to it; open it again (\(path))"
                : "another file replaced the database while open: these figures are the old one's; open it again (\(path))"
        case .inconsistent(let path, let problem):
            "\(path) is damaged, or was changed by hand (\(problem)); its data and schema were left as they were: restore it from a backup"
        }
    }
}

extension StoreError {
    /// `error` as a sentence a person can act on when it is SQLite's own and means the file, not the program, is
    /// at fault (locked too long, damaged, missing a table); any other error as it was. For messages: the
    /// commands' and the dashboard's status line.
    public static func plain(_ error: any Error) -> any Error {
        guard let error = error as? DatabaseError else { return error }
        let problem = error.message ?? "\(error.resultCode)"
        switch error.resultCode.primaryResultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError.locked
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StoreError.damagedWhileUsed(problem: problem)
        case .SQLITE_READONLY, .SQLITE_CANTOPEN:
            return StoreError.cannotWrite(problem: problem)
        case .SQLITE_ERROR where problem.hasPrefix("no such table") || problem.hasPrefix("no such column"):
            return StoreError.damagedWhileUsed(problem: problem)
        default:
            return error
        }
    }
}
