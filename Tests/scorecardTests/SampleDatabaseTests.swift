import Foundation
import ScorecardKit
import TestScratch
import Testing

@testable import scorecard

/// The sample council the binary carries, and the default database made from it.
@Suite("The sample council and the default database")
struct SampleDatabaseTests {
    static func day(_ text: String) throws -> CivilDate { try #require(CivilDate(parsing: text)) }

    static func path() throws -> String {
        let dir = ScratchDirectory.root.appendingPathComponent("scorecard-sample-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir + "/scorecard.sqlite"
    }

    @Test("no files are needed: the sample is made in memory and reports on a recent quarter")
    func inMemory() throws {
        let council = try DataLocation.sample(today: try Self.day("2027-03-01"))
        #expect(council.plan.council == "Fernley Borough Council")
        #expect(council.plan.reportingPeriod == .quarter(2026, 3))
        #expect(council.measures.count == 160)
    }

    @Test("the default database is made again when the sample has moved on and nobody has changed it")
    func refreshedWhenUntouched() throws {
        let path = try Self.path()
        try DatabaseOptions.createFromSample(at: path, today: try Self.day("2026-11-24"))
        #expect(try DatabaseOptions.refreshSample(at: path, today: try Self.day("2026-12-31")) == false, "same quarter")
        #expect(try DatabaseOptions.refreshSample(at: path, today: try Self.day("2027-03-01")))
        #expect(try SQLiteStore(path: path).loadCouncil().plan.reportingPeriod == .quarter(2026, 3))
    }

    @Test("a default database someone has recorded into is never made again")
    func keptWhenChanged() throws {
        let path = try Self.path()
        try DatabaseOptions.createFromSample(at: path, today: try Self.day("2026-11-24"))
        _ = try SQLiteStore(path: path).record(
            ValueEntry(measure: "KBI-006", period: "2026-10", value: "30", by: "officer"), today: try Self.day("2026-11-24"))
        #expect(try DatabaseOptions.refreshSample(at: path, today: try Self.day("2027-03-01")) == false)
        let council = try SQLiteStore(path: path).loadCouncil()
        #expect(council.plan.reportingPeriod == .quarter(2026, 2))
        let index = try #require(council.measureIndex(code: "KBI-006"))
        #expect(council.observations[index].last?.value == 30)
    }

    @Test("an import given no folder loads the sample only into a database of the sample, never over another council")
    func sampleNeverOverAnotherCouncil() throws {
        let path = try Self.path()
        var other = try DataLocation.sample(today: try Self.day("2026-11-24"))
        other.plan.council = "Testshire County Council"
        _ = try SQLiteStore(path: path).importCouncil(other, by: "import", progress: nil)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var command = try Scorecard.parseAsRoot(["import", "--database", path])
        #expect(throws: CommandFailure.self) { try command.run() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "nothing was written")
        #expect(try SQLiteStore(path: path).councilName() == "Testshire County Council")

        let samplePath = try Self.path()
        try DatabaseOptions.createFromSample(at: samplePath, today: try Self.day("2026-11-24"))
        var again = try Scorecard.parseAsRoot(["import", "--database", samplePath])
        try again.run()
        #expect(try SQLiteStore(path: samplePath).councilName() == "Fernley Borough Council")
    }

    @Test("an import of another council's folder over a database is refused unless --replace says so")
    func otherCouncilNeedsReplace() throws {
        let path = try Self.path()
        try DatabaseOptions.createFromSample(at: path, today: try Self.day("2026-11-24"))
        var other = try DataLocation.sample(today: try Self.day("2026-11-24"))
        other.plan.council = "Testshire County Council"
        let folder = ScratchDirectory.root.appendingPathComponent("scorecard-other-\(UUID().uuidString)").path
        try CouncilExport.write(other, layout: .yaml, to: folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var command = try Scorecard.parseAsRoot(["import", folder, "--database", path])
        #expect(throws: CommandFailure.self) { try command.run() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "nothing was written")
        var replacing = try Scorecard.parseAsRoot(["import", folder, "--database", path, "--replace"])
        try replacing.run()
        #expect(try SQLiteStore(path: path).councilName() == "Testshire County Council")
    }

    @Test("--period takes a financial year, as a framework's reporting_period may be and as status shows it")
    func financialYearPeriod() throws {
        let options = try JudgementOptions.parse(["--period", "2025/26"])
        let council = try DataLocation.sample(today: try Self.day("2026-11-24"))
        #expect(try options.resolvedPeriod(for: council, today: try Self.day("2026-11-24")) == .financialYear(2025))
        #expect(throws: (any Error).self) { try JudgementOptions.parse(["--period", "soon"]).resolvedPeriod(for: council, today: try Self.day("2026-11-24")) }
        // A date a quarter ends on is that quarter, as reporting_period reads it; another date, its month.
        for (text, expected) in [("30/09/2026", Period.quarter(2026, 2)), ("2026-08-31", .month(2026, 8))] {
            #expect(try JudgementOptions.parse(["--period", text]).resolvedPeriod(for: council, today: try Self.day("2026-11-24")) == expected)
        }
    }
}
