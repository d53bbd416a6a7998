import ArgumentParser
import Foundation
import ScorecardKit

/// `scorecard benchmark FILE`: a national download (Fingertips, LG Inform) judged against England and each area's
/// parent by the confidence-interval rule, with quartiles (documented in `docs/benchmark.md`).
struct BenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "benchmark",
        abstract: "Compare every area in a national download with England and its region, and rank it among its type.",
        discussion: """
            FILE is a CSV download from Fingertips or LG Inform. An area is significantly better or worse than England \
            (or its region) when England's value lies outside the area's confidence interval (95%, or 99.8% when the \
            file's own comparisons are made at it); otherwise similar. \
            --json and --csv are stable formats for scripts (see docs/benchmark.md).
            """
    )

    @Argument(help: "The national download: a Fingertips or LG Inform CSV file.")
    var file: String

    @Option(help: "Which way is better: higher, lower or none (none compares as higher/lower). Default: what the file's own comparisons show, else none.")
    var polarity: Polarity?

    @Option(help: "The confidence interval comparisons use: 95 or 99.8. Default: 95, or 99.8 when the file's own comparisons were made at 99.8%.")
    var confidence: Level?

    @Option(help: "An area code (E06000001): the table marks its rows; --json and --csv print only its rows.")
    var area: String?

    @Option(help: "A measure the file feeds: its polarity, and its area to mark (from --data, --database, or the sample council).")
    var measure: String?

    @Option(help: ArgumentHelp("With --measure: the council's data directory or .xlsx workbook.", valueName: "path"))
    var data: String?

    @Option(help: ArgumentHelp("With --measure: the council's database (a file, or postgres://USER@HOST:PORT/DB).", valueName: "path-or-url"))
    var database: String?

    @Flag(help: "Print JSON: an array with one record per area and breakdown row.")
    var json = false

    @Flag(help: "Print CSV: a header and one row per area and breakdown row.")
    var csv = false

    enum Polarity: String, ExpressibleByArgument, CaseIterable {
        case higher, lower, none

        var order: Significance.Order {
            switch self {
            case .higher: .higherIsBetter
            case .lower: .lowerIsBetter
            case .none: .none
            }
        }
    }

    enum Level: String, ExpressibleByArgument, CaseIterable {
        case ci95 = "95"
        case ci998 = "99.8"

        var confidence: Benchmark.Confidence { self == .ci95 ? .ci95 : .ci998 }
    }

    func validate() throws {
        if json, csv { throw ValidationError("give --json or --csv, not both") }
        if measure == nil, data != nil || database != nil { throw ValidationError("--data and --database are for --measure") }
        if data != nil, database != nil { throw ValidationError("give --data or --database, not both") }
    }

    /// The measure `--measure` names, from the council it is read from.
    func attachedMeasure() throws -> Measure? {
        guard let code = measure else { return nil }
        let today = try CivilDate.resolvedToday()
        let council: Council
        if let database {
            council = try DatabaseOptions.openStore(path: database, creatingFromSample: false, publishedOnly: false).loadCouncil()
        } else {
            council = try DataLocation.load(data, today: today)
        }
        guard let found = council.measures.first(where: { $0.code.lowercased() == code.lowercased() }) else {
            throw CommandFailure("no measure \(code.excerpt()) in \(data ?? database ?? DataLocation.sampleName)")
        }
        return found
    }

    func run() throws {
        let dataset: NationalDataset
        do {
            dataset = try NationalDataset.read(path: file)
        } catch let error as DataFileError {
            Console.error(error.description)
            throw ExitCode.failure
        }
        guard !dataset.records.isEmpty else {
            Console.error("\(file.terminalSafe): the file has its header but no rows of values: nothing to compare")
            throw ExitCode.failure
        }
        let attached = try attachedMeasure()
        // An area code in any case (e06000001), as the file writes it.
        let asked = self.area ?? attached?.comparators?.source.area
        let area = asked.map { asked in
            dataset.records.first { $0.areaCode.caseInsensitiveCompare(asked.trimmingCharacters(in: .whitespaces)) == .orderedSame }?.areaCode ?? asked
        }
        if let area, !dataset.records.contains(where: { $0.areaCode == area }) {
            Console.error("\(file): no rows for area \(area) (the area codes are ONS codes such as E06000001)")
            throw ExitCode.failure
        }
        let order = attached.map { polarity?.order ?? Significance.Order($0.polarity) } ?? resolvedOrder(dataset)
        var level = confidence?.confidence ?? .ci95
        if confidence == nil, let published = Benchmark.publishedConfidence(of: dataset, order: order) {
            Console.error("Comparing at \(published.rawValue)%, as the file's own comparisons were made (--confidence chooses).")
            level = published
        }
        let benchmark = Benchmark(dataset: dataset, order: order, confidence: level)
        // LG Inform gives no limits, and compares none with England (docs/benchmark.md): nothing to say of them there.
        if dataset.publisher == .fingertips,
            !dataset.records.contains(where: { level.interval(of: $0).lower != nil && level.interval(of: $0).upper != nil })
        {
            let other: Benchmark.Confidence = level == .ci95 ? .ci998 : .ci95
            let hasOther = dataset.records.contains { other.interval(of: $0).lower != nil && other.interval(of: $0).upper != nil }
            Console.error(
                "\(file): the file gives no \(level.rawValue)% confidence limits, so no area is compared with England or its parent"
                    + (hasOther ? " (it gives \(other.rawValue)% ones: --confidence \(other.rawValue))" : ""))
        }
        if json {
            Console.out(try JSONText.encode(BenchmarkReport(benchmark, area: area).records))
        } else if csv {
            Console.document(BenchmarkReport(benchmark, area: area).csv)
        } else {
            Console.out(BenchmarkTable(benchmark: benchmark, area: area).text)
        }
    }

    /// The polarity given, else the one the file's comparisons show (saying so on standard error), else none.
    func resolvedOrder(_ dataset: NationalDataset) -> Significance.Order {
        if let polarity { return polarity.order }
        if let published = Benchmark.publishedOrder(of: dataset) {
            let words = published == .none ? "no polarity (higher or lower)" : "\(published.rawValue) is better"
            Console.error("Comparing with \(words), as the file's own comparisons with England show (--polarity chooses).")
            return published
        }
        Console.error("No polarity given: areas are compared as higher or lower (--polarity higher or lower judges them).")
        return .none
    }
}
