import Foundation
import ScorecardKit
import ScorecardReports
import TestScratch
import Testing

/// The PDF as headless Chromium prints it, read back with poppler's `pdfinfo` and `pdftotext`. Runs where Chromium
/// and poppler-utils are installed (`.ci/run` installs both).
@Suite("The report printed to PDF by Chromium", .enabled(if: PDFTools.installed))
struct PDFReportTests {
    /// Runs `tool` with `arguments` and returns what it printed.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(PDFTools.path(tool)))
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("A4 pages; every priority's title, the as-at period and page numbers in the text")
    func sampleCouncil() throws {
        let (council, evaluation, _) = HTMLReportWriterTests.sample
        let report = CommitteeReport(
            council: council, evaluation: evaluation, options: ReportOptions(produced: evaluation.today))
        let pdf = try ChromiumPrinter.find().pdf(html: HTMLReportWriter.html(report))
        let file = ScratchDirectory.root.appendingPathComponent("scorecard-test-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }

        let info = try Self.run("pdfinfo", [file.path])
        let pages = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) })
        // A cover, a summary page, and at least a page per priority.
        #expect(pages >= 2 + council.plan.priorities.count)
        #expect(pages < 200)
        #expect(info.contains("(A4)"))

        let text = try Self.run("pdftotext", ["-layout", file.path, "-"])
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for priority in council.plan.priorities {
            #expect(flat.contains("\(priority.code) \(priority.title)"), "\(priority.code)")
        }
        #expect(flat.contains("as at \(evaluation.asAt.label)"))
        #expect(flat.contains("Page 1 of \(pages)") && flat.contains("Page \(pages) of \(pages)"))
        // The footer is on every page.
        #expect(text.components(separatedBy: "as at \(evaluation.asAt.label)").count - 1 >= pages)
    }

}

/// Whether the tools the PDF tests need are installed.
enum PDFTools {
    static let installed = (try? ChromiumPrinter.find()) != nil && path("pdfinfo") != nil && path("pdftotext") != nil

    /// The path of `name` on `PATH`, if it is there.
    static func path(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

@Suite("Finding Chromium")
struct ChromiumPrinterTests {
    @Test("No Chromium: a clear message naming the package to install")
    func notInstalled() {
        #expect(throws: ChromiumPrinter.Failure.notInstalled) {
            try ChromiumPrinter.find(environment: ["PATH": "/nonexistent"])
        }
        #expect(throws: ChromiumPrinter.Failure.notInstalled) {
            try ChromiumPrinter.find(environment: ["SCORECARD_CHROMIUM": "/nonexistent/chromium"])
        }
        #expect(ChromiumPrinter.Failure.notInstalled.description.contains("apt-get install chromium"))
    }
}
