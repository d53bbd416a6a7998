import ArgumentParser
import Foundation
import ScorecardKit
import TestScratch
import Testing

@testable import scorecard

/// How commands open a database file named with `--database`: one that holds no council is never written.
@Suite("Opening a database file")
struct DatabaseOpeningTests {
    @Test("an empty file is refused as holding no council by every command but import, and stays empty",
          arguments: [["status"], ["alerts"], ["status", "--published"], ["record", "KBI-001", "2026-10", "5"], ["publish"]])
    func emptyFileStaysEmpty(_ arguments: [String]) throws {
        let path = try SampleDatabaseTests.path()
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        var command = try Scorecard.parseAsRoot(arguments + ["--database", path])
        #expect(throws: CommandFailure.self) { try command.run() }
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 0)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("publish and status refuse a period not begun, saying so; status names the periods that have")
    func periodNotBegun() throws {
        let path = try SampleDatabaseTests.path()
        for arguments in [["publish", "--period", "2090/91"], ["publish", "--period", "31/03/2091"]] {
            var command = try Scorecard.parseAsRoot(arguments + ["--database", path])
            do {
                try command.run()
                Issue.record("\(arguments) was taken")
            } catch let failure as CommandFailure {
                #expect(failure.description.hasSuffix("; nothing was published"), "\(failure.description)")
                #expect(failure.description.contains("has not begun") || failure.description.contains("is still to come"))
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        // A month not begun is told the months that have, a quarter the quarters.
        for (period, said) in [
            ("2026/27 Q4", "Q4 2026/27 has not begun (it starts on 1 January 2027): give a period that has, up to Q3 2026/27 (the default is Q2 2026/27)"),
            ("2027-01", "Jan 2027 has not begun (it starts on 1 January 2027): give a period that has, up to Dec 2026 (the default is Q2 2026/27)"),
        ] {
            var status = try Scorecard.parseAsRoot(["status", "--period", period, "--today", "2026-12-06"])
            do {
                try status.run()
                Issue.record("\(period), not begun, was judged")
            } catch let failure as CommandFailure {
                #expect(failure.description == said)
            }
        }
    }

    @Test("a command that writes does not offer --published, and refuses it in words; the dashboard offers it",
          arguments: [["import"], ["record", "KBI-001", "2026-10", "5"], ["target", "KBI-001", "2026/27", "5"], ["publish"]])
    func publishedOnlyWhereItMeansSomething(_ arguments: [String]) throws {
        let name = try #require(arguments.first)
        let type: any ParsableCommand.Type =
            switch name {
            case "import": ImportCommand.self
            case "record": RecordCommand.self
            case "target": TargetCommand.self
            default: PublishCommand.self
            }
        #expect(!Scorecard.helpMessage(for: type).contains("--published"), "\(name)")
        do {
            _ = try Scorecard.parseAsRoot(arguments + ["--published"])
            Issue.record("\(name) --published was taken")
        } catch {
            #expect(Scorecard.message(for: error).contains("--published shows what members see"), "\(name)")
        }
        #expect(Scorecard.helpMessage(for: DashboardCommand.self).contains("--published"))
        // Data files have no drafts: the dashboard says so, as status does, rather than opening without a word.
        for arguments in [["--data", "data", "--published"], ["status", "data", "--published"]] {
            do {
                _ = try Scorecard.parseAsRoot(arguments)
                Issue.record("\(arguments) was taken")
            } catch {
                #expect(Scorecard.message(for: error).contains("--published is for a database: data files have no drafts"), "\(arguments)")
            }
        }
    }

    @Test("an empty --database is refused in words, by every command that takes one")
    func emptyDatabasePath() {
        for arguments in [["status", "--database", ""], ["import", "--database", " "], ["record", "KBI-01", "2024-09", "1", "--database", ""]] {
            #expect(throws: (any Error).self, "\(arguments)") { _ = try Scorecard.parseAsRoot(arguments) }
        }
        #expect(throws: (any Error).self) { try DatabaseOptions.refuseOtherURL("") }
        #expect(throws: Never.self) { try DatabaseOptions.refuseOtherURL("council.sqlite") }
    }

    @Test("the help an error points to names the command as typed: db grant, not grant (no such command)")
    func helpPointsToTheCommandAsTyped() {
        #expect(Scorecard.commandPath(of: DatabaseGrantCommand.self) == "db grant")
        #expect(Scorecard.commandPath(of: DatabaseInitCommand.self) == "db init")
        #expect(Scorecard.commandPath(of: ReportCommand.self) == "report")
    }

    @Test("a folder given as the database (`.`, `./`, `..`) is refused in words, by import as by the rest", arguments: [".", "./", ".."])
    func folderAsDatabase(_ path: String) throws {
        var command = try Scorecard.parseAsRoot(["import", "--database", path])
        #expect(throws: (any Error).self) { try command.run() }
        var status = try Scorecard.parseAsRoot(["status", "--database", path])
        #expect(throws: (any Error).self) { try status.run() }
    }

    @Test("import into a database whose folder is not there is refused, and no folder is made")
    func importNeedsTheFolder() throws {
        let root = ScratchDirectory.root.appendingPathComponent("scorecard-nofolder-\(UUID().uuidString)").path
        var command = try Scorecard.parseAsRoot(["import", "--database", root + "/no/such/x.sqlite"])
        #expect(throws: CommandFailure.self) { try command.run() }
        #expect(!FileManager.default.fileExists(atPath: root))
    }

    @Test("sample --out refuses a folder whose framework.yaml is another council's, and writes over a sample's own")
    func sampleOverAnotherCouncil() throws {
        let folder = (try SampleDatabaseTests.path() as NSString).deletingLastPathComponent + "/council"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let framework = "council: Real Council\nplan: Plan\n"
        try framework.write(toFile: folder + "/framework.yaml", atomically: true, encoding: .utf8)
        var command = try Scorecard.parseAsRoot(["sample", "--out", folder, "--measures", "12", "--years", "1"])
        #expect(throws: CommandFailure.self) { try command.run() }
        #expect(try String(contentsOfFile: folder + "/framework.yaml", encoding: .utf8) == framework)
        try FileManager.default.removeItem(atPath: folder + "/framework.yaml")
        for _ in 0..<2 {
            var sample = try Scorecard.parseAsRoot(["sample", "--out", folder, "--measures", "12", "--years", "1"])
            try sample.run()
        }
    }

    @Test("sample writes the council as it stands on its day: --today 2026-11-24 writes data/, a later day the values published since")
    func sampleOnItsDay() throws {
        let root = (try SampleDatabaseTests.path() as NSString).deletingLastPathComponent
        let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path + "/data"
        func rows(on day: String) throws -> [String] {
            var sample = try Scorecard.parseAsRoot(["sample", "--out", root + "/on-" + day, "--today", day])
            try sample.run()
            return try String(contentsOfFile: root + "/on-\(day)/observations.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        }
        let pinned = try rows(on: "2026-11-24")
        #expect(pinned == (try String(contentsOfFile: data + "/observations.csv", encoding: .utf8)).split(separator: "\n").map(String.init))
        // By 6 December the 2025/26 figures of outcome measures published 240 days after the year are in.
        let later = try rows(on: "2026-12-06")
        #expect(later.contains { $0.hasPrefix("OUT-02,2025/26,") } && !pinned.contains { $0.hasPrefix("OUT-02,2025/26,") })
    }
}
