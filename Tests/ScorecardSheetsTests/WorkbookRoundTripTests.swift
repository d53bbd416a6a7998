import Foundation
import ScorecardKit
import ScorecardSample
import Testing

@testable import ScorecardSheets

@Suite("Writing a council as a workbook and reading it back")
struct WorkbookRoundTripTests {
    static let today = CivilDate(year: 2026, month: 11, day: 24) ?? CivilDate(dayNumber: 0)

    @Test("the sample as a workbook reads back as the same council, with long or wide observations", arguments: [false, true])
    func sample(wide: Bool) throws {
        let sample = try SampleCouncilGenerator().generate().council(today: Self.today)
        let path = try WorkbookFixture.path()
        try CouncilWorkbook.write(sample, wideObservations: wide, to: path)
        let back = try CouncilSource.load(path: path, today: Self.today)
        #expect(back.plan == sample.plan && back.measures.map(\.withoutComparatorFile) == sample.measures.map(\.withoutComparatorFile))
        #expect(back.measures.compactMap(\.comparators?.source.file).allSatisfy { $0.hasPrefix(URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + "-national/") })
        let asAt = sample.defaultReportingPeriod(today: Self.today)
        let judged = { (council: Council) in StatusReport(council: council, evaluation: council.evaluate(asAt: asAt, today: Self.today)) }
        #expect(judged(back) == judged(sample))
        if !wide {
            #expect(back.observations == sample.observations)
            #expect(back.measures.map(\.withoutComparatorFile) == sample.measures.map(\.withoutComparatorFile))
        }
    }

    @Test("text a spreadsheet cannot hold as it is (controls, line breaks, edge spaces, _x escapes) comes back exactly")
    func awkwardText() throws {
        var sample = try SampleCouncilGenerator(measures: 12, years: 1).generate().council(today: Self.today)
        sample.plan.council = " Fernley\u{1B}]0;x\u{7}\r\n_x0041_ & <Borough> \"Council\" "
        sample.measures[0].title = "Tab\there\nand there\u{7F}\u{9B}"
        let path = try WorkbookFixture.path()
        try CouncilWorkbook.write(sample, to: path)
        let back = try CouncilSource.load(path: path, today: Self.today)
        #expect(back.plan.council == sample.plan.council.trimmingCharacters(in: .whitespaces))
        #expect(back.measures[0].title == sample.measures[0].title)
    }

    @Test("a figure with more digits than a spreadsheet keeps is refused before anything is written, with csv advised")
    func tooManyDigits() throws {
        var sample = try SampleCouncilGenerator(measures: 12, years: 1).generate().council(today: Self.today)
        let m = try #require(sample.observations.firstIndex { !$0.isEmpty })
        var series = Array(sample.observations[m])
        series[0].value = 1234.5
        sample.observations[m] = ObservationSeries(series)
        let fine = try WorkbookFixture.path()
        try CouncilWorkbook.write(sample, to: fine)
        series[0].value = 99999999.99999999
        sample.observations[m] = ObservationSeries(series)
        let path = try WorkbookFixture.path("digits.xlsx")
        let error = try #require(throws: ExportError.self) { try CouncilWorkbook.write(sample, to: path) }
        #expect(error.description.contains("has more significant digits than a spreadsheet keeps (15)") && error.description.contains("--format csv"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a database file given where data files go is said to be one, with the option that takes it")
    func databaseForFiles() throws {
        let path = try WorkbookFixture.path("council.sqlite")
        try (Data("SQLite format 3\0".utf8) + Data(repeating: 0, count: 84)).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: DataLoadError.self) { try CouncilSource.open(path, today: Self.today) }
        #expect(error.errors.first?.message == "is a database (SQLite), not a council's data files: give a database with --database")
    }

    @Test("a workbook whose values' sheet was renamed is refused, naming the sheet, not read as a council with no data")
    func renamedValuesSheet() throws {
        var sample = try SampleCouncilGenerator(measures: 12, years: 1).generate().council(today: Self.today)
        for m in sample.measures.indices { sample.measures[m].comparators = nil }  // No national files beside it.
        var sheets = CouncilWorkbook.sheets(sample)
        sheets[sheets.count - 1].name = "Q2 Data"
        let path = try WorkbookFixture.path()
        try WorkbookWriter.write(sheets, to: path)
        do {
            _ = try CouncilSource.load(path: path, today: Self.today)
            Issue.record("a workbook without its values was loaded")
        } catch let error as DataLoadError {
            #expect(error.errors.first?.message.contains("has the columns of the Observations table but not its name") == true)
            #expect(error.errors.first?.message.contains("\"Q2 Data\"") == true)
        }
        // A Measures sheet renamed, with a title above its headings: refused, naming it (it was said to be missing).
        var measures = CouncilWorkbook.sheets(sample)
        measures[2].name = "Measure list"
        measures[2].rows.insert([.text("Measures, 2026/27")], at: 0)
        let titled = try WorkbookFixture.path()
        try WorkbookWriter.write(measures, to: titled)
        let noMeasures = try #require(throws: DataLoadError.self) { try CouncilSource.load(path: titled, today: Self.today) }
        #expect(noMeasures.errors.first?.message.hasSuffix(
            "no sheet is named Measures, which holds one row per measure; the sheet \"Measure list\" is not one Scorecard reads: "
                + "name the measures' sheet Measures") == true)
        // A renamed Actions sheet likewise: its actions would have been dropped, and an import would remove them.
        var actions = CouncilWorkbook.sheets(sample)
        actions[3].name = "Action plan"
        let renamed = try WorkbookFixture.path()
        try WorkbookWriter.write(actions, to: renamed)
        #expect(throws: DataLoadError.self) { try CouncilSource.load(path: renamed, today: Self.today) }
        // A sheet of notes is still ignored.
        var notes = CouncilWorkbook.sheets(sample)
        notes.append(OutputTable(name: "Notes", rows: [[.text("Read me")], [.text("Figures are provisional")]]))
        let annotated = try WorkbookFixture.path()
        try WorkbookWriter.write(notes, to: annotated)
        #expect(try CouncilSource.load(path: annotated, today: Self.today).observationCount == sample.observationCount)
        sheets.removeLast()
        let frameworkOnly = try WorkbookFixture.path()
        try WorkbookWriter.write(sheets, to: frameworkOnly)
        #expect(try CouncilSource.load(path: frameworkOnly, today: Self.today).observationCount == 0, "a framework alone is still a council")
    }

    @Test("a second sheet of values beside Observations is named as not read (not skipped without a word), and the rest loads")
    func secondValuesSheet() throws {
        var sample = try SampleCouncilGenerator(measures: 12, years: 1).generate().council(today: Self.today)
        for m in sample.measures.indices { sample.measures[m].comparators = nil }  // No national files beside it.
        var sheets = CouncilWorkbook.sheets(sample)
        var extra = sheets[sheets.count - 1]
        extra.name = "Q1 data"
        // Under a title, as a council's own sheet often is.
        extra.rows.insert([.text("Quarter 1 returns")], at: 0)
        sheets.append(extra)
        sheets.append(OutputTable(name: "Lookups", rows: [[.text("code"), .text("title")], [.text("KBI-01"), .text("A measure")]]))
        // An archive laid out one row per measure, a column a period: a values sheet too.
        sheets.append(OutputTable(name: "Archive 2023-24", rows: [[.text("Measure"), .text("Title"), .text("Apr 2023"), .text("2023/24 Q1")], [.text("KBI-01"), .text("x"), .number(19), .number(20)]]))
        let path = try WorkbookFixture.path()
        try WorkbookWriter.write(sheets, to: path)
        // A council may keep such a sheet on purpose (last year's archive): it is read as before...
        #expect(try CouncilSource.load(path: path, today: Self.today).observationCount == sample.observationCount)
        // ...and named, so that figures meant to be imported are not left out without a word.
        #expect(CouncilWorkbook.unreadValueSheets(path: path) == ["Q1 data", "Archive 2023-24"])
        let plain = try WorkbookFixture.path()
        try WorkbookWriter.write(CouncilWorkbook.sheets(sample), to: plain)
        #expect(CouncilWorkbook.unreadValueSheets(path: plain).isEmpty)
    }

    @Test("a council too large for a workbook is refused before anything is written, with csv advised")
    func tooLargeForAWorkbook() throws {
        let tall = OutputTable(name: "Observations", rows: Array(repeating: [.number(1)], count: WorkbookLimits.rows + 1))
        #expect(throws: ExportError.self) { try WorkbookWriter.checkSize(of: [tall], path: "big.xlsx") }
        let wide = OutputTable(name: "Observations", rows: Array(repeating: Array(repeating: .number(1), count: 10), count: 500_001))
        do {
            try WorkbookWriter.checkSize(of: [wide], path: "big.xlsx")
            Issue.record("5,000,010 cells were allowed")
        } catch let error as ExportError {
            #expect(error.message.contains("export the council as csv"))
        }
        try WorkbookWriter.checkSize(of: [OutputTable(name: "Observations", rows: [[.number(1)]])], path: "small.xlsx")
        // A note longer than a cell holds (Excel cuts it) is refused, naming the cell.
        let note = OutputTable(name: "Observations", rows: [[.text("note")], [.text(String(repeating: "a", count: 32_768))]])
        do {
            try WorkbookWriter.checkSize(of: [note], path: "long.xlsx")
            Issue.record("a 32,768-character cell was allowed")
        } catch let error as ExportError {
            #expect(error.message.contains("32,768 characters in cell A2 of its Observations sheet"))
        }
        try WorkbookWriter.checkSize(of: [OutputTable(name: "Observations", rows: [[.text(String(repeating: "a", count: 32_767))]])], path: "ok.xlsx")
    }

    @Test("a part of more than 10 MB, as a large council's exported observations are, is read whole")
    func largePart() throws {
        let rows = 400_000
        var xml = "<?xml version=\"1.0\"?><worksheet><sheetData>"
        xml.reserveCapacity(rows * 40)
        for r in 1...rows { xml += "<row r=\"\(r)\"><c t=\"n\"><v>\(r)</v></c></row>" }
        xml += "</sheetData></worksheet>"
        let data = Data(xml.utf8)
        #expect(data.count > 10_000_000)
        var values = 0
        try XMLEvents.parse(data, part: "xl/worksheets/sheet5.xml", file: "big.xlsx") { event in
            if case .start("v", _) = event { values += 1 }
        }
        #expect(values == rows)
    }

    @Test("a workbook written again over its own replaces its national files and removes those it named and no longer writes")
    func writtenAgain() throws {
        let sample = try SampleCouncilGenerator().generate().council(today: Self.today)
        let path = try WorkbookFixture.path()
        try CouncilWorkbook.write(sample, to: path)
        let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent + "-national"
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(name)
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        // A measure gone since the workbook replaced (which named its file), and someone's notes.
        try Data("old\n".utf8).write(to: folder.appendingPathComponent("GONE-01.csv"))
        try Data("notes\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let previous: Set<String> = Set(written.map { name + "/" + $0 } + [name + "/GONE-01.csv"])
        #expect(throws: ExportError.self) { try CouncilWorkbook.write(sample, to: path) }
        #expect(throws: ExportError.self) { try CouncilWorkbook.write(sample, to: path, previous: previous) }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("GONE-01.csv").path))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("notes.txt"))
        try CouncilWorkbook.write(sample, to: path, previous: previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == written)
    }

    @Test("the same council gives the same bytes")
    func deterministic() throws {
        let sample = try SampleCouncilGenerator(measures: 12, years: 1).generate().council(today: Self.today)
        let (a, b) = (try WorkbookFixture.path(), try WorkbookFixture.path())
        try CouncilWorkbook.write(sample, to: a)
        try CouncilWorkbook.write(sample, to: b)
        #expect(FileManager.default.contents(atPath: a) == FileManager.default.contents(atPath: b))
    }
}
