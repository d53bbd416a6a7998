import Foundation
import ScorecardKit
import ScorecardReports
import TestScratch
import Testing

@testable import scorecard

@Suite("scorecard report --out")
struct ReportCommandTests {
    static func folder() throws -> String {
        let dir = ScratchDirectory.root.appendingPathComponent("scorecard-report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func report(_ out: String, format: String) throws {
        var command = try Scorecard.parseAsRoot(["report", HostileCouncil.sample, "--today", "2026-11-24", "--format", format, "--out", out])
        try command.run()
    }

    @Test("a paper as at a period not yet begun is refused, and nothing is written; one not yet ended is allowed")
    func futurePeriod() throws {
        let out = try Self.folder() + "/paper.md"
        var future = try Scorecard.parseAsRoot(["report", HostileCouncil.sample, "--today", "2026-11-24", "--period", "2030/31 Q1", "--out", out])
        #expect(throws: (any Error).self) { try future.run() }
        #expect(!FileManager.default.fileExists(atPath: out))
        var current = try Scorecard.parseAsRoot(["report", HostileCouncil.sample, "--today", "2026-11-24", "--period", "2026/27 Q3", "--out", out])
        try current.run()
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test("a report replaces a report of its kind, never the council's data or another document", arguments: ["csv", "md", "html"])
    func replacesOnlyAReport(format: String) throws {
        let dir = try Self.folder()
        let data = dir + "/observations.csv", notes = dir + "/notes.\(format)"
        try Data("measure,period,value\r\nKBI-01,2026-09,5\r\n".utf8).write(to: URL(fileURLWithPath: data))
        try Data("Minutes of the meeting\n".utf8).write(to: URL(fileURLWithPath: notes))
        for other in [data, notes] where other.hasSuffix(format) || format == "csv" {
            #expect(throws: CommandFailure.self) { try Self.report(other, format: format) }
        }
        #expect(try String(contentsOfFile: data, encoding: .utf8) == "measure,period,value\r\nKBI-01,2026-09,5\r\n")
        #expect(try String(contentsOfFile: notes, encoding: .utf8) == "Minutes of the meeting\n")
        let paper = dir + "/paper.\(format)"
        try Self.report(paper, format: format)
        try Self.report(paper, format: format)
        #expect(FileManager.default.fileExists(atPath: paper))
    }

    @Test("a report of one format replaces one of another (paper.txt, CSV then Markdown), still not other text")
    func replacesAReportOfAnotherFormat() throws {
        let paper = try Self.folder() + "/paper.txt"
        try Self.report(paper, format: "csv")
        try Self.report(paper, format: "md")
        #expect(try String(contentsOfFile: paper, encoding: .utf8).hasPrefix("# "))
        try Self.report(paper, format: "html")
        #expect(try String(contentsOfFile: paper, encoding: .utf8).contains("<html"))
        try Data("Minutes\n".utf8).write(to: URL(fileURLWithPath: paper))
        #expect(throws: CommandFailure.self) { try Self.report(paper, format: "md") }
    }

    @Test("a PDF is known as a report by Chromium's producer and the report's title, in ASCII or UTF-16")
    func reportPDFs() {
        func known(_ text: String) -> Bool { ReportFile.isReportPDF(Data(text.utf8), text: text) }
        let info = "%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)\n"
        #expect(known(info + "/Title (Fernley Borough Council: Quarterly performance report, as at Q2 2026/27)>>"))
        // "Ynys Môn: ..., as at Q2": the title in UTF-16, as hexadecimal digits.
        #expect(known(info + "/Title <FEFF0059006E007900730020004D00F4006E003A002C00200061007300200061007400200051>>"))
        #expect(!known("%PDF-1.4 council contract"))
        #expect(!known(info + "/Title (Agenda for Cabinet)>>"))
        #expect(!known("%PDF-1.7\n<</Producer (LibreOffice)/Title (Minutes, as at 4 June)>>"))
    }

    @Test("--format and an --out that names another format are refused before anything is written")
    func formatAndNameDisagree() throws {
        for (format, out) in [("html", "x.pdf"), ("csv", "new.html"), ("md", "paper.csv"), ("pdf", "paper.htm")] {
            #expect(throws: (any Error).self) { try Scorecard.parseAsRoot(["report", "--format", format, "--out", out]) }
        }
        for (format, out) in [("html", "x.htm"), ("md", "paper.markdown"), ("pdf", "paper"), ("csv", "-")] {
            #expect(throws: Never.self) { try Scorecard.parseAsRoot(["report", "--format", format, "--out", out]) }
        }
    }
}
