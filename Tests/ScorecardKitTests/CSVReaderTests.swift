import Testing

@testable import ScorecardKit

@Suite("Reading CSV line ends")
struct CSVReaderTests {
    /// Each record of `text` as its fields, with the line it starts on.
    static func records(_ text: String) throws -> [(line: Int, fields: [String])] {
        var records: [(Int, [String])] = []
        try CSVReader(bytes: Array(text.utf8), file: "observations.csv").forEachRecord { record in
            records.append((record.line, (0..<record.count).map { record.string($0) }))
        }
        return records
    }

    @Test("LF, CRLF and CR alone (Excel for Mac's \"CSV (Macintosh)\") end lines alike, blank lines skipped",
          arguments: ["\n", "\r\n", "\r"])
    func lineEnds(end: String) throws {
        let text = ["measure,period,value", "KBI-01,2024-08,90", "", "KBI-01,\"2024-09\",91"].joined(separator: end) + end
        let records = try Self.records(text)
        #expect(records.map(\.fields) == [["measure", "period", "value"], ["KBI-01", "2024-08", "90"], ["KBI-01", "2024-09", "91"]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test("a DOS end-of-file mark (Ctrl-Z) at the end is not a row")
    func dosEndOfFile() throws {
        #expect(try Self.records("a,b\r\n1,2\r\n\u{1A}").map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(try Self.records("a,b\n1,2\u{1A}").map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test("a line break inside quotes is kept, and lines after it are counted whatever ends them", arguments: ["\n", "\r\n", "\r"])
    func quotedBreak(end: String) throws {
        let text = "measure,note\(end)KBI-01,\"one\(end)two\"\(end)KBI-02,x\(end)"
        let records = try Self.records(text)
        #expect(records.last?.line == 4)
        #expect(records[1].fields[1] == "one\(end)two")
    }

    @Test("a file separated by semicolons or tabs is named as such, not as one unknown column", arguments: [
        ("measure;period;value\nKBI-01;2024-08;90\n", "separated by semicolons (;), not commas"),
        ("measure\tperiod\tvalue\nKBI-01\t2024-08\t90\n", "separated by tabs, not commas"),
    ])
    func otherSeparators(text: String, words: String) throws {
        #expect(throws: DataFileError.self) { try Self.records(text) }
        do { _ = try Self.records(text) } catch let error as DataFileError { #expect(error.message.contains(words) && error.line == 1) }
        // A note holding a semicolon, under a header of commas, is data.
        #expect(try Self.records("measure,note\nKBI-01,a; b\n").last?.fields == ["KBI-01", "a; b"])
    }

    @Test("UTF-16 (Excel's Unicode Text), with or without its byte-order mark, is named as such")
    func utf16() throws {
        let text = Array("measure,period,value\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for bytes in [[0xFF, 0xFE] + text, text] {
            do {
                try CSVReader(bytes: bytes, file: "observations.csv").forEachRecord { _ in }
                Issue.record("UTF-16 was read")
            } catch let error as DataFileError {
                #expect(error.message.contains("the file is UTF-16"))
            }
        }
    }

    @Test("a workbook given a CSV's name is named as a zip archive; other binary is not taken for UTF-16")
    func notText() throws {
        func message(_ bytes: [UInt8]) -> String? {
            do {
                try CSVReader(bytes: bytes, file: "observations.csv").forEachRecord { _ in }
                return nil
            } catch let error as DataFileError { return error.message } catch { return "\(error)" }
        }
        #expect(message([0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]) == "the file is a zip archive (an Excel workbook, perhaps), not text: "
            + "give the .xlsx itself, or save it as \"CSV UTF-8\" from the spreadsheet")
        // An executable's start: zeros, but not every other byte.
        let binary: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0, 1, 0, 0, 0, 0xC0, 0x9F, 0x99, 0, 0, 0, 0, 0]
        #expect(message(binary) == "the file is not valid UTF-8 (save it from the spreadsheet as \"CSV UTF-8\")")
    }

    @Test("an apostrophe guarding a formula-like text is taken off; one that guards nothing stays")
    func formulaGuard() throws {
        let text = "note,other\n\"'=HYPERLINK(\"\"x\"\")\",'Tis\n\"'-5, said\",''=x\n'',\n"
        #expect(try Self.records(text).map(\.fields) == [["note", "other"], ["=HYPERLINK(\"x\")", "'Tis"], ["-5, said", "'=x"], ["'", ""]])
        // Whatever a text, guarding it and reading it back gives it exactly.
        for note in ["=1+1", "+44 1234", "-5 on last month", "@home", "\tindented", "'quoted'", "''=x", "'=x", "plain", "'", ""] {
            let line = CSVField.escaped(CSVField.guarded(note))
            #expect(try Self.records("note\n\(line),x\n").last?.fields.first == note, "\(note)")
        }
    }

    @Test("a byte that is not UTF-8 is placed on its line when lines end in CR alone")
    func invalidByteLine() throws {
        var bytes = Array("measure,value\rKBI-01,1\rKBI-02,".utf8)
        bytes.append(0xFF)
        #expect(UTF8Validation.firstInvalidLine(bytes) == 3)
    }
}
