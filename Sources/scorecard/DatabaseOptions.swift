import ArgumentParser
import Foundation
import ScorecardKit
import ScorecardPostgres
import ScorecardSample

/// Where the council's database is: `--database PATH` or `--database postgres://USER@HOST:PORT/DB`, else
/// `SCORECARD_DATABASE`, else the default (`$XDG_DATA_HOME/scorecard/scorecard.sqlite`, or
/// `~/.local/share/scorecard/scorecard.sqlite`), which is created from the bundled sample council the first
/// time it is used. The dashboard's options: `--published` shows what members see.
struct DatabaseOptions: ParsableArguments, DatabaseChoice {
    @Option(name: .long, help: DatabaseOptions.databaseHelp)
    var database: String?

    @Flag(help: "Show only published (signed-off) figures, as members see them, and change nothing.")
    var published = false

    static let databaseHelp = ArgumentHelp(
        "The database: a file, or postgres://USER@HOST:PORT/DB for a shared one (default: $SCORECARD_DATABASE, else ~/.local/share/scorecard/scorecard.sqlite).",
        valueName: "path-or-url")

    /// The environment variable naming the database file.
    static let environmentVariable = "SCORECARD_DATABASE"

    func validate() throws {
        try Self.refuseOtherURL(resolved().path)
    }

    /// Refuses a URL that is not PostgreSQL's (`mysql://...`): it would otherwise name a new database file.
    static func refuseOtherURL(_ path: String) throws {
        // `--database ''` (a variable that was not set) named no file: SQLite's own words were "cannot create :".
        if path.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--database: give a database file or postgres://USER@HOST:PORT/DB, not an empty path")
        }
        if PostgresLocation.isOtherURL(path) {
            throw ValidationError(
                "\(path.terminalSafeURL.excerpt()) is not a database Scorecard can use: give a file, or postgres://USER@HOST:PORT/DB")
        }
    }

    /// `$XDG_DATA_HOME/scorecard/scorecard.sqlite`, else `~/.local/share/scorecard/scorecard.sqlite`.
    static func defaultPath(environment: [String: String]) -> String {
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        return dataHome + "/scorecard/scorecard.sqlite"
    }

    /// Opens the shared store at `url`, which must hold a council.
    static func openShared(_ url: String, publishedOnly: Bool, requiringCouncil: Bool = true) throws -> PostgresStore {
        let location = try PostgresLocation(url: url)
        let store = try PostgresStore(location: location, publishedOnly: publishedOnly)
        if requiringCouncil, try store.isEmpty() {
            // Only an officer's login imports: a member or an owner is not told to import with their own.
            let how = store.access.role == .officer
                ? "`scorecard import DIR --database \(location)`"
                : "`scorecard import DIR --database URL`, the URL with their own login (\(store.login.terminalSafe) may not import)"
            throw CommandFailure("\(location) holds no council yet: an officer of the performance team imports one with \(how)")
        }
        return store
    }

    /// Opens the store at `path` (a file, or a PostgreSQL URL), which must hold a council, unless
    /// `creatingFromSample` and there is no file yet.
    static func openStore(path: String, creatingFromSample: Bool, publishedOnly: Bool = false) throws -> any CouncilStore {
        if PostgresLocation.isURL(path) { return try openShared(path, publishedOnly: publishedOnly) }
        SQLiteStore.removeStaleTemporaries(of: path)
        // An empty file holds no council: it is not opened (that would write a schema into it for nothing).
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let isEmptyFile = attributes?[.type] as? FileAttributeType == .typeRegular && attributes?[.size] as? Int == 0
        if !SQLiteStore.exists(at: path) || isEmptyFile {
            guard creatingFromSample else {
                if isEmptyFile { throw CommandFailure(StoreError.empty(path: path.terminalSafe).description) }
                // A symbolic link that leads nowhere (a loop, or its file gone) is there, but no database.
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
                    throw CommandFailure("\(path.terminalSafe) is a symbolic link that leads to no file (its target is missing, or links loop)")
                }
                throw CommandFailure("there is no database at \(path.terminalSafe): create it with `scorecard import DIR --database \(path.terminalSafe)`")
            }
            if isEmptyFile { try FileManager.default.removeItem(atPath: path) }
            try createFromSample(at: path, today: try CivilDate.resolvedToday())
        } else if creatingFromSample, try refreshSample(at: path, today: try CivilDate.resolvedToday()) {
            Console.error("Made \(path.terminalSafe) again from the sample council, which now reports on a later quarter.")
        }
        let store = try SQLiteStore(path: path, publishedOnly: publishedOnly)
        guard try !store.isEmpty() else { throw CommandFailure(StoreError.empty(path: path).description) }
        return store
    }

    /// Who the sample's import is recorded as made by.
    static let sampleAuthor = "sample"

    /// Imports the sample council, as it stands today, into a new database at `path`. The file is built under a
    /// temporary name and linked into place (``SQLiteStore/importCouncil(_:into:by:clock:progress:)``), so two
    /// processes starting at once never see a half-made file; the second finds the sample already there.
    static func createFromSample(at path: String, today: CivilDate, saying: Bool = true) throws {
        let council = try DataLocation.sample(today: today)
        let folder = path.folderPart
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        _ = try SQLiteStore.importCouncil(council, into: path, by: sampleAuthor)
        if saying { Console.error("Created \(path.terminalSafe) from the sample council (as at \(council.plan.reportingPeriod?.label ?? "")).") }
    }

    /// Makes the default database again when it holds the sample untouched (everything in it imported by
    /// ``sampleAuthor``) and the sample now reports on a later quarter. Returns whether it did.
    static func refreshSample(at path: String, today: CivilDate) throws -> Bool {
        let current = SampleCouncilGenerator.current(today: today).reportingPeriod
        let store = try SQLiteStore(path: path)
        guard !store.isReadOnly, let held = try store.reportingPeriod(ifEverythingBy: sampleAuthor), held < current else { return false }
        try store.close()
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        try createFromSample(at: path, today: today, saying: false)
        return true
    }
}

/// A command's failure for a reason that is not in its arguments: printed as `Error: ...`, exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

extension DatabaseOptions {
    /// Who a change is recorded as made by in a file: `--by`, else the login name (`USER`, `LOGNAME`, else the
    /// system's name for this user), as the dashboard and every command take it. A shared store records its
    /// login whatever this says.
    static func author(_ by: String?) -> String {
        let environment = ProcessInfo.processInfo.environment
        // A login name from the environment is cleaned as `--by` is checked: `USER` holding an escape sequence
        // was stored as it was, and a history written to a terminal would have carried it.
        let login = [environment["USER"], environment["LOGNAME"], ProcessInfo.processInfo.userName]
            .compactMap { $0 }.map(cleanedName).first { !$0.isEmpty }
        return by ?? login ?? "unknown"
    }

    /// `name` without control characters or line breaks, trimmed, and at most ``longestAuthor`` characters.
    static func cleanedName(_ name: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: name.unicodeScalars.filter { !$0.isTerminalControl })
        return String(String(scalars).trimmingCharacters(in: .whitespaces).prefix(longestAuthor))
    }

    /// The most characters a `--by` name may have: a name, not a note (100,000 pushed a value off its history line).
    static let longestAuthor = 100

    /// Refuses a `--by` that is empty or longer than ``longestAuthor``.
    static func validate(by: String?) throws {
        guard let by else { return }
        if by.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--by: say who it is") }
        if by.count > longestAuthor { throw ValidationError("--by: a name of at most \(longestAuthor) characters") }
        if by.unicodeScalars.contains(where: \.isTerminalControl) {
            throw ValidationError("--by: a name without control characters or line breaks")
        }
    }

    /// Says, on standard error, that the shared store recorded its login rather than `by` (the database knows who
    /// is connected, whatever the client says).
    static func noteLoginRecorded(instead by: String?, store: any CouncilStore) {
        guard let by, let login = store.access.recordsAs, by != login else { return }
        Console.error("Recorded as \(login.terminalSafe), the login: --by names who records only in a database file.")
    }
}
