import ArgumentParser
import Foundation
import ScorecardKit

/// Where a command reads a council from: data files (a directory or an `.xlsx` workbook), a database, or, with
/// neither, the sample council built into the program.
struct CouncilInput: ParsableArguments {
    @Argument(help: "The council's data directory or .xlsx workbook (default: the database import, record and the dashboard use, once there is one; else the sample council built into scorecard).")
    var directory: String?

    @Option(
        help: ArgumentHelp(
            "Read the council from this database (a file, or postgres://USER@HOST:PORT/DB) instead of data files (default with no directory: $SCORECARD_DATABASE, when set).",
            valueName: "path-or-url"))
    var database: String?

    @Flag(help: "With a database: only published (signed-off) figures, as members see them.")
    var published = false

    func validate() throws {
        // An empty path is no folder (it read /framework.yaml, at the root of the disk).
        if directory?.trimmingCharacters(in: .whitespaces).isEmpty == true { throw ValidationError("give a data directory or workbook, not an empty path") }
        if directory != nil, database != nil { throw ValidationError("give a data directory (or workbook) or --database, not both") }
        if published, directory != nil { throw ValidationError("--published is for a database: data files have no drafts") }
        if let database = resolvedDatabase { try DatabaseOptions.refuseOtherURL(database) }
    }

    /// The database asked for: `--database`, else with no directory `SCORECARD_DATABASE`, else the default
    /// database when it holds anything (the one `import`, `record` and the dashboard use: `status` read the
    /// sample while they used the council imported).
    var resolvedDatabase: String? {
        if let database { return database }
        guard directory == nil else { return nil }
        let environment = ProcessInfo.processInfo.environment
        if let variable = environment[DatabaseOptions.environmentVariable], !variable.isEmpty { return variable }
        let path = DatabaseOptions.defaultPath(environment: environment)
        let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
        return (size ?? 0) > 0 ? path : nil
    }

    /// Opens the database asked for (``resolvedDatabase``). The default one, when it holds the sample untouched
    /// and the sample now reports on a later quarter, is made again first, as the dashboard does (a paper made
    /// the same day gave the quarter before the dashboard's).
    func openResolved(_ database: String, publishedOnly: Bool) throws -> any CouncilStore {
        let environment = ProcessInfo.processInfo.environment
        if self.database == nil, (environment[DatabaseOptions.environmentVariable] ?? "").isEmpty,
            database == DatabaseOptions.defaultPath(environment: environment),
            try DatabaseOptions.refreshSample(at: database, today: try CivilDate.resolvedToday())
        {
            Console.error("Made \(database.terminalSafe) again from the sample council, which now reports on a later quarter.")
        }
        return try DatabaseOptions.openStore(path: database, creatingFromSample: false, publishedOnly: publishedOnly)
    }

    /// The council, its data files checked as of `today` (problems are printed and end the command with status 1).
    func load(today: CivilDate) throws -> Council {
        try loadSayingFigures(today: today).council
    }

    /// The council, and whether it holds only published values (`--published`, `publishedOnly`, or a member's
    /// login; data files have no drafts).
    func loadSayingFigures(today: CivilDate, publishedOnly: Bool = false) throws -> (council: Council, publishedOnly: Bool) {
        let loaded = try loadWithProposals(today: today, publishedOnly: publishedOnly, proposals: false)
        return (loaded.council, loaded.publishedOnly)
    }

    /// The council as data files may hold it: signed-off figures only (a draft written to a file as a plain value
    /// would be published by the next import), and no value for a period that has not ended by `today` (a row
    /// written by hand into a database; the files would not read back). A row with no value for such a period (a
    /// target set ahead, a note) is kept, as the files allow it. Says how many drafts and target proposals were
    /// left out, and how many values for periods not yet ended.
    func loadSignedOff(today: CivilDate) throws -> (council: Council, draftsLeftOut: Int, proposalsLeftOut: Int, notEndedLeftOut: Int) {
        var draftsLeftOut = 0, proposalsLeftOut = 0
        if let database = resolvedDatabase, !published {
            let store = try openResolved(database, publishedOnly: false)
            if !store.access.seesPublishedOnly {
                draftsLeftOut = try store.drafts().count
                proposalsLeftOut = try store.targetProposals().count
            }
        }
        var council = try loadSayingFigures(today: today, publishedOnly: true).council
        var notEndedLeftOut = 0
        func fileMayHold(_ observation: Observation) -> Bool { observation.value == nil || observation.period.hasEnded(by: today) }
        for m in council.observations.indices where !council.observations[m].allSatisfy(fileMayHold) {
            let kept = council.observations[m].filter(fileMayHold)
            notEndedLeftOut += council.observations[m].count - kept.count
            council.observations[m] = ObservationSeries(kept)
        }
        return (council, draftsLeftOut, proposalsLeftOut, notEndedLeftOut)
    }

    /// As ``loadSayingFigures(today:publishedOnly:)``, with the targets awaiting approval when `proposals` is true
    /// and the login sees drafts (none for a member, `--published` or data files).
    func loadWithProposals(
        today: CivilDate, publishedOnly: Bool = false, proposals: Bool = true
    ) throws -> (council: Council, publishedOnly: Bool, proposals: [TargetProposal]) {
        if let database = resolvedDatabase {
            let store = try openResolved(database, publishedOnly: published || publishedOnly)
            let council = try store.loadCouncil()
            let seesPublishedOnly = store.access.seesPublishedOnly
            return (council, seesPublishedOnly, proposals && !seesPublishedOnly ? try store.targetProposals() : [])
        }
        if published { throw ValidationError("--published needs a database (--database or $SCORECARD_DATABASE)") }
        return (try DataLocation.load(directory, today: today), false, [])
    }
}
