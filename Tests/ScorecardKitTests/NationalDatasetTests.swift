import Foundation
import Testing

@testable import ScorecardKit

/// Reading national downloads as published: columns by name, rows one field short, quoted names with line breaks.
@Suite struct NationalDatasetTests {
    static let campylobacter = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/national/fingertips_93356_campylobacter_county-ua_2015-2017.csv").path

    static let header26 =
        "Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,"
        + "Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,"
        + "Denominator,Value note,Recent Trend,Compared to England value or percentiles,"
        + "Compared to Region value or percentiles,Time period Sortable,New data,Compared to goal"

    static func read(_ text: String, file: String = "download.csv") throws -> NationalDataset {
        try NationalDataset.read(bytes: Array(text.utf8), file: file)
    }

    @Test func readsTheCampylobacterDownloadWhole() throws {
        let dataset = try NationalDataset.read(path: Self.campylobacter)
        #expect(dataset.publisher == .fingertips)
        #expect(dataset.records.count == 852)
        let first = try #require(dataset.records.first)
        // The quoted name holds a comma and a line break; the row is one field short of the header.
        #expect(first.indicator == "Campylobacter incidence rate/100,000")
        #expect(first.indicatorID == "93356")
        #expect(first.areaCode == "E92000001")
        #expect(first.isEngland)
        #expect(first.value == 94.7261896202678)
        #expect(first.lowerCI == 93.9129396546008)
        #expect(first.upperCI == 95.5447303303505)
        #expect(first.count == 51897)
        #expect(first.periodOrder == "20150000")
        #expect(first.line == 2)
        // Records start on the lines they do in the file: each name takes two lines.
        #expect(dataset.records[1].line == 4)
        let scilly = try #require(dataset.records.first { $0.areaName == "Isles of Scilly" })
        #expect(scilly.value == nil)
        #expect(scilly.valueNote == "Value for Cornwall & Isles of Scilly combined")
        #expect(scilly.parentCode == "E12000009")
    }

    @Test func readsTwentySevenColumnsAndTheParentColumnByAnyName() throws {
        let text = """
            Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to parent value or percentiles,Time period Sortable,New data,Compared to goal,Time period range
            92443,Smoking Prevalence in adults,E12000004,East Midlands region,E06000015,Derby,UA,Persons,18+ yrs,,,2019,15.1,12.0,18.2,,,,,,,Similar,Similar,20190000,,,1y
            92443,Smoking Prevalence in adults,,,E92000001,England,England,Persons,18+ yrs,,,2019,13.9,13.7,14.1,,,,,,,Not compared,Not compared,20190000,,,1y
            """
        let dataset = try Self.read(text)
        #expect(dataset.records.count == 2)
        #expect(dataset.records[0].publishedComparedToParent == "Similar")
        #expect(dataset.records[0].areaType == "UA")
        #expect(dataset.records[1].isEngland)
    }

    @Test func columnsAreFoundByNameInAnyOrder() throws {
        let text = """
            Value,Area Code,Time period,Indicator Name,Upper CI 95.0 limit,Lower CI 95.0 limit
            12.5,E06000001,2020/21,Admissions,14,11
            """
        let record = try #require(try Self.read(text).records.first)
        #expect(record.value == 12.5)
        #expect(record.lowerCI == 11)
        #expect(record.upperCI == 14)
        #expect(record.period == "2020/21")
    }

    @Test func badFilesAreNamedByFileLineAndColumn() throws {
        let notANumber = Self.header26 + "\r\n1,Name,,,E06000001,Hartlepool,UA,Persons,All ages,,,2017,12..5,,,,,,,,,,,,,\r\n"
        #expect(throws: DataFileError.self) { try Self.read(notANumber) }
        do {
            _ = try Self.read(notANumber)
        } catch let error as DataFileError {
            #expect(error.description == "download.csv:2: field \"Value\": \"12..5\" is not a number")
        }
        let huge = Self.header26 + "\r\n1,Name,,,E06000001,Hartlepool,UA,Persons,All ages,,,2017,1e308,,,,,,,,,,,,,\r\n"
        let error = try #require(throws: DataFileError.self) { try Self.read(huge) }
        #expect(error.description == "download.csv:2: field \"Value\": 1e+308 is out of range (numbers must lie within ±1,000,000,000,000,000)")
        let noAreaColumn = "Indicator Name,Time period,Value\nX,2017,1\n"
        #expect(throws: DataFileError.self) { try Self.read(noAreaColumn) }
        let repeated = "Indicator Name,Area Code,Time period,Value\nX,E1,2017,1\nX,E1,2017,2\n"
        do {
            _ = try Self.read(repeated)
            Issue.record("a repeated row was read")
        } catch let error as DataFileError {
            #expect(error.line == 3)
            #expect(error.message.contains("repeats line 2"))
        }
        let tooLong = "Indicator Name,Area Code,Time period,Value\nX,E1,2017,1,surplus\n"
        #expect(throws: DataFileError.self) { try Self.read(tooLong) }
        let backwards = "Indicator Name,Area Code,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit\nX,E1,2017,5,6,4\n"
        #expect(throws: DataFileError.self) { try Self.read(backwards) }
        // A value outside its own interval (either level): its significance and its rank would disagree.
        let columns = "Indicator Name,Area Code,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit\n"
        let outside = try #require(throws: DataFileError.self) { try Self.read(columns + "X,E1,2017,60,61,65,,\n") }
        #expect(outside.description == "download.csv:2: field \"Value\": the value 60 is outside its own interval, 61 to 65")
        #expect(throws: DataFileError.self) { try Self.read(columns + "X,E1,2017,66.5,61,65,,\n") }
        #expect(throws: DataFileError.self) { try Self.read(columns + "X,E1,2017,60,,,61,65\n") }
        #expect(throws: DataFileError.self) { try Self.read(columns + "X,E1,2017,60,,,59,58\n") }
        // On a limit, or beyond it by less than half the limit's last decimal place (limits published rounded, the
        // value in full), it is read: 2.1849 against 2.18, 2.15 against 2.1; 2.156 against 2.1 is not.
        #expect(throws: Never.self) {
            try Self.read(columns + "X,E1,2017,61,61,65,,\nX,E2,2017,65.00000004,61,65.0000000,,\nX,E3,2017,2.1849,2,2.18,,\nX,E4,2017,2.15,2,2.1,,\n")
        }
        #expect(throws: DataFileError.self) { try Self.read(columns + "X,E1,2017,2.156,2,2.1,,\n") }
        #expect(throws: DataFileError.self) { try Self.read(columns + "X,E1,2017,65.6,61,65,,\n") }
        #expect(throws: DataFileError.self) { try NationalDataset.read(path: "/nonexistent/file.csv") }
        // Two downloads pasted one after the other: the second header is named as such, not as a number.
        let header = "Indicator Name,Area Code,Time period,Value"
        let joined = try #require(throws: DataFileError.self) { try Self.read("\(header)\nX,E1,2017,1\n\(header)\nX,E1,2018,2\n") }
        #expect(joined.description == "download.csv:3: the row repeats the header: were two downloads joined? Keep the first header only")
        // Region's and parent's comparison columns together: both are named, not one "twice".
        let twoParents = try #require(throws: DataFileError.self) {
            try Self.read("\(header),Compared to Region value or percentiles,Compared to parent value or percentiles\nX,E1,2017,1,Similar,Similar\n")
        }
        #expect(twoParents.description == "download.csv:1: field \"Compared to parent value or percentiles\": "
            + "\"Compared to Region value or percentiles\" and this column both compare with the parent area: a download has one")
    }

    @Test("a spreadsheet's empty last row is skipped; a note under the table, a renamed heading and a workbook are named as such")
    func rowsAndHeadingsAsSpreadsheetsLeaveThem() throws {
        let header = "Indicator Name,Area Code,Time period,Value"
        let blank = try Self.read("\(header)\nX,E1,2017,1\n,,,\n   ,,,\nX,E2,2017,2\n,,,\n")
        #expect(blank.records.map(\.areaCode) == ["E1", "E2"])
        let footnote = try #require(throws: DataFileError.self) { try Self.read("\(header)\nX,E1,2017,1\n\"Source: OHID, Fingertips\",,,\n") }
        #expect(footnote.description == "download.csv:3: field \"Area Code\": the row holds only \"Source: OHID, Fingertips\", not an area's figures: a note below the table? Delete it")
        // Its commas unquoted, the note is several cells: still a note, not a row of figures missing its area.
        let unquoted = try #require(throws: DataFileError.self) {
            try Self.read("Indicator ID,Indicator Name,Parent Code,Area Code,Time period,Value\n1,X,E92000001,E1,2017,1\nSource: OHID, Fingertips, 2019,,,\n")
        }
        #expect(unquoted.message == "the row holds only \"Source: OHID, Fingertips, 2019\", not an area's figures: a note below the table? Delete it")
        let missing = try #require(throws: DataFileError.self) { try Self.read("\(header)\nX,E1,2017,1\nX area,,2017,2\n") }
        #expect(missing.message == "the row has no area code")
        let renamed = try #require(throws: DataFileError.self) { try Self.read("Indicator Name,AreaCode,Time period,Value\nX,E1,2017,1\n") }
        #expect(renamed.message == "the header has no \"Area Code\" column (a Fingertips download has \"Area Code\", \"Time period\" and \"Value\"; give the heading as downloaded)")
        let observations = try #require(throws: DataFileError.self) { try Self.read("measure,period,value\nX,2017,1\n") }
        #expect(observations.message.hasPrefix("this is not a Fingertips download"))
        let other = try #require(throws: DataFileError.self) { try Self.read("Name,Code\nX,E1\n") }
        #expect(other.message.hasPrefix("this is not a Fingertips download: its header has no \"Area Code\", \"Time period\" and \"Value\" columns"))
        let workbook = try #require(throws: DataFileError.self) { try NationalDataset.read(bytes: [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0], file: "campy.xlsx") }
        #expect(workbook.message.contains("a national download is read as CSV") && !workbook.message.contains("give the .xlsx"))
    }

    @Test func aMissingFileADirectoryAndADeviceAreEachNamedForWhatTheyAre() throws {
        func message(_ path: String) -> String? {
            do {
                _ = try NationalDataset.read(path: path)
                return nil
            } catch let error as DataFileError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(message("/nonexistent/file.csv") == "no such file")
        #expect(message(NSTemporaryDirectory()) == "is a directory, not a file")
        #expect(message("/dev/zero") == "is not a regular file (a device or a pipe); give a file")
        #expect(message(Self.campylobacter) == nil)
    }

    @Test func readsAnLGInformDownload() throws {
        let path = URL(fileURLWithPath: Self.campylobacter).deletingLastPathComponent()
            .appendingPathComponent("lginform_enterprise_births.csv").path
        let dataset = try NationalDataset.read(path: path)
        #expect(dataset.publisher == .lgInform)
        // Five areas, three periods each.
        #expect(dataset.records.count == 15)
        let barnet = dataset.records.filter { $0.areaCode == "E09000003" }
        #expect(barnet.map(\.period) == ["2019", "2020", "2021"])
        #expect(barnet.map(\.periodOrder) == ["cal_2019", "cal_2020", "cal_2021"])
        // "1,012.5" read with its thousands separator.
        #expect(barnet.map(\.value) == [93.0, 81.8, 1012.5])
        #expect(barnet[0].areaType == "London borough")
        #expect(barnet[0].indicator == "Rate of births of new enterprises")
        #expect(barnet[0].indicatorID == "42")
        let bexley = dataset.records.filter { $0.areaCode == "E09000004" }
        #expect(bexley.map(\.value) == [50.0, nil, nil])
        #expect(dataset.records.first?.isEngland == true)
    }

    @Test("an LG Inform download with one header row is refused: its metric's name was read as every column's period")
    func anLGInformDownloadWithoutItsPeriodRow() throws {
        let text = """
            "area label","area long label","area","Metric X","Metric X"
            "Barnet","Barnet (London borough)","E09000003","12","14"
            """
        do {
            let dataset = try Self.read(text, file: "lg.csv")
            Issue.record("read with periods \(dataset.records.map(\.period))")
        } catch let error as DataFileError {
            #expect(error.line == 1)
            #expect(error.description.contains("one header row, which names the metric but no period"))
        }
    }

    @Test("a NUL byte in a download is said as itself, on its line, not as the odd heading it made")
    func aNULByteIsNamed() throws {
        let text = "\"area label\",\"area long label\",\"area\",\"Metric\"\n\"area label\",\"area long label\",\"area\",\"20\u{0}20\"\n"
        do {
            _ = try Self.read(text, file: "lg.csv")
            Issue.record("a NUL byte was read")
        } catch let error as DataFileError {
            #expect(error.line == 2)
            #expect(error.description.contains("NUL character"))
        }
    }

    @Test func anLGInformValueThatIsNotANumberIsNamed() throws {
        let text = """
            "area label","area long label","area","Metric"
            "area label","area long label","area","2020"
            "Barnet","Barnet (London borough)","E09000003","lots"
            """
        do {
            _ = try Self.read(text, file: "lg.csv")
            Issue.record("text read as a value")
        } catch let error as DataFileError {
            #expect(error.line == 3)
            #expect(error.description == "lg.csv:3: field \"Metric\": \"lots\" is not a number")
        }
    }

    @Test func anLGInformValueOutOfRangeIsNamed() throws {
        let text = """
            "area label","area long label","area","Metric"
            "area label","area long label","area","2020"
            "Barnet","Barnet (London borough)","E09000003","1e308"
            """
        let error = try #require(throws: DataFileError.self) { try Self.read(text, file: "lg.csv") }
        #expect(error.description == "lg.csv:3: field \"Metric\": 1e+308 is out of range (numbers must lie within ±1,000,000,000,000,000)")
    }
}
