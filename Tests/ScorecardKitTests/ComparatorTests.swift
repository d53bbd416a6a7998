import Foundation
import TestScratch
import Testing

@testable import ScorecardKit

/// An outcome measure fed from a national download: read from the framework, judged against England, its region
/// and its neighbours, and alerted on when significantly worse than England.
@Suite struct ComparatorTests {
    /// A council whose one outcome measure is Hartlepool's campylobacter rate (lower is better), with four neighbours.
    static func council(extra: String = "") throws -> (Council, String) {
        let directory = ScratchDirectory.root.appendingPathComponent("comparators-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory + "/national", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: NationalDatasetTests.campylobacter, toPath: directory + "/national/campylobacter.csv")
        let framework = """
            council: Hartlepool Borough Council
            plan: Council Plan
            reporting_period: 2018/19 Q1
            priorities:
              - code: P1
                title: Healthy lives
                measures:
                  - code: OUT-01
                    title: Campylobacter incidence per 100,000
                    tier: outcome
                    frequency: calendar-year
                    polarity: lower
                    decimals: 1
                    benchmark_file: national/campylobacter.csv
                    benchmark_area: E06000001
                    benchmark_neighbours: E06000002, E06000003 E06000004; E06000005
            \(extra)
            """
        try framework.write(toFile: directory + "/framework.yaml", atomically: true, encoding: .utf8)
        try "measure,period,value\nOUT-01,2017,127.1\n".write(toFile: directory + "/observations.csv", atomically: true, encoding: .utf8)
        return (try CouncilDirectory(path: directory, today: CivilDate(year: 2018, month: 11, day: 1)).load(), directory)
    }

    @Test func readsTheCouncilsPointsFromTheDownload() throws {
        let (council, directory) = try Self.council()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let comparators = try #require(council.measures[0].comparators)
        #expect(comparators.source.neighbours == ["E06000002", "E06000003", "E06000004", "E06000005"])
        // Persons of all ages, 2015 to 2017 (the 0-9 rows are another breakdown).
        #expect(comparators.points.map(\.period) == [.calendarYear(2015), .calendarYear(2016), .calendarYear(2017)])
        let first = comparators.points[0]
        #expect(first.value == 142.713502643443)
        #expect(first.lower == 119.407207217347)
        #expect(first.england == 94.7261896202678)
        #expect(first.regionName == "North East region")
        #expect(first.region == 122.227171084892)
        #expect(first.neighbours.map(\.name) == ["Middlesbrough", "Redcar and Cleveland", "Stockton-on-Tees", "Darlington"])
    }

    @Test("Area codes in lower case are the file's codes: ONS codes are the same in any case")
    func areaCodesInAnyCase() throws {
        let (council, directory) = try Self.council()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let framework = try String(contentsOfFile: directory + "/framework.yaml", encoding: .utf8)
            .replacingOccurrences(of: "benchmark_area: E06000001", with: "benchmark_area: e06000001")
            .replacingOccurrences(of: "E06000005", with: "e06000005")
        try framework.write(toFile: directory + "/framework.yaml", atomically: true, encoding: .utf8)
        let lower = try CouncilDirectory(path: directory, today: CivilDate(year: 2018, month: 11, day: 1)).load()
        #expect(lower.measures[0].comparators?.points == council.measures[0].comparators?.points)
        #expect(lower.measures[0].comparators?.points.first?.neighbours.map(\.name).last == "Darlington")
        // A file that gives one area twice, its code in two cases, is refused as a row given twice.
        let twice = try #require(throws: DataFileError.self) {
            try NationalDataset.read(
                bytes: Array("Indicator Name,Area Code,Time period,Value\nX,E92000001,2017,5\nX,e1,2017,1\nX,E1,2017,2\n".utf8), file: "t.csv")
        }
        #expect(twice.line == 4 && twice.message.contains("repeats line 3"))
    }

    @Test func significantlyWorseThanEnglandRaisesAnAlert() throws {
        let (council, directory) = try Self.council()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let evaluation = council.evaluate(asAt: .quarter(2018, 1), today: CivilDate(year: 2018, month: 11, day: 1)!)
        let judged = evaluation.measures[0]
        let comparison = try #require(judged.comparison)
        // 2017: 127.1 (105.2 to 152.2); England 94.6 lies below the interval: worse. The North East inside it.
        #expect(comparison.point.periodText == "2017")
        #expect(comparison.comparedToEngland == .worse)
        #expect(comparison.comparedToRegion == .similar)
        #expect(judged.alerts.map(\.rule).contains(.worseThanEngland))
        let neighbours = comparison.point.neighbours.compactMap(\.value)
        let better = neighbours.filter { $0 < comparison.point.value! }.count
        #expect(comparison.rank == better + 1)
        #expect(comparison.of == 5)
        // As at 2016 the 2016 figures are used.
        let earlier = council.evaluate(asAt: .calendarYear(2016), today: CivilDate(year: 2018, month: 11, day: 1)!).measures[0]
        #expect(earlier.comparison?.point.periodText == "2016")
    }

    @Test("England just outside the interval is written with the decimals that show it outside, not on its end")
    func figuresKeptApart() throws {
        var measure = Measure(code: "X", title: "X", tier: .outcome, unit: MeasureUnit("%"), decimals: 0, frequency: .annual, polarity: .higherIsBetter)
        #expect(measure.placesApart(interval: [66.301, 73.6], comparators: [74]) == 1)
        #expect(measure.placesApart(interval: [66.301, 73.96], comparators: [74]) == 2)
        #expect(measure.placesApart(interval: [66, 72], comparators: [80, nil]) == 0)
        // England on the interval's end is written so; the council's own value is not a comparator.
        #expect(measure.placesApart(interval: [66, 72], comparators: [72]) == 0)
        #expect(measure.placesApart(interval: [nil, nil], comparators: [72.2]) == 0)
        let point = Comparators.Point(period: .financialYear(2025), periodText: "2025/26", value: 69, lower: 66.301, upper: 73.6, england: 74)
        measure.comparators = Comparators(source: Comparators.Source(file: "x.csv", area: "E1"), points: [point])
        let council = Council(plan: CouncilPlan(council: "C", title: "P", priorities: []), measures: [measure], observations: [[]])
        let judged = council.evaluate(asAt: .quarter(2026, 2), today: CivilDate(year: 2026, month: 11, day: 24)!).measures[0]
        let alert = try #require(judged.alerts.first { $0.rule == .worseThanEngland })
        #expect(alert.reason == "Significantly worse than England in 2025/26: 69.0% (95% interval 66.3% to 73.6%) against England's 74.0%, which lies outside the interval.")
    }

    @Test func aMissingAreaOrFileIsNamed() throws {
        let directory = ScratchDirectory.root.appendingPathComponent("comparators-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: NationalDatasetTests.campylobacter, toPath: directory + "/c.csv")
        func load(_ lines: String) throws -> Council {
            let framework = """
                council: X
                plan: Y
                priorities:
                  - code: P1
                    title: T
                    measures:
                      - code: OUT-01
                        title: M
                        frequency: calendar-year
                """ + "\n" + lines + "\n"
            try framework.write(toFile: directory + "/framework.yaml", atomically: true, encoding: .utf8)
            return try CouncilDirectory(path: directory, today: nil).load()
        }
        #expect(throws: DataLoadError.self) { try load("        benchmark_file: c.csv\n        benchmark_area: E99999999") }
        #expect(throws: DataLoadError.self) { try load("        benchmark_file: missing.csv\n        benchmark_area: E06000001") }
        #expect(throws: DataLoadError.self) { try load("        benchmark_file: c.csv") }
        #expect(throws: DataLoadError.self) { try load("        benchmark_area: E06000001") }
        // A neighbour the file does not have, or a breakdown it does not have, is named.
        do {
            _ = try load("        benchmark_file: c.csv\n        benchmark_area: E06000001\n        benchmark_neighbours: E06000002 E0600003")
            Issue.record("a mistyped neighbour was read")
        } catch let error as DataLoadError {
            #expect(error.description.contains("neighbour E0600003 has no rows in the file"))
        }
        do {
            _ = try load("        benchmark_file: c.csv\n        benchmark_area: E06000001\n        benchmark_sex: Female")
            Issue.record("a missing breakdown was read")
        } catch let error as DataLoadError {
            #expect(error.description.contains("no rows for benchmark_sex \"female\" (the file has \"Persons\")"))
        }
        do {
            _ = try load("        benchmark_file: c.csv\n        benchmark_area: E99999999")
        } catch let error as DataLoadError {
            #expect(error.description.contains("c.csv"))
            #expect(error.description.contains("area E99999999 has no rows in the file"))
        }
        // A file that is not a national download says which measure names it.
        try "just,some\ntext,here\n".write(toFile: directory + "/notes.csv", atomically: true, encoding: .utf8)
        do {
            _ = try load("        benchmark_file: notes.csv\n        benchmark_area: E06000001")
            Issue.record("a file that is no download was read")
        } catch let error as DataLoadError {
            #expect(error.description.contains("notes.csv"))
            #expect(error.description.contains("(the benchmark_file of measure OUT-01)"), "\(error.description)")
        }
    }

    @Test func theDatabaseKeepsTheComparators() throws {
        let (council, directory) = try Self.council()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try SQLiteStore(path: try StoreFixture.databasePath())
        _ = try store.importCouncil(council, by: "import", progress: nil)
        let loaded = try store.loadCouncil()
        #expect(loaded.measures[0].comparators == council.measures[0].comparators)
        #expect(loaded.measures[0].comparators?.points.count == 3)
    }

    @Test func nationalPeriodsArePlaced() {
        #expect(ComparatorReader.period("2017") == .calendarYear(2017))
        #expect(ComparatorReader.period("2016/17") == .financialYear(2016))
        #expect(ComparatorReader.period("2014 - 16") == .calendarYear(2016))
        #expect(ComparatorReader.period("2014/15 - 16/17") == .financialYear(2016))
        #expect(ComparatorReader.period("2010/11 Q1") == .quarter(2010, 1))
        #expect(ComparatorReader.period("2009/10 (taxbase)") == .financialYear(2009))
        #expect(ComparatorReader.period("sometime") == nil)
        // A date: the longest period ending that day.
        #expect(ComparatorReader.period("31/03/2025") == .financialYear(2024))
        #expect(ComparatorReader.period("2024-12-31") == .calendarYear(2024))
        #expect(ComparatorReader.period("30/09/2024") == .quarter(2024, 2))
        #expect(ComparatorReader.period("31/05/2024") == .month(2024, 5))
        #expect(ComparatorReader.period("15/05/2024") == nil)
    }

    /// A Fingertips download of one indicator compared at 99.8%: England 42; the council E06000099 50 with a 95%
    /// interval of 44 to 56 (England below it: significantly higher) and a 99.8% interval of 41 to 59 (England
    /// inside it: similar); two other areas whose published comparisons only the 99.8% limits reproduce.
    static let download998 = """
        Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,\
        Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,\
        Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to Region value or percentiles,\
        Time period Sortable,New data,Compared to goal
        90001,Test,,,E92000001,England,England,Persons,All ages,,,2019,42,41.9,42.1,41.8,42.2,,,,,Not compared,Not compared,20190000,,
        90001,Test,E92000001,England,E06000099,Testtown,UA,Persons,All ages,,,2019,50,44,56,41,59,,,,,Similar,Not compared,20190000,,
        90001,Test,E92000001,England,E06000080,Ashbury,UA,Persons,All ages,,,2019,47,43,51,40,54,,,,,Similar,Not compared,20190000,,
        90001,Test,E92000001,England,E06000081,Brackwell,UA,Persons,All ages,,,2019,36,33,39,30,41,,,,,Similar,Not compared,20190000,,

        """

    @Test("A download compared at 99.8% compares the council at 99.8%: similar, as published, not significantly worse",
          arguments: [Polarity.lowerIsBetter, .higherIsBetter, .none])
    func comparedAtTheDownloadsLevel(_ polarity: Polarity) throws {
        let dataset = try NationalDataset.read(bytes: Array(Self.download998.utf8), file: "x.csv")
        let source = Comparators.Source(file: "x.csv", area: "E06000099", neighbours: ["E06000080", "E06000081"])
        let points = try ComparatorReader.points(of: source, in: dataset, measure: "X", polarity: polarity)
        let point = try #require(points.first)
        #expect(point.confidence == .ci998 && point.confidenceLabel == "99.8%")
        #expect(point.lower == 41 && point.upper == 59)
        var measure = Measure(code: "X", title: "X", tier: .outcome, frequency: .calendarYear, polarity: polarity)
        measure.comparators = Comparators(source: source, points: points)
        let comparators = try #require(measure.comparators)
        let comparison = try #require(Comparison(comparators, asAt: .quarter(2026, 2), polarity: polarity))
        #expect(comparison.comparedToEngland == .similar)
        // At 95% the same council would be significantly higher (England's 42 below 44 to 56).
        #expect(Significance.compare(lower: 44, upper: 56, comparator: 42, order: Significance.Order(polarity)) != .similar)
    }

    @Test("Written out by export, points compared at 99.8% read back at 99.8%, with the council's name; at 95%, at 95%")
    func writtenOutAtTheirLevel() throws {
        let dataset = try NationalDataset.read(bytes: Array(Self.download998.utf8), file: "x.csv")
        let source = Comparators.Source(file: "x.csv", area: "E06000099", neighbours: ["E06000080", "E06000081"])
        // The same download with 95% limits alone.
        let only95 = Self.download998.split(separator: "\n").map { line in
            var fields = line.split(separator: ",", omittingEmptySubsequences: false)
            if fields.count > 16, fields[0] != "Indicator ID" { fields[15] = ""; fields[16] = "" }
            return fields.joined(separator: ",")
        }.joined(separator: "\n")
        for text in [Self.download998, only95] {
            let dataset = try NationalDataset.read(bytes: Array(text.utf8), file: "x.csv")
            let points = try ComparatorReader.points(of: source, in: dataset, measure: "X", polarity: .lowerIsBetter)
            let written = NationalFileWriter.csv(Comparators(source: source, points: points), indicator: "Test", areaName: "Testtown Council")
            let reread = try NationalDataset.read(bytes: Array(written.utf8), file: "y.csv")
            #expect(try ComparatorReader.points(of: source, in: reread, measure: "X", polarity: .lowerIsBetter) == points)
            #expect(reread.records.contains { $0.areaCode == "E06000099" && $0.areaName == "Testtown Council" })
            // A neighbour's region is not known: no parent, rather than the council's region given as its.
            #expect(reread.records.filter { ["E06000080", "E06000081"].contains($0.areaCode) }.allSatisfy { $0.parentCode.isEmpty })
            #expect(reread.records.first { $0.isEngland }?.areaType == "Country")
        }
        #expect(try ComparatorReader.points(of: source, in: dataset, measure: "X", polarity: .lowerIsBetter).first?.confidence == .ci998)
        // The council's row with its 99.8% limits alone, England's with a 95% interval, nothing published: at 99.8%.
        let councilAt998 = Self.download998.replacingOccurrences(of: "Testtown,UA,Persons,All ages,,,2019,50,44,56,41,59,,,,,Similar", with: "Testtown,UA,Persons,All ages,,,2019,50,,,41,59,,,,,")
            .replacingOccurrences(of: ",Similar,", with: ",,")
        #expect(councilAt998 != Self.download998)
        let point = try ComparatorReader.points(
            of: source, in: try NationalDataset.read(bytes: Array(councilAt998.utf8), file: "z.csv"), measure: "X", polarity: .lowerIsBetter).first
        #expect(point?.confidence == .ci998 && point?.lower == 41 && point?.upper == 59)
    }

    @Test("The level is the download's: a measure without polarity reading a file compared at 95% is compared at 95%")
    func levelWhateverThePolarity() throws {
        // Published Better/Worse as the 95% limits give them (the wide 99.8% limits would make every area similar).
        let text = Self.download998
            .replacingOccurrences(of: "50,44,56,41,59,,,,,Similar", with: "50,44,56,41,59,,,,,Better")
            .replacingOccurrences(of: "47,43,51,40,54,,,,,Similar", with: "47,43,51,40,54,,,,,Better")
            .replacingOccurrences(of: "36,33,39,30,41,,,,,Similar", with: "36,33,39,30,41,,,,,Worse")
        let dataset = try NationalDataset.read(bytes: Array(text.utf8), file: "x.csv")
        let source = Comparators.Source(file: "x.csv", area: "E06000099")
        for polarity in [Polarity.higherIsBetter, .none] {
            let point = try #require(try ComparatorReader.points(of: source, in: dataset, measure: "X", polarity: polarity).first)
            #expect(point.confidence == nil && point.lower == 44 && point.upper == 56, "\(polarity)")
        }
    }

    @Test("Rows of one period written two ways (2019/20, 2019-20) are one period: England and the neighbours are found")
    func periodWrittenTwoWays() throws {
        let text = Self.download998.replacingOccurrences(of: ",2019,", with: ",2019/20,")
            .replacingOccurrences(of: "E06000099,Testtown,UA,Persons,All ages,,,2019/20,", with: "E06000099,Testtown,UA,Persons,All ages,,,2019-20,")
        #expect(text.contains(",2019-20,") && text.contains(",2019/20,"))
        let dataset = try NationalDataset.read(bytes: Array(text.utf8), file: "x.csv")
        let source = Comparators.Source(file: "x.csv", area: "E06000099", neighbours: ["E06000080"])
        let point = try #require(try ComparatorReader.points(of: source, in: dataset, measure: "X", polarity: .lowerIsBetter).first)
        #expect(point.period == .financialYear(2019) && point.england == 42 && point.neighbours.first?.value == 47)
    }

    @Test("England, the council's region or another region listed as a neighbour is refused, naming it")
    func englandOrRegionIsNoNeighbour() throws {
        let lines = Self.download998.split(separator: "\n").map(String.init)
        let region = "90001,Test,E92000001,England,E12000009,South West region,Region,Persons,All ages,,,2019,45,44.5,45.5,44,46,,,,,,,20190000,,"
        let another = "90001,Test,E92000001,England,E12000001,North East region,Region,Persons,All ages,,,2019,47,46.5,47.5,46,48,,,,,,,20190000,,"
        let text = (lines + [region, another]).joined(separator: "\n") + "\n"
        // The council's parent is the region in this file.
        let regional = text.replacingOccurrences(of: "E92000001,England,E06000099", with: "E12000009,South West region,E06000099")
        let dataset = try NationalDataset.read(bytes: Array(regional.utf8), file: "x.csv")
        for (code, words) in [
            ("E92000001", "is England (England)"), ("E12000009", "is the council's region (South West region)"),
            ("E12000001", "is a region, not a council (North East region)"),
        ] {
            let source = Comparators.Source(file: "x.csv", area: "E06000099", neighbours: ["E06000080", code])
            let error = try #require(throws: DataFileError.self) {
                try ComparatorReader.points(of: source, in: dataset, measure: "X", polarity: .lowerIsBetter)
            }
            #expect(error.field == "benchmark_neighbours" && error.message.contains("neighbour \(code) \(words)"))
        }
        let fine = Comparators.Source(file: "x.csv", area: "E06000099", neighbours: ["E06000080", "E06000081"])
        #expect(try ComparatorReader.points(of: fine, in: dataset, measure: "X", polarity: .lowerIsBetter).count == 1)
    }

    @Test("Of a single year and a pooled range ending in it, the single year is the point, wherever its rows are")
    func singleYearBeforePooled() throws {
        let lines: [String] = Self.download998.split(separator: "\n").map(String.init)
        let single = Array(lines[1...])
        let pooled: [String] = single.map { $0.replacingOccurrences(of: ",2019,", with: ",2017 - 19,").replacingOccurrences(of: ",50,44,56,41,59,", with: ",60,54,66,51,69,") }
        for body in [single + pooled, pooled + single] {
            let text = ([lines[0]] + body).joined(separator: "\n") + "\n"
            let dataset = try NationalDataset.read(bytes: Array(text.utf8), file: "x.csv")
            let source = Comparators.Source(file: "x.csv", area: "E06000099", neighbours: ["E06000080"])
            let points = try ComparatorReader.points(of: source, in: dataset, measure: "X", polarity: .lowerIsBetter)
            #expect(points.map { $0.periodText } == ["2019"])
            #expect(points.first?.value == 50)
        }
    }
}
