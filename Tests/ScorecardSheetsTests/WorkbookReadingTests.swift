import Foundation
import ScorecardKit
import Testing

@testable import ScorecardSheets

@Suite("Reading a council from an Excel workbook")
struct WorkbookReadingTests {
    typealias F = WorkbookFixture

    /// A council as another program might save it: prefixed names, shared strings with rich text, inline strings,
    /// gaps between cells, percentages, a date heading, a boolean, an ignored sheet, sheet names in any case.
    static func handMade(observations: String? = nil, styles: String? = nil) throws -> String {
        let council = F.row(1, F.text("A1", "Council"), F.text("B1", "Testshire District Council"))
            + F.row(2, F.text("A2", "Plan"), F.text("B2", "Council Plan 2024-2028"))
            + F.row(4, F.text("A4", "Tolerance"), F.number("B4", "0.05", style: 1))
            // "Aug 2024" typed into the sheet: kept as the date 2024-08-01, read as that month.
            + F.row(5, F.text("A5", "Reporting period"), F.number("B5", "45505", style: 3))
        let measures = F.row(1, "<x:c r=\"A1\" t=\"s\"><x:v>0</x:v></x:c>", F.text("B1", "title"), F.text("C1", "frequency"), F.text("D1", "unit"),
                             F.text("E1", "priority"), F.text("F1", "Target 2024/25"), F.text("G1", "cumulative"))
            + F.row(2, F.text("A2", "KBI-01"), "<x:c r=\"B2\" t=\"s\"><x:v>1</x:v></x:c>", F.text("C2", "monthly"), F.text("D2", "%"),
                    F.text("E2", "P1"), F.number("F2", "0.9", style: 2))
            + F.row(3, F.text("A3", "KBM-01"), F.text("B3", "Homes"), F.text("C3", "quarterly"), F.text("E3", "P1"), F.number("F3", "120"),
                    #"<x:c r="G3" t="b"><x:v>1</x:v></x:c>"#)
        let wide = F.row(1, F.text("A1", "Measure"), F.number("B1", "45505", style: 3), F.text("C1", "2024-09"), F.text("D1", "Q1 2024/25"))
            + F.row(2, F.text("A2", "KBI-01"), F.number("B2", "0.915", style: 1), F.number("C2", "86"))
            + F.row(3, F.text("A3", "KBM-01"), F.number("D3", "28"))
        let sharedStrings = ["<t>code</t>", #"<r><rPr><b/></rPr><t>Planning </t></r><r><t xml:space="preserve">decided in time</t></r><rPh><t>ignored</t></rPh>"#]
        let sheets = [("council", council), ("Notes", F.row(1, F.text("A1", "anything"))), (" MEASURES ", measures), ("Observations", observations ?? wide)]
        return try F.zip(F.parts(sheets: sheets, sharedStrings: sharedStrings, styles: styles))
    }

    @Test("a workbook as other programs save it reads as the docs say")
    func handMade() throws {
        let council = try CouncilSource.load(path: try Self.handMade(), today: nil)
        #expect(council.plan.council == "Testshire District Council" && council.plan.title == "Council Plan 2024-2028")
        #expect(council.plan.reportingPeriod == .month(2024, 8))
        #expect(council.measures.map(\.code) == ["KBI-01", "KBM-01"])
        let planning = council.measures[0]
        #expect(planning.title == "Planning decided in time")
        #expect(planning.targets.byPeriod[.financialYear(2024)] == 90)
        #expect(planning.tolerance == .percent(5))
        #expect(council.measures[1].cumulative && council.measures[1].unit == .number)
        #expect(council.observations[0].map(\.period) == [.month(2024, 8), .month(2024, 9)])
        #expect(council.observations[0].map(\.value) == [91.5, 86])
        #expect(council.observations[1].map(\.value) == [28])
        #expect(council.plan.priorities.map(\.code) == ["P1"])
    }

    @Test("a mistake names the workbook, sheet, cell and heading")
    func cellNamed() throws {
        let observations = F.row(1, F.text("A1", "measure"), F.text("B1", "2024/25 Q1"), F.text("D1", "2024/25 Q2"))
            + F.row(7, F.text("A7", "KBM-01"), F.text("D7", "abc"))
        let path = try Self.handMade(observations: observations)
        var errors: [DataFileError] = []
        do { _ = try CouncilSource.load(path: path, today: nil) } catch let error as DataLoadError { errors = error.errors }
        #expect(errors.map(\.description) == [path + ": sheet Observations, cell D7 (2024/25 Q2): \"abc\" is not a number (a value not to be had is left empty, or written - or n/a)"])
    }

    @Test("a number whose style the workbook lacks, or names a format it does not define, is refused, not misread")
    func undefinedStyles() throws {
        // 0.875 shown as 87.5% read as 0.875 was judged on track against a target of 0.9 misread the same way.
        let observations = F.row(1, F.text("A1", "measure"), F.text("B1", "2024-08"), F.text("C1", "2024-09"))
            + F.row(2, F.text("A2", "KBI-01"), F.number("B2", "0.875", style: 99), F.number("C2", "0.86", style: 5))
        let styles = F.styles.replacingOccurrences(of: #"<cellXfs count="5">"#, with: #"<cellXfs count="6">"#)
            .replacingOccurrences(of: "</cellXfs>", with: #"<xf numFmtId="170"/></cellXfs>"#)
        let path = try Self.handMade(observations: observations, styles: styles)
        var errors: [String] = []
        do { _ = try CouncilSource.load(path: path, today: nil) } catch let error as DataLoadError { errors = error.errors.map(\.description) }
        #expect(errors.count == 2, "\(errors)")
        // Each named with its column's heading, as the table's own problems are.
        #expect(errors.first?.hasPrefix(path + ": sheet Observations, cell B2 (2024-08): the cell has style 99, which the workbook does not have") == true)
        #expect(errors.last?.contains("cell C2 (2024-09): the cell names number format 170, which the workbook does not define") == true)
        #expect(NumberFormats().kind(nil) == .plain && NumberFormats().kind(0) == .plain, "a workbook without styles, its cells unstyled")
    }

    @Test("a year merged over its periods, under a title, heads each of them; a mistake names its cell and period")
    func yearMergedOverItsPeriods() throws {
        typealias F = WorkbookFixture
        let council = F.row(1, F.text("A1", "Council"), F.text("B1", "Testshire District Council"))
            + F.row(2, F.text("A2", "Plan"), F.text("B2", "Council Plan 2024-2028"))
        let measures = F.row(1, F.text("A1", "Code"), F.text("B1", "Title"), F.text("C1", "Frequency"), F.text("D1", "Unit"))
            + F.row(2, F.text("A2", "KBM-01"), F.text("B2", "Homes"), F.text("C2", "quarterly"), F.text("D2", "number"))
        // 2024/25 merged across C3:F3 and 2025/26 across G3:H3: a sheet keeps the text in the first cell alone.
        let values = F.row(1, F.text("A1", "Quarterly performance"))
            + F.row(3, F.text("C3", "2024/25"), F.text("G3", "2025/26"))
            + F.row(4, F.text("A4", "Measure"), F.text("B4", "Title"), F.text("C4", "Q1"), F.text("D4", "Q2"), F.text("E4", "Q3"),
                F.text("F4", "Q4"), F.text("G4", "Q1"), F.text("H4", "Q2"))
            + F.row(5, F.text("A5", "KBM-01"), F.text("B5", "Homes"), F.number("C5", "10"), F.number("D5", "20"), F.number("E5", "30"),
                F.number("F5", "40"), F.number("G5", "15"), F.text("H5", "lots"))
        let path = try F.zip(F.parts(sheets: [("Council", council), ("Measures", measures), ("Observations", values)]))
        var errors: [DataFileError] = []
        do { _ = try CouncilSource.load(path: path, today: nil) } catch let error as DataLoadError { errors = error.errors }
        #expect(errors.map(\.description) == [path + ": sheet Observations, cell H5 (Q2 2025/26): \"lots\" is not a number (a value not to be had is left empty, or written - or n/a)"])

        let fixed = values.replacingOccurrences(of: "lots", with: "25")
        let read = try CouncilSource.load(path: try F.zip(F.parts(sheets: [("Council", council), ("Measures", measures), ("Observations", fixed)])), today: nil)
        #expect(read.observations[0].map(\.period) == [1, 2, 3, 4].map { .quarter(2024, $0) } + [.quarter(2025, 1), .quarter(2025, 2)])
        #expect(read.observations[0].map(\.value) == [10, 20, 30, 40, 15, 25])
        // The years beside Measure and Title (merged down over the two rows, so in both), under the title.
        let besideCode = fixed.replacingOccurrences(of: "<x:c r=\"C3\"", with: "<x:c r=\"A3\" t=\"inlineStr\"><x:is><x:t>Measure</x:t></x:is></x:c><x:c r=\"C3\"")
        #expect(besideCode != fixed)
        let beside = try CouncilSource.load(path: try F.zip(F.parts(sheets: [("Council", council), ("Measures", measures), ("Observations", besideCode)])), today: nil)
        #expect(beside.observations[0].map(\.value) == [10, 20, 30, 40, 15, 25])
    }

    @Test("a title, a date or a note above a table's headings is not the table: it starts at its header row")
    func titleRowsAboveTheHeader() throws {
        typealias F = WorkbookFixture
        let council = F.row(1, F.text("A1", "Council"), F.text("B1", "Testshire District Council"))
            + F.row(2, F.text("A2", "Plan"), F.text("B2", "Council Plan 2024-2028"))
        let measures = F.row(1, F.text("A1", "Testshire performance framework"))
            + F.row(2, F.text("A2", "Run on 3 October 2024"))
            + F.row(4, F.text("A4", "Code"), F.text("B4", "Title"), F.text("C4", "Frequency"), F.text("D4", "Unit"))
            + F.row(5, F.text("A5", "KBI-01"), F.text("B5", "Planning decided in time"), F.text("C5", "monthly"), F.text("D5", "%"))
        let long = F.row(1, F.text("A1", "Values, Q2 2024/25"))
            + F.row(3, F.text("A3", "Measure"), F.text("B3", "Period"), F.text("C3", "Value"))
            + F.row(4, F.text("A4", "KBI-01"), F.text("B4", "2024-08"), F.number("C4", "91.5"))
            + F.row(5, F.text("A5", "KBI-01"), F.text("B5", "2024-09"), F.text("C5", "lots"))
        let path = try F.zip(F.parts(sheets: [("Council", council), ("Measures", measures), ("Observations", long)]))
        var errors: [DataFileError] = []
        do { _ = try CouncilSource.load(path: path, today: nil) } catch let error as DataLoadError { errors = error.errors }
        // The rows keep their numbers: the mistake is named in the cell the sheet shows.
        #expect(errors.map(\.description) == [path + ": sheet Observations, cell C5 (value): \"lots\" is not a number (a value not to be had is left empty, or written - or n/a)"])

        let fixed = long.replacingOccurrences(of: "lots", with: "86")
        let wide = F.row(2, F.text("A2", "Planning performance"))
            + F.row(3, F.text("A3", "Measure"), F.text("B3", "2024-08"), F.text("C3", "2024-09"))
            + F.row(4, F.text("A4", "KBI-01"), F.number("B4", "91.5"), F.number("C4", "86"))
        for values in [fixed, wide] {
            let council = try CouncilSource.load(
                path: try F.zip(F.parts(sheets: [("Council", council), ("Measures", measures), ("Observations", values)])), today: nil)
            #expect(council.measures.map(\.code) == ["KBI-01"] && council.measures[0].title == "Planning decided in time")
            #expect(council.observations[0].map(\.value) == [91.5, 86])
        }
        // A heading misspelt under a title is named in its own cell, as without the title.
        func firstError(_ sheets: [(String, String)]) throws -> String? {
            let path = try F.zip(F.parts(sheets: sheets))
            guard case .failure(let error) = Result(catching: { try CouncilSource.load(path: path, today: nil) }) else { return nil }
            return (error as? DataLoadError)?.errors.first?.description ?? "\(error)"
        }
        let misspelt = fixed.replacingOccurrences(of: "\"A3\" t=\"inlineStr\"><x:is><x:t>Measure", with: "\"A3\" t=\"inlineStr\"><x:is><x:t>Meausre")
        #expect(misspelt != fixed)
        #expect(try firstError([("Council", council), ("Measures", measures), ("Observations", misspelt)])?.contains("cell A3 (Meausre): unknown column") == true)
        let named = measures.replacingOccurrences(of: ">Title<", with: ">Name<")
        #expect(try firstError([("Council", council), ("Measures", named), ("Observations", fixed)])?.contains("cell B4 (Name): unknown column") == true)
        // The Council sheet: a title of one cell above the settings.
        let titled = F.row(1, F.text("A1", "Testshire settings")) + council.replacingOccurrences(of: "r=\"1\"", with: "r=\"3\"")
            .replacingOccurrences(of: "r=\"A1\"", with: "r=\"A3\"").replacingOccurrences(of: "r=\"B1\"", with: "r=\"B3\"")
            .replacingOccurrences(of: "r=\"2\"", with: "r=\"4\"").replacingOccurrences(of: "r=\"A2\"", with: "r=\"A4\"")
            .replacingOccurrences(of: "r=\"B2\"", with: "r=\"B4\"")
        #expect(try firstError([("Council", titled), ("Measures", measures), ("Observations", fixed)]) == nil)
        // Its headings under the title: any name over "value" is headings; "setting" over a misspelt "value" is
        // named in the cell misspelt, not taken for a setting nobody knows.
        func headed(_ name: String, _ value: String) -> String {
            let title = F.row(1, F.text("A1", "Testshire settings"))
            return title + F.row(2, F.text("A2", name), F.text("B2", value)) + titled.dropFirst(title.count)
        }
        #expect(try firstError([("Council", headed("Settin", "Value")), ("Measures", measures), ("Observations", fixed)]) == nil)
        #expect(
            try firstError([("Council", headed("Setting", "Valu")), ("Measures", measures), ("Observations", fixed)])?
                .contains("sheet Council, cell B2 (Valu): the column of the settings' values is headed value") == true)
        // The council's name left empty in the first row: that setting is named, not the plan's cell beyond a
        // one-column table.
        let unnamed = F.row(1, F.text("A1", "Council")) + F.row(2, F.text("A2", "Plan"), F.text("B2", "Council Plan 2024-2028"))
        let nameless = try firstError([("Council", unnamed), ("Measures", measures), ("Observations", fixed)])
        #expect(nameless?.hasSuffix("sheet Council, cell B1 (council): the Council sheet needs a council") == true, "\(nameless ?? "nil")")

        // A sheet with no row of headings says so of its first row, as before.
        let headless = F.row(1, F.text("A1", "Values")) + F.row(2, F.text("A2", "KBI-01"), F.text("B2", "2024-08"), F.number("C2", "1"))
        do {
            _ = try CouncilSource.load(path: try F.zip(F.parts(sheets: [("Council", council), ("Measures", measures), ("Observations", headless)])), today: nil)
            Issue.record("a sheet without headings was read")
        } catch let error as DataLoadError {
            #expect(error.errors.first?.description.contains("Observations") == true)
        }
    }

    @Test("a missing Council or Measures sheet is named")
    func missingSheets() throws {
        let path = try F.zip(F.parts(sheets: [("Measures", F.row(1, F.text("A1", "code")))]))
        var errors: [DataFileError] = []
        do { _ = try CouncilSource.load(path: path, today: nil) } catch let error as DataLoadError { errors = error.errors }
        #expect(errors.first?.message.contains("there is no Council sheet") == true)
    }

    @Test("cells: percentages by their format, dates from either date system, booleans, escapes")
    func cells() {
        #expect(CellValue.shown("0.875", times: 100) == "87.5")
        #expect(CellValue.shown("0.07", times: 100) == "7")
        #expect(CellValue.shown("0.68899999999999995", times: 100) == "68.9")
        // What a spreadsheet never writes as a number stays text, for the reader to refuse as in a CSV.
        #expect(CellValue.shown("0x10") == "0x10" && CellValue.shown("0x1p3") == "0x1p3" && CellValue.shown("1e-400") == "1e-400")
        #expect(NumberParser.parse(CellValue.shown("0x10")) == nil)
        #expect(CellValue.shown("1", times: 100) == "100")
        #expect(CellValue.shown("-0.005", times: 100) == "-0.5")
        #expect(CellValue.shown("1.5E-2", times: 100) == "1.5")
        #expect(CellValue.shown("86.000000000000014") == "86")
        #expect(CellValue.shown("1234") == "1234")
        #expect(CellValue.shown("#N/A") == "#N/A")
        #expect(CellValue(type: nil, format: .percent, value: "0.9").text(sharedStrings: [], uses1904Dates: false) == .success("90%"))
        #expect(CellValue(type: "b", format: .plain, value: "0").text(sharedStrings: [], uses1904Dates: false) == .success("false"))
        #expect(ExcelDate.date(serial: 45505, uses1904Dates: false)?.description == "2024-08-01")
        #expect(ExcelDate.date(serial: 1, uses1904Dates: false)?.description == "1900-01-01")
        #expect(ExcelDate.date(serial: 61, uses1904Dates: false)?.description == "1900-03-01")
        #expect(ExcelDate.date(serial: 0.5, uses1904Dates: true)?.description == "1904-01-01")
        #expect(NumberFormats.kind(ofCode: "0.0%") == .percent)
        #expect(NumberFormats.kind(ofCode: "mmm\\-yy") == .date)
        #expect(NumberFormats.kind(ofCode: "dd/mm/yyyy") == .date)
        #expect(NumberFormats.kind(ofCode: "#,##0;[Red]-#,##0") == .plain)
        #expect(NumberFormats.kind(ofCode: "[$£-809]#,##0.00") == .plain)
        #expect(NumberFormats.kind(ofCode: "0 \"days\"") == .plain)
        #expect(NumberFormats.kind(ofCode: "General") == .plain)
        // Thousands and millions shown: read as shown, scale and all (`£1,410k`), for the reader to put in the
        // measure's unit (1,410 of £k, 1.41 of £m); a scale the format does not write is the number shown.
        #expect(NumberFormats.kind(ofCode: "\"£\"#,##0,\"k\"") == .scaled(thousands: 1, mark: 1, pounds: true))
        #expect(NumberFormats.kind(ofCode: "#,##0.0,,\"m\"") == .scaled(thousands: 2, mark: 2, pounds: false))
        #expect(NumberFormats.kind(ofCode: "[$£-809]#,##0\"k\"") == .scaled(thousands: 0, mark: 1, pounds: true))
        #expect(NumberFormats.kind(ofCode: "#,##0,") == .scaled(thousands: 1, mark: nil, pounds: false))
        #expect(NumberFormats.kind(ofCode: "0.0\"m\"") == .plain, "metres, perhaps: no scale of pounds")
        // A count shown in thousands with a k the format does not scale by: 1250 shows as 1,250k people.
        #expect(NumberFormats.kind(ofCode: "#,##0\"k\"") == .scaled(thousands: 0, mark: 1, pounds: false))
        #expect(NumberFormats.kind(ofCode: "0.0\" million\"") == .scaled(thousands: 0, mark: 2, pounds: false))
        #expect(NumberFormats.kind(ofCode: "0\"b\"") == .plain, "bytes, perhaps")
        // The first section alone says the scale; a word says it too.
        #expect(NumberFormats.kind(ofCode: "£#,##0,\"k\";-£#,##0,\"k\"") == .scaled(thousands: 1, mark: 1, pounds: true))
        #expect(NumberFormats.kind(ofCode: "_-£* #,##0,\"k\"_-;-£* #,##0,\"k\"_-") == .scaled(thousands: 1, mark: 1, pounds: true))
        #expect(NumberFormats.kind(ofCode: "£#,##0.0,,\" million\"") == .scaled(thousands: 2, mark: 2, pounds: true))
        func text(_ format: NumberFormats.Kind, _ value: String) -> Result<String, CellProblem> {
            CellValue(type: nil, format: format, value: value).text(sharedStrings: [], uses1904Dates: false)
        }
        #expect(text(.scaled(thousands: 1, mark: 1, pounds: true), "1410000") == .success("£1410k"))
        #expect(text(.scaled(thousands: 2, mark: 2, pounds: false), "-2500000") == .success("-2.5m"))
        #expect(text(.scaled(thousands: 0, mark: 1, pounds: true), "1250") == .success("£1250k"))
        #expect(text(.scaled(thousands: 1, mark: nil, pounds: false), "1410000") == .success("1410"))
        // A small figure scaled down is written out, not in exponent form.
        #expect(text(.scaled(thousands: 2, mark: 2, pounds: true), "50") == .success("£0.00005m"))
        #expect(text(.scaled(thousands: 1, mark: 1, pounds: false), "1E-05") == .success("0.00000001k"))
        for (unit, value) in [("£k", 1410.0), ("£m", 1.41), ("£", 1_410_000), ("number", 1_410_000)] {
            #expect(MeasureUnit(unit).parseAsShown(unit == "number" ? "1410k" : "£1410k") == value, "\(unit)")
        }
        #expect(MeasureUnit("£k").parseAsShown("2.5m") == 2500 && MeasureUnit("£").parseAsShown("1410k") == 1_410_000)
        // A date shown without its year: which year is meant cannot be told.
        #expect(NumberFormats.kind(ofCode: "d-mmm") == .dateWithoutYear && NumberFormats.builtIn(16) == .dateWithoutYear)
        guard case .failure = CellValue(type: nil, format: .dateWithoutYear, value: "46197").text(sharedStrings: [], uses1904Dates: false) else {
            Issue.record("a date without its year was read")
            return
        }
        // An error cell is no text: a note of "#REF!" reached members.
        guard case .failure(let error) = CellValue(type: "e", format: .plain, value: "#REF!").text(sharedStrings: [], uses1904Dates: false) else {
            Issue.record("an error cell was read as text")
            return
        }
        #expect(error.message.hasPrefix("holds the error #REF!"))
        // Times and lengths of time are fractions of a day: refused, not read as dates (1:30 was 1900-01-00).
        for code in ["[h]:mm", "[mm]:ss", "h:mm", "mm:ss", "h:mm AM/PM", "[h]:mm:ss"] { #expect(NumberFormats.kind(ofCode: code) == .duration, "\(code)") }
        #expect(NumberFormats.kind(ofCode: "dd/mm/yyyy hh:mm") == .date)
        #expect(NumberFormats.builtIn(20) == .duration && NumberFormats.builtIn(46) == .duration && NumberFormats.builtIn(14) == .date)
        guard case .failure(let problem) = CellValue(type: nil, format: .duration, value: "0.0625").text(sharedStrings: [], uses1904Dates: false) else {
            Issue.record("a duration was read")
            return
        }
        #expect(problem.message.contains("is a time or a length of time"))
        let awkward = "a\u{1B}b_x0041_c\r\nd\u{7}"
        #expect(ExcelText.decoded(ExcelText.encoded(awkward)) == awkward)
        #expect(ExcelText.decoded("line_x000D_") == "line\r")
    }

    @Test("a range merged down one column gives its top cell's text to the cells below it; one merged across does not")
    func mergedDown() {
        var rows = [
            SheetTable.Row(number: 1, cells: ["code", "service"]), SheetTable.Row(number: 2, cells: ["KBM-01", "Housing"]),
            SheetTable.Row(number: 3, cells: ["KBM-02"]), SheetTable.Row(number: 4, cells: ["KBM-03", ""]),
            SheetTable.Row(number: 5, cells: ["KBM-04", "Finance"]),
        ]
        var budget = 100
        let merges = ["B2:B4", "A5:B5"].compactMap(WorksheetReader.columnRange)
        #expect(merges.count == 1, "only the range down one column")
        WorksheetReader.fill(&rows, downMerges: merges, budget: &budget)
        #expect(rows.map { $0.cells.count > 1 ? $0.cells[1] : "" } == ["service", "Housing", "Housing", "Housing", "Finance"])
    }
}
