import Foundation
import TestScratch
import Testing
import Yams

@testable import ScorecardSample
@testable import ScorecardKit

/// A minimal RFC 4180 reader for checking the generator's output.
private func parseCSV(_ bytes: [UInt8]) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field: [UInt8] = []
    var quoted = false
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        if quoted {
            if b == 0x22 {
                if i + 1 < bytes.count, bytes[i + 1] == 0x22 {
                    field.append(0x22)
                    i += 1
                } else {
                    quoted = false
                }
            } else {
                field.append(b)
            }
        } else if b == 0x22 {
            quoted = true
        } else if b == 0x2C {
            row.append(String(decoding: field, as: UTF8.self))
            field = []
        } else if b == 0x0A {
            row.append(String(decoding: field, as: UTF8.self))
            rows.append(row)
            row = []
            field = []
        } else {
            field.append(b)
        }
        i += 1
    }
    if !field.isEmpty || !row.isEmpty {
        row.append(String(decoding: field, as: UTF8.self))
        rows.append(row)
    }
    return rows
}

private struct MeasureInfo {
    var frequency: String
    var cumulative: Bool
    var status: String
}

/// Every measure in the framework, by code, read with Yams.
private func measures(in yaml: String) throws -> (priorities: Int, plans: Int, measures: [String: MeasureInfo], order: [String]) {
    let root = try #require(try Yams.load(yaml: yaml) as? [String: Any])
    let priorities = try #require(root["priorities"] as? [[String: Any]])
    var plans = 0
    var result: [String: MeasureInfo] = [:]
    var order: [String] = []
    func add(_ list: Any?) throws {
        for m in (list as? [[String: Any]]) ?? [] {
            let code = try #require(m["code"] as? String)
            #expect(result[code] == nil, "duplicate code \(code)")
            result[code] = MeasureInfo(
                frequency: try #require(m["frequency"] as? String), cumulative: m["cumulative"] as? Bool ?? false,
                status: m["status"] as? String ?? "active")
            order.append(code)
        }
    }
    for p in priorities {
        try add(p["measures"])
        for plan in (p["plans"] as? [[String: Any]]) ?? [] {
            plans += 1
            try add(plan["measures"])
        }
    }
    return (priorities.count, plans, result, order)
}

@Suite("Sample council generator")
struct SampleCouncilGeneratorTests {
    static let standard = SampleCouncilGenerator().generate()

    @Test("the same seed gives the same bytes; another seed gives others")
    func determinism() {
        let a = SampleCouncilGenerator(measures: 300, years: 3, seed: 7).generate()
        let b = SampleCouncilGenerator(measures: 300, years: 3, seed: 7).generate()
        let c = SampleCouncilGenerator(measures: 300, years: 3, seed: 8).generate()
        #expect(a.framework == b.framework)
        #expect(a.observations == b.observations)
        #expect(a.observations != c.observations)
        #expect(Self.standard.observations == SampleCouncilGenerator().generate().observations)
    }

    @Test("the default council has 6-8 priorities, 20+ plans and 150+ measures")
    func defaultCounts() throws {
        let (priorities, plans, measures, _) = try measures(in: Self.standard.framework)
        #expect((6...8).contains(priorities))
        #expect(plans >= 20)
        #expect(measures.count == 160)
        #expect(Self.standard.summary.measures == 160)
        #expect(SampleCouncilGenerator.catalogueSize >= 160)
        for tier in ["OUT-", "KBM-", "KBI-"] {
            #expect(measures.keys.filter { $0.hasPrefix(tier) }.count >= 15, "too few \(tier) measures")
        }
    }

    @Test("exactly the number of measures asked for", arguments: [1, 40, 1000])
    func measureCount(_ n: Int) throws {
        let output = SampleCouncilGenerator(measures: n, years: 2).generate()
        let (_, _, measures, _) = try measures(in: output.framework)
        #expect(measures.count == n)
    }

    @Test("every row's period parses, matches its measure's frequency and is written canonically")
    func periods() throws {
        let output = Self.standard
        let (_, _, measures, _) = try measures(in: output.framework)
        let rows = parseCSV(output.observations)
        #expect(rows.first == ["measure", "period", "value", "target", "note", "quality"])
        #expect(rows.count - 1 == output.summary.rows)
        var seen = Set<String>()
        for row in rows.dropFirst() {
            #expect(row.count == 6)
            let info = try #require(measures[row[0]], "unknown measure \(row[0])")
            let period = try #require(Period(parsing: row[1]), "bad period \(row[1])")
            let frequency = try #require(Frequency(rawValue: info.frequency))
            #expect(period.kind == frequency.periodKind, "\(row[0]) \(row[1])")
            #expect(period.description == row[1])
            #expect(seen.insert(row[0] + "|" + row[1]).inserted, "duplicate row \(row[0]) \(row[1])")
            if !row[2].isEmpty { #expect(Double(row[2]) != nil) }
            #expect(["", "provisional", "estimated", "validated"].contains(row[5]))
            #expect(info.status != "in-development")
        }
    }

    @Test("monthly data runs to September 2026, quarterly to 2026/27 Q2, annual to 2025/26")
    func historyRange() throws {
        let output = SampleCouncilGenerator(measures: 400, years: 5).generate()
        let rows = parseCSV(output.observations).dropFirst()
        let periods = rows.compactMap { Period(parsing: $0[1]) }
        let months = periods.filter { $0.kind == .month }
        #expect(months.min() == .month(2021, 4))
        // One measure's collection starts after the reporting period (no data yet at 2026-09).
        #expect(months.filter { $0 > .month(2026, 9) }.allSatisfy { $0 == .month(2026, 10) })
        #expect(months.contains(.month(2026, 9)))
        #expect(periods.filter { $0.kind == .quarter }.max() == .quarter(2026, 2))
        #expect(periods.filter { $0.kind == .financialYear }.max() == .financialYear(2025))
        #expect(periods.filter { $0.kind == .calendarYear }.max() == .calendarYear(2025))
    }

    @Test("cumulative measures rise through the year and restart each April")
    func cumulativeReset() throws {
        let output = Self.standard
        let (_, _, measures, _) = try measures(in: output.framework)
        var series: [String: [(Period, Double)]] = [:]
        for row in parseCSV(output.observations).dropFirst() {
            guard measures[row[0]]?.cumulative == true, let v = Double(row[2]), let p = Period(parsing: row[1]) else {
                continue
            }
            series[row[0], default: []].append((p, v))
        }
        #expect(series.count >= 10)
        var resets = 0
        for (code, values) in series {
            for (a, b) in zip(values, values.dropFirst()) where b.0 == a.0.next {
                if b.0.positionInFinancialYear == 1 {
                    #expect(b.1 < a.1, "\(code) does not restart in \(b.0)")
                    resets += 1
                } else {
                    #expect(b.1 >= a.1, "\(code) falls within the year at \(b.0)")
                }
            }
        }
        #expect(resets > 50)
    }

    @Test("every status and alert occurs at the reporting period, in believable proportions")
    func statuses() {
        let s = Self.standard.summary
        for (name, count) in [
            ("on track", s.onTrack), ("within tolerance", s.withinTolerance), ("off track", s.offTrack),
            ("not judged", s.notJudged), ("in development", s.inDevelopment), ("no data", s.noData),
            ("overdue", s.overdue), ("retired", s.retired), ("off track run", s.offTrackRun),
            ("off track across a year end", s.offTrackRunAcrossYearEnd), ("worsening", s.worsening),
            ("overdue actions", s.overdueActions),
        ] {
            #expect(count > 0, "no \(name)")
        }
        let total = Double(s.measures)
        #expect((0.5...0.7).contains(Double(s.onTrack) / total))
        #expect((0.08...0.17).contains(Double(s.withinTolerance) / total))
        #expect((0.08...0.17).contains(Double(s.offTrack) / total))
        #expect((4...7).contains(s.overdue))
        let sum = s.onTrack + s.withinTolerance + s.offTrack + s.notJudged + s.inDevelopment + s.noData + s.overdue
            + s.retired
        #expect(sum == s.measures)
    }

    @Test("large samples keep the same shape")
    func largeSample() {
        let s = SampleCouncilGenerator(measures: 2000, years: 2).generate().summary
        #expect(s.measures == 2000)
        let total = Double(s.measures)
        #expect((0.5...0.7).contains(Double(s.onTrack) / total))
        #expect(s.withinTolerance > 0 && s.offTrack > 0 && s.overdue > 0 && s.noData > 0)
    }

    @Test("odd shapes: one year of history, a monthly reporting period")
    func oddShapes() throws {
        for generator in [
            SampleCouncilGenerator(measures: 200, years: 1),
            SampleCouncilGenerator(measures: 200, years: 3, reportingPeriod: .month(2025, 12)),
        ] {
            let output = generator.generate()
            let (_, _, measures, _) = try measures(in: output.framework)
            #expect(measures.count == 200)
            let rows = parseCSV(output.observations).dropFirst()
            #expect(rows.count == output.summary.rows && rows.count > 1000)
            let end = generator.reportingPeriod.endDate
            for row in rows {
                let p = try #require(Period(parsing: row[1]))
                // History starts in April of the first year (calendar-year data in the January before).
                let first = generator.reportingPeriod.financialYearStart - generator.years
                #expect(p.startDate >= (p.kind == .calendarYear ? CivilDate(year: first, month: 1, day: 1)! : Period.financialYear(first).startDate))
                // Only the late-starting measure has data after the reporting period, and only one month.
                if p.endDate > end { #expect(p == Period.containing(end.adding(days: 1), kind: .month)) }
            }
            #expect(output.summary.onTrack > 0 && output.summary.offTrack > 0 && output.summary.overdue > 0)
        }
    }

    @Test("write(to:) writes the two files")
    func writesFiles() throws {
        let dir = ScratchDirectory.root.appendingPathComponent("sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let generator = SampleCouncilGenerator(measures: 200, years: 2, seed: 3)
        try generator.write(to: dir.path)
        let output = generator.generate()
        let yaml = try String(contentsOf: dir.appendingPathComponent("framework.yaml"), encoding: .utf8)
        let csv = try Data(contentsOf: dir.appendingPathComponent("observations.csv"))
        #expect(yaml == output.framework)
        #expect([UInt8](csv) == output.observations)
    }

    @Test("YAML and CSV quoting")
    func quoting() {
        #expect(YAMLText.scalar("Homes for everyone") == "Homes for everyone")
        #expect(YAMLText.scalar("% of calls answered") == "\"% of calls answered\"")
        #expect(YAMLText.scalar("Note: this") == "\"Note: this\"")
        #expect(YAMLText.scalar("a #tag") == "\"a #tag\"")
        #expect(YAMLText.scalar("2025") == "\"2025\"")
        #expect(YAMLText.scalar("2024/25") == "2024/25")
        #expect(YAMLText.scalar("yes") == "\"yes\"")
        #expect(YAMLText.scalar("say \"hi\"\n") == "\"say \\\"hi\\\"\\n\"")
        // Characters YAML reads as line breaks, and controls, are quoted and escaped so the reader takes them back.
        #expect(YAMLText.scalar("A\u{202E}B\u{85}C\u{2028}D\u{9B}E") == "\"A\\u202eB\\NC\\LD\\x9bE\"")
        #expect(SampleText.csv("plain") == "plain")
        #expect(SampleText.csv("a, b") == "\"a, b\"")
        #expect(SampleText.csv("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(SampleText.number(-3.14159, decimals: 2) == "-3.14")
        #expect(SampleText.number(0.05, decimals: 1) == "0.1")
        #expect(SampleText.number(1234567, decimals: 0) == "1234567")
    }
}
