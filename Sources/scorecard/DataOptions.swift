import ArgumentParser
import Foundation
import ScorecardKit
import ScorecardSample
import ScorecardSheets

/// Where the council's data is, and the day and period to judge it at.
struct JudgementOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The reporting period to judge as at (default: the framework's reporting_period).", valueName: "period"))
    var period: String?

    @Option(name: .long, help: .hidden)
    var today: String?

    /// The day against which due dates are checked: `--today`, `SCORECARD_TODAY`, or the clock.
    func resolvedToday() throws -> CivilDate {
        try CivilDate.resolvedToday(today)
    }

    /// Judges `council` as at the period asked for (or its default), checking due dates against today.
    /// A period asked for that has not ended yet is judged all the same, with a note on standard error (values
    /// for it are not all due, so figures will change).
    func evaluate(_ council: Council) throws -> Evaluation {
        let today = try resolvedToday()
        let asAt = try resolvedPeriod(for: council, today: today)
        if !asAt.hasEnded(by: today) {
            Console.error("Note: \(asAt.label) has not ended yet (it ends on \(asAt.endDate.longDescription)); its figures are not final.")
        }
        // A slip of the year (1999 for 2019) judges a council before any of its values: said, as every measure
        // then has no data.
        let first = council.observations.compactMap { $0.first(where: { $0.value != nil })?.period }.min { $0.startDate < $1.startDate }
        if period != nil, let first, asAt.endDate < first.startDate {
            Console.error("Note: \(asAt.label) is before the council's first value (\(first.label)): no measure has a value to judge.")
        }
        return council.evaluate(asAt: asAt, today: today)
    }

    /// The reporting period asked for, or the council's default.
    func resolvedPeriod(for council: Council, today: CivilDate) throws -> Period {
        guard let period else {
            let asAt = council.defaultReportingPeriod(today: today)
            if let given = council.plan.reportingPeriod, given != asAt {
                Console.error(
                    "Note: the framework's reporting_period, \(given.label), has not begun (it starts on \(given.startDate.longDescription)): "
                        + "judged as at \(asAt.label) instead")
            }
            return asAt
        }
        // Any period the framework's reporting_period may be: a quarter or a month, or a year for a council
        // that reports annually (a framework's `2025/26` is shown as "as at 2025/26" and must be typed back).
        // Said as a command's failure: a ValidationError here, after parsing, printed the usage of no command.
        // A date a quarter ends on (31/12/2024) is that quarter, as the framework's reporting_period reads it.
        guard let parsed = Period(cell: period, kind: .quarter) else {
            if CivilDate.isImpossible(period) { throw CommandFailure("\"\(period.excerpt())\" is not a reporting period: \(Period.writingHint(for: period))") }
            throw CommandFailure(
                "\"\(period.excerpt())\" is not a reporting period (write a quarter such as 2024/25 Q2, a month such as 2024-09, "
                    + "a financial year such as 2024/25, or a calendar year such as 2024)")
        }
        // A period not yet begun has no values due in it: judged, its measures would be overdue for months to come.
        if parsed.startDate > today {
            let standing = council.defaultReportingPeriod(today: today)
            // Of the kind given: a month not begun is told the months that have, a year the years.
            let latest = Period.containing(today, kind: parsed.kind)
            let range = latest == standing ? standing.label : "up to \(latest.label) (the default is \(standing.label))"
            throw CommandFailure(
                "\(parsed.label) has not begun (it starts on \(parsed.startDate.longDescription)): give a period that has, \(range)")
        }
        return parsed
    }
}

enum DataLocation {
    /// How messages name the council used when no directory is given.
    static let sampleName = "the sample council"

    /// Loads a council's data files (a directory or a workbook, see ``CouncilSource``), or the sample council when
    /// `path` is `nil`, printing their problems to standard error and exiting 1 when they have any. Values for periods
    /// that have not ended by `today` are among the problems.
    static func load(_ path: String?, today: CivilDate) throws -> Council {
        guard let path else { return try sample(today: today) }
        // An empty path is no folder (it read /framework.yaml, at the root of the disk).
        if path.trimmingCharacters(in: .whitespaces).isEmpty { throw CommandFailure("give a data directory or workbook, not an empty path") }
        return try reportingProblems { try CouncilSource.load(path: path, today: today) }
    }

    /// The sample council carried in the binary, as it stands on `today` (``SampleCouncilGenerator/current(today:measures:years:seed:)``):
    /// it needs no files, so a copied or installed binary has it too, and its figures never go stale.
    static func sample(today: CivilDate) throws -> Council {
        try reportingProblems { try SampleCouncilGenerator.current(today: today).generate().council(today: today) }
    }

    /// Runs `body`, which loads data files, printing their problems to standard error and exiting 1 when it
    /// finds any.
    static func reportingProblems<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DataLoadError {
            Console.error(error.description)
            let count = error.errors.count
            Console.error("\(count)\(error.truncated ? "+" : "") problem\(count == 1 ? "" : "s") found; nothing was loaded.")
            throw ExitCode(1)
        }
    }
}

extension FileHandle: @retroactive TextOutputStream {
    public func write(_ string: String) {
        write(Data(string.utf8))
    }
}

extension CivilDate {
    /// The day against which due dates are checked and values recorded: `given` (from `--today`), else
    /// `SCORECARD_TODAY`, else the clock.
    static func resolvedToday(_ given: String? = nil) throws -> CivilDate {
        if let text = given ?? ProcessInfo.processInfo.environment["SCORECARD_TODAY"] {
            guard let date = CivilDate(parsing: text) else {
                throw ValidationError("\"\(text.excerpt())\" is not a date (write 2026-11-24)")
            }
            return date
        }
        return CivilDate.today()
    }

    /// Today's date in the local time zone (`TZ`), from the C library: Foundation's calendar would load ICU's
    /// time-zone data, 4 MB of every dashboard's memory, for one date.
    static func today() -> CivilDate {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return CivilDate(dayNumber: 0) }
        return CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)) ?? CivilDate(dayNumber: 0)
    }
}
