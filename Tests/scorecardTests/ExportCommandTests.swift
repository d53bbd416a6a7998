import ArgumentParser
import Foundation
import ScorecardKit
import ScorecardSheets
import TestScratch
import Testing

@testable import scorecard

@Suite("scorecard export")
struct ExportCommandTests {
    static let sample = HostileCouncil.sample

    static func temporary(_ name: String) -> String {
        ScratchDirectory.root.appendingPathComponent("scorecard-export-\(UUID().uuidString)").appendingPathComponent(name).path
    }

    @Test("each format, long or wide, reads back as a council that check accepts, judged as the original",
          arguments: [(["--format", "yaml"], "c"), (["--format", "csv"], "c"), (["--format", "csv", "--wide"], "c"), (["--format", "xlsx"], "c.xlsx"), (["--format", "xlsx", "--wide"], "c.xlsx")])
    func formats(_ options: [String], _ name: String) throws {
        let today = try #require(CivilDate(year: 2026, month: 11, day: 24))
        let out = Self.temporary(name)
        try FileManager.default.createDirectory(atPath: (out as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var command = try Scorecard.parseAsRoot(["export", Self.sample, "--out", out] + options)
        try command.run()
        let original = try CouncilSource.load(path: Self.sample, today: today)
        let back = try CouncilSource.load(path: out, today: today)
        // A workbook's comparators are written beside it (c-national/), a directory's inside it (national/).
        #expect(back.measures.map(\.withoutComparatorFile) == original.measures.map(\.withoutComparatorFile) && back.plan == original.plan)
        #expect(back.measures.filter { $0.comparators != nil }.count == 12)
        let asAt = original.defaultReportingPeriod(today: today)
        let judged = { (council: Council) in StatusReport(council: council, evaluation: council.evaluate(asAt: asAt, today: today)) }
        #expect(judged(back) == judged(original))
        var check = try Scorecard.parseAsRoot(["check", out, "--today", "2026-11-24"])
        try check.run()
    }

    @Test("from a database, a draft awaiting sign-off is written as the signed-off value it would replace, not as a value")
    func signedOffFiguresOnly() throws {
        let database = try DraftMarkingTests.withDraft()
        let out = Self.temporary("c")
        try FileManager.default.createDirectory(atPath: (out as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var command = try Scorecard.parseAsRoot(["export", "--database", database, "--format", "csv", "--out", out])
        try command.run()
        let back = try CouncilSource.load(path: out, today: try SampleDatabaseTests.day("2026-11-24"))
        let kbi2 = try #require(back.measureIndex(code: "KBI-002"))
        #expect(back.observations[kbi2].last { $0.period == .month(2026, 9) }?.value == 504)
    }

    @Test("a target set ahead (a row for a period not ended, with no value) is exported, not left out as a value")
    func targetSetAhead() throws {
        let source = Self.temporary("source")
        try FileManager.default.createDirectory(atPath: source.folderPart, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.sample, toPath: source)
        let observations = source + "/observations.csv"
        let text = try String(contentsOfFile: observations, encoding: .utf8)
        try (text + "KBM-01,2030/31 Q3,,80,target set ahead,\n").write(toFile: observations, atomically: true, encoding: .utf8)
        let out = source.folderPart + "/c"
        var command = try Scorecard.parseAsRoot(["export", source, "--format", "csv", "--out", out])
        try command.run()
        let back = try CouncilSource.load(path: out, today: try SampleDatabaseTests.day("2026-11-24"))
        let kbm1 = try #require(back.measureIndex(code: "KBM-01"))
        let ahead = try #require(back.observations[kbm1].last { $0.period == .quarter(2030, 3) })
        #expect(ahead.target == 80 && ahead.value == nil && ahead.note == "target set ahead")
    }

    @Test("exported CSV guards formula-like text with an apostrophe, and reads back exactly")
    func formulaTextGuarded() throws {
        let today = try SampleDatabaseTests.day("2026-11-24")
        var council = try CouncilSource.load(path: Self.sample, today: today)
        council.measures[0].title = "=cmd|' /C calc'!A0"
        let m = council.observations.firstIndex { !$0.isEmpty } ?? 0
        council.observations[m][0].note = "=HYPERLINK(\"http://x\",\"y\")"
        let out = Self.temporary("c")
        try FileManager.default.createDirectory(atPath: (out as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try CouncilExport.write(council, layout: .tables(wideObservations: false), to: out)
        let observations = try String(contentsOfFile: out + "/observations.csv", encoding: .utf8)
        let measures = try String(contentsOfFile: out + "/measures.csv", encoding: .utf8)
        #expect(observations.contains("\"'=HYPERLINK(") && !observations.contains(",\"=HYPERLINK("))
        #expect(measures.contains(",'=cmd|' /C calc'!A0,"))
        let back = try CouncilSource.load(path: out, today: today)
        #expect(back.measures[0].title == council.measures[0].title)
        #expect(back.observations[m][0].note == council.observations[m][0].note)
    }

    @Test("a workbook of another council is not replaced by an export: that council's own data would be lost")
    func anotherCouncilsWorkbookKept() throws {
        let dir = Self.temporary("")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let other = dir + "/other.xlsx"
        var first = try Scorecard.parseAsRoot(["export", Self.sample, "--format", "xlsx", "--out", other])
        try first.run()
        let before = try Data(contentsOf: URL(fileURLWithPath: other))
        var council = try CouncilSource.load(path: Self.sample, today: try SampleDatabaseTests.day("2026-11-24"))
        council.plan.council = "Another Borough Council"
        let otherFolder = dir + "/another"
        try CouncilExport.write(council, layout: .yaml, to: otherFolder)
        var second = try Scorecard.parseAsRoot(["export", otherFolder, "--format", "xlsx", "--out", other])
        #expect(throws: CommandFailure.self) { try second.run() }
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
    }

    @Test("the council's master workbook, with sheets of its own, is not replaced by an export: they would be lost")
    func masterWorkbookKept() throws {
        let dir = Self.temporary("")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let master = dir + "/master.xlsx"
        var council = try CouncilSource.load(path: Self.sample, today: try SampleDatabaseTests.day("2026-11-24"))
        // Without the national files its Measures sheet would name.
        for m in council.measures.indices { council.measures[m].comparators = nil }
        let notes = OutputTable(name: "Notes", rows: [[.text("Figures for Cabinet, 12 November")]])
        try WorkbookWriter.write(CouncilWorkbook.sheets(council) + [notes], to: master)
        let before = try Data(contentsOf: URL(fileURLWithPath: master))
        var command = try Scorecard.parseAsRoot(["export", Self.sample, "--out", master])
        #expect { try command.run() } throws: { "\($0)".contains("has sheets of its own (\"Notes\")") }
        #expect(try Data(contentsOf: URL(fileURLWithPath: master)) == before)
        // Without them, the same council's workbook is replaced.
        try WorkbookWriter.write(CouncilWorkbook.sheets(council), to: master)
        var again = try Scorecard.parseAsRoot(["export", Self.sample, "--out", master])
        try again.run()
    }

    @Test("a workbook that cannot be written leaves nothing behind, not even its folder of national files")
    func failedWorkbookLeavesNothing() throws {
        let out = Self.temporary("c.xlsx")
        // A directory where the workbook would go: the workbook cannot be written.
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        var command = try Scorecard.parseAsRoot(["export", Self.sample, "--out", out])
        #expect(throws: (any Error).self) { try command.run() }
        let folder = (out as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["c.xlsx"])

        // A folder of the workbook's national files' name holding another file: refused, nothing written.
        let other = folder + "/d.xlsx", national = folder + "/d-national"
        try FileManager.default.createDirectory(atPath: national, withIntermediateDirectories: true)
        try Data("precious\n".utf8).write(to: URL(fileURLWithPath: national + "/notes.txt"))
        var again = try Scorecard.parseAsRoot(["export", Self.sample, "--out", other])
        #expect(throws: (any Error).self) { try again.run() }
        #expect(try FileManager.default.contentsOfDirectory(atPath: national) == ["notes.txt"])
        #expect(!FileManager.default.fileExists(atPath: other))
        // A file where the folder goes: refused in words, not the system's.
        let third = folder + "/e.xlsx"
        try Data("a file\n".utf8).write(to: URL(fileURLWithPath: folder + "/e-national"))
        var onFile = try Scorecard.parseAsRoot(["export", Self.sample, "--out", third])
        #expect { try onFile.run() } throws: { "\($0)".contains("is a file, where the workbook's national files go") }
        #expect(!FileManager.default.fileExists(atPath: third))
    }

    @Test("--wide is not for yaml; a source and --database together are refused")
    func validation() {
        #expect(throws: (any Error).self) { try Scorecard.parseAsRoot(["export", "--format", "yaml", "--wide", "--out", "x"]) }
        #expect(throws: (any Error).self) { try Scorecard.parseAsRoot(["export", "data", "--database", "d", "--format", "csv", "--out", "x"]) }
        // A directory named as a file: refused, whatever the format asked for, before anything is written.
        for options in [
            ["--out", "z.csv"], ["--format", "csv", "--out", "data/z.CSV"], ["--out", "council.xls"], ["--format", "yaml", "--out", "f.yaml"],
            ["--format", "yaml", "--out", "y.xlsx"], ["--format", "xlsx", "--out", "z.csv"], ["--format", "xlsx", "--out", "out/"],
            ["--format", "xlsx", "--out", "council"],
        ] {
            #expect(throws: (any Error).self) { try Scorecard.parseAsRoot(["export"] + options) }
        }
        #expect(throws: Never.self) { try Scorecard.parseAsRoot(["export", "--out", "council-2026"]) }
        #expect(throws: Never.self) { try Scorecard.parseAsRoot(["export", "--out", "c.xlsx"]) }
    }

    @Test("a workbook replaces only a workbook: not the council's own observations.csv, a document, or what a link points to")
    func replacesOnlyAWorkbook() throws {
        let dir = Self.temporary("")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let csv = dir + "/observations.csv", document = dir + "/minutes.docx", link = dir + "/link.xlsx", workbook = dir + "/old.xlsx"
        try Data("measure,period,value\n".utf8).write(to: URL(fileURLWithPath: csv))
        try Data([0x50, 0x4B, 0x03, 0x04, 0]).write(to: URL(fileURLWithPath: document))
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: csv)
        // Not named .xlsx: refused before anything is read. Named so, but a link to the CSV: refused as it is run.
        for out in [csv, document] {
            #expect(throws: (any Error).self) { try Scorecard.parseAsRoot(["export", Self.sample, "--format", "xlsx", "--out", out]) }
        }
        var command = try Scorecard.parseAsRoot(["export", Self.sample, "--format", "xlsx", "--out", link])
        #expect(throws: CommandFailure.self) { try command.run() }
        #expect(try String(contentsOfFile: csv, encoding: .utf8) == "measure,period,value\n")
        var first = try Scorecard.parseAsRoot(["export", Self.sample, "--format", "xlsx", "--out", workbook])
        try first.run()
        var again = try Scorecard.parseAsRoot(["export", Self.sample, "--format", "xlsx", "--out", workbook])
        try again.run()
    }
}

@Suite("The export's format")
struct ExportFormatTests {
    @Test("without --format, a file ending .xlsx is a workbook and anything else a data directory; --format decides, and must agree")
    func formatFromOut() throws {
        func format(_ arguments: [String]) throws -> ExportCommand.Format {
            try #require(try Scorecard.parseAsRoot(["export"] + arguments) as? ExportCommand).resolvedFormat
        }
        #expect(try format(["--out", "council.XLSX"]) == .xlsx)
        #expect(try format(["--out", "council"]) == .yaml)
        #expect(try format(["--out", "council", "--format", "csv"]) == .csv)
        #expect(throws: (any Error).self) { try format(["--out", "council.xlsx", "--format", "csv"]) }
    }
}
