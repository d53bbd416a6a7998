import Foundation
import ScorecardKit
import ScorecardReports
import Testing

@Suite("The report as CSV")
struct CSVReportWriterTests {
    /// The rows of `csv`, each a list of fields, read back with the program's own CSV reader.
    static func rows(_ csv: String) throws -> [[String]] {
        var rows: [[String]] = []
        try CSVReader(bytes: Array(csv.utf8), file: "report.csv").forEachRecord { record in
            rows.append((0..<record.count).map { record.string($0) })
        }
        return rows
    }

    @Test("Round trip: the status columns, one row per measure, each field as `status --csv` writes it")
    func roundTrip() throws {
        let council = ReportFixture.council
        let evaluation = council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today)
        let report = CommitteeReport(council: council, evaluation: evaluation, options: ReportOptions(produced: ReportFixture.today))
        let csv = CSVReportWriter.csv(report, council: council, evaluation: evaluation)
        let rows = try Self.rows(csv)
        #expect(rows.first == StatusReport.csvColumns)
        let status = try Self.rows(StatusReport(council: council, evaluation: evaluation).csv)
        #expect(rows == status)
        let kbm1 = try #require(rows.first { $0.first == "KBM-1" })
        let column = { (name: String) in StatusReport.csvColumns.firstIndex(of: name) ?? 0 }
        #expect(kbm1[column("value")] == "70" && kbm1[column("status")] == "off track")
        #expect(kbm1[column("commentary")] == ReportFixture.commentary)
    }

    @Test("Exceptions and scope choose the rows")
    func rowsChosen() throws {
        let council = ReportFixture.council
        let evaluation = council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today)
        let report = CommitteeReport(
            council: council, evaluation: evaluation,
            options: ReportFixture.options(exceptionsOnly: true))
        let rows = try Self.rows(CSVReportWriter.csv(report, council: council, evaluation: evaluation))
        #expect(rows.dropFirst().map { $0[0] } == ["KBM-1", "KBI-4"])
    }

    @Test("Public: a withheld value is `*`, never the number, with no quality or commentary")
    func publicWithholds() throws {
        var council = ReportFixture.council
        // September's 2, validated and explained.
        var series = Array(council.observations[2])
        series[2].quality = .validated
        series[2].note = "Two people"
        council.observations[2] = ObservationSeries(series)
        let evaluation = council.evaluate(asAt: ReportFixture.asAt, today: ReportFixture.today)
        let report = CommitteeReport(council: council, evaluation: evaluation, options: ReportFixture.options(audience: .public))
        let rows = try Self.rows(CSVReportWriter.csv(report, council: council, evaluation: evaluation))
        let kbi2 = try #require(rows.first { $0.first == "KBI-2" })
        #expect(kbi2[StatusReport.csvColumns.firstIndex(of: "value") ?? 0] == "*")
        #expect(kbi2[StatusReport.csvColumns.firstIndex(of: "direction_previous") ?? 0] == "")
        #expect(!kbi2.contains("2") && !kbi2.contains("3"))
        #expect(!kbi2.contains("validated") && !kbi2.contains("Two people"))
    }
}
