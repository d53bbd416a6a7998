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
        }
    }
}
