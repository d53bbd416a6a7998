import ArgumentParser
import Foundation
import ScorecardKit
import ScorecardReports

/// `scorecard report`: the committee paper, as HTML, PDF, Markdown or CSV (documented in `docs/reports.md`).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the performance report for a committee or the public: HTML, PDF, Markdown or CSV.",
        discussion: """
            The report covers the whole Council Plan in the council's own order: a cover, a summary by priority, then \
            each priority's delivery plans and measures (value, target, status, direction of travel, alerts, the \
            owner's commentary in full, and a chart), and overdue actions. --exceptions keeps only what needs \
            attention. --audience public reads published values only and withholds small numbers. PDF needs \
            Chromium (Debian's chromium package). Nothing is written unless all of it is.
            """
    )

    @OptionGroup var input: CouncilInput

    @OptionGroup var judgement: JudgementOptions

    @Option(help: "html, pdf, md or csv (default: from the --out file's extension).")
    var format: Format?

    @Option(help: "committee (every figure the reader may see, drafts marked) or public (published values, small numbers withheld).")
    var audience: Audience = .committee

    @Flag(help: "Only what needs attention: measures with an alert (off track, repeatedly, overdue, forecast to miss, special cause concerning, worse than England, worsening), and overdue actions.")
    var exceptions = false

    @Option(name: .customLong("priority"), help: ArgumentHelp("Only this priority (repeat for more).", valueName: "code"))
    var priorities: [String] = []

    @Option(name: .customLong("plan"), help: ArgumentHelp("Only this delivery plan.", valueName: "code"))
    var deliveryPlan: String?

    @Option(help: ArgumentHelp("Only this measure.", valueName: "code"))
    var measure: String?

    @Option(help: ArgumentHelp("The file to write (`-` for standard output, but for PDF).", valueName: "file"))
    var out: String

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case html, pdf, md, csv
    }

    enum Audience: String, ExpressibleByArgument, CaseIterable {
        case committee, `public`
    }

    func validate() throws {
        let scopes = [!priorities.isEmpty, deliveryPlan != nil, measure != nil].filter { $0 }.count
        if scopes > 1 { throw ValidationError("give --priority, --plan or --measure, not more than one of them") }
        if out.isEmpty { throw ValidationError("--out needs a file name") }
        if out == "-", try resolvedFormat() == .pdf { throw ValidationError("a PDF is written to a file: give --out FILE.pdf") }
        // An HTML paper named x.pdf (or CSV named .html) opens as nothing useful: the name and the format agree.
        if let format, let named = ReportFormat(fileName: out), named.rawValue != format.rawValue {
            throw ValidationError(
                "--format \(format.rawValue) does not match --out \(out.terminalSafe), which names a .\(named.rawValue) file: "
                    + "leave out --format, or end --out with .\(format.rawValue)")
        }
    }

    /// The format asked for, else the one the file's extension names.
    func resolvedFormat() throws -> ReportFormat {
        if let format { return ReportFormat(rawValue: format.rawValue) ?? .html }
        guard let fromName = ReportFormat(fileName: out) else {
            throw ValidationError("say which format to write: --format html|pdf|md|csv, or end --out with .html, .pdf, .md or .csv")
        }
        return fromName
    }

    func run() throws {
        // A database another process holds (an import committing) is waited for, and said so, as writers say it.
        Console.announceWaitsForOtherWriters()
        let format = try resolvedFormat()
        let audience = ReportAudience(rawValue: audience.rawValue) ?? .committee
        if out != "-" { try Self.refuseReplacingOther(out) }
        // A PDF needs Chromium: say so before any work is done.
        let printer = format == .pdf ? try findPrinter() : nil
        let today = try judgement.resolvedToday()
        let (council, publishedOnly) = try input.loadSayingFigures(today: today, publishedOnly: audience == .public)
        let evaluation = try judgement.evaluate(council)
        let options = ReportOptions(
            audience: audience, scope: try scope(in: council), exceptionsOnly: exceptions, publishedOnly: publishedOnly,
            produced: today)
        let report = CommitteeReport(council: council, evaluation: evaluation, options: options)
        let bytes: Data
        switch format {
        case .html: bytes = Data(HTMLReportWriter.html(report).utf8)
        case .md: bytes = Data(MarkdownReportWriter.markdown(report).utf8)
        case .csv: bytes = Data(CSVReportWriter.csv(report, council: council, evaluation: evaluation).utf8)
        case .pdf:
            do {
                bytes = try printer?.pdf(html: HTMLReportWriter.html(report)) ?? Data()
            } catch let failure as ChromiumPrinter.Failure {
                throw CommandFailure(failure.description)
            }
        }
        if out == "-" {
            Console.document(String(decoding: bytes, as: UTF8.self))
            return
        }
        try write(bytes, to: out)
        let count = report.sections.reduce(0) { $0 + $1.allMeasures.count }
        let kind = (audience == .public ? "public " : "") + (exceptions ? "exceptions report" : "performance report")
        Console.out(
            "Wrote the \(kind) for \(report.cover.council.terminalSafe), as at \(report.cover.asAt) "
                + "(\(format.rawValue): \(NumberText.counted(report.sections.count, "priority", plural: "priorities")), "
                + "\(NumberText.counted(count, "measure"))) to \(out.terminalSafe).")
    }

    func findPrinter() throws -> ChromiumPrinter {
        do {
            return try ChromiumPrinter.find()
        } catch let failure as ChromiumPrinter.Failure {
            throw CommandFailure(failure.description)
        }
    }

    /// The part of the plan asked for, each code checked against the council.
    func scope(in council: Council) throws -> ReportScope {
        let plan = council.plan
        if let code = measure {
            let m = council.measureIndex(code: code)
                ?? council.measures.firstIndex { $0.code.caseInsensitiveCompare(code) == .orderedSame }
            guard let m else { throw CommandFailure("no measure has the code \(code.excerpt())") }
            return .measure(m)
        }
        if let code = deliveryPlan {
            for (p, priority) in plan.priorities.enumerated() {
                if let d = priority.plans.firstIndex(where: { $0.code.caseInsensitiveCompare(code) == .orderedSame }) {
                    return .deliveryPlan(priority: p, plan: d)
                }
            }
            throw CommandFailure("no delivery plan has the code \(code.excerpt())")
        }
        guard !priorities.isEmpty else { return .wholePlan }
        var chosen: [Int] = []
        for code in priorities {
            guard let p = plan.priorities.firstIndex(where: { $0.code.caseInsensitiveCompare(code) == .orderedSame }) else {
                let known = plan.priorities.map(\.code).joined(separator: ", ")
                throw CommandFailure("no priority has the code \(code.excerpt()) (the plan's priorities: \(known.excerpt()))")
            }
            if !chosen.contains(p) { chosen.append(p) }
        }
        return .priorities(chosen)
    }

    /// Refuses a `path` that holds a file other than a Scorecard report (``ReportFile/mayReplace(_:)``): a report
    /// replaces only a report, of any format (`--out observations.csv` replaced the council's own data with the
    /// report's table).
    static func refuseReplacingOther(_ path: String) throws {
        guard !ReportFile.mayReplace(path) else { return }
        throw CommandFailure(
            "\(path.terminalSafe) exists and is not a Scorecard report: a report replaces only a report; "
                + "nothing was written: choose another --out")
    }

    /// Writes `bytes` to `given` whole or not at all (a temporary file beside it, renamed into place; through a
    /// symbolic link, to the file it points to).
    func write(_ bytes: Data, to given: String) throws {
        let path: String
        do {
            path = try ExportError.fileDestination(given)
        } catch let error as ExportError {
            throw CommandFailure("cannot write the report to \(given.terminalSafe): it \(error.message)")
        }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandFailure("cannot write the report to \(path.terminalSafe): it is a directory")
        }
        do {
            try bytes.write(to: url, options: .atomic)
        } catch {
            let folder = url.deletingLastPathComponent().path
            let reason = FileManager.default.fileExists(atPath: folder) ? "it cannot be written there" : "there is no directory \(folder.terminalSafe)"
            throw CommandFailure("cannot write the report to \(path.terminalSafe): \(reason)")
        }
    }
}
