import ArgumentParser
import Foundation
import ScorecardKit
import ScorecardSheets

/// `scorecard export`: writes a council out as data files or a workbook that read back to the same council.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a council out as data files or an Excel workbook that read back to the same council.",
        discussion: """
            yaml: a directory with framework.yaml (the plan and its measures) and observations.csv. csv: a directory \
            with framework.yaml (the plan: its priorities, delivery plans and actions), measures.csv and observations.csv. xlsx: one workbook with the sheets \
            Council, Priorities, Measures, Actions and Observations. Nothing is written unless all of it is: a directory \
            must be new (or empty); a workbook replaces the file. From a database, only signed-off figures are written \
            (drafts and proposed targets awaiting sign-off are left out, and said so), as a member sees them.
            """
    )

    /// The forms a council can be written in.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case yaml, csv, xlsx
    }

    @OptionGroup var input: CouncilInput

    @Option(help: "yaml, csv or xlsx (default: xlsx for a file ending .xlsx, else yaml).")
    var format: Format?

    /// The form asked for, else the one `--out` names: a workbook for `.xlsx`, else a data directory as `import` reads it.
    var resolvedFormat: Format {
        format ?? (out.lowercased().hasSuffix(".xlsx") ? .xlsx : .yaml)
    }

    @Option(help: ArgumentHelp("The directory (yaml, csv) or workbook file (xlsx) to write.", valueName: "path"))
    var out: String

    @Flag(help: "Write the observations with one row per measure and a column per period (csv, xlsx).")
    var wide = false

    func validate() throws {
        if wide, resolvedFormat == .yaml { throw ValidationError("--wide is for --format csv or xlsx") }
        // A directory named like a file (`--out z.csv` made a folder z.csv holding framework.yaml) is not what
        // anyone giving that name meant.
        let fileExtension = (out as NSString).pathExtension.lowercased()
        if resolvedFormat != .xlsx, Self.fileExtensions.contains(fileExtension) || fileExtension == "xlsx" {
            throw ValidationError(
                "--out \(out.terminalSafe) names a .\(fileExtension) file, but --format \(resolvedFormat.rawValue) writes a directory "
                    + "(framework.yaml, observations.csv and more, as import reads them): give a directory, or a workbook "
                    + "ending .xlsx without --format")
        }
        // A workbook named otherwise (z.csv, or a directory `out/`) is not one that check, import or a spreadsheet
        // program takes for a workbook.
        if resolvedFormat == .xlsx, fileExtension != "xlsx" {
            throw ValidationError(
                "--format xlsx writes a workbook: name it with .xlsx (--out council.xlsx), as check and import know a workbook by it")
        }
    }

    /// Extensions of files that `--out` may not give a directory: export writes no single file but a workbook.
    private static let fileExtensions: Set<String> = ["csv", "tsv", "txt", "yaml", "yml", "json", "xls", "xlsm", "xlsb", "ods", "numbers", "pdf", "html", "md"]

    func run() throws {
        // A database another process holds (an import committing) is waited for, and said so, as writers say it.
        Console.announceWaitsForOtherWriters()
        let format = resolvedFormat
        if format == .xlsx { try Self.refuseReplacingOther(out) }
        let today = try CivilDate.resolvedToday()
        let (council, draftsLeftOut, proposalsLeftOut, notEndedLeftOut) = try input.loadSignedOff(today: today)
        let previous = format == .xlsx ? try Self.refuseReplacingAnotherCouncil(out, with: council.plan.council) : []
        do {
            switch format {
            case .yaml: try CouncilExport.write(council, layout: .yaml, to: out)
            case .csv: try CouncilExport.write(council, layout: .tables(wideObservations: wide), to: out)
            case .xlsx: try CouncilWorkbook.write(council, wideObservations: wide, to: out, previous: previous)
            }
        } catch let error as ExportError {
            throw CommandFailure(error.description)
        }
        let what = "\(NumberText.counted(council.measures.count, "measure")), \(NumberText.counted(council.observationCount, "observation"))"
        Console.out("Wrote \(council.plan.council.terminalSafe) to \(out.terminalSafe) (\(format.rawValue): \(what)).")
        var leftOut: [String] = []
        if draftsLeftOut > 0 { leftOut.append("\(NumberText.counted(draftsLeftOut, "draft value")) awaiting sign-off") }
        if proposalsLeftOut > 0 { leftOut.append("\(NumberText.counted(proposalsLeftOut, "proposed target")) awaiting approval") }
        if !leftOut.isEmpty {
            Console.out(
                "Left out \(leftOut.joined(separator: " and ")): data files hold signed-off figures, and importing them "
                    + "publishes what they hold (`scorecard publish` signs drafts off).")
        }
        if notEndedLeftOut > 0 {
            Console.out("Left out \(NumberText.counted(notEndedLeftOut, "value")) for periods that have not ended yet (files may not hold them).")
        }
    }

    /// Refuses an existing workbook at `path` that is not this council's: another council's workbook, one
    /// Scorecard cannot read as a council, or one with sheets of its own (a master workbook). A workbook of the same
    /// council is replaced, as exporting again means to: returns the national files that workbook names.
    static func refuseReplacingAnotherCouncil(_ path: String, with council: String) throws -> Set<String> {
        guard let start = ExistingFile.start(of: path, count: 1), !start.isEmpty else { return [] }
        let held: String
        let files: Set<String>
        do {
            let framework = try CouncilSource.open(path, today: nil).loadFramework()
            held = framework.plan.council
            files = Set(framework.measures.compactMap { $0.comparators?.source.file })
        } catch {
            throw CommandFailure(
                "\(path.terminalSafe) is a workbook Scorecard does not read as a council (its own sheets would be lost): "
                    + "nothing was written: choose another --out")
        }
        guard held == council else {
            throw CommandFailure(
                "\(path.terminalSafe) holds \(held.terminalSafe.excerpt()), not \(council.terminalSafe.excerpt()): nothing was written: "
                    + "choose another --out")
        }
        // The council's master workbook, with sheets of its own (notes, lookups) that the export would drop.
        let others = (try? CouncilWorkbook.otherSheets(path: path)) ?? []
        guard others.isEmpty else {
            let names = others.prefix(3).map { "\"\($0.terminalSafe.excerpt())\"" }.joined(separator: ", ") + (others.count > 3 ? ", ..." : "")
            throw CommandFailure(
                "\(path.terminalSafe) has sheets of its own (\(names)) that an export would not keep: nothing was written: "
                    + "choose another --out")
        }
        return files
    }

    /// Refuses a workbook's `path` that holds a file of another kind: a workbook replaces only a workbook (an
    /// `.xlsx` file that is a zip archive, or empty). `--out observations.csv` would have put a workbook in
    /// place of the council's own data.
    static func refuseReplacingOther(_ path: String) throws {
        // Anything but a regular file is left to the writer, which refuses it.
        guard let start = ExistingFile.start(of: path, count: 4) else { return }
        let isWorkbook = path.lowercased().hasSuffix(".xlsx") && (start.isEmpty || start == Data([0x50, 0x4B, 0x03, 0x04]))
        guard !isWorkbook else { return }
        throw CommandFailure(
            "\(path.terminalSafe) exists and is not an Excel workbook (.xlsx): export replaces only a workbook; "
                + "nothing was written: choose another --out")
    }
}
