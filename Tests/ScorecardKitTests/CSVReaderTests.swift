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

    @Test("a line break inside quotes is kept, and lines after it are counted whatever ends them", arguments: ["\n", "\r\n", "\r"])
    func quotedBreak(end: String) throws {
        let text = "measure,note\(end)KBI-01,\"one\(end)two\"\(end)KBI-02,x\(end)"
        let records = try Self.records(text)
        #expect(records.last?.line == 4)
        #expect(records[1].fields[1] == "one\(end)two")
    }

    @Test("a byte that is not UTF-8 is placed on its line when lines end in CR alone")
    func invalidByteLine() throws {
        var bytes = Array("measure,value\rKBI-01,1\rKBI-02,".utf8)
        bytes.append(0xFF)
        #expect(UTF8Validation.firstInvalidLine(bytes) == 3)
    }
}
