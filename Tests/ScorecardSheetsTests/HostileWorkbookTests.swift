import Foundation
import ScorecardKit
import Testing
import ZIPFoundation

@testable import ScorecardSheets

@Suite("Hostile and broken workbooks are refused with a clear message")
struct HostileWorkbookTests {
    typealias F = WorkbookFixture

    static func firstError(_ path: String, limits: WorkbookLimits = WorkbookLimits()) -> DataFileError? {
        do {
            _ = try CouncilWorkbook.tables(path: path, today: nil, limits: limits).load()
            return nil
        } catch let error as DataLoadError {
            return error.errors.first
        } catch {
            return DataFileError(file: "", line: nil, field: nil, message: "unexpected: \(error)")
        }
    }

    static func settings() -> (String, String) {
        ("Council", F.row(1, F.text("A1", "council"), F.text("B1", "C")) + F.row(2, F.text("A2", "plan"), F.text("B2", "P")))
    }

    @Test("a part that is not UTF-8 (`&amp` then 0xF5;) is refused, not a crash in Foundation's parser")
    func referenceNotUTF8() throws {
        let sheet = Array(#"<x:worksheet xmlns:x="\#(F.main)"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a&amp"#.utf8)
            + [0xF5] + Array(";</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>".utf8)
        let path = try F.path()
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let parts = F.parts(sheets: [Self.settings(), ("Measures", "")]).map { ($0.0, Data($0.1.utf8)) }
            .map { $0.0 == "xl/worksheets/sheet2.xml" ? ($0.0, Data(sheet)) : $0 }
        for (name, data) in parts {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        #expect(Self.firstError(path)?.message.contains("is not well-formed XML (its bytes are not UTF-8 text)") == true)
        // UTF-8 of every length is text; a stray continuation byte, an overlong form, a surrogate, a sequence cut short
        // or beyond U+10FFFF is not.
        #expect(XMLEvents.isUTF8OrUTF16(Data("plain ASCII, é, €, 𝄞 and more ASCII after them".utf8)))
        for bad: [UInt8] in [[0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF4, 0x90, 0x80, 0x80], [0xF5]] {
            #expect(!XMLEvents.isUTF8OrUTF16(Data(Array("<a>12345678".utf8) + bad + Array("</a>".utf8))))
        }
        #expect(XMLEvents.isUTF8OrUTF16(Data([0xFF, 0xFE, 0x3C, 0x00])), "UTF-16 is left to the parser")
    }

    @Test("a file that is not a zip archive, and an empty one said to be empty")
    func notZip() throws {
        let path = try F.path()
        try Data("measure,period,value\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(Self.firstError(path)?.message == "is not an Excel workbook (.xlsx): it is not a zip archive")
        try Data().write(to: URL(fileURLWithPath: path))
        #expect(Self.firstError(path)?.message == "is empty (0 bytes): save the workbook again from the spreadsheet")
    }

    @Test("a pipe named .xlsx is refused at once, not waited on for ever")
    func pipe() throws {
        let path = try F.path()
        #expect(mkfifo(path, 0o600) == 0)
        #expect(Self.firstError(path)?.message == "is not a regular file (a device or a pipe); give a workbook's file")
        // Given as a council's files, too: refused at once, not waited on (a plain open of a pipe waits for a writer).
        let error = try #require(throws: DataLoadError.self) { try CouncilSource.open(path, today: nil) }
        #expect(error.errors.first?.message == "is not a regular file (a device or a pipe); give a workbook's file")
    }

    @Test("a large file that is not a zip is refused from its first bytes, not searched to the end")
    func largeNotZip() throws {
        let path = try F.path()
        // 64 MB of CSV-like text: ZIPFoundation alone took about 9 s to search it for a zip's directory.
        let line = Data("KBI-001,2024-05,12.5\n".utf8)
        var data = Data(capacity: 64 << 20)
        while data.count < 64 << 20 { data.append(line) }
        try data.write(to: URL(fileURLWithPath: path))
        #expect(Self.firstError(path)?.message == "is not an Excel workbook (.xlsx): it is not a zip archive")
    }

    @Test("a password-protected workbook (an OLE file, as an old .xls is) is named as such, not only as not a zip")
    func passwordProtected() throws {
        let path = try WorkbookFixture.path()
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: URL(fileURLWithPath: path))
        #expect(throws: (any Error).self) { try Workbook(path: path) }
        do {
            _ = try Workbook(path: path)
        } catch {
            #expect("\(error)".contains("password-protected workbook or an old Excel file (.xls)"), "\(error)")
        }
    }

    @Test("a zip archive without xl/workbook.xml")
    func noWorkbook() throws {
        let path = try F.zip([("hello.txt", "hello")])
        #expect(Self.firstError(path)?.message.contains("it has no xl/workbook.xml") == true)
    }

    @Test("a workbook whose sheets are listed but its relationships part is missing says so, not that a sheet is absent")
    func noRelationships() throws {
        let parts = F.parts(sheets: [Self.settings(), ("Measures", "")]).filter { $0.0 != "xl/_rels/workbook.xml.rels" }
        let error = Self.firstError(try F.zip(parts))
        #expect(error?.message.contains("its 2 sheets are listed, but xl/_rels/workbook.xml.rels does not say where they are") == true,
                "\(String(describing: error))")
    }

    @Test("one sheet listed with no relationship saying where it is is named, not read as a sheet that is not there")
    func sheetWithoutRelationship() throws {
        // An Observations sheet so lost was read as none: every measure with no data, and check passed.
        let parts = F.parts(sheets: [Self.settings(), ("Measures", ""), ("Observations", "")]).map { name, text in
            (name, name == "xl/workbook.xml" ? text.replacingOccurrences(of: #"r:id="rId3""#, with: #"r:id="rId99""#) : text)
        }
        let error = Self.firstError(try F.zip(parts))
        #expect(error?.message.contains("its sheet Observations is listed, but xl/_rels/workbook.xml.rels does not say where it is") == true,
                "\(String(describing: error))")
    }

    @Test("a sheet that is not well-formed XML")
    func malformed() throws {
        var parts = F.parts(sheets: [Self.settings(), ("Measures", "")])
        parts[parts.count - 1].1 = "<worksheet><sheetData><row r=\"1\"><c>"
        let error = Self.firstError(try F.zip(parts))
        #expect(error?.message.contains("its part xl/worksheets/sheet2.xml is not well-formed XML") == true, "\(String(describing: error))")
    }

    @Test("a part that declares a document type (entity expansion)")
    func doctype() throws {
        var parts = F.parts(sheets: [Self.settings()])
        parts[parts.count - 1].1 = #"<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><worksheet><sheetData/></worksheet>"#
        #expect(Self.firstError(try F.zip(parts))?.message.contains("declares a document type") == true)
    }

    @Test("a part that declares 1 GB uncompressed, and one that holds more than it declares")
    func sizes() throws {
        let path = try F.zip(F.parts(sheets: [Self.settings()]))
        try F.declare(size: 1_000_000_000, of: "xl/worksheets/sheet1.xml", in: path)
        #expect(Self.firstError(path)?.message.contains("is 1000 MB uncompressed, more than the 200 MB allowed") == true)
        let lying = try F.zip(F.parts(sheets: [Self.settings()]))
        try F.declare(size: 10, of: "xl/worksheets/sheet1.xml", in: lying)
        #expect(Self.firstError(lying)?.message.contains("holds more than the size it declares") == true)
    }

    @Test("a part whose bytes do not match its checksum (a damaged copy) is refused, not read")
    func checksum() throws {
        let path = try F.zip(F.parts(sheets: [Self.settings()]))
        try F.declare(checksum: 0x1234_5678, of: "xl/worksheets/sheet1.xml", in: path)
        #expect(Self.firstError(path)?.message.contains("its part xl/worksheets/sheet1.xml is damaged (its checksum does not match)") == true)
    }

    @Test("an archive holding a part twice is refused")
    func partTwice() throws {
        var parts = F.parts(sheets: [Self.settings()])
        parts.append(("xl/worksheets/sheet1.xml", #"<x:worksheet xmlns:x="\#(F.main)"><x:sheetData/></x:worksheet>"#))
        #expect(Self.firstError(try F.zip(parts))?.message.contains("holds the part xl/worksheets/sheet1.xml twice") == true)
    }

    @Test("more cells than allowed, cells out of place, a formula with no saved value, a missing shared string")
    func cells() throws {
        let many = try F.zip(F.parts(sheets: [Self.settings()]))
        #expect(Self.firstError(many, limits: WorkbookLimits(cells: 3))?.message.contains("more than 3 cells") == true)
        let cases: [(String, String)] = [
            (F.row(1, F.text("A2", "x")), "\"A2\" is not a cell of row 1"),
            (F.row(1, #"<x:c r="B1"><x:f>1+1</x:f></x:c>"#), "the cell has a formula but no saved value"),
            (F.row(1, #"<x:c r="C1" t="s"><x:v>99</x:v></x:c>"#), "the cell refers to a shared string the workbook does not have"),
            (F.row(1, F.text("XFE1", "x")), "is not a cell of row 1"),
            // Which of two is meant cannot be told: the later one was taken without a word.
            (F.row(1, F.text("A1", "code"), F.number("A1", "13")), "the cell is given twice"),
            (F.row(1, F.text("A1", "code")) + F.row(1, F.text("B1", "title")), "the row is given twice"),
        ]
        for (data, words) in cases {
            let path = try F.zip(F.parts(sheets: [Self.settings(), ("Measures", data)]))
            let error = Self.firstError(path)
            #expect(error?.sheet == "Measures" && error?.message.contains(words) == true, "\(String(describing: error))")
        }
    }

    @Test("every cell that cannot be read is named in one run, as a table's bad rows are, not the first alone")
    func cellsReportedTogether() throws {
        let data = F.row(1, #"<x:c r="B1"><x:f>1+1</x:f></x:c>"#, #"<x:c r="D1" t="e"><x:v>#N/A</x:v></x:c>"#)
            + F.row(3, #"<x:c r="C3"><x:f>2+2</x:f></x:c>"#)
        let observations = F.row(1, #"<x:c r="A1"><x:f>3+3</x:f></x:c>"#)
        let path = try F.zip(F.parts(sheets: [Self.settings(), ("Measures", data), ("Observations", observations)]))
        var errors: [DataFileError] = []
        do { _ = try CouncilWorkbook.tables(path: path, today: nil).load() } catch let error as DataLoadError { errors = error.errors }
        // Every sheet's, not the first sheet's alone.
        #expect(errors.last?.description == path + ": sheet Observations, cell A1: the cell has a formula but no saved value (open the workbook in a spreadsheet program and save it)")
        errors.removeLast()
        #expect(errors.map(\.description) == [
            path + ": sheet Measures, cell B1: the cell has a formula but no saved value (open the workbook in a spreadsheet program and save it)",
            path + ": sheet Measures, cell D1: " + (errors.count > 1 ? errors[1].message : ""),
            path + ": sheet Measures, cell C3: the cell has a formula but no saved value (open the workbook in a spreadsheet program and save it)",
        ])
    }

    @Test("an old .xls or a spreadsheet of another kind is named as such")
    func otherKinds() throws {
        let path = try F.path("council.xls")
        try Data([0xD0, 0xCF, 0x11, 0xE0]).write(to: URL(fileURLWithPath: path))
        var message = ""
        do { _ = try CouncilSource.open(path, today: nil) } catch let error as DataLoadError { message = error.description }
        #expect(message.contains("save it as .xlsx"))
        var missing = ""
        do { _ = try CouncilSource.open(path + "x.xlsx", today: nil) } catch let error as DataLoadError { missing = error.description }
        #expect(missing.hasSuffix("x.xlsx: no such file"))
    }
}
