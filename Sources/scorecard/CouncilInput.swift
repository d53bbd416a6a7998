import ArgumentParser
import ScorecardKit

/// Where a command reads a council from: data files (a directory or an `.xlsx` workbook), a database, or, with
/// neither, the sample council built into the program.
struct CouncilInput: ParsableArguments {
    @Argument(help: "The council's data directory or .xlsx workbook (default: the sample council built into scorecard).")
    var directory: String?

    @Option(help: ArgumentHelp("Read the council from this database instead of data files.", valueName: "path"))
    var database: String?

    func validate() throws {
        if directory != nil, database != nil { throw ValidationError("give a data directory (or workbook) or --database, not both") }
    }

    /// The council, its data files checked as of `today` (problems are printed and end the command with status 1).
    func load(today: CivilDate) throws -> Council {
        if let database { return try DatabaseOptions.openStore(path: database, creatingFromSample: false).loadCouncil() }
        return try DataLocation.load(directory, today: today)
    }
}
