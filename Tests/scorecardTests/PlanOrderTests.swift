import Foundation
import ScorecardKit
import ScorecardReports
import ScorecardSheets
import TestScratch
import Testing

@testable import scorecard

/// A council whose files list a priority's own measure after the delivery plans' measures: every output lists
/// measures in the plan's order, each with its own figures.
@Suite("Measures listed in the plan's order, not the files'")
struct PlanOrderTests {
    static let today = CivilDate(year: 2026, month: 11, day: 24)!

    /// The sample as tables, its first measure's row (a priority's own outcome measure) moved to the end of
    /// measures.csv.
    static func reordered() throws -> (Council, String) {
        let sample = try CouncilSource.load(path: HostileCouncil.sample, today: today)
        let dir = ScratchDirectory.root.appendingPathComponent("plan-order-\(UUID().uuidString)").path
        try CouncilExport.write(sample, layout: .tables(wideObservations: false), to: dir)
        let path = dir + "/measures.csv"
        // One line a row: the sample's fields hold no line breaks.
        var lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        try #require(lines.count > 2)
        let first = lines.remove(at: 1)
        lines.append(first)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let council = try CouncilSource.load(path: dir, today: today)
        return (council, dir)
    }

    @Test("the status table, CSV and JSON, and the report's CSV give each measure its own figures, in the plan's order")
    func eachRowItsOwn() throws {
        let (council, _) = try Self.reordered()
        let moved = try #require(council.measures.last)
        let m = council.measures.count - 1
        // Still among its priority's own measures, before every delivery plan's.
        let position = try #require(council.agendaOrder.firstIndex(of: m))
        #expect(position < 5, "the moved measure is listed with its priority's own")
        let evaluation = council.evaluate(asAt: council.defaultReportingPeriod(today: Self.today), today: Self.today)
        let judged = evaluation.measures[m]
        let value = try #require(judged.value.map(moved.format))
        let report = StatusReport(council: council, evaluation: evaluation)
        #expect(report.measures[position].code == moved.code && report.measures[position].value == judged.value)
        let table = StatusCommand.table(report, council: council, evaluation: evaluation)
        let row = try #require(table.split(separator: "\n").first { $0.hasPrefix(moved.code + " ") })
        #expect(row.contains(value) && row.contains(judged.status.label))
        let paper = CommitteeReport(council: council, evaluation: evaluation, options: ReportOptions(produced: Self.today))
        let csv = CSVReportWriter.csv(paper, council: council, evaluation: evaluation)
        // One row a measure of the paper, in its order.
        let codes = csv.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.map { String($0.prefix { $0 != "," }) }
        #expect(codes == paper.sections.flatMap(\.allMeasures).map(\.code))
        let csvRow = try #require(csv.components(separatedBy: "\r\n").first { $0.hasPrefix(moved.code + ",") })
        #expect(csvRow.contains(",\(formatPlain(try #require(judged.value))),"))
    }
}
