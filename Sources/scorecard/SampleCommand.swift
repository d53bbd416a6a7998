import ArgumentParser
import ScorecardKit
import ScorecardSample

/// `scorecard sample`: writes a realistic fictional council, deterministically.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write a fictional sample council's data files (the same arguments always give the same files)."
    )

    @Option(help: "How many measures.")
    var measures = 160

    @Option(help: "How many financial years of history.")
    var years = 5

    @Option(help: "The directory to write framework.yaml and observations.csv into.")
    var out: String

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    func validate() throws {
        guard measures >= 1 else { throw ValidationError("--measures must be at least 1") }
        guard (1...30).contains(years) else { throw ValidationError("--years must be from 1 to 30") }
    }

    func run() throws {
        let summary = try SampleCouncilGenerator(measures: measures, years: years, seed: seed).write(to: out)
        let out = out.terminalSafe
        Console.out("Wrote \(out)/\(CouncilDirectory.frameworkName) and \(out)/\(CouncilDirectory.observationsName):")
        for line in summary.lines { Console.out("  " + line) }
    }
}
