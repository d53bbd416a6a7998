import ArgumentParser
import ScorecardKit

/// `scorecard check [DIR]`: validates a council's data files and summarises them.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a council's data files and print a summary, or every problem with its file, line (or sheet and cell) and field."
    )

    @Argument(help: "The council's data directory or .xlsx workbook (default: the sample council built into scorecard).")
    var directory: String?

    @OptionGroup var judgement: JudgementOptions

    func run() throws {
        let council = try DataLocation.load(directory, today: try judgement.resolvedToday())
        let evaluation = try judgement.evaluate(council)
        Console.out(CheckSummary(council: council, evaluation: evaluation, path: directory ?? DataLocation.sampleName).text)
        let unread = UnreadSheetWarning.lines(path: directory)
        if !unread.isEmpty { Console.out(([""] + unread).joined(separator: "\n")) }
    }
}
