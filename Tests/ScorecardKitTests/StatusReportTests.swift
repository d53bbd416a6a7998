import Foundation
import Testing

@testable import ScorecardKit

/// `scorecard status`: every measure's judgement, checked by hand on the small council as at Q2 2024/25,
/// judged on 24 November 2024.
@Suite("The status report")
struct StatusReportTests {
    static func report() throws -> StatusReport {
        let council = try CouncilDirectory(path: Fixture.directory).load()
        let today = try #require(CivilDate(year: 2024, month: 11, day: 24))
        return StatusReport(council: council, evaluation: council.evaluate(asAt: .quarter(2024, 2), today: today))
    }

    @Test("one record per measure, in the framework's order, with hand-checked judgements")
    func records() throws {
        let report = try Self.report()
        #expect(report.asAt == "2024/25 Q2")
        #expect(report.today == "2024-11-24")
        #expect(report.measures.map(\.code) == ["OUT-01", "KBM-01", "KBI-01", "KBI-02", "KBI-03"])
        let byCode = Dictionary(uniqueKeysWithValues: report.measures.map { ($0.code, $0) })

        // 1.1 per 1,000 against 1.2, lower is better: on track. Next: 2024/25, due 90 days after 31 March 2025.
        let out = try #require(byCode["OUT-01"])
        #expect(out.period == "2023/24" && out.value == 1.1 && out.target == 1.2 && out.status == "on track")
        #expect(out.tier == "outcome" && out.priority == "P1" && out.deliveryPlan == nil)
        #expect(out.nextPeriod == "2024/25" && out.nextDue == "2025-06-29")

        // Cumulative: 45 against 40% of 120 = 48; 10% tolerance is 4.8, so 3 short is at risk.
        let homes = try #require(byCode["KBM-01"])
        #expect(homes.period == "2024/25 Q2" && homes.value == 45 && homes.target == 48 && homes.status == "at risk")
        #expect(homes.direction == StatusReport.Travel(previous: nil, yearBefore: nil))
        #expect(homes.deliveryPlan == "DP-01" && homes.owner == "Jane Smith" && homes.service == "Housing")
        #expect(homes.nextPeriod == "2024/25 Q3" && homes.nextDue == "2025-02-14")
        #expect(homes.commentary == "Two schemes slipped to Q3, see the Housing Board report" && homes.quality == "provisional")

        // 86.0% against 90%, 2 points' tolerance: off track; down from 91.5% in August: worsening.
        let planning = try #require(byCode["KBI-01"])
        #expect(planning.period == "2024-09" && planning.value == 86 && planning.target == 90 && planning.status == "off track")
        #expect(planning.direction.previous == "worsening" && planning.direction.yearBefore == nil)
        #expect(planning.alerts == ["off track"])
        #expect(planning.nextPeriod == "2024-10" && planning.nextDue == "2024-11-30")

        // 8.25 days against 8, lower is better, 0.5 tolerance: at risk.
        let sickness = try #require(byCode["KBI-02"])
        #expect(sickness.value == 8.25 && sickness.target == 8 && sickness.status == "at risk" && sickness.quality == "estimated")

        // No polarity: not judged; 1,234 then 1,410 is increasing.
        let calls = try #require(byCode["KBI-03"])
        #expect(calls.status == "not judged" && calls.direction.previous == "increasing" && calls.target == nil)
    }

    @Test("the JSON has every key on every record, nulls included, in snake case")
    func json() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(try Self.report())
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["as_at"] as? String == "2024/25 Q2")
        #expect(object["figures"] as? String == "all")
        let records = try #require(object["measures"] as? [[String: Any]])
        let keys: Set<String> = [
            "code", "title", "tier", "priority", "delivery_plan", "owner", "service", "unit", "period", "value", "target",
            "status", "direction", "alerts", "next_period", "next_due", "commentary", "quality", "draft", "spc", "forecast", "comparator",
            "proposed_targets",
        ]
        for record in records { #expect(Set(record.keys) == keys) }
        #expect(records[0]["delivery_plan"] is NSNull)
        let direction = try #require(records[2]["direction"] as? [String: Any])
        #expect(direction["previous"] as? String == "worsening")
        #expect(direction["year_before"] is NSNull)
    }

    @Test("the JSON's spc says whether its centre line is the mean or the median")
    func spcCentre() throws {
        let periods = (0..<24).map { Period.month(2024, 4).advanced(by: $0) }
        func centre(_ values: [Double]) throws -> (String, Double)? {
            let control = try #require(ProcessControl(periods: periods, values: values, polarity: .higherIsBetter, target: 95))
            let data = try JSONEncoder().encode(StatusReport.SPC(control))
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            return (object["centre"] as? String ?? "", object["mean"] as? Double ?? .nan)
        }
        // 95 every month but one 96: the median, 95 (see XmRChartTests); 1 to 24: the mean, 12.5.
        #expect(try centre(Array(repeating: 95, count: 12) + [96] + Array(repeating: 95, count: 11)).map { $0 == ("median", 95) } == true)
        #expect(try centre((1...24).map(Double.init)).map { $0 == ("mean", 12.5) } == true)
    }

    @Test("the spc's figures carry no binary noise: a mean of tenths is written in tenths")
    func spcWithoutNoise() throws {
        let periods = (0..<20).map { Period.month(2024, 4).advanced(by: $0) }
        let values = [1.3, 2.7, 2.5, 1.5, 2.0, 1.9, 2.3, 2.6, 1.2, 1.1, 2.7, 1.9, 2.5, 1.0, 1.9, 2.4, 1.5, 2.9, 2.8, 1.1]
        let control = try #require(ProcessControl(periods: periods, values: values, polarity: .higherIsBetter, target: 95))
        let worked = [control.mean, control.lowerLimit, control.upperLimit]
        #expect(worked.contains { formatPlain($0).count > 8 }, "the sums leave noise (else this tests nothing)")
        let spc = StatusReport.SPC(control)
        for (figure, exact) in zip([spc.mean, spc.lowerLimit, spc.upperLimit], worked) {
            #expect(formatPlain(figure).count <= 8 && abs(figure - exact) < 1e-9, "\(figure)")
        }
        #expect(3094321.4080000003.withoutBinaryNoise == 3094321.408)
        #expect((98.3 * 0.582).withoutBinaryNoise == 57.2106, "a profiled target, as status writes it")
        #expect(0.00049.withoutBinaryNoise == 0.00049 && (-2.5).withoutBinaryNoise == -2.5 && Double.infinity.withoutBinaryNoise == .infinity)
    }

    @Test("the CSV has a header and one row per measure, quoting commas and line breaks")
    func csv() throws {
        let csv = try Self.report().csv
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == StatusReport.csvColumns.joined(separator: ","))
        #expect(lines[1].hasPrefix("OUT-01,\"Households in temporary accommodation per 1,000\",outcome,P1,,"))
        #expect(csv.contains("\"Two schemes slipped to Q3, see the Housing Board report\""))
        #expect(csv.contains(",2024-09,86,90,off track,worsening,,off track,2024-10,2024-11-30,"))
        #expect(csv.contains("\"Staff vacancies; two posts filled in October,\nbacklog cleared by December\""))
    }

    // A spreadsheet opening the CSV would run `=HYPERLINK(...)` from a hostile owner's name; numbers stay numbers.
    @Test("text that a spreadsheet would take for a formula is written after an apostrophe; negative numbers are not")
    func formulas() {
        #expect(CSVField.forSpreadsheet("=HYPERLINK(\"http://evil\")") == "\"'=HYPERLINK(\"\"http://evil\"\")\"")
        #expect(CSVField.forSpreadsheet("+1+cmd|' /C calc'!A0") == "'+1+cmd|' /C calc'!A0")
        #expect(CSVField.forSpreadsheet("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVField.forSpreadsheet("-2+3") == "'-2+3")
        #expect(CSVField.forSpreadsheet("\tlead") == "'\tlead")
        for plain in ["-3.5", "+2", "-0.25", "Off track", "", "2024-09", "a=b"] { #expect(CSVField.forSpreadsheet(plain) == plain) }
        #expect(CSVField.escaped("=1+1") == "=1+1")  // Data files read back exactly.
    }

    @Test("a field is quoted for a comma, a quote, any line break or a space at either end, and only then")
    func quoting() {
        for text in ["a,b", "say \"hi\"", "two\nlines", "cr\r\nlf", "tab\u{0B}vt", "next\u{85}line", "para\u{2029}graph", " lead", "trail "] {
            let quoted = CSVField.escaped(text)
            #expect(quoted == "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"", "\(text.debugDescription)")
        }
        for plain in ["plain", "£761k", "é 😀", "a\tb", "in-between space"] { #expect(CSVField.escaped(plain) == plain) }
    }
}
