import Foundation
import Testing

@testable import ScorecardKit

/// Inputs the file readers once misread, found while fuzzing them (docs/fuzzing.md). Each is given as the bytes
/// of a file, read the way the fuzz targets read it.
@Suite("Edge cases found while fuzzing the readers")
struct ReaderEdgeCaseTests {
    @Test("a file is read whole, byte for byte; a directory, a device, a pipe or a missing file is not read")
    func fileBytes() throws {
        let bytes = Array(0...255).map(UInt8.init) + Array(repeating: 7, count: 200_000)
        let folder = try Fixture.write(observations: bytes)
        #expect(try FileBytes.read(folder + "/observations.csv").get() == bytes)
        try Data().write(to: URL(fileURLWithPath: folder + "/empty.csv"))
        #expect(try FileBytes.read(folder + "/empty.csv").get() == [])
        #expect(throws: FileBytes.Problem.directory) { try FileBytes.read(folder).get() }
        #expect(throws: FileBytes.Problem.notRegular) { try FileBytes.read("/dev/zero").get() }
        #expect(mkfifo(folder + "/pipe.csv", 0o600) == 0)
        #expect(throws: FileBytes.Problem.notRegular) { try FileBytes.read(folder + "/pipe.csv").get() }
        #expect(throws: FileBytes.Problem.unreadable) { try FileBytes.read(folder + "/missing.csv").get() }
    }

    @Test("observations.csv that is a device or a pipe is refused at once, by name")
    func observationsNotAFile() throws {
        let folder = try Fixture.write()
        try FileManager.default.removeItem(atPath: folder + "/observations.csv")
        #expect(mkfifo(folder + "/observations.csv", 0o600) == 0)
        let files = CouncilDirectory(path: folder)
        let error = try #require(throws: DataLoadError.self) { try files.loadObservations(for: try files.loadFramework().measures) }
        #expect(error.errors.first?.message == "is not a regular file (a device or a pipe); give a file")
    }

    @Test("an optional table that is a link to nothing (a share not mounted, a loop) is refused, not read as absent")
    func linkToNothing() throws {
        let folder = try Fixture.write()
        let files = CouncilDirectory(path: folder)
        try FileManager.default.createSymbolicLink(atPath: folder + "/actions.csv", withDestinationPath: "/nonexistent/share/actions.csv")
        let dangling = try #require(throws: DataLoadError.self) { try files.loadFramework() }
        #expect(dangling.errors.map(\.description) == [
            folder + "/actions.csv: is a link to /nonexistent/share/actions.csv, which cannot be opened (missing, or a loop of links): nothing was read"
        ])
        try FileManager.default.removeItem(atPath: folder + "/actions.csv")
        try FileManager.default.removeItem(atPath: folder + "/observations.csv")
        try FileManager.default.createSymbolicLink(atPath: folder + "/observations.csv", withDestinationPath: "observations.csv")
        let measures = try files.loadFramework().measures
        let loop = try #require(throws: DataLoadError.self) { try files.loadObservations(for: measures) }
        #expect(loop.errors.first?.message.hasPrefix("is a link to observations.csv, which cannot be opened") == true)
    }

    @Test("framework.yaml saved as UTF-16 is named as such, not merely as not UTF-8")
    func utf16Framework() throws {
        let folder = try Fixture.write()
        let text = Array("council: Testshire\nplan: Council Plan\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try Data([0xFF, 0xFE] + text).write(to: URL(fileURLWithPath: folder + "/framework.yaml"))
        let error = try #require(throws: DataLoadError.self) { try CouncilDirectory(path: folder).loadFramework() }
        #expect(error.errors.map(\.message) == ["the file is UTF-16 (a spreadsheet's \"Unicode Text\"), not UTF-8: save it as UTF-8"])
    }

    @Test("the first line that is not UTF-8: a stray byte, a cut-off character, an overlong form, a surrogate")
    func firstInvalidUTF8Line() {
        let good = Array("KBI-01,2024-08,90\nKBI-01,2024-09,€91\n".utf8)
        #expect(UTF8Validation.firstInvalidLine(good) == nil)
        #expect(UTF8Validation.firstInvalidLine([]) == nil)
        #expect(UTF8Validation.firstInvalidLine([0xFF] + good) == 1)
        #expect(UTF8Validation.firstInvalidLine(good + [0xE2, 0x82]) == 3, "a character cut off at the end")
        #expect(UTF8Validation.firstInvalidLine(good + [0xC0, 0x80]) == 3, "NUL written overlong")
        #expect(UTF8Validation.firstInvalidLine(Array("a\nb\n".utf8) + [0xED, 0xA0, 0x80] + Array("\n".utf8)) == 3, "a UTF-16 surrogate")
        #expect(UTF8Validation.firstInvalidLine(Array("a\n\n\nb".utf8) + [0x80]) == 4)
    }

    /// Reads `csv` against the test council's framework; the first problem, or `nil` when it loads.
    private func firstProblem(_ csv: [UInt8]) throws -> DataFileError? {
        let measures = try FrameworkFile(file: "framework.yaml").read(Fixture.framework).measures
        do {
            _ = try ObservationsFile(file: "observations.csv", measures: measures).read(csv)
            return nil
        } catch let error as DataLoadError {
            return error.errors.first
        }
    }

    @Test("a value with a NUL byte after its exponent is refused, not read as the number before the NUL")
    func nulAfterExponent() throws {
        let csv = Array("measure,period,value\nKBI-03,2024-08,1e3".utf8) + [0x00] + Array("99\n".utf8)
        let problem = try #require(try firstProblem(csv))
        #expect(problem.line == 2)
        #expect(problem.field == "value")
        #expect(NumberParser.parse("1e3\u{0}99") == nil)
        #expect(NumberParser.parse("1e") == nil)
        // A tab or a line break around a figure (a cell's Alt+Enter) is space; within it, no number.
        #expect(NumberParser.parse("91.5\n") == 91.5 && NumberParser.parse("\t1.2\r\n") == 1.2 && NumberParser.parse("12\n34") == nil)
        #expect(MeasureUnit("£k").parseAsShown("£1.25m\n") == 1250 && MeasureUnit("days").parseAsShown("\t17.2 days\r\n") == 17.2)
        // A heading typed over two lines of its cell is the period.
        #expect(Period(cell: "2024/25\nQ1") == .quarter(2024, 1) && Period(cell: "2024/25\r\nQ1") == .quarter(2024, 1))
        // A date heading as pandas and R write one, with the time of midnight; another time is no period.
        #expect(Period(cell: "2014-04-01 00:00:00") == .month(2014, 4) && Period(cell: "2014-04-01T00:00") == .month(2014, 4))
        #expect(Period(cell: "2014-04-01 12:30:00") == nil && Period(cell: "2014-04-01 ") == .month(2014, 4))
        #expect(NumberParser.parse("1e+") == nil)
        #expect(NumberParser.parse("1e3x") == nil)
        #expect(NumberParser.parse("1E-2") == 0.01)
        #expect(NumberParser.parse("2.5e+3%") == 2500)
        #expect(NumberParser.parse("1e309") == .infinity)
        // More digits than a spreadsheet keeps are read to its 15, as a workbook gives them back: a script's
        // 8.139999999999999 is 8.14; 15 digits or fewer are as written.
        #expect(NumberParser.parse("8.139999999999999") == 8.14 && NumberParser.parse("0.68899999999999995") == 0.689)
        #expect(NumberParser.parse("-999999999.9999999") == -1_000_000_000)
        #expect(NumberParser.parse("0.000123456789012345") == 0.000123456789012345 && NumberParser.parse("8.13999999999999") == 8.13999999999999)
        #expect(NumberParser.parse("-" + String(repeating: "9", count: 400)) == -.infinity)
        #expect(NumberParser.parse("1e-400") == .leastNonzeroMagnitude)
        #expect(NumberParser.parse("-0.0001e-400") == -.leastNonzeroMagnitude)
        #expect(NumberParser.parse("0.000e-400") == 0)
        #expect(NumberParser.parse("0e5") == 0)
        // -0 is 0, not negative zero (JSON wrote it `-0`).
        #expect(NumberParser.parse("-0")?.sign == .plus)
        #expect(NumberParser.parse("-0.00")?.sign == .plus)
    }

    @Test("a value or target written in a unit its measure is not measured in is refused: 50% of a count, £75 of a percentage")
    func unitOfAnotherMeasure() throws {
        let count = try #require(try firstProblem(Array("measure,period,value\nKBI-03,2024-08,50%\n".utf8)))
        #expect(count.line == 2 && count.field == "value")
        #expect(count.message.contains("written as a percentage, but KBI-03 is measured as a number"))
        let target = try #require(try firstProblem(Array("measure,period,value,target\nKBI-03,2024-08,5,£9\n".utf8)))
        #expect(target.field == "target" && target.message.contains("in pounds (£)"))
        #expect(try firstProblem(Array("measure,period,value\nKBI-01,2024-08,87.5%\n".utf8)) == nil, "a percentage of a percentage")
        #expect(NumberParser.unitMark(" -£5 ") == .pound && NumberParser.unitMark("87.5 %") == .percent && NumberParser.unitMark("5") == nil)
    }

    @Test("a figure below zero in accountants' brackets is told how to write it: (5) is -5")
    func accountingNegative() throws {
        let problem = try #require(try firstProblem(Array("measure,period,value\nKBI-03,2024-08,(5)\n".utf8)))
        #expect(problem.line == 2 && problem.field == "value")
        #expect(problem.message == "\"(5)\" is not a number: a figure below zero is written with a minus sign, -5")
        #expect(ObservationsFile.accountingNegative(" (1,234.5) ") == "-1,234.5")
        for text in ["()", "(x)", "(-5)", "(0)", "5", "(5"] { #expect(ObservationsFile.accountingNegative(text) == nil, "\(text)") }
        #expect(try #require(try firstProblem(Array("measure,period,value\nKBI-03,2024-08,(x)\n".utf8))).message.contains("left empty"))
    }

    @Test("a value copied from the screen with its measure's own unit is that figure; one in another unit is named")
    func valueAsShown() throws {
        // KBI-02 is measured in days.
        #expect(try firstProblem(Array("measure,period,value,target\nKBI-02,2024-08,8.25 days,8 days\n".utf8)) == nil)
        let weeks = try #require(try firstProblem(Array("measure,period,value\nKBI-02,2024-08,2 weeks\n".utf8)))
        #expect(weeks.line == 2 && weeks.field == "value" && weeks.message.contains("written in weeks, but KBI-02 is measured in days"))
    }

    @Test("a value or target too close to 0 to tell from it is refused, not taken as 0")
    func belowDouble() throws {
        for text in ["1e-400", "-2.5e-320", "0.00000000000000000001e-300"] {
            let value = try #require(try firstProblem(Array("measure,period,value\nKBI-03,2024-08,\(text)\n".utf8)))
            #expect(value.line == 2)
            #expect(value.field == "value")
            #expect(value.message.contains("too close to 0"))
        }
        let target = try #require(try firstProblem(Array("measure,period,value,target\nKBI-03,2024-08,1,1e-400\n".utf8)))
        #expect(target.field == "target")
        #expect(target.message.contains("too close to 0"))
        #expect(try firstProblem(Array("measure,period,value,target\nKBI-03,2024-08,0e-400,1e-300\n".utf8)) == nil)
    }

    @Test("a framework.yaml saved with a byte-order mark before its first key reads as without one")
    func byteOrderMark() throws {
        let keysFirst = Fixture.framework.split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0.hasPrefix("#") }.joined(separator: "\n")
        #expect(keysFirst.hasPrefix("council:"))
        let plain = try FrameworkFile(file: "framework.yaml").read(keysFirst)
        let marked = try FrameworkFile(file: "framework.yaml").read("\u{FEFF}" + keysFirst)
        #expect(marked.plan == plain.plan && marked.measures == plain.measures)
    }

    @Test("a quality is its word in any case, or the word shortened as screens show it (prov.); two letters or another word are not")
    func qualityWritten() {
        #expect(["provisional", "Prov.", "prov", "EST", "estim", "valid", " Validated "].map { DataQuality(written: $0) }
            == [.provisional, .provisional, .provisional, .estimated, .estimated, .validated, .validated])
        #expect(["pr", "v.", "", "provisionally", "checked"].allSatisfy { DataQuality(written: $0) == nil })
    }

    @Test("a commentary longer than the value form takes (20,000 characters) is refused, naming its line and field")
    func noteTooLong() throws {
        let long = String(repeating: "é", count: ValueEntry.noteLimit + 1)
        let problem = try #require(try firstProblem(Array("measure,period,value,note\nKBI-03,2024-08,1,\(long)\n".utf8)))
        #expect(problem.line == 2 && problem.field == "note")
        #expect(problem.message == "the commentary is 20,001 characters long: at most 20,000, as the value form takes (a spreadsheet's cell holds 32,767)")
        // 20,000 letters é (40,000 bytes) are taken; so are 19,990 letters with 10 Windows line breaks, stored as 20,000.
        #expect(try firstProblem(Array("measure,period,value,note\nKBI-03,2024-08,1,\(long.dropLast())\n".utf8)) == nil)
        let paragraphs = Array(repeating: String(repeating: "a", count: 1_999), count: 10).joined(separator: "\r\n") + "\r\n"
        #expect(paragraphs.utf16.count == 20_010)
        #expect(try firstProblem(Array("measure,period,value,note\nKBI-03,2024-08,1,\"\(paragraphs)\"\n".utf8)) == nil)
    }

    @Test("a value or target too large for a Double is out of range, not \"not a number\"")
    func beyondDouble() throws {
        let value = try #require(try firstProblem(Array("measure,period,value\nKBI-03,2024-08,1e309\n".utf8)))
        #expect(value.line == 2)
        #expect(value.field == "value")
        #expect(value.message.contains("out of range (numbers must lie within ±1,000,000,000,000,000)"))
        let target = try #require(try firstProblem(Array("measure,period,value,target\nKBI-03,2024-08,1,-1e400\n".utf8)))
        #expect(target.field == "target")
        #expect(target.message == "KBI-03: the target: the number is out of range (numbers must lie within ±1,000,000,000,000,000)")
    }

    @Test("a note's Windows (CRLF) and old Mac (CR) line breaks are line breaks, as LF is")
    func noteLineBreaks() throws {
        let measures = try FrameworkFile(file: "framework.yaml").read(Fixture.framework).measures
        let csv = "measure,period,value,note\r\nKBI-03,2024-08,1,\"Para one.\r\nPara two.\r\rPara three\"\r\n"
        let observations = try ObservationsFile(file: "observations.csv", measures: measures).read(Array(csv.utf8))
        let kbi3 = try #require(measures.firstIndex { $0.code == "KBI-03" })
        #expect(observations[kbi3].first?.note == "Para one.\nPara two.\n\nPara three")
    }

    @Test("a target the measure's values cannot reach is refused, as `target` refuses it: 150% of a percentage, -3 of a count")
    func targetBeyondLimits() throws {
        let percent = try #require(try firstProblem(Array("measure,period,value,target\nKBI-01,2024-08,90,150\n".utf8)))
        #expect(percent.field == "target" && percent.message.contains("150.0% is above this measure's maximum of 100.0%"))
        let count = try #require(try firstProblem(Array("measure,period,value,target\nKBI-03,2024-08,5,-3\n".utf8)))
        #expect(count.field == "target" && count.message.contains("is below this measure's minimum of 0"))
    }

    @Test("a month with a sign in it (2024-+5) is not a period")
    func signedMonth() throws {
        let problem = try #require(try firstProblem(Array("measure,period,value\nKBI-03,2024-+8,1\n".utf8)))
        #expect(problem.line == 2)
        #expect(problem.field == "period")
        #expect(Period(parsing: "2024-+8") == nil)
        #expect(Period(parsing: "2024-08") == .month(2024, 8))
    }

    @Test("a due date with signs in it (2025-+3-+1) is not a date")
    func signedDate() {
        #expect(CivilDate(parsing: "2025-+3-+1") == nil)
        #expect(CivilDate(parsing: "+1/+3/2025") == nil)
        #expect(CivilDate(parsing: "+202-03-01") == nil)
        #expect(CivilDate(parsing: " 2025-03-01 ") == CivilDate(year: 2025, month: 3, day: 1))
    }
}
