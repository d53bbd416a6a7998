import Foundation
import ScorecardKit

/// A command's choice of database (``DatabaseOptions`` for the dashboard, ``WritingDatabaseOptions`` for the
/// commands that write), and what follows from it.
protocol DatabaseChoice {
    /// `--database`, if given.
    var database: String? { get }
    /// `--published`: only signed-off figures, and nothing written.
    var published: Bool { get }
}

extension DatabaseChoice {
    /// The database path asked for, and whether it is the default one (nobody named a file).
    func resolved(environment: [String: String] = ProcessInfo.processInfo.environment) -> (path: String, isDefault: Bool) {
        if let database { return (database, false) }
        if let path = environment[DatabaseOptions.environmentVariable], !path.isEmpty { return (path, false) }
        return (DatabaseOptions.defaultPath(environment: environment), true)
    }

    /// Opens the store for reading and recording (only published figures, and nothing written, with `--published`
    /// or `publishedOnly`).
    ///
    /// The default database is created from the sample council on first use, so the dashboard opens on a fresh
    /// machine, and made again when the sample has moved on to a later quarter, as long as nobody has changed
    /// it; a database named with `--database` or `SCORECARD_DATABASE` must already hold a council.
    func openStore(publishedOnly: Bool? = nil) throws -> any CouncilStore {
        let (path, isDefault) = resolved()
        return try DatabaseOptions.openStore(path: path, creatingFromSample: isDefault, publishedOnly: publishedOnly ?? published)
    }
}
