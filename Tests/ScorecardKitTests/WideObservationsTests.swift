import Foundation
import Testing

@testable import ScorecardKit

@Suite("Wide observations: one row per measure and a column per period")
struct WideObservationsTests {
    @Test("wide and long observations give the same council; period headings in any form; blank rows skipped")
    func sameCouncil() throws {
        let long = try CouncilDirectory(path: try TablesFixture.directory()).load()
        let wide = try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": TablesFixture.wideObservations])).load()
        #expect(wide == long)
        #expect(long.observationCount == 6)
    }

    @Test("a long file may name its columns as council tables do: Code, a Title kept for the reader, Commentary")
    func longFileOtherNames() throws {
        let long = try CouncilDirectory(path: try TablesFixture.directory()).load()
        let named = TablesFixture.longObservations
            .replacingOccurrences(of: "measure,period,value,target,note,quality", with: "Code,Title,Period,Value,Target,Commentary,Quality")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated().map { i, line in i == 0 || line.isEmpty ? String(line) : line.replacingOccurrences(of: ",", with: ",Some title,", options: [], range: line.range(of: ",")) }
            .joined(separator: "\n")
        let read = try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": named])).load()
        #expect(read == long)
        // `Code | Measure`: the code, then the measure's name, as councils head their tables (long and wide).
        let measureNamed = named.replacingOccurrences(of: "Code,Title,", with: "Code,Measure,")
        #expect(try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": measureNamed])).load() == long)
        let wide = TablesFixture.wideObservations.replacingOccurrences(of: "measure,title,", with: "Code,Measure,")
        #expect(wide != TablesFixture.wideObservations)
        #expect(try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": wide])).load()
            == CouncilDirectory(path: try TablesFixture.directory(["observations.csv": TablesFixture.wideObservations])).load())
        let misnamed = TablesFixture.errors(try TablesFixture.directory(["observations.csv": "measure,period,value,colour\nKBI-01,2024-09,86,red\n"]))
        #expect(misnamed.first?.message.contains("unknown column (the columns are measure, period, value, target, note, quality, and title, which is skipped)") == true)
        // Every unknown column at once, each named as written.
        let two = TablesFixture.errors(try TablesFixture.directory(["observations.csv": "measure,period,value,RAG,Direction,Owner\nKBI-01,2024-09,86,Green,Up,Kate\n"]))
        #expect(two.first?.field == "RAG")
        #expect(two.first?.message.hasPrefix("unknown column; so are \"Direction\" and \"Owner\" (the columns are") == true, "\(two)")
    }

    @Test("a row of nothing but spaces is skipped, as an empty one is, whatever its number of fields")
    func spacesOnlyRows() throws {
        let long = try CouncilDirectory(path: try TablesFixture.directory()).load()
        let spaced = TablesFixture.longObservations.replacingOccurrences(of: "KBI-01,2024-08", with: "   \n , \nKBI-01,2024-08")
        #expect(try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": spaced])).load() == long)
    }

    @Test("a title and blank rows above the headings are skipped, as on a workbook's sheet; lines keep their numbers")
    func titleRowsAbove() throws {
        let long = try CouncilDirectory(path: try TablesFixture.directory()).load()
        let title = "Ashcombe KPI return Q2 2024/25,,,,,\r\nRun on 3 October 2024,,,,,\r\n,,,,,\r\n"
        for observations in [TablesFixture.longObservations, TablesFixture.wideObservations] {
            let read = try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": title + observations])).load()
            #expect(read == long)
        }
        let bad = TablesFixture.errors(try TablesFixture.directory(["observations.csv": title + "measure,period,value\nKBI-01,2024-09,lots\n"]))
        #expect(bad.map(\.line) == [5])
        // With no headings in the first ten rows with text, the first row is taken for them, and said to be wrong.
        let none = TablesFixture.errors(try TablesFixture.directory(["observations.csv": String(repeating: "Notes,,\n", count: 12) + "measure,period,value\n"]))
        #expect(none.first?.line == 1 && none.first?.message.contains("unknown column") == true)
    }

    static let header = "measure,2024/25 Q1,2024-09\n"

    static let bad: [(String, String, Int, Int?, String?, String)] = [
        ("not a number", header + "KBM-01,abc,\n", 2, 1, "2024/25 Q1", "\"abc\" is not a number"),
        ("wrong kind of period", header + "KBM-01,,3\n", 2, 2, "2024-09", "KBM-01 is reported quarterly; \"2024-09\" is a month"),
        ("unknown measure", header + "NOPE,1,\n", 2, 0, "measure", "unknown measure code \"NOPE\""),
        ("out of range", header + "KBI-01,,101\n", 2, 2, "2024-09", "above this measure's maximum"),
        ("not ended", "measure,2030-01\nKBI-01,50\n", 2, 1, "2030-01", "has not ended yet"),
        ("bad heading", "measure,2024/25 Q5\n", 1, 1, "2024/25 Q5", "unknown column: not a period"),
        ("heading twice", "measure,2024/25 Q1,Q1 2024/25\n", 1, 2, "Q1 2024/25", "the column appears twice"),
        ("no measure column", "2024/25 Q1,2024/25 Q2\n", 1, nil, "measure", "one row per measure has a measure column"),
        ("measure twice", "code,measure_code,2024/25 Q1\n", 1, 1, "measure_code", "the column appears twice"),
        ("bad quality", "measure,2024/25 Q1,quality 2024/25 Q1\nKBM-01,3,final\n", 2, 2, "quality 2024/25 Q1", "is not a data quality"),
        ("value under no heading", "measure,2024/25 Q1,,\nKBM-01,3,,x\n", 2, 3, nil, "a value in column 4, which has no heading"),
        ("duplicate", "measure,2024/25 Q1\nKBM-01,3\nKBM-01,4\n", 3, 1, "2024/25 Q1", "KBM-01 Q1 2024/25 is given twice (first on line 2)"),
    ]

    @Test("a mistake names the line and the period's column", arguments: bad)
    func mistakes(_ bad: (String, String, Int, Int?, String?, String)) throws {
        let dir = try TablesFixture.directory(["observations.csv": bad.1])
        let today = try #require(CivilDate(year: 2026, month: 11, day: 24))
        var errors: [DataFileError] = []
        do { _ = try CouncilDirectory(path: dir, today: today).load() } catch let error as DataLoadError { errors = error.errors }
        let error = try #require(errors.first, "\(bad.0)")
        #expect(error.file.hasSuffix("/observations.csv"), "\(bad.0)")
        #expect(error.line == bad.2, "\(bad.0)")
        #expect(error.column == bad.3, "\(bad.0)")
        #expect(error.field == bad.4, "\(bad.0)")
        #expect(error.message.contains(bad.5), "\(bad.0): \(error.message)")
    }

    /// The fixture's wide values with each year written once over its periods, in a first row of its own.
    static let banded = """
        measure,title,2023/24,,2024/25,,,,,,,,,
        ,,,quality,Q1,Q2,Aug,Sep,note Q2,note Sep,target Sep,quality Q1,quality Q2,quality Sep
        KBM-01,Affordable homes,,,28,45,,,Two schemes slipped,,,validated,provisional,
        KBI-01,Planning,,,,,91.5,86,,Vacancies,88,,,
        KBI-02,Sickness,,,,,,8.25,,,,,,estimated
        OUT-01,Households,1.1,validated,,,,,,,,,,

        """

    @Test("a year written once over its periods (a header of two rows) heads each of them: quarters, months, notes")
    func yearOverItsPeriods() throws {
        let wide = try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": TablesFixture.wideObservations])).load()
        let banded = try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": Self.banded])).load()
        #expect(banded.observationCount == 6)
        #expect(banded == wide)
        // The measure named in the row below, the years above; January to March end the financial year, and a
        // calendar year's months are its own. `Outturn` is the year's own value.
        let months = "measure,2024/25,,,,,2025,2023/24\n,Dec,Jan,Mar,Apr-Jun,Jan-Mar,Feb,Outturn\nKBI-01,80,81,82,,,83,\nKBM-01,,,,30,90,,\nOUT-01,,,,,,,1.3\n"
        let council = try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": months])).load()
        #expect(council.observations[1].map(\.period) == [.month(2024, 12), .month(2025, 1), .month(2025, 2), .month(2025, 3)])
        #expect(council.observations[1].map(\.value) == [80, 81, 83, 82])
        #expect(council.observations[0].map(\.period) == [.quarter(2024, 1), .quarter(2024, 4)])
        // Quarter-end dates under the year: the quarters of a quarterly measure, as without the year above them.
        let ends = "measure,2024/25,,,\n,30/06/2024,30/09/2024,31/12/2024,31/03/2025\nKBM-01,1,2,3,4\nKBI-01,,,90,91\n"
        let ended = try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": ends])).load()
        #expect(ended.observations[0].map(\.period) == (1...4).map { .quarter(2024, $0) })
        #expect(ended.observations[1].map(\.period) == [.month(2024, 12), .month(2025, 3)])
        // The same days without their year, as a table under the year heads them: January to March in 2025.
        for days in ["30/06,30/09,31/12,31/03", "30-Jun,30-Sep,31-Dec,31-Mar", "30 June,30 September,31 December,31 March"] {
            let text = "measure,2024/25,,,,\n,\(days),note 31/03\nKBM-01,1,2,3,4,Year end\nKBI-01,,,90,91,\n"
            let read = try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": text])).load()
            #expect(read.observations[0].map(\.period) == (1...4).map { .quarter(2024, $0) }, "\(days)")
            #expect(read.observations[0].last?.note == "Year end")
            #expect(read.observations[1].map(\.period) == [.month(2024, 12), .month(2025, 3)], "\(days)")
        }
        #expect(council.observations[3].map(\.period) == [.financialYear(2023)] && council.observations[3].map(\.value) == [1.3])
    }

    @Test("a first row that is not years over periods is the header, and the row below it values")
    func notABand() throws {
        // A year's column followed by one with no heading, blank throughout: one row of headings.
        let single = "measure,2023/24,\nOUT-01,1.1,\n"
        let council = try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": single])).load()
        #expect(council.observations[3].map(\.value) == [1.1])
        // A first row of figures with no code is a row of values, said so, not headings under the years.
        var errors: [DataFileError] = []
        do {
            _ = try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": "measure,title,2022/23,2023/24\n,,1.6,1.3\n"])).load()
        } catch let error as DataLoadError { errors = error.errors }
        #expect(errors.first?.line == 2 && errors.first?.message == "the measure code is empty")
    }

    @Test("a heading in both rows (Code merged down over them), and dates under a year, as a spreadsheet keeps its months")
    func bothRowsAndDates() throws {
        let text = "measure,title,2024/25,,\ncode,title,2024-08-01,2024-09-01,note 2024-09-01\nKBI-01,Planning,91.5,86,Vacancies\n"
        let council = try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": text])).load()
        #expect(council.observations[1].map(\.period) == [.month(2024, 8), .month(2024, 9)])
        #expect(council.observations[1].last?.note == "Vacancies")
    }

    static let badBands: [(String, String, Int, Int?, String?, String)] = [
        ("not a period under a year", "measure,2024/25,\n,Q1,Total\nKBM-01,3,4\n", 2, 2, "Total 2024/25", "unknown column: not a period"),
        ("a date outside the year over it", "measure,2025/26,\n,30/06/2025,30/09/2024\nKBM-01,3,4\n", 2, 2, "30/09/2024 (not in 2025/26)",
         "30/09/2024 is not in 2025/26, the year over it: a slip of the year?"),
        ("a quarter of another year under a year, beside next year's target (taken as written)", "measure,2025/26,,\n,Q1,Q2 2024/25,target 2026/27\nKBM-01,3,4,\n", 2, 2, "Q2 2024/25 (not in 2025/26)",
         "Q2 2024/25 is not in 2025/26"),
        ("a quarter of another year under a year", "measure,2025/26,\n,Q1,Q2 2024/25\nKBM-01,3,4\n", 2, 2, "Q2 2024/25 (not in 2025/26)",
         "Q2 2024/25 is not in 2025/26"),
        ("a day its month has not, under a year", "measure,2024/25,\n,30/06,31/06\nKBM-01,3,4\n", 2, 2, "31/06/2024", "no such day"),
        ("a day no month has, under a year", "measure,2024/25,\n,30/06,32/01\nKBM-01,3,4\n", 2, 2, "32/01/2025", "no such day: write one the month has, such as 31/01/2025"),
        ("quarters under a calendar year", "measure,2024,\n,Q1,Q2\nKBM-01,3,4\n", 2, 1, "Q1 2024", "unknown column: not a period"),
        ("a value's mistake", "measure,2024/25,\n,Q1,Q2\nKBM-01,3,abc\n", 3, 2, "Q2 2024/25", "\"abc\" is not a number"),
        ("a period twice", "measure,2024/25,,\n,Q1,Q2,Q1 2024/25\nKBM-01,3,4,5\n", 2, 3, "Q1 2024/25", "the column appears twice"),
    ]

    @Test("a mistake under a year names the period with its year, on the periods' line", arguments: badBands)
    func bandMistakes(_ bad: (String, String, Int, Int?, String?, String)) throws {
        try mistakes(bad)
    }

    @Test("the marks tables put where there is no figure (-, n/a, tbc, *) are empty values, wide or long")
    func noFigure() throws {
        let wide = "measure,2024/25 Q1,2024/25 Q2,target 2024/25 Q2\nKBM-01,n/a,-,TBC\nKBM-02,*,,\n"
        let measures = TablesFixture.measures + "KBM-02,Another,kbm,number,0,quarterly,higher,,,,,,,,,,P1,,,,,\n"
        let council = try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": wide, "measures.csv": measures])).load()
        #expect(council.observations[0].map(\.value) == [nil, nil] && council.observations[0].map(\.target) == [nil, nil])
        #expect(council.observations[4].map(\.value) == [nil])
        let long = "measure,period,value,target\nKBM-01,2024/25 Q1,n/a,\n"
        let read = try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": long])).load()
        #expect(read.observations[0].map(\.value) == [nil])
    }

    @Test("a sheet's rows name the cell: sheet, cell and heading")
    func sheetCell() throws {
        let council = try CouncilDirectory(path: try TablesFixture.directory()).load()
        let table = SheetTable(
            origin: TableOrigin(file: "council.xlsx", sheet: "Observations"),
            rows: [
                .init(number: 1, cells: ["measure", "2024/25 Q1", "2024/25 Q2"]), .init(number: 4, cells: ["", ""]),
                .init(number: 7, cells: ["KBM-01", "", "abc"]),
            ])
        var error: DataFileError?
        do { _ = try ObservationsFile(file: "", measures: council.measures).read(table: table) } catch let e as DataLoadError { error = e.errors.first }
        #expect(error?.description == "council.xlsx: sheet Observations, cell C7 (2024/25 Q2): \"abc\" is not a number (a value not to be had is left empty, or written - or n/a)")
    }

    @Test("a quarterly or annual measure's period given as the day it ends is that period; another day is refused, naming it")
    func periodEndDates() throws {
        let dates = """
            measure,period,value
            KBM-01,30/06/2024,28
            KBM-01,2024-09-30,45
            OUT-01,31/03/2024,1.1
            KBI-01,2024-09-30,86

            """
        let council = try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": dates])).load()
        func periods(_ code: String) throws -> [Period] { council.observations[try #require(council.measureIndex(code: code))].map(\.period) }
        #expect(try periods("KBM-01") == [.quarter(2024, 1), .quarter(2024, 2)])
        #expect(try periods("OUT-01") == [.financialYear(2023)])
        #expect(try periods("KBI-01") == [.month(2024, 9)])
        // A quarter's note beside an empty month note of its last month, and a month heading beside a date heading
        // of the same month: each measure reads its own, nothing given twice.
        let notes = "measure,31/03/2025,note 2024/25 Q4,note 2025-03\nKBM-01,2,qn,\nKBI-01,88,,late\n"
        let noted = try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": notes])).load()
        let quarterNote = noted.observations[try #require(noted.measureIndex(code: "KBM-01"))]
        #expect(quarterNote.map(\.period) == [.quarter(2024, 4)] && quarterNote.first?.note == "qn")
        #expect(noted.observations[try #require(noted.measureIndex(code: "KBI-01"))].map(\.note) == ["late"])
        let mixed = "measure,Apr 2024,May 2024,Jun 2024,30/06/2024\nKBI-01,1,2,3,\nKBM-01,,,,5\n"
        let both = try CouncilDirectory(path: try TablesFixture.directory(["observations.csv": mixed])).load()
        #expect(both.observations[try #require(both.measureIndex(code: "KBI-01"))].map(\.period) == [.month(2024, 4), .month(2024, 5), .month(2024, 6)])
        #expect(both.observations[try #require(both.measureIndex(code: "KBM-01"))].map(\.period) == [.quarter(2024, 1)])
        // Both filled for one measure's period: refused as given twice.
        let twice = TablesFixture.errors(try TablesFixture.directory(["observations.csv": "measure,Jun 2024,30/06/2024\nKBI-01,1,2\n"]))
        #expect(twice.first?.message.contains("is given twice") == true, "\(twice)")
        // A typed date is named as written, not as the month it falls in (a month's first day is its month, as a
        // spreadsheet keeps `Jun-24`).
        #expect(twice.first?.field == "30/06/2024", "\(twice)")
        let midQuarter = TablesFixture.errors(try TablesFixture.directory(["observations.csv": "measure,period,value\nKBM-01,2024-06-29,28\n"]))
        #expect(midQuarter.map(\.message) == ["KBM-01 is reported quarterly; \"Jun 2024\" is a month (it falls in 2024/25 Q1: write that)"])
    }

    @Test("a date heading (as a spreadsheet keeps a month) is that month; a cell beyond the last heading is refused")
    func dates() throws {
        let council = try CouncilDirectory(path: try TablesFixture.directory()).load()
        let origin = TableOrigin(file: "council.xlsx", sheet: "Observations")
        let table = SheetTable(origin: origin, rows: [.init(number: 1, cells: ["measure", "2024-08-01"]), .init(number: 2, cells: ["KBI-01", "91.5"])])
        let observations = try ObservationsFile(file: "", measures: council.measures).read(table: table)
        #expect(observations[1].map(\.period) == [.month(2024, 8)])
        // A mistake under it names the month, not the date the sheet keeps (it shows `Aug-24`).
        let notes = SheetTable(
            origin: origin, rows: [.init(number: 1, cells: ["measure", "2024-08-01", "note 2024-08-01"]), .init(number: 2, cells: ["KBM-01", "3", "x"])])
        var wrongKind: DataFileError?
        do { _ = try ObservationsFile(file: "", measures: council.measures).read(table: notes) } catch let e as DataLoadError { wrongKind = e.errors.first }
        #expect(wrongKind?.description == "council.xlsx: sheet Observations, cell B2 (Aug 2024): KBM-01 is reported quarterly; \"Aug 2024\" is a month (it falls in 2024/25 Q2: write that)")
        // A heading dated a quarter's last day is that quarter for a quarterly measure, and its month for a monthly one.
        let quarterEnds = SheetTable(
            origin: origin,
            rows: [
                .init(number: 1, cells: ["measure", "2024-09-30", "target 2024-09-30", "2024-12-31"]), .init(number: 2, cells: ["KBM-01", "3", "4", "5"]),
                .init(number: 3, cells: ["KBI-01", "91.5", "", "92"]),
            ])
        let read = try ObservationsFile(file: "", measures: council.measures).read(table: quarterEnds)
        let quarterly = try #require(council.measureIndex(code: "KBM-01"))
        #expect(read[quarterly].map(\.period) == [.quarter(2024, 2), .quarter(2024, 3)])
        #expect(read[quarterly].map(\.target) == [4, nil])
        #expect(read[1].map(\.period) == [.month(2024, 9), .month(2024, 12)])
        // A note headed by the quarter's name beside a value headed by its last day: one quarter's value and note.
        let named = SheetTable(
            origin: origin,
            rows: [.init(number: 1, cells: ["measure", "2024-09-30", "Commentary 2024/25 Q2", "quality 30/09/2024"]), .init(number: 2, cells: ["KBM-01", "3", "late", "estimated"])])
        let together = try ObservationsFile(file: "", measures: council.measures).read(table: named)[quarterly]
        #expect(together.map(\.period) == [.quarter(2024, 2)] && together.first?.note == "late" && together.first?.quality == .estimated)
        let ragged = SheetTable(origin: origin, rows: [.init(number: 1, cells: ["measure", "2024-08-01"]), .init(number: 2, cells: ["KBI-01", "1", "", "x"])])
        var error: DataFileError?
        do { _ = try ObservationsFile(file: "", measures: council.measures).read(table: ragged) } catch let e as DataLoadError { error = e.errors.first }
        #expect(error?.description.hasPrefix("council.xlsx: sheet Observations, cell D2: a value beyond the last column heading (B)") == true)
    }
}
