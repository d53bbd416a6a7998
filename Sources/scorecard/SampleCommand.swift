import ArgumentParser
import Foundation
import ScorecardKit
import ScorecardSample

/// `scorecard sample`: writes a realistic fictional council, deterministically.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a fictional sample council's data files, as it stands today (the same arguments and day always give the same files)."
    )

    @Option(help: "How many measures.")
    var measures = 160

    @Option(help: "How many financial years of history.")
    var years = 5

    @Option(help: "The directory to write framework.yaml and observations.csv into.")
    var out: String

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp(
        "The day the sample stands on (default: today, or SCORECARD_TODAY), as the sample built into the program does: it reports "
            + "on the latest quarter that ended at least 55 days before. 2026-11-24 writes the files in data/.", valueName: "date"))
    var today: String?

    func validate() throws {
        guard (1...200_000).contains(measures) else { throw ValidationError("--measures must be from 1 to 200,000") }
        guard (1...30).contains(years) else { throw ValidationError("--years must be from 1 to 30") }
    }

    func run() throws {
        let today = try CivilDate.resolvedToday(today)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw CommandFailure("\(out.excerpt()) is a file, not a folder: give --out a folder to write the sample into")
        }
        // Only a folder of the sample's own files is written over: another council's would be spoilt.
        let own: Set<String> = [CouncilDirectory.frameworkName, CouncilDirectory.observationsName, "national"]
        let others = ((try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []).filter { !own.contains($0) }.sorted()
        if !others.isEmpty {
            throw CommandFailure(
                "\(out.excerpt()) holds files a sample does not write (\(others.prefix(3).joined(separator: ", ").excerpt(80))"
                    + "\(others.count > 3 ? ", ..." : "")): give --out a new or empty folder; nothing was written")
        }
        // A framework.yaml of another council (an export, or one written by hand) is not the sample's to replace.
        let framework = (out as NSString).appendingPathComponent(CouncilDirectory.frameworkName)
        if FileManager.default.fileExists(atPath: framework) {
            let start = (try? FileHandle(forReadingFrom: URL(fileURLWithPath: framework)).read(upToCount: 200)) ?? nil
            guard let start, String(decoding: start, as: UTF8.self).contains(SampleCouncilGenerator.headerMark) else {
                throw CommandFailure(
                    "\(out.excerpt()) holds a framework.yaml that is not a sample's (another council's): give --out a new or empty "
                        + "folder; nothing was written")
            }
        }
        let summary: SampleSummary
        do {
            summary = try SampleCouncilGenerator.current(today: today, measures: measures, years: years, seed: seed).write(to: out)
        } catch let error as CocoaError {
            throw CommandFailure("cannot write the sample into \(out.excerpt()): \(error.localizedDescription.excerpt(120))")
        }
        let out = out.terminalSafe
        Console.out(
            "Wrote \(out)/\(CouncilDirectory.frameworkName), \(out)/\(CouncilDirectory.observationsName) and the national "
                + "downloads of \(summary.nationalFiles) outcome measure\(summary.nationalFiles == 1 ? "" : "s") in \(out)/national:")
        for line in summary.lines { Console.out("  " + line) }
    }
}
